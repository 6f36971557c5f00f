import { randomUUID } from 'node:crypto';
import { startMeetNow, type MeetNowHandle } from '../../src/index';
import { startMeetingInvoke, startMeetingSubmit } from '../support/card-actions';
import { LogCapture, startHarness, useHarness, type Harness } from '../support/harness';
import { describeWithRedis, freePort, RedisServer } from '../support/redis-server';
import { teamsMessage } from '../support/teams-activity';

type Json = Record<string, unknown>;
const cards = (h: Harness) => h.connector.messages.filter((call) => Array.isArray(call.activity.attachments));

describe.each(['users', 'app'] as const)('exactly once with MEETINGS_API=%s', (api) => {
  let h: Harness;
  useHarness((started) => (h = started), { env: { MEETINGS_API: api }, meetNow: { timing: { acknowledgeAfterMs: 300, typingAfterMs: 100 } } });

  it('Teams redelivering an activity five times, some concurrently, books one meeting and posts one card', async () => {
    const activity = teamsMessage({ serviceUrl: h.connector.serviceUrl, text: '/meet Redelivered' });
    const statuses = await Promise.all([h.post(activity), h.post(activity), h.post(activity)].map(async (p) => (await p).status));
    statuses.push((await h.post(activity)).status, (await h.post(activity)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    expect(h.emulator.meetings()).toHaveLength(1);
    expect(h.emulator.graphRequests).toHaveLength(1);
    expect(cards(h)).toHaveLength(1);
  });

  it('a retry after the client gave up waiting (slow Graph) books nothing more', async () => {
    h.emulator.setLatency(1_000);
    const activity = teamsMessage({ serviceUrl: h.connector.serviceUrl, text: '/meet Retried after a timeout' });
    const body = JSON.stringify(activity);
    // Like Teams giving up on the HTTP answer, then sending the same activity again.
    await fetch(`${h.bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body, signal: AbortSignal.timeout(100) }).catch(() => undefined);
    expect((await h.post(activity)).status).toBe(200);
    await h.connector.waitFor(() => cards(h).length === 1);
    expect(h.emulator.meetings()).toHaveLength(1);
    expect(h.emulator.graphRequests).toHaveLength(1);
  });

  it('a card clicked twice at once (Action.Execute) books one meeting and both clicks show it', async () => {
    const cardActivityId = `card-${randomUUID()}`;
    const conversationId = `a:1${randomUUID()}`;
    const click = () => startMeetingInvoke({ serviceUrl: h.connector.serviceUrl, conversationId, cardActivityId, data: { cardId: randomUUID() } });
    const [first, second] = await Promise.all([h.post(click()), h.post(click())]);
    expect(h.emulator.meetings()).toHaveLength(1);
    const joinUrls = [first, second].map((r) => {
      const body = JSON.parse(r.body) as { statusCode: number; type: string; value: Json };
      expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
      return JSON.stringify(body.value).match(/https:\/\/teams\.microsoft\.com\/l\/meetup-join\/[^"]+/)?.[0];
    });
    expect(joinUrls[0]).toBeDefined();
    expect(joinUrls[1]).toBe(joinUrls[0]);
  });

  it('a card clicked twice (Action.Submit fallback) books one meeting', async () => {
    const cardActivityId = `card-${randomUUID()}`;
    const conversationId = `a:1${randomUUID()}`;
    const click = () => startMeetingSubmit({ serviceUrl: h.connector.serviceUrl, conversationId, cardActivityId });
    await h.post(click());
    await h.post(click());
    expect(h.emulator.meetings()).toHaveLength(1);
    // Both clicks put the same meeting card in place of the start card.
    const updates = h.connector.messages.filter((call) => call.method === 'PUT' && call.activityId === cardActivityId);
    expect(updates).toHaveLength(2);
    expect(JSON.stringify(updates[1]?.activity.attachments)).toBe(JSON.stringify(updates[0]?.activity.attachments));
  });

  it('a click that failed (Graph 500) can be clicked again and then books exactly one meeting', async () => {
    h.emulator.injectFault({ target: 'graph', status: 500 });
    const cardActivityId = `card-${randomUUID()}`;
    const conversationId = `a:1${randomUUID()}`;
    const click = () => startMeetingInvoke({ serviceUrl: h.connector.serviceUrl, conversationId, cardActivityId });
    const failed = JSON.parse((await h.post(click())).body) as { type: string; value: unknown };
    expect(failed.type).toBe('application/vnd.microsoft.activity.message');
    const retried = JSON.parse((await h.post(click())).body) as { type: string };
    expect(retried.type).toBe('application/vnd.microsoft.card.adaptive');
    await h.post(click());
    expect(h.emulator.meetings()).toHaveLength(1);
  });
});

describeWithRedis('exactly once across two instances sharing Redis (REDIS_URL)', (redis) => {
  /** A second bot on the first one's emulator and Redis: two instances behind one load balancer. */
  async function secondInstance(h: Harness, api: string): Promise<{ bot: MeetNowHandle; logs: LogCapture }> {
    const logs = new LogCapture();
    const bot = await startMeetNow(
      {
        PORT: '0',
        HOST: '127.0.0.1',
        METRICS_PORT: 'off',
        GRAPH_CLIENT_ID: h.clientId,
        GRAPH_CLIENT_SECRET: h.clientSecret,
        AUTHORITY_HOST: h.emulator.authorityHost,
        GRAPH_BASE_URL: h.emulator.graphBaseUrl,
        MEETINGS_API: api,
        REDIS_URL: redis().url,
        MEET_RATE_LIMIT: 'off',
      },
      { caPem: h.emulator.caPem, logDestination: logs },
    );
    return { bot, logs };
  }

  it.each(['users', 'app'])('MEETINGS_API=%s: an activity delivered to both instances books one meeting and posts one card', async (api) => {
    // Both runs book ten meetings for Heidi within a minute, counted in the one Redis: no limit here.
    const h = await startHarness({ env: { MEETINGS_API: api, REDIS_URL: redis().url, MEET_RATE_LIMIT: 'off' } });
    const other = await secondInstance(h, api);
    try {
      for (let i = 0; i < 10; i++) {
        const activity = JSON.stringify(teamsMessage({ serviceUrl: h.connector.serviceUrl, text: `/meet Shared ${i}` }));
        const post = (url: string) => fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: activity });
        const answers = await Promise.all([post(h.bot.url), post(other.bot.url)]);
        expect(answers.map((a) => a.status)).toEqual([200, 200]);
      }
      expect(h.emulator.meetings()).toHaveLength(10);
      expect(h.emulator.graphRequests).toHaveLength(10);
      expect(cards(h)).toHaveLength(10);
      // Both instances did take traffic.
      expect(other.logs.lines.some((line) => line.outcome === 'duplicate' || line.msg === 'redelivered activity ignored')).toBe(true);
    } finally {
      await other.bot.close();
      await h.close();
    }
  });

  it('Redis going away refuses new meetings with words, books nothing, and the bot keeps serving', async () => {
    const own = await RedisServer.start();
    const h = await startHarness({ env: { REDIS_URL: own.url } });
    try {
      await own.stop();
      await h.post(teamsMessage({ serviceUrl: h.connector.serviceUrl, text: '/meet No Redis' }));
      expect(h.connector.messages).toHaveLength(1);
      expect(h.connector.messages[0]?.activity.text).toMatch(/try again/i);
      expect(h.emulator.graphRequests).toHaveLength(0);
      expect(h.logs.lines.some((line) => line.level >= 50 && /Redis dedupe store/.test(String((line.err as Json | undefined)?.message ?? line.msg)))).toBe(true);
      expect((await fetch(`${h.bot.url}/healthz`)).status).toBe(200);
      await h.post(teamsMessage({ serviceUrl: h.connector.serviceUrl, text: 'help' }));
      expect(h.connector.messages).toHaveLength(2);
    } finally {
      await h.close();
    }
  });
});

describe('REDIS_URL at start-up', () => {
  // Needs no redis-server: nothing listens on a free port.
  it('an unreachable REDIS_URL stops start-up with a message naming it, without the password', async () => {
    const port = await freePort();
    await expect(
      startMeetNow(
        { PORT: '0', HOST: '127.0.0.1', METRICS_PORT: 'off', LOG_LEVEL: 'silent', REDIS_URL: `redis://:hunter2-secret@127.0.0.1:${port}` },
        { logDestination: new LogCapture() },
      ),
    ).rejects.toThrow(/^REDIS_URL: cannot reach Redis at 127\.0\.0\.1:\d+(?![\s\S]*hunter2)/);
  });
});
