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
const LASTING_FAILURES: ReadonlySet<ErrorCode> = new Set(['token_invalid_client', 'token_consent_missing', 'token_tenant_not_found']);

interface TenantClient {
  client: ConfidentialClientApplication;
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

const DISCOVERY = /\/([^/?]+)\/v2\.0\/\.well-known\/openid-configuration(?:\?|$)/;

/**
 * msal reduces a failed OIDC discovery to `endpoints_resolution_error`, whether Entra was out of reach or
 * said that the tenant does not exist (AADSTS90002). This keeps Entra's refusal per tenant, and the network
 * failure (a refused connection, a proxy refusing its tunnel) that kept the answer from coming, so that
 * the error can tell them apart.
 */
class DiscoveryRefusals implements INetworkModule {
  private readonly refusals = new BoundedMap<string, string>({ maxEntries: MAX_TENANTS });
  private readonly unreachable = new BoundedMap<string, MeetNowError>({ maxEntries: MAX_TENANTS });

  constructor(private readonly inner: INetworkModule) {}

  async sendGetRequestAsync<T>(url: string, options?: NetworkRequestOptions, timeout?: number): Promise<NetworkResponse<T>> {
    const tenant = DISCOVERY.exec(url)?.[1]?.toLowerCase();
    let response: NetworkResponse<T>;
    try {
      response = await this.inner.sendGetRequestAsync<T>(url, options, timeout);
    } catch (error) {
      if (tenant !== undefined && error instanceof MeetNowError) this.unreachable.set(tenant, error);
      throw error;
    }
    if (tenant !== undefined) {
      this.refusals.delete(tenant);
      const description = (response.body as { error_description?: unknown } | undefined)?.error_description;
      if (response.status >= 400 && typeof description === 'string') this.refusals.set(tenant, description);
    }
    return response;
  }

  sendPostRequestAsync<T>(url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
    return this.inner.sendPostRequestAsync<T>(url, options);
  }

  /** Entra's words when it refused the tenant's discovery (once: the entry is forgotten). */
  take(tenant: string): string | undefined {
    const refusal = this.refusals.get(tenant);
    this.refusals.delete(tenant);
    return refusal;
  }

  /** The network failure of the tenant's last discovery, if it failed so (once: the entry is forgotten). */
  takeUnreachable(tenant: string): MeetNowError | undefined {
    const failure = this.unreachable.get(tenant);
    this.unreachable.delete(tenant);
    return failure;
  }
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
  private readonly network: DiscoveryRefusals;

  constructor(private readonly options: MsalTokenProviderOptions) {
    this.failureMemoryMs = options.failureMemoryMs ?? 60_000;
    this.now = options.now ?? Date.now;
    this.network = new DiscoveryRefusals(options.networkClient);
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
    try {
      const entry = this.client(tenant);
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
      const refusal = this.network.take(tenant);
      const coded = this.network.takeUnreachable(tenant) ?? toTokenError(error, tenant, refusal);
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
      entry = { client: new ConfidentialClientApplication(this.msalConfiguration(tenant)) };
      this.clients.set(tenant, entry);
    }
    return entry;
  }

  private msalConfiguration(tenant: string): Configuration {
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
        networkClient: this.network,
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

const AADSTS_CODES: ReadonlyArray<[RegExp, ErrorCode]> = [
  [/AADSTS(7000215|7000222|700027|700023|7000218|50012)\b/, 'token_invalid_client'],
  [/AADSTS(700016|7000229|650051|650052|65001|500011)\b/, 'token_consent_missing'],
  [/AADSTS(90002|900023|90023)\b/, 'token_tenant_not_found'],
];

/**
 * msal-node errors → coded token errors, keeping Entra's words (never the secret, which msal never echoes).
 * `discoveryRefusal`: Entra's answer to the tenant's OIDC discovery, which msal reports only as
 * `endpoints_resolution_error`.
 */
export function toTokenError(error: unknown, tenant: string, discoveryRefusal?: string): MeetNowError {
  if (error instanceof MeetNowError) return error;
  const cause = findNetworkCause(error);
  if (cause !== undefined) return cause;
  if (error instanceof AuthError) {
    const entraSaid = discoveryRefusal !== undefined && error.errorCode === 'endpoints_resolution_error' ? discoveryRefusal : error.errorMessage;
    const text = `${error.errorCode}: ${entraSaid}`;
    const match = AADSTS_CODES.find(([pattern]) => pattern.test(entraSaid));
    let code: ErrorCode = match?.[1] ?? 'token_failed';
    if (match === undefined && error.errorCode === 'invalid_client') code = 'token_invalid_client';
    if (match === undefined && error.errorCode === 'unauthorized_client') code = 'token_consent_missing';
    return new MeetNowError(code, `token request for tenant ${tenant} failed: ${firstLine(text)}`, {
      cause: error,
      graphCode: error.errorCode,
      requestId: error.correlationId,
    });
  }
  return new MeetNowError('token_failed', `token request for tenant ${tenant} failed: ${String(error)}`, { cause: error });
}

function findNetworkCause(error: unknown): MeetNowError | undefined {
  for (let current: unknown = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth++) {
    if (current instanceof MeetNowError) return current;
  }
  return undefined;
}

function firstLine(text: string): string {
  return text.split(/\r?\n/)[0] ?? text;
}
