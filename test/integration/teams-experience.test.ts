import { randomUUID } from 'node:crypto';
import { startHarness, useHarness, type Harness } from '../support/harness';
import type { ConnectorCall, FakeMember } from '../support/fake-connector';
import { BOT, HEIDI, TEAM_ID, TENANT, teamsMessage } from '../support/teams-activity';

type Json = Record<string, unknown>;

const MEGAN = { id: '29:1megan', name: 'Megan Bowen', aadObjectId: '3f9d3d6e-6a53-4b8e-9d1c-5a3a1f6b2a02' };
const ADELE = { id: '29:1adele', name: 'Adele Vance', aadObjectId: '3f9d3d6e-6a53-4b8e-9d1c-5a3a1f6b2a03' };

const member = (person: { id: string; name: string; aadObjectId: string }, upn?: string): FakeMember => ({
  ...person,
  userPrincipalName: upn ?? `${person.name.split(' ')[0]?.toLowerCase()}@contoso.example`,
  tenantId: TENANT,
  userRole: 'user',
});

function cardOf(call: ConnectorCall | undefined): Json {
  const attachments = call?.activity.attachments as Array<{ contentType: string; content: Json }> | undefined;
  expect(attachments).toHaveLength(1);
  expect(attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
  return attachments?.[0]?.content as Json;
}

const text = (card: Json) => JSON.stringify(card);
const joinUrlOf = (card: Json) => ((card.actions as Json[]).find((action) => action.title === 'Join meeting') as Json | undefined)?.url as string | undefined;

function invoke(serviceUrl: string, message: Record<string, unknown>, replyToId: string, from: typeof HEIDI, data: Json): Record<string, unknown> {
  return {
    ...message,
    type: 'invoke',
    name: 'adaptiveCard/action',
    id: `f:${randomUUID()}`,
    serviceUrl,
    from,
    replyToId,
    text: undefined,
    value: { action: { type: 'Action.Execute', verb: 'startMeeting', data }, trigger: 'manual' },
  };
}

describe('the "Start meeting now" card', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    h.emulator.addUser({ id: MEGAN.aadObjectId, tenantId: TENANT, displayName: MEGAN.name, userPrincipalName: 'megan@contoso.example' });
  });
  afterAll(async () => h.close());
  beforeEach(() => {
    h.connector.reset();
    h.emulator.reset();
  });

  async function startCard(kind: 'personal' | 'groupChat' | 'channel' = 'groupChat') {
    const message = teamsMessage({ serviceUrl: h.connector.serviceUrl, kind, text: '<at>MeetNow</at> /meet' });
    await h.post(message);
    const card = cardOf(h.connector.messages[0]);
    const execute = (card.actions as Json[])[0] as Json;
    return { message, card, execute, cardActivityId: 'card-activity-1' };
  }

  it('offers a subject box pre-filled with "<name>\'s meeting" and an Action.Execute with an Action.Submit fallback carrying the same data', async () => {
    const { card, execute } = await startCard();
    expect(card.version).toBe('1.5');
    expect(card.fallbackText).toEqual(expect.stringContaining('/meet'));
    const input = (card.body as Json[]).find((element) => element.type === 'Input.Text');
    expect(input).toMatchObject({ id: 'subject', value: `${HEIDI.name}'s meeting` });
    expect(execute).toMatchObject({ type: 'Action.Execute', verb: 'startMeeting', title: 'Start meeting now' });
    expect(execute.fallback).toMatchObject({ type: 'Action.Submit', data: execute.data });
  });

  it('Action.Execute: the first click starts the meeting with the clicker as organizer and answers the meeting card; later clicks create nothing', async () => {
    const { message, execute } = await startCard();
    const data = { ...(execute.data as Json), subject: 'Launch review' };
    const first = await h.post(invoke(h.connector.serviceUrl, message, 'card-activity-1', MEGAN, data));
    expect(first.status).toBe(200);
    const answer = JSON.parse(first.body) as { statusCode: number; type: string; value: Json };
    expect(answer).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect(h.emulator.meetings()).toHaveLength(1);
    expect(h.emulator.graphRequests[0]?.path).toBe(`/v1.0/users/${MEGAN.aadObjectId}/onlineMeetings/createOrGet`);
    const card = answer.value;
    expect(text(card)).toContain('Launch review');
    // The clicker is the organizer, named once; the meeting runs from now until an hour later, in the clicker's zone.
    expect(text(card)).toContain('"Organizer: ","isSubtle":true},{"type":"TextRun","text":"Megan Bowen"}');
    expect(text(card)).not.toContain('Started by');
    expect(text(card)).toMatch(/"Starts: ".*"Now".*"Ends: ","isSubtle":true},\{"type":"TextRun","text":"[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2}\s?[AP]M \(GMT\+1\)"/);
    expect(text(card)).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:/);

    // A double click by the same person and a later click by someone else, with another subject: the same meeting.
    const again = await h.post(invoke(h.connector.serviceUrl, message, 'card-activity-1', MEGAN, data));
    const other = await h.post(invoke(h.connector.serviceUrl, message, 'card-activity-1', HEIDI, { ...data, subject: 'Something else' }));
    for (const response of [again, other]) {
      const value = (JSON.parse(response.body) as { value: Json }).value;
      expect(joinUrlOf(value)).toBe(joinUrlOf(card));
      expect(text(value)).toContain('"text":"Megan Bowen"');
    }
    expect(h.emulator.meetings()).toHaveLength(1);
    // Teams shows the invoke's answer to the clicker alone: the card's own message is updated for everyone
    // else in the chat, once, by the click that started the meeting; no second message is posted.
    const posted = h.connector.messages.filter((call) => call.method === 'POST');
    const updates = h.connector.messages.filter((call) => call.method === 'PUT');
    expect(posted).toHaveLength(1);
    expect(updates.map((call) => call.activityId)).toEqual(['card-activity-1']);
    expect(joinUrlOf((updates[0]?.activity.attachments as Array<{ content: Json }>)[0]?.content ?? {})).toBe(joinUrlOf(card));
  });

  it('Action.Submit (fallback): replaces the card in place with PUT …/activities/{replyToId}; a second click updates it to the same meeting', async () => {
    const { message, execute } = await startCard('channel');
    const conversationId = (message.conversation as Json).id as string;
    const submit = (from: typeof HEIDI, subject: string) => ({
      ...message,
      id: `s:${randomUUID()}`,
      from,
      text: undefined,
      replyToId: 'card-activity-1',
      value: { ...(execute.data as Json), subject },
    });
    h.connector.reset();
    expect((await h.post(submit(HEIDI, 'Design  review'))).status).toBe(200);
    expect((await h.post(submit(MEGAN, 'Another'))).status).toBe(200);
    const updates = h.connector.messages;
    expect(updates).toHaveLength(2);
    for (const update of updates) {
      expect(update.method).toBe('PUT');
      expect(update.conversationId).toBe(conversationId);
      expect(update.activityId).toBe('card-activity-1');
      expect(update.path).toContain('/activities/card-activity-1');
    }
    const [first, second] = updates.map((update) => cardOf(update));
    expect(text(first as Json)).toContain('Design review');
    expect(text(first as Json)).toContain(`"text":"${HEIDI.name}"`);
    expect(joinUrlOf(second as Json)).toBe(joinUrlOf(first as Json));
    expect(h.emulator.meetings()).toHaveLength(1);
  });

  it('an empty subject starts "<clicker>\'s meeting"', async () => {
    const { message, execute } = await startCard('personal');
    await h.post(invoke(h.connector.serviceUrl, message, 'card-activity-1', HEIDI, { ...(execute.data as Json), subject: '   ' }));
    expect((h.emulator.graphRequests[0]?.body as Json).subject).toBe(`${HEIDI.name}'s meeting`);
  });
});

