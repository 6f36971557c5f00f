import { randomUUID } from 'node:crypto';
import { startHarness, type Harness } from '../support/harness';
import { TENANT, teamsMessage } from '../support/teams-activity';
import type { AccessPolicyDenial } from '../../src/emulator';

/**
 * Graph and Entra answer the same mistake with different words over time; MeetNow must read each wording
 * they document as the same problem and tell the user how to fix it.
 */
describe('failures worded as Graph and Entra word them', () => {
  const harnesses: Harness[] = [];
  const start = async (...args: Parameters<typeof startHarness>) => {
    const h = await startHarness(...args);
    harnesses.push(h);
    return h;
  };
  afterAll(async () => Promise.all(harnesses.map((h) => h.close())));

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
});
