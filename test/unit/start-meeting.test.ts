import { TurnContext, type Activity, type BotAdapter } from 'botbuilder';
import pino from 'pino';
import { StartMeeting, type StartRequest } from '../../src/bot/start-meeting';
import type { Roster } from '../../src/bot/roster';
import { MeetNowError } from '../../src/errors';
import type { IdentityLookup, UserDirectory } from '../../src/identity/organizer-resolver';
import { ChannelOrganizerResolver } from '../../src/identity/organizer-resolver';
import type { CreateMeetingInput, Meeting } from '../../src/meetings/meeting';
import { MeetingService } from '../../src/meetings/meeting-service';
import { MemoryDedupeStore } from '../../src/meetings/memory-dedupe-store';
import { MemoryRateLimiter } from '../../src/meetings/memory-rate-limiter';
import type { DedupeStore, MeetingsApi } from '../../src/meetings/ports';
import { TenantPolicy } from '../../src/meetings/tenant-policy';
import { Gate } from '../support/gate';

const log = pino({ level: 'silent' });
const HEIDI = { aadObjectId: '550fae72-d251-43ec-868c-373732c2704f', name: 'Heidi Steen' };
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const OTHER_TENANT = '0d3f5a11-8c1b-4c34-9e21-7a4f3c2b1a00';
const NO_MENTIONS = { text: '', people: [], everyone: false, tags: [] };
// Nobody is mentioned in these requests, so the roster is never asked.
const NO_ROSTER = {} as Roster;

/** Graph as a fake port: books meetings (or fails with `failure`), can be held, and keeps what it was asked. */
class FakeMeetingsApi implements MeetingsApi {
  readonly inputs: CreateMeetingInput[] = [];
  failure?: Error;
  /** Holds the calls while a test acts. */
  readonly gate = new Gate();

  async createMeeting(input: CreateMeetingInput): Promise<Meeting> {
    this.inputs.push(input);
    await this.gate.pass();
    if (this.failure !== undefined) throw this.failure;
    const id = `m${this.inputs.length}`;
    return { id, subject: input.subject, joinUrl: `https://teams.microsoft.com/l/meetup-join/${id}`, created: true };
  }
}

/** A dedupe store whose every call fails, as Redis does when it is gone. */
const BROKEN_STORE: DedupeStore = {
  claim: () => Promise.reject(new MeetNowError('internal', 'Redis dedupe store unreachable')),
  remember: () => Promise.reject(new Error('unreachable')),
  recall: () => Promise.reject(new Error('unreachable')),
  release: () => Promise.reject(new Error('unreachable')),
};

interface Setup {
  dedupe?: DedupeStore;
  allowedTenants?: string[];
  organizerLimit?: number;
  identityMap?: IdentityLookup;
  directory?: UserDirectory;
}

function setup({ dedupe = new MemoryDedupeStore(), allowedTenants = [], organizerLimit, identityMap, directory }: Setup = {}) {
  const api = new FakeMeetingsApi();
  const lookups: string[] = [];
  const starter = new StartMeeting({
    meetings: new MeetingService({
      api,
      dedupe,
      limits: organizerLimit === undefined ? undefined : { limiter: new MemoryRateLimiter(), organizer: { count: organizerLimit, windowMs: 60_000 } },
    }),
    organizers: new ChannelOrganizerResolver(identityMap, {
      findUserId: async (tenantId, upn) => {
        lookups.push(upn);
        return (directory ?? { findUserId: async () => 'a3b1c2d4-0000-4000-8000-000000000001' }).findUserId(tenantId, upn);
      },
    }),
    tenants: new TenantPolicy(allowedTenants),
    roster: NO_ROSTER,
  });
  return { api, lookups, starter };
}

function turn(fields: Partial<Activity> = {}): TurnContext {
  const activity = {
    type: 'message',
    id: 'a1',
    channelId: 'msteams',
    conversation: { id: 'c1', tenantId: TENANT },
    from: { id: '29:1', ...HEIDI },
    ...fields,
  } as Activity;
  // The handler only reads the activity; it never sends.
  return new TurnContext({} as BotAdapter, activity);
}

