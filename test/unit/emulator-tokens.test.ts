import { TokenSigner, CLOCK_SKEW_SECONDS } from '../../src/emulator/tokens';

const GRAPH = 'https://graph.microsoft.com';
const TENANT = '11111111-1111-4111-8111-111111111111';
const APP = '22222222-2222-4222-8222-222222222222';
const OBJECT = '33333333-3333-4333-8333-333333333333';

describe('emulator access tokens, checked like Graph checks them', () => {
  let signer: TokenSigner;
  beforeAll(async () => {
    signer = await TokenSigner.create();
  });
  afterEach(() => jest.restoreAllMocks());

  const mint = (lifetimeSeconds?: number) => signer.mint({ tenantId: TENANT, clientId: APP, objectId: OBJECT, audience: GRAPH, roles: ['OnlineMeetings.ReadWrite.All'], lifetimeSeconds });

  it('accepts a genuine token on every call, and refuses it once it has expired, although it passed before', async () => {
    const token = await mint(600);
    expect(await signer.verify(token, GRAPH)).toMatchObject({ ok: true, claims: { tid: TENANT, appid: APP, roles: ['OnlineMeetings.ReadWrite.All'] } });
    expect(await signer.verify(token, GRAPH)).toMatchObject({ ok: true, claims: { tid: TENANT } });

    const now = Date.now();
    jest.spyOn(Date, 'now').mockReturnValue(now + (600 + CLOCK_SKEW_SECONDS - 5) * 1000);
    expect((await signer.verify(token, GRAPH)).ok).toBe(true);
    jest.spyOn(Date, 'now').mockReturnValue(now + (600 + CLOCK_SKEW_SECONDS + 5) * 1000);
    expect(await signer.verify(token, GRAPH)).toEqual({ ok: false, message: 'Lifetime validation failed, the token is expired.' });
  });

  it('still refuses a token whose signature or claims were changed after the genuine one passed', async () => {
    const token = await mint();
    expect((await signer.verify(token, GRAPH)).ok).toBe(true);
    const [header, payload, signature = ''] = token.split('.');
    const flipped = `${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`;
    expect(await signer.verify(`${header}.${payload}.${flipped}`, GRAPH)).toEqual({ ok: false, message: 'Access token validation failure. Invalid signature.' });
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()) as Record<string, unknown>;
    const widened = Buffer.from(JSON.stringify({ ...claims, roles: ['Calendars.ReadWrite'] })).toString('base64url');
    expect(await signer.verify(`${header}.${widened}.${signature}`, GRAPH)).toEqual({ ok: false, message: 'Access token validation failure. Invalid signature.' });
  });

  it('remembers a token for the audience it passed for only', async () => {
    const token = await mint();
    expect((await signer.verify(token, GRAPH)).ok).toBe(true);
    expect(await signer.verify(token, 'https://management.azure.com')).toEqual({ ok: false, message: 'Access token validation failure. Invalid audience.' });
  });
});
