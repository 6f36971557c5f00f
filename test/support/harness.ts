import { randomBytes, randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { Emulator, type EmulatorOptions } from '../../src/emulator';
import { startMeetNow, type MeetNowHandle, type MeetNowOptions } from '../../src/index';
import { FakeConnector } from './fake-connector';
import { HEIDI, TENANT } from './teams-activity';

export interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

/** Captures the bot's JSON log lines. */
export class LogCapture extends Writable {
  readonly lines: LogLine[] = [];
  readonly raw: string[] = [];

  override _write(chunk: Buffer, _encoding: string, callback: () => void): void {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (line.trim() === '') continue;
      this.raw.push(line);
      this.lines.push(JSON.parse(line) as LogLine);
    }
    callback();
  }
}

export interface Harness {
  bot: MeetNowHandle;
  emulator: Emulator;
  connector: FakeConnector;
  logs: LogCapture;
  clientId: string;
  clientSecret: string;
  post(activity: unknown, headers?: Record<string, string>): Promise<{ status: number; body: string }>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  env?: NodeJS.ProcessEnv;
  emulator?: EmulatorOptions;
  /** The application permissions the bot's Graph app was granted; default: the emulator's defaults. */
  appRoles?: string[];
  /** Passed to startMeetNow (timing, outbound bot credentials). */
  meetNow?: Omit<MeetNowOptions, 'caPem' | 'logDestination'>;
}

/** A strict emulator that knows one tenant, Heidi in it, and one app (the bot's Graph app). */
export function startStrictEmulator(app: { clientId: string; clientSecret: string; roles?: string[] }, options: EmulatorOptions = {}): Promise<Emulator> {
  return Emulator.start({
    tenants: [TENANT],
    users: [{ id: HEIDI.aadObjectId, tenantId: TENANT, displayName: HEIDI.name, userPrincipalName: 'heidi@contoso.example' }],
    apps: [app],
    ...options,
  });
}

/**
 * The real bot on a real port, talking over real sockets to a strict emulator (known tenant and user
 * only) through msal-node, and replying to a fake Bot Connector.
 */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const clientId = randomUUID();
  const clientSecret = randomBytes(18).toString('base64url');
  const emulator = await startStrictEmulator({ clientId, clientSecret, roles: options.appRoles }, options.emulator);
  const connector = await FakeConnector.start();
  // Production mode: like the real Bot Connector, the fake takes only replies that carry this bot's token.
  const botAppId = options.env?.MicrosoftAppId;
  if (botAppId !== undefined && botAppId !== '') connector.requireTokenFor(botAppId);
  const logs = new LogCapture();
  const bot = await startMeetNow(
    {
      PORT: '0',
      HOST: '127.0.0.1',
      GRAPH_CLIENT_ID: clientId,
      GRAPH_CLIENT_SECRET: clientSecret,
      AUTHORITY_HOST: emulator.authorityHost,
      GRAPH_BASE_URL: emulator.graphBaseUrl,
      LOG_LEVEL: 'debug',
      // Several bots run in one process: each gets its own free metrics port.
      METRICS_PORT: '0',
      ...options.env,
    },
    { caPem: emulator.caPem, logDestination: logs, ...options.meetNow },
  );
  return {
    bot,
    emulator,
    connector,
    logs,
    clientId,
    clientSecret,
    async post(activity, headers = {}) {
      const response = await fetch(`${bot.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof activity === 'string' ? activity : JSON.stringify(activity),
      });
      return { status: response.status, body: await response.text() };
    },
    async close() {
      await bot.close();
      await connector.close();
      await emulator.close();
    },
  };
}

/**
 * One harness for a `describe` block: started before its tests, closed after them, and its records
 * (connector calls, emulator requests, faults) cleared before each test.
 */
export function useHarness(onStarted: (harness: Harness) => void, options?: HarnessOptions): void {
  let harness: Harness | undefined;
  beforeAll(async () => {
    harness = await startHarness(options);
    onStarted(harness);
  });
  afterAll(async () => harness?.close());
  beforeEach(() => {
    harness?.connector.reset();
    harness?.emulator.reset();
  });
}

/** Harnesses a `describe` block starts one per test (each with its own configuration), all closed after the block. */
export function harnessesClosedAfterAll(): (options?: HarnessOptions) => Promise<Harness> {
  const harnesses: Harness[] = [];
  afterAll(async () => Promise.all(harnesses.map((h) => h.close())));
  return async (options) => {
    const h = await startHarness(options);
    harnesses.push(h);
    return h;
  };
}
