import { AuthError, ConfidentialClientApplication, LogLevel, type Configuration } from '@azure/msal-node';
import type { Logger } from 'pino';
import { BoundedMap } from '../bounded-map';
import type { GraphSettings } from '../config';
import { MeetNowError, type ErrorCode } from '../errors';
import type { TokenProvider, TokenRequestOptions } from '../meetings/ports';
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';

/**
 * Tenants remembered at once (a confidential client and its token, a failure, a discovery refusal): tenant
 * ids come from activities, so the most recent are kept, not one entry per id ever seen.
 */
const MAX_TENANTS = 1_000;

/** Renew this long before expiry so that no Graph call leaves with a token about to lapse. */
const REFRESH_MARGIN_MS = 5 * 60_000;

interface CachedToken {
  accessToken: string;
  expiresAt: number;
}

/**
 * Token failures that an admin has to fix (credential, consent, tenant): asking Entra again within seconds
 * gets the same answer. Throttling, 5xx and network failures are not among them: the retry handles those.
 */
const LASTING_FAILURES: ReadonlySet<ErrorCode> = new Set(['token_invalid_client', 'token_consent_missing', 'token_tenant_not_found', 'token_scope_invalid']);

interface TenantClient {
  client: ConfidentialClientApplication;
  exchanges: EntraExchanges;
  token?: CachedToken;
}

interface RememberedFailure {
  error: MeetNowError;
  at: number;
}

export interface MsalTokenProviderOptions {
  settings: GraphSettings;
  networkClient: INetworkModule;
  logger: Logger;
  /** Tenant used for every token instead of the activity's (`GRAPH_TENANT_ID`). */
  fixedTenantId?: string;
  /** Observes each real token request (a call that could reach Entra), for metrics and tests. */
  onTokenRequest?: (tenantId: string) => void;
  /**
   * How long a lasting failure (no consent, unknown tenant, rejected credential) answers that tenant's
   * requests without asking Entra again: a flood from a tenant without consent costs one Entra request per
   * period, not one per message. Default 60 s; 0 remembers nothing (the doctor).
   */
  failureMemoryMs?: number;
  now?: () => number;
}

/**
 * msal reduces what went wrong on the way to Entra to `endpoints_resolution_error` (a failed OIDC discovery,
 * whether Entra was out of reach or said the tenant does not exist, AADSTS90002) or `network_error` (a failed
 * token request), keeping neither the cause nor the host. One of these per tenant client remembers the last
 * exchange's failure — Entra's refusal of the discovery, or the network error naming the host — so the coded
 * error can tell them apart. A tenant's requests are single-flight, so the last failure is this request's.
 */
class EntraExchanges implements INetworkModule {
  private lastFailure: ExchangeFailure | undefined;

  constructor(private readonly inner: INetworkModule) {}

  async sendGetRequestAsync<T>(url: string, options?: NetworkRequestOptions, timeout?: number): Promise<NetworkResponse<T>> {
    const response = await this.watch(() => this.inner.sendGetRequestAsync<T>(url, options, timeout));
    const description = (response.body as { error_description?: unknown } | undefined)?.error_description;
    if (response.status >= 400 && typeof description === 'string') this.lastFailure = { refusal: description };
    return response;
  }

  sendPostRequestAsync<T>(url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
    return this.watch(() => this.inner.sendPostRequestAsync<T>(url, options));
  }

  /** The failure of the request that just failed (once: it is forgotten). */
  take(): ExchangeFailure | undefined {
    const failure = this.lastFailure;
    this.lastFailure = undefined;
    return failure;
  }

  private async watch<R>(send: () => Promise<R>): Promise<R> {
    this.lastFailure = undefined;
    try {
      return await send();
    } catch (error) {
      if (error instanceof MeetNowError && error.code === 'network') this.lastFailure = { unreachable: error };
      throw error;
    }
  }
}

/** What msal's error does not say: Entra's words when it refused the discovery, or the network error. */
interface ExchangeFailure {
  refusal?: string;
  unreachable?: MeetNowError;
}

/**
 * App-only Graph tokens through msal-node: one confidential client per tenant, msal's cache honoured, and
 * concurrent cold requests for one tenant merged into one token request.
 */
