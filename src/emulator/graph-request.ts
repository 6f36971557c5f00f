import { GraphError } from './errors';
import { headerValue, type Exchange } from './exchange';
import { isGuid } from './ids';
import type { BetaMeetingType } from './meeting-resources';

/**
 * Pure checks of Graph request bodies. Each failure is the GraphError Graph answers, worded like
 * Graph's (OData) messages where those are known.
 */

export const MAX_SUBJECT_LENGTH = 256;

const BETA_MEETING_TYPES: readonly BetaMeetingType[] = ['meetNow', 'scheduled', 'recurring', 'broadcast'];

/** Writable and read-only properties of onlineMeeting (v1.0 and beta); anything else is refused, as OData does. */
const ONLINE_MEETING_PROPERTIES = new Set([
  'id', 'subject', 'startDateTime', 'endDateTime', 'creationDateTime', 'externalId', 'participants', 'chatInfo',
  'joinWebUrl', 'joinUrl', 'joinInformation', 'joinMeetingIdSettings', 'audioConferencing', 'lobbyBypassSettings',
  'allowedPresenters', 'allowAttendeeToEnableCamera', 'allowAttendeeToEnableMic', 'allowMeetingChat',
  'allowTeamworkReactions', 'allowParticipantsToChangeName', 'allowRecording', 'allowTranscription',
  'allowBreakoutRooms', 'allowLiveShare', 'allowPowerPointSharing', 'allowWhiteboard', 'allowedLobbyAdmitters',
  'allowCopyingAndSharingMeetingContent', 'isEntryExitAnnounced', 'isBroadcast', 'broadcastSettings',
  'recordAutomatically', 'shareMeetingChatHistoryDefault', 'watermarkProtection', 'chatRestrictions',
  'meetingTemplateId', 'isEndToEndEncryptionEnabled', 'videoTeleconferenceId', 'meetingOptionsWebUrl',
  'expiryDateTime', 'meetingSpokenLanguageTag', 'meetingInfo',
  // beta (2018) resource
  'meetingType', 'accessLevel', 'canceledDateTime', 'entryExitAnnouncement', 'expirationDateTime', 'isCancelled',
  'autoAdmittedUsers', 'capabilities',
]);

export interface MeetingBody {
  subject: string | null;
  start?: Date;
  end?: Date;
  externalId?: string;
  attendeeIds: string[];
  /** beta only */
  meetingType?: BetaMeetingType;
  /** beta only: participants.organizer.identity.user.id */
  organizerId?: string;
}

type Json = Record<string, unknown>;

function badRequest(message: string): GraphError {
  return new GraphError(400, 'BadRequest', message);
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The request's JSON object body: 415 without a JSON content type, 400 when empty or malformed. */
export function readJsonObject(ex: Exchange): Json {
  const contentType = headerValue(ex.headers, 'content-type');
  const mediaType = contentType?.split(';')[0]?.trim().toLowerCase();
  if (ex.rawBody.length === 0) throw badRequest('Empty Payload. JSON content expected.');
  if (mediaType !== 'application/json') {
    throw new GraphError(415, 'UnsupportedMediaType', `Content type '${contentType ?? ''}' is not supported. The request body must be JSON with Content-Type 'application/json'.`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(ex.rawBody.toString('utf8'));
  } catch {
    throw badRequest('Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.');
  }
  if (!isObject(parsed)) throw badRequest('Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.');
  return parsed;
}

/** An optional string property: undefined when absent or null, 400 when of another type. */
function optionalString(body: Json, name: string): string | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw badRequest(`Invalid value for property '${name}': string expected.`);
  return value;
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,7})?)?(?:Z|[+-]\d{2}:\d{2})?$/i;

function readDateTime(name: string, value: unknown): Date | undefined {
  if (value === null || value === undefined) return undefined;
  const text = typeof value === 'string' ? value : undefined;
  const withZone = text !== undefined && !/(?:Z|[+-]\d{2}:\d{2})$/i.test(text) ? `${text}Z` : text;
  const date = withZone !== undefined && ISO_DATE_TIME.test(text ?? '') ? new Date(withZone) : undefined;
  if (date === undefined || Number.isNaN(date.getTime())) {
    throw badRequest(`Cannot convert the literal '${String(value)}' to the expected type 'Edm.DateTimeOffset'. (property '${name}')`);
  }
  return date;
}

