import { decodeProtectedHeader, errors as joseErrors, jwtVerify } from 'jose';
import type { AppCertificate } from './directory';
import { CLOCK_SKEW_SECONDS } from './tokens';

/**
 * Checks an RFC 7523 client assertion the way Entra does. Returns why it is refused (wording close
 * to Entra's AADSTS700027 descriptions), or undefined when it is valid.
 */
export async function checkClientAssertion(
  assertion: string,
  clientId: string,
  certificate: AppCertificate | undefined,
  acceptedAudiences: string[],
): Promise<string | undefined> {
  let header;
  try {
    header = decodeProtectedHeader(assertion);
  } catch {
    return 'Client assertion contains an invalid signature. The assertion is not a well-formed JWT.';
  }
  if (certificate === undefined) {
    return `Client assertion contains an invalid signature. [Reason - The key was not found., Client app id: ${clientId}]`;
  }
  const x5tS256 = header['x5t#S256'];
  const matchesThumbprint = (typeof x5tS256 === 'string' && x5tS256 === certificate.x5tS256) || header.x5t === certificate.x5t;
  if (!matchesThumbprint) {
    return `Client assertion contains an invalid signature. [Reason - The key was not found., Thumbprint of key used by client: '${String(header.x5t ?? x5tS256 ?? '')}', Client app id: ${clientId}]`;
  }
  try {
    await jwtVerify(assertion, certificate.publicKey, {
      algorithms: ['RS256', 'PS256', 'ES256'],
      audience: acceptedAudiences,
      issuer: clientId,
      subject: clientId,
      requiredClaims: ['exp', 'aud', 'iss', 'sub'],
      // Entra tolerates 5 minutes of clock skew; msal rounds its `nbf` up to half a second ahead.
      clockTolerance: CLOCK_SKEW_SECONDS,
    });
    return undefined;
  } catch (err) {
    if (err instanceof joseErrors.JWTExpired) return 'The provided signed assertion is expired.';
    if (err instanceof joseErrors.JWTClaimValidationFailed) {
      return `Client assertion failed validation of the '${err.claim}' claim.`;
    }
    return 'Client assertion failed signature validation.';
  }
}
