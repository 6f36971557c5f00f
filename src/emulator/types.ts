/** Public configuration and record types of the embedded Entra + Graph emulator. */

export interface EmulatorUser {
  id: string;
  tenantId: string;
  displayName: string;
  userPrincipalName: string;
  /** Default true: an application access policy is granted to this user. */
  accessPolicy?: boolean;
  /** Default true: the user holds an Audio Conferencing licence (dial-in details on meetings). */
  audioConferencing?: boolean;
  /** Default true. */
  teamsLicensed?: boolean;
  /** Default false. */
  guest?: boolean;
}

export interface EmulatorApp {
  clientId: string;
  clientSecret?: string;
  /** Public certificate (PEM); client assertions are verified with its key and thumbprint. */
  certificatePem?: string;
  /** Application roles granted by admin consent. Default ['OnlineMeetings.ReadWrite.All', 'User.Read.All', 'Calendars.ReadWrite']. */
  roles?: string[];
  /** Tenants that consented to the app. Default: every known tenant. */
  tenants?: string[];
}

/** Pino-compatible subset, so the bot can pass its own logger. */
export interface EmulatorLogger {
  warn(obj: object, msg: string): void;
}

export interface EmulatorOptions {
  /** Default 0 (any free port). */
  port?: number;
  /** Default '127.0.0.1'. */
  host?: string;
  /** Accept any GUID tenant and any GUID user id, provisioning them on first sight. */
  autoProvision?: boolean;
  apps?: EmulatorApp[];
  users?: EmulatorUser[];
  tenants?: string[];
  /** Default 'https://graph.microsoft.com'; tokens carry it as `aud`, the scope must be `${graphAudience}/.default`. */
  graphAudience?: string;
  /** Default true. False keeps only the counters (for benchmarks). */
  record?: boolean;
  /** Most requests kept per record list; older ones are dropped. Default 10,000. */
  recordLimit?: number;
  /** Most meetings kept; the oldest are forgotten. Default 100,000. */
  maxMeetings?: number;
  /**
   * How Graph words its 403 for an organizer without an application access policy: `General` (default, what
   * Graph answers today: code `General`, "No application access policy found for this app.") or
   * `Unauthorized` (the wording on the access policy page: "App <app id> is not authorized to Create meeting
   * on behalf of user <user id>"). https://learn.microsoft.com/graph/cloud-communication-online-meeting-application-access-policy
   */
  accessPolicyDenial?: AccessPolicyDenial;
  /** See EventJoinInfo. Default `full`. */
  eventJoinInfo?: EventJoinInfo;
  /** Serve the `/_emulator/` control API. Only for the stand-alone CLI, never embedded. */
  controlApi?: boolean;
  logger?: EmulatorLogger;
}

export type AccessPolicyDenial = 'General' | 'Unauthorized';

/**
 * What a created event's `onlineMeeting` holds: `full` (default) the join URL with the dial-in
 * (`conferenceId`, `tollNumber`, `tollFreeNumbers`, `phones`, `quickDial`); `joinUrl` the join URL alone, as
 * an answer may come before Teams has filled in the rest (the client then looks the meeting up); `later`
 * nothing in the create's answer (`onlineMeeting: null`), the full details only when the event is read again;
 * `never` no Teams meeting in the answer nor when read again (Graph initializes `onlineMeeting` after the
 * event is created, https://learn.microsoft.com/graph/api/resources/event: a slow or failed Teams side).
 */
export type EventJoinInfo = 'full' | 'joinUrl' | 'later' | 'never';

export type FaultTarget = 'token' | 'graph';

export interface Fault {
  target: FaultTarget;
  /** How many requests it applies to. Default 1. */
  times?: number;
  status?: number;
  /** Seconds, sent as `Retry-After`. */
  retryAfter?: number;
  code?: string;
  /** A token fault's AADSTS code (`error_codes` and the `AADSTSnnnn:` prefix of `error_description`). */
  aadsts?: number;
  message?: string;
  /** Delay before answering; alone it makes a slow success. */
  latencyMs?: number;
  /** End the exchange without an answer: HTTP/1.1 loses its connection, HTTP/2 its stream (RST_STREAM). */
  drop?: boolean;
  /** Answer a success status with a truncated JSON body. */
  malformedBody?: boolean;
}

export interface RecordedRequest {
  /** `2.0` when the client negotiated HTTP/2, else `1.1`. */
  httpVersion: string;
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
  /** 0 when the connection was dropped without an answer. */
  status: number;
  at: number;
}

export interface RequestCounts {
  token: number;
  graph: number;
  discovery: number;
}
