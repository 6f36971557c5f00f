import { validZone } from '../intl';
import type { MeetingSchedule } from '../meetings/meeting';
import { parseWhen, type WhenContext, type WhenProblem, type WhenResult } from './parse-when';
import { MAX_SUBJECT_LENGTH, normalizeSubject, subjectLength } from './subject';

export type Command =
  /** `subject` may be empty when only a time was given (`/meet tomorrow 9:00`): the default subject applies. */
  | { kind: 'meet'; subject: string; schedule?: MeetingSchedule }
  /** A time that cannot be booked as written: the reply explains and gives an example. */
  | { kind: 'when-invalid'; problem: WhenProblem; phrase: string }
  /** `/meet` without a subject: answer the "Start meeting now" card. */
  | { kind: 'meet-form' }
  | { kind: 'subject-too-long'; length: number; max: number }
  | { kind: 'help' }
  | { kind: 'unknown' };

// Teams puts the bot's mention first in channels and group chats: `<at>MeetNow</at> /meet …`.
const LEADING_MENTION = /^\s*<at(?:\s[^>]*)?>[\s\S]*?<\/at>/i;
// `/meet` as typed, or `meet` as inserted by the Teams command menu (its commandLists title).
const MEET = /^\/?meet(?:\s+([\s\S]*))?$/i;
const HELP = /^\/?(?:help|\?)$/i;

/** Removes a leading `<at>…</at>` mention (only the first: later ones are people the sender mentions). */
export function stripLeadingMention(text: string): string {
  return text.replace(LEADING_MENTION, '');
}

/**
 * Pure and total: any text in, a command out. With a `when` context (the clock, the sender's zone and
 * language) `/meet [when] [for <duration>] <subject>` is understood; without it the whole text is the subject.
 */
export function parseCommand(text: string, when?: WhenContext): Command {
  const trimmed = stripLeadingMention(text).trim();
  if (HELP.test(trimmed)) return { kind: 'help' };
  const meet = MEET.exec(trimmed);
  if (meet === null) return { kind: 'unknown' };
  const argument = normalizeSubject(meet[1] ?? '');
  if (argument === '') return { kind: 'meet-form' };
  const timing: WhenResult = when === undefined ? { kind: 'now', subject: argument } : parseWhen(argument, when);
  if (timing.kind === 'invalid') return { kind: 'when-invalid', problem: timing.problem, phrase: timing.phrase };
  const length = subjectLength(timing.subject);
  if (length > MAX_SUBJECT_LENGTH) return { kind: 'subject-too-long', length, max: MAX_SUBJECT_LENGTH };
  if (timing.kind === 'scheduled') return { kind: 'meet', subject: timing.subject, schedule: { start: timing.start, end: timing.end, timeZone: validZone(when?.timeZone) } };
  if (timing.durationMinutes !== undefined && when !== undefined) {
    const start = when.now;
    return { kind: 'meet', subject: timing.subject, schedule: { start, end: new Date(start.getTime() + timing.durationMinutes * 60_000) } };
  }
  return { kind: 'meet', subject: timing.subject };
}
