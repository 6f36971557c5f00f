import { randomUUID } from 'node:crypto';
import { loadConfig, type Config, type GraphSettings } from '../config';
import { startEmbeddedBackend } from '../optional-modules';
import { MeetNowError } from '../errors';
import { GUID } from '../guards';
import { safeHost } from '../http/http-client';
import type { DoctorCheck } from './doctor-check';
import { checkGraph } from './doctor-graph';
import { checkMeeting } from './doctor-meeting';
import { checkClaims, checkToken } from './doctor-token';
import { wire, type Wiring } from './doctor-wiring';

export type { CheckStatus, DoctorCheck } from './doctor-check';

/** Where Graph says so: "The /app path is deprecated". */
const APP_PATH_DEPRECATION = 'https://learn.microsoft.com/en-us/graph/api/application-post-onlinemeetings?view=graph-rest-beta';

export interface DoctorReport {
  ok: boolean;
  embedded: boolean;
  checks: DoctorCheck[];
}

export interface DoctorOptions {
  /** Entra object id of a user to create a test meeting for (proves the application access policy). */
  organizer?: string;
  /** Tenant to get the token in; default GRAPH_TENANT_ID, then MicrosoftAppTenantId. */
  tenant?: string;
  /** False: never create a test meeting, even with --organizer. */
  createMeeting?: boolean;
  /** Extra trusted CA for Entra and Graph (tests; production uses NODE_EXTRA_CA_CERTS). */
  caPem?: string;
  /** Deadline of each network call. */
  timeoutMs?: number;
}

/**
 * Diagnoses a deployment with the current configuration: token, its claims, Graph reachability and —
 * for a given organizer — a real test meeting, which proves consent, permission and access policy at once.
 * Every failed check carries the precise fix.
 */
export async function runDoctor(env: NodeJS.ProcessEnv, options: DoctorOptions = {}): Promise<DoctorReport> {
  const checks: DoctorCheck[] = [];
  const report = (embedded: boolean): DoctorReport => ({ ok: checks.every((check) => check.status !== 'fail'), embedded, checks });

  let config: Config;
  try {
    config = loadConfig(env);
  } catch (error) {
    const message = error instanceof MeetNowError ? error.message : String(error);
    checks.push({
      id: 'config',
      title: 'Configuration',
      status: 'fail',
      detail: message,
      fix: ['Correct the variables listed above (README → Configuration lists every variable and its format), then run the doctor again.'],
    });
    return report(false);
  }
  checks.push({ id: 'config', title: 'Configuration', status: 'pass', detail: `valid (MEETINGS_API=${config.meetingsApi}, SCHEDULED_MEETINGS=${config.scheduledMeetings})` });
  if (config.meetingsApi === 'app') {
    // A warning, not a failure: the path still works where Graph serves it.
    checks.push({
      id: 'meetings_api',
      title: 'Meetings API',
      status: 'warn',
      detail: `MEETINGS_API=app uses POST /beta/app/onlineMeetings, a path Microsoft Graph has deprecated (${APP_PATH_DEPRECATION}); users is the recommended value`,
      fix: ['Set MEETINGS_API=users (the default: POST /v1.0/users/{organizer}/onlineMeetings/createOrGet, the same permission and access policy).'],
    });
  }

  const timeoutMs = options.timeoutMs ?? 15_000;
  const embedded = config.graph === undefined ? await startEmbeddedBackend() : undefined;
  const graph: GraphSettings = embedded?.graph ?? { ...(config.graph as GraphSettings), caPem: options.caPem };
  const wiring = wire(graph, config.proxy, timeoutMs, config.graphHttp2, embedded?.emulator);
  try {
    await diagnose(config, wiring, options, checks);
  } finally {
    await wiring.http.close();
    await wiring.emulator?.close();
  }
  return report(embedded !== undefined);
}

