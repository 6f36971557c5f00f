import { zoneOffsetMinutes } from '../commands/parse-when';
import { GRAPH_IANA_TIME_ZONES, UTC_ZONE } from '../graph/event-time-zones';
import type { Directory, DirectoryUser } from './directory';
import { GraphError } from './errors';
import type { EventStore, StoredEvent } from './event-store';
import type { Authenticate, Caller } from './graph-auth';
import { readJsonObject } from './graph-request';
import { newGuid } from './ids';
import { buildOnlineMeeting, graphDateTime, type OnlineMeeting } from './meeting-resources';
import type { MeetingStore } from './meeting-store';
import type { Exchange, Reply, Route } from './exchange';
import type { EventJoinInfo } from './types';

/*
 * Outlook calendar events with a Teams meeting, as Graph documents them:
 * create https://learn.microsoft.com/graph/api/user-post-events (application permission Calendars.ReadWrite,
 * `transactionId` "to avoid redundant POST operations in case of client retries"), the resource
 * https://learn.microsoft.com/graph/api/resources/event, its `onlineMeeting`
 * https://learn.microsoft.com/graph/api/resources/onlinemeetinginfo, and cancel
 * https://learn.microsoft.com/graph/api/event-cancel (202 Accepted, organizer only; the event moves to Deleted
 * Items, so it is gone from the calendar).
 */

export const CALENDARS_WRITE = ['Calendars.ReadWrite'];

/** Writable properties of event a create may carry; anything else is refused, as OData does. */
const EVENT_PROPERTIES = new Set([
  'subject', 'body', 'start', 'end', 'attendees', 'location', 'locations', 'isOnlineMeeting', 'onlineMeetingProvider',
  'transactionId', 'importance', 'sensitivity', 'showAs', 'isAllDay', 'isReminderOn', 'reminderMinutesBeforeStart',
  'responseRequested', 'allowNewTimeProposals', 'hideAttendees', 'categories', 'recurrence',
]);
const PROVIDERS = new Set(['teamsForBusiness', 'skypeForBusiness', 'skypeForConsumer', 'unknown']);
const ATTENDEE_TYPES = new Set(['required', 'optional', 'resource']);
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,7})?)?$/;

