import type { CancelTarget } from '../meetings/cancellation';
import type { MeetingSchedule } from '../meetings/meeting';
import { validZone } from '../intl';
import { DEFAULT_DURATION_MINUTES, MAX_DURATION_MINUTES, PAST_TOLERANCE_MS, wallClockToUtc, zoneOffsetMinutes, type WhenContext, type WhenProblem } from './parse-when';
import { displayName, MAX_SUBJECT_LENGTH, normalizeSubject, subjectLength } from './subject';
import { GUID, isRecord } from '../guards';

export const START_MEETING_VERB = 'startMeeting';
export const CANCEL_MEETING_VERB = 'cancelMeeting';

export type CardAction =
  /** `schedule` when the card's date/time (or a duration other than the default) was filled in; else it starts now. */
  | { kind: 'start-meeting'; subject: string; cardId?: string; schedule?: MeetingSchedule }
  /** A date/time or duration that cannot be booked: answered like the same problem in a `/meet` message. */
  | { kind: 'when-invalid'; problem: WhenProblem; phrase: string }
  | { kind: 'subject-too-long'; length: number; max: number }
  | { kind: 'unknown' };

type Read<T> = { ok: true; value?: T } | { ok: false };

/** `Input.Date` sends `YYYY-MM-DD`; empty means "not given". */
function readDate(value: unknown): Read<{ year: number; month: number; day: number; text: string }> {
  if (value === undefined || value === null || value === '') return { ok: true };
  const match = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})(?:T[\d:.]*Z?)?$/.exec(value.trim()) : null;
  if (match === null) return { ok: false };
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return { ok: false };
  return { ok: true, value: { year, month, day, text: `${match[1]}-${match[2]}-${match[3]}` } };
}

/** `Input.Time` sends `HH:MM` (24-hour); empty means "not given". */
function readTime(value: unknown): Read<{ hour: number; minute: number; text: string }> {
  if (value === undefined || value === null || value === '') return { ok: true };
  const match = typeof value === 'string' ? /^(\d{1,2}):(\d{2})(?::\d{2})?$/.exec(value.trim()) : null;
  if (match === null) return { ok: false };
  const [hour, minute] = [Number(match[1]), Number(match[2])];
  if (hour > 23 || minute > 59) return { ok: false };
  return { ok: true, value: { hour, minute, text: `${String(hour).padStart(2, '0')}:${match[2]}` } };
}

/** `Input.Number` sends a number or a numeric string; empty means the default. */
function readDuration(value: unknown): { minutes?: number } | { invalid: string } {
  if (value === undefined || value === null || value === '') return {};
  const text = typeof value === 'number' || typeof value === 'string' ? String(value).trim().slice(0, 20) : '';
  const minutes = Number(text);
  if (text === '' || !Number.isInteger(minutes) || minutes < 1 || minutes > MAX_DURATION_MINUTES) return { invalid: `${text} min` };
  return { minutes };
}

/** Today's date on the wall clock of `timeZone`. */
function todayIn(timeZone: string, now: Date): { year: number; month: number; day: number } {
  const local = new Date(now.getTime() + zoneOffsetMinutes(timeZone, now) * 60_000);
  return { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate() };
}

/**
 * The data of a "Start meeting now" click, from an `Action.Submit` (`activity.value`) or an
 * `Action.Execute` (`activity.value.action.data`). Pure and total. Only `subject`, `cardId`, `date`,
 * `time` and `duration` are read: whoever clicks is the organizer, whatever the data says. With a `when`
 * context (the clock and the clicker's zone) the date and time become a UTC schedule; empty = now.
 */
