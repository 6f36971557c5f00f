import type { Directory, DirectoryUser } from './directory';
import { GraphError } from './errors';
import { calendarRoutes } from './calendar-events';
import type { EventStore } from './event-store';
import type { Exchange, Reply, Route } from './exchange';
import { graphAuthenticator, type Caller } from './graph-auth';
import { parseBetaMeetingBody, parseOnlineMeetingBody, readJsonObject, type MeetingBody } from './graph-request';
import { looksLikeGuid } from './ids';
import { buildBetaMeeting, buildOnlineMeeting, type MeetingInput } from './meeting-resources';
import type { MeetingStore } from './meeting-store';
import type { TokenSigner } from './tokens';
import type { AccessPolicyDenial, EventJoinInfo } from './types';

export interface GraphDeps {
  directory: Directory;
  meetings: MeetingStore;
  signer: TokenSigner;
  graphAudience: string;
  graphBaseUrl: string;
  now: () => Date;
  accessPolicyDenial: AccessPolicyDenial;
  events: EventStore;
  eventJoinInfo: EventJoinInfo;
}

const MEETINGS_WRITE = ['OnlineMeetings.ReadWrite.All'];
const MEETINGS_READ = ['OnlineMeetings.Read.All', 'OnlineMeetings.ReadWrite.All'];
const USERS_READ = ['User.Read.All', 'User.ReadBasic.All', 'User.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'];

/**
 * Graph's two wordings of a missing application access policy (403). `General`: what Graph answers, as
 * reported with its request-ids in https://github.com/microsoftgraph/msgraph-sdk-dotnet/issues/2350 and
 * shown by the access policy page since 2023 (microsoft-graph-docs PR 21541). `Unauthorized`: the error on
 * the same page before, still in microsoft-graph-docs-contrib:
 * https://learn.microsoft.com/graph/cloud-communication-online-meeting-application-access-policy#errors
 */
export const POLICY_MISSING_MESSAGE = 'No application access policy found for this app.';

type MeetingAction = 'Create' | 'Get' | 'Delete';

function policyDenied(wording: AccessPolicyDenial, appId: string, userId: string, action: MeetingAction): GraphError {
  return wording === 'Unauthorized'
    ? new GraphError(403, 'Unauthorized', `App ${appId} is not authorized to ${action} meeting on behalf of user ${userId}`)
    : new GraphError(403, 'General', POLICY_MISSING_MESSAGE);
}
const ONE_HOUR_MS = 3600 * 1000;

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new GraphError(400, 'BadRequest', `Invalid URL segment '${segment}'.`);
  }
}