describe.each(['users', 'app'] as const)('attendees from mentions and the channel roster (MEETINGS_API=%s)', (api) => {
  let h: Harness;
  useHarness((started) => (h = started), { env: { MEETINGS_API: api } });

  const attendeesSent = (): Json[] => {
    const body = h.emulator.graphRequests[0]?.body as Json;
    return ((body.participants as Json | undefined)?.attendees as Json[] | undefined) ?? [];
  };

  it('invites the people @mentioned, looked up in the roster, and names them in the subject and on the card', async () => {
    const message = teamsMessage({
      serviceUrl: h.connector.serviceUrl,
      kind: 'groupChat',
      text: `<at>MeetNow</at> /meet Budget with <at>${MEGAN.name}</at> and <at>${ADELE.name}</at>`,
      mentions: [{ id: BOT.id, name: 'MeetNow' }, { id: MEGAN.id, name: MEGAN.name }, { id: ADELE.id, name: ADELE.name }],
    });
    const conversationId = (message.conversation as Json).id as string;
    h.connector.rosters.set(conversationId, [member(HEIDI as typeof MEGAN), member(MEGAN), member(ADELE, 'adele.vance@contoso.example')]);
    expect((await h.post(message)).status).toBe(200);

    const body = h.emulator.graphRequests[0]?.body as Json;
    expect(body.subject).toBe('Budget with Megan Bowen and Adele Vance');
    const expected = [
      { identity: { user: { id: MEGAN.aadObjectId } }, upn: 'megan@contoso.example' },
      { identity: { user: { id: ADELE.aadObjectId } }, upn: 'adele.vance@contoso.example' },
    ].map((attendee) => (api === 'users' ? { ...attendee, role: 'attendee' } : attendee));
    expect(attendeesSent()).toEqual(expected);
    if (api === 'app') expect((body.participants as Json).organizer).toEqual({ identity: { user: { id: HEIDI.aadObjectId } } });
    const meeting = h.emulator.meetings()[0]?.resource as unknown as { participants: { attendees: Array<{ identity: { user: { id: string } } }> } };
    expect(meeting.participants.attendees.map((attendee) => attendee.identity.user.id)).toEqual([MEGAN.aadObjectId, ADELE.aadObjectId]);

    expect(h.connector.rosterCalls.map((call) => call.memberId).sort()).toEqual([ADELE.id, MEGAN.id]);
    // Each invited person is @mentioned on the card (by Entra object id), so that Teams notifies them.
    const card = cardOf(h.connector.messagesTo(conversationId)[0]);
    expect(text(card)).toContain('Invited: <at>Megan Bowen</at> and <at>Adele Vance</at>');
    expect(card.msteams).toEqual({
      entities: [
        { type: 'mention', text: '<at>Megan Bowen</at>', mentioned: { id: MEGAN.aadObjectId, name: MEGAN.name } },
        { type: 'mention', text: '<at>Adele Vance</at>', mentioned: { id: ADELE.aadObjectId, name: ADELE.name } },
      ],
    });
  });

  it('mentions a person whose roster name is markdown, HTML or template text without any of it rendering in the card', async () => {
    const hostileName = '[Login](https://evil.example) **Megan** </at><at>Everyone ${joinUrl} {{DATE(2017-02-14T06:08:39Z, SHORT)}}';
    const trickster = { id: '29:1trick', name: hostileName, aadObjectId: '3f9d3d6e-6a53-4b8e-9d1c-5a3a1f6b2a09' };
    const message = teamsMessage({
      serviceUrl: h.connector.serviceUrl,
      kind: 'groupChat',
      text: '<at>MeetNow</at> /meet Sync <at>Megan</at>',
      mentions: [{ id: BOT.id, name: 'MeetNow' }, { id: trickster.id, name: 'Megan' }],
    });
    h.connector.rosters.set((message.conversation as Json).id as string, [member(trickster)]);
    await h.post(message);
    expect(attendeesSent().map((attendee) => (attendee.identity as { user: { id: string } }).user.id)).toEqual([trickster.aadObjectId]);
    const card = cardOf(h.connector.messages[0]);
    const line = (card.body as Json[]).find((block) => block.type === 'TextBlock' && String(block.text).startsWith('Invited:')) as Json;
    expect(line.text).toBe('Invited: <at>Login (https evil.example) Megan at at Everyone joinUrl DATE(2017-02-14T06 08 39Z, SHORT)</at>');
    expect(card.msteams).toEqual({ entities: [{ type: 'mention', text: '<at>Login (https evil.example) Megan at at Everyone joinUrl DATE(2017-02-14T06 08 39Z, SHORT)</at>', mentioned: { id: trickster.aadObjectId, name: hostileName } }] });
  });

  it('still starts the meeting when a mentioned person is not in the roster, and says so', async () => {
    const stranger = { id: '29:1stranger', name: 'Sam Stranger' };
    const message = teamsMessage({
      serviceUrl: h.connector.serviceUrl,
      kind: 'groupChat',
      text: `<at>MeetNow</at> /meet Sync <at>${stranger.name}</at>`,
      mentions: [{ id: BOT.id, name: 'MeetNow' }, stranger],
    });
    await h.post(message);
    expect((h.emulator.graphRequests[0]?.body as Json).subject).toBe('Sync Sam Stranger');
    expect(attendeesSent()).toEqual([]);
    expect(text(cardOf(h.connector.messages[0]))).toContain("I couldn't invite Sam Stranger");
  });

  it('--channel invites the channel\'s members through the paged roster (team id), without the organizer or bots', async () => {
    const message = teamsMessage({ serviceUrl: h.connector.serviceUrl, kind: 'channel', text: '<at>MeetNow</at> /meet Standup --channel', mentions: [{ id: BOT.id, name: 'MeetNow' }] });
    const others = Array.from({ length: 7 }, (_, i) => member({ id: `29:1p${i}`, name: `Person ${i}`, aadObjectId: randomUUID() }));
    h.connector.rosters.set(TEAM_ID, [member(HEIDI as typeof MEGAN), { id: BOT.id, name: 'MeetNow' }, ...others]);
    await h.post(message);
    expect((h.emulator.graphRequests[0]?.body as Json).subject).toBe('Standup');
    expect(attendeesSent().map((attendee) => (attendee.identity as { user: { id: string } }).user.id)).toEqual(others.map((other) => other.aadObjectId));
    expect(h.connector.rosterCalls.every((call) => call.conversationId === TEAM_ID && call.path.includes('/pagedmembers'))).toBe(true);
    const card = text(cardOf(h.connector.messages[0]));
    expect(card).toContain('Invited: everyone in this channel (7 people)');
    expect(h.connector.messages[0]?.conversationId).toBe((message.conversation as Json).id);
  });

  it('a channel mention invites everyone too, paging with continuation tokens, capped at 250 with a message', async () => {
    const message = teamsMessage({
      serviceUrl: h.connector.serviceUrl,
      kind: 'channel',
      text: '<at>MeetNow</at> /meet All hands <at>General</at>',
      mentions: [{ id: BOT.id, name: 'MeetNow' }, { id: '19:channel@thread.tacv2', name: 'General', type: 'channel' }],
    });
    const crowd = Array.from({ length: 320 }, (_, i) => member({ id: `29:1c${i}`, name: `Colleague ${i}`, aadObjectId: randomUUID() }));
    h.connector.rosters.set(TEAM_ID, crowd);
    await h.post(message);
    expect((h.emulator.graphRequests[0]?.body as Json).subject).toBe('All hands General');
    expect(attendeesSent()).toHaveLength(250);
    const pages = h.connector.rosterCalls;
    expect(pages.length).toBeGreaterThan(1);
    expect(pages[1]?.continuationToken).toBeDefined();
    expect(text(cardOf(h.connector.messages[0]))).toContain('more than 250 members: I invited the first 250');
  });
});

