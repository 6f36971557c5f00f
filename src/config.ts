import { X509Certificate, createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { MeetNowError } from './errors';
import type { RateLimit } from './meetings/ports';
import { DEFAULT_MAX_CONNECTIONS_PER_CLIENT, DEFAULT_METRICS_PORT, METRICS_OFF, parseVars, type Problems, type Vars } from './config-vars';
import type { ConnectionLimits } from './http/connection-guard';
import type { ProxySettings } from './http/http-client';

/** Microsoft's production endpoints: the defaults whenever real credentials are configured. */
export const PRODUCTION_AUTHORITY_HOST = 'https://login.microsoftonline.com';
export const PRODUCTION_GRAPH_BASE_URL = 'https://graph.microsoft.com';
export const PRODUCTION_GRAPH_SCOPE = 'https://graph.microsoft.com/.default';

export type MeetingsApiKind = 'users' | 'app';
/** What a `/meet` with a time becomes (DESIGN §3): an Outlook event holding a Teams meeting, or a standalone meeting. */
export type ScheduledMeetingsKind = 'calendar' | 'online';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
/** `auto`: pretty when stdout is a terminal, JSON lines otherwise. */
export type LogFormat = 'auto' | 'json' | 'pretty';

/** Prometheus `/metrics` listens here (`METRICS_PORT`, `METRICS_HOST`); undefined when `METRICS_PORT=off`. */
export interface MetricsSettings {
  host: string;
  port: number;
}

export type GraphCredential =
  | { kind: 'secret'; secret: string }
  | { kind: 'certificate'; privateKeyPem: string; thumbprintSha256: string; x5c: string };

/** Where Graph and Entra are and how the bot proves itself to them. */
export interface GraphSettings {
  clientId: string;
  credential: GraphCredential;
  authorityHost: string;
  baseUrl: string;
  scope: string;
  /** Extra trusted CA (PEM) — only the embedded emulator's self-signed certificate. */
  caPem?: string;
}

export interface Config {
  port: number;
  /** Addresses to listen on. */
  hosts: string[];
  /** Caps on the bot port's open connections (`HTTP_MAX_CONNECTIONS`, `HTTP_MAX_CONNECTIONS_PER_CLIENT`). */
  connections: ConnectionLimits;
  /** `HOST` as set; undefined when the default of `PORT`'s description applies (messages name the variables that chose the address). */
  hostOverride: string | undefined;
  /** True when `MicrosoftAppId` is set: every inbound activity must carry a valid Bot Framework JWT. */
  botAuthEnabled: boolean;
  botAppId: string;
  /** The whole environment, handed to botbuilder's ConfigurationBotFrameworkAuthentication. */
  botFrameworkSettings: Readonly<Record<string, string | undefined>>;
  /** `undefined` means: start the embedded Entra + Graph emulator and use it. */
  graph: GraphSettings | undefined;
  graphTenantId: string | undefined;
  meetingsApi: MeetingsApiKind;
  /** `SCHEDULED_MEETINGS`: `calendar` (default) books a meeting with a time as a calendar event; `online` as today. */
  scheduledMeetings: ScheduledMeetingsKind;
  /** Offer HTTP/2 to Graph and Entra (`GRAPH_HTTP2`, default on); off for a proxy or middlebox that breaks it. */
  graphHttp2: boolean;
  allowedTenants: ReadonlySet<string>;
  identityMapPath: string | undefined;
  /** Shared dedupe memory for several instances (`REDIS_URL`); undefined: in-memory, one instance. */
  redisUrl: string | undefined;
  logLevel: LogLevel;
  logFormat: LogFormat;
  metrics: MetricsSettings | undefined;
  /** Meetings one organizer may start (`MEET_RATE_LIMIT`); undefined: no limit. */
  organizerRateLimit: RateLimit | undefined;
  /** Meetings one tenant's users may start together (`MEET_TENANT_RATE_LIMIT`); undefined: no limit. */
  tenantRateLimit: RateLimit | undefined;
  /** The tenant /readyz asks a token for: `GRAPH_TENANT_ID`, else `MicrosoftAppTenantId`; undefined: not probed. */
  readinessTenantId: string | undefined;
  /** Outbound proxies (`HTTPS_PROXY`, `HTTP_PROXY`, `NO_PROXY`); undefined: none is set, every call is direct. */
  proxy: ProxySettings | undefined;
}

function readCertificate(path: string, problems: Problems): GraphCredential | undefined {
  let pem: string;
  try {
    pem = readFileSync(path, 'utf8');
  } catch (error) {
    problems.push(`GRAPH_CLIENT_CERTIFICATE_PATH: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    return undefined;
  }
  const keyMatch = /-----BEGIN (?:RSA |EC )?PRIVATE KEY-----[\s\S]+?-----END (?:RSA |EC )?PRIVATE KEY-----/.exec(pem);
  const certMatch = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(pem);
  if (!keyMatch || !certMatch) {
    problems.push('GRAPH_CLIENT_CERTIFICATE_PATH: the PEM file must hold both a private key and a certificate');
    return undefined;
  }
  try {
    const certificate = new X509Certificate(certMatch[0]);
    // msal-node wants a PKCS#8 key; accept PKCS#1 / SEC1 files too by converting them.
    const privateKeyPem = createPrivateKey(keyMatch[0]).export({ format: 'pem', type: 'pkcs8' }).toString();
    return {
      kind: 'certificate',
      privateKeyPem,
      thumbprintSha256: certificate.fingerprint256.replace(/:/g, ''),
      x5c: certMatch[0],
    };
  } catch (error) {
    problems.push(`GRAPH_CLIENT_CERTIFICATE_PATH: ${path} is not a valid PEM key and certificate (${(error as Error).message})`);
    return undefined;
  }
}


/**
 * Reads the environment once and returns a frozen configuration, or throws one `config_invalid` error whose
 * message lists every problem found.
 */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const problems: Problems = [];
  const vars = parseVars(env, problems);

  const clientId = vars.GRAPH_CLIENT_ID ?? vars.MicrosoftAppId;
  const embedded = clientId === undefined && vars.GRAPH_BASE_URL === undefined && vars.AUTHORITY_HOST === undefined;

  if (embedded && vars.NODE_ENV === 'production') {
    // DESIGN §3: a production container started without its configuration must not hand out fake join links.
    problems.push(
      'GRAPH_CLIENT_ID: no Graph configuration, and NODE_ENV=production never falls back to the embedded emulator: set GRAPH_CLIENT_ID and GRAPH_CLIENT_SECRET (or GRAPH_CLIENT_CERTIFICATE_PATH), or MicrosoftAppId and MicrosoftAppPassword',
    );
  }

  let graph: GraphSettings | undefined;
  if (!embedded) {
    let credential: GraphCredential | undefined;
    if (clientId === undefined) {
      problems.push('GRAPH_CLIENT_ID: required when GRAPH_BASE_URL or AUTHORITY_HOST is set (or set MicrosoftAppId)');
    } else if (vars.GRAPH_CLIENT_CERTIFICATE_PATH !== undefined) {
      credential = readCertificate(vars.GRAPH_CLIENT_CERTIFICATE_PATH, problems);
    } else {
      const secret = vars.GRAPH_CLIENT_SECRET ?? (vars.GRAPH_CLIENT_ID === undefined ? vars.MicrosoftAppPassword : undefined);
      if (secret === undefined) {
        problems.push(
          'GRAPH_CLIENT_SECRET: a client secret or GRAPH_CLIENT_CERTIFICATE_PATH is required for the Graph app ' +
            (vars.GRAPH_CLIENT_ID === undefined ? '(MicrosoftAppPassword is used when GRAPH_CLIENT_ID is empty)' : ''),
        );
      } else {
        credential = { kind: 'secret', secret };
      }
    }
    if (clientId !== undefined && credential !== undefined) {
      graph = {
        clientId,
        credential,
        authorityHost: vars.AUTHORITY_HOST ?? PRODUCTION_AUTHORITY_HOST,
        baseUrl: vars.GRAPH_BASE_URL ?? PRODUCTION_GRAPH_BASE_URL,
        scope: vars.GRAPH_SCOPE ?? PRODUCTION_GRAPH_SCOPE,
      };
    }
  }

  // botbuilder's ConfigurationServiceClientCredentialFactory asserts these at start-up; said here with the rest.
  const appType = vars.MicrosoftAppType;
  if (appType === 'SingleTenant' || appType === 'UserAssignedMSI') {
    if (vars.MicrosoftAppTenantId === undefined) problems.push(`MicrosoftAppTenantId: required when MicrosoftAppType is ${appType}`);
    if (vars.MicrosoftAppId === undefined) {
      problems.push(`MicrosoftAppId: required when MicrosoftAppType is ${appType} (${appType === 'UserAssignedMSI' ? "the managed identity's client id" : "the bot's app id"})`);
    }
  }
  if (appType === 'SingleTenant' && vars.MicrosoftAppPassword === undefined && vars.CertificateThumbprint === undefined) {
    problems.push("MicrosoftAppPassword: required when MicrosoftAppType is SingleTenant (the bot app's client secret, or botbuilder's CertificateThumbprint and CertificatePrivateKey)");
  }
  if (appType === 'UserAssignedMSI') {
    // A managed identity has no secret or certificate that MeetNow could also use for Graph.
    if (vars.MicrosoftAppPassword !== undefined) problems.push('MicrosoftAppPassword: must be empty when MicrosoftAppType is UserAssignedMSI (a managed identity has no password)');
    if (vars.GRAPH_CLIENT_ID === undefined) {
      problems.push('GRAPH_CLIENT_ID: required when MicrosoftAppType is UserAssignedMSI: Graph needs its own app registration with GRAPH_CLIENT_SECRET or GRAPH_CLIENT_CERTIFICATE_PATH');
    }
  }
  if (problems.length > 0) {
    throw new MeetNowError('config_invalid', `Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }

  const botAuthEnabled = vars.MicrosoftAppId !== undefined;
  // Local mode has no inbound authentication, so it must not be reachable from other machines.
  const hosts = vars.HOST !== undefined ? [vars.HOST] : botAuthEnabled ? ['::'] : ['127.0.0.1', '::1'];

  return Object.freeze({
    port: vars.PORT,
    hosts,
    hostOverride: vars.HOST,
    connections: Object.freeze({
      maxConnections: vars.HTTP_MAX_CONNECTIONS,
      maxConnectionsPerClient:
        vars.HTTP_MAX_CONNECTIONS_PER_CLIENT === undefined
          ? DEFAULT_MAX_CONNECTIONS_PER_CLIENT
          : /^off$/i.test(vars.HTTP_MAX_CONNECTIONS_PER_CLIENT)
            ? undefined
            : Number(vars.HTTP_MAX_CONNECTIONS_PER_CLIENT),
    }),
    botAuthEnabled,
    botAppId: vars.MicrosoftAppId ?? '',
    botFrameworkSettings: Object.freeze({ ...env }),
    graph: graph === undefined ? undefined : Object.freeze(graph),
    graphTenantId: vars.GRAPH_TENANT_ID,
    meetingsApi: vars.MEETINGS_API,
    scheduledMeetings: vars.SCHEDULED_MEETINGS,
    graphHttp2: vars.GRAPH_HTTP2 === 'on',
    allowedTenants: new Set(vars.ALLOWED_TENANTS ?? []),
    identityMapPath: vars.IDENTITY_MAP_PATH,
    redisUrl: vars.REDIS_URL,
    logLevel: vars.LOG_LEVEL,
    logFormat: vars.LOG_FORMAT,
    // Metrics reveal usage: loopback unless METRICS_HOST opens them up.
    metrics:
      vars.METRICS_PORT !== undefined && METRICS_OFF.test(vars.METRICS_PORT)
        ? undefined
        : Object.freeze({ host: vars.METRICS_HOST ?? '127.0.0.1', port: vars.METRICS_PORT === undefined ? DEFAULT_METRICS_PORT : Number(vars.METRICS_PORT) }),
    organizerRateLimit: vars.MEET_RATE_LIMIT === undefined ? undefined : Object.freeze(vars.MEET_RATE_LIMIT),
    tenantRateLimit: vars.MEET_TENANT_RATE_LIMIT === undefined ? undefined : Object.freeze(vars.MEET_TENANT_RATE_LIMIT),
    readinessTenantId: vars.GRAPH_TENANT_ID ?? vars.MicrosoftAppTenantId,
    proxy: proxySettings(vars),
  });
}

function proxySettings(vars: Vars): ProxySettings | undefined {
  const httpsProxy = vars.https_proxy ?? vars.HTTPS_PROXY;
  const httpProxy = vars.http_proxy ?? vars.HTTP_PROXY;
  if (httpsProxy === undefined && httpProxy === undefined) return undefined;
  return Object.freeze({ httpsProxy, httpProxy, noProxy: vars.no_proxy ?? vars.NO_PROXY });
}
