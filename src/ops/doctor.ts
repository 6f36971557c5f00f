import { randomUUID } from 'node:crypto';
import { decodeJwt } from 'jose';
import { MsalNetworkClient } from '../auth/msal-network-client';
import { MsalTokenProvider } from '../auth/token-provider';
import { loadConfig, type Config, type GraphSettings } from '../config';
import type { Emulator } from '../emulator';
import { startEmbeddedBackend } from '../embedded-backend';
import { asMeetNowError, MeetNowError } from '../errors';
import { GraphClient } from '../graph/graph-client';
import { toGraphError } from '../graph/graph-errors';
import { AppMeetingsApi, UsersMeetingsApi } from '../graph/meetings-api';
import { UndiciHttpClient, type HttpResponse, type ProxySettings } from '../http/http-client';
import { createLogger } from '../logger';
import type { Meeting } from '../meetings/meeting';
import { accessPolicyFix, consentUrl, credentialFix, consentFix, graphRefusalFix, graphRootFix, meetingFailureFix, networkFix, roleFix, scopeFix } from './doctor-fixes';
import { GUID } from '../guards';

export const MEETINGS_ROLE = 'OnlineMeetings.ReadWrite.All';
/** Where Graph says so: "The /app path is deprecated". */
const APP_PATH_DEPRECATION = 'https://learn.microsoft.com/en-us/graph/api/application-post-onlinemeetings?view=graph-rest-beta';

export type CheckStatus = 'pass' | 'fail' | 'warn' | 'skip' | 'info';

export interface DoctorCheck {
  id: 'config' | 'meetings_api' | 'backend' | 'bot' | 'tenant' | 'token' | 'claims' | 'graph' | 'meeting';
  title: string;
  status: CheckStatus;
  detail: string;
  /** What to do, step by step: portal clicks, PowerShell, a consent URL. */
  fix?: string[];
  /** Facts for scripts (`--json`): tenant, roles, request-id, meeting id, … */
  data?: Record<string, unknown>;
}

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

/** Everything the doctor talks to, for one run. */
interface Wiring {
  graph: GraphSettings;
  http: UndiciHttpClient;
  tokens: MsalTokenProvider;
  graphClient: GraphClient;
  emulator?: Emulator;
}

function wire(graph: GraphSettings, proxy: ProxySettings | undefined, timeoutMs: number, http2: boolean, emulator?: Emulator): Wiring {
  // As the bot: through the configured proxy (except to the embedded emulator in this process), with the
  // bot's own protocol choice, so the doctor sees what a proxy or middlebox does to it.
  const http = new UndiciHttpClient({ caPem: graph.caPem, proxy: emulator === undefined ? proxy : undefined, defaultTimeoutMs: timeoutMs, http2 });
  const tokens = new MsalTokenProvider({
    settings: graph,
    networkClient: new MsalNetworkClient(http),
    logger: createLogger('silent'),
    // The doctor diagnoses what Entra says now, never a failure remembered from earlier.
    failureMemoryMs: 0,
  });
  // The doctor reports a throttled Graph rather than waiting out long Retry-After values.
  const graphClient = new GraphClient({ baseUrl: graph.baseUrl, http, tokens, retryPolicy: { maxAttempts: 2, budgetMs: 5_000, backoffMs: () => 500 } });
  return { graph, http, tokens, graphClient, emulator };
}

const ms = (started: number): number => Math.round(performance.now() - started);

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
  checks.push({ id: 'config', title: 'Configuration', status: 'pass', detail: `valid (MEETINGS_API=${config.meetingsApi})` });
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
  const claimsOk = token !== undefined && checkClaims(wiring, tenant, token, checks);
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
  return proxy === undefined ? '' : `, through the proxy ${new URL(proxy).host} unless NO_PROXY lists the host`;
}

