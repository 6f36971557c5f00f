import { randomUUID } from 'node:crypto';
import { startHarness, type Harness, type LogLine } from '../support/harness';
import { sampleValue } from '../support/metrics-text';
import { TENANT, teamsMessage } from '../support/teams-activity';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

async function scrape(h: Harness): Promise<string> {
  expect(h.bot.metricsUrl).toBeDefined();
  const response = await fetch(h.bot.metricsUrl as string);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
  return response.text();
}

const turnLines = (h: Harness): LogLine[] => h.logs.lines.filter((line) => line.msg === 'turn');

describe('operations: turn logs, metrics and readiness', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({ env: { GRAPH_TENANT_ID: TENANT } });
  });
  afterAll(async () => h.close());
  beforeEach(() => {
    h.connector.reset();
    h.emulator.reset();
    h.logs.lines.length = 0;
    h.logs.raw.length = 0;
  });

  it('writes one log line per turn with correlation id, conversation type, outcome, request-id and durations', async () => {
    const response = await h.post(teamsMessage({ serviceUrl: h.connector.serviceUrl, text: '/meet Ops review', kind: 'groupChat' }));
    expect(response.status).toBe(200);

    const [line, ...others] = turnLines(h);
    expect(others).toHaveLength(0);
    expect(line).toMatchObject({
      level: 30,
      correlationId: expect.stringMatching(UUID),
      channel: 'msteams',
      activityType: 'message',
      conversationType: 'groupChat',
      outcome: 'meeting_created',
      failed: false,
      graphStatus: 201,
      graphCalls: 1,
      requestId: expect.stringMatching(/\S/),
      deferred: false,
    });
    for (const field of ['tokenMs', 'graphMs', 'replyMs', 'totalMs']) expect(typeof line?.[field]).toBe('number');
    expect(line?.graphMs as number).toBeGreaterThan(0);
    expect(line?.replyMs as number).toBeGreaterThan(0);
    // The same id goes to Graph as client-request-id and tags every other line of the turn.
    expect(h.emulator.graphRequests[0]?.headers['client-request-id']).toBe(line?.correlationId);
    expect(h.emulator.graphRequests[0]?.headers['request-id'] ?? line?.requestId).toBeDefined();
  });

  it('names the failure and keeps Graph request-id in the turn line of a failed meeting', async () => {
    const oid = randomUUID();
    h.emulator.addUser({ id: oid, tenantId: TENANT, displayName: 'No Policy', userPrincipalName: `${oid}@contoso.example`, accessPolicy: false });
    await h.post(teamsMessage({ serviceUrl: h.connector.serviceUrl, text: '/meet Blocked', from: { id: '29:np', name: 'No Policy', aadObjectId: oid } }));
    const [line] = turnLines(h);
    expect(line).toMatchObject({ outcome: 'graph_access_policy', failed: true, graphStatus: 403, requestId: expect.stringMatching(/\S/) });
    const warn = h.logs.lines.find((entry) => entry.msg === 'meeting not created');
    expect(warn?.correlationId).toBe(line?.correlationId);
  });

  it('logs no secret and no token', async () => {
    await h.post(teamsMessage({ serviceUrl: h.connector.serviceUrl, text: '/meet Secrets' }));
    const all = h.logs.raw.join('\n');
    expect(all).not.toContain(h.clientSecret);
    expect(all).not.toMatch(/eyJ[\w-]{10,}\.[\w-]{10,}/);
  });

  it('moves the metrics when meetings are created and when they fail', async () => {
    const before = await scrape(h);
    const created = (text: string) => sampleValue(text, 'meetnow_meetings_total', { api: 'users', outcome: 'created' });
    const denied = (text: string) => sampleValue(text, 'meetnow_meetings_total', { api: 'users', outcome: 'graph_access_policy' });
    const forbidden = (text: string) => sampleValue(text, 'meetnow_graph_errors_total', { status: '403', code: 'General' });
    const graphCalls = (text: string) => sampleValue(text, 'meetnow_graph_request_duration_seconds_count');
    const turns = (text: string) => sampleValue(text, 'meetnow_turns_total', { channel: 'msteams', activity_type: 'message', conversation_type: 'personal' });

    await h.post(teamsMessage({ serviceUrl: h.connector.serviceUrl, text: '/meet Counted' }));
    const oid = randomUUID();
    h.emulator.addUser({ id: oid, tenantId: TENANT, displayName: 'No Policy', userPrincipalName: `${oid}@contoso.example`, accessPolicy: false });
    await h.post(teamsMessage({ serviceUrl: h.connector.serviceUrl, text: '/meet Denied', from: { id: '29:np2', name: 'No Policy', aadObjectId: oid } }));

    const after = await scrape(h);
    expect(created(after) - created(before)).toBe(1);
    expect(denied(after) - denied(before)).toBe(1);
    expect(forbidden(after) - forbidden(before)).toBe(1);
    expect(graphCalls(after) - graphCalls(before)).toBe(2);
    expect(turns(after) - turns(before)).toBe(2);
    // The process defaults are there too.
    expect(after).toContain('process_cpu_user_seconds_total');
    expect(after).toContain('nodejs_eventloop_lag_seconds');
  });

  it('counts retries, token requests and dedupe hits', async () => {
    const before = await scrape(h);
    h.emulator.injectFault({ target: 'graph', status: 429, retryAfter: 0 });
    const activity = teamsMessage({ serviceUrl: h.connector.serviceUrl, text: '/meet Twice' });
    await h.post(activity);
    await h.post(activity);
    const after = await scrape(h);
    const delta = (name: string, labels: Record<string, string> = {}) => sampleValue(after, name, labels) - sampleValue(before, name, labels);
    expect(delta('meetnow_retries_total', { target: 'graph', status: '429' })).toBe(1);
    expect(delta('meetnow_graph_errors_total', { status: '429' })).toBe(1);
    expect(delta('meetnow_dedupe_hits_total', { kind: 'activity' })).toBe(1);
    expect(delta('meetnow_turns_total', { outcome: 'duplicate' })).toBe(1);
    expect(delta('meetnow_meetings_total', { outcome: 'created' })).toBe(1);
    expect(sampleValue(after, 'meetnow_token_requests_total', { status: '200' })).toBeGreaterThanOrEqual(1);
  });

  it('serves metrics only on their own loopback port, not on the bot port', async () => {
    expect(new URL(h.bot.metricsUrl as string).hostname).toBe('127.0.0.1');
    expect(new URL(h.bot.metricsUrl as string).port).not.toBe(String(h.bot.port));
    expect((await fetch(`${h.bot.url}/metrics`)).status).toBe(404);
    expect((await fetch((h.bot.metricsUrl as string).replace('/metrics', '/other'))).status).toBe(404);
  });

  it('is ready when the configuration gets a token, and live regardless', async () => {
    const ready = await fetch(`${h.bot.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
    expect((await fetch(`${h.bot.url}/healthz`)).status).toBe(200);
  });
});

async function waitFor<T>(find: () => T | undefined, what: string): Promise<T> {
  for (let waited = 0; waited < 10_000; waited += 20) {
    const found = find();
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`gave up waiting for ${what}`);
}

describe('turn lines of card clicks and of meetings delivered after the turn', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({ meetNow: { timing: { acknowledgeAfterMs: 50, typingAfterMs: 10_000 } } });
  });
  afterAll(async () => h.close());
  beforeEach(() => {
    h.connector.reset();
    h.emulator.reset();
    h.logs.lines.length = 0;
  });

  it('writes the line when the card is delivered, marked deferred, once', async () => {
    h.emulator.setLatency(300);
    await h.post(teamsMessage({ serviceUrl: h.connector.serviceUrl, text: '/meet Slow Graph' }));
    const line = await waitFor(() => turnLines(h)[0], 'the turn line');
    expect(line).toMatchObject({ outcome: 'meeting_created', deferred: true, graphCalls: 1 });
    expect(line.graphMs as number).toBeGreaterThan(0);
    await waitFor(() => (h.connector.messages.length >= 2 ? true : undefined), 'the card');
    expect(turnLines(h)).toHaveLength(1);
  });

  it('counts a card click as an invoke turn, and a second click as a card dedupe hit', async () => {
    const before = await scrape(h);
    const conversationId = `a:1${randomUUID()}`;
    const click = (id: string) => ({
      ...teamsMessage({ serviceUrl: h.connector.serviceUrl, id, conversationId }),
      type: 'invoke',
      name: 'adaptiveCard/action',
      replyToId: 'card-activity-1',
      value: { action: { type: 'Action.Execute', verb: 'startMeeting', data: { action: 'startMeeting', subject: 'Card meeting' } }, trigger: 'manual' },
    });
    expect((await h.post(click('click-1'))).status).toBe(200);
    expect((await h.post(click('click-2'))).status).toBe(200);
    const lines = turnLines(h);
    expect(lines.map((line) => [line.activityType, line.outcome])).toEqual([
      ['invoke', 'meeting_created'],
      ['invoke', 'duplicate'],
    ]);
    const after = await scrape(h);
    expect(sampleValue(after, 'meetnow_dedupe_hits_total', { kind: 'card' }) - sampleValue(before, 'meetnow_dedupe_hits_total', { kind: 'card' })).toBe(1);
    expect(
      sampleValue(after, 'meetnow_turns_total', { activity_type: 'invoke', outcome: 'meeting_created' }) -
        sampleValue(before, 'meetnow_turns_total', { activity_type: 'invoke', outcome: 'meeting_created' }),
    ).toBe(1);
  });
});

describe('readiness', () => {
  it('is not ready while the configuration cannot get a token: the public body has a code, the log has the reason; /healthz stays 200', async () => {
    const h = await startHarness({ env: { GRAPH_TENANT_ID: TENANT, GRAPH_CLIENT_SECRET: 'not-the-secret' } });
    try {
      const response = await fetch(`${h.bot.url}/readyz`);
      expect(response.status).toBe(503);
      const text = await response.text();
      // Unauthenticated callers learn neither the tenant nor Entra's words about the app's credentials.
      expect(JSON.parse(text)).toEqual({ status: 'not_ready', code: 'token_invalid_client' });
      for (const secretish of [TENANT, 'AADSTS', h.clientId, 'secret', 'not-the-secret']) expect(text).not.toContain(secretish);
      const logged = h.logs.lines.filter((line) => line.msg.startsWith('not ready'));
      expect(logged).toHaveLength(1);
      expect(logged[0]).toMatchObject({ level: 40, code: 'token_invalid_client', tenantId: TENANT, reason: expect.stringMatching(/AADSTS7000215.*doctor/s) });
      expect(h.logs.raw.join('\n')).not.toContain('not-the-secret');
      // The failed check is cached briefly: a second probe asks Entra nothing.
      const tokenCalls = h.emulator.counts.token;
      expect((await fetch(`${h.bot.url}/readyz`)).status).toBe(503);
      expect(h.emulator.counts.token).toBe(tokenCalls);
      expect((await fetch(`${h.bot.url}/healthz`)).status).toBe(200);
    } finally {
      await h.close();
    }
  });

  it('is not ready while shutting down', async () => {
    const h = await startHarness({ env: { GRAPH_TENANT_ID: TENANT } });
    try {
      expect((await fetch(`${h.bot.url}/readyz`)).status).toBe(200);
      h.bot.readiness.markShuttingDown();
      const response = await fetch(`${h.bot.url}/readyz`);
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ status: 'shutting_down' });
    } finally {
      await h.close();
    }
  });

  it('without a fixed tenant reports ready without a token check; METRICS_PORT=off serves no metrics', async () => {
    const h = await startHarness({ env: { METRICS_PORT: 'off' } });
    try {
      const response = await fetch(`${h.bot.url}/readyz`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: 'ready' });
      expect(h.bot.metricsUrl).toBeUndefined();
    } finally {
      await h.close();
    }
  });
});
