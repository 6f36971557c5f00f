import { randomBytes, randomUUID } from 'node:crypto';
import { BotFrameworkIssuer } from '../support/bot-framework-issuer';
import { Emulator } from '../../src/emulator';
import { runDoctor } from '../../src/ops/doctor';
import { ConnectProxy, type ConnectProxyOptions } from '../support/connect-proxy';
import { startHarness, startStrictEmulator, type Harness } from '../support/harness';
import { freePort } from '../support/redis-server';
import { BOT, HEIDI, TENANT, teamsMessage } from '../support/teams-activity';

const CREDENTIALS = 'corp%5Cheidi:s3cr%40t-pr0xy';
const PASSWORD_TEXT = ['s3cr%40t-pr0xy', 's3cr@t-pr0xy'];

/** The bot and its emulator and fake connector, with a loopback proxy started first so that its URL can go into the environment. */
function useProxiedHarness(proxyOptions: ConnectProxyOptions, env: (proxy: ConnectProxy) => NodeJS.ProcessEnv): () => { h: Harness; proxy: ConnectProxy } {
  let h: Harness | undefined;
  let proxy: ConnectProxy | undefined;
  beforeAll(async () => {
    proxy = await ConnectProxy.start(proxyOptions);
    h = await startHarness({ env: env(proxy) });
  });
  afterAll(async () => {
    await h?.close();
    await proxy?.close();
  });
  beforeEach(() => {
    h?.connector.reset();
    h?.emulator.reset();
    proxy?.reset();
  });
  return () => ({ h: h as Harness, proxy: proxy as ConnectProxy });
}

const hostPortOf = (url: string) => new URL(url).host;

async function meet(h: Harness, subject: string): Promise<string> {
  const response = await h.post(teamsMessage({ serviceUrl: h.connector.serviceUrl, text: `/meet ${subject}` }));
  expect(response.status).toBe(200);
  await h.connector.waitFor(() => h.connector.messages.length > 0);
  return JSON.stringify(h.connector.messages[0]?.activity);
}

describe('HTTPS_PROXY and HTTP_PROXY', () => {
  const get = useProxiedHarness({}, (proxy) => ({ HTTPS_PROXY: proxy.url(), HTTP_PROXY: proxy.url() }));

  it('a /meet gets its token and creates the meeting through CONNECT tunnels to Entra and Graph, and the card reaches the user through a tunnel to the Bot Connector', async () => {
    const { h, proxy } = get();
    expect(await meet(h, 'Through the proxy')).toContain('Join meeting');
    expect(h.emulator.graphRequests).toHaveLength(1);
    expect(proxy.tunnelsTo(hostPortOf(h.emulator.baseUrl))).toBeGreaterThan(0);
    // http:// Bot Connector: undici tunnels it through HTTP_PROXY as well (CONNECT, not absolute-form requests).
    expect(proxy.tunnelsTo(hostPortOf(h.connector.serviceUrl))).toBeGreaterThan(0);
    expect([...proxy.tunnels.keys()].sort()).toEqual([hostPortOf(h.connector.serviceUrl), hostPortOf(h.emulator.baseUrl)].sort());
  });

  it('keeps its tunnels open: a second /meet opens no new one', async () => {
    const { h, proxy } = get();
    await meet(h, 'First');
    const tunnels = proxy.tunnelsTo(hostPortOf(h.emulator.baseUrl));
    h.connector.reset();
    await meet(h, 'Second');
    expect(proxy.tunnelsTo(hostPortOf(h.emulator.baseUrl))).toBe(tunnels);
  });
});

describe('NO_PROXY', () => {
  const get = useProxiedHarness({}, (proxy) => ({ HTTPS_PROXY: proxy.url(), http_proxy: proxy.url(), NO_PROXY: 'example.org, 127.0.0.1' }));

  it('sends calls to a listed host directly: no tunnel, and the meeting is still created', async () => {
    const { h, proxy } = get();
    expect(await meet(h, 'Direct')).toContain('Join meeting');
    expect(h.emulator.graphRequests).toHaveLength(1);
    expect(proxy.tunnels.size).toBe(0);
  });
});

