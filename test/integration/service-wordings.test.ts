import { randomUUID } from 'node:crypto';
import { harnessesClosedAfterAll, type Harness } from '../support/harness';
import { TENANT, teamsMessage } from '../support/teams-activity';
import type { AccessPolicyDenial } from '../../src/emulator';
import { closedPort, silentServer, type SilentServer } from '../support/unreachable';

/**
 * Graph and Entra answer the same mistake with different words over time; MeetNow must read each wording
 * they document as the same problem and tell the user how to fix it.
 */
describe('failures worded as Graph and Entra word them', () => {
  const start = harnessesClosedAfterAll();

  const meet = async (h: Harness, from?: { id: string; name: string; aadObjectId: string }): Promise<string> => {
    await h.post(teamsMessage({ serviceUrl: h.connector.serviceUrl, text: '/meet Wording check', ...(from === undefined ? {} : { from }) }));
    const reply = h.connector.messages.at(-1)?.activity;
    return reply?.attachments === undefined ? String(reply?.text) : 'CARD';
  };

  it.each<[AccessPolicyDenial, string]>([
    ['General', 'No application access policy found for this app.'],
    ['Unauthorized', 'is not authorized to Create meeting on behalf of user'],
  ])('a missing access policy worded with code %s gets the two PowerShell commands', async (wording, graphSays) => {
    const h = await start({ emulator: { accessPolicyDenial: wording } });
    const oid = randomUUID();
    h.emulator.addUser({ id: oid, tenantId: TENANT, displayName: 'No Policy', userPrincipalName: `${oid}@contoso.example`, accessPolicy: false });
    const text = await meet(h, { id: '29:no-policy', name: 'No Policy', aadObjectId: oid });
    expect(h.emulator.graphRequests.at(-1)).toMatchObject({ status: 403 });
    expect(text).toContain('application access policy');
    expect(text).toContain(`New-CsApplicationAccessPolicy -Identity MeetNow-Policy -AppIds "${h.clientId}"`);
    expect(text).toContain('Grant-CsApplicationAccessPolicy -PolicyName MeetNow-Policy -Global');
    const line = h.logs.lines.find((entry) => entry.outcome === 'graph_access_policy');
    expect(line).toMatchObject({ level: 40, status: 403, graphCode: wording });
    expect(JSON.stringify(line)).toContain(graphSays);
  });

  it('another 403 Unauthorized from Graph is a missing permission, not an access policy', async () => {
    const h = await start();
    h.emulator.injectFault({ target: 'graph', status: 403, code: 'Unauthorized', message: 'Unauthorized' });
    const text = await meet(h);
    expect(text).not.toContain('New-CsApplicationAccessPolicy');
    expect(text).toContain('OnlineMeetings.ReadWrite.All');
    expect(h.logs.lines.find((entry) => entry.outcome === 'graph_permission_missing')).toMatchObject({ graphCode: 'Unauthorized' });
  });

  it.each([
    ['a permission instead of /.default', 'https://graph.microsoft.com/OnlineMeetings.ReadWrite.All', 1002012],
    ['a resource Entra does not know', 'https://graf.microsoft.com/.default', 500011],
  ])('a wrong GRAPH_SCOPE (%s) is named in the answer, not called bad credentials', async (_case, scope, aadsts) => {
    const h = await start({ env: { GRAPH_SCOPE: scope } });
    const text = await meet(h);
    expect(text).toContain('GRAPH_SCOPE');
    expect(text).toContain('https://graph.microsoft.com/.default');
    expect(text).not.toMatch(/secret or certificate/);
    expect(h.emulator.tokenRequests.at(-1)?.status).toBe(400);
    expect(h.emulator.graphRequests).toHaveLength(0);
    const line = h.logs.lines.find((entry) => entry.outcome === 'token_scope_invalid');
    expect(JSON.stringify(line)).toContain(`AADSTS${aadsts}`);
  });

  it('a GRAPH_SCOPE of OpenID scopes only, which msal refuses before asking Entra, is named too', async () => {
    const h = await start({ env: { GRAPH_SCOPE: 'openid' } });
    expect(await meet(h)).toContain('GRAPH_SCOPE');
    expect(h.emulator.tokenRequests).toHaveLength(0);
    expect(h.logs.lines.some((entry) => entry.outcome === 'token_scope_invalid')).toBe(true);
  });

  it('AADSTS700023 (a resourceless scope) is a GRAPH_SCOPE problem too', async () => {
    const h = await start();
    h.emulator.injectFault({
      target: 'token',
      status: 400,
      code: 'invalid_scope',
      aadsts: 700023,
      message: "The provided value for the input parameter scope 'openid' is not valid when requesting an access token.",
    });
    expect(await meet(h)).toContain('GRAPH_SCOPE');
    expect(h.logs.lines.some((entry) => entry.outcome === 'token_scope_invalid')).toBe(true);
  });

  it('AADSTS90023 (a generic invalid request) is not called an unknown tenant', async () => {
    const h = await start();
    h.emulator.injectFault({ target: 'token', status: 400, code: 'invalid_request', aadsts: 90023, message: 'The authentication service request is not valid.' });
    const text = await meet(h);
    expect(text).not.toMatch(/doesn't recognize your organization's tenant/);
    expect(text).toMatch(/couldn't get permission from Microsoft's sign-in service/);
    expect(h.logs.lines.some((entry) => entry.outcome === 'token_failed')).toBe(true);
  });

  it('a tenant identifier Entra cannot read is an unknown tenant (AADSTS900023)', async () => {
    const h = await start();
    h.emulator.injectFault({
      target: 'token',
      status: 400,
      code: 'invalid_request',
      aadsts: 900023,
      message: `Specified tenant identifier '${TENANT}' is neither a valid DNS name, nor a valid external domain.`,
    });
    expect(await meet(h)).toMatch(/doesn't recognize your organization's tenant/);
    expect(JSON.stringify(h.logs.lines.find((entry) => entry.outcome === 'token_tenant_not_found'))).toContain('AADSTS900023');
  });

  describe('an Entra out of reach is a network failure naming its host', () => {
    const silent: SilentServer[] = [];
    afterAll(async () => Promise.all(silent.map((server) => server.close())));

    const unreachable: Array<[string, () => Promise<{ authority: string; host: string }>]> = [
      ['a closed port', async () => {
        const port = await closedPort();
        return { authority: `https://127.0.0.1:${port}`, host: `127.0.0.1:${port}` };
      }],
      ['a name that does not resolve', async () => ({ authority: 'https://nonexistent.invalid', host: 'nonexistent.invalid' })],
      ['a server that never answers', async () => {
        const server = await silentServer();
        silent.push(server);
        return { authority: server.url, host: new URL(server.url).host };
      }],
    ];

    it.each(unreachable)('%s', async (_case, where) => {
      const { authority, host } = await where();
      const h = await start({ env: { AUTHORITY_HOST: authority }, meetNow: { timing: { httpTimeoutMs: 500, acknowledgeAfterMs: 60_000 } } });
      const text = await meet(h);
      expect(text).toMatch(/couldn't reach Microsoft/);
      expect(text).not.toMatch(/sign-in service|endpoints_resolution_error/);
      const line = h.logs.lines.find((entry) => entry.outcome === 'network');
      expect(line).toMatchObject({ level: 40 });
      const logged = JSON.stringify(line);
      expect(logged).toContain('Entra could not be reached');
      expect(logged).toContain(host);
      expect(logged).not.toContain('endpoints_resolution_error');
      expect(logged).not.toContain(h.clientSecret);
    });
  });
});
