import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { main } from '../../src/cli';
import { Emulator, type EmulatorOptions } from '../../src/emulator';
import { runDoctor, type DoctorCheck, type DoctorReport } from '../../src/ops/doctor';
import { renderDoctorReport } from '../../src/ops/doctor-report';
import { HEIDI, TENANT } from '../support/teams-activity';
import { closedPort } from '../support/unreachable';

const ROOT = join(__dirname, '..', '..');
const OTHER_TENANT = '0d2b6a8e-7c51-4a8f-9d35-6a4b1f0c2e77';

interface Setup {
  emulator: Emulator;
  clientId: string;
  clientSecret: string;
  env: NodeJS.ProcessEnv;
}

/** A strict emulator (one tenant, Heidi, one app) and the environment an operator would set for it. */
async function setup(app: { roles?: string[]; tenants?: string[] } = {}, options: EmulatorOptions = {}): Promise<Setup> {
  const clientId = randomUUID();
  const clientSecret = randomBytes(18).toString('base64url');
  const emulator = await Emulator.start({
    tenants: [TENANT, OTHER_TENANT],
    users: [{ id: HEIDI.aadObjectId, tenantId: TENANT, displayName: HEIDI.name, userPrincipalName: 'heidi@contoso.example' }],
    apps: [{ clientId, clientSecret, ...app }],
    ...options,
  });
  const env = { GRAPH_CLIENT_ID: clientId, GRAPH_CLIENT_SECRET: clientSecret, AUTHORITY_HOST: emulator.authorityHost, GRAPH_BASE_URL: emulator.graphBaseUrl };
  return { emulator, clientId, clientSecret, env };
}

const check = (report: DoctorReport, id: DoctorCheck['id']): DoctorCheck | undefined => report.checks.find((c) => c.id === id);
const fixText = (c: DoctorCheck | undefined): string => (c?.fix ?? []).join('\n');

