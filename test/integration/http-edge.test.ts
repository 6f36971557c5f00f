import { request } from 'node:http';
import { gzipSync } from 'node:zlib';
import { startHarness, type Harness } from '../support/harness';
import { HEIDI, teamsMessage } from '../support/teams-activity';

function rawPost(url: string, body: Buffer | string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}/api/messages`, { method: 'POST', headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('HTTP edge', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => h.close());
  afterEach(() => {
    // Bad input never reaches Graph.
    expect(h.emulator.graphRequests).toHaveLength(0);
    h.emulator.reset();
    h.connector.reset();
  });

  it('GET /healthz answers 200 {"status":"ok"}', async () => {
    const response = await fetch(`${h.bot.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it.each([
    ['malformed JSON', '{"type": "message",'],
    ['a JSON array', '[]'],
    ['a JSON string', '"hello"'],
    ['null', 'null'],
    ['an object without type', JSON.stringify({ text: '/meet x' })],
  ])('%s → 400', async (_name, body) => {
    expect((await h.post(body)).status).toBe(400);
  });

  it.each([
    ['no serviceUrl', { serviceUrl: undefined }],
    ['a relative serviceUrl', { serviceUrl: '/teams/' }],
    ['a non-http serviceUrl', { serviceUrl: 'file:///etc/passwd' }],
    ['no conversation', { conversation: undefined }],
    ['a conversation without id', { conversation: { tenantId: 'x' } }],
    ['a numeric conversation id', { conversation: { id: 42 } }],
    ['entities that are not an array', { entities: 5 }],
    ['a null entity', { entities: [null] }],
  ])('a message with %s → 400', async (_name, patch) => {
    const activity = { ...teamsMessage({ serviceUrl: h.connector.serviceUrl, text: '/meet x' }), ...patch };
    expect((await h.post(activity)).status).toBe(400);
    expect(h.connector.calls).toHaveLength(0);
  });

  it.each([
    ['an action that is not an object', { action: 'nope' }],
    ['a numeric verb', { action: { type: 'Action.Execute', verb: 5, data: {} } }],
    ['data that is not an object', { action: { type: 'Action.Execute', verb: 'startMeeting', data: 7 } }],
    ['a cancel without data', { action: { type: 'Action.Execute', verb: 'cancelMeeting' } }],
    ['a cancel whose organizer is no object id', { action: { type: 'Action.Execute', verb: 'cancelMeeting', data: { organizerId: 'heidi', eventId: 'AAMk' } } }],
    ['a cancel whose event id walks the URL', { action: { type: 'Action.Execute', verb: 'cancelMeeting', data: { organizerId: HEIDI.aadObjectId, eventId: '../messages' } } }],
    ['a cancel naming no meeting', { action: { type: 'Action.Execute', verb: 'cancelMeeting', data: { organizerId: HEIDI.aadObjectId, eventId: '', meetingId: '' } } }],
  ])('an adaptiveCard/action invoke with %s → 400', async (_name, value) => {
    const invoke = { ...teamsMessage({ serviceUrl: h.connector.serviceUrl }), type: 'invoke', name: 'adaptiveCard/action', value };
    expect((await h.post(invoke)).status).toBe(400);
  });

  it('an invoke the bot does not handle → 501', async () => {
    const invoke = { ...teamsMessage({ serviceUrl: h.connector.serviceUrl }), type: 'invoke', name: 'composeExtension/query', value: {} };
    expect((await h.post(invoke)).status).toBe(501);
  });

  it('a gzip body (valid or not) → 415, and the process keeps serving', async () => {
    const body = JSON.stringify(teamsMessage({ serviceUrl: h.connector.serviceUrl, text: '/meet x' }));
    expect(await rawPost(h.bot.url, gzipSync(body), { 'content-type': 'application/json', 'content-encoding': 'gzip' })).toBe(415);
    expect(await rawPost(h.bot.url, 'not gzip at all', { 'content-type': 'application/json', 'content-encoding': 'gzip' })).toBe(415);
    expect((await fetch(`${h.bot.url}/healthz`)).status).toBe(200);
  });

  it('a body over the limit → 413', async () => {
    const activity = teamsMessage({ serviceUrl: h.connector.serviceUrl, text: `/meet ${'x'.repeat(2 * 1024 * 1024)}` });
    expect((await h.post(activity)).status).toBe(413);
  });

  it('a body that is not JSON → 400', async () => {
    expect(await rawPost(h.bot.url, 'type=message', { 'content-type': 'application/x-www-form-urlencoded' })).toBe(400);
  });
});
