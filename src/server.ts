import type { Activity } from 'botbuilder';
import type { Logger } from 'pino';
import type { IncomingMessage, Server as HttpServer, ServerResponse } from 'node:http';
import restify, { type Next, type Request, type Response, type Server } from 'restify';
import type { MeetNowAdapter } from './bot/adapter';
import { publicReadiness, type ReadinessReport } from './ops/readiness';
import { isRecord } from './guards';
import { CANCEL_MEETING_VERB, parseCancelAction } from './commands/parse-card-action';

/** DESIGN §4: a body over this gets 413. Real activities are a few kilobytes. */
export const MAX_BODY_BYTES = 256 * 1024;

export interface HttpTimeouts {
  /** From the connection (or the end of the previous request) to the end of the request's headers. */
  headersTimeoutMs: number;
  /** To receive the whole request, body included; the answer comes after it (DESIGN §4: within 20 s). */
  requestTimeoutMs: number;
  /** How long an idle keep-alive connection stays open. */
  keepAliveTimeoutMs: number;
}

/**
 * Node's defaults (60 s for headers, 300 s for a request) let slow senders hold connections for minutes. A
 * Bot Framework activity is a few kilobytes sent from a datacenter: it arrives in milliseconds.
 */
export const HTTP_TIMEOUTS: Readonly<HttpTimeouts> = Object.freeze({ headersTimeoutMs: 10_000, requestTimeoutMs: 15_000, keepAliveTimeoutMs: 5_000 });

/** After a 413, how long the rest of a body may still arrive (and be discarded) before the connection is cut. */
const DISCARD_AFTER_413_MS = 1_000;

/** Puts the timeouts on a listener of the bot port (restify's own and each mirror); before it listens. */
export function applyHttpTimeouts(server: HttpServer, timeouts: HttpTimeouts): void {
  server.headersTimeout = timeouts.headersTimeoutMs;
  server.requestTimeout = timeouts.requestTimeoutMs;
  server.keepAliveTimeout = timeouts.keepAliveTimeoutMs;
  // Node enforces the two timeouts on a timer of this period (30 s by default), read when the server starts
  // listening; restify creates its server without options, so it is set here. Node: lib/_http_server.js,
  // setupConnectionsTracking. https://nodejs.org/api/http.html#httpcreateserveroptions-requestlistener
  Object.assign(server, { connectionsCheckingInterval: Math.min(1_000, timeouts.headersTimeoutMs / 2) });
}

/** Content-Length, 0 when absent (Node has already refused a malformed one with 400). */
const declaredLength = (req: IncomingMessage): number => Number(req.headers['content-length'] ?? 0);

/** 413 and close: neither the rest of the body nor another request on this connection will be read. */
function refuseBody(req: Request, res: Response): void {
  res.header('connection', 'close');
  res.send(413, { error: 'payload_too_large', message: `The body is over the limit of ${MAX_BODY_BYTES} bytes` });
  res.once('finish', () => setTimeout(() => req.socket.destroy(), DISCARD_AFTER_413_MS).unref());
}

/**
 * restify's bodyReader reads a body to its end before it checks the size; this one answers 413 the moment the
 * bytes received pass the limit (a chunked body has no Content-Length to check first).
 */
function readBody(req: Request, res: Response, next: Next): void {
  if (declaredLength(req) === 0 && !req.isChunked()) return next();
  const chunks: Buffer[] = [];
  let received = 0;
  let settled = false;
  req.on('data', (chunk: Buffer) => {
    if (settled) return;
    received += chunk.length;
    if (received <= MAX_BODY_BYTES) {
      chunks.push(chunk);
      return;
    }
    settled = true;
    chunks.length = 0;
    refuseBody(req, res);
    next(false);
  });
  req.once('end', () => {
    if (settled) return;
    settled = true;
    req.body = Buffer.concat(chunks).toString('utf8');
    next();
  });
  // The sender went away (or a timeout cut it) before the body was complete: nothing to answer.
  res.once('close', () => {
    if (settled) return;
    settled = true;
    next(false);
  });
}

