import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { constants, type Http2ServerRequest, type Http2ServerResponse } from 'node:http2';

/** The emulator speaks HTTP/2 (ALPN `h2`) and HTTP/1.1 on one port. */
export type EmulatorRequest = IncomingMessage | Http2ServerRequest;
export type EmulatorResponse = ServerResponse | Http2ServerResponse;

/**
 * Ends an exchange without an answer, as a failing server does: over HTTP/1.1 the connection is lost, over HTTP/2
 * the stream is reset (RST_STREAM INTERNAL_ERROR) and the connection's other requests go on.
 */
export function cut(req: EmulatorRequest): void {
  if ('stream' in req) req.stream.close(constants.NGHTTP2_INTERNAL_ERROR);
  else req.socket.destroy();
}

/** One request as the handlers see it: fully read, size-checked, with its ids. */
export interface Exchange {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  rawBody: Buffer;
  requestId: string;
  clientRequestId: string;
}

export interface Reply {
  status: number;
  /** Serialized as JSON. */
  body?: unknown;
  /** Sent as is, for answers that must not be valid JSON. */
  rawBody?: string;
  headers?: Record<string, string>;
}

export type RouteKind = 'graph' | 'token' | 'discovery' | 'control';

/** A route is data: what it selects and what answers it. */
export interface Route {
  kind: RouteKind;
  method: string;
  pattern: RegExp;
  handle(exchange: Exchange, params: string[]): Promise<Reply>;
}

export const MAX_BODY_BYTES = 1024 * 1024;

/** Past this many bytes the client is not worth draining any longer: the exchange is cut. */
const MAX_DRAIN_BYTES = 8 * MAX_BODY_BYTES;

export type BodyRead = { ok: true; body: Buffer } | { ok: false; reason: 'too-large' | 'aborted' };

/**
 * Reads the whole body, keeping at most MAX_BODY_BYTES; an oversize body is drained (so the client
 * can read the 413) unless it is absurdly large.
 */
export function readBody(req: EmulatorRequest): Promise<BodyRead> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (result: BodyRead): void => {
      if (!settled) {
        settled = true;
        resolve(result);
      }
    };
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
      else if (size > MAX_DRAIN_BYTES) {
        cut(req);
        settle({ ok: false, reason: 'aborted' });
      }
    });
    req.on('end', () => settle(size > MAX_BODY_BYTES ? { ok: false, reason: 'too-large' } : { ok: true, body: Buffer.concat(chunks) }));
    req.on('error', () => settle({ ok: false, reason: 'aborted' }));
    req.on('close', () => settle({ ok: false, reason: 'aborted' }));
  });
}

export function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The body as the records show it: JSON or form fields when they parse, else (capped) text. */
export function bodyForRecord(raw: Buffer, contentType: string | undefined): unknown {
  if (raw.length === 0) return undefined;
  const text = raw.toString('utf8');
  if (contentType?.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
    return Object.fromEntries(new URLSearchParams(text));
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text.length > 4096 ? `${text.slice(0, 4096)}…` : text;
  }
}
