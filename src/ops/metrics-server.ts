import { once } from 'node:events';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { MeetNowMetrics } from './metrics';

export interface MetricsServer {
  /** http://host:port/metrics */
  url: string;
  close(): Promise<void>;
}

/**
 * `GET /metrics` on a port of its own: metrics reveal usage, so they are kept off the bot's public port and
 * bound to loopback unless `METRICS_HOST` says otherwise.
 */
/** restify patches ServerResponse.prototype.writeHead process-wide (it returns nothing there): never chain on it. */
function answer(res: ServerResponse, status: number, headers: Record<string, string>, body?: string): void {
  res.writeHead(status, headers);
  res.end(body);
}

export async function startMetricsServer(metrics: MeetNowMetrics, host: string, port: number): Promise<MetricsServer> {
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path !== '/metrics') {
      answer(res, 404, { 'content-type': 'text/plain' }, 'Not found: metrics are at /metrics\n');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      answer(res, 405, { allow: 'GET, HEAD', 'content-type': 'text/plain' }, 'Method not allowed\n');
      return;
    }
    metrics.render().then(
      (text) => answer(res, 200, { 'content-type': metrics.contentType }, req.method === 'HEAD' ? undefined : text),
      (error: unknown) => answer(res, 500, { 'content-type': 'text/plain' }, `metrics failed: ${(error as Error).message}\n`),
    );
  });
  server.listen(port, host);
  await Promise.race([once(server, 'listening'), once(server, 'error').then(([error]) => Promise.reject(error as Error))]);
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${shownHost}:${address.port}/metrics`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
