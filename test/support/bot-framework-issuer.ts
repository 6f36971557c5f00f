import { generateKeyPairSync, verify, type KeyObject } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MicrosoftAppCredentials, PasswordServiceClientCredentialFactory, type ServiceClientCredentials } from 'botframework-connector';
import { exportJWK, generateKeyPair, SignJWT, UnsecuredJWT, type JWK, type KeyLike } from 'jose';
import { startHarness, type Harness, type HarnessOptions } from './harness';

export const BOT_ISSUER = 'https://api.botframework.loopback.test';
/**
 * Stands in for Microsoft Entra's signing key for the tokens the bot sends to the Bot Connector: the loopback
 * credentials sign with it and the fake Bot Connector checks with it.
 */
const OUTBOUND_KEYS = generateKeyPairSync('rsa', { modulusLength: 2048 });
const OUTBOUND_ISSUER = 'https://login.microsoftonline.com/botframework.com/';

export interface TokenClaims {
  iss?: string;
  aud?: string;
  serviceurl?: string;
  /** Seconds from now. */
  expiresIn?: number;
  /** Seconds from now. */
  notBefore?: number;
  kid?: string;
}

/**
 * The Bot Framework's token issuer, on loopback: an OpenID metadata document and a JWKS (with Teams'
 * endorsements) that botbuilder reads through `ToBotFromChannelOpenIdMetadataUrl`, and real RS256 tokens.
 */
export class BotFrameworkIssuer {
  private constructor(
    private readonly server: Server,
    readonly metadataUrl: string,
    private readonly privateKey: KeyLike,
    readonly kid: string,
    readonly appId: string,
  ) {}

