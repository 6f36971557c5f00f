import { X509Certificate, generateKeyPairSync } from 'node:crypto';
import { ConfidentialClientApplication, type INetworkModule, type NetworkRequestOptions, type NetworkResponse } from '@azure/msal-node';
import { decodeJwt, SignJWT } from 'jose';
import { generate } from 'selfsigned';
import { Agent, request } from 'undici';
import { Emulator, POLICY_MISSING_MESSAGE, type EmulatorOptions, type Fault } from '../../src/emulator';

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const OTHER_TENANT = 'aaaaaaaa-0000-4000-8000-000000000001';
const APP = { clientId: '0bd2fa4a-6b2f-4d34-a3a1-7d6b0f0b1c01', clientSecret: 'app-secret-value' };
const NO_ROLES_APP = { clientId: '0bd2fa4a-6b2f-4d34-a3a1-7d6b0f0b1c02', clientSecret: 'x', roles: [] };
const OTHER_TENANT_APP = { clientId: '0bd2fa4a-6b2f-4d34-a3a1-7d6b0f0b1c03', clientSecret: 'y', tenants: [OTHER_TENANT] };
const HEIDI = { id: '550fae72-d251-43ec-868c-373732c2704f', tenantId: TENANT, displayName: 'Heidi Steen', userPrincipalName: 'heidi@contoso.com' };
const NO_POLICY = { id: '550fae72-d251-43ec-868c-373732c27050', tenantId: TENANT, displayName: 'No Policy', userPrincipalName: 'np@contoso.com', accessPolicy: false };
const NO_AUDIO = { id: '550fae72-d251-43ec-868c-373732c27051', tenantId: TENANT, displayName: 'No Audio', userPrincipalName: 'na@contoso.com', audioConferencing: false };
const GUEST = { id: '550fae72-d251-43ec-868c-373732c27052', tenantId: TENANT, displayName: 'Guest', userPrincipalName: 'g_ext#@contoso.com', guest: true };
const UNLICENSED = { id: '550fae72-d251-43ec-868c-373732c27053', tenantId: TENANT, displayName: 'Unlicensed', userPrincipalName: 'ul@contoso.com', teamsLicensed: false };
const STRANGER = { id: '550fae72-d251-43ec-868c-373732c27054', tenantId: OTHER_TENANT, displayName: 'Stranger', userPrincipalName: 's@fabrikam.com' };
const UNKNOWN_USER = '99999999-9999-4999-8999-999999999999';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: () => Record<string, unknown>;
}

/** msal's network client over undici, trusting the emulator's certificate. */
class UndiciNetwork implements INetworkModule {
  constructor(private readonly agent: Agent) {}

  sendGetRequestAsync<T>(url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
    return this.send<T>('GET', url, options);
  }

  sendPostRequestAsync<T>(url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
    return this.send<T>('POST', url, options);
  }

  private async send<T>(method: 'GET' | 'POST', url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
    const res = await request(url, { method, headers: options?.headers, body: options?.body, dispatcher: this.agent });
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(res.headers)) if (typeof v === 'string') headers[k] = v;
    return { status: res.statusCode, headers, body: (await res.body.json()) as T };
  }
}

