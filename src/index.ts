import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { ConfigurationBotFrameworkAuthentication, ConfigurationServiceClientCredentialFactory } from 'botbuilder';
import type { ServiceClientCredentialsFactory } from 'botframework-connector';
import type pino from 'pino';
import { MsalNetworkClient } from './auth/msal-network-client';
import { MsalTokenProvider } from './auth/token-provider';
import { MeetNowAdapter } from './bot/adapter';
import { DirectConnector } from './bot/direct-connector';
import { MeetBot } from './bot/meet-bot';
import { RedeliveryGuard } from './bot/redelivery-guard';
import { PooledCredentialsFactory } from './bot/pooled-bot-credentials';
import { replyOnTurnError } from './bot/turn-error';
import { WelcomeMemory } from './bot/welcome';
import { CardRenderer } from './cards/card-renderer';
import { loadConfig, type GraphSettings } from './config';
import type { MeetNowHandle } from './meetnow-handle';
import { connectRedis, startEmbeddedBackend } from './optional-modules';
import { listen, listenFailure } from './listen';
import { logBackend, logProxies, warnAboutLocalMode } from './startup-notes';
import { MeetNowError } from './errors';
import { GraphClient } from './graph/graph-client';
import { GraphUserDirectory } from './graph/user-directory';
import { IdentityMapFile } from './identity/identity-map';
import { ChannelOrganizerResolver } from './identity/organizer-resolver';
import { CalendarMeetingsApi } from './graph/calendar-meetings-api';
import { AppMeetingsApi, UsersMeetingsApi } from './graph/meetings-api';
import { GraphMeetingCanceller } from './graph/meeting-canceller';
import { UndiciHttpClient } from './http/http-client';
import { createLogger, flushLogger } from './logger';
import { MeetingService } from './meetings/meeting-service';
import { MeetingCancellation } from './meetings/cancellation';
import { TenantPolicy } from './meetings/tenant-policy';
import { MemoryDedupeStore } from './meetings/memory-dedupe-store';
import { MemoryRateLimiter } from './meetings/memory-rate-limiter';
import { RedisRateLimiter } from './meetings/redis-rate-limiter';
import type { DedupeStore } from './meetings/ports';
import { MeetingDelivery } from './bot/meeting-delivery';
import { InFlightRequests } from './http/in-flight';
import { MeteredGraphHttp, MeteredMeetingsApi, MeteredRateLimiter } from './ops/metered';
import { MeetNowMetrics, type MemoryName } from './ops/metrics';
import { startMetricsServer, type MetricsServer } from './ops/metrics-server';
import { ReadinessProbe } from './ops/readiness';
import { LoggingTurnTelemetry } from './ops/turn-trace';
import { ConnectionGuard } from './http/connection-guard';
import { applyHttpTimeouts, createServer, HTTP_TIMEOUTS, type HttpTimeouts } from './server';

export type { MeetNowHandle } from './meetnow-handle';

export interface MeetNowOptions {
  /** Extra CA to trust for Entra and Graph (tests; production uses NODE_EXTRA_CA_CERTS). */
  caPem?: string;
  /** Where logs go (tests capture them); stdout by default. */
  logDestination?: pino.DestinationStream;
  /** Tests: shorter waits than production's, so that slow paths run in a fraction of a second. */
  timing?: {
    acknowledgeAfterMs?: number;
    /** How long a compose-box submit waits for its meeting before answering "being created" (default 3.5 s). */
    composeAnswerAfterMs?: number;
    typingAfterMs?: number;
    deliveryRetryDelaysMs?: number[];
    /** Whole-attempt deadline of each Graph and Entra call (default 10 s). */
    httpTimeoutMs?: number;
    /** How long shutdown waits for turns in flight and meetings still being delivered (default 25 s). */
    shutdownGraceMs?: number;
    /** The bot port's header, request and keep-alive timeouts (default HTTP_TIMEOUTS: 10 s, 15 s, 5 s). */
    http?: Partial<HttpTimeouts>;
  };
  /**
   * Tests: outbound Bot Connector credentials instead of botbuilder's msal client, which cannot be pointed
   * at a local Entra (inbound JWT validation still comes from the environment).
   */
  botCredentials?: ServiceClientCredentialsFactory;
}

