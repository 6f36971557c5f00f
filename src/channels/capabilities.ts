/** What a reply may contain on a channel: decided here only, so every channel gets the richest answer it can show. */
export interface ChannelCapabilities {
  /** Renders Adaptive Cards (else: a hero card plus the details in the text). */
  adaptiveCards: boolean;
  /** Lets the bot replace a message it sent (the Start card becomes the meeting card in place). */
  updatesMessages: boolean;
  /** Markup of reply text. */
  markup: 'markdown' | 'slack';
  /** The channel itself vouches for `from.aadObjectId` and the tenant; elsewhere a client could write any `from`. */
  vouchesForEntraIdentity: boolean;
}

const TEAMS: ChannelCapabilities = { adaptiveCards: true, updatesMessages: true, markup: 'markdown', vouchesForEntraIdentity: true };
const SLACK: ChannelCapabilities = { adaptiveCards: false, updatesMessages: false, markup: 'slack', vouchesForEntraIdentity: false };
/** Bot Framework Emulator, Web Chat and Direct Line render Adaptive Cards but run no Universal Actions. */
const WEB_CHAT: ChannelCapabilities = { adaptiveCards: true, updatesMessages: false, markup: 'markdown', vouchesForEntraIdentity: false };
const OTHER: ChannelCapabilities = { adaptiveCards: false, updatesMessages: false, markup: 'markdown', vouchesForEntraIdentity: false };

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
