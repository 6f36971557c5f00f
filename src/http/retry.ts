import { setTimeout as sleep } from 'node:timers/promises';
import type { HttpResponse } from './http-client';

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** Time from the first attempt after which no retry starts. */
  budgetMs: number;
  /** Wait before retry n (1-based) when the answer gives no Retry-After. */
  backoffMs: (retry: number) => number;
  /** Statuses worth another attempt; DESIGN §4's 429/503/504 when not given. */
  retryOn?: ReadonlySet<number>;
}

/** DESIGN §4: at most 4 attempts and 20 seconds in all. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 4,
  budgetMs: 20_000,
  backoffMs: (retry) => Math.min(4_000, 500 * 2 ** (retry - 1)) * (0.8 + Math.random() * 0.4),
};

const GRAPH_RETRYABLE: ReadonlySet<number> = new Set([429, 503, 504]);

export interface RetryEvents {
  /** Called before each wait, so callers can count and log retries. */
  onRetry?: (info: { attempt: number; status: number; waitMs: number }) => void;
}

/** Parses `Retry-After` as delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * Sends until the answer is not retryable (429/503/504 by default), honouring Retry-After, within the policy's attempts and budget.
 * A Retry-After that would overrun the budget ends retrying at once. Returns the last answer either way;
 * errors thrown by `attempt` (network failures) are never retried.
 */
export async function sendWithRetry(
  /** Sends once; `remainingMs` of the budget bound the attempt, so the attempts together stay within it. */
  attempt: (remainingMs: number) => Promise<HttpResponse>,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
  events: RetryEvents = {},
): Promise<HttpResponse> {
  const started = Date.now();
  for (let attemptNo = 1; ; attemptNo++) {
    const response = await attempt(Math.max(1, policy.budgetMs - (Date.now() - started)));
    if (!(policy.retryOn ?? GRAPH_RETRYABLE).has(response.status) || attemptNo >= policy.maxAttempts) return response;
    const waitMs = parseRetryAfter(response.headers['retry-after'], Date.now()) ?? policy.backoffMs(attemptNo);
    if (Date.now() - started + waitMs > policy.budgetMs) return response;
    events.onRetry?.({ attempt: attemptNo, status: response.status, waitMs });
    await sleep(waitMs);
  }
}