describe('a proxy that wants credentials', () => {
  const get = useProxiedHarness({ credentials: 'corp\\heidi:s3cr@t-pr0xy' }, (proxy) => ({ https_proxy: proxy.url(CREDENTIALS), HTTP_PROXY: proxy.url(CREDENTIALS) }));

  it('gets them from the proxy URL (percent-decoded), and the password shows in no log line', async () => {
    const { h, proxy } = get();
    expect(await meet(h, 'Authenticated')).toContain('Join meeting');
    expect(proxy.tunnelsTo(hostPortOf(h.emulator.baseUrl))).toBeGreaterThan(0);
    expect(new Set(proxy.authorizations)).toEqual(new Set([`Basic ${Buffer.from('corp\\heidi:s3cr@t-pr0xy').toString('base64')}`]));
    const logs = h.logs.raw.join('\n');
    expect(logs).toContain(proxy.hostPort);
    for (const secret of [...PASSWORD_TEXT, Buffer.from('corp\\heidi:s3cr@t-pr0xy').toString('base64')]) expect(logs).not.toContain(secret);
  });
});

describe.each([407, 502])('a proxy that refuses the tunnel with %i', (status) => {
  // HTTPS_PROXY alone: the http:// Bot Connector is reached directly, so the answer can reach the user.
  const get = useProxiedHarness({ refuseWith: status }, (proxy) => ({ HTTPS_PROXY: proxy.url(CREDENTIALS) }));

  it('gives the user the network answer and logs the proxy by host, never its password', async () => {
    const { h, proxy } = get();
    const reply = await meet(h, 'Refused');
    expect(reply).toContain("couldn't reach Microsoft's meeting service");
    expect(h.emulator.graphRequests).toHaveLength(0);
    expect(proxy.tunnelsTo(hostPortOf(h.emulator.baseUrl))).toBeGreaterThan(0);
    const logs = h.logs.raw.join('\n');
    expect(logs).toContain(`the proxy ${proxy.hostPort} refused the tunnel with HTTP ${status}`);
    for (const secret of PASSWORD_TEXT) expect(logs).not.toContain(secret);
  });
});

describe('a proxy that is not there', () => {
  let h: Harness;
  let proxyPort: number;
  beforeAll(async () => {
    proxyPort = await freePort();
    h = await startHarness({ env: { HTTPS_PROXY: `http://heidi:s3cr%40t-pr0xy@127.0.0.1:${proxyPort}` } });
  });
  afterAll(async () => h.close());

  it('gives the user the network answer and logs that the proxy could not be reached, by host only', async () => {
    const reply = await meet(h, 'No proxy');
    expect(reply).toContain("couldn't reach Microsoft's meeting service");
    const logs = h.logs.raw.join('\n');
    expect(logs).toContain(`the proxy 127.0.0.1:${proxyPort} could not be reached (ECONNREFUSED)`);
    for (const secret of PASSWORD_TEXT) expect(logs).not.toContain(secret);
  });
});

describe('the bot\'s own Bot Framework token (MicrosoftAppId and MicrosoftAppPassword)', () => {
  const appId = randomUUID();
  const password = randomBytes(18).toString('base64url');
  let issuer: BotFrameworkIssuer;
  let proxy: ConnectProxy;
  let h: Harness;

  beforeAll(async () => {
    issuer = await BotFrameworkIssuer.start(appId);
    proxy = await ConnectProxy.start();
    const port = await freePort();
    // The emulator stands in for the bot's Entra (ToChannelFromBotLoginUrl): it issues tokens for the Bot Connector's audience.
    h = await startHarness({
      emulator: { port, graphAudience: 'https://api.botframework.com', apps: [{ clientId: appId, clientSecret: password }] },
      env: {
        ...issuer.env(),
        MicrosoftAppPassword: password,
        ToChannelFromBotLoginUrl: `https://127.0.0.1:${port}/${TENANT}`,
        GRAPH_CLIENT_ID: appId,
        GRAPH_CLIENT_SECRET: password,
        HTTPS_PROXY: proxy.url(),
      },
    });
    h.connector.trustSigningKeys(h.emulator.signingKeys);
  });
  afterAll(async () => {
    await h.close();
    await proxy.close();
    await issuer.close();
  });

  it('is fetched through HTTPS_PROXY like the Graph token, and the reply carries it', async () => {
    // Help needs no Graph token: the only call to Entra is the bot's own, for its reply.
    const activity = teamsMessage({ serviceUrl: h.connector.serviceUrl, text: 'help' });
    const response = await h.post(activity, { authorization: `Bearer ${await issuer.token(activity.serviceUrl as string)}` });
    expect(response.status).toBe(200);
    await h.connector.waitFor(() => h.connector.messages.length > 0);
    expect(h.emulator.graphRequests).toHaveLength(0);
    expect(h.emulator.tokenRequests.map((r) => (r.body as Record<string, unknown>).scope)).toEqual(['https://api.botframework.com/.default']);
    expect(proxy.tunnelsTo(hostPortOf(h.emulator.baseUrl))).toBeGreaterThan(0);
    const token = h.connector.messages[0]?.authorization?.replace(/^Bearer /, '') ?? '';
    const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
    expect(claims).toMatchObject({ aud: 'https://api.botframework.com', appid: appId });
  });
});

