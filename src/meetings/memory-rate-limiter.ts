import { compactKey } from '../bounded-map';
import type { RateDecision, RateLimiter, RateQuota } from './ports';

/** The accepted requests of one key, oldest first: a sliding log, exact at every window boundary. */
class RequestLog {
  private times: number[] = [];
  /** Entries before it left the window; the array is compacted once they are most of it. */
  private start = 0;

  constructor(readonly windowMs: number) {}

  get size(): number {
    return this.times.length - this.start;
  }

  get newest(): number {
    return this.times[this.times.length - 1] ?? -Infinity;
  }

  /** Forgets the requests older than the window; returns how many. */
  prune(now: number): number {
    const before = this.size;
    const cutoff = now - this.windowMs;
    while (this.start < this.times.length && (this.times[this.start] ?? Infinity) <= cutoff) this.start++;
    if (this.start > 32 && this.start * 2 > this.times.length) {
      this.times = this.times.slice(this.start);
      this.start = 0;
    }
    return before - this.size;
  }

  /** When one more fits under `count`: once all but `count - 1` of the logged requests have left the window. */
  roomAt(count: number): number {
    return (this.times[this.start + this.size - count] ?? 0) + this.windowMs;
  }

  add(now: number): void {
    this.times.push(now);
  }
}

export interface MemoryRateLimiterOptions {
  /** Keys kept at once; past it the least recently used are forgotten. */
  maxKeys?: number;
  /** Logged requests kept at once, over all keys (8 bytes each); past it the least recently used keys go. */
  maxEntries?: number;
  now?: () => number;
}

/**
 * Single-instance counts (Redis serves several instances). Keys come from activities, so memory is bounded
 * twice: by the number of keys and by the requests logged over all of them. Forgetting a key lets its
 * owner start afresh, so the least recently used go first: a flood keeps its own key at the recent end.
 */
export class MemoryRateLimiter implements RateLimiter {
  private readonly logs = new Map<string, RequestLog>();
  private readonly maxKeys: number;
  private readonly maxEntries: number;
  private readonly now: () => number;
  private entries = 0;

  constructor(options: MemoryRateLimiterOptions = {}) {
    this.maxKeys = options.maxKeys ?? 100_000;
    this.maxEntries = options.maxEntries ?? 1_000_000;
    this.now = options.now ?? Date.now;
  }

  async take(quotas: readonly RateQuota[]): Promise<RateDecision> {
    const now = this.now();
    this.dropExpired(now);
    const logs = quotas.map((quota) => this.log(quota, now));
    for (const [index, quota] of quotas.entries()) {
      const log = logs[index] as RequestLog;
      if (log.size >= quota.limit.count) return { allowed: false, scope: quota.scope, retryAfterMs: Math.max(1, log.roomAt(quota.limit.count) - now) };
    }
    for (const log of logs) log.add(now);
    this.entries += logs.length;
    this.evict(new Set(logs));
    return { allowed: true };
  }

  /** How many keys are counted now (tests of the bounds). */
  get size(): number {
    return this.logs.size;
  }

  /** The quota's log, moved to the recent end and pruned to its window. */
  private log(quota: RateQuota, now: number): RequestLog {
    // Organizer and tenant ids come from outside and may be long: a digest keeps keys small.
    const key = compactKey(`${quota.scope}\n${quota.key}`);
    let log = this.logs.get(key);
    if (log !== undefined && log.windowMs !== quota.limit.windowMs) {
      this.forget(key, log);
      log = undefined;
    }
    log ??= new RequestLog(quota.limit.windowMs);
    this.logs.delete(key);
    this.logs.set(key, log);
    this.entries -= log.prune(now);
    return log;
  }

  /** A little cleaning per request: the least recently used keys whose requests have all left the window. */
  private dropExpired(now: number): void {
    let checked = 0;
    for (const [key, log] of this.logs) {
      if (checked++ >= 2 || log.newest > now - log.windowMs) return;
      this.forget(key, log);
    }
  }

  private evict(keep: ReadonlySet<RequestLog>): void {
    for (const [key, log] of this.logs) {
      if (this.logs.size <= this.maxKeys && this.entries <= this.maxEntries) return;
      if (keep.has(log)) return;
      this.forget(key, log);
    }
  }

  private forget(key: string, log: RequestLog): void {
    this.logs.delete(key);
    this.entries -= log.size;
  }
}
