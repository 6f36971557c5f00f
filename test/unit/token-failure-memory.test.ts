import { randomBytes, randomUUID } from 'node:crypto';
import { MsalNetworkClient } from '../../src/auth/msal-network-client';
import { MsalTokenProvider } from '../../src/auth/token-provider';
import { Emulator } from '../../src/emulator';
import { MeetNowError } from '../../src/errors';
import { UndiciHttpClient } from '../../src/http/http-client';
import { createLogger } from '../../src/logger';
import { ReadinessProbe } from '../../src/ops/readiness';

const KNOWN = randomUUID();
const clientId = randomUUID();
const clientSecret = randomBytes(18).toString('base64url');

let emulator: Emulator;
let http: UndiciHttpClient;
beforeAll(async () => {
  emulator = await Emulator.start({ tenants: [KNOWN], apps: [{ clientId, clientSecret }] });
  http = new UndiciHttpClient({ caPem: emulator.caPem });
});
afterAll(async () => {
  await http.close();
  await emulator.close();
});
beforeEach(() => emulator.reset());

/** A provider against the strict emulator, on a clock the test moves. */
function provider(failureMemoryMs?: number) {
  const clock = { now: Date.now() };
  const tokens = new MsalTokenProvider({
    settings: { clientId, credential: { kind: 'secret', secret: clientSecret }, authorityHost: emulator.authorityHost, baseUrl: emulator.graphBaseUrl, scope: `${emulator.graphAudience}/.default` },
    networkClient: new MsalNetworkClient(http),
    logger: createLogger('silent'),
    failureMemoryMs,
    now: () => clock.now,
  });
  return { tokens, clock };
}

/** Every request that reached Entra for a tenant (OIDC discovery and token endpoint). */
const entraRequests = (tenant: string) => [...emulator.discoveryRequests, ...emulator.tokenRequests].filter((request) => request.path.includes(tenant)).length;
const codeOf = (promise: Promise<unknown>) => promise.then(() => 'ok', (error: unknown) => (error as MeetNowError).code);

describe('MsalTokenProvider remembers a lasting token failure per tenant', () => {
  it('answers an unknown tenant from memory for 60 s, then asks Entra again and sees it recover', async () => {
    const { tokens, clock } = provider();
    const unknown = randomUUID();
    expect(await codeOf(tokens.getToken(unknown))).toBe('token_tenant_not_found');
    const first = entraRequests(unknown);
    expect(first).toBeGreaterThan(0);
    for (let i = 0; i < 20; i++) expect(await codeOf(tokens.getToken(unknown))).toBe('token_tenant_not_found');
    clock.now += 59_000;
    expect(await codeOf(tokens.getToken(unknown))).toBe('token_tenant_not_found');
    expect(entraRequests(unknown)).toBe(first);

    // The admin fixes it; the next question after the memory's minute reaches Entra and succeeds.
    emulator.addTenant(unknown);
    clock.now += 1_000;
    expect(await codeOf(tokens.getToken(unknown))).toBe('ok');
    expect(entraRequests(unknown)).toBeGreaterThan(first);
  });

  it('remembers a missing consent, and never for another tenant', async () => {
    const { tokens } = provider();
    const unconsented = randomUUID();
    emulator.addTenant(unconsented);
    emulator.addApp({ clientId, clientSecret, tenants: [KNOWN] });
    try {
      expect(await codeOf(tokens.getToken(unconsented))).toBe('token_consent_missing');
      const first = entraRequests(unconsented);
      expect(await codeOf(tokens.getToken(unconsented))).toBe('token_consent_missing');
      expect(entraRequests(unconsented)).toBe(first);
      expect(await codeOf(tokens.getToken(KNOWN))).toBe('ok');
    } finally {
      emulator.addApp({ clientId, clientSecret });
    }
  });

  it('does not remember an Entra out of reach: the next request asks again', async () => {
    const { tokens } = provider();
    emulator.injectFault({ target: 'token', drop: true, times: 100 });
    expect(await codeOf(tokens.getToken(KNOWN))).not.toBe('ok');
    const asked = emulator.tokenRequests.length;
    emulator.clearFaults();
    expect(await codeOf(tokens.getToken(KNOWN))).toBe('ok');
    expect(emulator.tokenRequests.length).toBeGreaterThan(asked);
  });

  it('remembers nothing with failureMemoryMs 0 (the doctor asks Entra every time)', async () => {
    const { tokens } = provider(0);
    const unknown = randomUUID();
    await codeOf(tokens.getToken(unknown));
    const first = entraRequests(unknown);
    await codeOf(tokens.getToken(unknown));
    expect(entraRequests(unknown)).toBeGreaterThan(first);
  });

  it('does not fool /readyz: the probe asks Entra, and its success clears the memory for everyone', async () => {
    const { tokens } = provider();
    const tenant = randomUUID();
    const readiness = new ReadinessProbe({ tokens, tenantId: tenant, cacheMs: 0 });
    expect(await readiness.check()).toMatchObject({ ready: false, code: 'token_tenant_not_found' });
    emulator.addTenant(tenant);
    expect(await readiness.check()).toMatchObject({ ready: true, token: 'ok' });
    expect(await codeOf(tokens.getToken(tenant))).toBe('ok');
  });
});
