/**
 * `npm run bench`: MeetNow against the bare Bot Framework floor, on loopback, in one invocation.
 *
 * Processes: this one (load generator, autocannon), the fake Bot Connector, the Entra + Graph emulator
 * (`dist/emulator/cli.js`), the echo floor (`floor-bot.js`) and the real bot (`dist/index.js`), each its own
 * process. Throughput runs alternate floor and meet; the same runs bring each bot to 100,000 requests
 * for the memory figures. Then the cold burst (new tenant) and the latency-hiding burst go to MeetNow, the same
 * two to a MeetNow with `GRAPH_HTTP2=off` for comparison, and hostile card clicks (100 KB names) to a fresh MeetNow.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import { Agent, request } from 'undici';
import { ActivityStream, guidFor, makeUsers, teamsMessageBody } from './lib/activity';
import { hostileClicks } from './hostile-clicks';
import { BLOCK_TARGET_MS, measureHostileCorpus, type HostileResult } from './hostile';
import { ConnectorClient } from './lib/connector-client';
import { EmulatorClient } from './lib/emulator-client';
import { epochMs, type ReplyKind } from './lib/ipc';
import { freePort, npmStartNodeArgs, readCpuMs, readMemory, startNodeService, stopChild, type Memory, type Started } from './lib/proc';
import { fmt, markdownTable, median, type Cell } from './lib/report';

const ROOT = join(__dirname, '..', '..');
const BOT_SCRIPT = join(ROOT, 'dist', 'index.js');
const EMULATOR_SCRIPT = join(ROOT, 'dist', 'emulator', 'cli.js');
const FLOOR_SCRIPT = join(__dirname, 'floor-bot.js');
const CONNECTOR_SCRIPT = join(__dirname, 'connector.js');
/** MeetNow runs as `npm start` runs it; the floor as Bot Framework's sample runs, with plain `node`. */
const MEET_NODE_ARGS = npmStartNodeArgs(join(ROOT, 'package.json'));

