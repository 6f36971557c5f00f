import { randomBytes } from 'node:crypto';
import { compactKey } from '../bounded-map';
import type { Redis } from 'ioredis';
import { MeetNowError } from '../errors';
import type { RateDecision, RateLimiter, RateQuota } from './ports';

/**
 * One sorted set per key, scored by the time of each accepted request: a sliding log, as in memory. One
 * script checks every quota and counts the request in all of them or in none, atomically, so two instances
 * can never both take the last place. Each set holds at most its count and expires a window after its
 * newest request. ARGV: now, a unique member, then count and window (ms) per key. Returns {0, 0} when
 * taken, else {index of the full quota (1-based), ms until it has room}.
 */
const TAKE = `
local now = tonumber(ARGV[1])
for i = 1, #KEYS do
  local count = tonumber(ARGV[1 + 2 * i])
  local window = tonumber(ARGV[2 + 2 * i])
  redis.call('ZREMRANGEBYSCORE', KEYS[i], '-inf', now - window)
  local size = redis.call('ZCARD', KEYS[i])
  if size >= count then
    local freeing = redis.call('ZRANGE', KEYS[i], size - count, size - count, 'WITHSCORES')
    return {i, tonumber(freeing[2]) + window - now}
  end
end
for i = 1, #KEYS do
  redis.call('ZADD', KEYS[i], now, ARGV[2])
  redis.call('PEXPIRE', KEYS[i], tonumber(ARGV[2 + 2 * i]))
end
return {0, 0}
`;

export interface RedisRateLimiterOptions {
  /** host:port of the Redis, for errors (never the password). */
  target: string;
  /** Prefix of every key, so several bots can share one Redis. */
  keyPrefix?: string;
  /** The instances' clocks must agree (NTP): each counts with its own. */
  now?: () => number;
}

/**
 * Meeting counts shared by every instance through the Redis connection the dedupe store opened. Redis
 * failing refuses the request (the user is asked to try again), as the dedupe store does: a count that
 * cannot be checked is not granted.
 */
export class RedisRateLimiter implements RateLimiter {
  private readonly prefix: string;
  private readonly now: () => number;

  constructor(
    private readonly redis: Redis,
    private readonly options: RedisRateLimiterOptions,
  ) {
    this.prefix = options.keyPrefix ?? 'meetnow:rate:';
    this.now = options.now ?? Date.now;
  }

  async take(quotas: readonly RateQuota[]): Promise<RateDecision> {
    if (quotas.length === 0) return { allowed: true };
    const now = this.now();
    const member = `${now}:${randomBytes(6).toString('base64url')}`;
    let answer: unknown;
    try {
      answer = await this.redis.eval(
        TAKE,
        quotas.length,
        ...quotas.map((quota) => this.key(quota)),
        now,
        member,
        ...quotas.flatMap((quota) => [quota.limit.count, quota.limit.windowMs]),
      );
    } catch (error) {
      throw new MeetNowError('internal', `the Redis rate limiter at ${this.options.target} failed: ${(error as Error).message}`, { cause: error });
    }
    const [refused, retryAfterMs] = answer as [number, number];
    if (refused === 0) return { allowed: true };
    const quota = quotas[refused - 1];
    if (quota === undefined) throw new MeetNowError('internal', `the Redis rate limiter at ${this.options.target} answered ${JSON.stringify(answer)}`);
    return { allowed: false, scope: quota.scope, retryAfterMs: Math.max(1, retryAfterMs) };
  }

  /** Keys are hashed: organizer and tenant ids come from the outside. */
  private key(quota: RateQuota): string {
    return `${this.prefix}${quota.scope}:${compactKey(quota.key)}`;
  }
}