const text = (subject: string): StartRequest & { source: 'text' } => ({ source: 'text', subject, mentions: NO_MENTIONS });
const click = (subject: string, fields: Partial<StartRequest & { source: 'card' }> = {}): StartRequest & { source: 'card' } => ({ source: 'card', subject, ...fields });

describe('StartMeeting, from a /meet message', () => {
  it('books one meeting for the sender, with a default subject when none was typed', async () => {
    const { api, starter } = setup();
    const outcome = await starter.start(turn(), text(''), log);
    expect(outcome).toMatchObject({ kind: 'started', created: true, scheduled: false, started: { organizerName: 'Heidi Steen', meeting: { id: 'm1' } } });
    expect(api.inputs).toHaveLength(1);
    expect(api.inputs[0]).toMatchObject({ organizer: { objectId: HEIDI.aadObjectId, tenantId: TENANT }, subject: "Heidi Steen's meeting" });
  });

  it('books nothing for the same message delivered again, also while the first is still being booked', async () => {
    const { api, starter } = setup();
    api.gate.hold();
    const first = starter.start(turn(), text('Standup'), log);
    const whileInFlight = await starter.start(turn(), text('Standup'), log);
    api.gate.release();
    expect(await first).toMatchObject({ kind: 'started', created: true });
    expect(whileInFlight).toEqual({ kind: 'redelivered' });
    expect(await starter.start(turn(), text('Standup'), log)).toEqual({ kind: 'redelivered' });
    expect(api.inputs).toHaveLength(1);
  });

  it('books one meeting per message: another message id is another meeting', async () => {
    const { api, starter } = setup();
    await starter.start(turn({ id: 'a1' }), text('Standup'), log);
    await starter.start(turn({ id: 'a2' }), text('Standup'), log);
    expect(api.inputs.map((input) => input.externalId)).toHaveLength(2);
    expect(new Set(api.inputs.map((input) => input.externalId)).size).toBe(2);
  });

  it('says so when the dedupe store fails, and books nothing', async () => {
    const { api, starter } = setup({ dedupe: BROKEN_STORE });
    await expect(starter.start(turn(), text('Standup'), log)).rejects.toMatchObject({ code: 'internal' });
    expect(api.inputs).toHaveLength(0);
  });

  it('keeps a failed message taken: its redelivery after the error reply books nothing', async () => {
    const { api, starter } = setup();
    api.failure = new MeetNowError('graph_access_policy', 'access policy');
    await expect(starter.start(turn(), text('Standup'), log)).rejects.toMatchObject({ code: 'graph_access_policy' });
    api.failure = undefined;
    expect(await starter.start(turn(), text('Standup'), log)).toEqual({ kind: 'redelivered' });
    expect(api.inputs).toHaveLength(1);
  });

  it('refuses a tenant ALLOWED_TENANTS does not list before any claim, look-up or booking', async () => {
    const { api, starter } = setup({ allowedTenants: [OTHER_TENANT] });
    await expect(starter.start(turn(), text('Standup'), log)).rejects.toMatchObject({ code: 'tenant_not_allowed' });
    expect(api.inputs).toHaveLength(0);
    // Not even claimed: once the tenant is allowed, the same message books its meeting.
    const allowed = setup({ allowedTenants: [TENANT.toUpperCase()] });
    expect(await allowed.starter.start(turn(), text('Standup'), log)).toMatchObject({ kind: 'started' });
  });

  it('checks a mapped Slack user’s tenant before their user principal name costs a directory look-up', async () => {
    const identityMap: IdentityLookup = { lookup: () => ({ userPrincipalName: 'heidi@contoso.com', tenantId: TENANT }) };
    const refused = setup({ allowedTenants: [OTHER_TENANT], identityMap });
    const slack = turn({ channelId: 'slack', from: { id: 'U0ABC123:T0XYZ789', name: 'Heidi' }, conversation: { id: 'D1' } as Activity['conversation'] });
    await expect(refused.starter.start(slack, text('Standup'), log)).rejects.toMatchObject({ code: 'tenant_not_allowed' });
    expect(refused.lookups).toEqual([]);
    const allowed = setup({ identityMap });
    expect(await allowed.starter.start(slack, text('Standup'), log)).toMatchObject({ kind: 'started', created: true });
    expect(allowed.lookups).toEqual(['heidi@contoso.com']);
    expect(allowed.api.inputs[0]?.organizer).toMatchObject({ objectId: 'a3b1c2d4-0000-4000-8000-000000000001', tenantId: TENANT });
  });

  it('never makes a Web Chat sender an organizer, whatever ids they send', async () => {
    const { api, starter } = setup();
    await expect(starter.start(turn({ channelId: 'webchat' }), text('Standup'), log)).rejects.toMatchObject({ code: 'identity_unverifiable' });
    expect(api.inputs).toHaveLength(0);
  });

  it('refuses past the organizer’s rate limit with when to try again, and a refused request costs no Graph call', async () => {
    const { api, starter } = setup({ organizerLimit: 2 });
    await starter.start(turn({ id: 'a1' }), text('One'), log);
    await starter.start(turn({ id: 'a2' }), text('Two'), log);
    const refused = starter.start(turn({ id: 'a3' }), text('Three'), log);
    await expect(refused).rejects.toMatchObject({ code: 'rate_limited' });
    await expect(refused).rejects.toHaveProperty('retryAfterMs', expect.any(Number));
    expect(api.inputs).toHaveLength(2);
  });
});

