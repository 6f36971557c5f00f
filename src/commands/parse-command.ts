import { MAX_SUBJECT_LENGTH, normalizeSubject, subjectLength } from './subject';

export type Command =
  | { kind: 'meet'; subject: string }
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

/** Pure and total: any text in, a command out. */
export function parseCommand(text: string): Command {
  const trimmed = stripLeadingMention(text).trim();
  if (HELP.test(trimmed)) return { kind: 'help' };
  const meet = MEET.exec(trimmed);
  if (meet === null) return { kind: 'unknown' };
  const subject = normalizeSubject(meet[1] ?? '');
  if (subject === '') return { kind: 'meet-form' };
  const length = subjectLength(subject);
  if (length > MAX_SUBJECT_LENGTH) return { kind: 'subject-too-long', length, max: MAX_SUBJECT_LENGTH };
  return { kind: 'meet', subject };
}
