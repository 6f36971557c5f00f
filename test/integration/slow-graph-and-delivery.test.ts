import { once } from 'node:events';
import { createServer, type AddressInfo } from 'node:net';
import { startHarness, type Harness } from '../support/harness';
import { guardProcess } from '../support/process-guard';
import { startMeetingInvoke, startMeetingSubmit } from '../support/card-actions';
import { teamsMessage } from '../support/teams-activity';

const isCard = (activity: Record<string, unknown>) => Array.isArray(activity.attachments);
const guard = guardProcess();
afterAll(() => {
  guard.dispose();
  expect(guard.problems).toEqual([]);
});

describe('slow Graph: the bot acknowledges in time and delivers the meeting later', () => {
  let h: Harness;
  beforeAll(async () => {
    // Production waits 1 s for typing and 8 s for the interim message; the order of events is what counts.
    h = await startHarness({ meetNow: { timing: { typingAfterMs: 100, acknowledgeAfterMs: 300 } } });
  });
  afterAll(async () => h.close());
  beforeEach(() => {
    h.connector.reset();
    h.emulator.reset();
  });

  it('answers HTTP before the meeting exists: typing, then "Creating your meeting…", then the card; redeliveries meanwhile start nothing', async () => {
    h.emulator.setLatency(1_500);
    const activity = teamsMessage({ serviceUrl: h.connector.serviceUrl, text: '/meet Slow Graph' });
    expect((await h.post(activity)).status).toBe(200);
    // The HTTP answer came while Graph was still working on the meeting.
    expect(h.connector.calls.some((call) => isCard(call.activity))).toBe(false);
    const kinds = () => h.connector.calls.map((call) => (call.activity.type === 'typing' ? 'typing' : isCard(call.activity) ? 'card' : String(call.activity.text)));
    expect(kinds()[0]).toBe('typing');
    expect(kinds()[1]).toMatch(/^Creating your meeting/);

    // Teams redelivers while the bot is slow: answered at once, nothing new started, nothing more said.
    expect((await h.post(activity)).status).toBe(200);
    expect((await h.post(activity)).status).toBe(200);

    await h.connector.waitFor(() => h.connector.calls.some((call) => isCard(call.activity)));
    expect(kinds().filter((kind) => kind !== 'typing')).toEqual([expect.stringMatching(/^Creating your meeting/), 'card']);
    expect(h.emulator.graphRequests).toHaveLength(1);
    expect(h.emulator.meetings()).toHaveLength(1);
    const card = h.connector.calls.find((call) => isCard(call.activity));
    expect(card?.conversationId).toBe((activity.conversation as { id: string }).id);
  });

  it.each([
    ['Action.Execute', startMeetingInvoke],
    ['Action.Submit', startMeetingSubmit],
  ])('a %s click answers in time, then replaces the clicked card with the meeting card', async (_kind, click) => {
    h.emulator.setLatency(1_500);
    const response = await h.post(click({ serviceUrl: h.connector.serviceUrl, cardActivityId: 'card-activity-1' }));
    expect(response.status).toBe(200);
    // The click was answered before the meeting existed: no card yet anywhere.
    expect(h.connector.calls.some((call) => isCard(call.activity))).toBe(false);
    const inProgress = response.body.includes('already being started') || h.connector.messages.some((call) => String(call.activity.text).includes('already being started'));
    expect(inProgress).toBe(true);

    await h.connector.waitFor(() => h.connector.calls.some((call) => isCard(call.activity)));
    const update = h.connector.calls.find((call) => isCard(call.activity));
    expect(update?.method).toBe('PUT');
    expect(update?.activityId).toBe('card-activity-1');
    expect(JSON.stringify(update?.activity)).toContain('Join meeting');
    expect(h.emulator.meetings()).toHaveLength(1);
  });

  it('a reply throttled in the turn does not hold the turn: Teams has its HTTP answer before the retry, the card comes after the Retry-After', async () => {
    // Retry-After 2 s, far past the 300 ms acknowledgement deadline: the turn never waits it out.
    h.connector.throttle(1, 2);
    const activity = teamsMessage({ serviceUrl: h.connector.serviceUrl, text: '/meet Throttled in the turn' });
    expect((await h.post(activity)).status).toBe(200);
    // Answered after the one refused try, before the retry reached the Bot Connector.
    expect(h.connector.refused.map((call) => call.status)).toEqual([429]);
    expect(h.connector.calls.some((call) => isCard(call.activity))).toBe(false);

    await h.connector.waitFor(() => h.connector.calls.some((call) => isCard(call.activity)));
    expect(h.connector.refused).toHaveLength(1);
    expect(h.connector.messages.filter((call) => isCard(call.activity))).toHaveLength(1);
    expect(h.emulator.meetings()).toHaveLength(1);
  });

  it('a Graph error after the acknowledgement is still reported in the conversation', async () => {
    h.emulator.injectFault({ target: 'graph', status: 500, latencyMs: 800 });
    await h.post(teamsMessage({ serviceUrl: h.connector.serviceUrl, text: '/meet Slow failure' }));
    await h.connector.waitFor(() => h.connector.messages.length === 2);
    expect(h.connector.messages[0]?.activity.text).toMatch(/^Creating your meeting/);
    expect(h.connector.messages[1]?.activity.text).toMatch(/went wrong/);
  });
});

