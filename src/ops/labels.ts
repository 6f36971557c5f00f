/**
 * Metric labels come from activities and remote answers: keep their values to a small known set so a
 * hostile or buggy peer cannot blow up the number of time series.
 */
const CHANNELS = new Set(['msteams', 'slack', 'emulator', 'webchat', 'directline', 'test', 'playground']);
const ACTIVITY_TYPES = new Set(['message', 'invoke', 'conversationUpdate', 'installationUpdate', 'messageReaction', 'typing', 'event', 'endOfConversation']);
const CONVERSATION_TYPES = new Set(['personal', 'groupChat', 'channel']);

const pick = (value: unknown, known: ReadonlySet<string>): string =>
  typeof value !== 'string' || value === '' ? 'none' : known.has(value) ? value : 'other';

export const channelLabel = (value: unknown): string => pick(value, CHANNELS);
export const activityTypeLabel = (value: unknown): string => pick(value, ACTIVITY_TYPES);
export const conversationTypeLabel = (value: unknown): string => pick(value, CONVERSATION_TYPES);

/** A code chosen by a remote service (Graph's error code): word characters only, bounded length. */
export function codeLabel(value: string | undefined): string {
  if (value === undefined || value === '') return 'none';
  return value.replace(/[^\w.-]/g, '_').slice(0, 64);
}
