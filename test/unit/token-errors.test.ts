import { AuthError, ServerError } from '@azure/msal-node';
import { toTokenError } from '../../src/auth/token-provider';
import { MeetNowError } from '../../src/errors';

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const entra = (error: string, aadsts: number, words: string) =>
  new ServerError(error, 'correlation-id', `Error(s): ${aadsts} - Timestamp: 2026-12-06 03:00:00Z - Description: AADSTS${aadsts}: ${words} Trace ID: t Correlation ID: c`);

describe('toTokenError: Entra codes by what the admin must fix', () => {
  it.each([
    ['invalid_client', 7000215, 'Invalid client secret provided.', 'token_invalid_client'],
    ['invalid_client', 7000222, 'The provided client secret keys are expired.', 'token_invalid_client'],
    ['invalid_client', 700027, 'Client assertion failed signature validation.', 'token_invalid_client'],
    ['unauthorized_client', 700016, "Application with identifier 'x' was not found in the directory 'y'.", 'token_consent_missing'],
    ['invalid_client', 7000229, 'The client application x is missing service principal in the tenant y.', 'token_consent_missing'],
    ['invalid_request', 90002, "Tenant 'y' not found.", 'token_tenant_not_found'],
    ['invalid_request', 900023, "Specified tenant identifier 'undefined' is neither a valid DNS name, nor a valid external domain.", 'token_tenant_not_found'],
    ['invalid_request', 90023, 'The authentication service request is not valid.', 'token_failed'],
    ['invalid_scope', 700023, 'The provided value for the input parameter scope is not valid when requesting an access token.', 'token_scope_invalid'],
    ['invalid_scope', 70011, "The provided value for the input parameter 'scope' is not valid.", 'token_scope_invalid'],
    ['invalid_scope', 1002012, 'The provided value for scope User.Read.All is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).', 'token_scope_invalid'],
    ['invalid_resource', 500011, 'The resource principal named https://graf.microsoft.com was not found in the tenant named y.', 'token_scope_invalid'],
  ])('%s AADSTS%i → %s', (error, aadsts, words, expected) => {
    const coded = toTokenError(entra(error, aadsts, words), TENANT);
    expect(coded.code).toBe(expected);
    expect(coded.message).toContain(`AADSTS${aadsts}`);
  });

  it('an OAuth error without a known AADSTS code still says what it is about', () => {
    expect(toTokenError(new ServerError('invalid_scope', 'c', 'AADSTS28002: scope'), TENANT).code).toBe('token_scope_invalid');
    expect(toTokenError(new ServerError('invalid_client', 'c', 'AADSTS1: something new'), TENANT).code).toBe('token_invalid_client');
    expect(toTokenError(new ServerError('server_error', 'c', 'AADSTS1: something new'), TENANT).code).toBe('token_failed');
  });

  it('msal\'s endpoints_resolution_error is Entra\'s refusal when Entra refused, a network failure when it was out of reach', () => {
    const resolution = new AuthError('endpoints_resolution_error', 'c', 'Endpoints cannot be resolved');
    expect(toTokenError(resolution, TENANT, { refusal: "AADSTS90002: Tenant 'y' not found." }).code).toBe('token_tenant_not_found');
    const unreachable = new MeetNowError('network', 'GET login.example failed: ENOTFOUND getaddrinfo ENOTFOUND login.example');
    const coded = toTokenError(resolution, TENANT, { unreachable });
    expect(coded.code).toBe('network');
    expect(coded.message).toContain('login.example');
    expect(coded.message).not.toContain('endpoints_resolution_error');
  });
});