async function checkToken(wiring: Wiring, tenant: string, checks: DoctorCheck[]): Promise<string | undefined> {
  const { graph } = wiring;
  const started = performance.now();
  try {
    const token = await wiring.tokens.getToken(tenant);
    checks.push({ id: 'token', title: 'Token', status: 'pass', detail: `Entra issued an app-only token for tenant ${tenant} in ${ms(started)} ms` });
    return token;
  } catch (error) {
    const coded = asMeetNowError(error);
    const fix =
      coded.code === 'token_invalid_client'
        ? credentialFix(graph)
        : coded.code === 'token_consent_missing'
          ? consentFix(graph, tenant)
          : coded.code === 'token_tenant_not_found'
            ? [`Tenant "${tenant}" does not exist in ${graph.authorityHost}: check --tenant / GRAPH_TENANT_ID (Entra admin center → Overview → Tenant ID).`]
            : coded.code === 'token_scope_invalid'
              ? scopeFix(graph)
              : coded.code === 'network'
                ? networkFix(graph.authorityHost, 'AUTHORITY_HOST')
                : [`Entra said: ${coded.message}. Check GRAPH_CLIENT_ID, the credential and AUTHORITY_HOST.`];
    checks.push({
      id: 'token',
      title: 'Token',
      status: 'fail',
      detail: `no token for tenant ${tenant} (${coded.code}): ${coded.message}`,
      fix,
      data: { code: coded.code, correlationId: coded.requestId },
    });
    return undefined;
  }
}

function checkClaims(wiring: Wiring, tenant: string, token: string, checks: DoctorCheck[]): boolean {
  const { graph } = wiring;
  let claims: Record<string, unknown>;
  try {
    claims = decodeJwt(token);
  } catch {
    checks.push({ id: 'claims', title: 'Token claims', status: 'warn', detail: 'the token is not a JWT, so its roles cannot be read here; the test meeting is the proof.' });
    return true;
  }
  const roles = Array.isArray(claims.roles) ? claims.roles.filter((role): role is string => typeof role === 'string') : [];
  const appId = typeof claims.appid === 'string' ? claims.appid : typeof claims.azp === 'string' ? claims.azp : undefined;
  const tid = typeof claims.tid === 'string' ? claims.tid : undefined;
  const audience = typeof claims.aud === 'string' ? claims.aud : undefined;
  const data = { tenantId: tid, appId, roles, audience, expiresAt: typeof claims.exp === 'number' ? new Date(claims.exp * 1000).toISOString() : undefined };
  const summary = `tenant ${tid ?? '?'}, app ${appId ?? '?'}, audience ${audience ?? '?'}, roles: ${roles.length > 0 ? roles.join(', ') : 'none'}`;
  const problems: string[] = [];
  const fix: string[] = [];
  if (appId !== undefined && appId.toLowerCase() !== graph.clientId.toLowerCase()) {
    problems.push(`the token was issued to app ${appId}, not ${graph.clientId}`);
    fix.push('GRAPH_CLIENT_ID (or MicrosoftAppId) and the credential must belong to the same app registration.');
  }
  if (tid !== undefined && GUID.test(tenant) && tid.toLowerCase() !== tenant.toLowerCase()) {
    problems.push(`the token is for tenant ${tid}, not ${tenant}`);
    fix.push('Check GRAPH_TENANT_ID / --tenant.');
  }
  if (!roles.includes(MEETINGS_ROLE)) {
    problems.push(`the ${MEETINGS_ROLE} application permission is missing from the token's roles`);
    fix.push(...roleFix(graph, tenant));
  }
  checks.push({
    id: 'claims',
    title: 'Token claims',
    status: problems.length > 0 ? 'fail' : 'pass',
    detail: problems.length > 0 ? `${problems.join('; ')} (${summary})` : summary,
    fix: problems.length > 0 ? fix : undefined,
    data,
  });
  return problems.length === 0;
}

/**
 * Graph's service root answers GET with its service document (200): any other answer means GRAPH_BASE_URL is
 * not Graph's root, or something in between (a proxy, a captive portal) answers for it. The token is sent
 * when there is one, so the answer is the one MeetNow's own calls would get.
 */
