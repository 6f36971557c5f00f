import { generateKeyPair as generateKeyPairCallback, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';
import { calculateJwkThumbprint, decodeProtectedHeader, errors as joseErrors, exportJWK, jwtVerify, SignJWT, type JWK, type JWTPayload } from 'jose';
import { BoundedMap } from '../bounded-map';
import { newGuid } from './ids';

const generateKeyPair = promisify(generateKeyPairCallback);

/** Claims of an app-only access token, as Entra issues them (v1 token format, which Graph receives). */
export interface AccessTokenClaims extends JWTPayload {
  aud: string;
  iss: string;
  tid: string;
  appid: string;
  azp: string;
  oid: string;
  sub: string;
  idtyp: 'app';
  roles?: string[];
}

export interface MintOptions {
  tenantId: string;
  clientId: string;
  /** Service principal object id. */
  objectId: string;
  audience: string;
  /** Omitted or empty: the token carries no `roles` claim, like an app without admin consent. */
  roles?: readonly string[];
  /** '1' secret, '2' certificate. */
  appidacr?: '1' | '2';
  /** Default 3599. Negative makes an expired token. */
  lifetimeSeconds?: number;
  /** Seconds added to `nbf` (positive: not yet valid). */
  notBeforeOffsetSeconds?: number;
}

export type TokenCheck =
  | { ok: true; claims: AccessTokenClaims }
  | { ok: false; message: string };

export const ACCESS_TOKEN_LIFETIME_SECONDS = 3599;

/** Entra and Graph both tolerate 5 minutes of clock skew. */
export const CLOCK_SKEW_SECONDS = 300;

/** Graph's wording for a token outside its lifetime, from jose's check or from a remembered token's. */
const EXPIRED = 'Lifetime validation failed, the token is expired.';
const NOT_YET_VALID = 'Lifetime validation failed, the token is not yet valid.';

/** Tokens whose signature and claims passed, remembered for their lifetime: a bot sends the same token for an hour. */
const MAX_VERIFIED_TOKENS = 1_000;

/**
 * Signs and verifies the emulator's access tokens with one RSA key generated at start. A token that passed is
 * remembered (the exact token text, for one audience), so that its RSA signature is checked once rather than
 * on every Graph call (it was half of the emulator's CPU per call); its lifetime is checked on every call.
 */
export class TokenSigner {
  private readonly verified = new BoundedMap<string, AccessTokenClaims>({ maxEntries: MAX_VERIFIED_TOKENS });

  private constructor(
    private readonly privateKey: KeyObject,
    private readonly publicKey: KeyObject,
    readonly kid: string,
    readonly jwks: { keys: JWK[] },
  ) {}

  static async create(): Promise<TokenSigner> {
    // node:crypto generates on the libuv pool, so it overlaps with the TLS certificate generation.
    const { privateKey, publicKey } = await generateKeyPair('rsa', { modulusLength: 2048 });
    const jwk = await exportJWK(publicKey);
    const kid = await calculateJwkThumbprint(jwk);
    return new TokenSigner(privateKey, publicKey, kid, { keys: [{ ...jwk, kty: 'RSA', use: 'sig', kid, x5t: kid, alg: 'RS256' }] });
  }

  async mint(options: MintOptions): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    const lifetime = options.lifetimeSeconds ?? ACCESS_TOKEN_LIFETIME_SECONDS;
    const issuer = `https://sts.windows.net/${options.tenantId}/`;
    const payload: Record<string, unknown> = {
      aud: options.audience,
      iss: issuer,
      idp: issuer,
      iat: now,
      nbf: now + (options.notBeforeOffsetSeconds ?? 0),
      exp: now + lifetime,
      aio: newGuid(),
      app_displayname: `App ${options.clientId.slice(0, 8)}`,
      appid: options.clientId,
      appidacr: options.appidacr ?? '1',
      azp: options.clientId,
      azpacr: options.appidacr ?? '1',
      idtyp: 'app',
      oid: options.objectId,
      sub: options.objectId,
      tid: options.tenantId,
      uti: newGuid().replace(/-/g, ''),
      ver: '1.0',
    };
    if (options.roles !== undefined && options.roles.length > 0) payload.roles = [...options.roles];
    return new SignJWT(payload).setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: this.kid, x5t: this.kid }).sign(this.privateKey);
  }

  /** Graph's checks, with Graph's wording for each failure. */
  async verify(token: string, audience: string): Promise<TokenCheck> {
    const remembered = `${audience} ${token}`;
    const known = this.verified.get(remembered);
    if (known !== undefined) return lifetimeCheck(known);
    if (token.split('.').length !== 3) return { ok: false, message: 'CompactToken parsing failed with error code: 80049217' };
    let kid: string | undefined;
    try {
      kid = decodeProtectedHeader(token).kid;
    } catch {
      return { ok: false, message: 'CompactToken parsing failed with error code: 80049217' };
    }
    if (kid !== this.kid) return { ok: false, message: 'Access token validation failure. Invalid signature.' };
    try {
      // Graph, like Entra, tolerates 5 minutes of clock skew.
      const { payload } = await jwtVerify(token, this.publicKey, {
        algorithms: ['RS256'],
        requiredClaims: ['exp', 'tid', 'iss', 'aud'],
        clockTolerance: CLOCK_SKEW_SECONDS,
      });
      if (payload.aud !== audience) return { ok: false, message: 'Access token validation failure. Invalid audience.' };
      if (typeof payload.tid !== 'string' || payload.iss !== `https://sts.windows.net/${payload.tid}/`) {
        return { ok: false, message: 'Access token validation failure. Invalid issuer.' };
      }
      if (typeof payload.appid !== 'string' || typeof payload.oid !== 'string') {
        return { ok: false, message: 'Access token validation failure.' };
      }
      this.verified.set(remembered, payload as AccessTokenClaims);
      return { ok: true, claims: payload as AccessTokenClaims };
    } catch (err) {
      if (err instanceof joseErrors.JWTExpired) return { ok: false, message: EXPIRED };
      if (err instanceof joseErrors.JWTClaimValidationFailed && err.claim === 'nbf') {
        return { ok: false, message: NOT_YET_VALID };
      }
      if (err instanceof joseErrors.JWSSignatureVerificationFailed) {
        return { ok: false, message: 'Access token validation failure. Invalid signature.' };
      }
      return { ok: false, message: 'Access token validation failure.' };
    }
  }
}

/** A remembered token's lifetime, as jose checks it (`exp` and `nbf`, 5 minutes of skew), with Graph's wording. */
function lifetimeCheck(claims: AccessTokenClaims): TokenCheck {
  const now = Math.floor(Date.now() / 1000);
  if (typeof claims.nbf === 'number' && claims.nbf > now + CLOCK_SKEW_SECONDS) return { ok: false, message: NOT_YET_VALID };
  if (typeof claims.exp === 'number' && claims.exp <= now - CLOCK_SKEW_SECONDS) return { ok: false, message: EXPIRED };
  return { ok: true, claims };
}
