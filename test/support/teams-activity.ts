import { randomUUID } from 'node:crypto';

export const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
export const HEIDI = { id: '29:1heidi', name: 'Heidi Steen', aadObjectId: '550fae72-d251-43ec-868c-373732c2704f' };
export const BOT = { id: '28:00000000-0000-0000-0000-0000000000b0', name: 'MeetNow' };

export type ConversationKind = 'personal' | 'groupChat' | 'channel';

export interface TeamsMessageOptions {
  serviceUrl: string;
  text?: string;
  from?: { id: string; name?: string; aadObjectId?: string };
  kind?: ConversationKind;
  conversationId?: string;
  tenantId?: string | null;
  id?: string;
  value?: unknown;
  replyToId?: string;
  timezone?: string;
  locale?: string;
  /** `mention` entities (the text must hold each `<at>name</at>`); `type` as Teams sets it for channels, teams and tags. */
  mentions?: Array<{ id: string; name: string; type?: string }>;
}

export const TEAM_ID = '19:team@thread.tacv2';

/** A message activity shaped like what Teams sends a bot. */
export function teamsMessage(options: TeamsMessageOptions): Record<string, unknown> {
  const kind = options.kind ?? 'personal';
  const tenantId = options.tenantId === undefined ? TENANT : options.tenantId;
  const conversationId =
    options.conversationId ??
    (kind === 'personal' ? `a:1${randomUUID()}` : kind === 'groupChat' ? `19:${randomUUID()}@thread.v2` : `19:${randomUUID()}@thread.tacv2;messageid=1700000000000`);
  const timezone = options.timezone ?? 'Europe/Berlin';
  const locale = options.locale ?? 'en-US';
  return {
    type: 'message',
    id: options.id ?? `17${Date.now()}${Math.floor(Math.random() * 1000)}`,
    timestamp: new Date().toISOString(),
    localTimestamp: new Date().toISOString(),
    serviceUrl: options.serviceUrl,
    channelId: 'msteams',
    from: options.from ?? HEIDI,
    conversation: {
      conversationType: kind,
      id: conversationId,
      ...(tenantId === null ? {} : { tenantId }),
      ...(kind === 'personal' ? {} : { isGroup: true }),
    },
    recipient: BOT,
    textFormat: 'plain',
    locale,
    localTimezone: timezone,
    ...(options.text === undefined ? {} : { text: options.text }),
    ...(options.value === undefined ? {} : { value: options.value }),
    ...(options.replyToId === undefined ? {} : { replyToId: options.replyToId }),
    entities: [
      { type: 'clientInfo', locale, country: 'US', platform: 'Web', timezone },
      ...(options.mentions ?? []).map((mention) => ({
        type: 'mention',
        text: `<at>${mention.name}</at>`,
        mentioned: { id: mention.id, name: mention.name, ...(mention.type === undefined ? {} : { type: mention.type }) },
      })),
    ],
    channelData: {
      ...(tenantId === null ? {} : { tenant: { id: tenantId } }),
      ...(kind === 'channel' ? { teamsChannelId: '19:channel@thread.tacv2', teamsTeamId: TEAM_ID, channel: { id: '19:channel@thread.tacv2' }, team: { id: TEAM_ID } } : {}),
    },
  };
}
