import { MAX_SUBJECT_LENGTH } from '../commands/subject';
import type { ReaderContext } from '../cards/card-renderer';
import type { WhenProblem } from '../commands/parse-when';
import type { MeetNowError } from '../errors';
import { Messages, type MessageKey } from '../i18n/messages';

/** What error replies may say about the deployment (never a secret). */
export interface ReplyContext {
  /** The Entra app id used for Graph: admins put it in the access policy and the consent URL. */
  graphAppId: string;
  authorityHost: string;
}

export const HELP_TEXT = [
  '**MeetNow** starts a Microsoft Teams meeting right here, with you as the organizer.',
  '',
  '- `/meet Quarterly numbers`: start a meeting called "Quarterly numbers" and post its join card',
  '- `/meet`: show a card where you type a subject and click **Start meeting now** (whoever clicks first is the organizer; later clicks show the same meeting)',
  '- `/meet Budget with @Megan @Adele`: also invite the people you mention (they become attendees, and their names stay in the subject)',
  '- `/meet Standup --channel`: invite everyone in this channel or group chat (or mention the channel or team instead of `--channel`); at most 250 people',
  '- `help`: show this message',
  '',
  'In a channel or group chat, mention me first: `@MeetNow /meet Design review`.',
].join('\n');

export const USAGE_HINT = "I didn't understand that. Type `/meet` followed by a subject, for example `/meet Quarterly numbers`, or `help`.";

export function subjectTooLongText(length: number): string {
  return `That subject is ${length} characters long; the limit is ${MAX_SUBJECT_LENGTH} characters. Please shorten it and try again.`;
}

const WHEN_PROBLEM_KEYS: Readonly<Record<WhenProblem, MessageKey>> = {
  'no-time': 'when.noTime',
  past: 'when.past',
  'nonexistent-time': 'when.nonexistentTime',
  'repeated-time': 'when.repeatedTime',
  'bad-duration': 'when.badDuration',
};

/** Why a time cannot be booked as written, with an example, in the reader's language. */
export function whenProblemText(problem: WhenProblem, phrase: string, reader: ReaderContext): string {
  return new Messages(reader.locale).t(WHEN_PROBLEM_KEYS[problem], { phrase: phrase.replace(/[`"“”„]/g, ''), zone: reader.timeZone ?? 'UTC' });
}

export const CREATING_TEXT = 'Creating your meeting… the join card will follow in a moment.';

const inlineCode = (text: string) => `\`${text.replace(/[`\r\n]/g, '')}\``;

function supportSuffix(error: MeetNowError): string {
  return error.requestId === undefined ? '' : ` (request id ${inlineCode(error.requestId)})`;
}

/** Words a user (or their admin) can act on, for every coded failure. */
export function errorText(error: MeetNowError, context: ReplyContext, tenantId?: string, senderId?: string): string {
  switch (error.code) {
    case 'identity_missing':
      return "I can only start a meeting for a Microsoft Teams user, and this message didn't say who you are in Microsoft Entra ID (no user object id or tenant id). Please send the command from Microsoft Teams.";
    case 'identity_unmapped':
      return [
        "I don't know which Microsoft 365 account you use here, so I can't make you the organizer of a Teams meeting.",
        `Ask your Teams admin to add your chat id ${inlineCode(senderId ?? 'unknown')} to MeetNow's identity map (IDENTITY_MAP_PATH) with your Microsoft Entra object id or user principal name and your tenant id.`,
      ].join(' ');
    case 'directory_permission_missing':
      return `I couldn't look up your Microsoft 365 account: MeetNow's app registration needs the Microsoft Graph application permission **User.Read.All** with admin consent to resolve user principal names${supportSuffix(error)}. An admin can add it, or map you by object id instead.`;
    case 'tenant_not_allowed':
      return "Sorry, MeetNow isn't enabled for your organization. If you need it, please ask your Teams admin.";
    case 'graph_access_policy':
      return [
        `I couldn't create the meeting: your organization hasn't given MeetNow an **application access policy** for online meetings yet${supportSuffix(error)}.`,
        '',
        'A Teams admin can fix this in PowerShell (Microsoft Teams module); it can take up to 30 minutes to apply:',
        '',
        '```',
        `New-CsApplicationAccessPolicy -Identity MeetNow-Policy -AppIds "${context.graphAppId}" -Description "Allow MeetNow to create meetings"`,
        'Grant-CsApplicationAccessPolicy -PolicyName MeetNow-Policy -Global',
        '```',
      ].join('\n');
    case 'graph_permission_missing':
      return `I couldn't create the meeting: MeetNow's app registration doesn't have the Microsoft Graph application permission **OnlineMeetings.ReadWrite.All** with admin consent${supportSuffix(error)}. An admin can add it in the Microsoft Entra admin center (App registrations → API permissions → Grant admin consent).`;
    case 'graph_organizer_not_found':
      return `Microsoft Teams doesn't know you as someone who can organize meetings${supportSuffix(error)}. This happens for guest accounts, accounts without a Teams licence, or accounts from another organization. Please ask your admin to check your account.`;
    case 'graph_organizer_not_eligible':
      return `Your account can't organize Teams meetings: guests and users without a Teams licence cannot${supportSuffix(error)}. Please ask your admin to check your licence.`;
    case 'graph_throttled':
    case 'graph_unavailable':
      return `Microsoft Teams is busy right now and I couldn't create the meeting after several tries${supportSuffix(error)}. Please try again in a minute.`;
    case 'token_invalid_client':
      return "MeetNow couldn't sign in to Microsoft Graph: its client secret or certificate was rejected (it may have expired). Please tell your Teams admin: the MeetNow credentials need renewing.";
    case 'token_consent_missing':
      return `MeetNow isn't set up in your organization yet: an admin must grant it consent. Admin consent link: ${context.authorityHost}/${tenantId ?? 'organizations'}/adminconsent?client_id=${context.graphAppId}`;
    case 'token_tenant_not_found':
      return "Microsoft Entra ID doesn't recognize your organization's tenant, so MeetNow can't sign in for it. Please tell your Teams admin.";
    case 'token_failed':
      return "MeetNow couldn't get permission from Microsoft's sign-in service to create the meeting. Please try again in a minute; if it keeps happening, tell your Teams admin.";
    case 'network':
      return "I couldn't reach Microsoft's meeting service in time. Please try again in a minute.";
    default:
      return `Something went wrong while creating the meeting${supportSuffix(error)}. Please try again; if it keeps happening, give your admin the request id.`;
  }
}
