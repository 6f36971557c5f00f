import { once } from 'node:events';
import { createSecureServer, type Http2SecureServer } from 'node:http2';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { Emulator } from '../../src/emulator';
import { generateLoopbackCertificate, type TlsMaterial } from '../../src/emulator/tls';
import { UndiciHttpClient, type HttpRequest } from '../../src/http/http-client';
import { useHarness, type Harness } from '../support/harness';
import { teamsMessage } from '../support/teams-activity';

describe.each([
  ['GRAPH_HTTP2 unset', {}, '2.0', '2.0'],
  ['GRAPH_HTTP2=off', { GRAPH_HTTP2: 'off' }, '1.1', '1.1'],
  // The beta POST is not createOrGet: sent twice it would book two meetings, so it never shares a connection.
  ['MEETINGS_API=app', { MEETINGS_API: 'app' }, '2.0', '1.1'],
] as const)('%s: the protocol of the calls to Entra and Graph', (_name, env, tokenVersion, graphVersion) => {
  let h: Harness;
  useHarness((started) => (h = started), { env });

  it(`asks for the token over HTTP ${tokenVersion} and creates the meeting over HTTP ${graphVersion}`, async () => {
    const response = await h.post(teamsMessage({ serviceUrl: h.connector.serviceUrl, text: '/meet Over the wire' }));
    expect(response.status).toBe(200);
    expect(h.emulator.tokenRequests.map((r) => r.httpVersion)).toEqual([tokenVersion]);
    expect(h.emulator.graphRequests.map((r) => [r.httpVersion, r.status])).toEqual([[graphVersion, 201]]);
  });
});

/** A loopback TLS server, listening, that counts its connections. */
async function listen<S extends Server | Http2SecureServer>(server: S): Promise<{ server: S; url: string; connections: () => number }> {
  let connections = 0;
  server.on('secureConnection', () => (connections += 1));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, url: `https://127.0.0.1:${(server.address() as AddressInfo).port}`, connections: () => connections };
}

