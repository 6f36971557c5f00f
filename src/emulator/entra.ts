import { createHash, timingSafeEqual } from 'node:crypto';
import { checkClientAssertion } from './client-assertion';
import type { Directory, DirectoryApp } from './directory';
import { EntraError } from './errors';
import { headerValue, type Exchange, type Reply, type Route } from './exchange';
import { derivedGuid, looksLikeGuid } from './ids';
import { ACCESS_TOKEN_LIFETIME_SECONDS, type TokenSigner } from './tokens';

export interface EntraDeps {
  directory: Directory;
  signer: TokenSigner;
  baseUrl: string;
  /** Other spellings of the base URL a client may have dialled (localhost, [::1]), for assertion audiences. */
  baseUrlAliases: string[];
  graphAudience: string;
}

const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

/**
 * Entra's answer for a tenant it does not know: AADSTS90002 (InvalidTenantName) for a GUID or a domain name it
 * has no tenant for, AADSTS900023 for an identifier that is neither (as Entra words it, e.g. for 'undefined').
 * https://learn.microsoft.com/entra/identity-platform/reference-error-codes#aadsts-error-codes
 */
function tenantNotFound(tenant: string, error: string): EntraError {
  if (!looksLikeGuid(tenant) && !tenant.includes('.')) {
    return new EntraError(400, error, 900023, `Specified tenant identifier '${tenant}' is neither a valid DNS name, nor a valid external domain.`);
  }
  return new EntraError(
    400,
    error,
    90002,
    `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.`,
  );
}

const OIDC_SCOPES = new Set(['openid', 'profile', 'email', 'offline_access']);

/**
 * Entra's answers to a client-credentials scope other than `<resource>/.default`, in the order it checks them
 * (https://learn.microsoft.com/entra/identity-platform/reference-error-codes#aadsts-error-codes):
 * only OpenID scopes → AADSTS700023 InvalidResourcelessScope; a permission instead of /.default → AADSTS1002012
 * (the wording quoted in https://github.com/MicrosoftDocs/azure-docs/issues/99862); two resources →
 * AADSTS700022 InvalidMultipleResourcesScope; a resource the tenant has no service principal for →
 * AADSTS500011 InvalidResourceServicePrincipalNotFound.
 */