async function checkGraph(wiring: Wiring, token: string | undefined, checks: DoctorCheck[]): Promise<boolean> {
  const { graph } = wiring;
  const url = `${graph.baseUrl}/v1.0/`;
  const started = performance.now();
  let response: HttpResponse;
  try {
    response = await wiring.http.send({ method: 'GET', url, headers: token === undefined ? undefined : { authorization: `Bearer ${token}` } });
  } catch (error) {
    checks.push({
      id: 'graph',
      title: 'Graph reachable',
      status: 'fail',
      detail: `${graph.baseUrl} could not be reached: ${asMeetNowError(error).message}`,
      fix: networkFix(graph.baseUrl, 'GRAPH_BASE_URL'),
    });
    return false;
  }
  const answer = `GET ${url} answered HTTP ${response.status} in ${ms(started)} ms`;
  if (response.status >= 200 && response.status <= 299) {
    checks.push({ id: 'graph', title: 'Graph reachable', status: 'pass', detail: answer });
    return true;
  }
  const refusal = toGraphError(response, 'GET /v1.0/');
  // A refused token and a busy Graph are Graph's answers (a warning with their fix); any other is not Graph's.
  const graphAnswer = refusal.code === 'graph_unauthorized' || refusal.code === 'graph_throttled' || refusal.code === 'graph_unavailable';
  checks.push({
    id: 'graph',
    title: 'Graph reachable',
    status: graphAnswer ? 'warn' : 'fail',
    detail: `${answer}, not Graph's service document: ${refusal.message}`,
    fix:
      refusal.code === 'graph_unauthorized' && token === undefined
        ? ['Graph asks for a token: fix the Token check above first.']
        : graphAnswer
          ? graphRefusalFix(refusal)
          : graphRootFix(graph.baseUrl, url),
    data: { status: response.status, graphCode: refusal.graphCode, requestId: refusal.requestId },
  });
  return true;
}

async function checkMeeting(config: Config, wiring: Wiring, tenant: string, organizer: string, madeUp: boolean, checks: DoctorCheck[]): Promise<void> {
  const { graph } = wiring;
  if (!GUID.test(organizer)) {
    checks.push({
      id: 'meeting',
      title: 'Test meeting',
      status: 'fail',
      detail: `"${organizer}" is not an object id: Graph identifies organizers by their Entra object id (a UPN or e-mail address gets 404).`,
      fix: [
        'Entra admin center → Users → the user → Overview → Object ID, or in PowerShell:',
        `  Connect-MgGraph -Scopes User.Read.All; (Get-MgUser -UserId "${organizer}").Id`,
      ],
    });
    return;
  }
  const api = config.meetingsApi === 'app' ? new AppMeetingsApi(wiring.graphClient) : new UsersMeetingsApi(wiring.graphClient);
  const day = new Date().toISOString().slice(0, 10);
  const started = performance.now();
  let meeting: Meeting;
  try {
    meeting = await api.createMeeting({
      organizer: { objectId: organizer, tenantId: tenant, displayName: 'MeetNow doctor' },
      subject: 'MeetNow doctor check',
      // One meeting per organizer and day however often the doctor runs (createOrGet).
      externalId: `meetnow-doctor-${organizer}-${day}`,
    });
  } catch (error) {
    const coded = asMeetNowError(error);
    checks.push({
      id: 'meeting',
      title: 'Test meeting',
      status: 'fail',
      detail: `Graph refused the test meeting for organizer ${organizer} (${coded.code}${coded.status === undefined ? '' : `, HTTP ${coded.status}`}${coded.requestId === undefined ? '' : `, request-id ${coded.requestId}`}): ${coded.message}`,
      fix:
        coded.code === 'graph_access_policy'
          ? accessPolicyFix(graph.clientId, organizer)
          : coded.code === 'network'
            ? networkFix(graph.baseUrl, 'GRAPH_BASE_URL')
            : meetingFailureFix(coded, graph, tenant, organizer),
      data: { code: coded.code, status: coded.status, graphCode: coded.graphCode, requestId: coded.requestId },
    });
    return;
  }
  const dialIn = meeting.dialIn === undefined ? 'no dial-in (the organizer has no Audio Conferencing licence: cards will say so)' : 'dial-in details present';
  checks.push({
    id: 'meeting',
    title: 'Test meeting',
    status: 'pass',
    detail: `${meeting.created ? 'created' : 'found today\'s'} meeting for organizer ${organizer}${madeUp ? ' (a made-up emulator user)' : ''} in ${ms(started)} ms; ${dialIn}; join: ${meeting.joinUrl}`,
    data: { meetingId: meeting.id, joinUrl: meeting.joinUrl, dialIn: meeting.dialIn !== undefined, adminConsentUrl: consentUrl(graph, tenant) },
  });
}