function envInt(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

const CONFIG = {
  /** Requests per throughput run; rounds × this is the count behind the memory figures. */
  perRun: envInt('BENCH_REQUESTS_PER_RUN', 50_000),
  rounds: envInt('BENCH_ROUNDS', 2),
  connections: envInt('BENCH_CONNECTIONS', 50),
  warmup: envInt('BENCH_WARMUP', 3_000),
  users: 1_000,
  coldBurst: envInt('BENCH_COLD_BURST', 200),
  hidingBurst: envInt('BENCH_HIDING_BURST', 300),
  hidingLatencyMs: 1_000,
  startups: 3,
  hostile: { clicks: envInt('BENCH_HOSTILE_CLICKS', 10_000), nameBytes: 100 * 1024, concurrency: 20, tenants: 100, settleMs: 5_000 },
  /** The whole run is stopped after this, whatever happens. */
  deadlineMs: 10 * 60_000,
};

/** Pause between a bot's last run and its steady RSS reading. */
const STEADY_AFTER_MS = 5_000;

/** hostileGrowthMb: the remembered card clicks' 64 MiB budget, plus what a busy heap keeps. */
const TARGETS = { throughputRatio: 0.9, coldMs: 1_200, hidingMs: 1_300, rssRatio: 1.25, startupMs: 1_500, hostileGrowthMb: 128 };

type BotName = 'floor' | 'meet';

interface BurstResult {
  wallMs: number;
  delivered: number;
  statuses: Map<number, number>;
}

interface Bot {
  name: BotName;
  started: Started;
  stream: ActivityStream;
  /** The reply that counts as the answer: the echo text, or MeetNow's meeting card. */
  replyKind: ReplyKind;
  served: number;
  /** RSS after each throughput run, with the requests served by then. */
  rssAfterRuns: Array<{ served: number; rssMb: number }>;
}

interface RunResult {
  bot: BotName;
  reqPerSec: number;
  p50: number;
  p99: number;
  ok: number;
  failed: number;
  delivered: number;
  /** CPU the bot process used per request during the run: the figure least disturbed by a busy machine. */
  cpuMsPerRequest: number;
}

function log(line: string): void {
  process.stderr.write(`[bench] ${line}\n`);
}

class Bench {
  private readonly tmp = mkdtempSync(join(tmpdir(), 'meetnow-bench-'));
  private readonly runId = randomBytes(4).toString('hex');
  private readonly tenantId = guidFor(`bench-tenant-${this.runId}`);
  private readonly burstAgent = new Agent({ keepAliveTimeout: 10_000, connect: { timeout: 10_000 } });
  private readonly children: Started['child'][] = [];
  private connector!: ConnectorClient;
  private emulator!: EmulatorClient;
  private meetEnv: NodeJS.ProcessEnv = {};
  private logFd = -1;

  async setUp(): Promise<void> {
    this.connector = await ConnectorClient.start(CONNECTOR_SCRIPT);
    this.emulator = await EmulatorClient.start(EMULATOR_SCRIPT, join(this.tmp, 'emulator-ca.pem'));
    this.children.push(this.emulator.child);
    const clientId = randomUUID();
    const clientSecret = randomBytes(24).toString('base64url');
    await this.emulator.addApp(clientId, clientSecret);
    this.meetEnv = {
      GRAPH_CLIENT_ID: clientId,
      GRAPH_CLIENT_SECRET: clientSecret,
      AUTHORITY_HOST: this.emulator.baseUrl,
      GRAPH_BASE_URL: this.emulator.baseUrl,
      NODE_EXTRA_CA_CERTS: this.emulator.caPath,
      LOG_LEVEL: 'info',
      // Metrics on, as in production, on a free port so that several bots can run side by side.
      METRICS_PORT: '0',
      // 1,000 users send tens of thousands of /meet a minute: far past the limits, which are tested by
      // test/integration/rate-limits.test.ts, not measured here.
      MEET_RATE_LIMIT: 'off',
      MEET_TENANT_RATE_LIMIT: 'off',
    };
    // Like a container runtime: the bot's stdout goes to a file, not through a pipe this process drains.
    this.logFd = openSync(join(this.tmp, 'meet.log'), 'a');
  }

  async startBot(name: BotName, env: NodeJS.ProcessEnv = {}): Promise<Bot> {
    const profileDir = process.env.BENCH_CPU_PROF;
    const profile = profileDir === undefined || profileDir === '' ? [] : ['--cpu-prof', `--cpu-prof-dir=${profileDir}`];
    const started =
      name === 'meet'
        ? await startNodeService(BOT_SCRIPT, { ...this.meetEnv, ...env }, { port: await freePort(), logFd: this.logFd, nodeArgs: [...MEET_NODE_ARGS, ...profile] })
        : await startNodeService(FLOOR_SCRIPT, {}, { port: await freePort(), nodeArgs: profile });
    this.children.push(started.child);
    const stream = new ActivityStream(this.connector.serviceUrl, this.tenantId, makeUsers(`${this.runId}-${name}`, CONFIG.users), `${this.runId}-${name}`);
    return { name, started, stream, replyKind: name === 'meet' ? 'card' : 'message', served: 0, rssAfterRuns: [] };
  }

  /** Start-up of a fresh MeetNow that is stopped again at once. */
  async measureStartup(): Promise<number> {
    const started = await startNodeService(BOT_SCRIPT, this.meetEnv, { port: await freePort(), logFd: this.logFd, nodeArgs: MEET_NODE_ARGS });
    await stopChild(started.child);
    return started.startupMs;
  }

  async load(bot: Bot, amount: number): Promise<RunResult> {
    await this.connector.reset();
    const pid = bot.started.child.pid as number;
    const cpuBefore = readCpuMs(pid);
    const result = await autocannon({
      url: bot.started.url,
      connections: CONFIG.connections,
      amount,
      timeout: 20,
      requests: [
        {
          method: 'POST',
          path: '/api/messages',
          headers: { 'content-type': 'application/json' },
          setupRequest: (req) => ({ ...req, body: bot.stream.body() }),
        },
      ],
    });
    const ok = result['2xx'];
    bot.served += result.requests.total;
    const delivered = await this.connector.waitFor(bot.replyKind, ok, 10_000);
    const cpuMsPerRequest = (readCpuMs(pid) - cpuBefore) / Math.max(1, result.requests.total);
    return {
      cpuMsPerRequest,
      bot: bot.name,
      reqPerSec: ok / result.duration,
      p50: result.latency.p50,
      p99: result.latency.p99,
      ok,
      failed: result.non2xx + result.errors,
      delivered: bot.replyKind === 'card' ? delivered.counts.cards : delivered.counts.messages,
    };
  }

  /** `count` concurrent /meet, each from a different user; wall time until every card reached the connector. */
  async burst(meet: Bot, tenantId: string, count: number, label: string): Promise<BurstResult> {
    const users = makeUsers(`${this.runId}-${label}`, count);
    const bodies = users.map((user, i) =>
      teamsMessageBody({ serviceUrl: this.connector.serviceUrl, tenantId, user, activityId: `1:bench-${this.runId}-${label}-${i}`, text: `/meet ${label} ${i}` }),
    );
    await this.connector.reset();
    const t0 = epochMs();
    const statuses = await Promise.all(
      bodies.map((body) =>
        request(`${meet.started.url}/api/messages`, { dispatcher: this.burstAgent, method: 'POST', headers: { 'content-type': 'application/json' }, body }).then(
          async (res) => {
            await res.body.dump();
            return res.statusCode;
          },
          () => 0,
        ),
      ),
    );
    meet.served += count;
    const done = await this.connector.waitFor('card', count, 20_000);
    const byStatus = new Map<number, number>();
    for (const status of statuses) byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
    return { wallMs: done.reached ? done.at - t0 : Number.NaN, delivered: done.counts.cards, statuses: byStatus };
  }

  /** The cold burst (a new tenant), then the latency-hiding burst (Graph +1 s), and the HTTP versions their Entra and Graph calls used. */
  async bursts(meet: Bot, label: string): Promise<{ cold: BurstResult; hiding: BurstResult; httpVersions: string }> {
    const versionsBefore = await this.emulator.httpVersions();
    const cold = await this.burst(meet, guidFor(`cold-tenant-${randomUUID()}`), CONFIG.coldBurst, `cold-${label}`);
    log(`latency hiding: Graph +${CONFIG.hidingLatencyMs} ms, ${CONFIG.hidingBurst} concurrent /meet`);
    await this.emulator.setLatency(CONFIG.hidingLatencyMs);
    const hiding = await this.burst(meet, this.tenantId, CONFIG.hidingBurst, `slow-${label}`);
    await this.emulator.setLatency(0);
    const versionsAfter = await this.emulator.httpVersions();
    const httpVersions = Object.entries(versionsAfter)
      .map(([version, n]) => [version, n - (versionsBefore[version] ?? 0)] as const)
      .filter(([, n]) => n > 0)
      .map(([version, n]) => `${fmt(n)} over HTTP/${version === '2.0' ? '2' : version}`)
      .join(', ');
    return { cold, hiding, httpVersions };
  }

  /** The hostile corpus, one message at a time, to a fresh MeetNow that measures its own event-loop delay. */
  hostile(): Promise<HostileResult> {
    return measureHostileCorpus({ serviceUrl: this.connector.serviceUrl, tenantId: this.tenantId, env: this.meetEnv, nodeArgs: MEET_NODE_ARGS, logFd: this.logFd });
  }

  /** Lines MeetNow logged during the whole benchmark, and how many were warnings or errors. */
  logs = { lines: 0, warnings: 0 };

  private summarizeLog(): void {
    if (this.logFd < 0) return;
    closeSync(this.logFd);
    this.logFd = -1;
    const text = readFileSync(join(this.tmp, 'meet.log'), 'utf8');
    let lines = 0;
    let warnings = 0;
    for (const line of text.split('\n')) {
      if (line === '') continue;
      lines += 1;
      const level = /"level":(\d+)/.exec(line)?.[1];
      if (level !== undefined && Number(level) >= 40) warnings += 1;
    }
    this.logs = { lines, warnings };
  }

  private tornDown: Promise<void> | undefined;

  tearDown(): Promise<void> {
    this.tornDown ??= (async () => {
      this.connector?.close();
      await Promise.all(this.children.map((child) => stopChild(child)));
      await this.emulator?.close();
      await this.burstAgent.close();
      this.summarizeLog();
      rmSync(this.tmp, { recursive: true, force: true });
    })();
    return this.tornDown;
  }

  get serviceUrl(): string {
    return this.connector.serviceUrl;
  }

  get meetTenant(): string {
    return this.tenantId;
  }

  get emulatorClient(): EmulatorClient {
    return this.emulator;
  }
}

const statusText = (statuses: Map<number, number>) => [...statuses].map(([status, n]) => `${n}×${status === 0 ? 'error' : status}`).join(', ');
const verdict = (ok: boolean) => (ok ? 'yes' : 'NO');

async function main(): Promise<void> {
  for (const script of [BOT_SCRIPT, EMULATOR_SCRIPT, FLOOR_SCRIPT, CONNECTOR_SCRIPT]) {
    if (!existsSync(script)) throw new Error(`${script} is missing: run \`npm run build\` and \`npm run build:bench\` first (npm run bench does both)`);
  }
  const bench = new Bench();
  const watchdog = setTimeout(() => {
    log(`still running after ${CONFIG.deadlineMs / 60_000} minutes: stopping`);
    void bench.tearDown().finally(() => process.exit(2));
  }, CONFIG.deadlineMs);
  const began = performance.now();
  try {
    await bench.setUp();

    log('start-up: MeetNow from process start to /healthz 200');
    const startups: number[] = [];
    for (let i = 1; i < CONFIG.startups; i += 1) startups.push(await bench.measureStartup());
    const floor = await bench.startBot('floor');
    const meet = await bench.startBot('meet');
    startups.push(meet.started.startupMs);

    log(`warm-up: ${CONFIG.warmup} requests each`);
    await bench.load(floor, CONFIG.warmup);
    await bench.load(meet, CONFIG.warmup);

    const runs: RunResult[] = [];
    const memory = {} as Record<BotName, Memory>;
    for (let round = 1; round <= CONFIG.rounds; round += 1) {
      for (const bot of [floor, meet]) {
        const result = await bench.load(bot, CONFIG.perRun);
        runs.push(result);
        bot.rssAfterRuns.push({ served: bot.served, rssMb: readMemory(bot.started.child.pid as number).rssMb });
        log(`round ${round} ${bot.name}: ${fmt(result.reqPerSec)} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms, ${fmt(result.cpuMsPerRequest, 3)} ms CPU/request, ${result.delivered}/${result.ok} replies`);
        if (round === CONFIG.rounds) {
          // Steady: the same short pause after each bot's own last run, so neither gets longer to shrink.
          await sleep(STEADY_AFTER_MS);
          memory[bot.name] = readMemory(bot.started.child.pid as number);
        }
      }
    }
    const served = { floor: floor.served, meet: meet.served };

    log(`cold burst: ${CONFIG.coldBurst} concurrent /meet in a new tenant`);
    const before = await bench.emulatorClient.stats();
    const { cold, hiding, httpVersions } = await bench.bursts(meet, 'h2');
    const after = await bench.emulatorClient.stats();
    const tokenRequests = after.token - before.token;

    log('the same two bursts to a MeetNow with GRAPH_HTTP2=off, after its own warm-up');
    const h1Bot = await bench.startBot('meet', { GRAPH_HTTP2: 'off' });
    await bench.load(h1Bot, CONFIG.warmup);
    const h1 = await bench.bursts(h1Bot, 'h1');
    await stopChild(h1Bot.started.child);

    log(`hostile clicks: ${fmt(CONFIG.hostile.clicks)} card clicks from senders with 100 KB names, on a fresh MeetNow`);
    const clicked = await bench.startBot('meet');
    const hostile = await hostileClicks(clicked.started, { ...CONFIG.hostile, serviceUrl: bench.serviceUrl, runId: randomBytes(4).toString('hex') });
    // Stopped first: collecting the clicks' gigabyte of garbage on the shared cores would otherwise show up as
    // the next bot's event-loop block.
    await stopChild(clicked.started.child);
    log('hostile corpus: the worst event-loop block one message causes');
    const corpus = await bench.hostile();

    await bench.tearDown();
    const logs = bench.logs;
    const floorStartup = floor.started.startupMs;

    // ---- figures ----
    const of = (bot: BotName) => runs.filter((r) => r.bot === bot);
    const total = (bot: BotName) => {
      const list = of(bot);
      // Aggregate rate over all runs of this bot: requests ÷ time.
      return list.reduce((n, r) => n + r.ok, 0) / list.reduce((s, r) => s + r.ok / r.reqPerSec, 0);
    };
    const floorRate = total('floor');
    const meetRate = total('meet');
    const ratio = meetRate / floorRate;
    const growth = (bot: Bot) => {
      const first = bot.rssAfterRuns[0];
      const last = bot.rssAfterRuns[bot.rssAfterRuns.length - 1];
      return first === undefined || last === undefined ? Number.NaN : last.rssMb - first.rssMb;
    };
    const growthSpan = (bot: Bot) => (bot.rssAfterRuns[bot.rssAfterRuns.length - 1]?.served ?? 0) - (bot.rssAfterRuns[0]?.served ?? 0);
    const meetGrowth = growth(meet);
    const floorGrowth = growth(floor);
    // Flat: the second half of the requests added at most a tenth to the RSS (the dedupe memory grows by
    // design, ~150 bytes per /meet for 24 h), or no more than the floor's grew.
    const flat = CONFIG.rounds < 2 || meetGrowth <= Math.max(0.1 * (meet.rssAfterRuns[0]?.rssMb ?? 0), floorGrowth + 2);
    const peakRatio = memory.meet.hwmMb / memory.floor.hwmMb;
    const steadyRatio = memory.meet.rssMb / memory.floor.rssMb;
    const startupMedian = median(startups);
    const lost = of('meet').reduce((n, r) => n + (r.ok - r.delivered), 0);

    const pass = {
      throughput: ratio >= TARGETS.throughputRatio,
      cold: tokenRequests === 1 && cold.wallMs <= TARGETS.coldMs && cold.delivered === CONFIG.coldBurst,
      hiding: hiding.wallMs <= TARGETS.hidingMs && hiding.delivered === CONFIG.hidingBurst,
      memory: peakRatio <= TARGETS.rssRatio && steadyRatio <= TARGETS.rssRatio && flat,
      startup: startupMedian < TARGETS.startupMs,
      hostile: hostile.after !== undefined && hostile.cards === CONFIG.hostile.clicks && hostile.after.rssMb - hostile.before.rssMb <= TARGETS.hostileGrowthMb,
      corpus: corpus.worstMs <= BLOCK_TARGET_MS && corpus.unexpected === 0,
    };

    const rows: Cell[][] = [];
    for (let round = 1; round <= CONFIG.rounds; round += 1) {
      const f = of('floor')[round - 1];
      const m = of('meet')[round - 1];
      if (f === undefined || m === undefined) continue;
      rows.push([`throughput, run ${round} (req/s)`, fmt(f.reqPerSec), fmt(m.reqPerSec), `${fmt(m.reqPerSec / f.reqPerSec, 2)}×`, '', '']);
      rows.push([`latency p50 / p99, run ${round} (ms)`, `${f.p50} / ${f.p99}`, `${m.p50} / ${m.p99}`, '', '', '']);
      rows.push([`CPU per request, run ${round} (ms)`, fmt(f.cpuMsPerRequest, 3), fmt(m.cpuMsPerRequest, 3), `${fmt(m.cpuMsPerRequest / f.cpuMsPerRequest, 2)}×`, '', '']);
    }
    rows.push(['**throughput, all runs (req/s)**', fmt(floorRate), fmt(meetRate), `**${fmt(ratio, 2)}×**`, `≥ ${TARGETS.throughputRatio}×`, verdict(pass.throughput)]);
    rows.push(['failed requests / lost replies', `${of('floor').reduce((n, r) => n + r.failed, 0)} / ${of('floor').reduce((n, r) => n + r.ok - r.delivered, 0)}`, `${of('meet').reduce((n, r) => n + r.failed, 0)} / ${lost}`, '', '0', verdict(lost === 0)]);
    rows.push([`cold burst: token requests (${CONFIG.coldBurst} concurrent, new tenant)`, '', String(tokenRequests), '', '1', verdict(tokenRequests === 1)]);
    const burstText = (b: BurstResult, count: number) => `${fmt(b.wallMs)} (${b.delivered}/${count}; ${statusText(b.statuses)})`;
    rows.push([`cold burst: all replies in (ms)`, '', burstText(cold, CONFIG.coldBurst), '', `≤ ${fmt(TARGETS.coldMs)}, all`, verdict(cold.wallMs <= TARGETS.coldMs && cold.delivered === CONFIG.coldBurst)]);
    rows.push([`latency hiding: Graph +${CONFIG.hidingLatencyMs} ms, ${CONFIG.hidingBurst} concurrent (ms)`, '', burstText(hiding, CONFIG.hidingBurst), '', `≤ ${fmt(TARGETS.hidingMs)}, all`, verdict(pass.hiding)]);
    rows.push([`cold burst with GRAPH_HTTP2=off, for comparison (ms)`, '', burstText(h1.cold, CONFIG.coldBurst), '', '', '']);
    rows.push([`latency hiding with GRAPH_HTTP2=off, for comparison (ms)`, '', burstText(h1.hiding, CONFIG.hidingBurst), '', '', '']);
    rows.push([`the bursts' Entra and Graph requests: HTTP/2 on / off`, '', `${httpVersions} / ${h1.httpVersions}`, '', '', '']);
    rows.push([`peak RSS after ${fmt(served.meet)} / ${fmt(served.floor)} requests (MB)`, fmt(memory.floor.hwmMb, 1), fmt(memory.meet.hwmMb, 1), `${fmt(peakRatio, 2)}×`, `≤ ${TARGETS.rssRatio}×`, verdict(peakRatio <= TARGETS.rssRatio)]);
    rows.push([`steady RSS, ${STEADY_AFTER_MS / 1000} s after its last run (MB)`, fmt(memory.floor.rssMb, 1), fmt(memory.meet.rssMb, 1), `${fmt(steadyRatio, 2)}×`, `≤ ${TARGETS.rssRatio}×`, verdict(steadyRatio <= TARGETS.rssRatio)]);
    rows.push([`RSS growth over the last ${fmt(growthSpan(meet))} requests (MB)`, fmt(floorGrowth, 1), fmt(meetGrowth, 1), '', '≤ 10 %', verdict(flat)]);
    rows.push([
      `RSS before → after ${fmt(CONFIG.hostile.clicks)} hostile card clicks, 100 KB names (MB)`,
      '',
      `${fmt(hostile.before.rssMb, 1)} → ${hostile.after === undefined ? 'died' : fmt(hostile.after.rssMb, 1)} (peak ${fmt(hostile.after?.hwmMb ?? Number.NaN, 1)}; ${fmt(hostile.cards)} cards, ${fmt(hostile.other)} other)`,
      '',
      `+≤ ${TARGETS.hostileGrowthMb}, all cards`,
      verdict(pass.hostile),
    ]);
    rows.push([`start-up to /healthz 200 (ms; meet: median of ${startups.length})`, fmt(floorStartup), `${fmt(startupMedian)} (${startups.map((s) => fmt(s)).join(', ')})`, '', `< ${fmt(TARGETS.startupMs)}`, verdict(pass.startup)]);

    rows.push([`worst event-loop block, one of ${corpus.cases} hostile messages (ms)`, '', `${fmt(corpus.worstMs, 1)} (${corpus.worstCase}; /healthz ≤ ${fmt(corpus.healthzMaxMs, 0)})`, '', `≤ ${BLOCK_TARGET_MS}`, verdict(pass.corpus)]);

    const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
    process.stdout.write(
      [
        '',
        `MeetNow benchmark — ${cpus().length} × ${cpu}, ${fmt(totalmem() / 2 ** 30, 1)} GB, Node ${process.version}, ${CONFIG.connections} connections, ${fmt(CONFIG.perRun)} requests per run, ${fmt((performance.now() - began) / 1000, 0)} s`,
        '',
        markdownTable(['figure', 'floor (echo bot)', 'meet (MeetNow)', 'meet/floor', 'target', 'met'], rows),
        '',
        `MeetNow log at LOG_LEVEL=info: ${fmt(logs.lines)} lines, ${fmt(logs.warnings)} at warn or above`,
        '',
        `${Object.values(pass).every(Boolean) ? 'PASS' : 'MISS'}: throughput ${fmt(ratio, 2)}× floor (${fmt(meetRate)} vs ${fmt(floorRate)} req/s) · cold burst ${tokenRequests} token request(s), ${cold.delivered}/${CONFIG.coldBurst} in ${fmt(cold.wallMs)} ms (HTTP/2 off: ${fmt(h1.cold.wallMs)}) · Graph +1 s: ${hiding.delivered}/${CONFIG.hidingBurst} in ${fmt(hiding.wallMs)} ms (HTTP/2 off: ${fmt(h1.hiding.wallMs)}) · RSS ${fmt(peakRatio, 2)}× peak, ${fmt(steadyRatio, 2)}× steady, ${flat ? 'flat' : 'growing'} · hostile clicks RSS ${fmt(hostile.before.rssMb)} → ${hostile.after === undefined ? 'died' : `${fmt(hostile.after.rssMb)} MB`} · start-up ${fmt(startupMedian)} ms · worst block ${fmt(corpus.worstMs, 1)} ms`,
        '',
      ].join('\n'),
    );
  } catch (error) {
    await bench.tearDown().catch(() => undefined);
    throw error;
  } finally {
    clearTimeout(watchdog);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
