import { MemoryRateLimiter } from '../../src/meetings/memory-rate-limiter';
import type { RateLimit, RateQuota } from '../../src/meetings/ports';

const TEN_A_MINUTE: RateLimit = { count: 10, windowMs: 60_000 };
const organizer = (key: string, limit: RateLimit = TEN_A_MINUTE): RateQuota => ({ scope: 'organizer', key, limit });
const tenant = (key: string, limit: RateLimit): RateQuota => ({ scope: 'tenant', key, limit });

/** A limiter on a clock the test moves. */
function limiterAt(start = 1_000_000, options: { maxKeys?: number; maxEntries?: number } = {}) {
  const clock = { now: start };
  return { clock, limiter: new MemoryRateLimiter({ ...options, now: () => clock.now }) };
}

async function allowedOf(limiter: MemoryRateLimiter, quotas: RateQuota[], times: number): Promise<number> {
  let allowed = 0;
  for (let i = 0; i < times; i++) if ((await limiter.take(quotas)).allowed) allowed++;
  return allowed;
}

describe('MemoryRateLimiter', () => {
  it('lets 10 of 100 rapid requests through and says when the next one fits', async () => {
    const { limiter, clock } = limiterAt();
    expect(await allowedOf(limiter, [organizer('heidi')], 10)).toBe(10);
    clock.now += 15_000;
    expect(await limiter.take([organizer('heidi')])).toEqual({ allowed: false, scope: 'organizer', retryAfterMs: 45_000 });
    expect(await allowedOf(limiter, [organizer('heidi')], 89)).toBe(0);
  });

  it('slides: a burst at the end of one minute and another at the start of the next get 10 in all', async () => {
    const { limiter, clock } = limiterAt();
    clock.now += 59_000;
    expect(await allowedOf(limiter, [organizer('heidi')], 50)).toBe(10);
    clock.now += 2_000; // a fixed window would have started afresh here
    expect(await allowedOf(limiter, [organizer('heidi')], 50)).toBe(0);
    clock.now += 57_999;
    expect(await allowedOf(limiter, [organizer('heidi')], 1)).toBe(0);
    clock.now += 1;
    expect(await allowedOf(limiter, [organizer('heidi')], 50)).toBe(10);
  });

  it('frees one place per request that leaves the window, at the time it leaves', async () => {
    const { limiter, clock } = limiterAt();
    const limit = { count: 2, windowMs: 1_000 };
    await limiter.take([organizer('heidi', limit)]);
    clock.now += 400;
    await limiter.take([organizer('heidi', limit)]);
    expect(await limiter.take([organizer('heidi', limit)])).toEqual({ allowed: false, scope: 'organizer', retryAfterMs: 600 });
    clock.now += 600;
    expect((await limiter.take([organizer('heidi', limit)])).allowed).toBe(true);
    expect(await limiter.take([organizer('heidi', limit)])).toEqual({ allowed: false, scope: 'organizer', retryAfterMs: 400 });
  });

  it('counts each organizer apart', async () => {
    const { limiter } = limiterAt();
    expect(await allowedOf(limiter, [organizer('heidi')], 20)).toBe(10);
    expect(await allowedOf(limiter, [organizer('megan')], 20)).toBe(10);
  });

  it('is all or nothing: a request the tenant refuses costs the organizer nothing, and one the organizer refuses costs the tenant nothing', async () => {
    const { limiter } = limiterAt();
    const tenantLimit = { count: 12, windowMs: 60_000 };
    // Heidi floods: 10 pass, 40 are refused by her own limit and leave the tenant's count alone.
    expect(await allowedOf(limiter, [organizer('heidi'), tenant('contoso', tenantLimit)], 50)).toBe(10);
    expect(await allowedOf(limiter, [organizer('megan'), tenant('contoso', tenantLimit)], 5)).toBe(2);
    expect(await limiter.take([organizer('megan'), tenant('contoso', tenantLimit)])).toMatchObject({ allowed: false, scope: 'tenant' });
    // Megan's refused requests were not counted for her: elsewhere she has 8 left.
    expect(await allowedOf(limiter, [organizer('megan')], 20)).toBe(8);
  });

  it('keeps a bounded number of keys, forgetting the least recently used first', async () => {
    const { limiter } = limiterAt(1_000_000, { maxKeys: 100 });
    expect(await allowedOf(limiter, [organizer('flooder')], 10)).toBe(10);
    for (let i = 0; i < 1_000; i++) {
      await limiter.take([organizer(`someone-${i}-${'x'.repeat(1_000)}`)]);
      // The flooder keeps knocking, so its count stays among the recent ones.
      if (i % 50 === 0) expect((await limiter.take([organizer('flooder')])).allowed).toBe(false);
    }
    expect(limiter.size).toBeLessThanOrEqual(100);
  });

  it('keeps a bounded number of logged requests over all keys', async () => {
    const { limiter } = limiterAt(1_000_000, { maxEntries: 50 });
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
