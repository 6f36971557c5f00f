import { MAX_SUBJECT_LENGTH, normalizeSubject, shortenSubject, subjectLength } from '../commands/subject';
import type { ReaderContext } from '../cards/card-renderer';
import type { WhenProblem } from '../commands/parse-when';
import type { MeetNowError } from '../errors';
import { messagesFor, type Messages, type MessageKey } from '../i18n/messages';

/** What error replies may say about the deployment (never a secret). */
export interface ReplyContext {
  /** The Entra app id used for Graph: admins put it in the access policy and the consent URL. */
  graphAppId: string;
  authorityHost: string;
}

const ENGLISH = messagesFor('en');

/** Usage with `/meet` examples (markdown). */
export function helpText(m: Messages): string {
  return m.t('reply.help');
}

/** The short hint for anything that is not a command. */
export function usageHint(m: Messages): string {
  return m.t('reply.usage');
}

export function subjectTooLongText(length: number, m: Messages = ENGLISH): string {
  return m.t('reply.subjectTooLong', { length, max: MAX_SUBJECT_LENGTH });
}

/** The interim message when Graph is slow: the card follows. */
export function creatingText(m: Messages): string {
  return m.t('reply.creating');
}

/** The answer to a click on a card whose meeting another click is still starting. */
export function inProgressText(m: Messages): string {
  return m.t('start.inProgress');
}

/** The last-resort answer when a turn fails outside the meeting flow. */
export function turnFailedText(locale: string | undefined): string {
  return messagesFor(locale).t('error.turnFailed');
}

const WHEN_PROBLEM_KEYS: Readonly<Record<WhenProblem, MessageKey>> = {
  'no-time': 'when.noTime',
  past: 'when.past',
  'nonexistent-time': 'when.nonexistentTime',
  'repeated-time': 'when.repeatedTime',
  'bad-duration': 'when.badDuration',
};

/** The most of a sender's phrase a reply echoes (a time phrase is far shorter). */
const MAX_ECHOED_PHRASE = 64;

/**
 * A phrase from the sender's text as a reply quotes it (inside quotes and a code span, in markdown or Slack
 * mrkdwn): by the subject rules, bounded, and with only what time phrases are made of, so no markup,
 * link (`[Login](http://…)`, `<http://…|…>`) or quote in it can act on the reply. (Slack reads `&`, `<`
 * and `>` as control characters: https://api.slack.com/reference/surfaces/formatting#escaping.)
 */
export function echoedPhrase(phrase: string): string {
  const plain = normalizeSubject(phrase)
    .replace(/[^\p{L}\p{M}\p{N}\s:.,'’+\-/]/gu, '')
    .replace(/\/{2,}/g, '/')
    .trim();
  return shortenSubject(plain, MAX_ECHOED_PHRASE);
}

/** Why a time cannot be booked as written, with an example, in the reader's language. */
export function whenProblemText(problem: WhenProblem, phrase: string, reader: ReaderContext): string {
  return messagesFor(reader.locale).t(WHEN_PROBLEM_KEYS[problem], { phrase: echoedPhrase(phrase), zone: reader.timeZone ?? 'UTC' });
}

/** The same answers for the card's date and time inputs; a date without a time asks for the time. */
export function cardWhenProblemText(problem: WhenProblem, phrase: string, reader: ReaderContext): string {
  if (problem !== 'no-time') return whenProblemText(problem, phrase, reader);
  return messagesFor(reader.locale).t('start.needsTime', { phrase: echoedPhrase(phrase) });
}

/** "in 45 seconds", "in 3 minutes", "dans 2 heures": when a refused request may be sent again, rounded up. */
export function retryWhen(retryAfterMs: number | undefined, m: Messages): string {
  const format = new Intl.RelativeTimeFormat(m.language, { numeric: 'always' });
  const seconds = Math.max(1, Math.ceil((retryAfterMs ?? 60_000) / 1_000));
  if (seconds < 90) return format.format(seconds, 'second');
  const minutes = Math.ceil(seconds / 60);
  return minutes < 90 ? format.format(minutes, 'minute') : format.format(Math.ceil(minutes / 60), 'hour');
}

const MAX_ECHOED_ID = 128;
// Ids echoed for an admin: by the subject rules and bounded (`from.id` comes from the channel or its client).
const inlineCode = (text: string) => `\`${shortenSubject(normalizeSubject(text).replace(/`/g, ''), MAX_ECHOED_ID)}\``;