export class MsalTokenProvider implements TokenProvider {
  private readonly clients = new BoundedMap<string, TenantClient>({ maxEntries: MAX_TENANTS });
  private readonly inFlight = new Map<string, Promise<string>>();
  private readonly failures = new BoundedMap<string, RememberedFailure>({ maxEntries: MAX_TENANTS });
  private readonly failureMemoryMs: number;
  private readonly now: () => number;

  constructor(private readonly options: MsalTokenProviderOptions) {
    this.failureMemoryMs = options.failureMemoryMs ?? 60_000;
    this.now = options.now ?? Date.now;
  }

  getToken(tenantId: string, options: TokenRequestOptions = {}): Promise<string> {
    const tenant = (this.options.fixedTenantId ?? tenantId).toLowerCase();
    const cached = this.clients.get(tenant)?.token;
    if (cached !== undefined && cached.expiresAt - REFRESH_MARGIN_MS > this.now()) return Promise.resolve(cached.accessToken);
    const failure = options.ignoreRecentFailure === true ? undefined : this.recentFailure(tenant);
    if (failure !== undefined) return Promise.reject(failure);
    const pending = this.inFlight.get(tenant);
    if (pending !== undefined) return pending;
    const request = this.acquire(tenant).finally(() => this.inFlight.delete(tenant));
    this.inFlight.set(tenant, request);
    return request;
  }

  private async acquire(tenant: string): Promise<string> {
    this.options.onTokenRequest?.(tenant);
    const entry = this.client(tenant);
    try {
      const result = await entry.client.acquireTokenByClientCredential({ scopes: [this.options.settings.scope] });
      if (result === null || result.accessToken === '') {
        throw new MeetNowError('token_failed', `no access token returned for tenant ${tenant}`);
      }
      entry.token = {
        accessToken: result.accessToken,
        expiresAt: result.expiresOn?.getTime() ?? this.now() + 10 * 60_000,
      };
      this.failures.delete(tenant);
      return result.accessToken;
    } catch (error) {
      const coded = toTokenError(error, tenant, entry.exchanges.take());
      if (LASTING_FAILURES.has(coded.code)) this.rememberFailure(tenant, coded);
      throw coded;
    }
  }

  /** The same coded error as the failure remembered for the tenant, while it is remembered. */
  private recentFailure(tenant: string): MeetNowError | undefined {
    const failure = this.failures.get(tenant);
    if (failure === undefined) return undefined;
    const age = this.now() - failure.at;
    if (age >= this.failureMemoryMs) {
      this.failures.delete(tenant);
      return undefined;
    }
    const { error } = failure;
    const seconds = Math.ceil((this.failureMemoryMs - age) / 1_000);
    return new MeetNowError(error.code, `${error.message} (${Math.round(age / 1_000)} s ago; Entra is asked again in ${seconds} s)`, {
      cause: error,
      graphCode: error.graphCode,
      requestId: error.requestId,
    });
  }

  private rememberFailure(tenant: string, error: MeetNowError): void {
    if (this.failureMemoryMs <= 0) return;
    this.failures.set(tenant, { error, at: this.now() });
  }

  private client(tenant: string): TenantClient {
    let entry = this.clients.get(tenant);
    if (entry === undefined) {
      const exchanges = new EntraExchanges(this.options.networkClient);
      entry = { client: new ConfidentialClientApplication(this.msalConfiguration(tenant, exchanges)), exchanges };
      this.clients.set(tenant, entry);
    }
    return entry;
  }

  private msalConfiguration(tenant: string, networkClient: INetworkModule): Configuration {
    const { settings, logger } = this.options;
    const credential =
      settings.credential.kind === 'secret'
        ? { clientSecret: settings.credential.secret }
        : {
            clientCertificate: {
              thumbprintSha256: settings.credential.thumbprintSha256,
              privateKey: settings.credential.privateKeyPem,
              x5c: settings.credential.x5c,
            },
          };
    return {
      auth: {
        clientId: settings.clientId,
        authority: `${settings.authorityHost}/${tenant}`,
        // A host listed here is trusted as it is: no instance discovery call to Microsoft.
        knownAuthorities: [new URL(settings.authorityHost).host],
        ...credential,
      },
      system: {
        networkClient,
        loggerOptions: {
          piiLoggingEnabled: false,
          logLevel: LogLevel.Warning,
          // msal warns on every client-credentials token ("No client info in response"): that is noise at
          // warn. Its errors also surface as coded token errors, logged where the turn fails.
          loggerCallback: (level, message) => {
            if (level === LogLevel.Error) logger.warn({ msal: true }, message);
            else logger.debug({ msal: true }, message);
          },
        },
      },
    };
  }
}

