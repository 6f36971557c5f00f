import { createPublicKey, type JsonWebKey, type KeyObject } from 'node:crypto';
import type { JWK } from 'jose';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyOutboundToken } from './bot-framework-issuer';

const ROSTER_PATH = /\/v3\/conversations\/([^/]+)\/(pagedmembers|members\/([^/]+))$/;

export interface ConnectorCall {
  method: string;
  /** Decoded conversation id from the URL. */
  conversationId: string;
  /** The activity id in the URL (replyTo for POST, the updated activity for PUT), if any. */
  activityId?: string;
  path: string;
  authorization?: string;
  activity: Record<string, unknown>;
  /** The id the fake answered with: the message's id in the conversation. */
  id: string;
}

/** A conversation member as the Bot Connector's roster API returns it (a TeamsChannelAccount). */
export interface FakeMember {
  id: string;
  name: string;
  aadObjectId?: string;
  userPrincipalName?: string;
  email?: string;
  tenantId?: string;
  userRole?: string;
}

/** An activity request the fake refused, with the answer it gave. */
export interface RefusedCall {
  method: string;
  conversationId: string;
  activityId?: string;
  status: number;
  code: string;
}

/**
 * The Bot Connector's error bodies, `{ "error": { "code", "message" } }`, with the codes and messages Teams
 * documents for its conversational APIs ("Status codes from bot conversational APIs",
 * https://learn.microsoft.com/microsoftteams/platform/bots/build-conversational-capability#status-codes-from-bot-conversational-apis).
 */
const CONNECTOR_ERRORS: Record<number, { code: string; message: string }> = {
  400: { code: 'BadArgument', message: 'Invalid request payload.' },
  401: { code: 'Unauthorized', message: 'Authorization has been denied for this request.' },
  403: { code: 'BotNotInConversationRoster', message: "The bot isn't part of the conversation roster." },
  404: { code: 'ConversationNotFound', message: 'Conversation not found.' },
  412: { code: 'PreconditionFailed', message: 'Precondition failed, please try again.' },
  413: { code: 'MessageSizeTooBig', message: 'Message size too large.' },
  429: { code: 'Throttled', message: 'Too many requests.' },
  500: { code: 'ServiceError', message: 'Internal server error.' },
  502: { code: 'ServiceError', message: 'Service dependency issue.' },
};

/**
 * Teams' bot message size limit: 100 KB of the message encoded as UTF-16, answered with 413 MessageSizeTooBig
 * ("Format your bot messages", https://learn.microsoft.com/microsoftteams/platform/bots/how-to/format-your-bot-messages).
 */
export const TEAMS_MESSAGE_LIMIT_BYTES = 100 * 1024;

/**
 * The audience of the token a bot sends to the Bot Connector: it asks Entra for `https://api.botframework.com/.default`
 * ("Authentication with the Bot Connector API", https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-authentication).
 */
export const BOT_CONNECTOR_AUDIENCE = 'https://api.botframework.com';

export interface RosterCall {
  method: string;
  path: string;
  conversationId: string;
  memberId?: string;
  pageSize?: number;
  continuationToken?: string;
}

/**
 * A stand-in for the Bot Connector service at the activity's `serviceUrl`: it records what the bot sends,
 * which is what the user would see in Teams.
 */
