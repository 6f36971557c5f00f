import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { fetchTask, messagePayload, submitAction, type CommandContext } from '../support/compose-invokes';
import { startHarness, useHarness, type Harness } from '../support/harness';
import { HEIDI, TENANT } from '../support/teams-activity';

type Json = Record<string, unknown>;

/** A compose-box invoke's answer: the HTTP status and the body Teams reads. */
async function invoke(h: Harness, activity: Json): Promise<{ status: number; body: Json }> {
  const response = await h.post(activity);
  return { status: response.status, body: response.body === '' ? {} : (JSON.parse(response.body) as Json) };
}

/** The dialog of a `task: continue` answer: its title and its Adaptive Card. */
function dialogOf(body: Json): { title: string; card: Json } {
  const task = body.task as Json;
  expect(task.type).toBe('continue');
  const value = task.value as { title: string; card: { contentType: string; content: Json } };
  expect(value.card.contentType).toBe('application/vnd.microsoft.card.adaptive');
  return { title: value.title, card: value.card.content };
}

/** Every element of a card, nested ones included. */
function elementsOf(node: unknown): Json[] {
  if (Array.isArray(node)) return node.flatMap(elementsOf);
  if (node === null || typeof node !== 'object') return [];
  const json = node as Json;
  return [json, ...Object.values(json).flatMap(elementsOf)];
}

const input = (card: Json, id: string) => elementsOf(card.body).find((element) => element.id === id);
const submitData = (card: Json) => ((card.actions as Json[]).find((action) => action.type === 'Action.Submit')?.data ?? {}) as Json;

