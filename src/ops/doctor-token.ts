import { decodeJwt } from 'jose';
import { asMeetNowError } from '../errors';
import { GUID } from '../guards';
import { elapsedMs, type DoctorCheck } from './doctor-check';
import { calendarRoleFix, consentFix, credentialFix, networkFix, roleFix, scopeFix } from './doctor-fixes';
import type { Wiring } from './doctor-wiring';

const MEETINGS_ROLE = 'OnlineMeetings.ReadWrite.All';
/** Creating and cancelling calendar events as any organizer: https://learn.microsoft.com/graph/api/user-post-events */
const CALENDAR_ROLE = 'Calendars.ReadWrite';

/** An app-only token from Entra for the tenant, or a failed check with the fix for Entra's answer. */
export async function checkToken(wiring: Wiring, tenant: string, checks: DoctorCheck[]): Promise<string | undefined> {
  const { graph } = wiring;
  const started = performance.now();
  try {
    const token = await wiring.tokens.getToken(tenant);
    checks.push({ id: 'token', title: 'Token', status: 'pass', detail: `Entra issued an app-only token for tenant ${tenant} in ${elapsedMs(started)} ms` });
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

/**
 * The token's app, tenant and roles: the meetings permission must be among them, and with
 * SCHEDULED_MEETINGS=calendar (`calendar`) the calendar permission too.
 */
export function checkClaims(wiring: Wiring, tenant: string, token: string, checks: DoctorCheck[], calendar: boolean): boolean {
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
  if (calendar && !roles.includes(CALENDAR_ROLE)) {
    problems.push(`the ${CALENDAR_ROLE} application permission is missing from the token's roles: with SCHEDULED_MEETINGS=calendar (the default) a /meet with a time books an Outlook event, and Graph refuses it (403 ErrorAccessDenied)`);
    fix.push(...calendarRoleFix(graph, tenant));
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
