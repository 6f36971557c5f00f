import { MAX_SUBJECT_LENGTH, normalizeSubject, subjectLength } from './subject';

export const START_MEETING_VERB = 'startMeeting';

export type CardAction =
  | { kind: 'start-meeting'; subject: string; cardId?: string }
  | { kind: 'subject-too-long'; length: number; max: number }
  | { kind: 'unknown' };

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * The data of a "Start meeting now" click, from an `Action.Submit` (`activity.value`) or an
 * `Action.Execute` (`activity.value.action.data`). Pure and total. Only `subject` and `cardId` are
 * read: whoever clicks is the organizer, whatever the data says.
 */
export function parseCardAction(data: unknown, verb?: string): CardAction {
  if (!isRecord(data)) return { kind: 'unknown' };
  const action = verb ?? data.action;
  if (action !== START_MEETING_VERB) return { kind: 'unknown' };
  const subject = normalizeSubject(typeof data.subject === 'string' ? data.subject : '');
  const length = subjectLength(subject);
  if (length > MAX_SUBJECT_LENGTH) return { kind: 'subject-too-long', length, max: MAX_SUBJECT_LENGTH };
  const cardId = typeof data.cardId === 'string' && data.cardId.length <= 100 ? data.cardId : undefined;
  return { kind: 'start-meeting', subject, cardId };
}