export interface ServerOptions {
  adapter: MeetNowAdapter;
  logic: Parameters<MeetNowAdapter['processAuthenticated']>[2];
  logger: Logger;
  /** Backs `GET /readyz`; without it /readyz answers like /healthz. */
  readiness?: { check(): Promise<ReadinessReport> };
  /**
   * Local mode (no Bot Framework authentication): answer only requests addressed to a loopback name, so that
   * a web page cannot reach the bot through DNS rebinding (DESIGN §4).
   */
  loopbackOnly: boolean;
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/**
 * A loopback name or address: `localhost` and `*.localhost` (RFC 6761 §6.3 reserves them for loopback, resolvers
 * must not send them to DNS and browsers hard-wire them, so no attacker can point one at their own server),
 * `127.0.0.0/8` in dotted-decimal and `::1` (with or without brackets). Anything else — other spellings of
 * 127.0.0.1 included — is not: browsers normalise those before they send a Host header.
 * https://www.rfc-editor.org/rfc/rfc6761#section-6.3
 */
export function isLoopbackName(name: string): boolean {
  const host = name.toLowerCase().replace(/\.$/, '');
  if (host === 'localhost' || (host.endsWith('.localhost') && /^[a-z0-9.-]+$/.test(host) && !host.includes('..'))) return true;
  if (host === '::1' || host === '[::1]') return true;
  const octets = IPV4.exec(host);
  return octets !== null && octets[1] === '127' && octets.slice(2).every((octet) => Number(octet) <= 255);
}

/** A Host header (`name`, `name:port`, `[v6]:port`) naming this machine's loopback. */
function isLoopbackHostHeader(header: string | undefined): boolean {
  const match = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::\d{1,5})?$/i.exec(header ?? '');
  return match?.[1] !== undefined && isLoopbackName(match[1]);
}

function isHttpUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** What makes a request body a Bot Framework activity this bot can answer; a reason when it is not. */
export function activityProblem(body: unknown): string | undefined {
  if (!isRecord(body)) return 'the body must be a JSON object (a Bot Framework activity)';
  if (typeof body.type !== 'string' || body.type === '') return 'the activity has no type';
  if (!isHttpUrl(body.serviceUrl)) return 'serviceUrl must be an absolute http(s) URL';
  if (!isRecord(body.conversation) || typeof body.conversation.id !== 'string' || body.conversation.id === '') {
    return 'conversation.id must be a string';
  }
  if (body.from !== undefined && !isRecord(body.from)) return 'from must be an object';
  // Replies are addressed back to these accounts: a malformed one could never be answered.
  for (const field of ['from', 'recipient'] as const) {
    const account = body[field];
    if (account === undefined) continue;
    if (!isRecord(account)) return `${field} must be an object`;
    for (const key of ['id', 'name', 'aadObjectId'] as const) {
      if (account[key] !== undefined && account[key] !== null && typeof account[key] !== 'string') return `${field}.${key} must be a string`;
    }
  }
  if (body.entities !== undefined && (!Array.isArray(body.entities) || !body.entities.every(isRecord))) return 'entities must be an array of objects';
  return body.type === 'invoke' ? invokeValueProblem(body.name, body.value) : undefined;
}

/**
 * The `value` of the invokes the bot answers, in the shapes Teams documents: `adaptiveCard/action`
 * (https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/universal-actions-for-adaptive-cards/work-with-universal-actions-for-adaptive-cards)
 * and the compose box's `composeExtension/fetchTask` and `composeExtension/submitAction`
 * (https://learn.microsoft.com/microsoftteams/platform/messaging-extensions/how-to/action-commands/create-task-module).
 */
function invokeValueProblem(name: unknown, value: unknown): string | undefined {
  if (name === 'adaptiveCard/action') {
    if (!isRecord(value) || !isRecord(value.action) || typeof value.action.type !== 'string' || typeof value.action.verb !== 'string') {
      return 'adaptiveCard/action needs value.action with a type and a verb';
    }
    if (value.action.data !== undefined && !isRecord(value.action.data)) return 'adaptiveCard/action value.action.data must be an object';
    // Its data names the meeting to cancel: ids that are not Graph's shape are refused before any turn runs.
    if (value.action.verb === CANCEL_MEETING_VERB && parseCancelAction(value.action.data).kind === 'unknown') {
      return 'cancelMeeting needs data with organizerId (an Entra object id), eventId or meetingId (Graph ids) and a subject of at most 256 characters';
    }
  }
  if (name === 'composeExtension/fetchTask' || name === 'composeExtension/submitAction') {
    if (!isRecord(value) || typeof value.commandId !== 'string' || value.commandId === '') return `${name} needs value.commandId`;
    if (value.commandContext !== undefined && typeof value.commandContext !== 'string') return `${name} value.commandContext must be a string`;
    // Teams sends null for absent parts of a message (its examples show "replyToId": null and the like).
    if (value.messagePayload !== undefined && value.messagePayload !== null && !isRecord(value.messagePayload)) return `${name} value.messagePayload must be an object`;
    if (value.data !== undefined && value.data !== null && !isRecord(value.data)) return `${name} value.data must be an object`;
  }
  return undefined;
}

function send(res: Response, status: number, body?: unknown): void {
  if (body === undefined) res.send(status);
  else res.send(status, body);
}

/** One check of a request before its body is read: true lets it go on, false means it has been answered. */
type Check = (req: Request, res: Response) => boolean;

