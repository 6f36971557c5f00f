/**
 * The worst event-loop block one message causes: a hostile corpus (unclosed and nested mentions, huge
 * texts, long date phrases, bidi and control characters, huge names and card data, bodies up to the
 * 256 KB limit) is sent one message at a time to the real bot process, which measures its own event-loop
 * delay (`loop-probe.js`, preloaded) and reports it after each message. A /healthz poller runs alongside.
 *
 * `npm run bench` runs it after the throughput figures; `node dist/bench/hostile.js` runs it alone.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { request } from 'undici';
import { guidFor, makeUsers, teamsMessageBody, type BenchUser } from './lib/activity';
import { ConnectorClient } from './lib/connector-client';
import { EmulatorClient } from './lib/emulator-client';
import { freePort, npmStartNodeArgs, startNodeService, stopChild } from './lib/proc';
import { fmt } from './lib/report';

const ROOT = join(__dirname, '..', '..');
const PROBE = join(__dirname, 'loop-probe.js');
/** The bot's body limit (src/server.ts MAX_BODY_BYTES): every case stays just under it. */
const BODY_LIMIT = 256 * 1024;
export const BLOCK_TARGET_MS = 50;

export interface HostileOptions {
  serviceUrl: string;
  tenantId: string;
  env: NodeJS.ProcessEnv;
  nodeArgs: string[];
  logFd?: number;
}

export interface HostileResult {
  cases: number;
  /** Worst event-loop delay inside the bot while one message was handled, ms. */
  worstMs: number;
  worstCase: string;
  /** Slowest /healthz answer while the corpus was sent, ms. */
  healthzMaxMs: number;
  /** Requests answered with a status other than 200/202/413 (none expected). */
  unexpected: number;
}

/** `text` repeated to fill `bytes` (counted as JSON-encoded UTF-8, so the body stays under the limit). */
function fill(piece: string, bytes: number, prefix = ''): string {
  const size = Buffer.byteLength(JSON.stringify(piece), 'utf8') - 2;
  return prefix + piece.repeat(Math.max(1, Math.floor((bytes - prefix.length) / size)));
}

const ROOM = BODY_LIMIT - 4 * 1024;

/** The texts: each the most a 256 KB body can carry of one hostile shape. */
const TEXTS: Array<[string, string]> = [
  ['unclosed "<at "', fill('<at ', ROOM)],
  ['unclosed "<at>"', fill('<at>', ROOM)],
  ['"/meet" + unclosed "<at>"', fill('<at>', ROOM, '/meet ')],
  ['"<at x" without ">"', fill('<at x', ROOM)],
  ['nested "<at><at>…</at></at>"', fill('<at><at>x</at>', ROOM)],
  ['odd "<AT id=1\\n>" tags', fill('<AT id="1"\t>y</at >', ROOM)],
  ['leading whitespace, then "<at"', fill(' ', ROOM - 10) + '<at x'],
  ['"/meet" + repeated date phrases', fill('next Monday at 10:30 for 1h30 ', ROOM, '/meet ')],
  ['"/meet tomorrow 9:00" + 250 KB subject', fill('a', ROOM, '/meet tomorrow 9:00 ')],
  ['"/meet" + "1:1 " runs', fill('1:1 ', ROOM, '/meet ')],
  ['"/meet" + digits and colons', fill('9:', ROOM, '/meet ')],
  ['"/meet for" + 250 KB of digits', fill('9', ROOM, '/meet for ')],
  ['"/meet" + unclosed quote', fill('tomorrow at 9 ', ROOM, '/meet "')],
  ['"/meet" + bidi and controls', fill('\u202e\u2066tomorrow\u0007 9:00\u200f ', ROOM, '/meet ')],
  ['"/meet" + whitespace runs', fill(' \t\u00a0', ROOM, '/meet ') + 'x'],
  ['"/meet" + emoji', fill('👩🏽‍💻', ROOM, '/meet ')],
  ['"--channel" runs', fill('--channel ', ROOM, '/meet x ')],
  ['Slack-style "<@U…|" unclosed', fill('U', ROOM / 2, '<@') + fill('|', ROOM / 2)],
  ['250 KB plain text', fill('lorem ipsum ', ROOM)],
];

interface Case {
  label: string;
  body: string;
}

function corpus(serviceUrl: string, tenantId: string, users: BenchUser[]): Case[] {
  let n = 0;
  const user = () => users[n++ % users.length] as BenchUser;
  const teams = (text: string, patch: Record<string, unknown> = {}) => {
    const body = JSON.parse(teamsMessageBody({ serviceUrl, tenantId, user: user(), activityId: `1:hostile-${randomUUID()}`, text })) as Record<string, unknown>;
    return JSON.stringify({ ...body, ...patch });
  };
  const webChat = (text: string) =>
    JSON.stringify({ type: 'message', id: `wc-${randomUUID()}`, channelId: 'webchat', serviceUrl, from: { id: `dl_${randomUUID()}`, name: 'Visitor' }, recipient: { id: 'bot', name: 'MeetNow' }, conversation: { id: `wc-${randomUUID()}` }, text });
  const cases: Case[] = [];
  for (const [label, text] of TEXTS) {
    cases.push({ label: `Teams: ${label}`, body: teams(text) });
    cases.push({ label: `Web Chat: ${label}`, body: webChat(text) });
  }
  const hugeName = fill('\u202eMallory\u0000 ', ROOM / 2);
  const mentions = Array.from({ length: 2_000 }, (_, i) => ({ type: 'mention', text: `<at>P${i}</at>`, mentioned: { id: `29:p${i}`, name: `P${i}` } }));
  cases.push(
    { label: 'Teams: "/meet" from a 128 KB bidi name', body: teams('/meet', { from: { ...user(), name: hugeName } }) },
    { label: 'Teams: "/meet tomorrow 9:00" from a 128 KB bidi name', body: teams('/meet tomorrow 9:00', { from: { ...user(), name: hugeName } }) },
    { label: 'Teams: 2,000 mentions with entities', body: teams(`/meet x ${mentions.map((m) => m.text).join(' ')}`, { entities: mentions }) },
    { label: 'Teams: entity with 120 KB of unclosed "<at "', body: teams('/meet x <at>y</at>', { entities: [{ type: 'mention', text: fill('<at ', ROOM / 2), mentioned: { id: '29:x' } }] }) },
    { label: 'card submit: 250 KB subject and date', body: teams('', { value: { action: 'startMeeting', subject: fill('\u202ex ', ROOM / 2), date: fill('2026-01-01T', ROOM / 2), duration: '[Login](http://e.vl)' } }) },
    {
      label: 'card invoke: 250 KB subject',
      body: teams('', { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'startMeeting', data: { subject: fill('<at ', ROOM), time: fill('9', 1_000) } } } }),
    },
  );
  return cases;
}

