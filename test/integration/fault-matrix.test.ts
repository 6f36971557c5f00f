import { randomUUID } from 'node:crypto';
import type { Fault } from '../../src/emulator';
import { startHarness, type Harness, type LogLine } from '../support/harness';
import { guardProcess } from '../support/process-guard';
import { teamsMessage } from '../support/teams-activity';

const guard = guardProcess();
afterAll(() => {
  guard.dispose();
  expect(guard.problems).toEqual([]);
});

interface Row {
  name: string;
  faults: Fault[];
  /** What the user reads ('card' for the meeting card). */
  answer: RegExp | 'card';
  /** The `outcome` of the warn/error log line, when the meeting failed. */
  outcome?: string;
  graphCalls: number;
  /** Token faults need a tenant whose token is not cached yet. */
  coldTenant?: boolean;
}

const BUSY = /busy right now/;
const WRONG = /Something went wrong while creating the meeting \(request id `[0-9a-f-]{36}`\)/;

const rows: Row[] = [
  { name: '429 with Retry-After, once', faults: [{ target: 'graph', status: 429, retryAfter: 0 }], answer: 'card', graphCalls: 2 },
  { name: '429 with Retry-After, always', faults: [{ target: 'graph', status: 429, retryAfter: 0, times: 10 }], answer: BUSY, outcome: 'graph_throttled', graphCalls: 4 },
  { name: '429 without Retry-After, always (backoff)', faults: [{ target: 'graph', status: 429, times: 10 }], answer: BUSY, outcome: 'graph_throttled', graphCalls: 4 },
  { name: '429 with a Retry-After beyond the budget', faults: [{ target: 'graph', status: 429, retryAfter: 120 }], answer: BUSY, outcome: 'graph_throttled', graphCalls: 1 },
  { name: '503 with Retry-After, twice', faults: [{ target: 'graph', status: 503, retryAfter: 0, times: 2 }], answer: 'card', graphCalls: 3 },
  { name: '503 without Retry-After, always', faults: [{ target: 'graph', status: 503, times: 10 }], answer: BUSY, outcome: 'graph_unavailable', graphCalls: 4 },
  { name: '504 with Retry-After, once', faults: [{ target: 'graph', status: 504, retryAfter: 0 }], answer: 'card', graphCalls: 2 },
  { name: '504 without Retry-After, always', faults: [{ target: 'graph', status: 504, times: 10 }], answer: BUSY, outcome: 'graph_unavailable', graphCalls: 4 },
  { name: '500 (never retried)', faults: [{ target: 'graph', status: 500 }], answer: WRONG, outcome: 'graph_error', graphCalls: 1 },
  { name: 'a Graph timeout', faults: [{ target: 'graph', latencyMs: 2_000 }], answer: /couldn't reach Microsoft's meeting service in time/, outcome: 'network', graphCalls: 1 },
  { name: 'a connection reset', faults: [{ target: 'graph', drop: true }], answer: /couldn't reach Microsoft's meeting service/, outcome: 'network', graphCalls: 1 },
  { name: 'a 201 with a malformed body', faults: [{ target: 'graph', malformedBody: true }], answer: /Something went wrong/, outcome: 'graph_invalid_response', graphCalls: 1 },
  { name: 'the token endpoint dropping connections', faults: [{ target: 'token', drop: true, times: 5 }], answer: /couldn't (reach|get permission)/, graphCalls: 0, coldTenant: true },
  { name: 'the token endpoint answering 503', faults: [{ target: 'token', status: 503, times: 10 }], answer: /couldn't (reach|get permission)|busy/, graphCalls: 0, coldTenant: true },
  { name: 'the token endpoint timing out', faults: [{ target: 'token', latencyMs: 2_000, times: 5 }], answer: /couldn't (reach|get permission)/, graphCalls: 0, coldTenant: true },
  {
    name: 'the token endpoint answering invalid_client',
    faults: [{ target: 'token', status: 401, code: 'invalid_client', message: "AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app 'x'." }],
    answer: /client secret or certificate was rejected/,
    outcome: 'token_invalid_client',
    graphCalls: 0,
    coldTenant: true,
  },
];

describe('fault matrix against the emulator', () => {
  let h: Harness;
  beforeAll(async () => {
    // Graph and Entra calls time out after 1 s here (10 s in production).
    // Every row is one more meeting by the same sender, faster than MEET_RATE_LIMIT allows (rate-limits.test.ts tests it).
    h = await startHarness({ env: { MEET_RATE_LIMIT: 'off' }, meetNow: { timing: { httpTimeoutMs: 1_000 } } });
  });
  afterAll(async () => h.close());
  beforeEach(() => {
    h.connector.reset();
    h.emulator.reset();
    h.logs.lines.length = 0;
  });

  it.each(rows.map((row) => [row.name, row] as const))('%s', async (_name, row) => {
    let from: { id: string; name: string; aadObjectId: string } | undefined;
    let tenantId: string | undefined;
    if (row.coldTenant === true) {
      tenantId = randomUUID();
      from = { id: `29:${randomUUID()}`, name: 'Cold Tenant', aadObjectId: randomUUID() };
      h.emulator.addTenant(tenantId);
      h.emulator.addUser({ id: from.aadObjectId, tenantId, displayName: from.name, userPrincipalName: 'cold@cold.example' });
    }
    for (const fault of row.faults) h.emulator.injectFault(fault);
    const response = await h.post(teamsMessage({ serviceUrl: h.connector.serviceUrl, text: `/meet ${row.name}`, from, tenantId }));
    expect(response.status).toBe(200);

    // The user-facing answer.
    expect(h.connector.messages).toHaveLength(1);
    const reply = h.connector.messages[0]?.activity ?? {};
    if (row.answer === 'card') expect(Array.isArray(reply.attachments)).toBe(true);
    else expect(String(reply.text)).toMatch(row.answer);

    // The number of Graph calls (a call the bot gave up on is recorded when the emulator answers it late).
    const deadline = Date.now() + 5_000;
    while (h.emulator.graphRequests.length < row.graphCalls && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(h.emulator.graphRequests).toHaveLength(row.graphCalls);
    // After a timeout Graph may well have created the meeting the bot stopped waiting for, as the real one may.
    if (row.outcome !== 'network') expect(h.emulator.meetings()).toHaveLength(row.answer === 'card' ? 1 : 0);

    // The log line: a failure is logged at warn or error with its outcome (and Graph's request-id).
    if (row.answer !== 'card') {
      const failure = h.logs.lines.find((line: LogLine) => line.msg === 'meeting not created' || line.msg === 'turn failed');
      expect(failure?.level).toBeGreaterThanOrEqual(40);
      if (row.outcome !== undefined) expect(failure?.outcome).toBe(row.outcome);
      if (row.graphCalls > 0 && row.outcome !== 'network') expect(failure?.requestId).toMatch(/^[0-9a-f-]{36}$/);
    }

    // The process keeps serving: the next request gets its meeting. (In the tenant that saw Entra fail,
    // msal-node itself holds token requests back for Retry-After, or 60 s, after a 429/5xx.)
    h.emulator.clearFaults();
    h.connector.reset();
    await h.post(teamsMessage({ serviceUrl: h.connector.serviceUrl, text: '/meet After the fault' }));
    expect(Array.isArray(h.connector.messages[0]?.activity.attachments)).toBe(true);
    expect((await fetch(`${h.bot.url}/healthz`)).status).toBe(200);
  }, 30_000);
});
