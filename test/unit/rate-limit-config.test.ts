import { loadConfig } from '../../src/config';

describe('MEET_RATE_LIMIT and MEET_TENANT_RATE_LIMIT', () => {
  it('limit every organizer to 10 meetings a minute and every tenant to 600 by default', () => {
    const config = loadConfig({});
    expect(config.organizerRateLimit).toEqual({ count: 10, windowMs: 60_000 });
    expect(config.tenantRateLimit).toEqual({ count: 600, windowMs: 60_000 });
  });

  it.each([
    ['10/1m', { count: 10, windowMs: 60_000 }],
    ['5/30s', { count: 5, windowMs: 30_000 }],
    ['10/m', { count: 10, windowMs: 60_000 }],
    [' 100 / 2H ', { count: 100, windowMs: 7_200_000 }],
    ['1/24h', { count: 1, windowMs: 86_400_000 }],
  ])('read %j as a count per window', (value, limit) => {
    expect(loadConfig({ MEET_RATE_LIMIT: value, MEET_TENANT_RATE_LIMIT: value })).toMatchObject({ organizerRateLimit: limit, tenantRateLimit: limit });
  });

  it('are turned off with "off" in any case; blank keeps the default', () => {
    const config = loadConfig({ MEET_RATE_LIMIT: 'off', MEET_TENANT_RATE_LIMIT: 'OFF' });
    expect(config.organizerRateLimit).toBeUndefined();
    expect(config.tenantRateLimit).toBeUndefined();
    expect(loadConfig({ MEET_RATE_LIMIT: '  ' }).organizerRateLimit).toEqual({ count: 10, windowMs: 60_000 });
  });

  it.each(['ten', '0/1m', '-1/1m', '10/0s', '10/2d', '10/25h', '10', '10/1m/1h', '2000000/1h', '1.5/1m', 'none'])(
    'refuse %j at start-up, naming the variable and the syntax',
    (value) => {
      expect(() => loadConfig({ MEET_RATE_LIMIT: value })).toThrow(/MEET_RATE_LIMIT: must be <count>\/<window> .*\(10\/1m\), or off/);
      expect(() => loadConfig({ MEET_TENANT_RATE_LIMIT: value })).toThrow(/MEET_TENANT_RATE_LIMIT: must be/);
    },
  );
});