describe('StartMeeting, from a "Start meeting now" click', () => {
  const schedule = { start: new Date('2026-12-07T09:00:00Z'), end: new Date('2026-12-07T10:00:00Z') };
  const invoke = (fields: Partial<Activity> = {}) => turn({ type: 'invoke', id: `click-${Math.random()}`, replyToId: 'card-message', ...fields });

  it('books one meeting per card, whoever clicks, and shows later clicks the same meeting', async () => {
    const { api, starter } = setup();
    const first = await starter.start(invoke(), click('Review', { schedule }), log);
    expect(first).toMatchObject({ kind: 'started', created: true, scheduled: true });
    expect(api.inputs[0]).toMatchObject({ subject: 'Review', schedule });
    const adele = { id: '29:2', aadObjectId: 'c9f4e2a1-1111-4222-8333-444455556666', name: 'Adele Vance' };
    const again = await starter.start(invoke({ from: adele }), click('Something else'), log);
    expect(again).toEqual({ kind: 'started', created: false, scheduled: false, started: first.kind === 'started' ? first.started : undefined });
    expect(api.inputs).toHaveLength(1);
  });

  it('says "being started" to a click while the first click’s meeting is still being booked, then shows it', async () => {
    const { api, starter } = setup();
    api.gate.hold();
    const first = starter.start(invoke(), click('Review'), log);
    await new Promise((resolve) => setImmediate(resolve));
    const second = starter.start(invoke(), click('Review'), log);
    api.gate.release();
    const [one, two] = await Promise.all([first, second]);
    expect(one).toMatchObject({ kind: 'started', created: true });
    // The second click waited for the first one's meeting (recall polls the store) and shows the same.
    expect(two).toMatchObject({ kind: 'started', created: false, started: { meeting: { id: 'm1' } } });
  });

  it('keys a click on a card without a message id by the card id', async () => {
    const { api, starter } = setup();
    await starter.start(turn({ channelId: 'msteams', type: 'message', id: 'x1' }), click('Review', { cardId: 'card-7' }), log);
    await starter.start(turn({ channelId: 'msteams', type: 'message', id: 'x2' }), click('Review', { cardId: 'card-7' }), log);
    await starter.start(turn({ channelId: 'msteams', type: 'message', id: 'x3' }), click('Review', { cardId: 'card-8' }), log);
    expect(api.inputs).toHaveLength(2);
  });

  it('lets the card be clicked again after a failure, and books then', async () => {
    const { api, starter } = setup();
    api.failure = new MeetNowError('graph_unavailable', 'busy');
    await expect(starter.start(invoke(), click('Review'), log)).rejects.toMatchObject({ code: 'graph_unavailable' });
    api.failure = undefined;
    expect(await starter.start(invoke(), click('Review'), log)).toMatchObject({ kind: 'started', created: true });
    expect(api.inputs).toHaveLength(2);
  });

  it('says so when the dedupe store fails on a click, and books nothing', async () => {
    const { api, starter } = setup({ dedupe: BROKEN_STORE });
    await expect(starter.start(invoke(), click('Review'), log)).rejects.toMatchObject({ code: 'internal' });
    expect(api.inputs).toHaveLength(0);
  });
});
