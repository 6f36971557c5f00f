import type { Activity } from 'botbuilder';
import type { Logger } from 'pino';
import restify, { type Request, type Response, type Server } from 'restify';
import type { MeetNowAdapter } from './bot/adapter';
import type { ReadinessReport } from './ops/readiness';
import { isRecord } from './guards';

/** DESIGN §4: a body over this gets 413. Real activities are a few kilobytes. */
export const MAX_BODY_BYTES = 256 * 1024;

export interface ServerOptions {
  adapter: MeetNowAdapter;
  logic: Parameters<MeetNowAdapter['processAuthenticated']>[2];
  logger: Logger;
  /** Backs `GET /readyz`; without it /readyz answers like /healthz. */
  readiness?: { check(): Promise<ReadinessReport> };
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
  if (body.type === 'invoke' && body.name === 'adaptiveCard/action') {
    const value = body.value;
    if (!isRecord(value) || !isRecord(value.action) || typeof value.action.type !== 'string' || typeof value.action.verb !== 'string') {
      return 'adaptiveCard/action needs value.action with a type and a verb';
    }
    if (value.action.data !== undefined && !isRecord(value.action.data)) return 'adaptiveCard/action value.action.data must be an object';
  }
  return undefined;
}

function send(res: Response, status: number, body?: unknown): void {
  if (body === undefined) res.send(status);
  else res.send(status, body);
}

export function createServer(options: ServerOptions): Server {
  const { adapter, logic, logger } = options;
  const server = restify.createServer({ name: 'meetnow', handleUncaughtExceptions: false });

  // restify's body reader crashes the process on a bad gzip body (restify#1975): accept identity only.
  server.pre((req, res, next) => {
    const encoding = req.headers['content-encoding'];
    if (encoding !== undefined && encoding.trim().toLowerCase() !== 'identity') {
      res.send(415, { error: 'unsupported_content_encoding', message: 'Only identity Content-Encoding is accepted' });
      return next(false);
    }
    return next();
  });
  // jsonBodyParser hands its options to restify's bodyReader, which enforces maxBodySize (413); the
  // published typings only lack the field.
  const bodyOptions: restify.plugins.JsonBodyParserOptions & restify.plugins.BodyParserOptions = { maxBodySize: MAX_BODY_BYTES, mapParams: false };
  server.use(restify.plugins.jsonBodyParser(bodyOptions));

  server.get('/healthz', async (_req: Request, res: Response) => {
    send(res, 200, { status: 'ok' });
  });

  // Readiness, not liveness: 503 while shutting down or while the configuration cannot get a Graph token.
  server.get('/readyz', async (_req: Request, res: Response) => {
    const report = (await options.readiness?.check()) ?? { ready: true, status: 'ready', token: 'not_checked' };
    const { ready, ...body } = report;
    res.header('cache-control', 'no-store');
    send(res, ready ? 200 : 503, body);
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
