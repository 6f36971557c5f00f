import { startMeetNow, type MeetNowHandle } from '../../src/index';
import { startPlayground, type Playground } from '../../src/tools/playground';
import { cardIn, cardOrUndefined, PlaygroundClient, type PlaygroundConfig, type PlaygroundMessage } from '../support/playground-client';

type Json = Record<string, unknown>;

const text = (card: Json) => JSON.stringify(card);
const joinUrlOf = (card: Json) => ((card.actions as Json[] | undefined) ?? []).find((action) => action.title === 'Join meeting')?.url as string | undefined;
const isMeetingCard = (message: PlaygroundMessage) => joinUrlOf(cardOrUndefined(message) ?? {}) !== undefined;
const isStartCard = (message: PlaygroundMessage) => text(cardOrUndefined(message) ?? {}).includes('"verb":"startMeeting"');

/**
 * End to end with a real Teams-like client nobody here wrote: Microsoft 365 Agents Playground (from
 * .m365agentsplayground.yml) in front of the real bot on the embedded emulator. The test speaks as the
 * Playground's users through its API and reads what its chat shows from its WebSocket.
 */
describe('MeetNow in Microsoft 365 Agents Playground', () => {
  let bot: MeetNowHandle;
  let playground: Playground;
  let client: PlaygroundClient;
  let config: PlaygroundConfig;
  let botId: string;
  let me: string;
  const user = (name: string) => {
    const found = config.users.find((candidate) => candidate.name === name);
    if (found === undefined) throw new Error(`no ${name} in .m365agentsplayground.yml`);
    return found;
  };
  const atBot = () => ({ id: botId, text: `<at>${config.bot.name}</at>` });

  beforeAll(async () => {
    bot = await startMeetNow({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', METRICS_PORT: 'off' });
    playground = await startPlayground({ botEndpoint: `http://127.0.0.1:${bot.port}/api/messages`, port: 0 });
    client = await PlaygroundClient.connect(playground.url);
    config = await client.config();
    botId = config.bot.id;
    me = config.currentUser.id;
  }, 60_000);

  afterAll(async () => {
    client?.close();
    await playground?.close();
    await bot?.close();
  });

  it('is configured with valid GUIDs and several users, a group chat and a team with channels', () => {
    const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
    expect(config.tenantId).toMatch(guid);
    for (const person of [config.currentUser, ...config.users]) expect(person.aadObjectId).toMatch(guid);
    expect(config.users.length).toBeGreaterThanOrEqual(5);
    expect(config.groupChats).toHaveLength(1);
    expect(config.teams[0]?.channels.length).toBeGreaterThanOrEqual(2);
  });

  it('personal chat: /meet <subject> answers the meeting card with the join link and dial-in', async () => {
    const conversation = config.personalChat.id;
    const since = client.received.length;
    await client.say(conversation, me, '/meet Quarterly numbers');
    const card = cardIn(await client.nextFromBot(botId, conversation, isMeetingCard, since));
    expect(card.version).toBe('1.5');
    expect(joinUrlOf(card)).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/meetup-join\//);
    expect(text(card)).toContain('Quarterly numbers');
    expect(text(card)).toContain(config.currentUser.name);
    expect(text(card)).toContain('Join by phone');
    expect(text(card)).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:/);
    const meeting = bot.emulator?.meetings().find((candidate) => candidate.resource.subject === 'Quarterly numbers');
    expect(meeting).toBeDefined();
  });

  it('group chat: @mentioned people become attendees (Entra ids from the Playground\'s roster API) and read as names in the subject', async () => {
    const conversation = config.groupChats[0]?.id as string;
    const megan = user('Megan Bowen');
    const since = client.received.length;
    await client.say(conversation, me, `<at>${config.bot.name}</at> /meet Budget with <at>${megan.name}</at>`, [atBot(), { id: megan.id, text: `<at>${megan.name}</at>` }]);
    const card = cardIn(await client.nextFromBot(botId, conversation, isMeetingCard, since));
    expect(text(card)).toContain('Budget with Megan Bowen');
    expect(text(card)).toContain('Invited: <at>Megan Bowen</at>');
    expect(card.msteams).toEqual({ entities: [{ type: 'mention', text: '<at>Megan Bowen</at>', mentioned: { id: megan.aadObjectId, name: megan.name } }] });
    const meeting = bot.emulator?.meetings().find((candidate) => candidate.resource.subject === 'Budget with Megan Bowen');
    const attendees = (meeting?.resource as unknown as { participants: { attendees: Array<{ identity: { user: { id: string } } }> } }).participants.attendees;
    expect(attendees.map((attendee) => attendee.identity.user.id)).toEqual([megan.aadObjectId]);
  });

  it('channel: --channel invites every member of the team but the organizer, through the paged roster', async () => {
    const channel = config.teams[0]?.channels.find((candidate) => candidate.name !== 'General')?.id as string;
    const since = client.received.length;
    await client.say(channel, me, `<at>${config.bot.name}</at> /meet Standup --channel`, [atBot()]);
    const card = cardIn(await client.nextFromBot(botId, channel, isMeetingCard, since));
    expect(text(card)).toContain(`Invited: everyone in this channel (${config.users.length} people)`);
    const meeting = bot.emulator?.meetings().find((candidate) => candidate.resource.subject === 'Standup');
    const attendees = (meeting?.resource as unknown as { participants: { attendees: Array<{ identity: { user: { id: string } } }> } }).participants.attendees;
    expect(attendees.map((attendee) => attendee.identity.user.id).sort()).toEqual(config.users.map((person) => person.aadObjectId).sort());
  });

  it('the card button: /meet alone answers the start card; the first click (Action.Execute) starts the meeting for the clicker, later clicks show the same one', async () => {
    const conversation = config.groupChats[0]?.id as string;
    const since = client.received.length;
    await client.say(conversation, me, `<at>${config.bot.name}</at> /meet`, [atBot()]);
    const startMessage = await client.nextFromBot(botId, conversation, isStartCard, since);
    const start = cardIn(startMessage);
    expect(text(start)).toContain(`${config.currentUser.name}'s meeting`);
    const execute = (start.actions as Json[])[0] as Json;
    expect(execute).toMatchObject({ type: 'Action.Execute', verb: 'startMeeting', fallback: { type: 'Action.Submit' } });

    const adele = user('Adele Vance');
    const before = bot.emulator?.meetings().length ?? 0;
    const first = await client.execute(conversation, adele.id, startMessage.message.messageId, 'startMeeting', { ...(execute.data as Json), subject: 'Launch go/no-go' });
    expect(first.status).toBe(200);
    expect(first.body.type).toBe('application/vnd.microsoft.card.adaptive');
    const meetingCard = first.body.value as Json;
    expect(text(meetingCard)).toContain('Launch go/no-go');
    expect(text(meetingCard)).toContain('"Organizer: ","isSubtle":true},{"type":"TextRun","text":"Adele Vance"}');

    const again = await client.execute(conversation, me, startMessage.message.messageId, 'startMeeting', { ...(execute.data as Json), subject: 'Another' });
    expect(joinUrlOf(again.body.value as Json)).toBe(joinUrlOf(meetingCard));
    // The Action.Submit fallback on the same card: the bot updates the card message in place, same meeting.
    const updatesBefore = client.received.length;
    expect(await client.submit(conversation, me, startMessage.message.messageId, { ...(execute.data as Json), subject: 'Yet another' })).toBe(200);
    const updated = await client.nextFromBot(botId, conversation, (message) => message.action === 'updateMessage', updatesBefore);
    expect(updated.message.messageId).toBe(startMessage.message.messageId);
    expect(joinUrlOf(cardIn(updated))).toBe(joinUrlOf(meetingCard));
    expect(bot.emulator?.meetings().length).toBe(before + 1);
  });

  it('a scheduled meeting lands in the organizer\'s calendar; its Cancel meeting (Action.Execute) cancels it only for the organizer, and the card\'s message becomes "Meeting cancelled" in place', async () => {
    const conversation = config.groupChats[0]?.id as string;
    const since = client.received.length;
    await client.say(conversation, me, `<at>${config.bot.name}</at> /meet tomorrow 3pm for 45m Design review`, [atBot()]);
    const booked = await client.nextFromBot(botId, conversation, isMeetingCard, since);
    const card = cardIn(booked);
    expect(text(card)).toContain(`In ${config.currentUser.name}'s calendar`);
    const event = bot.emulator?.events().find((candidate) => candidate.resource.subject === 'Design review');
    expect(event).toBeDefined();
    const cancel = ((card.actions as Json[]).find((action) => action.verb === 'cancelMeeting') ?? {}) as Json;
    expect(cancel).toMatchObject({ type: 'Action.Execute', title: 'Cancel meeting' });

    const adele = user('Adele Vance');
    const refused = await client.execute(conversation, adele.id, booked.message.messageId, 'cancelMeeting', cancel.data as Json);
    expect(refused.body.value).toBe(`Only ${config.currentUser.name} can cancel this meeting: they organized it. Nothing was cancelled.`);
    expect(bot.emulator?.events().some((candidate) => candidate.id === event?.id)).toBe(true);

    const updatesBefore = client.received.length;
    const cancelled = await client.execute(conversation, me, booked.message.messageId, 'cancelMeeting', cancel.data as Json);
    expect(cancelled.status).toBe(200);
    expect(text(cancelled.body.value as Json)).toContain('Meeting cancelled');
    // What everyone in the chat sees: the meeting card's own message, updated.
    const updated = await client.nextFromBot(botId, conversation, (message) => message.action === 'updateMessage', updatesBefore);
    expect(updated.message.messageId).toBe(booked.message.messageId);
    expect(text(cardIn(updated))).toContain(`Cancelled by ${config.currentUser.name}`);
    expect(text(cardIn(updated))).not.toContain('cancelMeeting');
    expect(bot.emulator?.events().some((candidate) => candidate.id === event?.id)).toBe(false);
  });

  it('compose box: the messaging extension\'s form from a message, submitted, answers the meeting card to insert, and nothing is posted in the chat', async () => {
    const conversation = config.groupChats[0]?.id as string;
    // The message the action is opened on, as the Playground's panel builds `messagePayload` from a chat message.
    const messageId = await client.say(conversation, me, 'Roadmap review for Q3');
    const messagePayload = { id: messageId, deleted: false, importance: 'normal', locale: 'en-us', body: { contentType: 'html', content: '<p>Roadmap <b>review</b> for Q3</p>' }, attachments: [] };
    const fetched = await client.messagingExtension('composeExtension/fetchTask', conversation, me, { commandId: 'startMeeting', commandContext: 'message', context: { theme: 'default' }, messagePayload });
    expect(fetched.status).toBe(200);
    const task = fetched.body.task as { type: string; value: { title: string; card: { contentType: string; content: Json } } };
    expect(task.type).toBe('continue');
    const form = task.value.card.content;
    const subject = (form.body as Json[]).find((element) => element.id === 'subject');
    expect(subject?.value).toBe('Roadmap review for Q3');

    const since = client.received.length;
    const before = bot.emulator?.meetings().length ?? 0;
    const data = { ...(((form.actions as Json[])[0] as Json).data as Json), subject: 'Roadmap review for Q3', date: '', time: '', duration: '30' };
    const submitted = await client.messagingExtension('composeExtension/submitAction', conversation, me, { commandId: 'startMeeting', commandContext: 'message', context: { theme: 'default' }, data });
    expect(submitted.status).toBe(200);
    const result = submitted.body.composeExtension as { type: string; attachmentLayout: string; attachments: Array<{ contentType: string; content: Json }> };
    expect(result).toMatchObject({ type: 'result', attachmentLayout: 'list' });
    const inserted = result.attachments[0]?.content as Json;
    expect(text(inserted)).toContain('Roadmap review for Q3');
    expect(joinUrlOf(inserted)).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/meetup-join\//);
    // Submitted again (Teams' retry): the same meeting, none booked.
    const again = await client.messagingExtension('composeExtension/submitAction', conversation, me, { commandId: 'startMeeting', commandContext: 'message', context: { theme: 'default' }, data });
    expect(joinUrlOf((again.body.composeExtension as { attachments: Array<{ content: Json }> }).attachments[0]?.content as Json)).toBe(joinUrlOf(inserted));
    expect(bot.emulator?.meetings().length).toBe(before + 1);
    // The card goes into the user's message; the bot itself said nothing in the chat.
    await client.say(conversation, me, `<at>${config.bot.name}</at> help`, [atBot()]);
    await client.nextFromBot(botId, conversation, (message) => (message.message.text ?? '').includes('--channel'), since);
    expect(client.received.slice(since).filter((message) => message.message.from.id === botId)).toHaveLength(1);
  });

  it('welcomes once when the app is installed in a chat, with the start card', async () => {
    const conversation = config.personalChat.id;
    const since = client.received.length;
    expect(await client.install(conversation)).toBe(200);
    const welcome = cardIn(await client.nextFromBot(botId, conversation, isStartCard, since));
    expect(text(welcome)).toContain('MeetNow');
    expect(text(welcome)).toContain('/meet Quarterly numbers');
    // The Playground sends installationUpdate and conversationUpdate; a help round trip proves nothing else came.
    await client.say(conversation, me, 'help');
    await client.nextFromBot(botId, conversation, (message) => (message.message.text ?? '').includes('--channel'), since);
    expect(client.received.slice(since).filter((message) => message.message.from.id === botId && isStartCard(message))).toHaveLength(1);
  });
});