function readSubject(body: Json): string | null {
  const subject = optionalString(body, 'subject') ?? null;
  if (subject !== null && [...subject].length > MAX_SUBJECT_LENGTH) {
    throw badRequest(`The subject is too long: at most ${MAX_SUBJECT_LENGTH} characters are allowed.`);
  }
  return subject;
}

function readAttendees(body: Json): string[] {
  const participants = body.participants;
  if (participants === undefined || participants === null) return [];
  if (!isObject(participants)) throw badRequest("Invalid value for property 'participants': object expected.");
  const attendees = participants.attendees;
  if (attendees === undefined || attendees === null) return [];
  if (!Array.isArray(attendees)) throw badRequest("Invalid value for property 'participants.attendees': array expected.");
  return attendees.map((attendee: unknown, index) => {
    const id = isObject(attendee) && isObject(attendee.identity) && isObject(attendee.identity.user) ? attendee.identity.user.id : undefined;
    if (!isGuid(id)) throw badRequest(`participants.attendees[${index}].identity.user.id must be a user object id (GUID).`);
    return id.toLowerCase();
  });
}

function rejectUnknownProperties(body: Json): void {
  for (const name of Object.keys(body)) {
    if (!name.startsWith('@') && !ONLINE_MEETING_PROPERTIES.has(name)) {
      throw badRequest(`The property '${name}' does not exist on type 'microsoft.graph.onlineMeeting'. Make sure to only use property names that are defined by the type or mark the type as open type.`);
    }
  }
}

function readTimes(body: Json): { start?: Date; end?: Date } {
  const start = readDateTime('startDateTime', body.startDateTime);
  const end = readDateTime('endDateTime', body.endDateTime);
  if (start !== undefined && end !== undefined && end.getTime() < start.getTime()) {
    throw badRequest('The endDateTime must be later than the startDateTime.');
  }
  return { start, end };
}

/** `POST /beta/app/onlineMeetings`. */
export function parseBetaMeetingBody(body: Json): MeetingBody {
  rejectUnknownProperties(body);
  const participants = body.participants;
  const organizer = isObject(participants) ? participants.organizer : undefined;
  const user = isObject(organizer) && isObject(organizer.identity) ? organizer.identity.user : undefined;
  const organizerId = isObject(user) ? user.id : undefined;
  if (organizerId === undefined || organizerId === null) {
    throw badRequest('participants.organizer.identity.user.id is required.');
  }
  if (!isGuid(organizerId)) throw badRequest(`Invalid organizer id '${String(organizerId)}': a user object id (GUID) is expected.`);
  const requestedType = optionalString(body, 'meetingType');
  const meetingType = requestedType === undefined ? 'meetNow' : BETA_MEETING_TYPES.find((t) => t === requestedType);
  if (meetingType === undefined) {
    throw badRequest(`Invalid value for property 'meetingType': one of ${BETA_MEETING_TYPES.join(', ')} expected.`);
  }
  return {
    subject: readSubject(body),
    ...readTimes(body),
    attendeeIds: readAttendees(body),
    meetingType,
    organizerId: organizerId.toLowerCase(),
  };
}

/** `POST /v1.0/users/{id}/onlineMeetings` and `…/createOrGet` (which requires externalId and a start with any end). */
export function parseOnlineMeetingBody(body: Json, createOrGet: boolean): MeetingBody {
  rejectUnknownProperties(body);
  const externalId = optionalString(body, 'externalId');
  if (createOrGet && (externalId === undefined || externalId.trim() === '')) {
    throw badRequest('The externalId property is required for createOrGet.');
  }
  const times = readTimes(body);
  if (createOrGet && times.end !== undefined && times.start === undefined) {
    throw badRequest('The startDateTime is required when endDateTime is given.');
  }
  return {
    subject: readSubject(body),
    ...times,
    externalId: externalId === '' ? undefined : externalId,
    attendeeIds: readAttendees(body),
  };
}
