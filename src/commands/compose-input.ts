import { createHash } from 'node:crypto';
import { isRecord } from '../guards';
import { parseCardAction, START_MEETING_VERB, type CardAction } from './parse-card-action';
import type { WhenContext } from './parse-when';
import { MAX_SUBJECT_LENGTH, normalizeSubject, shortenSubject } from './subject';

/**
 * The compose box's invokes (Teams messaging extension, action command with `fetchTask: true`):
 * https://learn.microsoft.com/microsoftteams/platform/messaging-extensions/how-to/action-commands/create-task-module
 * and https://learn.microsoft.com/microsoftteams/platform/messaging-extensions/how-to/action-commands/respond-to-task-module-submit
 */
export const FETCH_TASK_INVOKE = 'composeExtension/fetchTask';
export const SUBMIT_ACTION_INVOKE = 'composeExtension/submitAction';
/** The action command's id in the manifest (DESIGN §4 "Compose box"). */
export const COMPOSE_COMMAND_ID = START_MEETING_VERB;

/** A form submitted without our form id (an invoke built by someone else) counts as the same form for this long. */
export const UNNAMED_FORM_WINDOW_MS = 10 * 60_000;

/** What a compose-box invoke asks for. */
export type ComposeInvoke =
  /** The dialog; `subject` pre-filled from the message it was opened on, when there is one. */
  | { kind: 'form'; subject?: string }
  /** The dialog submitted: its inputs read as a Start card click, and the key that makes a repeat the same request. */
  | { kind: 'submit'; action: CardAction; formKey: string; form: Record<string, unknown> }
  /** Another command id (a newer manifest than this bot knows): answered in words. */
  | { kind: 'unknown-command' };

const FORM_ID = /^[\w-]{1,100}$/;
// The message's text is at most a subject long: a 1 MB body must not cost regex time for words nobody reads.
const MAX_MESSAGE_CHARS = 16 * MAX_SUBJECT_LENGTH;
// Teams formats messages as HTML; these wrap words inside a line, everything else breaks it.
const INLINE_TAG = /^<\/?(?:a|abbr|at|b|code|em|font|i|s|small|span|strike|strong|sub|sup|u)\b/i;
const NAMED_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** A Teams message body as the text a person reads: tags removed, character references decoded. */
export function messageText(content: string, contentType: unknown): string {
  const bounded = content.slice(0, MAX_MESSAGE_CHARS);
  if (contentType === 'text') return bounded;
  // `[^<>]*`: a stray `<` ends the match at once, so the scan stays linear in the length.
  return bounded
    .replace(/<[^<>]*>/g, (tag) => (INLINE_TAG.test(tag) ? '' : ' '))
    .replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,6});/gi, (whole, ref: string) => {
      if (ref.startsWith('#')) {
        const code = ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1));
        return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : '';
      }
      return NAMED_ENTITIES[ref.toLowerCase()] ?? whole;
    });
}

/** The subject a message suggests, within the subject rules (shortened to the limit rather than refused: it is only a suggestion). */
function subjectFromMessage(payload: unknown): string | undefined {
  if (!isRecord(payload)) return undefined;
  const body = payload.body;
  const fromBody = isRecord(body) && typeof body.content === 'string' ? normalizeSubject(messageText(body.content, body.contentType)) : '';
  // A message that is only a card or an image has no text; a channel post may still have a subject line.
  const text = fromBody !== '' ? fromBody : typeof payload.subject === 'string' ? normalizeSubject(messageText(payload.subject, 'html')) : '';
  return text === '' ? undefined : shortenSubject(text, MAX_SUBJECT_LENGTH);
}

/**
 * The key of a submitted form: our form id, else (Teams-shaped invokes built without our form) a digest of
 * the inputs within a window, so that a retried submit is still the same request. StartMeeting scopes it to
 * the organizer, so nobody reaches someone else's meeting by sending their form id.
 */
function formKeyOf(data: Record<string, unknown>, now: Date): string {
  if (typeof data.formId === 'string' && FORM_ID.test(data.formId)) return data.formId;
  const inputs = ['subject', 'date', 'time', 'duration'].map((name) => {
    const value = data[name];
    return typeof value === 'string' || typeof value === 'number' ? String(value).slice(0, 2 * MAX_SUBJECT_LENGTH) : '';
  });
  const window = Math.floor(now.getTime() / UNNAMED_FORM_WINDOW_MS);
  return `inputs-${createHash('sha256').update(JSON.stringify([window, ...inputs])).digest('base64url')}`;
}

/** A compose-box invoke's `value` (src/server.ts has checked its shape); undefined for other activities. */
export function readComposeInvoke(name: unknown, value: unknown, when: WhenContext): ComposeInvoke | undefined {
  if ((name !== FETCH_TASK_INVOKE && name !== SUBMIT_ACTION_INVOKE) || !isRecord(value)) return undefined;
  if (value.commandId !== COMPOSE_COMMAND_ID) return { kind: 'unknown-command' };
  // A submit without inputs (nothing filled in by Teams' own flows) gets the form.
  if (name === FETCH_TASK_INVOKE || !isRecord(value.data)) return { kind: 'form', subject: subjectFromMessage(value.messagePayload) };
  const formKey = formKeyOf(value.data, when.now);
  const form = { ...pick(value.data, ['subject', 'date', 'time', 'duration']), formId: formKey };
  return { kind: 'submit', action: parseCardAction(value.data, START_MEETING_VERB, when), formKey, form };
}

/** The form's own inputs, to submit again from the "being created" card. */
function pick(data: Record<string, unknown>, names: string[]): Record<string, unknown> {
  return Object.fromEntries(names.filter((name) => typeof data[name] === 'string' || typeof data[name] === 'number').map((name) => [name, data[name]]));
}