export interface CalendarDeps {
  authenticate: Authenticate;
  directory: Directory;
  events: EventStore;
  meetings: MeetingStore;
  graphBaseUrl: string;
  now: () => Date;
  eventJoinInfo: EventJoinInfo;
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const badRequest = (message: string) => new GraphError(400, 'ErrorInvalidRequest', message);

/** A dateTimeTimeZone → the instant it names; the zone must be one Graph takes (UTC or its documented IANA names). */
function readDateTimeTimeZone(name: string, value: unknown): Date {
  if (!isObject(value) || typeof value.dateTime !== 'string' || typeof value.timeZone !== 'string') {
    throw badRequest(`The property '${name}' must be a dateTimeTimeZone with a dateTime and a timeZone.`);
  }
  const zone = value.timeZone;
  if (zone !== UTC_ZONE && !GRAPH_IANA_TIME_ZONES.has(zone)) {
    throw new GraphError(400, 'TimeZoneNotSupportedException', `A valid TimeZone value must be specified. The following TimeZone value is not supported: '${zone}'.`);
  }
  const match = DATE_TIME.exec(value.dateTime);
  if (match === null) throw badRequest(`Cannot convert the literal '${value.dateTime}' to the expected type 'Edm.DateTime'. (property '${name}.dateTime')`);
  const [, y, mo, d, h, mi, s] = match.map(Number) as number[];
  const naive = Date.UTC(y ?? 0, (mo ?? 1) - 1, d ?? 1, h ?? 0, mi ?? 0, s ?? 0);
  if (zone === UTC_ZONE) return new Date(naive);
  // Two rounds find the offset of the instant itself, also on a day whose offset changes.
  const first = naive - zoneOffsetMinutes(zone, new Date(naive)) * 60_000;
  return new Date(naive - zoneOffsetMinutes(zone, new Date(first)) * 60_000);
}

function readAttendees(value: unknown): { address: string; name?: string; type: string }[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw badRequest("The property 'attendees' must be a collection of attendee.");
  return value.map((attendee: unknown, index) => {
    const email = isObject(attendee) ? attendee.emailAddress : undefined;
    const address = isObject(email) ? email.address : undefined;
    // Enum values are read case-insensitively: Graph's own example sends "Required" (user-post-events).
    const rawType = isObject(attendee) ? (attendee.type ?? 'required') : undefined;
    const type = typeof rawType === 'string' ? rawType.toLowerCase() : undefined;
    if (typeof address !== 'string' || !/^[^@\s]+@[^@\s]+$/.test(address)) throw badRequest(`attendees[${index}].emailAddress.address must be an SMTP address or UPN.`);
    if (type === undefined || !ATTENDEE_TYPES.has(type)) throw badRequest(`attendees[${index}].type must be required, optional or resource.`);
    const name = isObject(email) && typeof email.name === 'string' ? email.name : undefined;
    return { address, name, type };
  });
}

/** Graph's onlineMeetingInfo of the meeting an event holds; `joinUrl` alone when configured so (the look-up path). */
function joinInfo(meeting: OnlineMeeting, mode: Exclude<EventJoinInfo, 'later' | 'never'>): Json {
  const audio = meeting.audioConferencing;
  if (mode === 'joinUrl' || audio === null) return { joinUrl: meeting.joinWebUrl, conferenceId: null, tollNumber: null, tollFreeNumbers: [], phones: [], quickDial: null };
  return {
    joinUrl: meeting.joinWebUrl,
    conferenceId: audio.conferenceId,
    tollNumber: audio.tollNumber,
    tollFreeNumbers: audio.tollFreeNumbers,
    phones: [...audio.tollNumbers.map((number) => ({ number, type: 'business' })), ...audio.tollFreeNumbers.map((number) => ({ number, type: 'other' }))],
    quickDial: `${audio.tollNumber},,${audio.conferenceId}#`,
  };
}

export function calendarRoutes(deps: CalendarDeps): Route[] {
  const denied = (): GraphError => new GraphError(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.');

  const decode = (segment: string): string => {
    try {
      return decodeURIComponent(segment);
    } catch {
      throw badRequest(`Invalid URL segment '${segment}'.`);
    }
  };

  /** The mailbox in the path: an object id or UPN of a member of the caller's tenant. */
  const mailbox = (caller: Caller, segment: string): DirectoryUser => {
    const id = decode(segment);
    const user = deps.directory.findUser(caller.tenantId, id);
    if (user === undefined || user.guest) throw new GraphError(404, 'ErrorInvalidUser', `The requested user '${id}' is invalid.`);
    return user;
  };

  const create = async (ex: Exchange, [userSegment = '']: string[]): Promise<Reply> => {
    const caller = await deps.authenticate(ex, CALENDARS_WRITE, denied);
    const user = mailbox(caller, userSegment);
    const body = readJsonObject(ex);
    for (const name of Object.keys(body)) {
      if (!name.startsWith('@') && !EVENT_PROPERTIES.has(name)) {
        throw new GraphError(400, 'RequestBodyRead', `The property '${name}' does not exist on type 'microsoft.graph.event'. Make sure to only use property names that are defined by the type or mark the type as open type.`);
      }
    }
    if (body.subject !== undefined && typeof body.subject !== 'string') throw badRequest("The property 'subject' must be a string.");
    if (body.isOnlineMeeting !== undefined && typeof body.isOnlineMeeting !== 'boolean') throw badRequest("The property 'isOnlineMeeting' must be a boolean.");
    if (body.onlineMeetingProvider !== undefined && (typeof body.onlineMeetingProvider !== 'string' || !PROVIDERS.has(body.onlineMeetingProvider))) {
      throw badRequest(`The property 'onlineMeetingProvider' must be one of ${[...PROVIDERS].join(', ')}.`);
    }
    if (body.transactionId !== undefined && (typeof body.transactionId !== 'string' || body.transactionId === '')) throw badRequest("The property 'transactionId' must be a non-empty string.");
    const start = readDateTimeTimeZone('start', body.start);
    const end = readDateTimeTimeZone('end', body.end);
    if (end.getTime() < start.getTime()) throw badRequest('The end of the event must not be before its start.');
    const attendees = readAttendees(body.attendees);
    // A retried create with the same transactionId is the same event, not a second one.
    const transactionId = typeof body.transactionId === 'string' ? body.transactionId : undefined;
    if (transactionId !== undefined) {
      const existing = deps.events.findByClientKey(user.id, transactionId);
      if (existing !== undefined) return { status: 201, body: existing.resource };
    }
    const subject = typeof body.subject === 'string' ? body.subject : '';
    const online = body.isOnlineMeeting === true && (body.onlineMeetingProvider ?? 'teamsForBusiness') === 'teamsForBusiness';
    // The Teams meeting the event holds, found later by its join URL (the dial-in look-up) or deleted by id.
    const meeting = online ? buildOnlineMeeting(user, { subject, start, end, attendeeIds: [], externalId: null }, deps.now(), deps.graphBaseUrl) : undefined;
    if (meeting !== undefined) deps.meetings.add({ api: 'v1.0', id: meeting.id, organizerId: user.id, tenantId: user.tenantId, resource: meeting });
    const id = `AAMkA${Buffer.from(newGuid()).toString('base64url')}`;
    const created = graphDateTime(deps.now());
    const resource: Json = {
      '@odata.context': `${deps.graphBaseUrl}/v1.0/$metadata#users('${user.id}')/events/$entity`,
      '@odata.etag': `W/"${Buffer.from(newGuid()).toString('base64')}"`,
      id,
      createdDateTime: created,
      lastModifiedDateTime: created,
      ...(transactionId === undefined ? {} : { transactionId }),
      originalStartTimeZone: (body.start as Json).timeZone,
      originalEndTimeZone: (body.end as Json).timeZone,
      iCalUId: `040000008200E00074C5B7101A82E008${Buffer.from(id).toString('hex').slice(0, 40)}`,
      subject,
      isCancelled: false,
      isOrganizer: true,
      isOnlineMeeting: online,
      onlineMeetingProvider: online ? 'teamsForBusiness' : 'unknown',
      onlineMeetingUrl: null,
      responseStatus: { response: 'organizer', time: '0001-01-01T00:00:00Z' },
      // Graph answers in UTC unless the request asks otherwise (Prefer: outlook.timezone).
      start: { dateTime: graphDateTime(start).replace(/Z$/, ''), timeZone: 'UTC' },
      end: { dateTime: graphDateTime(end).replace(/Z$/, ''), timeZone: 'UTC' },
      attendees: attendees.map((a) => ({ type: a.type, status: { response: 'none', time: '0001-01-01T00:00:00Z' }, emailAddress: { name: a.name ?? a.address, address: a.address } })),
      organizer: { emailAddress: { name: user.displayName, address: user.userPrincipalName } },
      webLink: `https://outlook.office365.com/owa/?itemid=${encodeURIComponent(id)}&exvsurl=1&path=/calendar/item`,
      onlineMeeting: meeting === undefined || deps.eventJoinInfo === 'never' ? null : joinInfo(meeting, deps.eventJoinInfo === 'joinUrl' ? 'joinUrl' : 'full'),
    };
    deps.events.add({ id, organizerId: user.id, transactionId, resource });
    return { status: 201, body: deps.eventJoinInfo === 'later' ? { ...resource, onlineMeeting: null } : resource };
  };

  /** The organizer's event, or Graph's 404 for an id it does not (or no longer) hold. */
  const eventOf = (user: DirectoryUser, segment: string): StoredEvent => {
    const event = deps.events.get(decode(segment));
    if (event === undefined || event.organizerId !== user.id) throw new GraphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
    return event;
  };

  /** https://learn.microsoft.com/graph/api/event-get: with `$select`, the id and the selected properties. */
  const read = async (ex: Exchange, [userSegment = '', eventSegment = '']: string[]): Promise<Reply> => {
    const caller = await deps.authenticate(ex, [...CALENDARS_WRITE, 'Calendars.Read', 'Calendars.ReadBasic'], denied);
    const event = eventOf(mailbox(caller, userSegment), eventSegment);
    const select = ex.query.get('$select')?.split(',').map((name) => name.trim()).filter((name) => name !== '');
    if (select === undefined || select.length === 0) return { status: 200, body: event.resource };
    const picked = Object.entries(event.resource).filter(([name]) => name === 'id' || name.startsWith('@odata') || select.some((wanted) => wanted.toLowerCase() === name.toLowerCase()));
    return { status: 200, body: Object.fromEntries(picked) };
  };

  const cancel = async (ex: Exchange, [userSegment = '', eventSegment = '']: string[]): Promise<Reply> => {
    const caller = await deps.authenticate(ex, CALENDARS_WRITE, denied);
    const user = mailbox(caller, userSegment);
    // A JSON object (Content-Type required); its optional `Comment` goes to the attendees with the cancellation.
    const body = readJsonObject(ex);
    const comment = body.Comment ?? body.comment;
    if (comment !== undefined && typeof comment !== 'string') throw badRequest("The parameter 'Comment' must be a string.");
    const event = eventOf(user, eventSegment);
    deps.events.delete(event.id);
    return { status: 202 };
  };

  return [
    { kind: 'graph', method: 'POST', pattern: /^\/v1\.0\/users\/([^/]+)\/(?:calendar\/)?events\/?$/i, handle: create },
    { kind: 'graph', method: 'GET', pattern: /^\/v1\.0\/users\/([^/]+)\/(?:calendar\/)?events\/([^/]+)$/i, handle: read },
    { kind: 'graph', method: 'POST', pattern: /^\/v1\.0\/users\/([^/]+)\/(?:calendar\/)?events\/([^/]+)\/cancel\/?$/i, handle: cancel },
  ];
}
