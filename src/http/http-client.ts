import type { Readable } from 'node:stream';
import { createSecureContext, type TLSSocket } from 'node:tls';
import { Agent, Client, EnvHttpProxyAgent, Pool, errors, request, type buildConnector, type Dispatcher } from 'undici';
import { MeetNowError } from '../errors';

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  headers?: Record<string, string>;
  body?: string;
  /** Whole-attempt deadline (connect, headers and body), at most the client's default. */
  timeoutMs?: number;
  /**
   * Sending it twice does no harm (a GET, a token request, Graph's createOrGet keyed by externalId). Only such
   * requests go over HTTP/2, sharing a connection with others in flight, because undici 7 sends them again on a
   * new connection when the server closes the old one with GOAWAY (and would queue the others one by one behind
   * each other on a shared connection); the rest keep HTTP/1.1 connections of their own. Default: true for GET.
   */
  idempotent?: boolean;
}

export interface HttpResponse {
  status: number;
  /** Lower-case header names. */
  headers: Record<string, string>;
  body: string;
}

/** The one outbound HTTP port: Graph, Entra and Bot Connector calls go through it, so tests and benchmarks see every request. */
export interface HttpClient {
  send(req: HttpRequest): Promise<HttpResponse>;
  close(): Promise<void>;
}

/**
 * Outbound proxies, from `HTTPS_PROXY`, `HTTP_PROXY` and `NO_PROXY` (config.ts). Routing is undici's
 * EnvHttpProxyAgent's: an https:// target goes through `httpsProxy`, else through `httpProxy`; an http://
 * target through `httpProxy`; a host matching `noProxy` goes direct.
 */
export interface ProxySettings {
  httpsProxy?: string;
  httpProxy?: string;
  /** Comma- or space-separated host names (a name covers its subdomains, `.x`/`*.x` too), each with an optional `:port`; `*` for all. */
  noProxy?: string;
}

export interface DispatcherOptions {
  /** Extra trusted CA in PEM (the embedded emulator's certificate). Without it Node's trust store applies. */
  caPem?: string;
  /** Undefined: every call is direct. */
  proxy?: ProxySettings;
  /** Deadline of setting up a connection (TCP, the proxy's tunnel, TLS). */
  connectTimeoutMs?: number;
  /** Offer HTTP/2 (ALPN `h2`, falling back to HTTP/1.1 when the server does not take it); `GRAPH_HTTP2`. Default true. */
  http2?: boolean;
}

export interface UndiciHttpClientOptions extends DispatcherOptions {
  defaultTimeoutMs?: number;
  /** Largest response body accepted; a bigger one is a network error, not an out-of-memory. */
  maxResponseBytes?: number;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_MAX_RESPONSE_BYTES = 4 * 1024 * 1024;
/** Requests in flight on one HTTP/2 connection: undici's and Node's default; a server's SETTINGS may lower it. */
const STREAMS_PER_CONNECTION = 100;

/**
 * A keep-alive pool, behind undici's EnvHttpProxyAgent when a proxy is configured. The proxies come from
 * config, never from undici reading process.env: an empty string stands for "none", where undefined would send
 * EnvHttpProxyAgent to the environment.
 */
export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const http2 = options.http2 !== false;
  const tls = {
    // One TLS context for every connection: without it each new connection builds its own (its CA store
    // included), a third of a handshake's CPU when a burst of users opens many connections at once.
    secureContext: createSecureContext(options.caPem === undefined ? {} : { ca: options.caPem }),
    // undici does not abort a connection being set up when the request's deadline passes: a host that accepts
    // TCP and never completes TLS would hold a request for undici's own 10 s, whatever the deadline.
    timeout: options.connectTimeoutMs,
    // Inside a CONNECT tunnel the ALPN offer comes from `requestTls`, so it is said here too.
    allowH2: http2,
  };
  const pool = { keepAliveTimeout: 30_000, keepAliveMaxTimeout: 600_000, connect: tls, ...(http2 ? http2Options() : {}) };
  if (options.proxy === undefined) return new Agent(pool);
  return new EnvHttpProxyAgent({
    ...pool,
    // TLS to the origin inside the CONNECT tunnel: undici applies `requestTls` there, not `connect`.
    requestTls: tls,
    httpsProxy: options.proxy.httpsProxy ?? '',
    httpProxy: options.proxy.httpProxy ?? '',
    noProxy: options.proxy.noProxy ?? '',
  });
}

