import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMeetNow, type MeetNowHandle } from '../index';

const ROOT = join(__dirname, '..', '..');
/** DESIGN §7: the Playground's usual port. */
export const DEFAULT_PLAYGROUND_PORT = 56150;

export interface PlaygroundOptions {
  /** The bot's messaging endpoint, e.g. http://127.0.0.1:3978/api/messages. */
  botEndpoint: string;
  /** 0 picks a free port. */
  port?: number;
  /** Where `.m365agentsplayground.yml` is (the repository root). */
  cwd?: string;
  /** The Playground's own log file (it writes none to a non-terminal stdout). */
  logFile?: string;
}

export interface Playground {
  url: string;
  port: number;
  logFile: string;
  process: ChildProcess;
  close(): Promise<void>;
}

/**
 * Starts Microsoft 365 Agents Playground (`agentsplayground -e … -c msteams -p …`) in Teams mode, offline:
 * no browser is opened and no telemetry is sent. Its tenant, users and conversations come from
 * `.m365agentsplayground.yml`. Resolves once it listens.
 */
export async function startPlayground(options: PlaygroundOptions): Promise<Playground> {
  const cli = require.resolve('@microsoft/m365agentsplayground/cli.js');
  const logFile = options.logFile ?? join(mkdtempSync(join(tmpdir(), 'meetnow-playground-')), 'playground.log');
  const child = spawn(
    process.execPath,
    [cli, '-e', options.botEndpoint, '-c', 'msteams', '-p', String(options.port ?? DEFAULT_PLAYGROUND_PORT), '--disable-telemetry'],
    {
      cwd: options.cwd ?? ROOT,
      env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none', M365_AGENTS_PLAYGROUND_LOGFILE: logFile },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const port = await new Promise<number>((resolve, reject) => {
    const onData = (data: Buffer) => {
      output += data.toString('utf8');
      const match = /Listening on (\d+)/.exec(output);
      if (match !== null) resolve(Number(match[1]));
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the Playground exited (${String(code)}) before listening; see ${logFile}\n${output}`)));
    child.once('error', reject);
  });
  // It says "Listening" before its routes are mounted: wait until its API answers.
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt += 1) {
    const ready = await fetch(`${url}/_debug/ping`).then((response) => response.ok, () => false);
    if (ready) break;
    if (attempt > 100 || child.exitCode !== null) throw new Error(`the Playground did not become ready; see ${logFile}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    port,
    logFile,
    process: child,
    async close() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** `npm run playground`: the bot (embedded emulator unless configured) and the Playground beside it. */
async function main(): Promise<void> {
  const bot: MeetNowHandle = await startMeetNow({ ...process.env, PORT: process.env.PORT ?? '3978' });
  const endpoint = `http://127.0.0.1:${bot.port}/api/messages`;
  const port = Number(process.env.PLAYGROUND_PORT ?? DEFAULT_PLAYGROUND_PORT);
  const playground = await startPlayground({ botEndpoint: endpoint, port, logFile: join(ROOT, 'devTools', 'm365agentsplayground.log') });
  process.stdout.write(
    [
      '',
      `  Microsoft 365 Agents Playground: http://localhost:${playground.port}`,
      `  MeetNow bot:                     ${endpoint}`,
      `  Playground log:                  ${playground.logFile}`,
      '',
      '  Try "/meet Quarterly numbers" in the personal chat, "@MeetNow /meet Budget @Megan Bowen" in the group chat,',
      '  or "@MeetNow /meet Standup --channel" in a channel of the team. Ctrl+C stops both.',
      '',
    ].join('\n'),
  );
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await playground.close();
    await bot.close();
    process.exit(code);
  };
  playground.process.once('exit', (code) => void stop(code ?? 1));
  process.once('SIGINT', () => void stop(0));
  process.once('SIGTERM', () => void stop(0));
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`npm run playground failed: ${(error as Error).message}\n`);
    process.exit(1);
  });
}
