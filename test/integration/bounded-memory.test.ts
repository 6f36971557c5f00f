import { randomUUID } from 'node:crypto';
import { MAX_NAME_LENGTH } from '../../src/commands/subject';
import { startMeetingInvoke } from '../support/card-actions';
import { useHarness, type Harness } from '../support/harness';
import { sampleValue } from '../support/metrics-text';
import { HEIDI, teamsMessage } from '../support/teams-activity';

const KB = 1024;
const CLICKS = 40;

type InvokeAnswer = { statusCode: number; type: string; value: unknown };

async function memoryBytes(h: Harness, memory: string): Promise<number> {
  const text = await (await fetch(h.bot.metricsUrl as string)).text();
  return sampleValue(text, 'meetnow_memory_bytes', { memory });
}

/** The organizer line and the join link of a meeting card (the invoke answer to a click). */
function shown(answer: { body: string }): { organizer?: string; joinUrl?: string } {
  const card = JSON.stringify((JSON.parse(answer.body) as InvokeAnswer).value);
  return {
    organizer: /"Organizer: ","isSubtle":true\},\{"type":"TextRun","text":"(H+…?)"/.exec(card)?.[1],
    joinUrl: /https:\/\/teams\.microsoft\.com\/l\/meetup-join\/[^"]+/.exec(card)?.[0],
  };
}

describe('memory that senders fill is bounded by bytes', () => {
  let h: Harness;
  // One sender clicks 40 cards at once: more than MEET_RATE_LIMIT lets a real person start.
  useHarness((started) => (h = started), { env: { MEET_RATE_LIMIT: 'off' } });

  it(`${CLICKS} card clicks from a sender with a 100 KB name remember a few KB each, and a repeat click still shows the meeting`, async () => {
    const from = { ...HEIDI, name: 'H'.repeat(100 * KB) };
    const conversationId = `a:1${randomUUID()}`;
    const cardIds = Array.from({ length: CLICKS }, () => `card-${randomUUID()}`);
    const click = (cardActivityId: string) => startMeetingInvoke({ serviceUrl: h.connector.serviceUrl, conversationId, cardActivityId, from });
    const firsts = [];
    for (const cardId of cardIds) firsts.push(await h.post(click(cardId)));
    expect(h.emulator.meetings()).toHaveLength(CLICKS);

    const remembered = await memoryBytes(h, 'card_clicks');
    expect(remembered).toBeGreaterThan(0);
    // Before the bound each click kept the whole name: over 200 KB each as a JavaScript string.
    expect(remembered).toBeLessThan(CLICKS * 4 * KB);

    const repeat = await h.post(click(cardIds[0] as string));
    expect(h.emulator.meetings()).toHaveLength(CLICKS);
    expect(shown(repeat)).toEqual(shown(firsts[0] as { body: string }));
    expect(shown(repeat).organizer).toBe(`${'H'.repeat(MAX_NAME_LENGTH - 1)}…`);
    expect(shown(repeat).joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/meetup-join\//);
  });

  it('installations in conversations with 120 KB ids are remembered as digests: about a hundred bytes each', async () => {
    const before = await memoryBytes(h, 'welcome');
    const ids = Array.from({ length: 20 }, (_, i) => `19:${i}${'c'.repeat(120 * KB)}@thread.tacv2`);
    for (const conversationId of ids) {
      const installed = { ...teamsMessage({ serviceUrl: h.connector.serviceUrl, kind: 'channel', conversationId }), text: undefined, type: 'installationUpdate', action: 'add' };
      expect((await h.post(installed)).status).toBe(200);
    }
    // The welcome cannot be delivered (no connector takes a 120 KB URL); the memory of it was the danger.
    const grown = (await memoryBytes(h, 'welcome')) - before;
    expect(grown).toBeGreaterThan(0);
    expect(grown).toBeLessThanOrEqual(ids.length * 128);
    expect((await fetch(`${h.bot.url}/healthz`)).status).toBe(200);
  });
});