export class FakeConnector {
  readonly calls: ConnectorCall[] = [];
  private waiters: Array<() => void> = [];
  /** Status codes to answer activity calls with (each with its documented error body), consumed one per call. */
  readonly failures: number[] = [];
  /** Members served by `GET /v3/conversations/{id}/pagedmembers` and `…/members/{memberId}`, per conversation (a team's id for channels). */
  readonly rosters = new Map<string, FakeMember[]>();
  /** Roster requests, in order (not in `calls`, which holds what a user would see). */
  readonly rosterCalls: RosterCall[] = [];
  /** How long each roster request waits before its answer, so that overlapping requests can be counted. */
  rosterDelayMs = 0;
  /** The most roster requests that were in flight at once since the last reset. */
  maxRosterInFlight = 0;
  private rosterInFlight = 0;
  /** Activity requests refused (failures, throttling, size, roster, unknown conversation, deleted message, token), in order. */
  readonly refused: RefusedCall[] = [];
  /** Conversations the bot was removed from: every activity call answers 403 BotNotInConversationRoster. */
  readonly removedFrom = new Set<string>();
  /** Conversations that no longer exist: every call answers 404 ConversationNotFound. Others are known. */
  readonly unknownConversations = new Set<string>();
  /** Messages deleted in Teams, as `conversationId\nactivityId`: updating one answers 404 ActivityNotFoundInConversation. */
  private readonly deleted = new Set<string>();
  private readonly signers: KeyObject[] = [];
  /** The size limit of an activity (UTF-16 bytes); a test may lower it to make the bot's own card too big. */
  maxMessageBytes = TEAMS_MESSAGE_LIMIT_BYTES;
  /** Answers 429 Throttled with this Retry-After (seconds) to the next `count` activity calls. */
  private throttling: { count: number; retryAfterSeconds: number } = { count: 0, retryAfterSeconds: 0 };
  /** Set in production-mode tests: every activity call must carry a Bot Connector token for this bot. */
  private botAppId: string | undefined;

  private constructor(private readonly server: Server, readonly serviceUrl: string) {}