/** graph.microsoft.com: the online meeting APIs and user lookup, with Graph's checks and answers. */
export function graphRoutes(deps: GraphDeps): Route[] {
  const { directory, meetings } = deps;

  const authenticate = graphAuthenticator(deps);

  const meetingsDenied = (): GraphError =>
    new GraphError(403, 'Forbidden', 'Application does not have permission to access online meetings: the OnlineMeetings.ReadWrite.All application permission has not been granted (admin consent).');
  const usersDenied = (): GraphError => new GraphError(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.');

  /** Graph's organizer rules: a member of the caller's tenant, by object id, covered by the app's access policy. */
  const organizer = (caller: Caller, id: string, action: MeetingAction = 'Create'): DirectoryUser => {
    const user = looksLikeGuid(id) ? directory.findUserById(caller.tenantId, id) : undefined;
    if (user === undefined) {
      throw new GraphError(404, 'NotFound', `The organizer '${id}' was not found in tenant '${caller.tenantId}'. Organizers are identified by their Entra object id (a UPN is not accepted).`);
    }
    if (!user.accessPolicy) throw policyDenied(deps.accessPolicyDenial, caller.appId, user.id, action);
    if (user.guest) throw new GraphError(403, 'Forbidden', `The user '${id}' is a guest of tenant '${caller.tenantId}' and cannot organize online meetings.`);
    if (!user.teamsLicensed) throw new GraphError(404, 'NotFound', `The organizer '${id}' has no Microsoft Teams license.`);
    return user;
  };

  /** No times: now for one hour; only an end: it must not be in the past. */
  const meetingInput = (body: MeetingBody): MeetingInput => {
    const start = body.start ?? deps.now();
    const end = body.end ?? new Date(start.getTime() + ONE_HOUR_MS);
    if (end.getTime() < start.getTime()) throw new GraphError(400, 'BadRequest', 'The endDateTime must be later than the startDateTime.');
    return { subject: body.subject, start, end, attendeeIds: body.attendeeIds };
  };

  const createBeta = async (ex: Exchange): Promise<Reply> => {
    const caller = await authenticate(ex, MEETINGS_WRITE, meetingsDenied);
    const body = parseBetaMeetingBody(readJsonObject(ex));
    const user = organizer(caller, body.organizerId ?? '');
    const resource = buildBetaMeeting(user, { ...meetingInput(body), meetingType: body.meetingType ?? 'meetNow' }, deps.now());
    meetings.add({ api: 'beta', id: resource.id, organizerId: user.id, tenantId: user.tenantId, resource });
    return { status: 201, body: resource };
  };

  const createV1 = (createOrGet: boolean) => async (ex: Exchange, [userSegment = '']: string[]): Promise<Reply> => {
    const caller = await authenticate(ex, MEETINGS_WRITE, meetingsDenied);
    const user = organizer(caller, decodeSegment(userSegment));
    const body = parseOnlineMeetingBody(readJsonObject(ex), createOrGet);
    if (createOrGet && body.externalId !== undefined) {
      const existing = meetings.findByClientKey(user.id, body.externalId);
      if (existing !== undefined) return { status: 200, body: existing.resource };
    }
    const resource = buildOnlineMeeting(user, { ...meetingInput(body), externalId: body.externalId ?? null }, deps.now(), deps.graphBaseUrl);
    meetings.add({ api: 'v1.0', id: resource.id, organizerId: user.id, tenantId: user.tenantId, externalId: body.externalId, resource });
    return { status: 201, body: resource };
  };

  const getMeeting = async (ex: Exchange, [userSegment = '', meetingSegment = '']: string[]): Promise<Reply> => {
    const caller = await authenticate(ex, MEETINGS_READ, meetingsDenied);
    const user = organizer(caller, decodeSegment(userSegment), 'Get');
    return { status: 200, body: ownMeeting(user, decodeSegment(meetingSegment)).resource };
  };

  const ownMeeting = (user: DirectoryUser, meetingId: string) => {
    const meeting = meetings.get(meetingId);
    if (meeting === undefined || meeting.api !== 'v1.0' || meeting.organizerId !== user.id) {
      throw new GraphError(404, 'NotFound', `The online meeting '${meetingId}' was not found for organizer '${user.id}'.`);
    }
    return meeting;
  };

  /** https://learn.microsoft.com/graph/api/onlinemeeting-delete: 204, the meeting is gone. */
  const deleteMeeting = async (ex: Exchange, [userSegment = '', meetingSegment = '']: string[]): Promise<Reply> => {
    const caller = await authenticate(ex, MEETINGS_WRITE, meetingsDenied);
    const user = organizer(caller, decodeSegment(userSegment), 'Delete');
    meetings.delete(ownMeeting(user, decodeSegment(meetingSegment)).id);
    return { status: 204 };
  };

  /**
   * `GET /users/{id}/onlineMeetings?$filter=JoinWebUrl eq '{joinWebUrl}'` (https://learn.microsoft.com/graph/api/onlinemeeting-get):
   * the meeting behind a calendar event's join URL, as a collection. Only this filter is served.
   */
  const findMeeting = async (ex: Exchange, [userSegment = '']: string[]): Promise<Reply> => {
    const caller = await authenticate(ex, MEETINGS_READ, meetingsDenied);
    const user = organizer(caller, decodeSegment(userSegment), 'Get');
    const filter = /^\s*joinWebUrl\s+eq\s+'((?:[^']|'')*)'\s*$/i.exec(ex.query.get('$filter') ?? '');
    if (filter?.[1] === undefined) throw new GraphError(400, 'BadRequest', "Filter expression expected - /onlineMeetings?$filter=JoinWebUrl eq 'joinWebUrl'.");
    const found = meetings.findByJoinWebUrl(user.id, filter[1].replace(/''/g, "'"));
    return {
      status: 200,
      body: { '@odata.context': `${deps.graphBaseUrl}/v1.0/$metadata#users('${user.id}')/onlineMeetings`, value: found === undefined ? [] : [found.resource] },
    };
  };

  const getUser = async (ex: Exchange, [userSegment = '']: string[]): Promise<Reply> => {
    const caller = await authenticate(ex, USERS_READ, usersDenied);
    const idOrUpn = decodeSegment(userSegment);
    const user = directory.findUser(caller.tenantId, idOrUpn);
    if (user === undefined) {
      throw new GraphError(404, 'Request_ResourceNotFound', `Resource '${idOrUpn}' does not exist or one of its queried reference-property objects are not present.`);
    }
    return {
      status: 200,
      body: {
        '@odata.context': `${deps.graphBaseUrl}/v1.0/$metadata#users/$entity`,
        id: user.id,
        displayName: user.displayName,
        userPrincipalName: user.userPrincipalName,
        userType: user.guest ? 'Guest' : 'Member',
      },
    };
  };

  /**
   * The service root answers with the OData service document, the entity sets the emulator serves
   * (https://docs.oasis-open.org/odata/odata-json-format/v4.01/odata-json-format-v4.01.html#sec_ServiceDocument;
   * Graph publishes its metadata at the same root: https://learn.microsoft.com/graph/traverse-the-graph).
   */
  const serviceDocument = async (_ex: Exchange, [version = 'v1.0']: string[]): Promise<Reply> => ({
    status: 200,
    body: {
      '@odata.context': `${deps.graphBaseUrl}/${version}/$metadata`,
      value: [
        { name: 'users', kind: 'EntitySet', url: 'users' },
        ...(version === 'beta' ? [{ name: 'app', kind: 'Singleton', url: 'app' }] : []),
      ],
    },
  });

  return [
    { kind: 'graph', method: 'GET', pattern: /^\/(v1\.0|beta)\/?$/, handle: serviceDocument },
    { kind: 'graph', method: 'POST', pattern: /^\/beta\/app\/onlineMeetings\/?$/i, handle: createBeta },
    { kind: 'graph', method: 'POST', pattern: /^\/v1\.0\/users\/([^/]+)\/onlineMeetings\/?$/i, handle: createV1(false) },
    { kind: 'graph', method: 'POST', pattern: /^\/v1\.0\/users\/([^/]+)\/onlineMeetings\/createOrGet\/?$/i, handle: createV1(true) },
    { kind: 'graph', method: 'GET', pattern: /^\/v1\.0\/users\/([^/]+)\/onlineMeetings\/?$/i, handle: findMeeting },
    { kind: 'graph', method: 'GET', pattern: /^\/v1\.0\/users\/([^/]+)\/onlineMeetings\/([^/]+)$/i, handle: getMeeting },
    // createOrGet is an action, not a meeting id: DELETE on it stays 405.
    { kind: 'graph', method: 'DELETE', pattern: /^\/v1\.0\/users\/([^/]+)\/onlineMeetings\/(?!createOrGet$)([^/]+)$/i, handle: deleteMeeting },
    ...calendarRoutes({ authenticate, directory, events: deps.events, meetings, graphBaseUrl: deps.graphBaseUrl, now: deps.now, eventJoinInfo: deps.eventJoinInfo }),
    { kind: 'graph', method: 'GET', pattern: /^\/v1\.0\/users\/([^/]+)\/?$/i, handle: getUser },
  ];
}

/** Graph's answer for a path no route serves. */
export function unknownGraphPath(path: string): GraphError {
  const segments = path.split('/').filter((s) => s !== '');
  const version = segments[0]?.toLowerCase();
  if (version !== 'v1.0' && version !== 'beta') {
    return new GraphError(404, 'UnknownError', `No HTTP resource was found that matches the request URI '${path}'.`);
  }
  const rest = segments.slice(1);
  const known = new Set(['users', 'app', 'onlinemeetings', 'createorget', 'calendar', 'events', 'cancel']);
  // Ids follow 'users', 'onlineMeetings' and 'events'; the first segment that is neither known nor an id is the culprit.
  const culprit =
    rest.find((s, i) => !known.has(s.toLowerCase()) && !['users', 'onlinemeetings', 'events'].includes(rest[i - 1]?.toLowerCase() ?? '')) ??
    rest[rest.length - 1] ??
    segments[0] ??
    '';
  return new GraphError(400, 'BadRequest', `Resource not found for the segment '${culprit}'.`);
}
