import { createHash } from 'node:crypto';

/** A GUID derived from a label, so users and tenants are the same on every run. */
export function guidFor(label: string): string {
  const hex = createHash('sha256').update(label).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export interface BenchUser {
  id: string;
  name: string;
  aadObjectId: string;
  /** The user's 1:1 chat with the bot. */
  conversationId: string;
}

export function makeUsers(tenantLabel: string, count: number): BenchUser[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `29:bench-${tenantLabel}-${i}`,
    name: `Bench User ${i}`,
    aadObjectId: guidFor(`${tenantLabel}/user/${i}`),
    conversationId: `a:bench-${tenantLabel}-${i}`,
  }));
}

export interface ActivityOptions {
  serviceUrl: string;
  tenantId: string;
  user: BenchUser;
  /** Unique per request: the bot dedupes on it. */
  activityId: string;
  text: string;
}

/** A Teams personal-chat message, shaped like what the Bot Connector posts to a bot. */
export function teamsMessageBody(options: ActivityOptions): string {
  const now = new Date().toISOString();
  return JSON.stringify({
    type: 'message',
    id: options.activityId,
    timestamp: now,
    localTimestamp: now,
    serviceUrl: options.serviceUrl,
    channelId: 'msteams',
    from: { id: options.user.id, name: options.user.name, aadObjectId: options.user.aadObjectId },
    conversation: { conversationType: 'personal', id: options.user.conversationId, tenantId: options.tenantId },
    recipient: { id: '28:00000000-0000-0000-0000-0000000000b0', name: 'MeetNow' },
    textFormat: 'plain',
    locale: 'en-US',
    localTimezone: 'Europe/Berlin',
    text: options.text,
    entities: [{ type: 'clientInfo', locale: 'en-US', country: 'US', platform: 'Web', timezone: 'Europe/Berlin' }],
    channelData: { tenant: { id: options.tenantId } },
  });
}

/** Activities from a pool of users, each with a fresh activity id. */
export class ActivityStream {
  private next = 0;

  constructor(
    private readonly serviceUrl: string,
    private readonly tenantId: string,
    private readonly users: readonly BenchUser[],
    private readonly runId: string,
  ) {}

  body(): string {
    const n = this.next++;
    const user = this.users[n % this.users.length] as BenchUser;
    return teamsMessageBody({
      serviceUrl: this.serviceUrl,
      tenantId: this.tenantId,
      user,
      activityId: `1:bench-${this.runId}-${n}`,
      text: `/meet Bench sync ${n}`,
    });
  }

  get sent(): number {
    return this.next;
  }
}