export function parseCardAction(data: unknown, verb?: string, when?: WhenContext): CardAction {
  if (!isRecord(data)) return { kind: 'unknown' };
  const action = verb ?? data.action;
  if (action !== START_MEETING_VERB) return { kind: 'unknown' };
  const subject = normalizeSubject(typeof data.subject === 'string' ? data.subject : '');
  const length = subjectLength(subject);
  if (length > MAX_SUBJECT_LENGTH) return { kind: 'subject-too-long', length, max: MAX_SUBJECT_LENGTH };
  const cardId = typeof data.cardId === 'string' && data.cardId.length <= 100 ? data.cardId : undefined;
  if (when === undefined) return { kind: 'start-meeting', subject, cardId };

  const date = readDate(data.date);
  const time = readTime(data.time);
  if (!date.ok || !time.ok) return { kind: 'unknown' };
  const duration = readDuration(data.duration);
  if ('invalid' in duration) return { kind: 'when-invalid', problem: 'bad-duration', phrase: duration.invalid };
  const minutes = duration.minutes ?? DEFAULT_DURATION_MINUTES;

  if (date.value !== undefined && time.value === undefined) return { kind: 'when-invalid', problem: 'no-time', phrase: date.value.text };
  if (time.value === undefined) {
    // Nothing picked: now. A duration other than Graph's default hour still needs times on the wire.
    if (minutes === DEFAULT_DURATION_MINUTES) return { kind: 'start-meeting', subject, cardId };
    return { kind: 'start-meeting', subject, cardId, schedule: { start: when.now, end: new Date(when.now.getTime() + minutes * 60_000) } };
  }
  const timeZone = validZone(when.timeZone);
  const day = date.value ?? todayIn(timeZone, when.now);
  const phrase = date.value === undefined ? time.value.text : `${date.value.text} ${time.value.text}`;
  const converted = wallClockToUtc(timeZone, { ...day, hour: time.value.hour, minute: time.value.minute });
  if (!converted.ok) return { kind: 'when-invalid', problem: converted.problem, phrase };
  const start = converted.instant;
  if (start.getTime() < when.now.getTime() - PAST_TOLERANCE_MS) return { kind: 'when-invalid', problem: 'past', phrase };
  return { kind: 'start-meeting', subject, cardId, schedule: { start, end: new Date(start.getTime() + minutes * 60_000), timeZone } };
}

/**
 * A "Cancel meeting" click's data. Whose mailbox is touched is never taken from here (the clicker's is);
 * `organizerId` only decides whether the clicker may cancel, `organizerName` and `subject` are only shown.
 */
export type CancelAction =
  | { kind: 'cancel-meeting'; organizerId: string; organizerName?: string; target: CancelTarget; subject: string }
  | { kind: 'unknown' };

/** Graph's event and online meeting ids are base64 of up to a few hundred characters. */
export const MAX_GRAPH_ID_LENGTH = 1_024;
const GRAPH_ID = /^[A-Za-z0-9+/=_-]+$/;

/** An optional Graph id: absent or '' is "not given", anything else must look like a Graph id. */
function readGraphId(value: unknown): Read<string> {
  if (value === undefined || value === null || value === '') return { ok: true };
  if (typeof value !== 'string' || value.length > MAX_GRAPH_ID_LENGTH || !GRAPH_ID.test(value)) return { ok: false };
  return { ok: true, value };
}

/**
 * The data of a "Cancel meeting" click (`{ action, organizerId, organizerName?, eventId?, meetingId?, subject }`,
 * cards/meeting.json), from an `Action.Submit` or an `Action.Execute`. Pure and total: anything malformed
 * (an organizer that is not an Entra object id, an id outside Graph's alphabet or over its bound, neither
 * id, a subject over the limit) is `unknown`.
 */
export function parseCancelAction(data: unknown): CancelAction {
  if (!isRecord(data) || typeof data.organizerId !== 'string' || !GUID.test(data.organizerId)) return { kind: 'unknown' };
  const eventId = readGraphId(data.eventId);
  const meetingId = readGraphId(data.meetingId);
  if (!eventId.ok || !meetingId.ok) return { kind: 'unknown' };
  // A calendar meeting is cancelled through its event (which also ends its Teams meeting and tells the attendees).
  const target: CancelTarget | undefined =
    eventId.value !== undefined ? { kind: 'event', id: eventId.value } : meetingId.value !== undefined ? { kind: 'online-meeting', id: meetingId.value } : undefined;
  if (target === undefined) return { kind: 'unknown' };
  const subject = normalizeSubject(typeof data.subject === 'string' ? data.subject : '');
  if (subjectLength(subject) > MAX_SUBJECT_LENGTH) return { kind: 'unknown' };
  const organizerName = typeof data.organizerName === 'string' ? displayName(data.organizerName) : '';
  return {
    kind: 'cancel-meeting',
    organizerId: data.organizerId,
    ...(organizerName === '' ? {} : { organizerName }),
    target,
    subject,
  };
}