function scopeProblem(scope: string, audience: string, tenant: string): EntraError | undefined {
  const scopes = scope.split(' ').filter((s) => s !== '');
  const resourceScopes = scopes.filter((s) => !OIDC_SCOPES.has(s.toLowerCase()));
  if (resourceScopes.length === 0) {
    return new EntraError(400, 'invalid_scope', 700023, `The provided value for the input parameter scope '${scope}' is not valid when requesting an access token.`);
  }
  const permission = resourceScopes.find((s) => !s.endsWith('/.default'));
  if (permission !== undefined) {
    return new EntraError(
      400,
      'invalid_scope',
      1002012,
      `The provided value for scope ${permission} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
    );
  }
  const resources = [...new Set(resourceScopes.map((s) => s.slice(0, -'/.default'.length)))];
  if (resources.length > 1) {
    return new EntraError(400, 'invalid_scope', 700022, `The provided value for the input parameter scope is not valid because it contains more than one resource. Scope ${scope} is not valid.`);
  }
  const resource = resources[0] ?? '';
  if (resource.toLowerCase() !== audience.toLowerCase()) {
    return new EntraError(
      400,
      'invalid_resource',
      500011,
      `The resource principal named ${resource} was not found in the tenant named ${tenant}. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.`,
    );
  }
  return undefined;
}

function missingParameter(name: string): EntraError {
  return new EntraError(400, 'invalid_request', 900144, `The request body must contain the following parameter: '${name}'.`);
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** login.microsoftonline.com: OIDC discovery, JWKS and the v2 token endpoint (client credentials). */
export function entraRoutes(deps: EntraDeps): Route[] {
  const { directory, signer, baseUrl } = deps;

  const requireTenant = (segment: string, error: string): string => {
    const tenant = directory.resolveTenant(decodeSegment(segment));
    if (tenant === undefined) throw tenantNotFound(decodeSegment(segment), error);
    return tenant;
  };

  const openIdConfiguration = async (_ex: Exchange, [segment = '']: string[]): Promise<Reply> => {
    const tenant = requireTenant(segment, 'invalid_tenant');
    const root = `${baseUrl}/${tenant}`;
    return {
      status: 200,
      body: {
        token_endpoint: `${root}/oauth2/v2.0/token`,
        token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
        jwks_uri: `${root}/discovery/v2.0/keys`,
        response_modes_supported: ['query', 'fragment', 'form_post'],
        subject_types_supported: ['pairwise'],
        id_token_signing_alg_values_supported: ['RS256'],
        response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
        scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
        issuer: `${root}/v2.0`,
        request_uri_parameter_supported: false,
        userinfo_endpoint: `${deps.graphAudience}/oidc/userinfo`,
        authorization_endpoint: `${root}/oauth2/v2.0/authorize`,
        device_authorization_endpoint: `${root}/oauth2/v2.0/devicecode`,
        http_logout_supported: true,
        frontchannel_logout_supported: true,
        end_session_endpoint: `${root}/oauth2/v2.0/logout`,
        claims_supported: ['sub', 'iss', 'cloud_instance_name', 'cloud_instance_host_name', 'cloud_graph_host_name', 'msgraph_host', 'aud', 'exp', 'iat', 'auth_time', 'acr', 'nonce', 'preferred_username', 'name', 'tid', 'ver', 'at_hash', 'c_hash', 'email'],
        kerberos_endpoint: `${root}/kerberos`,
        tenant_region_scope: 'NA',
        cloud_instance_name: 'microsoftonline.com',
        cloud_graph_host_name: 'graph.windows.net',
        msgraph_host: new URL(deps.graphAudience).host,
        rbac_url: 'https://pas.windows.net',
      },
    };
  };

  const keys = async (_ex: Exchange, [segment = '']: string[]): Promise<Reply> => {
    requireTenant(segment, 'invalid_tenant');
    return { status: 200, body: signer.jwks };
  };

  // msal asks this only for authorities missing from knownAuthorities; answered so such a client still works.
  const instanceDiscovery = async (ex: Exchange): Promise<Reply> => {
    const host = new URL(baseUrl).host;
    const authorize = ex.query.get('authorization_endpoint') ?? `${baseUrl}/common/oauth2/v2.0/authorize`;
    const tenant = /^https?:\/\/[^/]+\/([^/]+)\//.exec(authorize)?.[1] ?? 'common';
    return {
      status: 200,
      body: {
        tenant_discovery_endpoint: `${baseUrl}/${tenant}/v2.0/.well-known/openid-configuration`,
        'api-version': '1.1',
        metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
      },
    };
  };

  const token = async (ex: Exchange, [segment = '']: string[]): Promise<Reply> => {
    const contentType = headerValue(ex.headers, 'content-type')?.toLowerCase() ?? '';
    const form = contentType.startsWith('application/x-www-form-urlencoded')
      ? new URLSearchParams(ex.rawBody.toString('utf8'))
      : new URLSearchParams();
    const tenant = requireTenant(segment, 'invalid_request');

    const grantType = form.get('grant_type');
    if (!grantType) throw missingParameter('grant_type');
    if (grantType !== 'client_credentials') {
      throw new EntraError(400, 'unsupported_grant_type', 70003, `The app requested an unsupported grant type '${grantType}'.`);
    }

    const basic = parseBasicAuth(headerValue(ex.headers, 'authorization'));
    const clientId = form.get('client_id') ?? basic?.clientId;
    if (!clientId) throw missingParameter('client_id');
    const app = directory.findApp(clientId);
    if (app === undefined) {
      throw new EntraError(
        400,
        'unauthorized_client',
        700016,
        `Application with identifier '${clientId}' was not found in the directory '${tenant}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
      );
    }
    if (!directory.isConsented(app, tenant)) {
      // What Entra answers when the app has no service principal (no consent) in the tenant.
      throw new EntraError(
        401,
        'invalid_client',
        7000229,
        `The client application ${app.clientId} is missing service principal in the tenant ${tenant}. See instructions here: https://go.microsoft.com/fwlink/?linkid=2225119`,
      );
    }

    const scope = form.get('scope');
    if (!scope) throw missingParameter('scope');
    const problem = scopeProblem(scope, deps.graphAudience, tenant);
    if (problem !== undefined) throw problem;

    const appidacr = await authenticateClient(app, [tenant, decodeSegment(segment)], form, basic?.secret, deps);
    const accessToken = await signer.mint({
      tenantId: tenant,
      clientId: app.clientId,
      objectId: derivedGuid('service-principal', app.clientId.toLowerCase(), tenant),
      audience: deps.graphAudience,
      roles: app.roles,
      appidacr,
    });
    return {
      status: 200,
      headers: { 'Cache-Control': 'no-store, no-cache', Pragma: 'no-cache' },
      body: {
        token_type: 'Bearer',
        expires_in: ACCESS_TOKEN_LIFETIME_SECONDS,
        ext_expires_in: ACCESS_TOKEN_LIFETIME_SECONDS,
        access_token: accessToken,
      },
    };
  };

  return [
    { kind: 'discovery', method: 'GET', pattern: /^\/([^/]+)\/v2\.0\/\.well-known\/openid-configuration$/, handle: openIdConfiguration },
    { kind: 'discovery', method: 'GET', pattern: /^\/([^/]+)\/\.well-known\/openid-configuration$/, handle: openIdConfiguration },
    { kind: 'discovery', method: 'GET', pattern: /^\/([^/]+)\/discovery\/(?:v2\.0\/)?keys$/, handle: keys },
    { kind: 'discovery', method: 'GET', pattern: /^\/common\/discovery\/instance$/, handle: instanceDiscovery },
    { kind: 'token', method: 'POST', pattern: /^\/([^/]+)\/oauth2\/v2\.0\/token$/, handle: token },
  ];
}

