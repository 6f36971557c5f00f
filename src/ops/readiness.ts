import { setTimeout as sleep } from 'node:timers/promises';
import { asMeetNowError, MeetNowError } from '../errors';
import type { TokenProvider } from '../meetings/ports';

export interface ReadinessReport {
  ready: boolean;
  status: 'ready' | 'not_ready' | 'shutting_down';
  /** Why it is not ready, in words an operator can act on. */
  reason?: string;
  /** The error code of the failed token check (`token_invalid_client`, `network`, …). */
  code?: string;
  /** `ok`, `failed`, or `not_checked` when there is no fixed tenant to ask a token for. */
  token: 'ok' | 'failed' | 'not_checked';
  tenantId?: string;
}

export interface ReadinessProbeOptions {
  tokens: TokenProvider;
  /** The tenant whose token proves the configuration works; undefined: nothing to probe (multi-tenant). */
  tenantId?: string;
  /** How long a token check's answer is reused, so /readyz stays cheap under frequent probes. */
  cacheMs?: number;
  /** A token request slower than this counts as failed (Entra unreachable). */
  timeoutMs?: number;
  /** Called when a probe's outcome (status and code) differs from the previous one: the log gets the details once, not per probe. */
  onChange?: (report: ReadinessReport) => void;
}

/** What unauthenticated `/readyz` may say: the status and a code, never the tenant or Entra's words (those go to the log and the doctor). */
export function publicReadiness(report: ReadinessReport): { status: ReadinessReport['status']; code?: string } {
  return report.code === undefined ? { status: report.status } : { status: report.status, code: report.code };
}

/**
 * Readiness, distinct from liveness: not ready while shutting down, or while the configured credentials
 * cannot get a Graph token. The token provider caches tokens, so a ready bot costs no Entra call per probe.
 */
export class ReadinessProbe {
  private shuttingDown = false;
  private last: { at: number; report: ReadinessReport } | undefined;
  private inFlight: Promise<ReadinessReport> | undefined;
  private readonly cacheMs: number;
  private readonly timeoutMs: number;

  constructor(private readonly options: ReadinessProbeOptions) {
    this.cacheMs = options.cacheMs ?? 10_000;
    this.timeoutMs = options.timeoutMs ?? 5_000;
  }

  markShuttingDown(): void {
    this.shuttingDown = true;
  }

  async check(): Promise<ReadinessReport> {
    if (this.shuttingDown) return { ready: false, status: 'shutting_down', reason: 'MeetNow is shutting down', token: 'not_checked' };
    const tenantId = this.options.tenantId;
    if (tenantId === undefined) return { ready: true, status: 'ready', token: 'not_checked' };
    if (this.last !== undefined && Date.now() - this.last.at < this.cacheMs) return this.last.report;
    this.inFlight ??= this.probe(tenantId).finally(() => (this.inFlight = undefined));
    return this.inFlight;
  }

  private async probe(tenantId: string): Promise<ReadinessReport> {
    const abort = new AbortController();
    const timeout = sleep(this.timeoutMs, undefined, { signal: abort.signal }).then(() => {
      throw new MeetNowError('network', `no token from Entra within ${this.timeoutMs / 1000} s`);
    });
    timeout.catch(() => undefined);
    let report: ReadinessReport;
    try {
      // A real answer from Entra, not a failure remembered for user traffic: a fixed consent shows at once.
      await Promise.race([this.options.tokens.getToken(tenantId, { ignoreRecentFailure: true }), timeout]);
      report = { ready: true, status: 'ready', token: 'ok', tenantId };
    } catch (error) {
      const coded = asMeetNowError(error);
      report = {
        ready: false,
        status: 'not_ready',
        reason: `cannot get a Microsoft Graph token for tenant ${tenantId}: ${coded.message} (run \`npm run doctor\` for the fix)`,
        code: coded.code,
        token: 'failed',
        tenantId,
      };
    } finally {
      abort.abort();
    }
    const previous = this.last?.report;
    if (previous?.status !== report.status || previous.code !== report.code) this.options.onChange?.(report);
    this.last = { at: Date.now(), report };
    return report;
  }
}