/**
 * restify 12 routes on `new URL(Host header + request target)` and lets its TypeError end the process
 * (restify#2011, open), so a Host like `a b` or `localhost:99999` would stop the bot for everyone. Parse it
 * here first, the way restify will, and answer 400 as RFC 9112 §3.2 asks for an invalid Host.
 * https://github.com/restify/node-restify/issues/2011 https://www.rfc-editor.org/rfc/rfc9112#section-3.2
 */
const validUrl: Check = (req, res) => {
  try {
    req.getUrl();
    return true;
  } catch {
    res.header('connection', 'close');
    res.send(400, { error: 'bad_request', message: 'The Host header and request target do not form a valid URL' });
    return false;
  }
};

/**
 * Local mode: 421 Misdirected Request, this server does not answer for that name (RFC 9110 §15.5.20). Right
 * after the URL check, so that it covers every route and no other check reveals anything.
 */
const loopbackHost: Check = (req, res) => {
  if (isLoopbackHostHeader(req.headers.host)) return true;
  res.send(421, {
    error: 'misdirected_request',
    message: 'MeetNow runs in local mode (no MicrosoftAppId): it answers only requests addressed to localhost, 127.0.0.1 or [::1]',
  });
  return false;
};

/**
 * The body is read as sent, never decoded (restify's own reader, unused here, still crashes the process on a bad
 * gzip body in 12.0.0: restify#1975): any Content-Encoding but identity gets 415.
 */
const identityEncoding: Check = (req, res) => {
  const encoding = req.headers['content-encoding'];
  if (encoding === undefined || encoding.trim().toLowerCase() === 'identity') return true;
  res.send(415, { error: 'unsupported_content_encoding', message: 'Only identity Content-Encoding is accepted' });
  return false;
};

/** A declared length over the limit is refused before a byte of the body is read. */
const declaredLengthWithinLimit: Check = (req, res) => {
  if (declaredLength(req) <= MAX_BODY_BYTES) return true;
  refuseBody(req, res);
  return false;
};

export function createServer(options: ServerOptions): Server {
  const { adapter, logic, logger } = options;
  const server = restify.createServer({ name: 'meetnow', handleUncaughtExceptions: false });

  // The checks every request passes before its body is read, in this order, as one restify handler: restify
  // runs each handler on a tick of its own with timers and closures, a few microseconds per request each.
  const checks: Check[] = [validUrl, ...(options.loopbackOnly ? [loopbackHost] : []), identityEncoding, declaredLengthWithinLimit];
  server.pre((req, res, next) => {
    for (const check of checks) if (!check(req, res)) return next(false);
    return next();
  });
  // `Expect: 100-continue`: a declared length over the limit gets its 413 instead of the 100 (RFC 9110
  // §10.1.1), so the client never sends the body; the others continue as ordinary requests.
  server.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => {
    if (declaredLength(req) <= MAX_BODY_BYTES) res.writeContinue();
    server.server.emit('request', req, res);
  });
  server.use(readBody);
  // `bodyReader: true`: the body was read above (restify's typings only lack the field).
  const bodyOptions: restify.plugins.JsonBodyParserOptions & { bodyReader: boolean } = { bodyReader: true, mapParams: false };
  server.use(restify.plugins.jsonBodyParser(bodyOptions));

  server.get('/healthz', async (_req: Request, res: Response) => {
    send(res, 200, { status: 'ok' });
  });

  // Readiness, not liveness: 503 while shutting down or while the configuration cannot get a Graph token.
  // Anyone can call it, so it says only the status and a code; the reason is in the log.
  server.get('/readyz', async (_req: Request, res: Response) => {
    const report = (await options.readiness?.check()) ?? { ready: true, status: 'ready', token: 'not_checked' };
    res.header('cache-control', 'no-store');
    send(res, report.ready ? 200 : 503, publicReadiness(report));
  });

  server.post('/api/messages', async (req: Request, res: Response) => {
    const body: unknown = req.body;
    const problem = activityProblem(body);
    if (problem !== undefined) {
      send(res, 400, { error: 'bad_request', message: problem });
      return;
    }
    const activity = body as Activity;
    const authHeader = req.headers.authorization ?? '';
    let auth;
    try {
      auth = await adapter.authenticate(activity, authHeader);
    } catch (error) {
      logger.warn({ activityId: activity.id, channel: activity.channelId, reason: (error as Error).message }, 'request failed Bot Framework authentication');
      send(res, 401, { error: 'unauthorized' });
      return;
    }
    try {
      const invokeResponse = await adapter.processAuthenticated(auth, activity, logic);
      send(res, invokeResponse?.status ?? 200, invokeResponse?.body);
    } catch (error) {
      logger.error({ err: error, activityId: activity.id }, 'turn failed');
      send(res, 500, { error: 'internal_error' });
    }
  });

  return server;
}
