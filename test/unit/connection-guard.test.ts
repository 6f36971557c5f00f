import { once } from 'node:events';
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConnectionGuard } from '../../src/http/connection-guard';
import { applyHttpTimeouts, HTTP_TIMEOUTS } from '../../src/server';

function get(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ port, host: '127.0.0.1', path: '/', agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('ConnectionGuard', () => {
  it('never closes a connection that is serving a request: when all are busy at the total cap, the new one is refused and reported', async () => {
    const held: ServerResponse[] = [];
    const server = createServer((_req: IncomingMessage, res: ServerResponse) => void held.push(res));
    const refused: string[] = [];
    new ConnectionGuard({ maxConnections: 2, maxConnectionsPerClient: undefined }, (address) => refused.push(address)).attach(server);
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    try {
      const first = get(port);
      const second = get(port);
      while (held.length < 2) await new Promise((resolve) => setTimeout(resolve, 5));
      await expect(get(port)).rejects.toThrow(/socket hang up|ECONNRESET/);
      expect(refused).toEqual(['127.0.0.1']);
      for (const res of held) res.end();
      expect(await first).toBe(200);
      expect(await second).toBe(200);
      // Once they are answered there is room again.
      const third = get(port);
      while (held.length < 3) await new Promise((resolve) => setTimeout(resolve, 5));
      held[2]?.end();
      expect(await third).toBe(200);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it('serves a sender past its own cap whose connections are all busy (a channel clicking at once through Azure Bot Service)', async () => {
    const held: ServerResponse[] = [];
    const server = createServer((_req: IncomingMessage, res: ServerResponse) => void held.push(res));
    const refused: string[] = [];
    new ConnectionGuard({ maxConnections: 10, maxConnectionsPerClient: 2 }, (address) => refused.push(address)).attach(server);
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    try {
      const answers = [get(port), get(port), get(port), get(port)];
      while (held.length < 4) await new Promise((resolve) => setTimeout(resolve, 5));
      for (const res of held) res.end();
      expect(await Promise.all(answers)).toEqual([200, 200, 200, 200]);
      expect(refused).toEqual([]);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});

describe('the bot port timeouts', () => {
  it('replace Node defaults (60 s headers, 300 s request) with 10 s, 15 s and 5 s keep-alive', () => {
    const server = createServer();
    applyHttpTimeouts(server, HTTP_TIMEOUTS);
    expect(server.headersTimeout).toBe(10_000);
    expect(server.requestTimeout).toBe(15_000);
    expect(server.keepAliveTimeout).toBe(5_000);
    // Leaves time to answer within DESIGN §4's 20 s after a request that took the whole request timeout.
    expect(server.requestTimeout).toBeLessThan(20_000);
  });
});