describe('embedded Entra + Graph emulator', () => {
  let emulator: Emulator;
  let agent: Agent;
  let clientCert: { cert: string; key: string };

  const call = async (method: string, path: string, init: { headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<Answer> => {
    const res = await request(`${emulator.baseUrl}${path}`, { method: method as 'GET', headers: init.headers, body: init.body, dispatcher: agent });
    const text = await res.body.text();
    return { status: res.statusCode, headers: res.headers, text, json: () => JSON.parse(text) as Record<string, unknown> };
  };

  const tokenRequest = (tenant: string, fields: Record<string, string>): Promise<Answer> =>
    call('POST', `/${tenant}/oauth2/v2.0/token`, {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'https://graph.microsoft.com/.default', ...fields }).toString(),
    });

  const appToken = async (app: { clientId: string; clientSecret: string } = APP, tenant = TENANT): Promise<string> => {
    const res = await tokenRequest(tenant, { client_id: app.clientId, client_secret: app.clientSecret });
    expect(res.status).toBe(200);
    return res.json().access_token as string;
  };

  const graph = async (method: string, path: string, body?: unknown, token?: string): Promise<Answer> =>
    call(method, path, {
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token ?? (await appToken())}` },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  const graphError = (res: Answer): { code: string; message: string; innerError: Record<string, string> } =>
    res.json().error as { code: string; message: string; innerError: Record<string, string> };

  beforeAll(async () => {
    const pems = await generate([{ name: 'commonName', value: 'meetnow-test-client' }], { keySize: 2048, algorithm: 'sha256' });
    clientCert = { cert: pems.cert, key: pems.private };
    const options: EmulatorOptions = {
      apps: [APP, NO_ROLES_APP, OTHER_TENANT_APP, { clientId: 'c3c3c3c3-0000-4000-8000-00000000c3c3', certificatePem: clientCert.cert }],
      users: [HEIDI, NO_POLICY, NO_AUDIO, GUEST, UNLICENSED, STRANGER],
    };
    emulator = await Emulator.start(options);
    agent = new Agent({ connect: { ca: emulator.caPem } });
  });

  afterEach(() => emulator.reset());

  afterAll(async () => {
    await agent.close();
    await emulator.close();
  });

  describe('Entra', () => {
    const msalClient = (auth: { clientSecret?: string; clientCertificate?: { thumbprintSha256: string; privateKey: string } }, clientId: string) =>
      new ConfidentialClientApplication({
        auth: { clientId, authority: `${emulator.authorityHost}/${TENANT}`, knownAuthorities: [new URL(emulator.authorityHost).host], ...auth },
        system: { networkClient: new UndiciNetwork(agent) },
      });

    it('gives msal-node a Graph token for a client secret, after OIDC discovery', async () => {
      const result = await msalClient({ clientSecret: APP.clientSecret }, APP.clientId).acquireTokenByClientCredential({
        scopes: ['https://graph.microsoft.com/.default'],
      });
      const claims = decodeJwt(result?.accessToken ?? '');
      expect(claims).toMatchObject({
        aud: 'https://graph.microsoft.com',
        iss: `https://sts.windows.net/${TENANT}/`,
        tid: TENANT,
        appid: APP.clientId,
        azp: APP.clientId,
        idtyp: 'app',
        roles: ['OnlineMeetings.ReadWrite.All', 'User.Read.All', 'Calendars.ReadWrite'],
      });
      expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(3599);
      expect(emulator.discoveryRequests.map((r) => r.path)).toContain(`/${TENANT}/v2.0/.well-known/openid-configuration`);
      expect(emulator.tokenRequests).toHaveLength(1);
    });

    it('gives msal-node a token for a certificate (signed client assertion)', async () => {
      const thumbprintSha256 = new X509Certificate(clientCert.cert).fingerprint256.replace(/:/g, '');
      const result = await msalClient({ clientCertificate: { thumbprintSha256, privateKey: clientCert.key } }, 'c3c3c3c3-0000-4000-8000-00000000c3c3')
        .acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] });
      expect(decodeJwt(result?.accessToken ?? '')).toMatchObject({ appid: 'c3c3c3c3-0000-4000-8000-00000000c3c3', appidacr: '2' });
      const form = emulator.tokenRequests[0]?.body as Record<string, string>;
      expect(form.client_assertion_type).toBe('urn:ietf:params:oauth:client-assertion-type:jwt-bearer');
    });

    it('refuses an assertion signed by another key with AADSTS700027', async () => {
      const x5t = Buffer.from(new X509Certificate(clientCert.cert).fingerprint256.replace(/:/g, ''), 'hex').toString('base64url');
      const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
      const clientId = 'c3c3c3c3-0000-4000-8000-00000000c3c3';
      const assertion = await new SignJWT({})
        .setProtectedHeader({ alg: 'PS256', 'x5t#S256': x5t })
        .setIssuer(clientId).setSubject(clientId).setAudience(`${emulator.baseUrl}/${TENANT}/oauth2/v2.0/token`)
        .setIssuedAt().setExpirationTime('5m').setJti('j1')
        .sign(privateKey);
      const res = await tokenRequest(TENANT, {
        client_id: clientId,
        client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
        client_assertion: assertion,
      });
      expect(res.status).toBe(401);
      expect(res.json()).toMatchObject({ error: 'invalid_client', error_codes: [700027] });
    });

    it.each([
      ['an unknown tenant', 'bbbbbbbb-0000-4000-8000-00000000000b', { client_id: APP.clientId, client_secret: APP.clientSecret }, 400, 'invalid_request', 90002],
      ['an unknown domain', 'contoso.example', { client_id: APP.clientId, client_secret: APP.clientSecret }, 400, 'invalid_request', 90002],
      ['a tenant that is neither a GUID nor a domain', 'undefined', { client_id: APP.clientId, client_secret: APP.clientSecret }, 400, 'invalid_request', 900023],
      ['an unknown client', TENANT, { client_id: 'dddddddd-0000-4000-8000-00000000000d', client_secret: 'x' }, 400, 'unauthorized_client', 700016],
      ['a wrong secret', TENANT, { client_id: APP.clientId, client_secret: 'wrong' }, 401, 'invalid_client', 7000215],
      ['a scope without /.default', TENANT, { client_id: APP.clientId, client_secret: APP.clientSecret, scope: 'https://graph.microsoft.com/OnlineMeetings.ReadWrite.All' }, 400, 'invalid_scope', 1002012],
      ['a permission without a resource', TENANT, { client_id: APP.clientId, client_secret: APP.clientSecret, scope: 'User.Read.All' }, 400, 'invalid_scope', 1002012],
      ['only OpenID scopes', TENANT, { client_id: APP.clientId, client_secret: APP.clientSecret, scope: 'openid profile' }, 400, 'invalid_scope', 700023],
      ['two resources', TENANT, { client_id: APP.clientId, client_secret: APP.clientSecret, scope: 'https://graph.microsoft.com/.default https://management.azure.com/.default' }, 400, 'invalid_scope', 700022],
      ['another resource', TENANT, { client_id: APP.clientId, client_secret: APP.clientSecret, scope: 'https://graph.microsoft.comm/.default' }, 400, 'invalid_resource', 500011],
      ['another grant type', TENANT, { client_id: APP.clientId, client_secret: APP.clientSecret, grant_type: 'password' }, 400, 'unsupported_grant_type', 70003],
      ['an app not consented in the tenant', TENANT, { client_id: OTHER_TENANT_APP.clientId, client_secret: OTHER_TENANT_APP.clientSecret }, 401, 'invalid_client', 7000229],
    ])('answers %s like Entra', async (_case, tenant, fields, status, error, code) => {
      const res = await tokenRequest(tenant, fields);
      expect(res.status).toBe(status);
      const body = res.json();
      expect(body).toMatchObject({ error, error_codes: [code] });
      expect(String(body.error_description)).toMatch(new RegExp(`^AADSTS${code}: `));
      expect(body.trace_id).toEqual(expect.any(String));
      expect(body.correlation_id).toEqual(expect.any(String));
    });

    it('serves discovery and a JWKS holding the signing key', async () => {
      const config = (await call('GET', `/${TENANT}/v2.0/.well-known/openid-configuration`)).json();
      expect(config).toMatchObject({
        issuer: `${emulator.baseUrl}/${TENANT}/v2.0`,
        token_endpoint: `${emulator.baseUrl}/${TENANT}/oauth2/v2.0/token`,
        jwks_uri: `${emulator.baseUrl}/${TENANT}/discovery/v2.0/keys`,
      });
      const token = await appToken();
      const keys = (await call('GET', `/${TENANT}/discovery/v2.0/keys`)).json().keys as Array<{ kid: string }>;
      const { kid } = JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString()) as { kid: string };
      expect(keys.map((k) => k.kid)).toContain(kid);
      expect((await call('GET', '/not-a-tenant/v2.0/.well-known/openid-configuration')).status).toBe(400);
    });
  });

  describe('Graph: creating meetings', () => {
    it('creates with createOrGet (201), then answers the same meeting (200) for the same externalId', async () => {
      const token = await appToken();
      const path = `/v1.0/users/${HEIDI.id}/onlineMeetings/createOrGet`;
      const first = await graph('POST', path, { externalId: 'conv-1:act-1', subject: 'Quarterly <b>sales</b>' }, token);
      expect(first.status).toBe(201);
      const meeting = first.json();
      expect(meeting).toMatchObject({
        subject: 'Quarterly <b>sales</b>',
        externalId: 'conv-1:act-1',
        allowedPresenters: 'everyone',
        participants: { organizer: { upn: HEIDI.userPrincipalName, role: 'presenter', identity: { user: { id: HEIDI.id, tenantId: TENANT, displayName: HEIDI.displayName } } } },
        lobbyBypassSettings: expect.any(Object),
        chatInfo: { threadId: expect.stringMatching(/^19:meeting_.+@thread\.v2$/) },
        joinMeetingIdSettings: { isPasscodeRequired: true, joinMeetingId: expect.stringMatching(/^\d{12,14}$/), passcode: expect.stringMatching(/^\S{6}$/) },
        audioConferencing: {
          conferenceId: expect.stringMatching(/^\d+$/),
          tollNumbers: [expect.stringMatching(/^\+\d+$/)],
          tollFreeNumbers: [expect.stringMatching(/^\+\d+$/)],
          dialinUrl: expect.stringMatching(/^https:\/\//),
        },
      });
      expect(meeting.joinWebUrl).toMatch(
        new RegExp(`^https://teams\\.microsoft\\.com/l/meetup-join/19%3ameeting_[^/]+%40thread\\.v2/0\\?context=%7b%22Tid%22%3a%22${TENANT}%22%2c%22Oid%22%3a%22${HEIDI.id}%22%7d$`),
      );
      const start = Date.parse(String(meeting.startDateTime));
      expect(Math.abs(start - Date.now())).toBeLessThan(60_000);
      expect(Date.parse(String(meeting.endDateTime)) - start).toBe(3600_000);

      const again = await graph('POST', path, { externalId: 'conv-1:act-1', subject: 'Quarterly <b>sales</b>' }, token);
      expect(again.status).toBe(200);
      expect(again.json().id).toBe(meeting.id);
      expect(again.json().joinWebUrl).toBe(meeting.joinWebUrl);
      expect(emulator.meetings()).toHaveLength(1);

      const other = await graph('POST', path, { externalId: 'conv-1:act-2' }, token);
      expect(other.status).toBe(201);
      expect(other.json().id).not.toBe(meeting.id);

      const fetched = await graph('GET', `/v1.0/users/${HEIDI.id}/onlineMeetings/${encodeURIComponent(String(meeting.id))}`, undefined, token);
      expect(fetched.status).toBe(200);
      expect(fetched.json().joinWebUrl).toBe(meeting.joinWebUrl);
      expect((await graph('GET', `/v1.0/users/${HEIDI.id}/onlineMeetings/nope`, undefined, token)).status).toBe(404);
    });

    it('creates with POST /v1.0/users/{id}/onlineMeetings, keeping given times', async () => {
      const res = await graph('POST', `/v1.0/users/${HEIDI.id}/onlineMeetings`, {
        subject: 'Planning',
        startDateTime: '2030-04-01T10:00:00-07:00',
        endDateTime: '2030-04-01T11:30:00-07:00',
        participants: { attendees: [{ identity: { user: { id: NO_AUDIO.id } } }] },
      });
      expect(res.status).toBe(201);
      expect(res.json()).toMatchObject({
        subject: 'Planning',
        startDateTime: '2030-04-01T17:00:00.0000000Z',
        endDateTime: '2030-04-01T18:30:00.0000000Z',
        externalId: null,
        participants: { attendees: [{ identity: { user: { id: NO_AUDIO.id } } }] },
      });
    });

    it('creates with the seed beta API and answers its 2018 resource shape', async () => {
      const res = await graph('POST', '/beta/app/onlineMeetings', {
        meetingType: 'meetNow',
        participants: { organizer: { identity: { user: { id: HEIDI.id } } } },
        subject: 'subject-value',
      });
      expect(res.status).toBe(201);
      const meeting = res.json();
      expect(meeting).toMatchObject({
        meetingType: 'meetNow',
        subject: 'subject-value',
        participants: { organizer: { identity: { user: { id: HEIDI.id, tenantId: TENANT, displayName: HEIDI.displayName } }, upn: HEIDI.userPrincipalName } },
        audioConferencing: {
          tollNumber: expect.stringMatching(/^\+\d+$/),
          tollFreeNumber: expect.stringMatching(/^\+\d+$/),
          participantPasscode: expect.stringMatching(/^\d+$/),
          leaderPasscode: null,
          dialinUrl: expect.stringMatching(/^https:\/\//),
        },
        chatInfo: expect.any(Object),
      });
      expect(meeting.joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/meetup-join\/19%3ameeting_.+%40thread\.v2\/0\?context=%7b%22Tid%22%3a%22/);
      expect(meeting).not.toHaveProperty('joinWebUrl');
      expect(emulator.meetings()[0]).toMatchObject({ api: 'beta', organizerId: HEIDI.id, tenantId: TENANT });
    });

    it('answers audioConferencing null for an organizer without Audio Conferencing', async () => {
      const v1 = await graph('POST', `/v1.0/users/${NO_AUDIO.id}/onlineMeetings/createOrGet`, { externalId: 'x' });
      expect(v1.status).toBe(201);
      expect(v1.json().audioConferencing).toBeNull();
      const beta = await graph('POST', '/beta/app/onlineMeetings', { meetingType: 'meetNow', participants: { organizer: { identity: { user: { id: NO_AUDIO.id } } } } });
      expect(beta.json().audioConferencing).toBeNull();
    });

    it.each([
      ['missing externalId', `/v1.0/users/${HEIDI.id}/onlineMeetings/createOrGet`, { subject: 'a' }],
      ['blank externalId', `/v1.0/users/${HEIDI.id}/onlineMeetings/createOrGet`, { externalId: ' ' }],
      ['an end without a start', `/v1.0/users/${HEIDI.id}/onlineMeetings/createOrGet`, { externalId: 'e', endDateTime: '2030-01-01T10:00:00Z' }],
      ['an end before the start', `/v1.0/users/${HEIDI.id}/onlineMeetings/createOrGet`, { externalId: 'e', startDateTime: '2030-01-01T10:00:00Z', endDateTime: '2030-01-01T09:00:00Z' }],
      ['a date that is not ISO 8601', `/v1.0/users/${HEIDI.id}/onlineMeetings`, { startDateTime: 'tomorrow' }],
      ['a subject that is not a string', `/v1.0/users/${HEIDI.id}/onlineMeetings`, { subject: 42 }],
      ['a subject over 256 characters', `/v1.0/users/${HEIDI.id}/onlineMeetings`, { subject: 'x'.repeat(257) }],
      ['a property onlineMeeting does not have', `/v1.0/users/${HEIDI.id}/onlineMeetings`, { subjet: 'typo' }],
      ['an attendee id that is not a GUID', `/v1.0/users/${HEIDI.id}/onlineMeetings`, { participants: { attendees: [{ identity: { user: { id: 'bob@contoso.com' } } }] } }],
      ['a beta organizer id that is not a GUID', '/beta/app/onlineMeetings', { meetingType: 'meetNow', participants: { organizer: { identity: { user: { id: 'heidi@contoso.com' } } } } }],
      ['a beta body without organizer', '/beta/app/onlineMeetings', { meetingType: 'meetNow', subject: 's' }],
      ['an unknown beta meetingType', '/beta/app/onlineMeetings', { meetingType: 'now', participants: { organizer: { identity: { user: { id: HEIDI.id } } } } }],
    ])('refuses %s with 400 BadRequest', async (_case, path, body) => {
      const res = await graph('POST', path, body);
      expect(res.status).toBe(400);
      expect(graphError(res).code).toBe('BadRequest');
      expect(emulator.meetings()).toHaveLength(0);
    });

    it('accepts a subject of exactly 256 characters (emoji count as one)', async () => {
      const res = await graph('POST', `/v1.0/users/${HEIDI.id}/onlineMeetings`, { subject: '😀'.repeat(256) });
      expect(res.status).toBe(201);
    });

    it.each([
      ['an unknown user id', `/v1.0/users/${UNKNOWN_USER}/onlineMeetings/createOrGet`, 404, 'NotFound'],
      ['a UPN in the path', `/v1.0/users/${encodeURIComponent(HEIDI.userPrincipalName)}/onlineMeetings/createOrGet`, 404, 'NotFound'],
      ['a user of another tenant', `/v1.0/users/${STRANGER.id}/onlineMeetings/createOrGet`, 404, 'NotFound'],
      ['a guest organizer', `/v1.0/users/${GUEST.id}/onlineMeetings/createOrGet`, 403, 'Forbidden'],
      ['an organizer without a Teams licence', `/v1.0/users/${UNLICENSED.id}/onlineMeetings/createOrGet`, 404, 'NotFound'],
    ])('refuses %s', async (_case, path, status, code) => {
      const res = await graph('POST', path, { externalId: 'e' });
      expect(res.status).toBe(status);
      expect(graphError(res).code).toBe(code);
    });

    it('refuses an organizer without application access policy with Graph\'s exact 403', async () => {
      for (const res of [
        await graph('POST', `/v1.0/users/${NO_POLICY.id}/onlineMeetings/createOrGet`, { externalId: 'e' }),
        await graph('POST', '/beta/app/onlineMeetings', { meetingType: 'meetNow', participants: { organizer: { identity: { user: { id: NO_POLICY.id } } } } }),
      ]) {
        expect(res.status).toBe(403);
        expect(graphError(res)).toMatchObject({ code: 'General', message: 'No application access policy found for this app.' });
      }
      expect(POLICY_MISSING_MESSAGE).toBe('No application access policy found for this app.');
    });

    it('answers Graph headers and error envelopes, echoing client-request-id', async () => {
      const res = await call('POST', `/v1.0/users/${UNKNOWN_USER}/onlineMeetings`, {
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await appToken()}`, 'client-request-id': 'my-correlation' },
        body: '{}',
      });
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.headers['client-request-id']).toBe('my-correlation');
      const requestId = res.headers['request-id'];
      expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(graphError(res).innerError).toMatchObject({ 'request-id': requestId, 'client-request-id': 'my-correlation', date: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/) });
    });
  });

  describe('Graph: request checks', () => {
    it('refuses malformed JSON, a non-JSON content type, an empty body and a body over 1 MB', async () => {
      const token = await appToken();
      const path = `/v1.0/users/${HEIDI.id}/onlineMeetings`;
      const auth = { authorization: `Bearer ${token}` };
      expect((await call('POST', path, { headers: { ...auth, 'content-type': 'application/json' }, body: '{"subject":' })).status).toBe(400);
      expect((await call('POST', path, { headers: { ...auth, 'content-type': 'application/json' }, body: '[1]' })).status).toBe(400);
      expect((await call('POST', path, { headers: { ...auth, 'content-type': 'text/plain' }, body: '{}' })).status).toBe(415);
      expect((await call('POST', path, { headers: { ...auth, 'content-type': 'application/json' } })).status).toBe(400);
      const huge = await call('POST', path, { headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ subject: 'x'.repeat(1024 * 1024 + 10) }) });
      expect(huge.status).toBe(413);
      expect(emulator.meetings()).toHaveLength(0);
    });

    it('answers unknown paths and methods like Graph, and survives garbage', async () => {
      const unknown = await graph('GET', '/v1.0/nothing/here');
      expect(unknown.status).toBe(400);
      expect(graphError(unknown).message).toBe("Resource not found for the segment 'nothing'.");
      expect((await graph('DELETE', `/v1.0/users/${HEIDI.id}/onlineMeetings/createOrGet`)).status).toBe(405);
      expect((await call('GET', '/%E0%A4%A/../../etc/passwd')).status).toBe(404);
      expect((await call('GET', '/_emulator/stats')).status).toBe(404);
      expect((await graph('GET', `/v1.0/users/%E0%A4%A`)).status).toBe(400);
    });
  });

  describe('Graph: access tokens', () => {
    const meetingPath = `/v1.0/users/${HEIDI.id}/onlineMeetings/createOrGet`;
    const expect401 = async (authorization: string | undefined, message: string): Promise<void> => {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (authorization !== undefined) headers.authorization = authorization;
      const res = await call('POST', meetingPath, { headers, body: '{"externalId":"a"}' });
      expect(res.status).toBe(401);
      expect(graphError(res)).toMatchObject({ code: 'InvalidAuthenticationToken', message });
      expect(res.headers['www-authenticate']).toMatch(/^Bearer /);
    };

    it('refuses a missing, malformed, wrong-audience, expired, not-yet-valid or forged token with 401', async () => {
      await expect401(undefined, 'Access token is empty.');
      await expect401('Basic abc', 'Access token is empty.');
      await expect401('Bearer not-a-jwt', 'CompactToken parsing failed with error code: 80049217');
      await expect401(`Bearer ${await emulator.mintAccessToken({ tenantId: TENANT, clientId: APP.clientId, audience: 'https://management.azure.com' })}`, 'Access token validation failure. Invalid audience.');
      await expect401(`Bearer ${await emulator.mintAccessToken({ tenantId: TENANT, clientId: APP.clientId, lifetimeSeconds: -360 })}`, 'Lifetime validation failed, the token is expired.');
      await expect401(`Bearer ${await emulator.mintAccessToken({ tenantId: TENANT, clientId: APP.clientId, notBeforeOffsetSeconds: 360 })}`, 'Lifetime validation failed, the token is not yet valid.');

      const genuine = await appToken();
      const [header, payload] = genuine.split('.');
      const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
      const forged = await new SignJWT(JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()) as Record<string, unknown>)
        .setProtectedHeader(JSON.parse(Buffer.from(header ?? '', 'base64url').toString()) as { alg: string })
        .sign(privateKey);
      await expect401(`Bearer ${forged}`, 'Access token validation failure. Invalid signature.');
      const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none', kid: JSON.parse(Buffer.from(header ?? '', 'base64url').toString()).kid })).toString('base64url')}.${payload}.`;
      expect((await call('POST', meetingPath, { headers: { 'content-type': 'application/json', authorization: `Bearer ${unsigned}` }, body: '{}' })).status).toBe(401);

      const otherEmulator = await Emulator.start({ apps: [APP], tenants: [TENANT] });
      try {
        const foreign = await otherEmulator.mintAccessToken({ tenantId: TENANT, clientId: APP.clientId });
        expect((await call('POST', meetingPath, { headers: { 'content-type': 'application/json', authorization: `Bearer ${foreign}` }, body: '{}' })).status).toBe(401);
      } finally {
        await otherEmulator.close();
      }
      expect(emulator.meetings()).toHaveLength(0);
    });

    it('gives an app without roles a token without roles, which Graph refuses with 403', async () => {
      const token = await appToken(NO_ROLES_APP);
      expect(decodeJwt(token).roles).toBeUndefined();
      const res = await graph('POST', meetingPath, { externalId: 'a' }, token);
      expect(res.status).toBe(403);
      expect(graphError(res).code).toBe('Forbidden');
      const user = await graph('GET', `/v1.0/users/${HEIDI.id}`, undefined, token);
      expect(user.status).toBe(403);
      expect(graphError(user).code).toBe('Authorization_RequestDenied');
    });

    it('looks users up by id or UPN within the token tenant', async () => {
      expect((await graph('GET', `/v1.0/users/${encodeURIComponent('HEIDI@contoso.com')}`)).json()).toMatchObject({ id: HEIDI.id, userPrincipalName: HEIDI.userPrincipalName, userType: 'Member' });
      expect((await graph('GET', `/v1.0/users/${GUEST.id}`)).json()).toMatchObject({ userType: 'Guest' });
      const missing = await graph('GET', `/v1.0/users/${STRANGER.id}`);
      expect(missing.status).toBe(404);
      expect(graphError(missing).code).toBe('Request_ResourceNotFound');
    });
  });

  describe('faults and latency', () => {
    const create = (token: string, externalId = 'f'): Promise<Answer> => graph('POST', `/v1.0/users/${HEIDI.id}/onlineMeetings/createOrGet`, { externalId }, token);

    it('throttles with 429 + Retry-After for the given number of requests, then recovers', async () => {
      const token = await appToken();
      emulator.injectFault({ target: 'graph', status: 429, retryAfter: 2, times: 2 });
      for (let i = 0; i < 2; i += 1) {
        const res = await create(token);
        expect(res.status).toBe(429);
        expect(res.headers['retry-after']).toBe('2');
        expect(graphError(res).code).toBe('TooManyRequests');
        expect(res.headers['request-id']).toEqual(expect.any(String));
      }
      expect((await create(token)).status).toBe(201);
      expect(emulator.graphRequests.map((r) => r.status)).toEqual([429, 429, 201]);
    });

    it.each<[string, Fault, number, string]>([
      ['503', { target: 'graph', status: 503 }, 503, 'ServiceUnavailable'],
      ['504 with Retry-After', { target: 'graph', status: 504, retryAfter: 1 }, 504, 'GatewayTimeout'],
      ['policy 403', { target: 'graph', status: 403, code: 'Forbidden', message: 'No application access policy found for this app.' }, 403, 'Forbidden'],
    ])('answers an injected %s', async (_case, fault, status, code) => {
      const token = await appToken();
      emulator.injectFault(fault);
      const res = await create(token);
      expect(res.status).toBe(status);
      expect(graphError(res).code).toBe(code);
      if (fault.retryAfter !== undefined) expect(res.headers['retry-after']).toBe(String(fault.retryAfter));
      expect(emulator.meetings()).toHaveLength(0);
    });

    it('drops the connection without an answer', async () => {
      const token = await appToken();
      emulator.injectFault({ target: 'graph', drop: true });
      await expect(create(token)).rejects.toThrow();
      expect(emulator.graphRequests[0]?.status).toBe(0);
      expect((await create(token)).status).toBe(201);
    });

    it('answers 201 with a truncated body', async () => {
      const token = await appToken();
      emulator.injectFault({ target: 'graph', malformedBody: true });
      const res = await create(token);
      expect(res.status).toBe(201);
      expect(() => JSON.parse(res.text)).toThrow();
    });

    it('delays a success by latencyMs, and every Graph answer by setLatency', async () => {
      const token = await appToken();
      emulator.injectFault({ target: 'graph', latencyMs: 300 });
      let started = Date.now();
      expect((await create(token, 'slow')).status).toBe(201);
      expect(Date.now() - started).toBeGreaterThanOrEqual(280);
      emulator.setLatency(200);
      started = Date.now();
      expect((await create(token, 'slow')).status).toBe(200);
      expect(Date.now() - started).toBeGreaterThanOrEqual(180);
    });

    it('answers token faults with Entra-shaped bodies', async () => {
      emulator.injectFault({ target: 'token', status: 503, retryAfter: 5 });
      const res = await tokenRequest(TENANT, { client_id: APP.clientId, client_secret: APP.clientSecret });
      expect(res.status).toBe(503);
      expect(res.headers['retry-after']).toBe('5');
      expect(res.json()).toMatchObject({ error: 'temporarily_unavailable', error_codes: [90033] });
      expect((await tokenRequest(TENANT, { client_id: APP.clientId, client_secret: APP.clientSecret })).status).toBe(200);
    });

    it('rejects nonsense faults', () => {
      expect(() => emulator.injectFault({ target: 'graph', status: 42 })).toThrow(RangeError);
      expect(() => emulator.injectFault({ target: 'graph', times: 0 })).toThrow(RangeError);
    });
  });

  describe('modes', () => {
    it('provisions any GUID tenant and user in auto-provision mode, and counts without recording', async () => {
      const auto = await Emulator.start({ autoProvision: true, record: false, apps: [APP] });
      try {
        const tenant = 'eeeeeeee-0000-4000-8000-00000000000e';
        const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: APP.clientId, client_secret: APP.clientSecret, scope: 'https://graph.microsoft.com/.default' });
        const localAgent = new Agent({ connect: { ca: auto.caPem } });
        const tokenRes = await request(`${auto.baseUrl}/${tenant}/oauth2/v2.0/token`, {
          method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString(), dispatcher: localAgent,
        });
        const { access_token: token } = (await tokenRes.body.json()) as { access_token: string };
        const res = await request(`${auto.baseUrl}/v1.0/users/${UNKNOWN_USER}/onlineMeetings/createOrGet`, {
          method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: '{"externalId":"x"}', dispatcher: localAgent,
        });
        expect(res.statusCode).toBe(201);
        expect(((await res.body.json()) as { participants: { organizer: { identity: { user: { tenantId: string } } } } }).participants.organizer.identity.user.tenantId).toBe(tenant);
        const upn = await request(`${auto.baseUrl}/v1.0/users/someone%40x.com/onlineMeetings/createOrGet`, {
          method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: '{"externalId":"x"}', dispatcher: localAgent,
        });
        expect(upn.statusCode).toBe(404);
        await upn.body.dump();
        expect(auto.counts).toEqual({ token: 1, graph: 2, discovery: 0 });
        expect(auto.graphRequests).toHaveLength(0);
        await localAgent.close();
      } finally {
        await auto.close();
      }
    });

    it('serves the control API only when asked to', async () => {
      const controlled = await Emulator.start({ controlApi: true, tenants: [TENANT] });
      const localAgent = new Agent({ connect: { ca: controlled.caPem } });
      try {
        const post = (path: string, body: unknown) => request(`${controlled.baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), dispatcher: localAgent });
        expect((await post('/_emulator/apps', APP)).statusCode).toBe(204);
        expect((await post('/_emulator/faults', { target: 'token', status: 429, retryAfter: 1 })).statusCode).toBe(204);
        const bad = await post('/_emulator/faults', { target: 'nowhere' });
        expect(bad.statusCode).toBe(400);
        await bad.body.dump();
        const throttled = await request(`${controlled.baseUrl}/${TENANT}/oauth2/v2.0/token`, {
          method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, dispatcher: localAgent,
          body: new URLSearchParams({ grant_type: 'client_credentials', client_id: APP.clientId, client_secret: APP.clientSecret, scope: 'https://graph.microsoft.com/.default' }).toString(),
        });
        expect(throttled.statusCode).toBe(429);
        await throttled.body.dump();
        const stats = await request(`${controlled.baseUrl}/_emulator/stats`, { dispatcher: localAgent });
        expect(await stats.body.json()).toEqual({ token: 1, graph: 0, discovery: 0 });
      } finally {
        await localAgent.close();
        await controlled.close();
      }
    });

    it('closes promptly with keep-alive connections open', async () => {
      const closing = await Emulator.start({ tenants: [TENANT] });
      const localAgent = new Agent({ connect: { ca: closing.caPem }, keepAliveTimeout: 60_000 });
      const res = await request(`${closing.baseUrl}/${TENANT}/discovery/v2.0/keys`, { dispatcher: localAgent });
      await res.body.dump();
      const started = Date.now();
      await closing.close();
      expect(Date.now() - started).toBeLessThan(500);
      await localAgent.close();
    });
  });
});
