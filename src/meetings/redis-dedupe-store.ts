import { createHash } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { MeetNowError } from '../errors';
import type { DedupeStore } from './ports';

export interface RedisDedupeStoreOptions {
  /** `redis://[user:password@]host:port[/db]` or `rediss://…` (TLS). */
  url: string;
  logger: Logger;
  /** How long start-up waits for Redis; also the connect timeout of reconnections. */
  connectTimeoutMs?: number;
  /** A command unanswered after this fails, so a hung Redis cannot hang a turn. */
  commandTimeoutMs?: number;
  /** Prefix of every key, so several bots can share one Redis. */
  keyPrefix?: string;
}

/** host:port of a Redis URL, never its password: what logs and errors may show. */
export function redisTarget(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port === '' ? '6379' : parsed.port}`;
  } catch {
    return 'redis';
  }
}

/**
 * Dedupe memory shared by every instance behind a load balancer: the first instance to `SET … NX` a
 * request's key starts the meeting, the others see a duplicate. Redis being unreachable fails the turn
 * (the user is asked to try again) rather than risking a second meeting.
 */
export class RedisDedupeStore implements DedupeStore {
  private readonly prefix: string;
  /** host:port of the Redis, never its password: what logs and errors may show. */
  readonly target: string;

  private constructor(
    /** The connection, shared with the other state every instance must see (the meeting limits' counts). */
    readonly redis: Redis,
    options: RedisDedupeStoreOptions,
  ) {
    this.prefix = options.keyPrefix ?? 'meetnow:dedupe:';
    this.target = redisTarget(options.url);
  }

  /** Connects and waits until Redis answers; rejects with a message naming host:port (not the password). */
  static async connect(options: RedisDedupeStoreOptions): Promise<RedisDedupeStore> {
    const connectTimeoutMs = options.connectTimeoutMs ?? 5_000;
    const target = redisTarget(options.url);
    // No reconnection loop before start-up succeeded: a failed start must leave nothing running.
    let started = false;
    const redis = new Redis(options.url, {
      lazyConnect: true,
      connectTimeout: connectTimeoutMs,
      commandTimeout: options.commandTimeoutMs ?? 2_000,
      // Commands fail at once while disconnected instead of queueing behind a turn.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      retryStrategy: (times) => (started ? Math.min(times * 200, 2_000) : null),
    });
    let healthy = false;
    redis.on('error', (error: Error) => {
      // Logged once per outage: ioredis repeats the error on every reconnection attempt.
      if (healthy) options.logger.error({ redis: target, reason: error.message }, 'Redis dedupe store unreachable: new meetings are refused until it is back');
      healthy = false;
    });
    redis.on('ready', () => {
      if (!healthy) options.logger.info({ redis: target }, 'Redis dedupe store connected');
      healthy = true;
    });
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeout = new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${connectTimeoutMs} ms`)), connectTimeoutMs);
      });
      const connecting = redis.connect().then(() => redis.ping());
      connecting.catch(() => undefined); // when the timeout wins, a later failure must not go unhandled
      await Promise.race([connecting, timeout]);
    } catch (error) {
      redis.disconnect();
      throw new MeetNowError('config_invalid', `REDIS_URL: cannot reach Redis at ${target}: ${(error as Error).message}`);
    } finally {
      clearTimeout(timer);
    }
    started = true;
    return new RedisDedupeStore(redis, options);
  }

  async claim(key: string, ttlMs: number): Promise<boolean> {
    const answer = await this.run(() => this.redis.set(this.key(key, 'claim'), '1', 'PX', ttlMs, 'NX'));
    return answer === 'OK';
  }

  async remember(key: string, value: string, ttlMs: number): Promise<void> {
    await this.run(() => this.redis.set(this.key(key, 'value'), value, 'PX', ttlMs));
  }

  async recall(key: string): Promise<string | undefined> {
    return (await this.run(() => this.redis.get(this.key(key, 'value')))) ?? undefined;
  }

  async release(key: string): Promise<void> {
    await this.run(() => this.redis.del(this.key(key, 'claim')));
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }

  /** Keys are hashed: conversation ids are long and come from the outside. */
  private key(key: string, kind: 'claim' | 'value'): string {
    return `${this.prefix}${createHash('sha256').update(key).digest('base64url')}:${kind}`;
  }

  private async run<T>(command: () => Promise<T>): Promise<T> {
    try {
      return await command();
    } catch (error) {
      throw new MeetNowError('internal', `the Redis dedupe store at ${this.target} failed: ${(error as Error).message}`, { cause: error });
    }
  }
}
