import { once } from 'node:events';
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';

export interface ConnectProxyOptions {
  /** `user:password` the proxy wants in `Proxy-Authorization: Basic …`; without it any request is served. */
  credentials?: string;
  /** Answer every CONNECT with this status instead of opening the tunnel (407, 502…). */
  refuseWith?: number;
}

/**
 * A forward proxy on loopback, as an enterprise proxy behaves: `CONNECT host:port` opens a tunnel, and a
 * request in absolute form (`GET http://host:port/path`, as node:http clients send through a proxy) is
 * forwarded; both are counted per target.
 */
export class ConnectProxy {
  /** CONNECT requests per `host:port`, tunnels refused included. */
  readonly tunnels = new Map<string, number>();
  /** Absolute-form requests per `host:port`, refused ones included. */
  readonly forwarded = new Map<string, number>();
  /** `Proxy-Authorization` headers as received (to show what the bot sends, and that it sends it only here). */
  readonly authorizations: string[] = [];
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    private readonly options: ConnectProxyOptions,
  ) {}

  static async start(options: ConnectProxyOptions = {}): Promise<ConnectProxy> {
    const server = createServer();
    const proxy = new ConnectProxy(server, options);
    server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => proxy.tunnel(req, client, head));
    server.on('request', (req: IncomingMessage, res: ServerResponse) => proxy.forward(req, res));
    server.on('connection', (socket: Socket) => {
      proxy.sockets.add(socket);
      socket.on('close', () => proxy.sockets.delete(socket));
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    return proxy;
  }

  /** `http://127.0.0.1:port`, with `user:password@` when given. */
  url(credentials?: string): string {
    const { port } = this.server.address() as AddressInfo;
    return `http://${credentials === undefined ? '' : `${credentials}@`}127.0.0.1:${port}`;
  }

  get hostPort(): string {
    return `127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  tunnelsTo(hostPort: string): number {
    return this.tunnels.get(hostPort) ?? 0;
  }

  reset(): void {
    this.tunnels.clear();
    this.forwarded.clear();
    this.authorizations.length = 0;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    this.server.close();
    await once(this.server, 'close');
  }

  /** Counts the request and says which status refuses it, if any. */
  private refusal(req: IncomingMessage, counts: Map<string, number>, target: string): number | undefined {
    counts.set(target, (counts.get(target) ?? 0) + 1);
    const authorization = req.headers['proxy-authorization'];
    if (authorization !== undefined) this.authorizations.push(authorization);
    if (this.options.refuseWith !== undefined) return this.options.refuseWith;
    if (this.options.credentials === undefined) return undefined;
    return authorization === `Basic ${Buffer.from(this.options.credentials).toString('base64')}` ? undefined : 407;
  }

  private tunnel(req: IncomingMessage, client: Socket, head: Buffer): void {
    const target = req.url ?? '';
    const refusal = this.refusal(req, this.tunnels, target);
    client.on('error', () => client.destroy());
    if (refusal !== undefined) {
      client.end(`HTTP/1.1 ${refusal} Refused\r\n${refusal === 407 ? 'Proxy-Authenticate: Basic realm="corp"\r\n' : ''}Content-Length: 0\r\n\r\n`);
      return;
    }
    const separator = target.lastIndexOf(':');
    const upstream = connect(Number(target.slice(separator + 1)), target.slice(0, separator).replace(/^\[|\]$/g, ''), () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
  }

  private forward(req: IncomingMessage, res: ServerResponse): void {
    const target = new URL(req.url ?? '/', 'http://invalid');
    const refusal = this.refusal(req, this.forwarded, target.host);
    if (refusal !== undefined) {
      res.writeHead(refusal, refusal === 407 ? { 'proxy-authenticate': 'Basic realm="corp"' } : {}).end();
      return;
    }
    const headers = { ...req.headers };
    delete headers['proxy-authorization'];
    delete headers['proxy-connection'];
    const upstream = request({ host: target.hostname, port: target.port, method: req.method, path: `${target.pathname}${target.search}`, headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  }
}