describe('nothing lost: a created meeting whose reply cannot be delivered', () => {
  let h: Harness;
  beforeAll(async () => {
    // One retry after the first try (production: five, over half a minute); each try is one request.
    h = await startHarness({ meetNow: { timing: { deliveryRetryDelaysMs: [50] } } });
  });
  afterAll(async () => h.close());
  beforeEach(() => {
    h.connector.reset();
    h.emulator.reset();
    h.logs.lines.length = 0;
  });

  const joinUrlOf = () => {
    const resource = h.emulator.meetings()[0]?.resource as unknown as { joinWebUrl: string; id: string };
    return { joinUrl: resource.joinWebUrl, id: resource.id };
  };
  const lost = () => h.logs.lines.filter((line) => line.outcome === 'reply_undelivered');

  it('is retried with backoff when the Bot Connector answers 5xx, and arrives', async () => {
    // The try in the turn fails; the retry in the background arrives.
    h.connector.failures.push(500);
    expect((await h.post(teamsMessage({ serviceUrl: h.connector.serviceUrl, text: '/meet Flaky connector' }))).status).toBe(200);
    await h.connector.waitFor(() => h.connector.messages.length === 1);
    expect(isCard(h.connector.messages[0]?.activity ?? {})).toBe(true);
    expect(h.emulator.meetings()).toHaveLength(1);
    await waitUntil(() => h.logs.lines.some((line) => line.msg === 'meeting delivered after retrying'));
    expect(lost()).toEqual([]);
  });

  it.each([
    ['Action.Submit', () => startMeetingSubmit({ serviceUrl: h.connector.serviceUrl, cardActivityId: 'flaky-card-1' })],
    ['Action.Execute (the update for everyone)', () => startMeetingInvoke({ serviceUrl: h.connector.serviceUrl, cardActivityId: 'flaky-card-2' })],
  ])('a card click (%s) whose card update meets a 5xx is retried in the background too, and the card arrives', async (_name, click) => {
    h.connector.failures.push(503);
    expect((await h.post(click())).status).toBe(200);
    await h.connector.waitFor(() => h.connector.messages.some((call) => call.method === 'PUT'));
    const update = h.connector.messages.find((call) => call.method === 'PUT');
    expect(isCard(update?.activity ?? {})).toBe(true);
    expect(JSON.stringify(update?.activity)).toContain(joinUrlOf().joinUrl);
    await waitUntil(() => h.logs.lines.some((line) => line.msg === 'meeting delivered after retrying'));
    expect(lost()).toEqual([]);
  });

  it('when the Bot Connector keeps failing, logs the meeting id and join URL at error level', async () => {
    h.connector.failures.push(...Array<number>(100).fill(500));
    await h.post(teamsMessage({ serviceUrl: h.connector.serviceUrl, text: '/meet Never delivered' }));
    await waitUntil(() => lost().length === 1, 50_000);
    const meeting = joinUrlOf();
    expect(lost()[0]).toMatchObject({ level: 50, meetingId: meeting.id, joinUrl: meeting.joinUrl });
    expect(h.emulator.meetings()).toHaveLength(1);
    // Posted N = 2 times in all (the try in the turn and the one retry), as the Bot Connector counts them.
    expect(h.connector.refused).toHaveLength(2);
    expect(h.connector.messages).toHaveLength(0);
    h.connector.failures.length = 0;
  }, 60_000);

  it('a 400 (the Bot Connector refuses the reply itself) is not retried: the meeting is logged at once', async () => {
    h.connector.failures.push(400, 400, 400);
    await h.post(teamsMessage({ serviceUrl: h.connector.serviceUrl, text: '/meet Refused' }));
    await waitUntil(() => lost().length === 1);
    expect(lost()[0]).toMatchObject({ level: 50, joinUrl: joinUrlOf().joinUrl });
    expect(h.connector.failures).toHaveLength(2); // one try: a 400 is final
    h.connector.failures.length = 0;
  });

  it('an unreachable Bot Connector: retried, then logged with the join URL; the bot keeps serving', async () => {
    const closed = createServer().listen(0, '127.0.0.1');
    await once(closed, 'listening');
    const port = (closed.address() as AddressInfo).port;
    closed.close();
    const response = await h.post(teamsMessage({ serviceUrl: `http://127.0.0.1:${port}/teams/`, text: '/meet Nowhere' }));
    expect(response.status).toBe(200);
    await waitUntil(() => lost().length === 1, 50_000);
    expect(lost()[0]).toMatchObject({ level: 50, joinUrl: joinUrlOf().joinUrl });
    await h.post(teamsMessage({ serviceUrl: h.connector.serviceUrl, text: 'help' }));
    expect(h.connector.messages).toHaveLength(1);
  }, 60_000);
});

async function waitUntil(predicate: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
