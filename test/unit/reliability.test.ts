import { isRetryableDeliveryError } from '../../src/bot/meeting-delivery';
import { loadConfig } from '../../src/config';
import { redisTarget } from '../../src/meetings/redis-dedupe-store';

describe('REDIS_URL', () => {
  it('accepts redis:// and rediss:// URLs', () => {
    expect(loadConfig({ REDIS_URL: 'redis://:pw@cache.internal:6380/2' }).redisUrl).toBe('redis://:pw@cache.internal:6380/2');
    expect(loadConfig({ REDIS_URL: 'rediss://cache.example' }).redisUrl).toBe('rediss://cache.example');
    expect(loadConfig({}).redisUrl).toBeUndefined();
  });

  it('refuses anything else, naming the variable but not the value', () => {
    expect(() => loadConfig({ REDIS_URL: 'http://user:hunter2@cache' })).toThrow(/REDIS_URL: must be an absolute redis:\/\/ or rediss:\/\/ URL/);
    expect(() => loadConfig({ REDIS_URL: 'http://user:hunter2@cache' })).not.toThrow(/hunter2/);
  });

  it('is shown in logs and errors as host:port only', () => {
    expect(redisTarget('redis://user:hunter2@cache.internal:6380/1')).toBe('cache.internal:6380');
    expect(redisTarget('rediss://:hunter2@cache.internal')).toBe('cache.internal:6379');
  });
});

describe('which Bot Connector failures are retried', () => {
  it.each([
    [{ statusCode: 500 }, true],
    [{ statusCode: 502 }, true],
    [{ statusCode: 429 }, true],
    [{ statusCode: 408 }, true],
    [new Error('ECONNREFUSED'), true],
    [{ statusCode: 403 }, false],
    [{ statusCode: 404 }, false],
    [{ statusCode: 400 }, false],
  ])('%j → %s', (error, retryable) => {
    expect(isRetryableDeliveryError(error)).toBe(retryable);
  });
});
