import { createSecureServer, type Http2SecureServer } from 'node:http2';
import type { JWK } from 'jose';
import type { AddressInfo, Socket } from 'node:net';
import { controlRoutes, type EmulatorControl } from './control-api';
import { DEFAULT_APP_ROLES, Directory } from './directory';
import { entraRoutes } from './entra';
import { EventStore, type StoredEvent } from './event-store';
import { FaultQueue } from './faults';
import { graphRoutes } from './graph';
import { derivedGuid } from './ids';
import type { StoredMeeting } from './meeting-resources';
import { MeetingStore } from './meeting-store';
import { RequestRecorder } from './recorder';
import { createRequestListener } from './server';
import { Sleeper } from './sleeper';
import { generateLoopbackCertificate } from './tls';
import { TokenSigner } from './tokens';
import type { EmulatorApp, EmulatorOptions, EmulatorUser, Fault, RecordedRequest, RequestCounts } from './types';

export const DEFAULT_GRAPH_AUDIENCE = 'https://graph.microsoft.com';

export interface MintAccessTokenOptions {
  tenantId: string;
  clientId: string;
  /** Default: the app's registered roles, else the default roles. Empty: no `roles` claim. */
  roles?: readonly string[];
  /** Default: the emulator's Graph audience. */
  audience?: string;
  /** Default 3599; negative makes an expired token. */
  lifetimeSeconds?: number;
  notBeforeOffsetSeconds?: number;
}

/**
 * Entra (login.microsoftonline.com) and Graph (graph.microsoft.com) on one loopback https server that speaks
 * HTTP/2 (ALPN `h2`) and HTTP/1.1, as the real services do:
 * the product's back-end when no credentials are configured, and the test double of every test.
 */
export class Emulator implements EmulatorControl {
  /** https://host:port; serves Entra and Graph. */
  readonly baseUrl: string;
  /** Same as baseUrl: the `AUTHORITY_HOST` to use. */
  readonly authorityHost: string;
  /** Same as baseUrl: the `GRAPH_BASE_URL` to use. */
  readonly graphBaseUrl: string;
  /** The server's self-signed certificate, to trust (undici `connect.ca`, NODE_EXTRA_CA_CERTS). */
  readonly caPem: string;
  readonly graphAudience: string;

  private latencyMs = 0;
  private closing: Promise<void> | undefined;

  private constructor(
    private readonly server: Http2SecureServer,
    private readonly sockets: Set<Socket>,
    baseUrl: string,
    caPem: string,
    graphAudience: string,
    private readonly directory: Directory,
    private readonly signer: TokenSigner,
    private readonly store: MeetingStore,
    private readonly eventStore: EventStore,
    private readonly recorder: RequestRecorder,
    private readonly faults: FaultQueue,
    private readonly sleeper: Sleeper,
  ) {
    this.baseUrl = baseUrl;
    this.authorityHost = baseUrl;
    this.graphBaseUrl = baseUrl;
    this.caPem = caPem;
    this.graphAudience = graphAudience;
  }

