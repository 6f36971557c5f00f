import type { GraphSettings } from './config';
import type { Emulator } from './emulator';

/**
 * The embedded default back-end, loaded only when used: a configured bot (or doctor run) never needs the
 * emulator's modules (13 MB of RSS, start-up time). The one place production code reaches the emulator.
 */
export function startEmbeddedBackend(): Promise<{ emulator: Emulator; graph: GraphSettings }> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { startEmbeddedBackend: start } = require('./emulator/embedded-backend') as typeof import('./emulator/embedded-backend');
  return start();
}