describe('welcome and help', () => {
  let h: Harness;
  useHarness((started) => (h = started));

  const base = (kind: 'personal' | 'channel', conversationId: string) => {
    const message = teamsMessage({ serviceUrl: h.connector.serviceUrl, kind, conversationId });
    return { ...message, text: undefined, entities: undefined };
  };

  it('welcomes once when the app is installed (conversationUpdate and installationUpdate both arrive), with the start card', async () => {
    const conversationId = `19:${randomUUID()}@thread.tacv2`;
    const added = { ...base('channel', conversationId), type: 'conversationUpdate', membersAdded: [{ id: BOT.id }] };
    const installed = { ...base('channel', conversationId), type: 'installationUpdate', action: 'add' };
    expect((await h.post(added)).status).toBe(200);
    expect((await h.post(installed)).status).toBe(200);
    expect(h.connector.messages).toHaveLength(1);
    const card = cardOf(h.connector.messages[0]);
    expect(text(card)).toContain('MeetNow');
    expect(text(card)).toContain('--channel');
    expect(text(card)).toContain('"verb":"startMeeting"');
    expect(h.emulator.graphRequests).toHaveLength(0);
  });

  it('welcomes a personal installation, and says nothing when someone else joins', async () => {
    await h.post({ ...base('personal', `a:${randomUUID()}`), type: 'installationUpdate', action: 'add' });
    await h.post({ ...base('channel', `19:${randomUUID()}@thread.tacv2`), type: 'conversationUpdate', membersAdded: [{ id: '29:1newcomer' }] });
    await h.post({ ...base('personal', `a:${randomUUID()}`), type: 'installationUpdate', action: 'remove' });
    expect(h.connector.messages).toHaveLength(1);
    expect(text(cardOf(h.connector.messages[0]))).toContain(`${HEIDI.name}'s meeting`);
  });

  it('help lists the commands with examples, mentions and --channel', async () => {
    await h.post(teamsMessage({ serviceUrl: h.connector.serviceUrl, text: 'help' }));
    const help = h.connector.messages[0]?.activity.text as string;
    for (const example of ['/meet Quarterly numbers', '/meet Budget with @Megan', '--channel', '`/meet`']) expect(help).toContain(example);
  });
});
