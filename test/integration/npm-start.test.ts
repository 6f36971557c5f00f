import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { FakeConnector } from '../support/fake-connector';
import { teamsMessage } from '../support/teams-activity';

const ROOT = join(__dirname, '..', '..');

interface Started {
  child: ChildProcess;
  lines: Array<Record<string, unknown>>;
  /** Everything written to stderr so far. */
  stderr: () => string;
  url: string;
}

/** `npm start` as a newcomer runs it: the compiled bot, no configuration but a free port. */
async function startBot(env: NodeJS.ProcessEnv): Promise<Started> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(ROOT, 'dist', 'index.js')], {
    env: { PATH: process.env.PATH, PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: Array<Record<string, unknown>> = [];
  createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => lines.push(JSON.parse(line) as Record<string, unknown>));
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`bot exited with ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error('bot did not answer /healthz within 15 s');
    const healthy = await fetch(`${url}/healthz`).then((r) => r.status === 200, () => false);
    if (healthy) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { child, lines, stderr: () => stderr, url };
}

async function stop(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return child.exitCode;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  return exited;
}

/** The compiled bot run to its end, as `npm start` runs it (no inherited environment but PATH). */
async function run(env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [join(ROOT, 'dist', 'index.js')], {
    env: { PATH: process.env.PATH, LOG_LEVEL: 'error', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const [code] = (await once(child, 'close')) as [number | null];
  return { code, stdout, stderr };
}

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  server.close();
  return port;
}

describe('the compiled bot as a process', () => {
  it('with no configuration runs on the embedded emulator, says so first at warn level, and creates meetings', async () => {
    const connector = await FakeConnector.start();
    const { child, lines, stderr, url } = await startBot({ LOG_LEVEL: 'error' });
    try {
      expect(lines[0]).toMatchObject({ level: 40 });
      expect(String(lines[0]?.msg)).toContain('embedded Entra + Graph emulator');

      expect((await fetch(`${url}/healthz`)).status).toBe(200);
      const activity = teamsMessage({ serviceUrl: connector.serviceUrl, text: '/meet From a fresh clone' });
      expect((await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) })).status).toBe(200);
      const attachments = connector.messages[0]?.activity.attachments as Array<{ content: { actions: Array<{ url: string }> } }>;
      expect(attachments[0]?.content.actions[0]?.url).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/meetup-join\//);
      // Only that line passes LOG_LEVEL=error: the bot is otherwise quiet, and Node has no warning to print
      // (restify 11 needed --disable-warning=DEP0111 for spdy's process.binding).
      expect(lines.every((line, i) => i === 0 || (line.level as number) >= 50)).toBe(true);
      expect(stderr()).toBe('');
    } finally {
      expect(await stop(child)).toBe(0);
      await connector.close();
    }
  });

  it('with NODE_ENV=production and no Graph configuration never runs the emulator: one message naming what is missing, exit code non-zero', async () => {
    const port = await freePort();
    const { code, stdout, stderr } = await run({ NODE_ENV: 'production', PORT: String(port) });
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/^Invalid configuration:\n {2}- GRAPH_CLIENT_ID: no Graph configuration, and NODE_ENV=production never falls back to the embedded emulator/);
    expect(stderr).toContain('GRAPH_CLIENT_SECRET');
    expect(stdout).not.toContain('embedded Entra + Graph emulator');
    expect(await fetch(`http://127.0.0.1:${port}/healthz`).then(() => 'answered', () => 'refused')).toBe('refused');
  });

  it.each([
    ['PORT', {}, /PORT: cannot listen on 127\.0\.0\.1:(\d+): the port is already in use .*\[PORT=\1\]/],
    ['PORT and HOST', { HOST: '127.0.0.1' }, /PORT and HOST: cannot listen on 127\.0\.0\.1:(\d+): the port is already in use .*\[PORT=\1, HOST=127\.0\.0\.1\]/],
  ])('a port already in use ends with a message naming the port and %s, exit code non-zero, no stack', async (_variables, env, message) => {
    const taken = createServer().listen(0, '127.0.0.1');
    await once(taken, 'listening');
    const { port } = taken.address() as AddressInfo;
    try {
      const { code, stderr } = await run({ PORT: String(port), ...env });
      expect(code).not.toBe(0);
      expect(stderr).toMatch(message);
      expect(stderr).toContain(`:${port}`);
      expect(stderr).not.toMatch(/EADDRINUSE|at Server\.|node:events/);
    } finally {
      taken.close();
    }
  });

  it('refuses a bad configuration with one message naming every offending variable, exit code non-zero', async () => {
    const child = spawn(process.execPath, [join(ROOT, 'dist', 'index.js')], {
      env: { PATH: process.env.PATH, PORT: 'x', MEETINGS_API: 'nope', AUTHORITY_HOST: 'http://insecure.example' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).not.toBe(0);
    for (const name of ['PORT', 'MEETINGS_API', 'AUTHORITY_HOST']) expect(stderr).toContain(name);
  });
});
