import { once } from 'node:events';
import fc from 'fast-check';
import { connect, type Socket } from 'node:net';
import { MAX_BODY_BYTES } from '../../src/server';
import { startHarness, type Harness } from '../support/harness';
import { teamsMessage } from '../support/teams-activity';

/** A raw client: what it received, and whether the server closed the connection. */
class RawClient {
  received = '';
  closed = false;
  private constructor(readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => (this.received += chunk.toString('latin1')));
    socket.on('error', () => undefined);
    socket.on('close', () => (this.closed = true));
  }

  static async open(port: number, host = '127.0.0.1'): Promise<RawClient> {
    const socket = connect(port, host);
    await once(socket, 'connect');
    return new RawClient(socket);
  }

  get status(): number | undefined {
    const match = /^HTTP\/1\.1 (\d{3})/.exec(this.received);
    return match === null ? undefined : Number(match[1]);
  }

  /** Resolves once the server has answered or closed; the socket's own pace decides, not a timer. */
  async answered(): Promise<void> {
    while (this.status === undefined && !this.closed) await once(this.socket, 'data').catch(() => undefined);
  }

  write(text: string | Buffer): Promise<void> {
    return new Promise((resolve) => (this.closed ? resolve() : this.socket.write(text, () => resolve())));
  }
}

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let waited = 0; !condition(); waited += 10) {
    if (waited > 10_000) throw new Error(`still waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));
const postHead = (host: string, headers: string) => `POST /api/messages HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\n${headers}\r\n`;

describe.each([
  // The flood arrives within a second: none of it is stale yet, so the total cap is what holds it.
  ['the default caps (512 in all, 128 per client)', {}, 512],
  ['HTTP_MAX_CONNECTIONS=50 and no per-client cap', { HTTP_MAX_CONNECTIONS: '50', HTTP_MAX_CONNECTIONS_PER_CLIENT: 'off' }, 50],
])('1,000 half-sent requests from one address, with %s', (_caps, env, held) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ env });
  });
  afterAll(async () => h.close());

  it('do not stop /healthz from answering a new client from the same address: the oldest half-sent ones make room', async () => {
    const attackers: RawClient[] = [];
    try {
      for (let i = 0; i < 1000; i += 1) {
        const client = await RawClient.open(h.bot.port);
        await client.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Never-Ends: ');
        attackers.push(client);
      }
      await until(() => attackers.filter((client) => !client.closed).length <= held, `the bot to hold at most ${held} of them`);
      const response = await fetch(`${h.bot.url}/healthz`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: 'ok' });
      // The newest senders are the ones still connected: the bot closed the oldest first.
      expect(attackers.slice(0, 1000 - held - 1).every((client) => client.closed)).toBe(true);
      expect(attackers.at(-1)?.closed).toBe(false);
    } finally {
      for (const client of attackers) client.socket.destroy();
    }
  });
});

describe('many connections from one address (Azure Bot Service, a proxy)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ env: { MEET_RATE_LIMIT: 'off' } });
  });
  afterAll(async () => h.close());

  it('past 128 from one address, a connection that has sent nothing for a second makes room for the next one', async () => {
    const waiting: RawClient[] = [];
    try {
      for (let i = 0; i < 128; i += 1) {
        const client = await RawClient.open(h.bot.port);
        await client.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Never-Ends: ');
        waiting.push(client);
      }
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      const next = await RawClient.open(h.bot.port);
      waiting.push(next);
      await until(() => waiting[0]?.closed === true, 'the oldest waiting connection to be closed');
      expect(waiting.slice(1).every((client) => !client.closed)).toBe(true);
    } finally {
      for (const client of waiting) client.socket.destroy();
    }
  });

  it('a whole channel clicking at once through one address is served: 200 /meet held busy by a slow Graph, none refused', async () => {
    h.emulator.setLatency(500);
    try {
      const statuses = await Promise.all(
        Array.from({ length: 200 }, (_, i) => h.post(teamsMessage({ serviceUrl: h.connector.serviceUrl, text: `/meet Busy ${i}` })).then((response) => response.status)),
      );
      expect(statuses.filter((status) => status !== 200)).toEqual([]);
      expect(h.emulator.meetings()).toHaveLength(200);
      expect(h.logs.lines.some((line) => String(line.msg).startsWith('connection refused'))).toBe(false);
    } finally {
      h.emulator.setLatency(0);
    }
  });
});

describe('bodies over the limit and slow senders', () => {
  let h: Harness;
  beforeAll(async () => {
    // Short timeouts so that the slow senders are cut in a fraction of a second; HOST unset: both loopback families.
    h = await startHarness({ env: { HOST: '' }, meetNow: { timing: { http: { headersTimeoutMs: 300, requestTimeoutMs: 600 } } } });
  });
  afterAll(async () => h.close());
  beforeEach(() => {
    h.connector.reset();
    h.emulator.reset();
  });
  afterEach(() => expect(h.emulator.graphRequests).toHaveLength(0));

  it.each([
    ['127.0.0.1', '127.0.0.1'],
    ['::1 (the second listener)', '::1'],
  ])('a 10 MB Content-Length gets 413 before any of the body is sent, then the connection is closed (%s)', async (_name, address) => {
    const client = await RawClient.open(h.bot.port, address);
    await client.write(postHead('localhost', 'Content-Length: 10485760\r\n'));
    await client.answered();
    expect(client.status).toBe(413);
    expect(client.received.toLowerCase()).toContain('connection: close');
    expect(client.received).toContain('payload_too_large');
    await until(() => client.closed, 'the bot to close the connection');
  });

  it.each([
    ['127.0.0.1', '127.0.0.1'],
    ['::1 (the second listener)', '::1'],
  ])('with Expect: 100-continue, an oversized body gets 413 instead of 100 Continue; a small one continues (%s)', async (_name, address) => {
    const big = await RawClient.open(h.bot.port, address);
    await big.write(postHead('localhost', 'Content-Length: 10485760\r\nExpect: 100-continue\r\n'));
    await big.answered();
    expect(big.status).toBe(413);
    expect(big.received).not.toContain('100 Continue');

    const body = JSON.stringify(teamsMessage({ serviceUrl: h.connector.serviceUrl, text: 'hello' }));
    const small = await RawClient.open(h.bot.port, address);
    await small.write(postHead('localhost', `Content-Length: ${Buffer.byteLength(body)}\r\nExpect: 100-continue\r\n`));
    await small.answered();
    expect(small.status).toBe(100);
    await small.write(body);
    await until(() => small.received.includes('HTTP/1.1 200'), 'the answer after the body');
    small.socket.destroy();
  });

  it('a chunked body gets 413 while it is still being sent, as soon as it passes the limit', async () => {
    const client = await RawClient.open(h.bot.port);
    await client.write(postHead('localhost', 'Transfer-Encoding: chunked\r\n'));
    const chunk = Buffer.alloc(16 * 1024, 'a');
    const bodyCap = 64 * MAX_BODY_BYTES;
    let sent = 0;
    while (client.status === undefined && !client.closed && sent < bodyCap) {
      await client.write(Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n')]));
      sent += chunk.length;
      await tick();
    }
    expect(client.status).toBe(413);
    // Answered long before the sender would have finished (it never sent the last chunk).
    expect(sent).toBeGreaterThan(MAX_BODY_BYTES);
    expect(sent).toBeLessThan(bodyCap);
    await until(() => client.closed, 'the bot to close the connection');
    expect((await fetch(`${h.bot.url}/healthz`)).status).toBe(200);
  });

  it('a body within the limit is still served', async () => {
    const body = JSON.stringify(teamsMessage({ serviceUrl: h.connector.serviceUrl, text: 'hello' }));
    const client = await RawClient.open(h.bot.port);
    await client.write(`${postHead('localhost', `Content-Length: ${Buffer.byteLength(body)}\r\n`)}${body}`);
    await client.answered();
    expect(client.status).toBe(200);
    client.socket.destroy();
  });

  it.each([
    ['127.0.0.1', '127.0.0.1'],
    ['::1 (the second listener)', '::1'],
  ])('slowloris headers (one header line at a time, never finished) are cut at the header timeout with 408 (%s)', async (_name, address) => {
    const client = await RawClient.open(h.bot.port, address);
    await client.write('GET /healthz HTTP/1.1\r\nHost: localhost\r\n');
    let lines = 0;
    while (!client.closed) {
      await client.write(`X-Slow-${lines}: 1\r\n`);
      lines += 1;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(client.status).toBe(408);
  });

  it('a body that trickles in is cut at the request timeout with 408, before the turn runs', async () => {
    const client = await RawClient.open(h.bot.port);
    await client.write(postHead('localhost', 'Content-Length: 100000\r\n'));
    while (!client.closed) {
      await client.write(' ');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(client.status).toBe(408);
    expect(h.connector.calls).toHaveLength(0);
  });

  it('generated requests, whole or cut short, fast or slow, declared or chunked, always get a 4xx or a 200 and never hold the port', async () => {
    const activity = JSON.stringify(teamsMessage({ serviceUrl: h.connector.serviceUrl, text: 'hello' }));
    const shape = fc.record({
      path: fc.constantFrom('/api/messages', '/healthz', '/readyz', '/nowhere'),
      host: fc.constantFrom('localhost', '127.0.0.1', '[::1]:3978', 'evil.example'),
      body: fc.oneof(fc.constant(activity), fc.nat({ max: 2 * MAX_BODY_BYTES }).map((size) => 'x'.repeat(size))),
      framing: fc.constantFrom('exact', 'short', 'long', 'huge', 'chunked'),
      // Where the sender stops for good (1: it sends everything), and how it paces the pieces.
      sendFraction: fc.oneof(fc.constant(1), fc.double({ min: 0, max: 1, noNaN: true })),
      pieces: fc.integer({ min: 1, max: 12 }),
      pauseMs: fc.constantFrom(0, 0, 5, 40),
    });
    const seen = new Set<number>();
    await fc.assert(
      fc.asyncProperty(shape, async ({ path, host, body, framing, sendFraction, pieces, pauseMs }) => {
        const length = Buffer.byteLength(body);
        const declared = { exact: length, short: Math.floor(length / 2), long: length + 100, huge: 10 * 1024 * 1024, chunked: undefined }[framing];
        const payload =
          framing === 'chunked'
            ? `${Array.from({ length: Math.ceil(length / 65_536) }, (_, i) => body.slice(i * 65_536, (i + 1) * 65_536)).map((part) => `${Buffer.byteLength(part).toString(16)}\r\n${part}\r\n`).join('')}0\r\n\r\n`
            : body;
        const framingHeader = declared === undefined ? 'Transfer-Encoding: chunked\r\n' : `Content-Length: ${declared}\r\n`;
        const raw = Buffer.from(`POST ${path} HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\n${framingHeader}\r\n${payload}`);
        const end = Math.floor(raw.length * sendFraction);
        const client = await RawClient.open(h.bot.port);
        try {
          for (let piece = 0; piece < pieces && client.status === undefined && !client.closed; piece += 1) {
            await client.write(raw.subarray(Math.floor((end * piece) / pieces), Math.floor((end * (piece + 1)) / pieces)));
            if (pauseMs > 0) await new Promise((resolve) => setTimeout(resolve, pauseMs));
          }
          await until(() => client.status !== undefined, 'an answer');
          seen.add(client.status as number);
          expect([200, 400, 404, 405, 408, 413, 421]).toContain(client.status);
        } finally {
          client.socket.destroy();
        }
      }),
      { numRuns: 40 },
    );
    // The shapes reached the new answers, not only the easy ones.
    expect([...seen]).toEqual(expect.arrayContaining([408, 413, 421]));
    expect((await fetch(`${h.bot.url}/healthz`)).status).toBe(200);
  });

  it('a connection that sends nothing is closed at the header timeout', async () => {
    const client = await RawClient.open(h.bot.port);
    await until(() => client.closed, 'the bot to close a silent connection');
    expect(client.closed).toBe(true);
  });
});