  static async start(): Promise<FakeConnector> {
    const server = createServer();
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const connector = new FakeConnector(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}/teams/`);
    server.on('request', (req, res) => void connector.handle(req, res));
    return connector;
  }

  /** Message activities (replies and updates) sent so far, typing indicators left out. */
  get messages(): ConnectorCall[] {
    return this.calls.filter((call) => call.activity.type === 'message');
  }

  messagesTo(conversationId: string): ConnectorCall[] {
    return this.messages.filter((call) => call.conversationId === conversationId);
  }

  /** Resolves once `predicate` holds, checking after every call; rejects after `timeoutMs`. */
  async waitFor(predicate: () => boolean, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate()) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`fake connector: condition not met within ${timeoutMs} ms (${this.calls.length} calls)`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 250));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Production mode: refuse (401) any activity call without a valid token for `appId` and the Bot Connector audience. */
  requireTokenFor(appId: string): void {
    this.botAppId = appId;
  }

  /** Takes tokens signed with these published keys too (a test whose bot gets its token from the emulator's Entra). */
  trustSigningKeys(jwks: { keys: readonly JWK[] }): void {
    for (const key of jwks.keys) this.signers.push(createPublicKey({ key: key as JsonWebKey, format: 'jwk' }));
  }

  /** A user deletes the bot's message: updating it is refused from now on. */
  deleteMessage(conversationId: string, activityId: string): void {
    this.deleted.add(`${conversationId}\n${activityId}`);
  }

  /** The next `count` activity calls are throttled with `Retry-After: retryAfterSeconds`. */
  throttle(count: number, retryAfterSeconds: number): void {
    this.throttling = { count, retryAfterSeconds };
  }

  reset(): void {
    this.calls.length = 0;
    this.failures.length = 0;
    this.refused.length = 0;
    this.removedFrom.clear();
    this.unknownConversations.clear();
    this.deleted.clear();
    this.maxMessageBytes = TEAMS_MESSAGE_LIMIT_BYTES;
    this.throttling = { count: 0, retryAfterSeconds: 0 };
    this.rosters.clear();
    this.rosterCalls.length = 0;
    this.rosterDelayMs = 0;
    this.maxRosterInFlight = 0;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    this.server.close();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (req.method === 'GET' && ROSTER_PATH.test(new URL(req.url ?? '/', 'http://connector').pathname)) {
      this.rosterInFlight += 1;
      this.maxRosterInFlight = Math.max(this.maxRosterInFlight, this.rosterInFlight);
      if (this.rosterDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.rosterDelayMs));
      this.rosterInFlight -= 1;
      this.serveRoster(req, res);
      return;
    }
    const match = /\/v3\/conversations\/([^/]+)\/activities(?:\/([^/?]+))?/.exec(req.url ?? '');
    if (match === null) {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{}');
      return;
    }
    const body = Buffer.concat(chunks).toString('utf8');
    let activity: Record<string, unknown> = {};
    try {
      activity = JSON.parse(body) as Record<string, unknown>;
    } catch {
      activity = {};
    }
    const call = {
      method: req.method ?? '',
      conversationId: decodeURIComponent(match[1] ?? ''),
      activityId: match[2] === undefined ? undefined : decodeURIComponent(match[2]),
    };
    const refusal = this.refusal(req, call, body);
    if (refusal === undefined) {
      const id = call.method === 'PUT' && call.activityId !== undefined ? call.activityId : `reply-${this.calls.length + 1}`;
      this.calls.push({ ...call, path: req.url ?? '', authorization: req.headers.authorization, activity, id });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id }));
    } else {
      const error = { ...(CONNECTOR_ERRORS[refusal.status] ?? { code: 'ServiceError', message: 'Service error.' }), ...(refusal.code === undefined ? {} : { code: refusal.code }), ...(refusal.message === undefined ? {} : { message: refusal.message }) };
      this.refused.push({ ...call, status: refusal.status, code: error.code });
      res.writeHead(refusal.status, { 'content-type': 'application/json', ...refusal.headers });
      res.end(JSON.stringify({ error }));
    }
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }

  /** Why the real Bot Connector would refuse this activity call, in the order it checks; undefined when it would take it. */
  private refusal(
    req: IncomingMessage,
    call: { method: string; conversationId: string; activityId?: string },
    body: string,
  ): { status: number; code?: string; message?: string; headers?: Record<string, string> } | undefined {
    if (this.botAppId !== undefined) {
      const problem = verifyOutboundToken(req.headers.authorization, this.botAppId, BOT_CONNECTOR_AUDIENCE, this.signers);
      if (problem !== undefined) return { status: 401, message: `Authorization has been denied for this request (${problem}).` };
    }
    const failure = this.failures.shift();
    if (failure !== undefined) return { status: failure };
    if (this.throttling.count > 0) {
      this.throttling.count -= 1;
      return { status: 429, headers: { 'retry-after': String(this.throttling.retryAfterSeconds) } };
    }
    if (this.unknownConversations.has(call.conversationId)) return { status: 404 };
    if (this.removedFrom.has(call.conversationId)) return { status: 403 };
    if (call.method === 'PUT' && this.deleted.has(`${call.conversationId}\n${call.activityId ?? ''}`)) return { status: 404, code: 'ActivityNotFoundInConversation' };
    // JavaScript strings are UTF-16: two bytes per code unit.
    if (body.length * 2 > this.maxMessageBytes) return { status: 413 };
    return undefined;
  }

  /** The roster endpoints botbuilder's TeamsInfo calls: paged members (continuation tokens honoured) and one member. */
  private serveRoster(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://connector');
    const match = ROSTER_PATH.exec(url.pathname);
    if (match === null) return;
    const conversationId = decodeURIComponent(match[1] ?? '');
    const roster = this.rosters.get(conversationId) ?? [];
    const answer = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (this.botAppId !== undefined && verifyOutboundToken(req.headers.authorization, this.botAppId, BOT_CONNECTOR_AUDIENCE, this.signers) !== undefined) {
      return answer(401, { error: CONNECTOR_ERRORS[401] });
    }
    if (this.unknownConversations.has(conversationId)) return answer(404, { error: CONNECTOR_ERRORS[404] });
    if (this.removedFrom.has(conversationId)) return answer(403, { error: CONNECTOR_ERRORS[403] });
    if (match[2] === 'pagedmembers') {
      const pageSize = Number(url.searchParams.get('pageSize') ?? '200');
      const continuationToken = url.searchParams.get('continuationToken') ?? undefined;
      this.rosterCalls.push({ method: 'GET', path: url.pathname + url.search, conversationId, pageSize, continuationToken });
      const start = continuationToken === undefined ? 0 : Number(continuationToken);
      const members = roster.slice(start, start + pageSize);
      const next = start + pageSize < roster.length ? String(start + pageSize) : undefined;
      answer(200, { members, ...(next === undefined ? {} : { continuationToken: next }) });
      return;
    }
    const memberId = decodeURIComponent(match[3] ?? '');
    this.rosterCalls.push({ method: 'GET', path: url.pathname, conversationId, memberId });
    const member = roster.find((candidate) => candidate.id === memberId);
    if (member === undefined) answer(404, { error: { code: 'MemberNotFoundInConversation', message: 'The member was not found in the conversation.' } });
    else answer(200, member);
  }
}
