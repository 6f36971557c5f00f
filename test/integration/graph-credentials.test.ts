import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from 'selfsigned';
import { harnessesClosedAfterAll, type Harness } from '../support/harness';
import { TENANT, teamsMessage } from '../support/teams-activity';

async function meetOnce(h: Harness): Promise<string> {
  await h.post(teamsMessage({ serviceUrl: h.connector.serviceUrl, text: '/meet Credentials check' }));
  const reply = h.connector.messages[0]?.activity;
  return reply?.attachments === undefined ? String(reply?.text) : 'CARD';
}

describe('Graph credentials and token failures', () => {
  const start = harnessesClosedAfterAll();

  it('signs in with a certificate (client assertion) instead of a secret', async () => {
    const pems = await generate([{ name: 'commonName', value: 'meetnow-graph' }], { keySize: 2048 });
    const dir = mkdtempSync(join(tmpdir(), 'meetnow-cert-'));
    const pemPath = join(dir, 'graph.pem');
    writeFileSync(pemPath, `${pems.private}\n${pems.cert}`);
    const clientId = randomUUID();
    const h = await start({
      env: { GRAPH_CLIENT_ID: clientId, GRAPH_CLIENT_SECRET: '', GRAPH_CLIENT_CERTIFICATE_PATH: pemPath },
      emulator: { apps: [{ clientId, certificatePem: pems.cert }] },
    });
    expect(await meetOnce(h)).toBe('CARD');
    const form = h.emulator.tokenRequests[0]?.body as Record<string, string>;
    expect(form.client_assertion_type).toBe('urn:ietf:params:oauth:client-assertion-type:jwt-bearer');
    expect(form.client_secret).toBeUndefined();
  });

  it('a rejected secret gets words about the credentials, a warn log, no Graph call and no secret in the logs', async () => {
    const h = await start({ env: { GRAPH_CLIENT_SECRET: 'wrong-secret-value' } });
    const text = await meetOnce(h);
    expect(text).toMatch(/client secret or certificate was rejected/);
    expect(h.emulator.graphRequests).toHaveLength(0);
    expect(h.logs.lines.find((line) => line.outcome === 'token_invalid_client')).toMatchObject({ level: 40 });
    expect(h.logs.raw.join('\n')).not.toContain('wrong-secret-value');
  });

  it('an app without consent in the tenant gets the admin consent link', async () => {
    const clientId = randomUUID();
    const other = randomUUID();
    const h = await start({
      env: { GRAPH_CLIENT_ID: clientId, GRAPH_CLIENT_SECRET: 's3cret' },
      emulator: { tenants: [TENANT, other], apps: [{ clientId, clientSecret: 's3cret', tenants: [other] }] },
    });
    const text = await meetOnce(h);
    expect(text).toContain('grant it consent');
    expect(text).toContain(`/${TENANT}/adminconsent?client_id=${clientId}`);
    expect(h.emulator.graphRequests).toHaveLength(0);
  });

  it('a token without the OnlineMeetings.ReadWrite.All role is explained as a missing permission', async () => {
    const clientId = randomUUID();
    const h = await start({
      env: { GRAPH_CLIENT_ID: clientId, GRAPH_CLIENT_SECRET: 's3cret' },
      emulator: { apps: [{ clientId, clientSecret: 's3cret', roles: [] }] },
    });
    expect(await meetOnce(h)).toContain('OnlineMeetings.ReadWrite.All');
  });

  it('retries a throttled token endpoint and then creates the meeting', async () => {
    const h = await start();
    h.emulator.injectFault({ target: 'token', status: 429, retryAfter: 0 });
    expect(await meetOnce(h)).toBe('CARD');
    expect(h.emulator.tokenRequests.map((request) => request.status)).toEqual([429, 200]);
  });
});