describe('the doctor', () => {
  let emulator: Emulator;
  const clientId = randomUUID();
  const clientSecret = randomBytes(18).toString('base64url');
  beforeAll(async () => {
    emulator = await startStrictEmulator({ clientId, clientSecret });
  });
  afterAll(async () => emulator.close());

  it.each([
    ['an open proxy', {}, true],
    ['a proxy that refuses the tunnel', { refuseWith: 407 }, false],
  ] as const)('checks through %s, as the bot would call, and names it by host only', async (_name, options: ConnectProxyOptions, ok) => {
    const proxy = await ConnectProxy.start(options);
    try {
      const report = await runDoctor(
        { GRAPH_CLIENT_ID: clientId, GRAPH_CLIENT_SECRET: clientSecret, AUTHORITY_HOST: emulator.authorityHost, GRAPH_BASE_URL: emulator.graphBaseUrl, HTTPS_PROXY: proxy.url(CREDENTIALS) },
        { caPem: emulator.caPem, tenant: TENANT, organizer: HEIDI.aadObjectId },
      );
      expect(report.ok).toBe(ok);
      expect(proxy.tunnelsTo(hostPortOf(emulator.baseUrl))).toBeGreaterThan(0);
      const text = JSON.stringify(report);
      expect(report.checks.find((c) => c.id === 'backend')?.detail).toContain(`through the proxy ${proxy.hostPort}`);
      if (!ok) expect(report.checks.find((c) => c.id === 'token')?.detail).toContain(`the proxy ${proxy.hostPort} refused the tunnel with HTTP 407`);
      for (const secret of PASSWORD_TEXT) expect(text).not.toContain(secret);
    } finally {
      await proxy.close();
    }
  });
});

describe('roster look-ups (botbuilder\'s own ConnectorClient)', () => {
  let proxy: ConnectProxy;
  let h: Harness;
  const saved = { HTTP_PROXY: process.env.HTTP_PROXY, NO_PROXY: process.env.NO_PROXY };

  beforeAll(async () => {
    proxy = await ConnectProxy.start();
    // botbuilder's Azure pipeline reads the process environment itself, not MeetNow's configuration.
    process.env.HTTP_PROXY = proxy.url();
    delete process.env.NO_PROXY;
    h = await startHarness({ env: { HTTP_PROXY: proxy.url() } });
  });
  afterAll(async () => {
    await h.close();
    await proxy.close();
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  it('go through the proxy the process environment names, as absolute-form requests; the reply through a tunnel', async () => {
    const person = { id: '29:1rosterperson', name: 'Roster Person', aadObjectId: randomUUID() };
    const message = teamsMessage({
      serviceUrl: h.connector.serviceUrl,
      kind: 'groupChat',
      text: `<at>MeetNow</at> /meet Sync <at>${person.name}</at>`,
      mentions: [{ id: BOT.id, name: 'MeetNow' }, person],
    });
    h.connector.rosters.set((message.conversation as Record<string, string>).id ?? '', [person]);
    expect((await h.post(message)).status).toBe(200);
    await h.connector.waitFor(() => h.connector.messages.length > 0);
    expect(h.connector.rosterCalls.filter((call) => call.memberId === person.id)).toHaveLength(1);
    expect(proxy.forwarded.get(hostPortOf(h.connector.serviceUrl))).toBe(1);
    expect(proxy.tunnelsTo(hostPortOf(h.connector.serviceUrl))).toBeGreaterThan(0);
  });
});
