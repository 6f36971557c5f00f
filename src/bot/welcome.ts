import { randomUUID } from 'node:crypto';
import { ActivityTypes, type Activity, type TurnContext } from 'botbuilder';
import { BoundedMap, compactKey, stringBytes } from '../bounded-map';
import type { CardRenderer } from '../cards/card-renderer';
import { capabilitiesOf } from '../channels/capabilities';
import { messagesFor, type Messages } from '../i18n/messages';
import { readerContext } from './reader-context';
import { helpText } from './replies';
import type { Roster } from './roster';

/** Teams sends both an installationUpdate and a conversationUpdate when the app is added: welcome once. */
const WELCOME_WINDOW_MS = 10 * 60 * 1000;
/** A remembered conversation besides its digest: the map slot and the time. */
const WELCOME_ENTRY_OVERHEAD_BYTES = 64;

/** Conversations remembered as welcomed: installations within ten minutes are rare, more than this are a flood. */
export const MAX_WELCOMED_CONVERSATIONS = 10_000;

/**
 * Conversations welcomed recently (per process: a second instance may welcome again, which is harmless).
 * Kept as digests of their ids (which can be any length), at most `maxConversations` of them: past that the
 * oldest may be welcomed twice, which is harmless too.
 */
export class WelcomeMemory {
  private readonly seen: BoundedMap<string, number>;

  constructor(maxConversations = MAX_WELCOMED_CONVERSATIONS) {
    this.seen = new BoundedMap({ maxEntries: maxConversations, sizeOf: (key) => stringBytes(key) + WELCOME_ENTRY_OVERHEAD_BYTES });
  }

  /** True the first time a conversation is seen within the window. */
  claim(conversationId: string, now = Date.now()): boolean {
    this.seen.dropOldestWhile((at) => now - at >= WELCOME_WINDOW_MS);
    const key = compactKey(conversationId);
    if (this.seen.has(key)) return false;
    this.seen.set(key, now);
    return true;
  }

  /** Bytes held, about 100 per conversation whatever the length of its id. */
  get bytes(): number {
    return this.seen.bytes;
  }
}

/** The bot itself was added: an installationUpdate "add", or a conversationUpdate whose membersAdded names the bot. */
export function isBotAdded(activity: Partial<Activity>): boolean {
  if (activity.type === ActivityTypes.InstallationUpdate) return activity.action === 'add';
  if (activity.type !== ActivityTypes.ConversationUpdate) return false;
  const botId = activity.recipient?.id;
  return botId !== undefined && (activity.membersAdded ?? []).some((member) => member.id === botId);
}

/** The welcome card's introduction, worded for where the app was added, in the reader's language. */
export function welcomeIntro(conversationType: string | undefined, m: Messages = messagesFor('en')): string[] {
  const shared = conversationType === 'channel' || conversationType === 'groupChat';
  const prefix = shared ? '@MeetNow ' : '';
  return [
    m.t('welcome.intro'),
    m.t('welcome.meetNow', { prefix }),
    m.t('welcome.schedule', { prefix }),
    m.t('welcome.invite', { prefix }),
    ...(shared ? [m.t(conversationType === 'channel' ? 'welcome.everyoneChannel' : 'welcome.everyoneChat', { prefix })] : []),
    m.t('welcome.help', { prefix }),
  ];
}

/** Answers an installation with the welcome card (the "Start meeting now" card with an introduction). */
export async function welcomeIfInstalled(context: TurnContext, cards: CardRenderer, memory: WelcomeMemory, roster?: Roster): Promise<void> {
  const activity = context.activity;
  if (!isBotAdded(activity)) return;
  const conversationId = activity.conversation?.id?.split(';')[0];
  if (conversationId === undefined || !memory.claim(conversationId)) return;
  const conversationType = activity.conversation.conversationType;
  const { locale } = readerContext(activity);
  const m = messagesFor(locale);
  if (!capabilitiesOf(activity.channelId).adaptiveCards) {
    await context.sendActivity(helpText(m));
    return;
  }
  const personal = conversationType !== 'channel' && conversationType !== 'groupChat';
  // Installation activities often carry no name: ask the roster, so the subject can be "<name>'s meeting".
  let name: string | undefined = activity.from?.name?.trim();
  if (personal && (name === undefined || name === '') && roster !== undefined && activity.from?.id !== undefined) {
    name = (await roster.member(context, activity.from.id).catch(() => undefined))?.name;
  }
  const card = cards.startMeetingCard({
    locale,
    title: m.t('welcome.title'),
    intro: welcomeIntro(conversationType, m),
    defaultSubject: personal && name !== undefined && name !== '' ? m.t('start.defaultSubject', { name }) : m.t('welcome.defaultSubject'),
    cardId: randomUUID(),
  });
  await context.sendActivity({ attachments: [card] });
}