/**
 * Entra's AADSTS codes by what the admin must fix, from
 * https://learn.microsoft.com/entra/identity-platform/reference-error-codes#aadsts-error-codes (codes not in
 * that table are Entra's own words, looked up at https://login.microsoftonline.com/error?code=<code>).
 * Anything else (AADSTS90023 InvalidRequest among them) is a plain `token_failed`.
 */
const AADSTS_CODES: ReadonlyArray<[RegExp, ErrorCode]> = [
  // 7000215 invalid secret, 7000222 expired secret, 700027 assertion signature, 7000218 no credential,
  // 50012 AuthenticationFailed (certificate), 70002 InvalidClient.
  [/AADSTS(7000215|7000222|700027|7000218|50012|70002)\b/, 'token_invalid_client'],
  // 700016 app not in the tenant, 7000229 no service principal (not consented), 65001 DelegationDoesNotExist,
  // 650052 a service the organization has not subscribed to.
  [/AADSTS(700016|7000229|650052|65001)\b/, 'token_consent_missing'],
  // 90002 InvalidTenantName; 900023 a tenant identifier that is neither a GUID nor a domain.
  [/AADSTS(90002|900023)\b/, 'token_tenant_not_found'],
  // GRAPH_SCOPE: 70011 InvalidScope, 1002012 no /.default, 700022 two resources, 700023 InvalidResourcelessScope,
  // 28002 invalid scope, 500011 and 50001 a resource (the Graph in GRAPH_SCOPE) that does not exist.
  [/AADSTS(70011|1002012|700022|700023|28002|500011|50001)\b/, 'token_scope_invalid'],
];

/**
 * OAuth `error` values (RFC 6749 §5.2, as Entra uses them) when Entra gave no AADSTS code MeetNow knows, and
 * msal's own refusal of a GRAPH_SCOPE it strips to nothing (only OpenID scopes such as `openid`).
 */
const OAUTH_ERRORS: ReadonlyMap<string, ErrorCode> = new Map([
  ['invalid_client', 'token_invalid_client'],
  ['unauthorized_client', 'token_consent_missing'],
  ['invalid_scope', 'token_scope_invalid'],
  ['invalid_resource', 'token_scope_invalid'],
  ['empty_input_scopes_error', 'token_scope_invalid'],
]);

/**
 * msal-node errors → coded token errors, keeping Entra's words (never the secret, which msal never echoes).
 * `failure`: what msal's error leaves out — Entra's refusal of the tenant's discovery, or the network error
 * (DNS, refused connection, timeout) that kept the request from Entra, which makes the error `network`.
 */
export function toTokenError(error: unknown, tenant: string, failure: ExchangeFailure = {}): MeetNowError {
  if (error instanceof MeetNowError) return error;
  if (failure.unreachable !== undefined) {
    return new MeetNowError('network', `token request for tenant ${tenant} failed: Entra could not be reached (${failure.unreachable.message})`, {
      cause: failure.unreachable,
    });
  }
  if (error instanceof AuthError) {
    const entraSaid = failure.refusal !== undefined && error.errorCode === 'endpoints_resolution_error' ? failure.refusal : error.errorMessage;
    const text = `${error.errorCode}: ${entraSaid}`;
    const match = AADSTS_CODES.find(([pattern]) => pattern.test(entraSaid));
    const code: ErrorCode = match?.[1] ?? OAUTH_ERRORS.get(error.errorCode) ?? 'token_failed';
    return new MeetNowError(code, `token request for tenant ${tenant} failed: ${firstLine(text)}`, {
      cause: error,
      graphCode: error.errorCode,
      requestId: error.correlationId,
    });
  }
  return new MeetNowError('token_failed', `token request for tenant ${tenant} failed: ${String(error)}`, { cause: error });
}

function firstLine(text: string): string {
  return text.split(/\r?\n/)[0] ?? text;
}