describe('UndiciHttpClient over HTTP/2 and HTTP/1.1', () => {
  let tls: TlsMaterial;
  const closing: Array<() => Promise<void>> = [];
  beforeAll(async () => {
    tls = await generateLoopbackCertificate();
  });
  afterEach(async () => {
    await Promise.all(closing.splice(0).map((close) => close()));
  });

  function client(options: { http2?: boolean; defaultTimeoutMs?: number } = {}): UndiciHttpClient {
    const http = new UndiciHttpClient({ caPem: tls.cert, ...options });
    closing.push(() => http.close());
    return http;
  }

  /** Answers once `count` requests are in flight at the same time, so only a client that sends them together gets answers. */
  function answerWhenAllArrived(count: number, versions: string[]) {
    const waiting: Array<() => void> = [];
    return (req: { httpVersion: string }, res: { writeHead(status: number): unknown; end(body: string): unknown }) => {
      versions.push(req.httpVersion);
      waiting.push(() => res.end('ok'));
      res.writeHead(200);
      if (waiting.length === count) waiting.splice(0).forEach((answer) => answer());
    };
  }

  it('sends concurrent repeatable requests over one HTTP/2 connection once it is open', async () => {
    const versions: string[] = [];
    const h2 = await listen(createSecureServer({ key: tls.key, cert: tls.cert, allowHTTP1: true }));
    closing.push(() => new Promise((resolve) => h2.server.close(() => resolve())));
    const http = client();
    const first = answerWhenAllArrived(1, versions);
    h2.server.once('request', first);
    await http.send({ method: 'GET', url: `${h2.url}/warm` });

    h2.server.on('request', answerWhenAllArrived(20, versions));
    const burst: HttpRequest[] = Array.from({ length: 20 }, (_, i) => ({ method: 'POST', url: `${h2.url}/token/${i}`, body: 'x', idempotent: true }));
    const answers = await Promise.all(burst.map((req) => http.send(req)));

    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200));
    expect(versions).toEqual(Array(21).fill('2.0'));
    expect(h2.connections()).toBe(1);
  });

  it('sends requests that must not be sent twice over HTTP/1.1, each on a connection of its own', async () => {
    const versions: string[] = [];
    const h2 = await listen(createSecureServer({ key: tls.key, cert: tls.cert, allowHTTP1: true }));
    closing.push(() => new Promise((resolve) => h2.server.close(() => resolve())));
    const http = client();
    h2.server.once('request', answerWhenAllArrived(1, versions));
    await http.send({ method: 'GET', url: `${h2.url}/warm` });

    h2.server.on('request', answerWhenAllArrived(5, versions));
    const answers = await Promise.all(Array.from({ length: 5 }, (_, i) => http.send({ method: 'POST', url: `${h2.url}/events/${i}`, body: 'x' })));

    expect(answers.map((a) => a.status)).toEqual(Array(5).fill(200));
    expect(versions).toEqual(['2.0', ...Array(5).fill('1.1')]);
    expect(h2.connections()).toBe(6);
  });

  it('falls back to HTTP/1.1, one request per connection, when the server offers only HTTP/1.1', async () => {
    const versions: string[] = [];
    const h1 = await listen(createServer({ key: tls.key, cert: tls.cert }));
    closing.push(() => new Promise((resolve) => (h1.server.closeAllConnections(), h1.server.close(() => resolve()))));
    h1.server.on('request', answerWhenAllArrived(5, versions));
    const http = client();

    const answers = await Promise.all(Array.from({ length: 5 }, (_, i) => http.send({ method: 'POST', url: `${h1.url}/p/${i}`, body: 'x', idempotent: true })));

    expect(answers.map((a) => [a.status, a.body])).toEqual(Array(5).fill([200, 'ok']));
    expect(versions).toEqual(Array(5).fill('1.1'));
    expect(h1.connections()).toBe(5);
  });

  it('offers only HTTP/1.1 with http2: false, also to a server that speaks HTTP/2', async () => {
    const versions: string[] = [];
    const h2 = await listen(createSecureServer({ key: tls.key, cert: tls.cert, allowHTTP1: true }));
    closing.push(() => new Promise((resolve) => h2.server.close(() => resolve())));
    h2.server.on('request', answerWhenAllArrived(1, versions));
    const http = client({ http2: false });

    expect((await http.send({ method: 'GET', url: `${h2.url}/` })).status).toBe(200);
    expect(versions).toEqual(['1.1']);
  });

  describe('against the emulator over HTTP/2', () => {
    let emulator: Emulator;
    beforeAll(async () => {
      emulator = await Emulator.start();
    });
    afterAll(async () => emulator.close());
    afterEach(() => emulator.reset());

    // Without a token Graph answers 400 at once: an answer, which is all these tests need.
    const meUrl = () => `${emulator.graphBaseUrl}/v1.0/me`;

    it('a dropped request fails alone: the others sharing its connection are answered', async () => {
      const http = new UndiciHttpClient({ caPem: emulator.caPem });
      closing.push(() => http.close());
      await http.send({ method: 'GET', url: meUrl() });
      emulator.setLatency(300);
      emulator.injectFault({ target: 'graph', drop: true });

      const outcomes = await Promise.allSettled(Array.from({ length: 10 }, () => http.send({ method: 'GET', url: meUrl() })));

      const failed = outcomes.filter((o) => o.status === 'rejected');
      expect(failed).toHaveLength(1);
      expect((failed[0] as PromiseRejectedResult).reason).toMatchObject({ code: 'network' });
      expect(outcomes.filter((o) => o.status === 'fulfilled').map((o) => (o as PromiseFulfilledResult<{ status: number }>).value.status)).toEqual(Array(9).fill(400));
      expect(emulator.graphRequests.map((r) => r.httpVersion)).toEqual(Array(11).fill('2.0'));
      expect(emulator.graphRequests.filter((r) => r.status === 0)).toHaveLength(1);
    });

    it('a request past its deadline fails as a timeout and the connection keeps serving', async () => {
      const http = new UndiciHttpClient({ caPem: emulator.caPem, defaultTimeoutMs: 300 });
      closing.push(() => http.close());
      emulator.injectFault({ target: 'graph', latencyMs: 5_000 });

      await expect(http.send({ method: 'GET', url: meUrl() })).rejects.toThrow(/timed out after 300 ms/);
      expect((await http.send({ method: 'GET', url: meUrl() })).status).toBe(400);
      // The late one is still held by the emulator; only the second is recorded yet.
      expect(emulator.graphRequests.map((r) => r.httpVersion)).toEqual(['2.0']);
    });

    it('a 429 keeps its Retry-After over HTTP/2', async () => {
      const http = new UndiciHttpClient({ caPem: emulator.caPem });
      closing.push(() => http.close());
      emulator.injectFault({ target: 'graph', status: 429, retryAfter: 7 });

      const answer = await http.send({ method: 'GET', url: meUrl() });
      expect([answer.status, answer.headers['retry-after']]).toEqual([429, '7']);
      expect(emulator.graphRequests.map((r) => r.httpVersion)).toEqual(['2.0']);
      expect(emulator.httpVersions).toEqual({ '2.0': 1 });
    });
  });
});