async function diagnose(config: Config, wiring: Wiring, options: DoctorOptions, checks: DoctorCheck[]): Promise<void> {
  const { graph } = wiring;
  const embedded = wiring.emulator !== undefined;
  const credential = graph.credential.kind === 'secret' ? 'client secret' : `certificate (SHA-256 thumbprint ${graph.credential.thumbprintSha256})`;
  checks.push({
    id: 'backend',
    title: 'Back-end',
    status: 'info',
    detail: embedded
      ? `no Graph credentials are configured, so this checks the embedded Entra + Graph emulator at ${graph.baseUrl} (nothing leaves this machine). Set GRAPH_CLIENT_ID and GRAPH_CLIENT_SECRET (or MicrosoftAppId and MicrosoftAppPassword) to check Microsoft's services.`
      : `Entra ${graph.authorityHost}, Graph ${graph.baseUrl}, app ${graph.clientId} with a ${credential}${proxyNote(config)}`,
    data: { authorityHost: graph.authorityHost, graphBaseUrl: graph.baseUrl, clientId: graph.clientId },
  });

  checks.push(
    config.botAuthEnabled
      ? { id: 'bot', title: 'Bot Framework', status: 'pass', detail: `MicrosoftAppId ${config.botAppId}: inbound activities must carry a valid Bot Framework token` }
      : {
          id: 'bot',
          title: 'Bot Framework',
          status: 'warn',
          detail: 'MicrosoftAppId is empty: local mode, no inbound JWT check, loopback only. Teams and Slack cannot reach the bot like this.',
          fix: ['Set MicrosoftAppId and MicrosoftAppPassword to the Azure Bot resource\'s app id and secret (docs/deploy.md, step 4).'],
        },
  );

  const tenant = options.tenant ?? config.graphTenantId ?? config.readinessTenantId ?? (embedded ? randomUUID() : undefined);
  if (tenant === undefined) {
    checks.push({
      id: 'tenant',
      title: 'Tenant',
      status: 'fail',
      detail: 'no tenant to test: neither --tenant, GRAPH_TENANT_ID nor MicrosoftAppTenantId is set.',
      fix: ['Run the doctor again with --tenant <tenant id or domain> of an organization that uses the bot (Entra admin center → Overview → Tenant ID).'],
    });
    return;
  }
  const tenantNotes: string[] = [];
  if (config.allowedTenants.size > 0 && GUID.test(tenant) && !config.allowedTenants.has(tenant.toLowerCase())) {
    tenantNotes.push('it is not in ALLOWED_TENANTS, so the bot refuses its users');
  }
  checks.push({
    id: 'tenant',
    title: 'Tenant',
    status: tenantNotes.length > 0 ? 'warn' : 'info',
    detail: `${tenant}${embedded && options.tenant === undefined ? ' (made up: the emulator accepts any tenant)' : ''}${tenantNotes.length > 0 ? `: ${tenantNotes.join('; ')}` : ''}`,
    fix: tenantNotes.length > 0 ? [`Add ${tenant} to ALLOWED_TENANTS, or test a tenant that is listed.`] : undefined,
  });

  const token = await checkToken(wiring, tenant, checks);
  const claimsOk = token !== undefined && checkClaims(wiring, tenant, token, checks, config.scheduledMeetings === 'calendar');
  const reachable = await checkGraph(wiring, token, checks);

  const organizer = options.organizer ?? (embedded ? randomUUID() : undefined);
  if (options.createMeeting === false || organizer === undefined) {
    checks.push({
      id: 'meeting',
      title: 'Test meeting',
      status: 'skip',
      detail: 'not attempted: pass --organizer <user object id> to create a test meeting for that user, which proves consent, permission and the application access policy together.',
    });
    return;
  }
  if (token === undefined || !claimsOk || !reachable) {
    checks.push({ id: 'meeting', title: 'Test meeting', status: 'skip', detail: 'not attempted: fix the problems above first.' });
    return;
  }
  await checkMeeting(config, wiring, tenant, organizer, embedded && options.organizer === undefined, checks);
}

/** The proxy the calls take, by host only (its URL may hold a password). */
function proxyNote(config: Config): string {
  const proxy = config.proxy?.httpsProxy ?? config.proxy?.httpProxy;
  return proxy === undefined ? '' : `, through the proxy ${safeHost(proxy)} unless NO_PROXY lists the host`;
}
