import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { startMeetingInvoke } from '../support/card-actions';
import { startMeetNow } from '../../src/index';
import { LogCapture, startHarness, useHarness, type Harness } from '../support/harness';
import { sampleValue } from '../support/metrics-text';
import { describeWithRedis } from '../support/redis-server';
import { TENANT, teamsMessage } from '../support/teams-activity';

const cards = (h: Harness) => h.connector.messages.filter((call) => Array.isArray(call.activity.attachments));
const texts = (h: Harness) => h.connector.messages.map((call) => call.activity.text).filter((text): text is string => typeof text === 'string');
const user = (name: string, tenantId = TENANT) => ({ id: `29:1${name}`, name, aadObjectId: randomUUID(), tenantId });

/** Adds a user to the strict emulator's directory and returns them as a Teams sender. */
function colleague(h: Harness, name: string, tenantId = TENANT) {
  const sender = user(name, tenantId);
  h.emulator.addUser({ id: sender.aadObjectId, tenantId, displayName: name, userPrincipalName: `${name}@contoso.example` });
  return sender;
}

/** What a click on a card answers in its invoke response (a card, or words). */
function invokeAnswer(body: string): { type: string; value: unknown } {
  return JSON.parse(body) as { type: string; value: unknown };
}

describe('MEET_RATE_LIMIT by default: one sender flooding /meet', () => {
  let h: Harness;
  useHarness((started) => (h = started));

  it('100 rapid /meet from one Teams sender book 10 meetings; the other 90 are told when to try again and cost no token or Graph call', async () => {
    const flood = Array.from({ length: 100 }, (_, i) => teamsMessage({ serviceUrl: h.connector.serviceUrl, text: `/meet Flood ${i}` }));
    const statuses = await Promise.all(flood.map(async (activity) => (await h.post(activity)).status));
    expect(statuses.every((status) => status === 200)).toBe(true);

    expect(h.emulator.meetings()).toHaveLength(10);
    expect(cards(h)).toHaveLength(10);
    const refusals = texts(h).filter((text) => /as many meetings as MeetNow allows in a short time\. Please try again in \d+ seconds\./.test(text));
    expect(refusals).toHaveLength(90);
    // One token for the tenant, one Graph call per meeting: nothing for the refused ones.
    expect(h.emulator.graphRequests).toHaveLength(10);
    expect(h.emulator.tokenRequests).toHaveLength(1);
    expect(sampleValue(await h.bot.metrics.render(), 'meetnow_rate_limited_total', { scope: 'organizer' })).toBe(90);

    // Everyone else in the tenant is unaffected, and so is the flooder's help.
    const megan = colleague(h, 'megan');
    const conversationId = `a:1${randomUUID()}`;
    await h.post(teamsMessage({ serviceUrl: h.connector.serviceUrl, text: '/meet Unaffected', from: megan, conversationId }));
    expect(h.connector.messagesTo(conversationId).filter((call) => Array.isArray(call.activity.attachments))).toHaveLength(1);
    await h.post(teamsMessage({ serviceUrl: h.connector.serviceUrl, text: 'help', conversationId: 'a:1heidi-help' }));
    expect(h.connector.messagesTo('a:1heidi-help')[0]?.activity.text).toContain('/meet');
  });

  it('words the refusal in the sender\'s language', async () => {
    for (let i = 0; i < 2; i++) await h.post(teamsMessage({ serviceUrl: h.connector.serviceUrl, text: `/meet Noch eine ${i}`, locale: 'de-DE' }));
    expect(texts(h).at(-1)).toMatch(/Bitte versuchen Sie es in \d+ Sekunden erneut\./);
  });
});

