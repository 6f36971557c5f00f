import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { request } from 'undici';

export async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  server.close();
  await once(server, 'close');
  return port;
}

export interface Started {
  child: ChildProcess;
  url: string;
  /** Milliseconds from spawn to the first 200 from /healthz. */
  startupMs: number;
}

/** Spawns `node script` and polls /healthz every 5 ms until it answers 200. */
export async function startNodeService(
  script: string,
  env: NodeJS.ProcessEnv,
  options: { port: number; logFd?: number; nodeArgs?: string[]; timeoutMs?: number; ipc?: boolean },
): Promise<Started> {
  const url = `http://127.0.0.1:${options.port}`;
  const started = performance.now();
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), script], {
    env: { PATH: process.env.PATH, ...env, PORT: String(options.port) },
    stdio: ['ignore', options.logFd ?? 'ignore', options.logFd ?? 'inherit', ...(options.ipc === true ? ['ipc' as const] : [])],
  });
  const deadline = started + (options.timeoutMs ?? 20_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${script} exited with code ${child.exitCode} during start-up`);
    if (performance.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${script} did not answer /healthz in time`);
    }
    const healthy = await request(`${url}/healthz`, { headersTimeout: 1000, bodyTimeout: 1000 }).then(
      async (res) => {
        await res.body.dump();
        return res.statusCode === 200;
      },
      () => false,
    );
    if (healthy) return { child, url, startupMs: performance.now() - started };
    await sleep(5);
  }
}

/** SIGTERM, then SIGKILL after `graceMs`. */
export async function stopChild(child: ChildProcess, graceMs = 5_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

export interface Memory {
  /** Resident set size now, MB. */
  rssMb: number;
  /** Peak resident set size since start, MB. */
  hwmMb: number;
}

/** VmRSS and VmHWM of a process, from /proc (Linux). */
export function readMemory(pid: number): Memory {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
  return { rssMb: kb('VmRSS') / 1024, hwmMb: kb('VmHWM') / 1024 };
}

/** CPU time (user + system) a process has used so far, in milliseconds, from /proc (Linux, 100 Hz ticks). */
export function readCpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/**
 * The node options `npm start` gives the bot (`node <options> dist/index.js` in package.json), so that the
 * benchmark measures the bot as it is run, heap cap included.
 */
export function npmStartNodeArgs(packageJsonPath: string): string[] {
  const { scripts } = JSON.parse(readFileSync(packageJsonPath, 'utf8')) as { scripts?: Record<string, string> };
  const match = /^node((?:\s+--\S+)*)\s+dist\/index\.js$/.exec(scripts?.start?.trim() ?? '');
  if (match === null) throw new Error(`${packageJsonPath}: scripts.start is not "node [--options] dist/index.js"`);
  return (match[1] ?? '').trim().split(/\s+/).filter((arg) => arg !== '');
}
