import { createSecureContext, type TLSSocket } from 'node:tls';
import { Agent, Client, Pool, errors, request, type buildConnector } from 'undici';
import { MeetNowError } from '../errors';

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT';
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

export interface UndiciHttpClientOptions {
  /** Extra trusted CA in PEM (the embedded emulator's certificate). Without it Node's trust store applies. */
  caPem?: string;
  defaultTimeoutMs?: number;
  /** Largest response body accepted; a bigger one is a network error, not an out-of-memory. */
  maxResponseBytes?: number;
  /** Offer HTTP/2 (ALPN `h2`, falling back to HTTP/1.1 when the server does not take it); `GRAPH_HTTP2`. Default true. */
  http2?: boolean;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_MAX_RESPONSE_BYTES = 4 * 1024 * 1024;
/** Requests in flight on one HTTP/2 connection: undici's and Node's default; a server's SETTINGS may lower it. */
const STREAMS_PER_CONNECTION = 100;

/** Keep-alive connection pool over undici: TLS handshakes are paid once and reused by every turn; over HTTP/2 one connection carries many turns at once. */
export class UndiciHttpClient implements HttpClient {
  /** HTTP/2 where offered (with `http2`), for repeatable requests. */
  private readonly agent: Agent;
  /** HTTP/1.1, one request per connection: for requests that must not be sent twice. */
  private readonly singleAgent: Agent;
  private readonly defaultTimeoutMs: number;
  private readonly maxResponseBytes: number;

  constructor(options: UndiciHttpClientOptions = {}) {
    const base: Agent.Options = {
      keepAliveTimeout: 30_000,
      keepAliveMaxTimeout: 600_000,
      // One TLS context for every connection: without it each new connection builds its own (its CA store
      // included), a third of a handshake's CPU when a burst of users opens many connections at once.
      connect: { secureContext: createSecureContext(options.caPem === undefined ? {} : { ca: options.caPem }) },
    };
    this.singleAgent = new Agent(base);
    this.agent = options.http2 === false ? this.singleAgent : new Agent({ ...base, ...http2Options() });
    this.defaultTimeoutMs = options.defaultTimeoutMs ?? DEFAULT_TIMEOUT_MS;
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
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of response.body) {
        const buffer = chunk as Buffer;
        size += buffer.length;
        if (abandoned()) {
          response.body.destroy();
          throw timedOut(req, timeoutMs);
        }
        if (size > this.maxResponseBytes) {
          response.body.destroy();
          throw new MeetNowError('network', `response from ${new URL(req.url).host} exceeds ${this.maxResponseBytes} bytes`);
        }
        chunks.push(buffer);
      }
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(response.headers)) {
        if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
      }
      return { status: response.statusCode, headers, body: Buffer.concat(chunks).toString('utf8') };
    } catch (error) {
      if (error instanceof MeetNowError) throw error;
      if (error instanceof errors.HeadersTimeoutError || error instanceof errors.BodyTimeoutError) throw timedOut(req, timeoutMs, error);
      throw new MeetNowError('network', `${req.method} ${safeHost(req.url)} failed: ${describeNetworkError(error)}`, { cause: error });
    }
  }

  async close(): Promise<void> {
    await Promise.all([...new Set([this.agent, this.singleAgent])].map((agent) => agent.close()));
  }
}

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

function safeHost(url: string): string {
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
