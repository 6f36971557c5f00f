import { EntraError, GraphError, defaultEntraError, defaultEntraFault, defaultGraphCode, defaultGraphMessage, entraErrorBody, graphErrorBody } from './errors';
import { bodyForRecord, cut, headerValue, readBody, type EmulatorRequest, type EmulatorResponse, type Exchange, type Reply, type Route, type RouteKind } from './exchange';
import type { FaultQueue } from './faults';
import { unknownGraphPath } from './graph';
import { newGuid } from './ids';
import type { RequestRecorder } from './recorder';
import type { Sleeper } from './sleeper';
import type { EmulatorLogger, Fault } from './types';

export interface RequestListenerDeps {
  routes: Route[];
  recorder: RequestRecorder;
  faults: FaultQueue;
  sleeper: Sleeper;
  /** Extra delay before every Graph answer. */
  graphLatencyMs: () => number;
  baseUrl: string;
  logger?: EmulatorLogger;
}

type Outcome = { reply: Reply } | { drop: true };

interface Matched {
  kind: RouteKind;
  route?: Route;
  params: string[];
}

/** Routing, faults, latency, recording and the wire format shared by every route. */
export function createRequestListener(deps: RequestListenerDeps): (req: EmulatorRequest, res: EmulatorResponse) => void {
  return (req, res) => {
    handle(deps, req, res).catch((err: unknown) => {
      // Last resort: handle() already answers every failure; this only guards against a bug there.
      deps.logger?.warn({ err }, 'emulator: request handling failed');
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  };
}

function match(routes: Route[], method: string, path: string): Matched | { methodNotAllowed: RouteKind } | undefined {
  let wrongMethod: RouteKind | undefined;
  for (const route of routes) {
    const found = route.pattern.exec(path);
    if (found === null) continue;
    if (route.method === method) return { kind: route.kind, route, params: found.slice(1) };
    wrongMethod = route.kind;
  }
  return wrongMethod === undefined ? undefined : { methodNotAllowed: wrongMethod };
}

async function handle(deps: RequestListenerDeps, req: EmulatorRequest, res: EmulatorResponse): Promise<void> {
  const at = Date.now();
  const method = req.method ?? 'GET';
  let url: URL;
  try {
    url = new URL(req.url ?? '/', deps.baseUrl);
  } catch {
    url = new URL('/', deps.baseUrl);
  }
  const path = url.pathname;
  const requestId = newGuid();
  const clientRequestId = headerValue(req.headers, 'client-request-id') ?? requestId;

  const found = match(deps.routes, method, path);
  const kind: RouteKind = found === undefined ? 'graph' : 'methodNotAllowed' in found ? found.methodNotAllowed : found.kind;

  const read = await readBody(req);
  if (!read.ok && read.reason === 'aborted') {
    record(deps, kind, req, method, path, Buffer.alloc(0), 0, at);
    return;
  }
  const rawBody = read.ok ? read.body : Buffer.alloc(0);
  const exchange: Exchange = { method, path, query: url.searchParams, headers: req.headers, rawBody, requestId, clientRequestId };

  let outcome: Outcome;
  const fault = kind === 'graph' || kind === 'token' ? deps.faults.take(kind) : undefined;
  const encoding = headerValue(req.headers, 'content-encoding')?.trim().toLowerCase();
  if (!read.ok) {
    outcome = { reply: failure(kind, exchange, new GraphError(413, 'RequestEntityTooLarge', 'The request body exceeds the 1 MB limit.'), deps.baseUrl) };
  } else if (encoding !== undefined && encoding !== '' && encoding !== 'identity') {
    const error = new GraphError(415, 'UnsupportedMediaType', `Content-Encoding '${encoding}' is not supported.`);
    outcome = { reply: failure(kind, exchange, error, deps.baseUrl) };
  } else if (fault !== undefined && (fault.drop === true || fault.malformedBody === true || fault.status !== undefined)) {
    outcome = faultOutcome(kind, exchange, fault, deps.baseUrl);
  } else if (found === undefined) {
    outcome = { reply: failure(kind, exchange, unknownGraphPath(path), deps.baseUrl) };
  } else if ('methodNotAllowed' in found) {
    const error = new GraphError(405, 'Request_BadRequest', 'Specified HTTP method is not allowed for the request target.');
    outcome = { reply: failure(kind, exchange, error, deps.baseUrl) };
  } else {
    outcome = { reply: await run(deps, found, exchange) };
  }

  const delay = (fault?.latencyMs ?? 0) + (kind === 'graph' ? deps.graphLatencyMs() : 0);
  await deps.sleeper.sleep(delay);

  if ('drop' in outcome) {
    cut(req);
    record(deps, kind, req, method, path, rawBody, 0, at);
    return;
  }
  write(res, exchange, kind, outcome.reply);
  record(deps, kind, req, method, path, rawBody, outcome.reply.status, at);
}

async function run(deps: RequestListenerDeps, found: Matched, exchange: Exchange): Promise<Reply> {
  try {
    if (found.route === undefined) throw new Error('route missing');
    return await found.route.handle(exchange, found.params);
  } catch (err) {
    if (err instanceof GraphError || err instanceof EntraError) return failure(found.kind, exchange, err, deps.baseUrl);
    deps.logger?.warn({ err, path: exchange.path }, 'emulator: handler failed');
    return failure(found.kind, exchange, new GraphError(500, 'InternalServerError', 'An internal server error occurred.'), deps.baseUrl);
  }
}

/** Entra-shaped for the token and discovery endpoints, Graph-shaped everywhere else. */
function failure(kind: RouteKind, ex: Exchange, err: GraphError | EntraError, baseUrl: string): Reply {
  const now = new Date();
  if (kind === 'token' || kind === 'discovery') {
    const entra = err instanceof EntraError ? err : { status: err.status, error: defaultEntraError(err.status), aadsts: defaultEntraFault(err.status).aadsts, message: err.message };
    return { status: entra.status, body: entraErrorBody(entra, ex.requestId, ex.clientRequestId, now, baseUrl) };
  }
  const graph = err instanceof GraphError ? err : new GraphError(err.status, defaultGraphCode(err.status), err.message);
  return { status: graph.status, headers: graph.headers, body: graphErrorBody(graph.code, graph.message, ex.requestId, ex.clientRequestId, now) };
}

function faultOutcome(kind: RouteKind, ex: Exchange, fault: Fault, baseUrl: string): Outcome {
  if (fault.drop === true) return { drop: true };
  if (fault.malformedBody === true) {
    // Cut mid-document: a client must treat it as a failed call, not as a meeting.
    const rawBody = kind === 'token' ? '{"token_type":"Bearer","expires_in":35' : '{"id":"MSpkYzE3Njc0Yy04MWQ5LTRhZGIt","joinWebUrl":"https://teams.micr';
    return { reply: { status: kind === 'token' ? 200 : 201, rawBody } };
  }
  const status = fault.status ?? 500;
  const headers: Record<string, string> = fault.retryAfter === undefined ? {} : { 'Retry-After': String(fault.retryAfter) };
  if (kind === 'token') {
    const entra = defaultEntraFault(status);
    const err = new EntraError(status, fault.code ?? defaultEntraError(status), fault.aadsts ?? entra.aadsts, fault.message ?? entra.message);
    return { reply: { ...failure(kind, ex, err, baseUrl), headers } };
  }
  const err = new GraphError(status, fault.code ?? defaultGraphCode(status), fault.message ?? defaultGraphMessage(status), headers);
  return { reply: failure(kind, ex, err, baseUrl) };
}

function write(res: EmulatorResponse, ex: Exchange, kind: RouteKind, reply: Reply): void {
  if (res.writableEnded || res.destroyed) return;
  const payload = reply.rawBody ?? (reply.body === undefined ? '' : JSON.stringify(reply.body));
  const idHeaders: Record<string, string> =
    kind === 'token' || kind === 'discovery'
      ? { 'x-ms-request-id': ex.requestId, 'client-request-id': ex.clientRequestId }
      : { 'request-id': ex.requestId, 'client-request-id': ex.clientRequestId };
  const bodyHeaders: Record<string, string> =
    reply.status === 204 ? {} : { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': String(Buffer.byteLength(payload)) };
  // statusCode and setHeader, not writeHead: the one call both HTTP/1.1's and HTTP/2's responses type alike.
  res.statusCode = reply.status;
  for (const [name, value] of Object.entries({ ...bodyHeaders, ...idHeaders, ...reply.headers })) res.setHeader(name, value);
  res.end(payload);
}

function record(deps: RequestListenerDeps, kind: RouteKind, req: EmulatorRequest, method: string, path: string, rawBody: Buffer, status: number, at: number): void {
  if (kind === 'control') return;
  deps.recorder.add(kind, req.httpVersion, () => ({
    httpVersion: req.httpVersion,
    method,
    path,
    headers: { ...req.headers },
    body: bodyForRecord(rawBody, headerValue(req.headers, 'content-type')),
    status,
    at,
  }));
}
