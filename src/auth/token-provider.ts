import { AuthError, ConfidentialClientApplication, LogLevel, type Configuration } from '@azure/msal-node';
import type { Logger } from 'pino';
import type { GraphSettings } from '../config';
import { MeetNowError, type ErrorCode } from '../errors';
import type { TokenProvider } from '../meetings/ports';
import type { INetworkModule } from '@azure/msal-node';

/** Confidential clients (and their cached tokens) kept at once; the oldest tenant's go first. */
const MAX_TENANTS = 1_000;

/** Renew this long before expiry so that no Graph call leaves with a token about to lapse. */
const REFRESH_MARGIN_MS = 5 * 60_000;

interface CachedToken {
  accessToken: string;
  expiresAt: number;
}

export interface MsalTokenProviderOptions {
  settings: GraphSettings;
  networkClient: INetworkModule;
  logger: Logger;
  /** Tenant used for every token instead of the activity's (`GRAPH_TENANT_ID`). */
  fixedTenantId?: string;
  /** Observes each real token request (a call that could reach Entra), for metrics and tests. */
  onTokenRequest?: (tenantId: string) => void;
}

/**
 * App-only Graph tokens through msal-node: one confidential client per tenant, msal's cache honoured, and
 * concurrent cold requests for one tenant merged into one token request.
 */
export class MsalTokenProvider implements TokenProvider {
  private readonly clients = new Map<string, ConfidentialClientApplication>();
  private readonly tokens = new Map<string, CachedToken>();
  private readonly inFlight = new Map<string, Promise<string>>();

  constructor(private readonly options: MsalTokenProviderOptions) {}

  getToken(tenantId: string): Promise<string> {
    const tenant = (this.options.fixedTenantId ?? tenantId).toLowerCase();
    const cached = this.tokens.get(tenant);
    if (cached !== undefined && cached.expiresAt - REFRESH_MARGIN_MS > Date.now()) return Promise.resolve(cached.accessToken);
    const pending = this.inFlight.get(tenant);
    if (pending !== undefined) return pending;
    const request = this.acquire(tenant).finally(() => this.inFlight.delete(tenant));
    this.inFlight.set(tenant, request);
    return request;
  }

  private async acquire(tenant: string): Promise<string> {
    this.options.onTokenRequest?.(tenant);
    try {
      const result = await this.client(tenant).acquireTokenByClientCredential({ scopes: [this.options.settings.scope] });
      if (result === null || result.accessToken === '') {
        throw new MeetNowError('token_failed', `no access token returned for tenant ${tenant}`);
      }
      this.tokens.set(tenant, {
        accessToken: result.accessToken,
        expiresAt: result.expiresOn?.getTime() ?? Date.now() + 10 * 60_000,
      });
      return result.accessToken;
    } catch (error) {
      throw toTokenError(error, tenant);
    }
  }

  private client(tenant: string): ConfidentialClientApplication {
    let client = this.clients.get(tenant);
    if (client === undefined) {
      // Tenant ids come from activities: keep the most recent ones, not one client per id ever seen.
      if (this.clients.size >= MAX_TENANTS) {
        const oldest = this.clients.keys().next().value as string;
        this.clients.delete(oldest);
        this.tokens.delete(oldest);
      }
      client = new ConfidentialClientApplication(this.msalConfiguration(tenant));
      this.clients.set(tenant, client);
    }
    return client;
  }

  private msalConfiguration(tenant: string): Configuration {
    const { settings, logger, networkClient } = this.options;
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

const AADSTS_CODES: ReadonlyArray<[RegExp, ErrorCode]> = [
  [/AADSTS(7000215|7000222|700027|700023|7000218|50012)\b/, 'token_invalid_client'],
  [/AADSTS(700016|7000229|650051|650052|65001|500011)\b/, 'token_consent_missing'],
  [/AADSTS(90002|900023|90023)\b/, 'token_tenant_not_found'],
];

/** msal-node errors → coded token errors, keeping Entra's words (never the secret, which msal never echoes). */
export function toTokenError(error: unknown, tenant: string): MeetNowError {
  if (error instanceof MeetNowError) return error;
  const cause = findNetworkCause(error);
  if (cause !== undefined) return cause;
  if (error instanceof AuthError) {
    const text = `${error.errorCode}: ${error.errorMessage}`;
    const match = AADSTS_CODES.find(([pattern]) => pattern.test(error.errorMessage));
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
