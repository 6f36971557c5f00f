import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { UndiciHttpClient } from '../../src/http/http-client';
import { MeetNowError } from '../../src/errors';

/** A server that answers every request with `parts`, written one by one (each a chunk of its own), after `pauseMs` each. */
async function serve(parts: Buffer[], pauseMs = 0): Promise<{ url: string; server: Server }> {
  const server = createServer(async (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'X-Request-Id': 'r-1' });
    for (const part of parts) {
      res.write(part);
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
    }
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
}

describe('UndiciHttpClient response bodies', () => {
  const servers: Server[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
  });

  it('reads a body sent in pieces as one text, a character split between two pieces included, with lower-case header names', async () => {
    const text = Buffer.from('Grüße, 会議', 'utf8');
    const { url, server } = await serve([text.subarray(0, 3), text.subarray(3, 13), text.subarray(13)], 5);
    servers.push(server);
    const http = new UndiciHttpClient();
    try {
      const response = await http.send({ method: 'GET', url });
      expect(response).toMatchObject({ status: 200, body: 'Grüße, 会議', headers: { 'x-request-id': 'r-1' } });
    } finally {
      await http.close();
    }
  });

  it('refuses a body over maxResponseBytes as a network error', async () => {
    const { url, server } = await serve([Buffer.alloc(600, 'a'), Buffer.alloc(600, 'b')], 5);
    servers.push(server);
    const http = new UndiciHttpClient({ maxResponseBytes: 1_000 });
    try {
      const failure = await http.send({ method: 'GET', url }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(MeetNowError);
      expect((failure as MeetNowError).code).toBe('network');
      expect((failure as MeetNowError).message).toBe('response from ' + new URL(url).host + ' exceeds 1000 bytes');
    } finally {
      await http.close();
    }
  });

  it('gives up on a body still arriving at the deadline', async () => {
    const { url, server } = await serve([Buffer.from('a'), Buffer.from('b'), Buffer.from('c')], 400);
    servers.push(server);
    const http = new UndiciHttpClient({ defaultTimeoutMs: 300 });
    try {
      const failure = await http.send({ method: 'GET', url }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(MeetNowError);
      expect((failure as MeetNowError).message).toBe(`GET ${new URL(url).host} failed: timed out after 300 ms`);
    } finally {
      await http.close();
    }
  });
});