describe('meetnow doctor against the emulator', () => {
  let s: Setup | undefined;
  afterEach(async () => {
    await s?.emulator.close();
    s = undefined;
  });

  it('passes a healthy set-up and proves it with a test meeting for the organizer', async () => {
    s = await setup();
    const report = await runDoctor(s.env, { caPem: s.emulator.caPem, tenant: TENANT, organizer: HEIDI.aadObjectId });
    expect(report.ok).toBe(true);
    expect(report.embedded).toBe(false);
    expect(check(report, 'token')?.status).toBe('pass');
    expect(check(report, 'claims')).toMatchObject({ status: 'pass', data: { tenantId: TENANT, appId: s.clientId, roles: expect.arrayContaining(['OnlineMeetings.ReadWrite.All']) } });
    expect(check(report, 'graph')?.status).toBe('pass');
    expect(check(report, 'meeting')?.status).toBe('pass');
    expect(check(report, 'meetings_api')).toBeUndefined();
    expect(s.emulator.meetings()).toHaveLength(1);
    // createOrGet: running the doctor again the same day books no second meeting.
    const again = await runDoctor(s.env, { caPem: s.emulator.caPem, tenant: TENANT, organizer: HEIDI.aadObjectId });
    expect(again.ok).toBe(true);
    expect(s.emulator.meetings()).toHaveLength(1);
  });

  it('without --organizer checks token, claims and Graph, and says how to test the access policy', async () => {
    s = await setup();
    const report = await runDoctor({ ...s.env, GRAPH_TENANT_ID: TENANT }, { caPem: s.emulator.caPem });
    expect(report.ok).toBe(true);
    expect(check(report, 'meeting')).toMatchObject({ status: 'skip', detail: expect.stringContaining('--organizer') });
    expect(s.emulator.graphRequests.filter((r) => r.method === 'POST')).toHaveLength(0);
  });

  it('wrong secret: names the rejected secret and how to make a new one', async () => {
    s = await setup();
    const report = await runDoctor({ ...s.env, GRAPH_CLIENT_SECRET: 'wrong-secret' }, { caPem: s.emulator.caPem, tenant: TENANT, organizer: HEIDI.aadObjectId });
    expect(report.ok).toBe(false);
    const token = check(report, 'token');
    expect(token).toMatchObject({ status: 'fail', data: { code: 'token_invalid_client' } });
    expect(fixText(token)).toMatch(/Certificates & secrets → Client secrets → New client secret/);
    expect(fixText(token)).toContain('GRAPH_CLIENT_SECRET');
    expect(check(report, 'meeting')?.status).toBe('skip');
    const text = renderDoctorReport(report);
    expect(text).toMatch(/✘ Token/);
    expect(text).not.toContain('wrong-secret');
  });

  it('missing role: says OnlineMeetings.ReadWrite.All is not granted, with portal steps and the consent URL', async () => {
    s = await setup({ roles: [] });
    const report = await runDoctor(s.env, { caPem: s.emulator.caPem, tenant: TENANT, organizer: HEIDI.aadObjectId });
    expect(report.ok).toBe(false);
    const claims = check(report, 'claims');
    expect(claims?.status).toBe('fail');
    expect(claims?.detail).toContain('OnlineMeetings.ReadWrite.All application permission is missing');
    expect(fixText(claims)).toContain('API permissions → Add a permission → Microsoft Graph');
    expect(fixText(claims)).toContain(`${s.emulator.authorityHost}/${TENANT}/adminconsent?client_id=${s.clientId}`);
    expect(check(report, 'meeting')?.status).toBe('skip');
  });

  it('missing Calendars.ReadWrite: fails the claims with SCHEDULED_MEETINGS=calendar (the default), with the grant and how to limit mailboxes', async () => {
    s = await setup({ roles: ['OnlineMeetings.ReadWrite.All', 'User.Read.All'] });
    const report = await runDoctor(s.env, { caPem: s.emulator.caPem, tenant: TENANT, createMeeting: false });
    expect(report.ok).toBe(false);
    const claims = check(report, 'claims');
    expect(claims?.status).toBe('fail');
    expect(claims?.detail).toContain('Calendars.ReadWrite application permission is missing');
    expect(claims?.detail).not.toContain('OnlineMeetings.ReadWrite.All application permission is missing');
    for (const words of ['Application permissions → Calendars.ReadWrite', 'New-ManagementRoleAssignment', '"Application Calendars.ReadWrite"', 'SCHEDULED_MEETINGS=online']) {
      expect(fixText(claims)).toContain(words);
    }
    // Standalone meetings need no calendar permission.
    const online = await runDoctor({ ...s.env, SCHEDULED_MEETINGS: 'online' }, { caPem: s.emulator.caPem, tenant: TENANT, createMeeting: false });
    expect(check(online, 'claims')?.status).toBe('pass');
  });

  it('missing access policy: the test meeting fails with the two PowerShell commands for this app and user', async () => {
    s = await setup();
    const organizer = randomUUID();
    s.emulator.addUser({ id: organizer, tenantId: TENANT, displayName: 'No Policy', userPrincipalName: 'np@contoso.example', accessPolicy: false });
    const report = await runDoctor(s.env, { caPem: s.emulator.caPem, tenant: TENANT, organizer });
    expect(report.ok).toBe(false);
    const meeting = check(report, 'meeting');
    expect(meeting).toMatchObject({ status: 'fail', data: { code: 'graph_access_policy', status: 403, requestId: expect.stringMatching(/\S/) } });
    expect(fixText(meeting)).toContain(`New-CsApplicationAccessPolicy -Identity MeetNow-Policy -AppIds "${s.clientId}"`);
    expect(fixText(meeting)).toContain(`Grant-CsApplicationAccessPolicy -PolicyName MeetNow-Policy -Identity "${organizer}"`);
    expect(fixText(meeting)).toContain('30 minutes');
  });

  it('MEETINGS_API=app: warns that Graph deprecated the /app path and recommends users, without failing', async () => {
    s = await setup();
    const report = await runDoctor({ ...s.env, MEETINGS_API: 'app' }, { caPem: s.emulator.caPem, tenant: TENANT, organizer: HEIDI.aadObjectId });
    expect(report.ok).toBe(true);
    const api = check(report, 'meetings_api');
    expect(api).toMatchObject({ status: 'warn', detail: expect.stringContaining('POST /beta/app/onlineMeetings, a path Microsoft Graph has deprecated') });
    expect(api?.detail).toContain('https://learn.microsoft.com/en-us/graph/api/application-post-onlinemeetings?view=graph-rest-beta');
    expect(api?.detail).toContain('users is the recommended value');
    expect(fixText(api)).toContain('Set MEETINGS_API=users');
    expect(check(report, 'meeting')?.status).toBe('pass');
    const text = renderDoctorReport(report);
    expect(text).toMatch(/^! Meetings API +MEETINGS_API=app uses/m);
    expect(text).toContain('All checks passed (2 warnings).');
  });

  it('MEETINGS_API=app and Graph refusing the path: the test meeting fails with "set MEETINGS_API=users"', async () => {
    s = await setup();
    // The first Graph request is the reachability probe; the refusal is for the meeting.
    s.emulator.injectFault({ target: 'graph', latencyMs: 1 });
    s.emulator.injectFault({ target: 'graph', status: 400, code: 'BadRequest', message: "Resource not found for the segment 'app'." });
    const report = await runDoctor({ ...s.env, MEETINGS_API: 'app' }, { caPem: s.emulator.caPem, tenant: TENANT, organizer: HEIDI.aadObjectId });
    expect(report.ok).toBe(false);
    const meeting = check(report, 'meeting');
    expect(meeting).toMatchObject({ status: 'fail', data: { code: 'graph_app_api_retired', status: 400 } });
    expect(fixText(meeting)).toContain('set MEETINGS_API=users');
  });

  it('unreachable Graph: names the URL and what to check', async () => {
    s = await setup();
    const url = `https://127.0.0.1:${await closedPort()}`;
    const report = await runDoctor({ ...s.env, GRAPH_BASE_URL: url }, { caPem: s.emulator.caPem, tenant: TENANT, organizer: HEIDI.aadObjectId });
    expect(report.ok).toBe(false);
    const graph = check(report, 'graph');
    expect(graph?.status).toBe('fail');
    expect(graph?.detail).toContain(url);
    expect(fixText(graph)).toContain('GRAPH_BASE_URL');
    expect(fixText(graph)).toContain('NODE_EXTRA_CA_CERTS');
    expect(check(report, 'meeting')?.status).toBe('skip');
  });

  it('a GRAPH_BASE_URL that answers, but not as Graph (here with /v1.0 in it), is a cross with the fix, never a tick', async () => {
    s = await setup();
    const wrong = `${s.emulator.graphBaseUrl}/v1.0`;
    const report = await runDoctor({ ...s.env, GRAPH_BASE_URL: wrong }, { caPem: s.emulator.caPem, tenant: TENANT });
    expect(report.ok).toBe(false);
    const graph = check(report, 'graph');
    expect(graph).toMatchObject({ status: 'fail', data: { status: 400, graphCode: 'BadRequest' } });
    expect(graph?.detail).toContain('HTTP 400');
    expect(fixText(graph)).toContain(`GRAPH_BASE_URL (${wrong}) must be the root of Microsoft Graph`);
    const text = renderDoctorReport(report);
    expect(text).not.toMatch(/✔[^\n]*HTTP 4\d\d/);
    expect(text).toMatch(/✘ Graph reachable[^\n]*HTTP 400/);
  });

  it('a Graph that answers the probe with 503 is a warning, not a tick', async () => {
    s = await setup();
    s.emulator.injectFault({ target: 'graph', status: 503, times: 1 });
    const report = await runDoctor(s.env, { caPem: s.emulator.caPem, tenant: TENANT, createMeeting: false });
    expect(check(report, 'graph')).toMatchObject({ status: 'warn', data: { status: 503 } });
    expect(renderDoctorReport(report)).toMatch(/! Graph reachable[^\n]*HTTP 503/);
  });

  it('a Graph that asks for the token the doctor could not get points back at the token check', async () => {
    s = await setup();
    s.emulator.injectFault({ target: 'graph', status: 401 });
    const report = await runDoctor({ ...s.env, GRAPH_CLIENT_SECRET: 'wrong-secret' }, { caPem: s.emulator.caPem, tenant: TENANT });
    expect(check(report, 'token')?.status).toBe('fail');
    expect(check(report, 'graph')).toMatchObject({ status: 'warn', data: { status: 401, graphCode: 'InvalidAuthenticationToken' } });
    expect(fixText(check(report, 'graph'))).toContain('fix the Token check above first');
  });

  it('unreachable Entra: a network failure naming the host and AUTHORITY_HOST, not a token refusal', async () => {
    s = await setup();
    const port = await closedPort();
    const report = await runDoctor({ ...s.env, AUTHORITY_HOST: `https://127.0.0.1:${port}` }, { caPem: s.emulator.caPem, tenant: TENANT });
    const token = check(report, 'token');
    expect(token).toMatchObject({ status: 'fail', data: { code: 'network' } });
    expect(token?.detail).toContain(`127.0.0.1:${port}`);
    expect(token?.detail).not.toContain('endpoints_resolution_error');
    expect(fixText(token)).toContain('AUTHORITY_HOST');
  });

  it('a wrong GRAPH_SCOPE: says which scope Entra refused and the value to use', async () => {
    s = await setup();
    const report = await runDoctor({ ...s.env, GRAPH_SCOPE: 'https://graph.microsoft.com/OnlineMeetings.ReadWrite.All' }, { caPem: s.emulator.caPem, tenant: TENANT });
    const token = check(report, 'token');
    expect(token).toMatchObject({ status: 'fail', data: { code: 'token_scope_invalid' } });
    expect(token?.detail).toContain('AADSTS1002012');
    expect(fixText(token)).toContain('GRAPH_SCOPE is "https://graph.microsoft.com/OnlineMeetings.ReadWrite.All"');
    expect(fixText(token)).toContain('https://graph.microsoft.com/.default');
  });

  it('no consent in the tenant: gives the admin consent URL', async () => {
    s = await setup({ tenants: [OTHER_TENANT] });
    const report = await runDoctor(s.env, { caPem: s.emulator.caPem, tenant: TENANT });
    const token = check(report, 'token');
    expect(token).toMatchObject({ status: 'fail', data: { code: 'token_consent_missing' } });
    expect(fixText(token)).toContain(`${s.emulator.authorityHost}/${TENANT}/adminconsent?client_id=${s.clientId}`);
  });

  it('unknown organizer and a UPN instead of an object id are both explained', async () => {
    s = await setup();
    const unknown = await runDoctor(s.env, { caPem: s.emulator.caPem, tenant: TENANT, organizer: randomUUID() });
    expect(check(unknown, 'meeting')).toMatchObject({ status: 'fail', data: { code: 'graph_organizer_not_found' } });
    expect(fixText(check(unknown, 'meeting'))).toContain('Object ID');
    const upn = await runDoctor(s.env, { caPem: s.emulator.caPem, tenant: TENANT, organizer: 'heidi@contoso.example' });
    expect(check(upn, 'meeting')?.detail).toContain('is not an object id');
  });

  it('needs a tenant when none is configured, and reports a configuration error without touching the network', async () => {
    s = await setup();
    const noTenant = await runDoctor(s.env, { caPem: s.emulator.caPem });
    expect(check(noTenant, 'tenant')).toMatchObject({ status: 'fail', fix: [expect.stringContaining('--tenant')] });
    const bad = await runDoctor({ GRAPH_CLIENT_ID: 'not-a-guid', GRAPH_CLIENT_SECRET: 'x' });
    expect(bad.ok).toBe(false);
    expect(check(bad, 'config')?.detail).toContain('GRAPH_CLIENT_ID');
  });

  it('with no configuration checks the embedded emulator and says so', async () => {
    const report = await runDoctor({});
    expect(report.ok).toBe(true);
    expect(report.embedded).toBe(true);
    expect(check(report, 'backend')?.detail).toContain('embedded Entra + Graph emulator');
    expect(check(report, 'meeting')?.status).toBe('pass');
    expect(renderDoctorReport(report)).toContain('checking the embedded Entra + Graph emulator');
  });
});

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer, _encoding: string, callback: () => void): void {
    this.text += chunk.toString('utf8');
    callback();
  }
}

