import type pino from 'pino';
import type { Config, GraphSettings } from './config';
import { safeHost } from './http/http-client';
import { isLoopbackName } from './server';

/** A logger that writes warnings whatever LOG_LEVEL says (but nothing when it is `silent`): for start-up lines DESIGN says always show. */
function alwaysWarning(config: Config, logger: pino.Logger): pino.Logger {
  return logger.child({}, { level: config.logLevel === 'silent' ? 'silent' : 'warn' });
}

/** Which Entra and Graph the bot uses: Microsoft's, or the embedded emulator at `emulatorUrl`. */
export function logBackend(config: Config, graph: GraphSettings, emulatorUrl: string | undefined, logger: pino.Logger): void {
  if (emulatorUrl !== undefined) {
    // DESIGN §3: this line shows at every log level, so it is written at warn whatever LOG_LEVEL says.
    alwaysWarning(config, logger).warn(
      { emulator: emulatorUrl },
      `MeetNow is using the embedded Entra + Graph emulator at ${emulatorUrl}: no Microsoft endpoint is called. Set GRAPH_CLIENT_ID/GRAPH_CLIENT_SECRET (or MicrosoftAppId/MicrosoftAppPassword) to use Microsoft Graph.`,
    );
  } else {
    logger.info({ authorityHost: graph.authorityHost, graphBaseUrl: graph.baseUrl, meetingsApi: config.meetingsApi }, 'MeetNow is using Microsoft Entra and Graph');
  }
}

/**
 * Local mode trusts every activity as sent (DESIGN §4): say so at warn, whatever LOG_LEVEL says, when it is
 * reachable from other machines or when it can book real meetings.
 */
export function warnAboutLocalMode(config: Config, logger: pino.Logger): void {
  if (config.botAuthEnabled) return;
  const warn = alwaysWarning(config, logger);
  const exposed = config.hosts.filter((host) => !isLoopbackName(host));
  if (exposed.length > 0) {
    warn.warn(
      { hosts: exposed },
      `Local mode (no MicrosoftAppId) listens beyond loopback (HOST=${exposed.join(',')}): requests are not authenticated, so set MicrosoftAppId or leave HOST unset.`,
    );
  }
  if (config.graph !== undefined) {
    warn.warn(
      { graphClientId: config.graph.clientId, authorityHost: config.graph.authorityHost },
      'Graph credentials are configured without Bot Framework authentication (no MicrosoftAppId): any local program can book meetings as any user of the tenant. Set MicrosoftAppId and MicrosoftAppPassword outside development.',
    );
  }
}

/** Which proxies outbound calls take, by host only: a proxy URL may hold a password. */
export function logProxies(config: Config, embedded: boolean, logger: pino.Logger): void {
  if (config.proxy === undefined) return;
  const { httpsProxy, httpProxy, noProxy } = config.proxy;
  const host = (proxy: string | undefined) => (proxy === undefined ? undefined : safeHost(proxy));
  logger.info(
    { httpsProxy: host(httpsProxy ?? httpProxy), httpProxy: host(httpProxy), noProxy, embeddedEmulatorDirect: embedded || undefined },
    'outbound calls go through a proxy (HTTPS_PROXY, HTTP_PROXY), except to the hosts in NO_PROXY',
  );
}
