import { createSecureContext } from 'node:tls';
import { Agent, EnvHttpProxyAgent, request, type Dispatcher } from 'undici';
import { MeetNowError } from '../errors';

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT';
  url: string;
  headers?: Record<string, string>;
  body?: string;
  /** Whole-attempt deadline (connect, headers and body), at most the client's default. */
  timeoutMs?: number;
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
}

export interface UndiciHttpClientOptions extends DispatcherOptions {
  defaultTimeoutMs?: number;
  /** Largest response body accepted; a bigger one is a network error, not an out-of-memory. */
  maxResponseBytes?: number;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_MAX_RESPONSE_BYTES = 4 * 1024 * 1024;

/**
 * The keep-alive pool every request goes through, behind undici's EnvHttpProxyAgent when a proxy is
 * configured. The proxies come from config, never from undici reading process.env: an empty string stands
 * for "none", where undefined would send EnvHttpProxyAgent to the environment.
 */
export function createDispatcher(options: DispatcherOptions): Dispatcher {
  // One TLS context for every connection: without it each new connection builds its own (its CA store
  // included), a third of a handshake's CPU when a burst of users opens many connections at once.
  const tls = {
    secureContext: createSecureContext(options.caPem === undefined ? {} : { ca: options.caPem }),
    // undici does not abort a connection being set up when the request's signal fires: a host that accepts
    // TCP and never completes TLS would hold a request for undici's own 10 s, whatever the deadline.
    timeout: options.connectTimeoutMs,
  };
  const pool = { keepAliveTimeout: 30_000, keepAliveMaxTimeout: 600_000, connect: tls };
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

/** Keep-alive connection pool over undici: one TLS handshake per origin, reused by every turn. */
export class UndiciHttpClient implements HttpClient {
  private readonly agent: Dispatcher;
  private readonly proxy: ProxySettings | undefined;
  private readonly defaultTimeoutMs: number;
  private readonly maxResponseBytes: number;

  constructor(options: UndiciHttpClientOptions = {}) {
    this.defaultTimeoutMs = options.defaultTimeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.agent = createDispatcher({ ...options, connectTimeoutMs: this.defaultTimeoutMs });
    this.proxy = options.proxy;
    this.maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  }

  async send(req: HttpRequest): Promise<HttpResponse> {
    // The caller may shorten an attempt (what is left of a retry budget), never lengthen it.
    const timeoutMs = Math.min(req.timeoutMs ?? this.defaultTimeoutMs, this.defaultTimeoutMs);
    const signal = AbortSignal.timeout(timeoutMs);
    try {
      const response = await request(req.url, {
        dispatcher: this.agent,
        method: req.method,
        headers: req.headers,
        body: req.body,
        signal,
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
      });
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of response.body) {
        const buffer = chunk as Buffer;
        size += buffer.length;
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
      const host = safeHost(req.url);
      const reason = signal.aborted ? `timed out after ${timeoutMs} ms` : (this.proxyFailure(req.url, error) ?? describeNetworkError(error));
      throw new MeetNowError('network', `${req.method} ${host} failed: ${reason}`, { cause: error });
    }
  }

  async close(): Promise<void> {
    await this.agent.close();
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
