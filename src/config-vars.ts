import { z } from 'zod';
import { GUID } from './guards';
import type { RateLimit } from './meetings/ports';

/*
 * What each environment variable may hold and its default, one zod field per variable; config.ts reads the
 * environment through `parseVars` and builds the configuration from the result.
 */

export const DEFAULT_METRICS_PORT = 9464;
/** Well under the usual 1,024 file descriptors, which also hold the outbound connections. */
const DEFAULT_MAX_CONNECTIONS = 512;
export const DEFAULT_MAX_CONNECTIONS_PER_CLIENT = 128;

export const METRICS_OFF = /^(off|none|false|disabled?)$/i;
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
  SCHEDULED_MEETINGS: z.preprocess(
    (value) => (typeof blankToUndefined(value) === 'string' ? String(blankToUndefined(value)).toLowerCase() : undefined),
    z.enum(['calendar', 'online'], { message: 'must be calendar (an Outlook event with a Teams meeting, invitations sent) or online (a standalone meeting in no calendar)' }).default('calendar'),
  ),
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

export type Problems = string[];

export type Vars = z.infer<typeof schema>;

/** Parses each variable on its own so that one bad value does not hide the others. */
export function parseVars(env: NodeJS.ProcessEnv, problems: Problems): Vars {
  const vars: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(schema.shape)) {
    const result = (field as z.ZodType).safeParse(env[name]);
    if (result.success) vars[name] = result.data;
    else problems.push(`${name}: ${result.error.issues.map((issue) => issue.message).join('; ')}`);
  }
  return vars as Vars;
}