describe('meetnow CLI', () => {
  it('answers usage errors with exit code 2 and prints JSON on request', async () => {
    const out = new Capture();
    const err = new Capture();
    expect(await main(['doctor', '--bogus'], out, err)).toBe(2);
    expect(err.text).toContain('Usage: meetnow');
    expect(await main(['nonsense'], out, err)).toBe(2);
    expect(await main(['help'], out, err)).toBe(0);
  });

  it('the compiled bin exits 1 with the fix when the secret is wrong, 0 on the emulator', async () => {
    const s = await setup();
    try {
      const dir = mkdtempSync(join(tmpdir(), 'meetnow-doctor-'));
      const ca = join(dir, 'ca.pem');
      writeFileSync(ca, s.emulator.caPem);
      const run = async (env: NodeJS.ProcessEnv, args: string[]) => {
        const child = spawn(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'doctor', ...args], { env: { PATH: process.env.PATH, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
        let stdout = '';
        child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
        const [code] = (await once(child, 'exit')) as [number];
        return { code, stdout };
      };
      const failed = await run({ ...s.env, GRAPH_CLIENT_SECRET: 'wrong', NODE_EXTRA_CA_CERTS: ca }, ['--tenant', TENANT]);
      expect(failed.code).toBe(1);
      expect(failed.stdout).toContain('New client secret');
      const embedded = await run({}, ['--json']);
      expect(embedded.code).toBe(0);
      expect(JSON.parse(embedded.stdout)).toMatchObject({ ok: true, embedded: true });
    } finally {
      await s.emulator.close();
    }
  });
});