/** " (request id `…`)" when Graph gave one: what an admin looks a failure up by. */
export function supportSuffix(error: MeetNowError, m: Messages): string {
  return error.requestId === undefined ? '' : m.t('error.supportSuffix', { requestId: inlineCode(error.requestId) });
}

/** Words a user (or their admin) can act on, for every coded failure, in the reader's language. */
export function errorText(error: MeetNowError, context: ReplyContext, tenantId?: string, senderId?: string, m: Messages = ENGLISH): string {
  const support = supportSuffix(error, m);
  switch (error.code) {
    case 'identity_missing':
      return m.t('error.identityMissing');
    case 'identity_unmapped':
      return m.t('error.identityUnmapped', { senderId: inlineCode(senderId ?? 'unknown') });
    case 'identity_unverifiable':
      return m.t('error.identityUnverifiable');
    case 'directory_permission_missing':
      return m.t('error.directoryPermissionMissing', { support });
    case 'tenant_not_allowed':
      return m.t('error.tenantNotAllowed');
    case 'rate_limited':
      return m.t('error.rateLimited', { when: retryWhen(error.retryAfterMs, m) });
    case 'tenant_rate_limited':
      return m.t('error.tenantRateLimited', { when: retryWhen(error.retryAfterMs, m) });
    case 'graph_access_policy':
      // The PowerShell commands stay literal in every language: admins paste them.
      return [
        m.t('error.accessPolicy', { support }),
        '',
        '```',
        `New-CsApplicationAccessPolicy -Identity MeetNow-Policy -AppIds "${context.graphAppId}" -Description "Allow MeetNow to create meetings"`,
        'Grant-CsApplicationAccessPolicy -PolicyName MeetNow-Policy -Global',
        '```',
      ].join('\n');
    case 'graph_permission_missing':
      return m.t('error.permissionMissing', { support });
    case 'graph_calendar_access_denied':
      return m.t('error.calendarAccessDenied', { support });
    case 'graph_mailbox_not_found':
      return m.t('error.mailboxNotFound', { support });
    case 'graph_event_without_meeting':
      return m.t('error.eventWithoutMeeting', { support });
    case 'graph_organizer_not_found':
      return m.t('error.organizerNotFound', { support });
    case 'graph_app_api_retired':
      return m.t('error.appApiRetired', { support });
    case 'graph_organizer_not_eligible':
      return m.t('error.organizerNotEligible', { support });
    case 'graph_throttled':
    case 'graph_unavailable':
      return m.t('error.busy', { support });
    case 'token_invalid_client':
      return m.t('error.invalidClient');
    case 'token_consent_missing':
      return m.t('error.consentMissing', { url: `${context.authorityHost}/${tenantId ?? 'organizations'}/adminconsent?client_id=${context.graphAppId}` });
    case 'token_tenant_not_found':
      return m.t('error.tenantNotFound');
    case 'token_scope_invalid':
      return m.t('error.scopeInvalid');
    case 'token_failed':
      return m.t('error.tokenFailed');
    case 'network':
      return m.t('error.network');
    default:
      return m.t('error.generic', { support });
  }
}

/**
 * "<name>'s meeting", by the subject rules: the name normalized, and shortened (not refused) so that the
 * whole subject fits in MAX_SUBJECT_LENGTH however long the sender's display name is.
 */
export function defaultSubject(name: string | undefined, m: Messages): string {
  const normalized = normalizeSubject(name ?? '');
  if (normalized === '') return m.t('start.defaultSubjectAnonymous');
  const room = MAX_SUBJECT_LENGTH - subjectLength(m.t('start.defaultSubject', { name: '' }));
  return m.t('start.defaultSubject', { name: shortenSubject(normalized, room) });
}