/** Verifies the secret or the certificate assertion; returns `appidacr` ('1' secret, '2' certificate). */
async function authenticateClient(
  app: DirectoryApp,
  /** The canonical tenant id and the spelling the client used in its URL. */
  tenantSpellings: string[],
  form: URLSearchParams,
  basicSecret: string | undefined,
  deps: EntraDeps,
): Promise<'1' | '2'> {
  const secret = form.get('client_secret') ?? basicSecret;
  if (secret !== undefined && secret !== null) {
    if (app.clientSecret === undefined || !sameSecret(secret, app.clientSecret)) {
      throw new EntraError(
        401,
        'invalid_client',
        7000215,
        `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${app.clientId}'.`,
      );
    }
    return '1';
  }
  const assertion = form.get('client_assertion');
  if (assertion === null) {
    throw new EntraError(401, 'invalid_client', 7000218, "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.");
  }
  const assertionType = form.get('client_assertion_type');
  if (assertionType !== JWT_BEARER) {
    throw new EntraError(400, 'invalid_request', 50027, `Invalid client_assertion_type '${assertionType ?? ''}'. Expected '${JWT_BEARER}'.`);
  }
  const audiences = [deps.baseUrl, ...deps.baseUrlAliases].flatMap((base) =>
    tenantSpellings.flatMap((tenant) => [`${base}/${tenant}/oauth2/v2.0/token`, `${base}/${tenant}/oauth2/token`]),
  );
  const problem = await checkClientAssertion(assertion, app.clientId, app.certificate, audiences);
  if (problem !== undefined) throw new EntraError(401, 'invalid_client', 700027, problem);
  return '2';
}

function sameSecret(given: string, expected: string): boolean {
  const digest = (s: string): Buffer => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

function parseBasicAuth(header: string | undefined): { clientId: string; secret: string } | undefined {
  const match = header === undefined ? null : /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header);
  if (match?.[1] === undefined) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { clientId: decodeSegment(decoded.slice(0, colon)), secret: decodeSegment(decoded.slice(colon + 1)) };
}
