import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { startHarness, type Harness } from '../support/harness';
import { BotFrameworkIssuer, useAuthenticatedHarness } from '../support/bot-framework-issuer';
import { teamsMessage } from '../support/teams-activity';

/** A request with the Host header a DNS-rebinding page (or any client) chooses; fetch cannot set Host. */
function send(url: string, path: string, host: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}${path}`, { method: body === undefined ? 'GET' : 'POST', headers: { host, 'content-type': 'application/json', ...headers } }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

const warnings = (h: Harness) => h.logs.lines.filter((line) => line.level === 40).map((line) => line.msg);

describe('local mode (no MicrosoftAppId) answers only requests addressed to loopback', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => h.close());
  beforeEach(() => {
    h.connector.reset();
    h.emulator.reset();
  });

  const meet = () => teamsMessage({ serviceUrl: h.connector.serviceUrl, text: '/meet Rebinding' });

  it.each(['evil.example', 'evil.example:3978', '127.0.0.1.evil.example', 'localhost.evil.example', 'evil.example@localhost', '192.168.1.20:3978', '[::2]'])(
    'Host %p → 421 with a reason, no meeting, no Graph call, on every route',
    async (host) => {
      const posted = await send(h.bot.url, '/api/messages', host, meet());
      expect(posted.status).toBe(421);
      expect(JSON.parse(posted.body)).toMatchObject({ error: 'misdirected_request', message: expect.stringContaining('local mode') });
      for (const path of ['/healthz', '/readyz', '/nowhere']) expect((await send(h.bot.url, path, host)).status).toBe(421);
      expect(h.emulator.graphRequests).toHaveLength(0);
      expect(h.emulator.meetings()).toHaveLength(0);
      expect(h.connector.calls).toHaveLength(0);
    },
  );

  it.each(['localhost', `localhost:3978`, 'LOCALHOST.', 'dev.localhost:3978', '127.0.0.1', '127.0.0.1:3978', '127.1.2.3', '[::1]', '[::1]:3978'])('Host %p is served', async (host) => {
    expect((await send(h.bot.url, '/api/messages', host, meet())).status).toBe(200);
    expect(h.emulator.meetings()).toHaveLength(1);
  });

  it.each(['localhost:99999', '[::1', 'local host'])('Host %p, which no URL can hold → 400, and the bot keeps serving', async (host) => {
    const refused = await send(h.bot.url, '/api/messages', host, meet());
    expect(refused.status).toBe(400);
    expect(JSON.parse(refused.body)).toMatchObject({ error: 'bad_request' });
    expect(h.emulator.graphRequests).toHaveLength(0);
    expect((await send(h.bot.url, '/healthz', 'localhost')).status).toBe(200);
  });

  it('says at warn that real Graph credentials are configured without Bot Framework authentication', () => {
    expect(warnings(h)).toContainEqual(expect.stringContaining('Graph credentials are configured without Bot Framework authentication'));
    expect(warnings(h)).not.toContainEqual(expect.stringContaining('listens beyond loopback'));
  });

  it('says at warn, even at LOG_LEVEL=error, that it listens beyond loopback with HOST=0.0.0.0', async () => {
    const open = await startHarness({ env: { HOST: '0.0.0.0', LOG_LEVEL: 'error' } });
    try {
      expect(warnings(open)).toContainEqual(expect.stringContaining('Local mode (no MicrosoftAppId) listens beyond loopback (HOST=0.0.0.0)'));
      // Listening on every interface does not open it up: a LAN name is still refused.
      expect((await send(open.bot.url, '/healthz', '192.168.1.20:3978')).status).toBe(421);
    } finally {
      await open.close();
    }
  });
});

describe('with Bot Framework authentication the Host header is not checked (behind Azure it is the public name)', () => {
  const appId = randomUUID();
  let issuer: BotFrameworkIssuer;
  let h: Harness;
  useAuthenticatedHarness(appId, (started) => ({ h, issuer } = started));

  it('a foreign Host with a valid token is served; without a token it gets 401', async () => {
    const activity = teamsMessage({ serviceUrl: h.connector.serviceUrl, text: '/meet Public name' });
    const token = await issuer.token(activity.serviceUrl as string);
    expect((await send(h.bot.url, '/api/messages', 'meetnow.contoso.example', activity, { authorization: `Bearer ${token}` })).status).toBe(200);
    expect(h.emulator.meetings()).toHaveLength(1);
    expect((await send(h.bot.url, '/api/messages', 'meetnow.contoso.example', activity)).status).toBe(401);
    expect(warnings(h)).not.toContainEqual(expect.stringContaining('without Bot Framework authentication'));
  });

  it.each(['meetnow contoso.example', 'meetnow.contoso.example:99999', 'foo|bar'])(
    'Host %p, which no URL can hold, gets 400 before any token is read, and the bot keeps serving',
    async (host) => {
      const activity = teamsMessage({ serviceUrl: h.connector.serviceUrl, text: '/meet After a bad Host' });
      for (const path of ['/api/messages', '/healthz', '/nowhere']) {
        const refused = await send(h.bot.url, path, host, path === '/api/messages' ? activity : undefined);
        expect(refused.status).toBe(400);
        expect(JSON.parse(refused.body)).toMatchObject({ error: 'bad_request' });
      }
      const token = await issuer.token(activity.serviceUrl as string);
      expect((await send(h.bot.url, '/api/messages', 'meetnow.contoso.example', activity, { authorization: `Bearer ${token}` })).status).toBe(200);
      expect(h.emulator.meetings()).toHaveLength(1);
    },
  );
});