  static async start(options: EmulatorOptions = {}): Promise<Emulator> {
    const graphAudience = normalizeAudience(options.graphAudience ?? DEFAULT_GRAPH_AUDIENCE);
    const host = options.host ?? '127.0.0.1';
    const [tls, signer] = await Promise.all([generateLoopbackCertificate(), TokenSigner.create()]);

    const directory = new Directory(options.autoProvision ?? false);
    options.tenants?.forEach((t) => directory.addTenant(t));
    options.users?.forEach((u) => directory.addUser(u));
    options.apps?.forEach((a) => directory.addApp(a));

    const server = createSecureServer({ key: tls.key, cert: tls.cert, allowHTTP1: true });
    // A socket that fails TLS or HTTP parsing is simply closed; the emulator never throws on client input.
    server.on('tlsClientError', (_err, socket) => socket.destroy());
    // Kept to be cut on close(): an HTTP/2 server has no closeAllConnections().
    const sockets = new Set<Socket>();
    server.on('secureConnection', (socket: Socket) => {
      sockets.add(socket);
      socket.once('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    const port = (server.address() as AddressInfo).port;
    const baseUrl = `https://${urlHost(host)}:${port}`;

    const emulator = new Emulator(
      server,
      sockets,
      baseUrl,
      tls.cert,
      graphAudience,
      directory,
      signer,
      new MeetingStore(options.maxMeetings ?? 20_000),
      new EventStore(options.maxMeetings ?? 20_000),
      new RequestRecorder(options.record ?? true, options.recordLimit ?? 10_000),
      new FaultQueue(),
      new Sleeper(),
    );
    const baseUrlAliases = ['127.0.0.1', 'localhost', '[::1]'].map((h) => `https://${h}:${port}`).filter((u) => u !== baseUrl);
    const routes = [
      ...entraRoutes({ directory, signer, baseUrl, baseUrlAliases, graphAudience }),
      ...graphRoutes({ directory, meetings: emulator.store, signer, graphAudience, graphBaseUrl: baseUrl, now: () => new Date(), accessPolicyDenial: options.accessPolicyDenial ?? 'General',
        events: emulator.eventStore,
        eventJoinInfo: options.eventJoinInfo ?? 'full',
      }),
      ...(options.controlApi === true ? controlRoutes(emulator) : []),
    ];
    server.on(
      'request',
      createRequestListener({
        routes,
        recorder: emulator.recorder,
        faults: emulator.faults,
        sleeper: emulator.sleeper,
        graphLatencyMs: () => emulator.latencyMs,
        baseUrl,
        logger: options.logger,
      }),
    );
    return emulator;
  }

  addApp(app: EmulatorApp): void {
    this.directory.addApp(app);
  }

  addUser(user: EmulatorUser): void {
    this.directory.addUser(user);
  }

  addTenant(id: string): void {
    this.directory.addTenant(id);
  }

  /** Queues a fault; faults apply in the order injected, each to `times` requests of its target. */
  injectFault(fault: Fault): void {
    if (fault.status !== undefined && (!Number.isInteger(fault.status) || fault.status < 100 || fault.status > 599)) {
      throw new RangeError(`Fault status must be an HTTP status, got ${fault.status}`);
    }
    if (fault.times !== undefined && (!Number.isInteger(fault.times) || fault.times < 1)) {
      throw new RangeError(`Fault times must be a positive integer, got ${fault.times}`);
    }
    this.faults.inject(fault);
  }

  clearFaults(): void {
    this.faults.clear();
  }

  /** Delay added before every Graph answer (not the token endpoint). */
  setLatency(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`Latency must be a non-negative number, got ${ms}`);
    this.latencyMs = ms;
  }

  get graphRequests(): readonly RecordedRequest[] {
    return this.recorder.graph;
  }

  get tokenRequests(): readonly RecordedRequest[] {
    return this.recorder.token;
  }

  get discoveryRequests(): readonly RecordedRequest[] {
    return this.recorder.discovery;
  }

  /** Requests seen since start or the last reset(), also when recording is off. */
  get counts(): RequestCounts {
    return this.recorder.counts();
  }

  /** Entra and Graph requests per HTTP version (`2.0`, `1.1`) since start or the last reset(). */
  get httpVersions(): Readonly<Record<string, number>> {
    return this.recorder.httpVersions();
  }

  meetings(): ReadonlyArray<StoredMeeting> {
    return this.store.all();
  }

  /** Calendar events in the organizers' calendars (a cancelled one is gone). */
  events(): ReadonlyArray<StoredEvent> {
    return this.eventStore.all();
  }

  /** The keys Entra publishes for its tokens (`jwks_uri`): what a service trusting this Entra verifies with. */
  get signingKeys(): { keys: JWK[] } {
    return this.signer.jwks;
  }

  /**
   * A token signed by this emulator, for tests of token validation (wrong audience, expired,
   * missing roles) without going through the token endpoint.
   */
  mintAccessToken(options: MintAccessTokenOptions): Promise<string> {
    const tenantId = options.tenantId.toLowerCase();
    return this.signer.mint({
      tenantId,
      clientId: options.clientId,
      objectId: derivedGuid('service-principal', options.clientId.toLowerCase(), tenantId),
      audience: options.audience ?? this.graphAudience,
      roles: options.roles ?? this.directory.findApp(options.clientId)?.roles ?? DEFAULT_APP_ROLES,
      lifetimeSeconds: options.lifetimeSeconds,
      notBeforeOffsetSeconds: options.notBeforeOffsetSeconds,
    });
  }

  /** Clears records and counters, faults, latency, meetings and events; keeps tenants, users and apps. */
  reset(): void {
    this.recorder.clear();
    this.faults.clear();
    this.store.clear();
    this.eventStore.clear();
    this.latencyMs = 0;
  }

  /** Stops listening and cuts every connection, keep-alive ones included. */
  close(): Promise<void> {
    this.closing ??= new Promise<void>((resolve) => {
      this.sleeper.cancelAll();
      this.server.close(() => resolve());
      for (const socket of this.sockets) socket.destroy();
    });
    return this.closing;
  }
}

function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}

function normalizeAudience(audience: string): string {
  const url = new URL(audience);
  if (url.protocol !== 'https:' && url.protocol !== 'api:') throw new TypeError(`graphAudience must be an https URL, got ${audience}`);
  return audience.replace(/\/+$/, '');
}
