import { randomUUID } from 'node:crypto';
import { ActivityTypes, type Activity, type TurnContext } from 'botbuilder';
import type { CardRenderer } from '../cards/card-renderer';
import { capabilitiesOf } from '../channels/capabilities';
import { HELP_TEXT } from './replies';
import type { Roster } from './roster';

/** Teams sends both an installationUpdate and a conversationUpdate when the app is added: welcome once. */
const WELCOME_WINDOW_MS = 10 * 60 * 1000;

/** Conversations welcomed recently (per process: a second instance may welcome again, which is harmless). */
export class WelcomeMemory {
  private readonly seen = new Map<string, number>();

  /** True the first time a conversation is seen within the window. */
  claim(conversationId: string, now = Date.now()): boolean {
    for (const [id, at] of this.seen) {
      if (now - at < WELCOME_WINDOW_MS) break;
      this.seen.delete(id);
    }
    if (this.seen.has(conversationId)) return false;
    this.seen.set(conversationId, now);
    return true;
  }
}

/** The bot itself was added: an installationUpdate "add", or a conversationUpdate whose membersAdded names the bot. */
export function isBotAdded(activity: Partial<Activity>): boolean {
  if (activity.type === ActivityTypes.InstallationUpdate) return activity.action === 'add';
  if (activity.type !== ActivityTypes.ConversationUpdate) return false;
  const botId = activity.recipient?.id;
  return botId !== undefined && (activity.membersAdded ?? []).some((member) => member.id === botId);
}

/** The welcome card's introduction, worded for where the app was added. */
export function welcomeIntro(conversationType: string | undefined): string[] {
  const shared = conversationType === 'channel' || conversationType === 'groupChat';
  const prefix = shared ? '@MeetNow ' : '';
  return [
    'I start a Teams meeting right here, with whoever asks as the organizer, and post a card with the **Join** button and the dial-in numbers.',
    `- **${prefix}/meet Quarterly numbers** starts one now`,
    `- **${prefix}/meet Budget with @Megan @Adele** also invites the people you mention`,
    ...(shared ? [`- **${prefix}/meet Standup --channel** invites everyone in this ${conversationType === 'channel' ? 'channel' : 'chat'}`] : []),
    `- **${prefix}help** shows all commands`,
  ];
}

/** Answers an installation with the welcome card (the "Start meeting now" card with an introduction). */
export async function welcomeIfInstalled(context: TurnContext, cards: CardRenderer, memory: WelcomeMemory, roster?: Roster): Promise<void> {
  const activity = context.activity;
  if (!isBotAdded(activity)) return;
  const conversationId = activity.conversation?.id?.split(';')[0];
  if (conversationId === undefined || !memory.claim(conversationId)) return;
  const conversationType = activity.conversation.conversationType;
  if (!capabilitiesOf(activity.channelId).adaptiveCards) {
    await context.sendActivity(HELP_TEXT);
    return;
  }
  const personal = conversationType !== 'channel' && conversationType !== 'groupChat';
  // Installation activities often carry no name: ask the roster, so the subject can be "<name>'s meeting".
  let name: string | undefined = activity.from?.name?.trim();
  if (personal && (name === undefined || name === '') && roster !== undefined && activity.from?.id !== undefined) {
    name = (await roster.member(context, activity.from.id).catch(() => undefined))?.name;
  }
  const card = cards.startMeetingCard({
    title: 'Hi, I’m MeetNow',
    intro: welcomeIntro(conversationType),
    defaultSubject: personal && name !== undefined && name !== '' ? `${name}'s meeting` : 'Quick meeting',
    cardId: randomUUID(),
  });
  await context.sendActivity({ attachments: [card] });
}
