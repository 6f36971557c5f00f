import { randomUUID } from 'node:crypto';
import { LOOKUP_CONCURRENCY, MENTION_CAP, ROSTER_PAGE_CAP, ROSTER_PAGE_SIZE } from '../../src/bot/attendees';
import type { FakeMember } from '../support/fake-connector';
import { useHarness, type Harness } from '../support/harness';
import { BOT, TEAM_ID, teamsMessage } from '../support/teams-activity';

type Json = Record<string, unknown>;

const cardText = (call: { activity: Json } | undefined) => JSON.stringify((call?.activity.attachments as Json[] | undefined)?.[0] ?? {});

/** One message must not turn into an unbounded number of Bot Connector requests. */
describe('fan-out of one /meet', () => {
  let h: Harness;
  useHarness((harness) => (h = harness));

  it(`250 mentions: at most ${MENTION_CAP} roster look-ups, ${LOOKUP_CONCURRENCY} at a time, and the sender is told`, async () => {
    // Mentions with empty names: the subject stays short, so the message reaches the look-ups.
    const people: FakeMember[] = Array.from({ length: 250 }, (_, i) => ({ id: `29:1m${i}`, name: `Person ${i}`, aadObjectId: randomUUID() }));
    const message = teamsMessage({
      serviceUrl: h.connector.serviceUrl,
      kind: 'groupChat',
      text: `<at>MeetNow</at> /meet Sync ${'<at></at> '.repeat(250)}`,
      mentions: [{ id: BOT.id, name: 'MeetNow' }, ...people.map((person) => ({ id: person.id, name: '' }))],
    });
    const conversationId = (message.conversation as Json).id as string;
    h.connector.rosters.set(conversationId, people);
    h.connector.rosterDelayMs = 20;
    expect((await h.post(message)).status).toBe(200);
    await h.connector.waitFor(() => h.connector.messagesTo(conversationId).length > 0);

    const lookups = h.connector.rosterCalls.filter((call) => call.memberId !== undefined);
    expect(lookups).toHaveLength(MENTION_CAP);
    expect(new Set(lookups.map((call) => call.memberId))).toEqual(new Set(people.slice(0, MENTION_CAP).map((person) => person.id)));
    expect(h.connector.maxRosterInFlight).toBeLessThanOrEqual(LOOKUP_CONCURRENCY);
    const attendees = ((h.emulator.graphRequests[0]?.body as Json).participants as { attendees: unknown[] }).attendees;
    expect(attendees).toHaveLength(MENTION_CAP);
    const card = cardText(h.connector.messagesTo(conversationId)[0]);
    expect(card).toContain(`You mentioned more than ${MENTION_CAP} people: I looked up the first ${MENTION_CAP}`);
  });

  it(`--channel whose roster pages hold only bots stops after ${ROSTER_PAGE_CAP} pages and says so`, async () => {
    const bots: FakeMember[] = Array.from({ length: 5_000 }, (_, i) => ({ id: `28:${randomUUID()}`, name: `Bot ${i}` }));
    h.connector.rosters.set(TEAM_ID, bots);
    const message = teamsMessage({ serviceUrl: h.connector.serviceUrl, kind: 'channel', text: '<at>MeetNow</at> /meet Standup --channel', mentions: [{ id: BOT.id, name: 'MeetNow' }] });
    const conversationId = (message.conversation as Json).id as string;
    expect((await h.post(message)).status).toBe(200);
    await h.connector.waitFor(() => h.connector.messagesTo(conversationId).length > 0);

    const pages = h.connector.rosterCalls.filter((call) => call.path.includes('/pagedmembers'));
    expect(pages).toHaveLength(ROSTER_PAGE_CAP);
    expect((h.emulator.graphRequests[0]?.body as Json).subject).toBe('Standup');
    const card = cardText(h.connector.messagesTo(conversationId)[0]);
    expect(card).toContain(`I read the first ${(ROSTER_PAGE_CAP * ROSTER_PAGE_SIZE).toLocaleString('en-US')} members of this channel and stopped there`);
    expect(card).not.toContain("There's nobody else");
  });

  it('--channel whose roster ends within the cap reads it all, with no note about stopping', async () => {
    h.connector.rosters.set(TEAM_ID, Array.from({ length: 3 * ROSTER_PAGE_SIZE + 5 }, (_, i) => ({ id: `28:${i}`, name: `Bot ${i}` })));
    const message = teamsMessage({ serviceUrl: h.connector.serviceUrl, kind: 'channel', text: '<at>MeetNow</at> /meet Standup --channel', mentions: [{ id: BOT.id, name: 'MeetNow' }] });
    const conversationId = (message.conversation as Json).id as string;
    await h.post(message);
    await h.connector.waitFor(() => h.connector.messagesTo(conversationId).length > 0);
    expect(h.connector.rosterCalls).toHaveLength(4);
    const card = cardText(h.connector.messagesTo(conversationId)[0]);
    expect(card).toContain("There's nobody else in this channel to invite");
    expect(card).not.toContain('stopped there');
  });
});
