import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type AddressInfo } from 'node:net';
import { Redis } from 'ioredis';

/** A real redis-server (Debian's, installed by .ci/run) on a free loopback port, without persistence. */
export class RedisServer {
  private constructor(
    private readonly child: ChildProcess,
    readonly port: number,
  ) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  static async start(): Promise<RedisServer> {
    const port = await freePort();
    const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    const failed = new Promise<never>((_resolve, reject) => {
      child.once('error', (error) => reject(new Error(`redis-server could not start (is it installed? .ci/run installs it): ${error.message}`)));
      child.once('exit', (code) => reject(new Error(`redis-server exited with ${code}`)));
    });
    failed.catch(() => undefined);
    const deadline = Date.now() + 10_000;
    for (;;) {
      const client = new Redis(port, '127.0.0.1', { lazyConnect: true, connectTimeout: 1_000, maxRetriesPerRequest: 0, retryStrategy: () => null });
      client.on('error', () => undefined);
      const ready = await Promise.race([client.connect().then(() => client.ping()).then(() => true, () => false), failed]);
      client.disconnect();
      if (ready) return new RedisServer(child, port);
      if (Date.now() > deadline) throw new Error('redis-server did not answer within 10 s');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = once(this.child, 'exit');
    this.child.kill('SIGTERM');
    await exited;
  }
}

/** How a newcomer gets the server the Redis tests need. */
export const REDIS_INSTALL_HINT = '`sudo apt-get install redis-server` (Debian, Ubuntu) or `brew install redis` (macOS)';

/** `redis-server` can be started from this PATH. */
export function redisServerInstalled(): boolean {
  return spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).error === undefined;
}

/** `.ci/run` sets MEETNOW_REQUIRE_REDIS=1: there a missing redis-server fails the run instead of skipping. */
export const redisRequired = (): boolean => process.env.MEETNOW_REQUIRE_REDIS === '1';

/**
 * A `describe` whose tests need a real redis-server: one is started before them (`redis()` inside a test)
 * and stopped after. Without redis-server on the PATH its tests are reported as skipped (test/support/
 * redis-notice.ts says how to install it), or fail when Redis is required.
 */
export function describeWithRedis(name: string, tests: (redis: () => RedisServer) => void): void {
  const installed = redisServerInstalled();
  if (!installed && redisRequired()) {
    describe(name, () => {
      it('needs redis-server (MEETNOW_REQUIRE_REDIS=1)', () => {
        throw new Error(`redis-server is not on the PATH and MEETNOW_REQUIRE_REDIS=1; install it: ${REDIS_INSTALL_HINT}`);
      });
    });
    return;
  }
  (installed ? describe : describe.skip)(installed ? name : `${name} (skipped: no redis-server)`, () => {
    let server: RedisServer | undefined;
    beforeAll(async () => {
      server = await RedisServer.start();
    });
    afterAll(async () => server?.stop());
    tests(() => {
      if (server === undefined) throw new Error('redis-server did not start (see beforeAll)');
      return server;
    });
  });
}

export async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  server.close();
  return port;
}
