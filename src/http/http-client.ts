import { createSecureContext } from 'node:tls';
import { Agent, request } from 'undici';
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

export interface UndiciHttpClientOptions {
  /** Extra trusted CA in PEM (the embedded emulator's certificate). Without it Node's trust store applies. */
  caPem?: string;
  defaultTimeoutMs?: number;
  /** Largest response body accepted; a bigger one is a network error, not an out-of-memory. */
  maxResponseBytes?: number;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_MAX_RESPONSE_BYTES = 4 * 1024 * 1024;

/** Keep-alive connection pool over undici: one TLS handshake per origin, reused by every turn. */
export class UndiciHttpClient implements HttpClient {
  private readonly agent: Agent;
  private readonly defaultTimeoutMs: number;
  private readonly maxResponseBytes: number;

  constructor(options: UndiciHttpClientOptions = {}) {
    this.defaultTimeoutMs = options.defaultTimeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.agent = new Agent({
      keepAliveTimeout: 30_000,
      keepAliveMaxTimeout: 600_000,
      connect: {
        // One TLS context for every connection: without it each new connection builds its own (its CA store
        // included), a third of a handshake's CPU when a burst of users opens many connections at once.
        secureContext: createSecureContext(options.caPem === undefined ? {} : { ca: options.caPem }),
        // undici does not abort a connection being set up when the request's signal fires: a host that accepts
        // TCP and never completes TLS would hold a request for undici's own 10 s, whatever the deadline.
        timeout: this.defaultTimeoutMs,
      },
    });
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
      const reason = signal.aborted ? `timed out after ${timeoutMs} ms` : describeNetworkError(error);
      throw new MeetNowError('network', `${req.method} ${host} failed: ${reason}`, { cause: error });
    }
  }

  async close(): Promise<void> {
    await this.agent.close();
  }
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
