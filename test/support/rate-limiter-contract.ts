import { randomUUID } from 'node:crypto';
import type { RateLimit, RateLimiter, RateQuota } from '../../src/meetings/ports';

export const TEN_A_MINUTE: RateLimit = { count: 10, windowMs: 60_000 };
export const organizer = (key: string, limit: RateLimit = TEN_A_MINUTE): RateQuota => ({ scope: 'organizer', key, limit });
export const tenant = (key: string, limit: RateLimit): RateQuota => ({ scope: 'tenant', key, limit });

/** A limiter and the clock it counts with, which the test moves. */
export interface ClockedLimiter {
  limiter: RateLimiter;
  clock: { now: number };
}

export async function allowedOf(limiter: RateLimiter, quotas: RateQuota[], times: number): Promise<number> {
  let allowed = 0;
  for (let i = 0; i < times; i++) if ((await limiter.take(quotas)).allowed) allowed++;
  return allowed;
}

/** What every RateLimiter adapter does (memory, Redis): the window logic, on a clock the test moves. */
export function behavesAsRateLimiter(make: () => ClockedLimiter): void {
  // Keys of their own per test: the Redis adapter's counts outlive one test.
  let heidi: string;
  let megan: string;
  let contoso: string;
  beforeEach(() => {
    [heidi, megan, contoso] = [randomUUID(), randomUUID(), randomUUID()];
  });

  it('lets 10 of 100 rapid requests through and says when the next one fits', async () => {
    const { limiter, clock } = make();
    expect(await allowedOf(limiter, [organizer(heidi)], 10)).toBe(10);
    clock.now += 15_000;
    expect(await limiter.take([organizer(heidi)])).toEqual({ allowed: false, scope: 'organizer', retryAfterMs: 45_000 });
    expect(await allowedOf(limiter, [organizer(heidi)], 89)).toBe(0);
  });

  it('slides: a burst at the end of one minute and another at the start of the next get 10 in all', async () => {
    const { limiter, clock } = make();
    clock.now += 59_000;
    expect(await allowedOf(limiter, [organizer(heidi)], 50)).toBe(10);
    clock.now += 2_000; // a fixed window would have started afresh here
    expect(await allowedOf(limiter, [organizer(heidi)], 50)).toBe(0);
    clock.now += 57_999;
    expect(await allowedOf(limiter, [organizer(heidi)], 1)).toBe(0);
    clock.now += 1;
    expect(await allowedOf(limiter, [organizer(heidi)], 50)).toBe(10);
  });

  it('frees one place per request that leaves the window, at the time it leaves', async () => {
    const { limiter, clock } = make();
    const limit = { count: 2, windowMs: 1_000 };
    await limiter.take([organizer(heidi, limit)]);
    clock.now += 400;
    await limiter.take([organizer(heidi, limit)]);
    expect(await limiter.take([organizer(heidi, limit)])).toEqual({ allowed: false, scope: 'organizer', retryAfterMs: 600 });
    clock.now += 600;
    expect((await limiter.take([organizer(heidi, limit)])).allowed).toBe(true);
    expect(await limiter.take([organizer(heidi, limit)])).toEqual({ allowed: false, scope: 'organizer', retryAfterMs: 400 });
  });

  it('counts each organizer apart', async () => {
    const { limiter } = make();
    expect(await allowedOf(limiter, [organizer(heidi)], 20)).toBe(10);
    expect(await allowedOf(limiter, [organizer(megan)], 20)).toBe(10);
  });

  it('is all or nothing: a request the tenant refuses costs the organizer nothing, and one the organizer refuses costs the tenant nothing', async () => {
    const { limiter } = make();
    const tenantLimit = { count: 12, windowMs: 60_000 };
    // Heidi floods: 10 pass, 40 are refused by her own limit and leave the tenant's count alone.
    expect(await allowedOf(limiter, [organizer(heidi), tenant(contoso, tenantLimit)], 50)).toBe(10);
    expect(await allowedOf(limiter, [organizer(megan), tenant(contoso, tenantLimit)], 5)).toBe(2);
    expect(await limiter.take([organizer(megan), tenant(contoso, tenantLimit)])).toMatchObject({ allowed: false, scope: 'tenant' });
    // Megan's refused requests were not counted for her: elsewhere she has 8 left.
    expect(await allowedOf(limiter, [organizer(megan)], 20)).toBe(8);
  });
}