/** Keep-alive connection pool over undici: TLS handshakes are paid once and reused by every turn; over HTTP/2 one connection carries many turns at once. */
export class UndiciHttpClient implements HttpClient {
  /** HTTP/2 where offered (with `http2`), for repeatable requests. */
  private readonly agent: Dispatcher;
  /** HTTP/1.1, one request per connection: for requests that must not be sent twice. */
  private readonly singleAgent: Dispatcher;
  private readonly proxy: ProxySettings | undefined;
  private readonly defaultTimeoutMs: number;
  private readonly maxResponseBytes: number;

  constructor(options: UndiciHttpClientOptions = {}) {
    this.defaultTimeoutMs = options.defaultTimeoutMs ?? DEFAULT_TIMEOUT_MS;
    const dispatcher = { ...options, connectTimeoutMs: this.defaultTimeoutMs };
    this.singleAgent = createDispatcher({ ...dispatcher, http2: false });
    this.agent = options.http2 === false ? this.singleAgent : createDispatcher(dispatcher);
    this.proxy = options.proxy;
    this.maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  }

  async send(req: HttpRequest): Promise<HttpResponse> {
    // The caller may shorten an attempt (what is left of a retry budget), never lengthen it.
    const timeoutMs = Math.min(req.timeoutMs ?? this.defaultTimeoutMs, this.defaultTimeoutMs);
    // A plain timer, not an AbortSignal: measured on Node 20, a signal costs 15-40 µs of CPU per request, about a
    // fifth of a Graph call over HTTP/2. undici's headers and body timeouts still end an abandoned request.
    let expired = false;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => {
        expired = true;
        reject(timedOut(req, timeoutMs));
      }, timeoutMs);
    });
    try {
      return await Promise.race([this.attempt(req, timeoutMs, () => expired), deadline]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async attempt(req: HttpRequest, timeoutMs: number, abandoned: () => boolean): Promise<HttpResponse> {
    const repeatable = req.idempotent ?? req.method === 'GET';
    try {
      const response = await request(req.url, {
        dispatcher: repeatable ? this.agent : this.singleAgent,
        method: req.method,
        headers: req.headers,
        body: req.body,
        idempotent: repeatable,
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
      });
      const body = await this.readBody(response.body, req, timeoutMs, abandoned);
      const headers: Record<string, string> = {};
      for (const name in response.headers) {
        const value = response.headers[name];
        if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
      }
      return { status: response.statusCode, headers, body };
    } catch (error) {
      if (error instanceof MeetNowError) throw error;
      if (error instanceof errors.HeadersTimeoutError || error instanceof errors.BodyTimeoutError) throw timedOut(req, timeoutMs, error);
      const reason = this.proxyFailure(req.url, error) ?? describeNetworkError(error);
      throw new MeetNowError('network', `${req.method} ${safeHost(req.url)} failed: ${reason}`, { cause: error });
    }
  }

  /**
   * The body as UTF-8 text, up to `maxResponseBytes`. Read by its events: an async iterator over the stream
   * (`for await`) costs several objects per chunk and per body, on every Graph and Bot Connector call.
   */
  private readBody(body: Readable, req: HttpRequest, timeoutMs: number, abandoned: () => boolean): Promise<string> {
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const fail = (error: MeetNowError) => {
        body.destroy();
        reject(error);
      };
      body.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (abandoned()) fail(timedOut(req, timeoutMs));
        else if (size > this.maxResponseBytes) fail(new MeetNowError('network', `response from ${safeHost(req.url)} exceeds ${this.maxResponseBytes} bytes`));
        else chunks.push(chunk);
      });
      body.once('end', () => resolve((chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks)).toString('utf8')));
      body.once('error', reject);
    });
  }

  async close(): Promise<void> {
    await Promise.all([...new Set([this.agent, this.singleAgent])].map((agent) => agent.close()));
  }

  /**
   * A failure of the proxy itself, naming it by host only (its URL may hold a password): its refusal of the
   * tunnel (407, 403, 502…), or a connection to it that failed (refused, unknown name).
   */
  private proxyFailure(url: string, error: unknown): string | undefined {
    const proxyUrl = url.startsWith('https:') ? (this.proxy?.httpsProxy ?? this.proxy?.httpProxy) : this.proxy?.httpProxy;
    if (proxyUrl === undefined || typeof error !== 'object' || error === null) return undefined;
    const proxy = new URL(proxyUrl);
    // Read by shape: a socket error comes from Node's own realm, not always an `instanceof Error` here.
    const failed = error as { message?: unknown; code?: unknown; address?: unknown; port?: unknown; hostname?: unknown };
    const status = typeof failed.message === 'string' ? PROXY_REFUSAL.exec(failed.message)?.[1] : undefined;
    if (status !== undefined) {
      const hint = status === '407' ? ': the proxy wants credentials (user:password@ in the proxy URL) or refused the ones given' : '';
      return `the proxy ${proxy.host} refused the tunnel with HTTP ${status}${hint}`;
    }
    const name = proxy.hostname.replace(/^\[|\]$/g, '');
    const port = Number(proxy.port === '' ? (proxy.protocol === 'https:' ? 443 : 80) : proxy.port);
    const toProxy = failed.hostname === name || (failed.address === name && failed.port === port);
    return typeof failed.code === 'string' && toProxy ? `the proxy ${proxy.host} could not be reached (${failed.code})` : undefined;
  }
}

