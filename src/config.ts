import { X509Certificate, createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { MeetNowError } from './errors';
import { GUID } from './guards';
import type { RateLimit } from './meetings/ports';
import type { ConnectionLimits } from './http/connection-guard';
import type { ProxySettings } from './http/http-client';

/** Microsoft's production endpoints: the defaults whenever real credentials are configured. */
export const PRODUCTION_AUTHORITY_HOST = 'https://login.microsoftonline.com';
export const PRODUCTION_GRAPH_BASE_URL = 'https://graph.microsoft.com';
export const PRODUCTION_GRAPH_SCOPE = 'https://graph.microsoft.com/.default';

export type MeetingsApiKind = 'users' | 'app';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
/** `auto`: pretty when stdout is a terminal, JSON lines otherwise. */
export type LogFormat = 'auto' | 'json' | 'pretty';

/** Prometheus `/metrics` listens here (`METRICS_PORT`, `METRICS_HOST`); undefined when `METRICS_PORT=off`. */
export interface MetricsSettings {
  host: string;
  port: number;
}

export const DEFAULT_METRICS_PORT = 9464;
/** Well under the usual 1,024 file descriptors, which also hold the outbound connections. */
export const DEFAULT_MAX_CONNECTIONS = 512;
export const DEFAULT_MAX_CONNECTIONS_PER_CLIENT = 128;

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

const METRICS_OFF = /^(off|none|false|disabled?)$/i;
const DOMAIN = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/i;

const blankToUndefined = (value: unknown): unknown =>
  typeof value === 'string' && value.trim() === '' ? undefined : typeof value === 'string' ? value.trim() : value;
const optionalString = z.preprocess(blankToUndefined, z.string().optional());
const url = (protocols: string[], what: string) =>
  z.preprocess(
    blankToUndefined,
    z
      .string()
      .refine((value) => {
        try {
          const parsed = new URL(value);
          return protocols.includes(parsed.protocol) && parsed.hostname !== '';
        } catch {
          return false;
        }
      }, `must be an absolute ${what} URL`)
      .transform((value) => value.replace(/\/+$/, ''))
      .optional(),
  );

/**
 * A real person types `/meet` a few times an hour; ten within a minute is already a script. A flood of 100
 * gets 10 meetings, and no more in any later minute either (the window slides).
 */
const DEFAULT_MEET_RATE_LIMIT = '10/1m';
/**
 * Graph documents no request rate for onlineMeetings; its closest figures are 2,000 meetings per user each
 * month (cloud communications) and, for Teams requests not listed otherwise, 30 POST/s per app per tenant
 * (https://learn.microsoft.com/en-us/graph/throttling-limits). 600 a minute is a third of that: room for
 * the retries a throttled call makes and for the directory look-ups, and 60 organizers at their own limit.
 */
const DEFAULT_MEET_TENANT_RATE_LIMIT = '600/1m';

const WINDOW_UNITS_MS: Readonly<Record<string, number>> = { s: 1_000, m: 60_000, h: 3_600_000 };
const RATE_LIMIT = /^(\d{1,7})\s*\/\s*(\d{1,5})?\s*([smh])$/i;
const MAX_WINDOW_MS = 24 * 3_600_000;

/** `<count>/<window>` (`10/1m`, `100/1h`; `10/m` means `10/1m`) → a limit; `off` → undefined (no limit). */
const rateLimit = (fallback: string) =>
  z.preprocess(
    blankToUndefined,
    z
      .string()
      .default(fallback)
      .transform((value, context): RateLimit | undefined => {
        if (value.toLowerCase() === 'off') return undefined;
        const match = RATE_LIMIT.exec(value);
        const count = Number(match?.[1]);
        const windowMs = Number(match?.[2] ?? 1) * (WINDOW_UNITS_MS[match?.[3]?.toLowerCase() ?? ''] ?? NaN);
        if (match === null || count < 1 || count > 1_000_000 || !(windowMs >= 1_000 && windowMs <= MAX_WINDOW_MS)) {
          context.addIssue({ code: 'custom', message: 'must be <count>/<window> with a count of 1 to 1000000 and a window of 1s to 24h in s, m or h (10/1m), or off' });
          return z.NEVER;
        }
        return { count, windowMs };
      }),
  );

const APP_TYPES = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'] as const;

const proxyUrl = url(['http:', 'https:'], 'http:// or https:// proxy');

const schema = z.object({
  PORT: z.preprocess(blankToUndefined, z.coerce.number().int().min(0).max(65535).default(3978)),
  HOST: optionalString,
  MicrosoftAppId: z.preprocess(blankToUndefined, z.string().regex(GUID, 'must be a GUID (the Azure Bot app id)').optional()),
  MicrosoftAppPassword: optionalString,
  // botbuilder reads the type case-insensitively; so does this check.
  MicrosoftAppType: z.preprocess(
    (value) => {
      const text = blankToUndefined(value);
      return typeof text === 'string' ? (APP_TYPES.find((type) => type.toLowerCase() === text.toLowerCase()) ?? text) : text;
    },
    z.enum(APP_TYPES).optional(),
  ),
  MicrosoftAppTenantId: z.preprocess(blankToUndefined, z.string().regex(GUID, 'must be a GUID').optional()),
  /** Read by botbuilder (a certificate instead of MicrosoftAppPassword); here only to know that the bot has a credential. */
  CertificateThumbprint: optionalString,
  GRAPH_CLIENT_ID: z.preprocess(blankToUndefined, z.string().regex(GUID, 'must be a GUID (the Entra app id)').optional()),
  GRAPH_CLIENT_SECRET: optionalString,
  GRAPH_CLIENT_CERTIFICATE_PATH: optionalString,
  GRAPH_TENANT_ID: z.preprocess(
    blankToUndefined,
    z
      .string()
      .refine((value) => GUID.test(value) || DOMAIN.test(value), 'must be a tenant GUID or domain name')
      .optional(),
  ),
  AUTHORITY_HOST: url(['https:'], 'https'),
  GRAPH_BASE_URL: url(['https:', 'http:'], 'http(s)'),
  GRAPH_SCOPE: optionalString,
  MEETINGS_API: z.preprocess(blankToUndefined, z.enum(['users', 'app']).default('users')),
  GRAPH_HTTP2: z.preprocess(
    (value) => (typeof blankToUndefined(value) === 'string' ? String(blankToUndefined(value)).toLowerCase() : undefined),
    z.enum(['on', 'off'], { message: 'must be on or off' }).default('on'),
  ),
  ALLOWED_TENANTS: z.preprocess(
    blankToUndefined,
    z
      .string()
      .transform((value) => value.split(',').map((item) => item.trim().toLowerCase()).filter((item) => item !== ''))
      .refine((items) => items.every((item) => GUID.test(item)), 'must be a comma-separated list of tenant GUIDs')
      .optional(),
  ),
  IDENTITY_MAP_PATH: optionalString,
  REDIS_URL: url(['redis:', 'rediss:'], 'redis:// or rediss://'),
  LOG_LEVEL: z.preprocess(
    (value) => (typeof blankToUndefined(value) === 'string' ? String(blankToUndefined(value)).toLowerCase() : undefined),
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ),
  LOG_FORMAT: z.preprocess(
    (value) => (typeof blankToUndefined(value) === 'string' ? String(blankToUndefined(value)).toLowerCase() : undefined),
    z.enum(['auto', 'json', 'pretty'], { message: 'must be auto, json or pretty' }).default('auto'),
  ),
  METRICS_PORT: z.preprocess(
    blankToUndefined,
    z
      .string()
      .refine((value) => METRICS_OFF.test(value) || (/^\d{1,5}$/.test(value) && Number(value) <= 65535), 'must be a port number (0-65535) or off')
      .optional(),
  ),
  METRICS_HOST: optionalString,
  MEET_RATE_LIMIT: rateLimit(DEFAULT_MEET_RATE_LIMIT),
  MEET_TENANT_RATE_LIMIT: rateLimit(DEFAULT_MEET_TENANT_RATE_LIMIT),
  NODE_ENV: optionalString,
  HTTP_MAX_CONNECTIONS: z.preprocess(blankToUndefined, z.coerce.number({ message: 'must be a whole number' }).int('must be a whole number').min(1, 'must be at least 1').default(DEFAULT_MAX_CONNECTIONS)),
  HTTP_MAX_CONNECTIONS_PER_CLIENT: z.preprocess(
    blankToUndefined,
    z
      .string()
      .refine((value) => /^off$/i.test(value) || (/^\d{1,9}$/.test(value) && Number(value) >= 1), 'must be a whole number of at least 1, or off')
      .optional(),
  ),
  // Both spellings, as curl and undici read them; the lower-case one wins when both are set.
  HTTPS_PROXY: proxyUrl,
  https_proxy: proxyUrl,
  HTTP_PROXY: proxyUrl,
  http_proxy: proxyUrl,
  NO_PROXY: optionalString,
  no_proxy: optionalString,
});

type Problems = string[];

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

type Vars = z.infer<typeof schema>;

/** Parses each variable on its own so that one bad value does not hide the others. */
function parseVars(env: NodeJS.ProcessEnv, problems: Problems): Vars {
  const vars: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(schema.shape)) {
    const result = (field as z.ZodType).safeParse(env[name]);
    if (result.success) vars[name] = result.data;
    else problems.push(`${name}: ${result.error.issues.map((issue) => issue.message).join('; ')}`);
  }
  return vars as Vars;
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
