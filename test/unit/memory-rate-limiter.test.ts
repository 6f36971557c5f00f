import { MemoryRateLimiter } from '../../src/meetings/memory-rate-limiter';
import { allowedOf, behavesAsRateLimiter, organizer } from '../support/rate-limiter-contract';

/** A limiter on a clock the test moves. */
function limiterAt(options: { maxKeys?: number; maxEntries?: number } = {}) {
  const clock = { now: 1_000_000 };
  return { clock, limiter: new MemoryRateLimiter({ ...options, now: () => clock.now }) };
}

describe('MemoryRateLimiter', () => {
  behavesAsRateLimiter(() => limiterAt());

  it('keeps a bounded number of keys, forgetting the least recently used first', async () => {
    const { limiter } = limiterAt({ maxKeys: 100 });
    expect(await allowedOf(limiter, [organizer('flooder')], 10)).toBe(10);
    for (let i = 0; i < 1_000; i++) {
      await limiter.take([organizer(`someone-${i}-${'x'.repeat(1_000)}`)]);
      // The flooder keeps knocking, so its count stays among the recent ones.
      if (i % 50 === 0) expect((await limiter.take([organizer('flooder')])).allowed).toBe(false);
    }
    expect(limiter.size).toBeLessThanOrEqual(100);
  });

  it('keeps a bounded number of logged requests over all keys', async () => {
    const { limiter } = limiterAt({ maxEntries: 50 });
    for (let i = 0; i < 100; i++) await allowedOf(limiter, [organizer(`user-${i}`)], 10);
    expect(limiter.size).toBeLessThanOrEqual(5);
  });

  it('forgets keys whose requests all left the window', async () => {
    const { limiter, clock } = limiterAt();
    for (let i = 0; i < 100; i++) await limiter.take([organizer(`user-${i}`)]);
    clock.now += 60_000;
    // Each request cleans up to two stale keys on its way.
    for (let i = 0; i < 50; i++) await limiter.take([organizer('heidi', { count: 100, windowMs: 60_000 })]);
    expect(limiter.size).toBe(1);
  });
});
