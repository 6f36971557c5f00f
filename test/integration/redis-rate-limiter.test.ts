import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { MeetNowError } from '../../src/errors';
import { RedisRateLimiter } from '../../src/meetings/redis-rate-limiter';
import { describeWithRedis, RedisServer } from '../support/redis-server';
import { behavesAsRateLimiter, organizer } from '../support/rate-limiter-contract';

describeWithRedis('RedisRateLimiter against a real redis-server', (redis) => {
  const clients: Redis[] = [];
  afterAll(() => {
    for (const client of clients) client.disconnect();
  });

  /** A limiter on its own connection (an instance of the bot), counting with a clock the test moves. */
  function instance(clock = { now: Date.now() }) {
    const client = new Redis(redis().url, { maxRetriesPerRequest: 1 });
    clients.push(client);
    return { clock, limiter: new RedisRateLimiter(client, { target: `127.0.0.1:${redis().port}`, now: () => clock.now }) };
  }

  behavesAsRateLimiter(() => instance());

  it('shares the counts between instances, atomically: 60 concurrent requests on two instances get exactly 10', async () => {
    const clock = { now: Date.now() };
    const [a, b] = [instance(clock), instance(clock)];
    const heidi = randomUUID();
    const decisions = await Promise.all(Array.from({ length: 60 }, (_, i) => (i % 2 === 0 ? a : b).limiter.take([organizer(heidi)])));
    expect(decisions.filter((decision) => decision.allowed)).toHaveLength(10);
  });

  it('keeps at most the count per key, and every key expires a window after its last request', async () => {
    const client = new Redis(redis().url);
    clients.push(client);
    const prefix = `meetnow:test-${randomUUID()}:`;
    const limiter = new RedisRateLimiter(client, { target: 'redis', keyPrefix: prefix });
    const second = { count: 10, windowMs: 1_000 };
    for (let i = 0; i < 100; i++) await limiter.take([organizer('flooder', second)]);
    for (let i = 0; i < 200; i++) await limiter.take([organizer(`someone-${i}`, second)]);
    const keys = await client.keys(`${prefix}*`);
    expect(keys).toHaveLength(201);
    expect(Math.max(...(await Promise.all(keys.map((key) => client.zcard(key)))))).toBe(10);
    await sleep(1_100);
    expect(await client.keys(`${prefix}*`)).toEqual([]);
  });

  it('refuses when Redis cannot be asked (fail closed, as the dedupe store), naming host:port', async () => {
    const own = await RedisServer.start();
    // Like the bot's connection: commands fail at once while disconnected.
    const client = new Redis(own.url, { lazyConnect: true, maxRetriesPerRequest: 0, enableOfflineQueue: false, retryStrategy: () => null });
    client.on('error', () => undefined);
    await client.connect();
    const limiter = new RedisRateLimiter(client, { target: `127.0.0.1:${own.port}` });
    try {
      expect((await limiter.take([organizer(randomUUID())])).allowed).toBe(true);
      await own.stop();
      const failure = await limiter.take([organizer(randomUUID())]).then(() => undefined, (error: unknown) => error);
      expect(failure).toBeInstanceOf(MeetNowError);
      expect((failure as MeetNowError).code).toBe('internal');
      expect((failure as MeetNowError).message).toContain(`127.0.0.1:${own.port}`);
    } finally {
      client.disconnect();
      await own.stop();
    }
  });
});
