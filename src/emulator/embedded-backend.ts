import { randomBytes, randomUUID } from 'node:crypto';
import { PRODUCTION_GRAPH_SCOPE, type GraphSettings } from '../config';
import { Emulator } from './emulator';

/**
 * The embedded default back-end: the emulator on loopback, accepting any tenant and user, with a fresh
 * app registered for this process, and the Graph settings that point at it.
 */
export async function startEmbeddedBackend(): Promise<{ emulator: Emulator; graph: GraphSettings }> {
  const emulator = await Emulator.start({ autoProvision: true });
  const clientId = randomUUID();
  const secret = randomBytes(24).toString('base64url');
  emulator.addApp({ clientId, clientSecret: secret });
  return {
    emulator,
    graph: {
      clientId,
      credential: { kind: 'secret', secret },
      authorityHost: emulator.authorityHost,
      baseUrl: emulator.graphBaseUrl,
      scope: PRODUCTION_GRAPH_SCOPE,
      caPem: emulator.caPem,
    },
  };
}
