import type { IncomingMessage, Server as HttpServer, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

export interface ConnectionLimits {
  /** Open connections across every listener of the bot port. */
  maxConnections: number;
  /** Connections from one remote address past which its stale ones (no request for a second) make room; undefined: no per-address cap. */
  maxConnectionsPerClient: number | undefined;
}

/**
 * Caps the bot port's open connections, in total and per remote address, so that a flood of half-sent
 * requests cannot use up the process's file descriptors. A sender past its own cap gives up its connection
 * that has waited longest without sending a request (headers still arriving after a second, or idle between
 * keep-alive requests). At the total cap the sender holding the most connections gives up its longest
 * waiting one, so a new client is still answered. Only the total cap refuses, and only when every connection
 * is busy with a request.
 */
/** A connection that has sent nothing for this long is a slow or idle sender's, never one whose request is on its way. */
const STALE_AFTER_MS = 1_000;

export class ConnectionGuard {
  /** Every open connection and its remote address. */
  private readonly open = new Map<Socket, string>();
  private readonly perClient = new Map<string, number>();
  /** Connections not serving a request, and since when, longest waiting first (a Map keeps insertion order). */
  private readonly idle = new Map<Socket, number>();
  private readonly busy = new Map<Socket, number>();
  private readonly counted = new WeakSet<ServerResponse>();

  constructor(
    private readonly limits: ConnectionLimits,
    private readonly onRefused: (address: string) => void,
  ) {}

  /** Guards a listener; several listeners share the caps. */
  attach(server: HttpServer): void {
    server.on('connection', (socket: Socket) => this.admit(socket));
    server.on('request', (req: IncomingMessage, res: ServerResponse) => this.serving(req, res));
  }

  private admit(socket: Socket): void {
    // A v4 client of a dual-stack listener shows as ::ffff:a.b.c.d; it is the same client as a.b.c.d.
    const address = (socket.remoteAddress ?? '').replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
    const perClientCap = this.limits.maxConnectionsPerClient;
    // Past its own cap a sender's connection that has sent nothing for a while makes room. Busy ones and ones
    // whose request is arriving now never cost it a new connection: behind Azure Bot Service a whole channel
    // clicking at once arrives from a few addresses at the same moment; only the total cap refuses then.
    if (perClientCap !== undefined && (this.perClient.get(address) ?? 0) >= perClientCap) {
      this.evict((other) => this.open.get(other) === address, Date.now() - STALE_AFTER_MS);
    }
    // At the total cap the sender holding the most connections gives one up first.
    const fits = this.open.size < this.limits.maxConnections || this.evict((other) => this.open.get(other) === this.busiestClient()) || this.evict(() => true);
    if (!fits) {
      socket.destroy();
      this.onRefused(address);
      return;
    }
    this.open.set(socket, address);
    this.perClient.set(address, (this.perClient.get(address) ?? 0) + 1);
    this.idle.set(socket, Date.now());
    socket.once('close', () => this.forget(socket));
  }

  /**
   * A connection is busy from the moment its request has fully arrived until the response is done. One
   * whose body is still arriving stays evictable: a Bot Framework activity arrives in milliseconds, so the
   * oldest body still on its way is a slow sender's.
   */
  private serving(req: IncomingMessage, res: ServerResponse): void {
    const socket = req.socket;
    // A request from a second listener is re-emitted on the first one: count it once.
    if (this.counted.has(res) || !this.open.has(socket)) return;
    this.counted.add(res);
    let state: 'receiving' | 'busy' | 'done' = 'receiving';
    const hold = () => {
      if (state !== 'receiving') return;
      state = 'busy';
      this.idle.delete(socket);
      this.busy.set(socket, (this.busy.get(socket) ?? 0) + 1);
    };
    res.once('close', () => {
      const wasBusy = state === 'busy';
      state = 'done';
      if (!wasBusy) return;
      const left = (this.busy.get(socket) ?? 1) - 1;
      if (left > 0) {
        this.busy.set(socket, left);
      } else if (this.open.has(socket)) {
        this.busy.delete(socket);
        this.idle.set(socket, Date.now());
      }
    });
    const hasBody = (req.headers['content-length'] ?? '0') !== '0' || req.headers['transfer-encoding'] !== undefined;
    if (hasBody && !req.complete) req.once('end', hold);
    else hold();
  }

  /** Closes the longest waiting idle connection that matches (and waits since `before`, if given); false when there is none. */
  private evict(matches: (socket: Socket) => boolean, before = Infinity): boolean {
    for (const [socket, since] of this.idle) {
      if (since > before) return false;
      if (!matches(socket)) continue;
      this.forget(socket);
      socket.destroy();
      return true;
    }
    return false;
  }

  private busiestClient(): string | undefined {
    let busiest: string | undefined;
    let most = 0;
    for (const [address, count] of this.perClient) {
      if (count > most) [busiest, most] = [address, count];
    }
    return busiest;
  }

  private forget(socket: Socket): void {
    const address = this.open.get(socket);
    if (address === undefined) return;
    this.open.delete(socket);
    this.idle.delete(socket);
    this.busy.delete(socket);
    const count = (this.perClient.get(address) ?? 1) - 1;
    if (count > 0) this.perClient.set(address, count);
    else this.perClient.delete(address);
  }
}
