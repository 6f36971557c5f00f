import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { Agent, request } from 'undici';
import { readFileSync } from 'node:fs';

export interface EmulatorStats {
  token: number;
  graph: number;
  discovery: number;
}

/** The stand-alone Entra + Graph emulator (`dist/emulator/cli.js`), driven through `/_emulator/`. */
export class EmulatorClient {
  private constructor(
    readonly child: ChildProcess,
    readonly baseUrl: string,
    readonly caPath: string,
    private readonly agent: Agent,
  ) {}

  static async start(script: string, caPath: string): Promise<EmulatorClient> {
    const child = spawn(process.execPath, [script, '--port', '0', '--auto-provision', '--ca-out', caPath], {
      env: { PATH: process.env.PATH },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    const first = await new Promise<string>((resolve, reject) => {
      lines.once('line', resolve);
      child.once('exit', (code) => reject(new Error(`emulator exited with code ${code}`)));
    });
    lines.close();
    child.stdout?.resume();
    const { baseUrl } = JSON.parse(first) as { baseUrl: string };
    const agent = new Agent({ connect: { ca: readFileSync(caPath, 'utf8') } });
    return new EmulatorClient(child, baseUrl, caPath, agent);
  }

  private async control(method: 'GET' | 'POST', name: string, body?: unknown): Promise<unknown> {
    const res = await request(`${this.baseUrl}/_emulator/${name}`, {
      dispatcher: this.agent,
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.body.text();
    if (res.statusCode >= 300) throw new Error(`emulator ${method} ${name}: ${res.statusCode} ${text}`);
    return text === '' ? undefined : (JSON.parse(text) as unknown);
  }

  async addApp(clientId: string, clientSecret: string): Promise<void> {
    await this.control('POST', 'apps', { clientId, clientSecret });
  }

  async setLatency(ms: number): Promise<void> {
    await this.control('POST', 'latency', { ms });
  }

  async stats(): Promise<EmulatorStats> {
    return (await this.control('GET', 'stats')) as EmulatorStats;
  }

  /** Entra and Graph requests per HTTP version (`2.0`, `1.1`) since the emulator started. */
  async httpVersions(): Promise<Record<string, number>> {
    return (await this.control('GET', 'http-versions')) as Record<string, number>;
  }

  async close(): Promise<void> {
    await this.agent.close();
  }
}
