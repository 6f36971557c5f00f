import type { GraphSettings } from './config';
import type { Emulator } from './emulator';
import type { RedisDedupeStore } from './meetings/redis-dedupe-store';

// Modules that only some configurations need, loaded on first use: a plain `import` would load them into
// every process.

/**
 * The embedded default back-end: a configured bot (or doctor run) never needs the emulator's modules
 * (13 MB of RSS, start-up time). The one place production code reaches the emulator.
 */
export function startEmbeddedBackend(): Promise<{ emulator: Emulator; graph: GraphSettings }> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { startEmbeddedBackend: start } = require('./emulator/embedded-backend') as typeof import('./emulator/embedded-backend');
  return start();
}

/** The Redis dedupe store, loaded only with REDIS_URL: a single instance never needs ioredis (1 MB of heap). */
export function connectRedis(options: Parameters<typeof RedisDedupeStore.connect>[0]): Promise<RedisDedupeStore> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { RedisDedupeStore: Store } = require('./meetings/redis-dedupe-store') as typeof import('./meetings/redis-dedupe-store');
  return Store.connect(options);
}