/** A memory of this process whose size in bytes is a metric (remembered card clicks, welcomed conversations). */
function watched<T>(metrics: MeetNowMetrics, name: MemoryName, memory: T, bytes: (memory: T) => number): T {
  metrics.watchMemory(name, () => bytes(memory));
  return memory;
}

/** The composition root: configuration → adapters → server → listen. The only place that constructs. */
export async function startMeetNow(env: NodeJS.ProcessEnv, options: MeetNowOptions = {}): Promise<MeetNowHandle> {
  const config = loadConfig(env);
  const pretty = config.logFormat === 'pretty' || (config.logFormat === 'auto' && options.logDestination === undefined && process.stdout.isTTY === true);
  const logger = createLogger(config.logLevel, options.logDestination, { pretty });
  const metrics = new MeetNowMetrics();
  // Validated before anything starts: a bad map stops the bot with a message naming the bad entry.
  const identityMap =
    config.identityMapPath === undefined
      ? undefined
      : new IdentityMapFile(config.identityMapPath, {
          onReload: (entries) => logger.info({ entries }, 'identity map reloaded'),
          onReloadError: (error) => logger.error({ reason: error.message }, 'identity map changed but is invalid: the previous map stays in force'),
        });

  const embedded = config.graph === undefined ? await startEmbeddedBackend() : undefined;
  const graph: GraphSettings = embedded?.graph ?? { ...(config.graph as GraphSettings), caPem: options.caPem };
  logBackend(config, graph, embedded?.emulator.baseUrl, logger);
  warnAboutLocalMode(config, logger);
  // Several instances behind a load balancer share their dedupe memory through Redis; an unreachable
  // REDIS_URL stops start-up cleanly (after the back-end line above, which DESIGN §3 wants first).
  const redis =
    config.redisUrl === undefined
      ? undefined
      : await connectRedis({ url: config.redisUrl, logger }).catch(async (error: unknown) => {
          await embedded?.emulator.close();
          throw error;
        });

  logProxies(config, embedded !== undefined, logger);
  // The embedded emulator lives in this process on loopback: a proxy elsewhere could not reach it.
  const http = new UndiciHttpClient({ caPem: graph.caPem, proxy: embedded === undefined ? config.proxy : undefined, defaultTimeoutMs: options.timing?.httpTimeoutMs, http2: config.graphHttp2 });
  const onRetry = (info: { attempt: number; status: number; waitMs: number }) => logger.info(info, 'throttled: retrying');
  const tokens = new MsalTokenProvider({
    settings: graph,
    networkClient: new MsalNetworkClient(http, {
      onRetry: (info) => (onRetry(info), metrics.retry('token', info.status)),
      onResponse: (url, response) => {
        if (/\/oauth2\/v2\.0\/token(?:\?|$)/.test(url)) metrics.tokenResponse(response.status);
      },
    }),
    logger,
    fixedTenantId: config.graphTenantId,
    onTokenRequest: (tenantId) => logger.debug({ tenantId }, 'token request'),
  });
  const graphClient = new GraphClient({
    baseUrl: graph.baseUrl,
    http: new MeteredGraphHttp(http, metrics),
    tokens,
    events: { onRetry: (info) => (onRetry(info), metrics.retry('graph', info.status)) },
    onExchange: (exchange) => metrics.graphExchange(exchange),
  });
  const onlineApi = config.meetingsApi === 'app' ? new AppMeetingsApi(graphClient) : new UsersMeetingsApi(graphClient);
  const scheduledApi =
    config.scheduledMeetings === 'calendar'
      ? new CalendarMeetingsApi(graphClient, onlineApi, (error, input) =>
          logger.warn({ code: error.code, status: error.status, requestId: error.requestId, organizer: input.organizer.objectId, err: error }, 'dial-in of the calendar meeting not found: the card goes without it'),
        )
      : onlineApi;
  const api = new MeteredMeetingsApi(scheduledApi, metrics, config.meetingsApi);
  const dedupe: DedupeStore = redis ?? watched(metrics, 'card_clicks', new MemoryDedupeStore(), (store) => store.rememberedBytes);
  const meetings = new MeetingService({
    api,
    dedupe,
    limits: {
      // With REDIS_URL every instance counts in the same place, on the dedupe store's connection.
      limiter: new MeteredRateLimiter(redis === undefined ? new MemoryRateLimiter() : new RedisRateLimiter(redis.redis, { target: redis.target }), metrics),
      organizer: config.organizerRateLimit,
      tenant: config.tenantRateLimit,
    },
  });
  const delivery = new MeetingDelivery({ retryDelaysMs: options.timing?.deliveryRetryDelaysMs }, { onRetry: (info) => (onRetry(info), metrics.retry('bot_connector', info.status)) });
  identityMap?.watch();
  const bot = new MeetBot({
    meetings,
    // The canceller names the clicker's mailbox in every call (src/meetings/cancellation.ts).
    cancellations: new MeetingCancellation({ api: new GraphMeetingCanceller(graphClient), dedupe }),
    organizers: new ChannelOrganizerResolver(identityMap, new GraphUserDirectory(graphClient)),
    tenants: new TenantPolicy(config.allowedTenants),
    redeliveries: new RedeliveryGuard(dedupe),
    cards: new CardRenderer(),
    logger,
    replyContext: { graphAppId: graph.clientId, authorityHost: graph.authorityHost },
    telemetry: new LoggingTurnTelemetry(logger, metrics),
    delivery,
    welcomed: watched(metrics, 'welcome', new WelcomeMemory(), (memory) => memory.bytes),
    acknowledgeAfterMs: options.timing?.acknowledgeAfterMs,
    composeAnswerAfterMs: options.timing?.composeAnswerAfterMs,
    typingAfterMs: options.timing?.typingAfterMs,
  });
  // The embedded emulator accepts any tenant, so there is always one to prove the token path with.
  const readiness = new ReadinessProbe({
    tokens,
    tenantId: config.readinessTenantId ?? (embedded === undefined ? undefined : randomUUID()),
    onChange: ({ ready, status, code, reason, tenantId }) =>
      ready ? logger.info({ status, tenantId }, 'ready: a Graph token was issued') : logger.warn({ status, code, tenantId, reason }, `not ready: ${reason ?? status}`),
  });

  // Its own pool, with Node's trust store only: the Bot Connector is never the emulator.
  const connectorHttp = new UndiciHttpClient({ proxy: config.proxy, defaultTimeoutMs: options.timing?.httpTimeoutMs, http2: false });
  const adapter = new MeetNowAdapter(
    new ConfigurationBotFrameworkAuthentication(
      config.botFrameworkSettings,
      // The bot's own token comes from Entra like the Graph token: over the same pool, through the same proxy.
      options.botCredentials ?? new PooledCredentialsFactory(new ConfigurationServiceClientCredentialFactory(config.botFrameworkSettings), new MsalNetworkClient(http, { onRetry })),
    ),
    new DirectConnector(connectorHttp),
  );
  adapter.onTurnError = replyOnTurnError(logger);
  const server = createServer({ adapter, logic: bot.run, logger, readiness, loopbackOnly: !config.botAuthEnabled });

  const inFlight = new InFlightRequests();
  inFlight.track(server.server);
  const timeouts: HttpTimeouts = { ...HTTP_TIMEOUTS, ...options.timing?.http };
  let refusalLoggedAt = -Infinity;
  const connections = new ConnectionGuard(config.connections, (address) => {
    // Refusals come in floods: one line per 10 s says enough.
    if (Date.now() - refusalLoggedAt < 10_000) return;
    refusalLoggedAt = Date.now();
    logger.warn({ address, ...config.connections }, 'connection refused: every connection is busy with a request (HTTP_MAX_CONNECTIONS, HTTP_MAX_CONNECTIONS_PER_CLIENT)');
  });
  const guard = (listener: HttpServer) => {
    applyHttpTimeouts(listener, timeouts);
    connections.attach(listener);
  };
  guard(server.server);

  /** What start-up opened before listening: released when listening fails, and at the end of shutdown. */
  const release = async () => {
    identityMap?.close();
    await redis?.close();
    await http.close();
    await connectorHttp.close();
    await embedded?.emulator.close();
  };
  const [primaryHost = '127.0.0.1', ...otherHosts] = config.hosts;
  try {
    // restify re-emits its http server's 'error' on itself, so that is where a listen failure is handled.
    await listen(server, config.port, primaryHost);
  } catch (error) {
    await release();
    throw listenFailure(error, config, primaryHost);
  }
  // After listening, an 'error' is a failed accept (out of file descriptors): worth a line, not the process.
  const onListenerError = (error: Error) => logger.error({ err: error }, 'the bot port could not accept a connection');
  server.on('error', onListenerError);
  const port = (server.server.address() as AddressInfo).port;
  // Local mode listens on both loopback families; restify owns one socket, so mirror it on the others.
  const mirrors: HttpServer[] = [];
  for (const host of otherHosts) {
    const mirror = createHttpServer((req, res) => server.server.emit('request', req, res));
    mirror.on('checkContinue', (req, res) => server.server.emit('checkContinue', req, res));
    guard(mirror);
    try {
      await listen(mirror, port, host);
      mirror.on('error', onListenerError);
      mirrors.push(mirror);
    } catch (error) {
      logger.warn({ host, reason: (error as Error).message }, 'could not listen on this address');
    }
  }
  const displayHost = primaryHost === '::' ? 'localhost' : primaryHost.includes(':') ? `[${primaryHost}]` : primaryHost;
  const url = `http://${displayHost}:${port}`;
  logger.info({ url: `${url}/api/messages`, hosts: config.hosts, botAuth: config.botAuthEnabled }, 'MeetNow is listening');

  let metricsServer: MetricsServer | undefined;
  if (config.metrics !== undefined) {
    try {
      metricsServer = await startMetricsServer(metrics, config.metrics.host, config.metrics.port);
      logger.info({ url: metricsServer.url }, 'metrics are served');
    } catch (error) {
      // Metrics are secondary: a taken port must not keep the bot from serving Teams.
      logger.warn({ ...config.metrics, reason: (error as Error).message }, 'metrics are off: cannot listen on METRICS_HOST:METRICS_PORT');
    }
  }

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      readiness.markShuttingDown();
      for (const mirror of mirrors) mirror.close();
      // Graceful: stop accepting, let the turns in flight answer, deliver the meetings still on their way.
      const graceMs = options.timing?.shutdownGraceMs ?? 25_000;
      const deadline = Date.now() + graceMs;
      server.close();
      if (!(await inFlight.drain(graceMs))) logger.warn({ requests: inFlight.count }, 'shutting down with requests still in flight');
      server.server.closeAllConnections();
      for (const mirror of mirrors) mirror.closeAllConnections();
      const drained = await Promise.race([bot.drain().then(() => true), sleep(Math.max(0, deadline - Date.now()), false, { ref: false })]);
      if (!drained) delivery.abandon();
      await release();
      await metricsServer?.close();
      await flushLogger(logger);
    })());

  return { config, url, port, emulator: embedded?.emulator, graph, metrics, metricsUrl: metricsServer?.url, readiness, close };
}

async function main(): Promise<void> {
  let handle: MeetNowHandle;
  try {
    handle = await startMeetNow(process.env);
  } catch (error) {
    const message = error instanceof MeetNowError && error.code === 'config_invalid' ? error.message : `MeetNow failed to start: ${(error as Error).message}`;
    process.stderr.write(`${message}\n`);
    process.exit(1);
  }
  const stop = () => {
    // SIGTERM: stop accepting, finish the turns in flight, then exit; never hang past the grace period.
    setTimeout(() => process.exit(1), 30_000).unref();
    void handle.close().then(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

if (require.main === module) void main();
