import type { IncomingMessage, Server as HttpServer, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

export interface ConnectionLimits {
  /** Open connections across every listener of the bot port. */
  maxConnections: number;
  /** Open connections from one remote address; undefined: no per-address cap (behind a proxy every connection has its address). */
  maxConnectionsPerClient: number | undefined;
}

/**
 * Caps the bot port's open connections, in total and per remote address, so that a flood of half-sent
 * requests cannot use up the process's file descriptors. At a cap, the oldest connection that is not serving
 * a request (headers still arriving, or idle between keep-alive requests) is closed to make room — the
 * sender's own first — so a new client is still answered; only when every connection is busy with a
 * request is the new one refused.
 */
export class ConnectionGuard {
  /** Every open connection and its remote address. */
  private readonly open = new Map<Socket, string>();
  private readonly perClient = new Map<string, number>();
  /** Connections not serving a request, oldest first (a Set keeps insertion order). */
  private readonly idle = new Set<Socket>();
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
    const fits =
      (perClientCap === undefined || (this.perClient.get(address) ?? 0) < perClientCap || this.evict((other) => this.open.get(other) === address)) &&
      (this.open.size < this.limits.maxConnections || this.evict(() => true));
    if (!fits) {
      socket.destroy();
      this.onRefused(address);
      return;
    }
    this.open.set(socket, address);
    this.perClient.set(address, (this.perClient.get(address) ?? 0) + 1);
    this.idle.add(socket);
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
        this.idle.add(socket);
      }
    });
    const hasBody = (req.headers['content-length'] ?? '0') !== '0' || req.headers['transfer-encoding'] !== undefined;
    if (hasBody && !req.complete) req.once('end', hold);
    else hold();
  }

  /** Closes the oldest idle connection that matches; false when there is none. */
  private evict(matches: (socket: Socket) => boolean): boolean {
    for (const socket of this.idle) {
      if (!matches(socket)) continue;
      this.forget(socket);
      socket.destroy();
      return true;
    }
    return false;
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
