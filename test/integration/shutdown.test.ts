import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Emulator } from '../../src/emulator';
import { startStrictEmulator } from '../support/harness';
import { FakeConnector } from '../support/fake-connector';
import { freePort } from '../support/redis-server';
import { teamsMessage } from '../support/teams-activity';

const ROOT = join(__dirname, '..', '..');

/** The compiled bot (`npm test` builds dist/ first) as its own process, on an emulator that this test controls. */
describe('graceful shutdown on SIGTERM', () => {
  let emulator: Emulator;
  let connector: FakeConnector;
  let child: ChildProcess | undefined;
  const clientId = randomUUID();
  const clientSecret = randomBytes(18).toString('base64url');

  beforeAll(async () => {
    emulator = await startStrictEmulator({ clientId, clientSecret });
    connector = await FakeConnector.start();
  });
  afterAll(async () => {
    if (child?.exitCode === null) child.kill('SIGKILL');
    await connector.close();
    await emulator.close();
  });

  it('stops accepting, finishes the turn in flight (the meeting card is delivered), then exits 0', async () => {
    const caPath = join(mkdtempSync(join(tmpdir(), 'meetnow-shutdown-')), 'ca.pem');
    writeFileSync(caPath, emulator.caPem);
    const port = await freePort();
    const bot = spawn(process.execPath, [join(ROOT, 'dist', 'index.js')], {
      env: {
        PATH: process.env.PATH,
        PORT: String(port),
        HOST: '127.0.0.1',
        METRICS_PORT: 'off',
        LOG_FORMAT: 'json',
        GRAPH_CLIENT_ID: clientId,
        GRAPH_CLIENT_SECRET: clientSecret,
        AUTHORITY_HOST: emulator.authorityHost,
        GRAPH_BASE_URL: emulator.graphBaseUrl,
        NODE_EXTRA_CA_CERTS: caPath,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = bot;
    const lines: Array<Record<string, unknown>> = [];
    createInterface({ input: bot.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      try {
        lines.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        // not a log line
      }
    });
    const exited = new Promise<number | null>((resolve) => bot.once('exit', (code) => resolve(code)));
    const url = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 15_000;
    while (!(await fetch(`${url}/healthz`).then((r) => r.ok, () => false))) {
      if (Date.now() > deadline || bot.exitCode !== null) throw new Error('the bot did not start');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }

    emulator.setLatency(1_500);
    const activity = teamsMessage({ serviceUrl: connector.serviceUrl, text: '/meet Before the shutdown' });
    const inFlight = fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    // SIGTERM once the turn is waiting on Graph.
    while (emulator.counts.graph === 0 && !emulator.meetings().length) await new Promise((resolve) => setTimeout(resolve, 20));
    bot.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 200));
    // No longer accepting: a new connection is refused while the turn in flight goes on.
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();

    expect((await inFlight).status).toBe(200);
    expect(await exited).toBe(0);
    expect(connector.messages).toHaveLength(1);
    expect(Array.isArray(connector.messages[0]?.activity.attachments)).toBe(true);
    expect(emulator.meetings()).toHaveLength(1);
    expect(lines.some((line) => line.level === 50)).toBe(false);
  }, 30_000);
});
