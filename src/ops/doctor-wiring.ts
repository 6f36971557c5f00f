import { MsalNetworkClient } from '../auth/msal-network-client';
import { MsalTokenProvider } from '../auth/token-provider';
import type { GraphSettings } from '../config';
import type { Emulator } from '../emulator';
import { GraphClient } from '../graph/graph-client';
import { UndiciHttpClient, type ProxySettings } from '../http/http-client';
import { createLogger } from '../logger';

/** Everything the doctor talks to, for one run. */
export interface Wiring {
  graph: GraphSettings;
  http: UndiciHttpClient;
  tokens: MsalTokenProvider;
  graphClient: GraphClient;
  emulator?: Emulator;
}

export function wire(graph: GraphSettings, proxy: ProxySettings | undefined, timeoutMs: number, http2: boolean, emulator?: Emulator): Wiring {
  // As the bot: through the configured proxy (except to the embedded emulator in this process), with the
  // bot's own protocol choice, so the doctor sees what a proxy or middlebox does to it.
  const http = new UndiciHttpClient({ caPem: graph.caPem, proxy: emulator === undefined ? proxy : undefined, defaultTimeoutMs: timeoutMs, http2 });
  const tokens = new MsalTokenProvider({
    settings: graph,
    networkClient: new MsalNetworkClient(http),
    logger: createLogger('silent'),
    // The doctor diagnoses what Entra says now, never a failure remembered from earlier.
    failureMemoryMs: 0,
  });
  // The doctor reports a throttled Graph rather than waiting out long Retry-After values.
  const graphClient = new GraphClient({ baseUrl: graph.baseUrl, http, tokens, retryPolicy: { maxAttempts: 2, budgetMs: 5_000, backoffMs: () => 500 } });
  return { graph, http, tokens, graphClient, emulator };
}