  static async start(appId: string): Promise<BotFrameworkIssuer> {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    const kid = 'loopback-key-1';
    const jwk: JWK & { endorsements: string[] } = { ...(await exportJWK(publicKey)), kid, use: 'sig', alg: 'RS256', endorsements: ['msteams', 'slack'] };
    const server = createServer((req, res) => {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      res.setHeader('content-type', 'application/json');
      if (req.url === '/v1/.well-known/openidconfiguration') {
        res.end(JSON.stringify({ issuer: BOT_ISSUER, jwks_uri: `${base}/v1/keys`, id_token_signing_alg_values_supported: ['RS256'] }));
      } else if (req.url === '/v1/keys') {
        res.end(JSON.stringify({ keys: [jwk] }));
      } else {
        res.statusCode = 404;
        res.end('{}');
      }
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const metadataUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/.well-known/openidconfiguration`;
    return new BotFrameworkIssuer(server, metadataUrl, privateKey, kid, appId);
  }

  /** The botbuilder settings that point inbound validation here. */
  env(): Record<string, string> {
    return { MicrosoftAppId: this.appId, ToBotFromChannelOpenIdMetadataUrl: this.metadataUrl, ToBotFromChannelTokenIssuer: BOT_ISSUER };
  }

  /** A token as the Bot Connector signs it; every claim can be bent for a negative test. */
  async token(serviceUrl: string, claims: TokenClaims = {}, key: KeyLike = this.privateKey): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ serviceurl: claims.serviceurl ?? serviceUrl })
      .setProtectedHeader({ alg: 'RS256', kid: claims.kid ?? this.kid, typ: 'JWT' })
      .setIssuer(claims.iss ?? BOT_ISSUER)
      .setAudience(claims.aud ?? this.appId)
      .setIssuedAt(now - 60)
      .setNotBefore(now + (claims.notBefore ?? -60))
      .setExpirationTime(now + (claims.expiresIn ?? 3600))
      .sign(key);
  }

  /** `alg: none`: no signature at all. */
  unsigned(serviceUrl: string): string {
    const now = Math.floor(Date.now() / 1000);
    return new UnsecuredJWT({ serviceurl: serviceUrl }).setIssuer(BOT_ISSUER).setAudience(this.appId).setIssuedAt(now).setExpirationTime(now + 3600).encode();
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    this.server.close();
  }
}

/** Tokens as Entra issues them for a bot's client credentials: `aud` the scope botbuilder asked for, `appid` the bot. */
class LoopbackTokenCredentials extends MicrosoftAppCredentials {
  override async getToken(): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ appid: this.appId, ver: '1.0' })
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT' })
      .setIssuer(OUTBOUND_ISSUER)
      .setAudience(this.oAuthScope.replace(/\/\.default$/, ''))
      .setIssuedAt(now)
      .setNotBefore(now - 60)
      .setExpirationTime(now + 3600)
      .sign(OUTBOUND_KEYS.privateKey);
  }
}

/** Outbound credentials for the bot's replies that need no Entra: tokens from a loopback key, for the audience botbuilder asks. */
export class LoopbackBotCredentials extends PasswordServiceClientCredentialFactory {
  constructor(appId: string) {
    super(appId, 'unused', '');
  }

  override async createCredentials(appId: string, audience: string): Promise<ServiceClientCredentials> {
    if (!(await this.isValidAppId(appId))) throw new Error('Invalid appId.');
    return new LoopbackTokenCredentials(appId, 'unused', undefined, audience);
  }
}

/**
 * What the Bot Connector checks of a bot's `Authorization` header: a Bearer JWT signed by (the loopback)
 * Entra, or by another Entra the test trusts, for `audience`, issued to `appId`, not expired. Undefined when it passes, else what is wrong.
 */
export function verifyOutboundToken(authorization: string | undefined, appId: string, audience: string, otherSigners: readonly KeyObject[] = []): string | undefined {
  const token = /^Bearer ([\w-]+)\.([\w-]+)\.([\w-]+)$/.exec(authorization ?? '');
  if (token === null) return 'no Bearer JWT';
  const [, header = '', payload = '', signature = ''] = token;
  const signed = [OUTBOUND_KEYS.publicKey, ...otherSigners].some((key) => verify('RSA-SHA256', Buffer.from(`${header}.${payload}`), key, Buffer.from(signature, 'base64url')));
  if (!signed) return 'bad signature';
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { aud?: unknown; appid?: unknown; exp?: unknown };
  if (claims.aud !== audience) return `audience ${String(claims.aud)}`;
  if (claims.appid !== appId) return `appid ${String(claims.appid)}`;
  if (typeof claims.exp !== 'number' || claims.exp * 1000 < Date.now()) return 'expired';
  return undefined;
}

/** The claims of the token in an `Authorization: Bearer …` header (for tests that look at it). */
export function outboundClaims(authorization: string | undefined): Record<string, unknown> {
  const payload = (authorization ?? '').split('.')[1] ?? '';
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
}

/** A key that is not the issuer's: tokens signed with it are forgeries. */
export async function forgerKey(): Promise<KeyLike> {
  return (await generateKeyPair('RS256')).privateKey;
}

/**
 * The real bot with inbound Bot Framework authentication on (`MicrosoftAppId` set), trusting a loopback
 * issuer through botbuilder's own settings and replying with loopback credentials, for a `describe` block:
 * started before its tests, closed after them, its records cleared before each test. botbuilder writes each
 * rejected token's reason to console.error; these suites judge the HTTP answers instead.
 */
export function useAuthenticatedHarness(appId: string, onStarted: (started: { h: Harness; issuer: BotFrameworkIssuer }) => void, options: HarnessOptions = {}): void {
  let started: { h: Harness; issuer: BotFrameworkIssuer } | undefined;
  beforeAll(async () => {
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const issuer = await BotFrameworkIssuer.start(appId);
    const h = await startHarness({
      ...options,
      env: { ...issuer.env(), MicrosoftAppPassword: 'bot-password-not-used-in-tests', ...options.env },
      meetNow: { botCredentials: new LoopbackBotCredentials(appId), ...options.meetNow },
    });
    started = { h, issuer };
    onStarted(started);
  });
  afterAll(async () => {
    await started?.h.close();
    await started?.issuer.close();
  });
  beforeEach(() => {
    started?.h.connector.reset();
    started?.h.emulator.reset();
  });
}