/** Runs the corpus against a bot started with the loop probe; the caller owns the connector and emulator. */
export async function measureHostileCorpus(options: HostileOptions): Promise<HostileResult> {
  const started = await startNodeService(join(ROOT, 'dist', 'index.js'), options.env, {
    port: await freePort(),
    logFd: options.logFd,
    nodeArgs: [...options.nodeArgs, '--require', PROBE],
    ipc: true,
  });
  const child = started.child;
  const readBlock = () =>
    new Promise<number>((resolve) => {
      child.once('message', (message: { maxMs: number }) => resolve(message.maxMs));
      child.send('read');
    });
  let polling = true;
  let healthzMaxMs = 0;
  let poller: Promise<void> = Promise.resolve();
  try {
    const cases = corpus(options.serviceUrl, options.tenantId, makeUsers(`hostile-${randomBytes(3).toString('hex')}`, 100));
    // Warm: each chrono language and the card templates load once, on first use; that is start-up, not a message.
    for (const locale of ['en-US', 'de-DE', 'fr-FR', 'es-ES', 'ja-JP']) {
      const body = JSON.parse(cases[0]?.body ?? '{}') as Record<string, unknown>;
      await post(started.url, JSON.stringify({ ...body, id: `warm-${randomUUID()}`, locale, text: '/meet tomorrow 9:00 Warm-up' }));
      await post(started.url, JSON.stringify({ ...body, id: `warm-${randomUUID()}`, locale, text: '/meet' }));
    }
    await sleep(200);
    await readBlock();
    poller = (async () => {
      while (polling) {
        const t0 = performance.now();
        await request(`${started.url}/healthz`).then((res) => res.body.dump(), () => undefined);
        healthzMaxMs = Math.max(healthzMaxMs, performance.now() - t0);
        await sleep(5);
      }
    })();
    let worst = { ms: 0, label: '' };
    let unexpected = 0;
    for (const { label, body } of cases) {
      const status = await post(started.url, body);
      if (![200, 202, 413].includes(status)) unexpected += 1;
      await sleep(30);
      const ms = await readBlock();
      if (ms > worst.ms) worst = { ms, label };
      if (ms > BLOCK_TARGET_MS / 2) process.stderr.write(`[bench] hostile: ${label}: ${fmt(ms, 1)} ms\n`);
    }
    return { cases: cases.length, worstMs: worst.ms, worstCase: worst.label, healthzMaxMs, unexpected };
  } finally {
    polling = false;
    await poller;
    await stopChild(child);
  }
}

async function post(url: string, body: string): Promise<number> {
  const res = await request(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  await res.body.dump();
  return res.statusCode;
}

export function hostileSummary(result: HostileResult): string {
  return `worst event-loop block ${fmt(result.worstMs, 1)} ms over ${result.cases} hostile messages (${result.worstCase}); /healthz slowest ${fmt(result.healthzMaxMs, 1)} ms; ${result.unexpected} unexpected statuses`;
}

async function main(): Promise<void> {
  const tmp = mkdtempSync(join(tmpdir(), 'meetnow-hostile-'));
  const connector = await ConnectorClient.start(join(__dirname, 'connector.js'));
  const emulator = await EmulatorClient.start(join(ROOT, 'dist', 'emulator', 'cli.js'), join(tmp, 'emulator-ca.pem'));
  try {
    const clientId = randomUUID();
    const clientSecret = randomBytes(24).toString('base64url');
    await emulator.addApp(clientId, clientSecret);
    const env = { GRAPH_CLIENT_ID: clientId, GRAPH_CLIENT_SECRET: clientSecret, AUTHORITY_HOST: emulator.baseUrl, GRAPH_BASE_URL: emulator.baseUrl, NODE_EXTRA_CA_CERTS: emulator.caPath, LOG_LEVEL: 'warn', METRICS_PORT: '0' };
    const result = await measureHostileCorpus({ serviceUrl: connector.serviceUrl, tenantId: guidFor(`hostile-tenant-${randomUUID()}`), env, nodeArgs: npmStartNodeArgs(join(ROOT, 'package.json')) });
    process.stdout.write(`${result.worstMs <= BLOCK_TARGET_MS ? 'PASS' : 'MISS'}: ${hostileSummary(result)} (target ≤ ${BLOCK_TARGET_MS} ms)\n`);
  } finally {
    connector.close();
    await stopChild(emulator.child);
    await emulator.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`hostile bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