/** undici's words when the proxy answers CONNECT with anything but 200 (lib/dispatcher/proxy-agent.js). */
const PROXY_REFUSAL = /^Proxy response \((\d{3})\) !== 200/;

/**
 * HTTP/2 where the server's ALPN offers it. undici 7 lets a connection carry only `pipelining` requests at once even
 * over HTTP/2 (nodejs/undici#4143, fixed in undici 8), and `pipelining` above 1 would also pipeline HTTP/1.1. So each
 * connection learns its protocol when it opens: HTTP/2 carries up to STREAMS_PER_CONNECTION requests, HTTP/1.1 one.
 */
function http2Options(): Pick<Agent.Options, 'allowH2' | 'maxConcurrentStreams' | 'factory'> {
  return {
    allowH2: true,
    maxConcurrentStreams: STREAMS_PER_CONNECTION,
    factory: (origin, opts) => new Pool(origin, { ...opts, factory: multiplexOverH2 }),
  };
}

function multiplexOverH2(origin: string | URL, opts: object): Client {
  const options = opts as Client.Options;
  const connect = options.connect as buildConnector.connector;
  const client: Client = new Client(origin, {
    ...options,
    connect: (target, callback) =>
      connect(target, (...args) => {
        if (args[0] === null) client.pipelining = (args[1] as TLSSocket).alpnProtocol === 'h2' ? STREAMS_PER_CONNECTION : 1;
        callback(...args);
      }),
  });
  return client;
}

function timedOut(req: HttpRequest, timeoutMs: number, cause?: unknown): MeetNowError {
  return new MeetNowError('network', `${req.method} ${safeHost(req.url)} failed: timed out after ${timeoutMs} ms`, { cause });
}

/** host[:port] of a URL, never its path or credentials (a proxy URL may hold a password). */
export function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'invalid-url';
  }
}

function describeNetworkError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error.cause as NodeJS.ErrnoException | undefined)?.code;
    return code === undefined ? error.message : `${code} ${error.message}`;
  }
  return String(error);
}