/** The card a submit answered to be inserted into the compose box. */
function insertedCard(body: Json): Json {
  const result = body.composeExtension as { type: string; attachmentLayout: string; attachments: Array<{ contentType: string; content: Json }> };
  expect(result.type).toBe('result');
  expect(result.attachmentLayout).toBe('list');
  expect(result.attachments).toHaveLength(1);
  expect(result.attachments[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
  return result.attachments[0]?.content as Json;
}

const joinUrlOf = (card: Json) => ((card.actions as Json[]).find((action) => action.type === 'Action.OpenUrl')?.url ?? '') as string;
const taskMessage = (body: Json) => ((body.task as Json | undefined)?.type === 'message' ? String((body.task as Json).value) : undefined);
/** One group chat: Teams retries a submit in the conversation it came from. */
const CHAT = `19:${randomUUID()}@thread.v2`;
const tomorrowUtc = () => new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

/** Opens the dialog and fills it in as Teams submits it: the inputs merged into the submit action's data. */
async function fillForm(h: Harness, inputs: Json): Promise<Json> {
  const form = dialogOf((await invoke(h, fetchTask({ serviceUrl: h.connector.serviceUrl, kind: 'groupChat', conversationId: CHAT }))).body).card;
  return { ...submitData(form), ...inputs };
}

describe('the compose box (Teams messaging extension)', () => {
  let h: Harness;
  useHarness((started) => (h = started), { env: { MEET_RATE_LIMIT: 'off' } });

  it.each(['compose', 'commandBox', 'message'] as CommandContext[])('fetchTask from %s answers the form: subject, date, time, duration and a submit carrying a form id', async (commandContext) => {
    const { status, body } = await invoke(h, fetchTask({ serviceUrl: h.connector.serviceUrl, commandContext }));
    expect(status).toBe(200);
    const { title, card } = dialogOf(body);
    expect(title).toBe('Start a Teams meeting');
    expect(input(card, 'subject')).toMatchObject({ type: 'Input.Text', value: `${HEIDI.name}'s meeting`, maxLength: 256 });
    expect(input(card, 'date')?.type).toBe('Input.Date');
    expect(input(card, 'time')?.type).toBe('Input.Time');
    expect(input(card, 'duration')).toMatchObject({ type: 'Input.Number', value: 60 });
    expect(submitData(card).formId).toEqual(expect.stringMatching(/^[\w-]+$/));
    // Each dialog is its own form: opening it again starts a new request.
    const again = dialogOf((await invoke(h, fetchTask({ serviceUrl: h.connector.serviceUrl, commandContext }))).body).card;
    expect(submitData(again).formId).not.toBe(submitData(card).formId);
    // Nothing was posted and nothing booked: the bot need not be in the conversation.
    expect(h.connector.calls).toHaveLength(0);
    expect(h.emulator.graphRequests).toHaveLength(0);
  });

  it('fetchTask from a message pre-fills the subject with the message text, HTML removed (Microsoft\'s example payload)', async () => {
    const payload = messagePayload('<div><div><at id="0">Testing outgoing Webhook-Nikitha</at> - Hi</div>\n</div>');
    const { card } = dialogOf((await invoke(h, fetchTask({ serviceUrl: h.connector.serviceUrl, commandContext: 'message', payload }))).body);
    expect(input(card, 'subject')?.value).toBe('Testing outgoing Webhook-Nikitha - Hi');
  });

  it('fetchTask from a message keeps markup as text, decodes entities, and shortens a long message to the subject limit', async () => {
    const html = `<p>Q3 &amp; Q4 <b>numbers</b>&nbsp;&lt;script&gt;alert(1)&lt;/script&gt; ${'word '.repeat(100)}</p><p>second paragraph</p>`;
    const { card } = dialogOf((await invoke(h, fetchTask({ serviceUrl: h.connector.serviceUrl, commandContext: 'message', payload: messagePayload(html) }))).body);
    const subject = String(input(card, 'subject')?.value);
    expect(subject.startsWith('Q3 & Q4 numbers <script>alert(1)</script> word word')).toBe(true);
    expect(Array.from(subject)).toHaveLength(256);
    expect(subject.endsWith('…')).toBe(true);
  });

  it('fetchTask from a message with no text (a card, an image) or without a message payload offers the default subject', async () => {
    for (const payload of [messagePayload('<img src="x.png">'), undefined]) {
      const { card } = dialogOf((await invoke(h, fetchTask({ serviceUrl: h.connector.serviceUrl, commandContext: 'message', payload }))).body);
      expect(input(card, 'subject')?.value).toBe(`${HEIDI.name}'s meeting`);
    }
  });

  it('submitAction starts the meeting now with the sender as organizer and answers the meeting card to insert, posting nothing', async () => {
    const data = await fillForm(h, { subject: 'Quarterly numbers', date: '', time: '', duration: '60' });
    const { status, body } = await invoke(h, submitAction({ serviceUrl: h.connector.serviceUrl, kind: 'groupChat', conversationId: CHAT, data }));
    expect(status).toBe(200);
    const card = insertedCard(body);
    expect(h.emulator.graphRequests).toHaveLength(1);
    expect(h.emulator.graphRequests[0]?.path).toBe(`/v1.0/users/${HEIDI.aadObjectId}/onlineMeetings/createOrGet`);
    expect(h.emulator.graphRequests[0]?.body).toMatchObject({ subject: 'Quarterly numbers' });
    const [meeting] = h.emulator.meetings();
    expect(joinUrlOf(card)).toBe((meeting?.resource as unknown as Json).joinWebUrl);
    // Everything a reader needs is in the inserted card: the join button and the dial-in.
    const text = JSON.stringify(card);
    expect(text).toContain('Quarterly numbers');
    expect(text).toContain(HEIDI.name);
    expect(text).toMatch(/Join by phone|Dial-in is not available/);
    expect(h.connector.calls).toHaveLength(0);
  });

  it('submitAction with a date and time books an event in the organizer\'s calendar then, for the chosen duration (SCHEDULED_MEETINGS=calendar, the default)', async () => {
    const data = await fillForm(h, { subject: 'Design review', date: tomorrowUtc(), time: '09:00', duration: '45' });
    const { body } = await invoke(h, submitAction({ serviceUrl: h.connector.serviceUrl, kind: 'groupChat', conversationId: CHAT, data, timezone: 'UTC' }));
    const card = insertedCard(body);
    expect(h.emulator.graphRequests[0]?.path).toBe(`/v1.0/users/${HEIDI.aadObjectId}/events`);
    const [event] = h.emulator.events();
    expect(event?.resource).toMatchObject({
      subject: 'Design review',
      start: { dateTime: `${tomorrowUtc()}T09:00:00.0000000`, timeZone: 'UTC' },
      end: { dateTime: `${tomorrowUtc()}T09:45:00.0000000`, timeZone: 'UTC' },
    });
    expect(joinUrlOf(card)).toBe((event?.resource as unknown as { onlineMeeting: { joinUrl: string } }).onlineMeeting.joinUrl);
    expect(JSON.stringify(card)).toContain('Ends: ');
    expect(h.connector.calls).toHaveLength(0);
  });

  it('a time that cannot be booked or a subject over the limit is answered in the dialog and books nothing', async () => {
    const past = await fillForm(h, { subject: 'Retro', date: '2020-01-01', time: '10:00' });
    expect(taskMessage((await invoke(h, submitAction({ serviceUrl: h.connector.serviceUrl, kind: 'groupChat', conversationId: CHAT, data: past }))).body)).toContain('is in the past');
    const long = await fillForm(h, { subject: 'x'.repeat(300) });
    expect(taskMessage((await invoke(h, submitAction({ serviceUrl: h.connector.serviceUrl, kind: 'groupChat', conversationId: CHAT, data: long }))).body)).toContain('the limit is 256 characters');
    expect(h.emulator.graphRequests).toHaveLength(0);
  });

  it('Teams retrying a submit, or the same form submitted again, books one meeting and answers the same card each time', async () => {
    const data = await fillForm(h, { subject: 'Retried' });
    const first = submitAction({ serviceUrl: h.connector.serviceUrl, kind: 'groupChat', conversationId: CHAT, data });
    const answers = await Promise.all([invoke(h, first), invoke(h, first), invoke(h, submitAction({ serviceUrl: h.connector.serviceUrl, kind: 'groupChat', conversationId: CHAT, data }))]);
    const joinUrls = answers.map(({ body }) => joinUrlOf(insertedCard(body)));
    expect(new Set(joinUrls).size).toBe(1);
    expect(h.emulator.graphRequests).toHaveLength(1);
    // A new dialog is a new meeting.
    await invoke(h, submitAction({ serviceUrl: h.connector.serviceUrl, kind: 'groupChat', conversationId: CHAT, data: await fillForm(h, { subject: 'Retried' }) }));
    expect(h.emulator.graphRequests).toHaveLength(2);
  });

  it('a submit built without our form id (only the inputs) is still the same request when Teams retries it', async () => {
    const data = { subject: 'Bare form', date: '', time: '', duration: '60' };
    const answers = [await invoke(h, submitAction({ serviceUrl: h.connector.serviceUrl, kind: 'groupChat', conversationId: CHAT, data })), await invoke(h, submitAction({ serviceUrl: h.connector.serviceUrl, kind: 'groupChat', conversationId: CHAT, data }))];
    expect(joinUrlOf(insertedCard(answers[0]?.body ?? {}))).toBe(joinUrlOf(insertedCard(answers[1]?.body ?? {})));
    expect(h.emulator.graphRequests).toHaveLength(1);
  });

  it("someone else submitting Heidi's form id gets a meeting of their own, never Heidi's", async () => {
    const data = await fillForm(h, { subject: 'Heidi only' });
    const heidis = joinUrlOf(insertedCard((await invoke(h, submitAction({ serviceUrl: h.connector.serviceUrl, kind: 'groupChat', conversationId: CHAT, data }))).body));
    const megan = { id: '29:1megan', name: 'Megan Bowen', aadObjectId: randomUUID() };
    h.emulator.addUser({ id: megan.aadObjectId, tenantId: TENANT, displayName: megan.name, userPrincipalName: 'megan@contoso.example' });
    const replayed = insertedCard((await invoke(h, submitAction({ serviceUrl: h.connector.serviceUrl, kind: 'groupChat', conversationId: CHAT, data, from: megan }))).body);
    expect(joinUrlOf(replayed)).not.toBe(heidis);
    expect(JSON.stringify(replayed)).toContain('Megan Bowen');
    expect(h.emulator.graphRequests.map((request) => request.path)).toEqual([
      `/v1.0/users/${HEIDI.aadObjectId}/onlineMeetings/createOrGet`,
      `/v1.0/users/${megan.aadObjectId}/onlineMeetings/createOrGet`,
    ]);
  });

  it('a sender Teams did not identify (no Entra object id) is told in the dialog, with no token or Graph call', async () => {
    const anonymous = { id: '29:1anonymous', name: 'Anonymous' };
    const tokens = h.emulator.counts.token;
    const { status, body } = await invoke(h, submitAction({ serviceUrl: h.connector.serviceUrl, kind: 'groupChat', conversationId: CHAT, data: { subject: 'Who am I' }, from: anonymous }));
    expect(status).toBe(200);
    expect(taskMessage(body)).toContain("didn't say who you are in Microsoft Entra ID");
    expect(h.emulator.counts.token).toBe(tokens);
    expect(h.emulator.graphRequests).toHaveLength(0);
  });

  it('a Graph error is answered in the dialog in the sender\'s language', async () => {
    h.emulator.injectFault({ target: 'graph', status: 500, code: 'InternalServerError', message: 'Something broke' });
    const { body } = await invoke(h, submitAction({ serviceUrl: h.connector.serviceUrl, kind: 'groupChat', conversationId: CHAT, data: { subject: 'Kaputt', formId: randomUUID() }, locale: 'de-DE' }));
    expect(taskMessage(body)).toContain('Beim Erstellen der Besprechung ist ein Fehler aufgetreten');
    expect(h.connector.calls).toHaveLength(0);
  });

  it('a missing application access policy is explained in the dialog in plain words, with the two PowerShell commands to paste', async () => {
    const oid = randomUUID();
    h.emulator.addUser({ id: oid, tenantId: TENANT, displayName: 'No Policy', userPrincipalName: 'np@contoso.example', accessPolicy: false });
    const { body } = await invoke(h, submitAction({ serviceUrl: h.connector.serviceUrl, kind: 'groupChat', conversationId: CHAT, data: { subject: 'Blocked' }, from: { id: '29:np', name: 'No Policy', aadObjectId: oid } }));
    const words = taskMessage(body) ?? '';
    expect(words).toContain('application access policy');
    expect(words).toMatch(/^New-CsApplicationAccessPolicy -Identity MeetNow-Policy -AppIds "[\w-]+" -Description "Allow MeetNow to create meetings"$/m);
    expect(words).toMatch(/^Grant-CsApplicationAccessPolicy -PolicyName MeetNow-Policy -Global$/m);
    // A dialog message is plain text: no markdown markers around the words.
    expect(words).not.toMatch(/\*\*|```/);
  });

  it('another command id is answered with words in the dialog; other compose-box invokes stay 501', async () => {
    for (const build of [fetchTask, (options: Json) => submitAction({ ...(options as { serviceUrl: string }), data: {} })]) {
      const { status, body } = await invoke(h, build({ serviceUrl: h.connector.serviceUrl, commandId: 'pollNow' }));
      expect(status).toBe(200);
      expect(taskMessage(body)).toContain('Start a Teams meeting');
    }
    const query = { ...fetchTask({ serviceUrl: h.connector.serviceUrl }), name: 'composeExtension/query' };
    expect((await h.post(query)).status).toBe(501);
  });

  it.each([
    ['no value', (a: Json) => ({ ...a, value: undefined })],
    ['a value that is a string', (a: Json) => ({ ...a, value: 'startMeeting' })],
    ['no commandId', (a: Json) => ({ ...a, value: { commandContext: 'compose', data: {} } })],
    ['a numeric commandId', (a: Json) => ({ ...a, value: { commandId: 7, data: {} } })],
    ['form data that is a string', (a: Json) => ({ ...a, value: { commandId: 'startMeeting', data: 'subject=x' } })],
    ['a messagePayload that is an array', (a: Json) => ({ ...a, value: { commandId: 'startMeeting', messagePayload: [] } })],
  ])('a malformed invoke (%s) gets 400, books nothing and does not crash', async (_name, malform) => {
    for (const build of [fetchTask, (options: Json) => submitAction({ ...(options as { serviceUrl: string }), data: {} })]) {
      const response = await h.post(malform(build({ serviceUrl: h.connector.serviceUrl })));
      expect(response.status).toBe(400);
    }
    expect(h.emulator.graphRequests).toHaveLength(0);
    expect((await h.post(fetchTask({ serviceUrl: h.connector.serviceUrl }))).status).toBe(200);
  });
});

describe('the compose box when Graph is slow: answered within Teams\' five seconds', () => {
  let h: Harness;
  // Production answers after 3.5 s; the order of events is what counts.
  useHarness((started) => (h = started), { meetNow: { timing: { composeAnswerAfterMs: 300 } } });

  it('answers "being created" in the dialog; Teams\' retries book nothing; the dialog\'s button then inserts the same meeting', async () => {
    h.emulator.injectFault({ target: 'graph', latencyMs: 1_500 });
    const data = await fillForm(h, { subject: 'Slow Graph' });
    const submit = submitAction({ serviceUrl: h.connector.serviceUrl, kind: 'groupChat', conversationId: CHAT, data });
    const { status, body } = await invoke(h, submit);
    expect(status).toBe(200);
    const pending = dialogOf(body).card;
    expect(JSON.stringify(pending)).toContain('Your meeting is being created');
    const again = submitData(pending);
    expect(again).toMatchObject({ subject: 'Slow Graph', formId: data.formId });
    // Teams retries an unanswered submit; this one was answered, but a retry must still book nothing new.
    expect(dialogOf((await invoke(h, submit)).body).card).toEqual(pending);

    // The user clicks the dialog's button once the meeting exists.
    let answer: Json = {};
    for (let attempt = 0; attempt < 40 && answer.composeExtension === undefined; attempt += 1) {
      await sleep(250);
      answer = (await invoke(h, submitAction({ serviceUrl: h.connector.serviceUrl, kind: 'groupChat', conversationId: CHAT, data: again }))).body;
    }
    const card = insertedCard(answer);
    expect(joinUrlOf(card)).toBe((h.emulator.meetings()[0]?.resource as unknown as Json).joinWebUrl);
    expect(h.emulator.graphRequests).toHaveLength(1);
    expect(h.emulator.meetings()).toHaveLength(1);
    // Nothing was posted to the conversation, where MeetNow may not even be a member.
    expect(h.connector.calls).toHaveLength(0);
  });
});

describe('the compose box and the tenant and rate rules', () => {
  let h: Harness;
  const OTHER_TENANT = randomUUID();
  beforeAll(async () => {
    h = await startHarness({ env: { ALLOWED_TENANTS: TENANT, MEET_RATE_LIMIT: '1/1h' } });
    h.emulator.addTenant(OTHER_TENANT);
  });
  afterAll(async () => h.close());

  it('a sender from a tenant outside ALLOWED_TENANTS is refused in the dialog, with no token or Graph call', async () => {
    const stranger = { id: '29:1stranger', name: 'Stranger', aadObjectId: randomUUID() };
    const tokens = h.emulator.counts.token;
    const { body } = await invoke(h, submitAction({ serviceUrl: h.connector.serviceUrl, kind: 'groupChat', conversationId: CHAT, data: { subject: 'Outsiders' }, from: stranger, tenantId: OTHER_TENANT }));
    expect(taskMessage(body)).toBe("Sorry, MeetNow isn't enabled for your organization. If you need it, please ask your Teams admin.");
    expect(h.emulator.counts.token).toBe(tokens);
    expect(h.emulator.graphRequests).toHaveLength(0);
  });

  it('a sender over MEET_RATE_LIMIT is told in the dialog when to try again, in their language; the same form again still shows their meeting', async () => {
    const data = await fillForm(h, { subject: 'Erste' });
    const first = insertedCard((await invoke(h, submitAction({ serviceUrl: h.connector.serviceUrl, kind: 'groupChat', conversationId: CHAT, data }))).body);
    const refused = await invoke(h, submitAction({ serviceUrl: h.connector.serviceUrl, kind: 'groupChat', conversationId: CHAT, data: await fillForm(h, { subject: 'Zweite' }), locale: 'de-DE' }));
    expect(taskMessage(refused.body)).toMatch(/so viele Besprechungen gestartet, wie MeetNow erlaubt\. Bitte versuchen Sie es .+ erneut\./);
    expect(h.emulator.graphRequests).toHaveLength(1);
    // A retry of the booked form is no new meeting, so the limit does not refuse it.
    expect(joinUrlOf(insertedCard((await invoke(h, submitAction({ serviceUrl: h.connector.serviceUrl, kind: 'groupChat', conversationId: CHAT, data }))).body))).toBe(joinUrlOf(first));
  });
});