describe('MEET_RATE_LIMIT=2/1s: what counts, and a refused click', () => {
  let h: Harness;
  useHarness((started) => (h = started), { env: { MEET_RATE_LIMIT: '2/1s' } });

  it('help, usage and redeliveries do not count; a refused card click starts the meeting once the second has passed', async () => {
    for (const text of ['help', '/help', 'hello']) await h.post(teamsMessage({ serviceUrl: h.connector.serviceUrl, text }));
    const redelivered = teamsMessage({ serviceUrl: h.connector.serviceUrl, text: '/meet Once' });
    for (let i = 0; i < 4; i++) await h.post(redelivered);
    expect(h.emulator.meetings()).toHaveLength(1);

    const conversationId = `a:1${randomUUID()}`;
    const click = (cardActivityId: string) => startMeetingInvoke({ serviceUrl: h.connector.serviceUrl, conversationId, cardActivityId, data: { cardId: cardActivityId } });
    expect(invokeAnswer((await h.post(click('card-1'))).body).type).toBe('application/vnd.microsoft.card.adaptive');
    expect(h.emulator.meetings()).toHaveLength(2);

    const refused = invokeAnswer((await h.post(click('card-2'))).body);
    expect(refused.type).toBe('application/vnd.microsoft.activity.message');
    expect(refused.value).toMatch(/Please try again in 1 second\./);
    expect(h.emulator.graphRequests).toHaveLength(2);

    // The refusal released the click: once the window has passed, the same card starts its meeting.
    await sleep(1_100);
    const retried = invokeAnswer((await h.post(click('card-2'))).body);
    expect(retried.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(h.emulator.meetings()).toHaveLength(3);
  });

  it('a refused /meet with @mentions costs no roster look-up', async () => {
    const from = colleague(h, 'lidia');
    const conversationId = `19:${randomUUID()}@thread.v2`;
    h.connector.rosters.set(conversationId, [{ id: '29:1adele', name: 'Adele Vance', aadObjectId: randomUUID() }]);
    const mentioning = () =>
      teamsMessage({ serviceUrl: h.connector.serviceUrl, kind: 'groupChat', conversationId, from, text: '/meet Sync with <at>Adele Vance</at>', mentions: [{ id: '29:1adele', name: 'Adele Vance' }] });
    for (let i = 0; i < 10; i++) await h.post(mentioning());
    expect(h.emulator.meetings()).toHaveLength(2);
    // One look-up of Adele for each of the two meetings, none for the eight refusals.
    expect(h.connector.rosterCalls).toHaveLength(2);
  });
});

describe('MEET_TENANT_RATE_LIMIT: a tenant\'s users together', () => {
  let h: Harness;
  useHarness((started) => (h = started), { env: { MEET_RATE_LIMIT: 'off', MEET_TENANT_RATE_LIMIT: '3/1m' } });

  it('past the tenant\'s limit its users are told the organization is busy and when to retry; another tenant is unaffected', async () => {
    const senders = ['adele', 'alex', 'megan', 'nestor', 'lynne'].map((name) => colleague(h, name));
    for (const from of senders) await h.post(teamsMessage({ serviceUrl: h.connector.serviceUrl, text: `/meet From ${from.name}`, from }));
    expect(h.emulator.meetings()).toHaveLength(3);
    const busy = texts(h).filter((text) => /Your organization is starting a lot of meetings with MeetNow right now\. Please try again in \d+ seconds\./.test(text));
    expect(busy).toHaveLength(2);
    expect(h.emulator.graphRequests).toHaveLength(3);
    expect(sampleValue(await h.bot.metrics.render(), 'meetnow_rate_limited_total', { scope: 'tenant' })).toBe(2);

    const fabrikam = randomUUID();
    h.emulator.addTenant(fabrikam);
    const other = colleague(h, 'pradeep', fabrikam);
    await h.post(teamsMessage({ serviceUrl: h.connector.serviceUrl, text: '/meet Elsewhere', from: other, tenantId: fabrikam }));
    expect(h.emulator.meetings()).toHaveLength(4);
  });
});

describe('a tenant whose token request fails', () => {
  let h: Harness;
  useHarness((started) => (h = started));

  /** Requests that reached Entra for a tenant: OIDC discovery and the token endpoint. */
  const entraRequests = (tenant: string) => [...h.emulator.discoveryRequests, ...h.emulator.tokenRequests].filter((request) => request.path.includes(tenant)).length;

  it('costs one Entra request for many messages within the minute, and nothing to other tenants', async () => {
    const unknown = randomUUID();
    const send = (name: string) => h.post(teamsMessage({ serviceUrl: h.connector.serviceUrl, text: '/meet Nobody consented', from: user(name, unknown), tenantId: unknown }));
    await send('ana');
    const afterFirst = entraRequests(unknown);
    expect(afterFirst).toBeGreaterThan(0);
    const others = ['bo', 'cy', 'di', 'ed', 'flo'];
    await Promise.all(others.map(send));
    expect(entraRequests(unknown)).toBe(afterFirst);
    const answers = texts(h).filter((text) => text.includes("doesn't recognize your organization's tenant"));
    expect(answers).toHaveLength(1 + others.length);

    await h.post(teamsMessage({ serviceUrl: h.connector.serviceUrl, text: '/meet Contoso is fine' }));
    expect(h.emulator.meetings()).toHaveLength(1);
  });
});

describeWithRedis('MEET_RATE_LIMIT with REDIS_URL: one count for every instance', (redis) => {
  it('a sender spreading /meet over two instances behind a load balancer gets the limit once, not once per instance', async () => {
    const env = { MEET_RATE_LIMIT: '3/1m', REDIS_URL: redis().url };
    const h = await startHarness({ env });
    const other = await startMeetNow(
      { PORT: '0', HOST: '127.0.0.1', METRICS_PORT: 'off', GRAPH_CLIENT_ID: h.clientId, GRAPH_CLIENT_SECRET: h.clientSecret, AUTHORITY_HOST: h.emulator.authorityHost, GRAPH_BASE_URL: h.emulator.graphBaseUrl, ...env },
      { caPem: h.emulator.caPem, logDestination: new LogCapture() },
    );
    try {
      for (let i = 0; i < 10; i++) {
        const body = JSON.stringify(teamsMessage({ serviceUrl: h.connector.serviceUrl, text: `/meet Balanced ${i}` }));
        const response = await fetch(`${(i % 2 === 0 ? h.bot : other).url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
        expect(response.status).toBe(200);
      }
      expect(h.emulator.meetings()).toHaveLength(3);
      expect(texts(h).filter((text) => /Please try again in \d+ seconds\./.test(text))).toHaveLength(7);
    } finally {
      await other.close();
      await h.close();
    }
  });
});
