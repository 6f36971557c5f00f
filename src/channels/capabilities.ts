/**
 * Who vouches for the sender of an activity:
 * - `entra`: the channel itself puts the sender's Entra object id and tenant in the activity (Teams).
 * - `channel-account`: the channel service sets `from.id` from its own, authenticated account of the user, so
 *   it can key the identity map (Slack through Azure Bot Service: the service receives Slack's signed events
 *   and writes `from.id` as `<user>:<team>`;
 *   https://learn.microsoft.com/azure/bot-service/bot-service-channel-connect-slack).
 * - `client-chosen`: the client writes `from.id` itself (Web Chat, Direct Line, the Emulator, and any channel
 *   MeetNow does not know). Direct Line lets a client send any user id unless the bot owner enables enhanced
 *   authentication ("Security considerations: user impersonation",
 *   https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-direct-line-3-0-authentication),
 *   so such a `from.id` never makes anyone an organizer.
 */
export type SenderIdentity = 'entra' | 'channel-account' | 'client-chosen';

/** What a reply may contain on a channel: decided here only, so every channel gets the richest answer it can show. */
export interface ChannelCapabilities {
  /** Renders Adaptive Cards (else: a hero card plus the details in the text). */
  adaptiveCards: boolean;
  /** Lets the bot replace a message it sent (the Start card becomes the meeting card in place). */
  updatesMessages: boolean;
  /** Markup of reply text. */
  markup: 'markdown' | 'slack';
  senderIdentity: SenderIdentity;
}

const TEAMS: ChannelCapabilities = { adaptiveCards: true, updatesMessages: true, markup: 'markdown', senderIdentity: 'entra' };
const SLACK: ChannelCapabilities = { adaptiveCards: false, updatesMessages: false, markup: 'slack', senderIdentity: 'channel-account' };
/** Bot Framework Emulator, Web Chat and Direct Line render Adaptive Cards but run no Universal Actions. */
const WEB_CHAT: ChannelCapabilities = { adaptiveCards: true, updatesMessages: false, markup: 'markdown', senderIdentity: 'client-chosen' };
const OTHER: ChannelCapabilities = { adaptiveCards: false, updatesMessages: false, markup: 'markdown', senderIdentity: 'client-chosen' };

const BY_CHANNEL: Readonly<Record<string, ChannelCapabilities>> = {
  msteams: TEAMS,
  slack: SLACK,
  emulator: WEB_CHAT,
  webchat: WEB_CHAT,
  directline: WEB_CHAT,
};

export function capabilitiesOf(channelId: string | undefined): ChannelCapabilities {
  return (channelId !== undefined && Object.hasOwn(BY_CHANNEL, channelId) ? BY_CHANNEL[channelId] : undefined) ?? OTHER;
}

/** The channels whose `from.id` the identity map may be keyed by. */
export function channelAccountChannels(): string[] {
  return Object.keys(BY_CHANNEL).filter((channelId) => BY_CHANNEL[channelId]?.senderIdentity === 'channel-account');
}
