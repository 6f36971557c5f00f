/**
 * Every failure in MeetNow is a MeetNowError with a stable string `code`. The use case returns these;
 * only the edges (HTTP server, chat replies) turn them into status codes or words.
 */
export type ErrorCode =
  | 'config_invalid'
  | 'identity_missing'
  | 'identity_unmapped'
  | 'identity_unverifiable'
  | 'tenant_not_allowed'
  | 'rate_limited'
  | 'tenant_rate_limited'
  | 'token_invalid_client'
  | 'token_consent_missing'
  | 'token_tenant_not_found'
  | 'token_scope_invalid'
  | 'token_failed'
  | 'graph_access_policy'
  | 'graph_permission_missing'
  | 'graph_calendar_access_denied'
  | 'graph_mailbox_not_found'
  | 'directory_permission_missing'
  | 'graph_organizer_not_found'
  | 'graph_organizer_not_eligible'
  | 'graph_throttled'
  | 'graph_unavailable'
  | 'graph_bad_request'
  | 'graph_app_api_retired'
  | 'graph_unauthorized'
  | 'graph_invalid_response'
  | 'graph_event_without_meeting'
  | 'graph_error'
  | 'network'
  | 'bot_connector'
  | 'internal';

export interface ErrorDetails {
  status?: number;
  graphCode?: string;
  /** The Bot Connector's `error.code` of a refused reply (`BotNotInConversationRoster`, `MessageSizeTooBig`…). */
  connectorCode?: string;
  requestId?: string;
  /** When the same request may succeed again (a refusal by MEET_RATE_LIMIT or the tenant's limit, a throttled Bot Connector reply). */
  retryAfterMs?: number;
  cause?: unknown;
}

export class MeetNowError extends Error {
  readonly code: ErrorCode;
  readonly status?: number;
  readonly graphCode?: string;
  readonly connectorCode?: string;
  readonly requestId?: string;
  readonly retryAfterMs?: number;

  constructor(code: ErrorCode, message: string, details: ErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'MeetNowError';
    this.code = code;
    this.status = details.status;
    this.graphCode = details.graphCode;
    this.connectorCode = details.connectorCode;
    this.requestId = details.requestId;
    this.retryAfterMs = details.retryAfterMs;
  }
}

/**
 * HTTP status carried by a failed call: MeetNow's own errors (`status`) and the Azure SDK's RestError that
 * botbuilder's Teams helpers throw (`statusCode`).
 */
export function httpStatusOf(error: unknown): number | undefined {
  const holder = error as { status?: unknown; statusCode?: unknown } | null | undefined;
  const status = holder?.status ?? holder?.statusCode;
  return typeof status === 'number' ? status : undefined;
}

/** Turns anything thrown into a coded error, keeping the original as `cause`. */
export function asMeetNowError(error: unknown): MeetNowError {
  if (error instanceof MeetNowError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new MeetNowError('internal', message, { cause: error });
}
