import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

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
  /** Status codes to answer with, consumed one per call (then 200/201). */
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

  reset(): void {
    this.calls.length = 0;
    this.failures.length = 0;
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
    let activity: Record<string, unknown> = {};
    try {
      activity = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
    } catch {
      activity = {};
    }
    const failure = this.failures.shift();
    if (failure === undefined && match !== null) {
      this.calls.push({
        method: req.method ?? '',
        conversationId: decodeURIComponent(match[1] ?? ''),
        activityId: match[2] === undefined ? undefined : decodeURIComponent(match[2]),
        path: req.url ?? '',
        authorization: req.headers.authorization,
        activity,
      });
    }
    res.writeHead(failure ?? (match === null ? 404 : 200), { 'content-type': 'application/json' });
    res.end(JSON.stringify({ id: `reply-${this.calls.length}` }));
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
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
