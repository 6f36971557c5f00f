import { randomUUID } from 'node:crypto';
import { useHarness, type Harness } from '../support/harness';
import { BOT, teamsMessage } from '../support/teams-activity';

/**
 * Texts that used to hold the event loop for seconds (the mention regex backtracked on unclosed `<at `
 * runs: 7 s for 128 KB; chrono-node read a whole 200 KB `/meet`: 2 s). The first test's messages held the
 * old code for about 40 s, past Jest's 30 s timeout; now each is answered in words while /healthz keeps answering.
 */
describe('one message cannot hold the bot', () => {
  let h: Harness;
  useHarness((harness) => (h = harness));

  const webChat = (text: string) => ({
    type: 'message',
    id: `wc-${randomUUID()}`,
    channelId: 'webchat',
    serviceUrl: h.connector.serviceUrl,
    from: { id: `dl_${randomUUID()}`, name: 'Visitor' },
    recipient: { id: 'meetnow-bot', name: 'MeetNow' },
    conversation: { id: `wc-${randomUUID()}` },
    text,
  });

  /** Posts every activity at once and polls /healthz until they are all answered. */
  async function postWhileProbing(activities: Array<Record<string, unknown>>): Promise<{ statuses: number[]; health: Array<{ status: number; body: string }> }> {
    let done = false;
    const posted = Promise.all(activities.map((activity) => h.post(activity).then((answer) => answer.status))).finally(() => (done = true));
    const health: Array<{ status: number; body: string }> = [];
    do {
      const response = await fetch(`${h.bot.url}/healthz`);
      health.push({ status: response.status, body: await response.text() });
    } while (!done);
    return { statuses: await posted, health };
  }

  const replyIn = (conversationId: unknown) => h.connector.messagesTo(String(conversationId))[0]?.activity.text;

  it('answers 240 KB of unclosed <at runs (Web Chat and Teams) with the usage hint, /healthz answering all along', async () => {
    const hostile = () => [
      webChat('<at '.repeat(60_000)),
      webChat(`/meet ${'<at>'.repeat(60_000)}`),
      webChat('<at x'.repeat(48_000)),
      webChat('<at\n'.repeat(48_000)),
      teamsMessage({ serviceUrl: h.connector.serviceUrl, text: `<at>MeetNow</at> ${'<at id="1" '.repeat(20_000)}` }),
    ];
    const activities = [...hostile(), ...hostile(), ...hostile()];
    const { statuses, health } = await postWhileProbing(activities);
    expect(statuses).toEqual(activities.map(() => 200));
    expect(health.length).toBeGreaterThan(0);
    expect(health.every((answer) => answer.status === 200 && answer.body === '{"status":"ok"}')).toBe(true);
    for (const [i, activity] of activities.entries()) {
      const conversationId = (activity.conversation as { id: string }).id;
      await h.connector.waitFor(() => replyIn(conversationId) !== undefined);
      // `/meet <at><at>…` is a /meet whose subject is far too long; the others are no command.
      expect(replyIn(conversationId)).toContain(i % 5 === 1 ? 'the limit is 256 characters' : "I didn't understand that");
    }
    expect(h.emulator.meetings()).toHaveLength(0);
  });

  it('refuses a 200 KB /meet full of date phrases as too long, without booking anything', async () => {
    const texts = [`/meet tomorrow 9:00 ${'next Monday at 10:30 for 1h30 '.repeat(6_800)}`, `/meet ${'1:1 '.repeat(50_000)}`, `/meet ${'\u202etomorrow\u0000 9:00 '.repeat(9_000)}`];
    const activities = texts.map((text) => teamsMessage({ serviceUrl: h.connector.serviceUrl, text, from: { id: `29:${randomUUID()}`, name: 'Heidi Steen', aadObjectId: '550fae72-d251-43ec-868c-373732c2704f' } }));
    const { statuses, health } = await postWhileProbing(activities);
    expect(statuses).toEqual(activities.map(() => 200));
    expect(health.every((answer) => answer.status === 200)).toBe(true);
    for (const activity of activities) {
      const conversationId = (activity.conversation as { id: string }).id;
      await h.connector.waitFor(() => replyIn(conversationId) !== undefined);
      expect(replyIn(conversationId)).toMatch(/^That subject is [\d,]+ characters long; the limit is 256 characters/);
    }
    expect(h.emulator.graphRequests).toHaveLength(0);
  });

  it('still books a meeting whose date phrase and subject are ordinary', async () => {
    const activity = teamsMessage({ serviceUrl: h.connector.serviceUrl, text: `<at>${BOT.name}</at> /meet tomorrow 9:00 Design review` });
    await h.post(activity);
    await h.connector.waitFor(() => h.connector.messagesTo((activity.conversation as { id: string }).id).some((call) => call.activity.attachments !== undefined));
    expect(h.emulator.graphRequests.map((request) => (request.body as { subject?: string } | undefined)?.subject)).toContain('Design review');
  });
});
