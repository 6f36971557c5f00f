import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from 'selfsigned';
import { BotFrameworkIssuer, LoopbackBotCredentials } from '../support/bot-framework-issuer';
import { startMeetingInvoke } from '../support/card-actions';
import { startHarness, type Harness } from '../support/harness';
import { teamsMessage } from '../support/teams-activity';

/**
 * A whole session at LOG_LEVEL=trace with distinctive secrets, successes and every kind of failure; then
 * every log line, every reply, every HTTP answer and everything written to the console is searched for them.
 */
describe('secrets never appear in logs or replies', () => {
  const appId = randomUUID();
  const graphSecret = `GRAPH-SECRET-${randomBytes(12).toString('hex')}`;
  const botPassword = `BOT-PASSWORD-${randomBytes(12).toString('hex')}`;
  const consoleOutput: string[] = [];
  let issuer: BotFrameworkIssuer;

  beforeAll(async () => {
    for (const method of ['error', 'warn', 'log', 'info'] as const) {
      jest.spyOn(console, method).mockImplementation((...args: unknown[]) => void consoleOutput.push(args.map(String).join(' ')));
    }
    issuer = await BotFrameworkIssuer.start(appId);
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await issuer.close();
  });

  async function session(h: Harness): Promise<{ texts: string[]; tokens: string[] }> {
    const texts: string[] = [];
    const inbound: string[] = [];
    const post = async (activity: Record<string, unknown>, token?: string) => {
      const bearer = token ?? (await issuer.token(activity.serviceUrl as string));
      inbound.push(bearer);
      const response = await h.post(activity, { authorization: `Bearer ${bearer}` });
      texts.push(response.body);
    };
    const url = h.connector.serviceUrl;
    await post(teamsMessage({ serviceUrl: url, text: 'help' }));
    await post(teamsMessage({ serviceUrl: url, text: '/meet Secret session' }));
    await post(teamsMessage({ serviceUrl: url, text: '/meet' }));
    await post(startMeetingInvoke({ serviceUrl: url, cardActivityId: 'card-1' }));
    // Inbound tokens that fail: they are logged about, never logged.
    await post(teamsMessage({ serviceUrl: url, text: '/meet x' }), await issuer.token(url, { aud: randomUUID() }));
    await post(teamsMessage({ serviceUrl: url, text: '/meet x' }), await issuer.token(url, { expiresIn: -900 }));
    await post(teamsMessage({ serviceUrl: url, text: '/meet x' }), issuer.unsigned(url));
    // Graph failures of every kind.
    for (const fault of [{ status: 500 }, { status: 403, code: 'Forbidden', message: 'No application access policy found for this app.' }, { malformedBody: true }, { drop: true }, { status: 429, retryAfter: 60 }]) {
      h.emulator.injectFault({ target: 'graph', ...fault });
      await post(teamsMessage({ serviceUrl: url, text: '/meet Failing' }));
    }
    // Entra refusing the credentials, in a tenant without a cached token.
    const tenantId = randomUUID();
    const user = { id: '29:cold', name: 'Cold', aadObjectId: randomUUID() };
    h.emulator.addTenant(tenantId);
    h.emulator.addUser({ id: user.aadObjectId, tenantId, displayName: 'Cold', userPrincipalName: 'cold@cold.example' });
    h.emulator.injectFault({ target: 'token', status: 401, code: 'invalid_client', message: 'AADSTS7000215: Invalid client secret provided.' });
    await post(teamsMessage({ serviceUrl: url, text: '/meet Cold', tenantId, from: user }));
    // The Bot Connector refusing a reply.
    h.connector.failures.push(400);
    await post(teamsMessage({ serviceUrl: url, text: '/meet Undeliverable' }));

    const accessTokens = [...h.emulator.graphRequests, ...h.emulator.tokenRequests]
      .map((request) => String(request.headers.authorization ?? '').replace(/^Bearer /, ''))
      .filter((token) => token !== '');
    expect(accessTokens.length).toBeGreaterThan(0);
    texts.push(...h.connector.calls.map((call) => JSON.stringify(call.activity)));
    return { texts, tokens: [...inbound, ...accessTokens] };
  }

  /** The secret itself and, for tokens, their signature: a leaked fragment counts too. */
  const needles = (secrets: string[]) => secrets.flatMap((secret) => (secret.includes('.') ? [secret, secret.split('.').pop() ?? secret] : [secret])).filter((needle) => needle.length >= 16);

  function expectClean(haystacks: string[], secrets: string[]): void {
    const leaks = needles(secrets).flatMap((needle) => haystacks.filter((text) => text.includes(needle)).map((text) => `${needle.slice(0, 12)}… in ${text.slice(0, 200)}`));
    expect(leaks).toEqual([]);
  }

  it('with a client secret', async () => {
    const clientId = randomUUID();
    const h = await startHarness({
      env: { GRAPH_CLIENT_ID: clientId, GRAPH_CLIENT_SECRET: graphSecret, ...issuer.env(), MicrosoftAppPassword: botPassword, LOG_LEVEL: 'trace' },
      emulator: { apps: [{ clientId, clientSecret: graphSecret }] },
      meetNow: { botCredentials: new LoopbackBotCredentials(appId), timing: { httpTimeoutMs: 1_000, deliveryRetryDelaysMs: [10] } },
    });
    try {
      const { texts, tokens } = await session(h);
      await h.bot.close();
      // The session went through successes and every failure path.
      const outcomes = new Set(h.logs.lines.map((line) => line.outcome));
      for (const outcome of ['graph_error', 'graph_access_policy', 'graph_invalid_response', 'network', 'graph_throttled', 'token_invalid_client', 'reply_undelivered']) {
        expect(outcomes).toContain(outcome);
      }
      expect(h.emulator.meetings().length).toBeGreaterThanOrEqual(2);
      expectClean([...h.logs.raw, ...texts, ...consoleOutput], [graphSecret, botPassword, ...tokens]);
      // The secret-bearing log fields that exist are redacted, not dropped silently.
      expect(h.logs.raw.some((line) => line.includes('Bearer'))).toBe(false);
    } finally {
      await h.close();
    }
  }, 60_000);

  it('with a certificate: its private key never shows', async () => {
    const pems = await generate([{ name: 'commonName', value: 'meetnow-secrets' }], { keySize: 2048 });
    const pemPath = join(mkdtempSync(join(tmpdir(), 'meetnow-secret-cert-')), 'graph.pem');
    writeFileSync(pemPath, `${pems.private}\n${pems.cert}`);
    const clientId = randomUUID();
    const h = await startHarness({
      env: { GRAPH_CLIENT_ID: clientId, GRAPH_CLIENT_SECRET: '', GRAPH_CLIENT_CERTIFICATE_PATH: pemPath, LOG_LEVEL: 'trace', ...issuer.env(), MicrosoftAppPassword: botPassword },
      emulator: { apps: [{ clientId, certificatePem: pems.cert }] },
      meetNow: { botCredentials: new LoopbackBotCredentials(appId), timing: { httpTimeoutMs: 1_000, deliveryRetryDelaysMs: [10] } },
    });
    try {
      const { texts, tokens } = await session(h);
      const keyLines = pems.private.split('\n').filter((line) => line.length >= 40 && !line.startsWith('-----'));
      const assertions = h.emulator.tokenRequests.map((request) => String((request.body as Record<string, string>).client_assertion ?? '')).filter((a) => a !== '');
      expectClean([...h.logs.raw, ...texts, ...consoleOutput], [...keyLines, botPassword, ...tokens, ...assertions]);
    } finally {
      await h.close();
    }
  }, 60_000);
});
