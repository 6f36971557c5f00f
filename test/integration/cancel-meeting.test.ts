import { randomUUID } from 'node:crypto';
import { useHarness, type Harness } from '../support/harness';
import { HEIDI, teamsMessage } from '../support/teams-activity';

type Json = Record<string, unknown>;

const MEGAN = { id: '29:1megan', name: 'Megan Bowen', aadObjectId: '6e4f2a3b-1c5d-4e7f-8a9b-0c1d2e3f4a5b' };
const TOMORROW = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

/** Every text of a card, joined (what a reader sees). */
const textOf = (card: unknown): string => JSON.stringify(card);

interface Booked {
  conversationId: string;
  /** The meeting card's message in the chat (what a click's `replyToId` names). */
  cardActivityId: string;
  card: Json;
  cancel: Json;
}

/** Heidi books "Design review" for tomorrow in a group chat; the meeting card and its "Cancel meeting" action. */
async function book(h: Harness, locale?: string): Promise<Booked> {
  const message = teamsMessage({ serviceUrl: h.connector.serviceUrl, kind: 'groupChat', text: `/meet ${TOMORROW} 15:00 for 30m Design review`, locale });
  const conversationId = (message.conversation as Json).id as string;
  expect((await h.post(message)).status).toBe(200);
  await h.connector.waitFor(() => h.connector.messagesTo(conversationId).length > 0);
  const posted = h.connector.messagesTo(conversationId)[0];
  const card = (posted?.activity.attachments as Array<{ content: Json }>)[0]?.content ?? {};
  const cancel = (card.actions as Json[]).find((action) => action.verb === 'cancelMeeting') ?? {};
  return { conversationId, cardActivityId: posted?.id ?? '', card, cancel };
}

/** A click on the card's "Cancel meeting" as Teams sends it (Action.Execute → an `adaptiveCard/action` invoke). */
function cancelClick(h: Harness, booked: Booked, from: typeof HEIDI, data: unknown = booked.cancel.data, locale?: string): Json {
  return {
    ...teamsMessage({ serviceUrl: h.connector.serviceUrl, kind: 'groupChat', conversationId: booked.conversationId, from, id: `f:${randomUUID()}`, locale }),
    type: 'invoke',
    name: 'adaptiveCard/action',
    replyToId: booked.cardActivityId,
    value: { action: { type: 'Action.Execute', verb: 'cancelMeeting', data }, trigger: 'manual' },
  };
}

/** The invoke's answer: Teams shows it to the clicker. */
async function clicked(h: Harness, activity: Json): Promise<{ type: string; value: unknown }> {
  const response = await h.post(activity);
  expect(response.status).toBe(200);
  return JSON.parse(response.body) as { type: string; value: unknown };
}

const cancelRequests = (h: Harness) => h.emulator.graphRequests.filter((r) => /\/cancel$/.test(r.path) || r.method === 'DELETE');
const updates = (h: Harness) => h.connector.messages.filter((call) => call.method === 'PUT');

describe.each(['users', 'app'] as const)('Cancel meeting, SCHEDULED_MEETINGS=calendar with MEETINGS_API=%s', (api) => {
  let h: Harness;
  useHarness((started) => (h = started), { env: { MEETINGS_API: api, MEET_RATE_LIMIT: 'off' } });

  it('a scheduled meeting card offers Cancel meeting as Action.Execute with an Action.Submit fallback carrying the same data', async () => {
    const { cancel } = await book(h);
    const [event] = h.emulator.events();
    expect(cancel).toMatchObject({ type: 'Action.Execute', title: 'Cancel meeting', data: { action: 'cancelMeeting', organizerId: HEIDI.aadObjectId, eventId: event?.id, subject: 'Design review' } });
    expect(cancel.fallback).toEqual({ type: 'Action.Submit', title: 'Cancel meeting', style: 'destructive', data: cancel.data });
  });

  it("the organizer's click cancels the event (its attendees are told) and the card's message says so for everyone; a second click changes nothing", async () => {
    const booked = await book(h);
    const eventId = h.emulator.events()[0]?.id ?? '';
    const answer = await clicked(h, cancelClick(h, booked, HEIDI));
    expect(answer.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(textOf(answer.value)).toContain('Cancelled by Heidi Steen');
    expect(textOf(answer.value)).toContain('Design review');
    expect(textOf(answer.value)).toContain('Everyone invited was sent a cancellation.');

    expect(cancelRequests(h).map((r) => `${r.method} ${r.path}`)).toEqual([`POST /v1.0/users/${HEIDI.aadObjectId}/events/${encodeURIComponent(eventId)}/cancel`]);
    expect(cancelRequests(h)[0]?.body).toEqual({ Comment: 'Heidi Steen cancelled this meeting in Microsoft Teams.' });
    expect(h.emulator.events()).toHaveLength(0);
    // Teams shows the invoke's answer to the clicker alone: the meeting card's own message is updated for everyone.
    expect(updates(h).map((call) => call.activityId)).toEqual([booked.cardActivityId]);
    const everyone = (updates(h)[0]?.activity.attachments as Array<{ content: Json }>)[0]?.content;
    expect(textOf(everyone)).toContain('Cancelled by Heidi Steen');
    expect(textOf(everyone)).not.toContain('cancelMeeting');

    const again = await clicked(h, cancelClick(h, booked, HEIDI));
    expect(textOf(again.value)).toContain('Cancelled by Heidi Steen');
    expect(cancelRequests(h)).toHaveLength(1);
    expect(updates(h)).toHaveLength(1);
  });

  it('when the Bot Connector refuses the update for everyone, the cancel still stands and the clicker still gets the cancelled card', async () => {
    const booked = await book(h);
    // The next activity call (the PUT that replaces the card for everyone) is throttled.
    h.connector.throttle(1, 1);
    const answer = await clicked(h, cancelClick(h, booked, HEIDI));
    expect(textOf(answer.value)).toContain('Cancelled by Heidi Steen');
    expect(h.emulator.events()).toHaveLength(0);
    expect(h.connector.refused.map((call) => call.status)).toEqual([429]);
    // No word about a meeting that could not be created, or anything else, is posted.
    expect(h.connector.messagesTo(booked.conversationId)).toHaveLength(1);
    expect(h.logs.lines.some((line) => line.level === 40 && /could not be shown/.test(String(line.msg)))).toBe(true);
  });

  it("someone else's click cancels nothing, calls Graph for nothing, and tells them who can", async () => {
    const booked = await book(h);
    const before = h.emulator.graphRequests.length;
    const answer = await clicked(h, cancelClick(h, booked, MEGAN));
    expect(answer).toEqual({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'Only Heidi Steen can cancel this meeting: they organized it. Nothing was cancelled.' });
    expect(h.emulator.graphRequests).toHaveLength(before);
    expect(h.emulator.events()).toHaveLength(1);
    expect(updates(h)).toHaveLength(0);
    // Told in their own language.
    const german = await clicked(h, cancelClick(h, booked, MEGAN, booked.cancel.data, 'de-DE'));
    expect(german.value).toBe('Nur Heidi Steen kann diese Besprechung absagen, da sie von dieser Person organisiert wurde. Es wurde nichts abgesagt.');
    // The organizer can still cancel it.
    expect(textOf((await clicked(h, cancelClick(h, booked, HEIDI))).value)).toContain('Cancelled by Heidi Steen');
  });

  it("forged card data naming the clicker as organizer reaches only the clicker's own mailbox: Heidi's meeting stays", async () => {
    const booked = await book(h);
    const forged = { ...(booked.cancel.data as Json), organizerId: MEGAN.aadObjectId, organizerName: MEGAN.name };
    const answer = await clicked(h, cancelClick(h, booked, MEGAN, forged));
    expect(answer.type).toBe('application/vnd.microsoft.activity.message');
    expect(cancelRequests(h).map((r) => r.path)).toEqual([`/v1.0/users/${MEGAN.aadObjectId}/events/${encodeURIComponent(String((booked.cancel.data as Json).eventId))}/cancel`]);
    expect(h.emulator.events()).toHaveLength(1);
    expect(updates(h)).toHaveLength(0);
    // Nor can it take the meeting's claim: Heidi's click still cancels.
    expect(textOf((await clicked(h, cancelClick(h, booked, HEIDI))).value)).toContain('Cancelled by Heidi Steen');
    expect(h.emulator.events()).toHaveLength(0);
  });

  it('a meeting cancelled elsewhere meanwhile (Graph answers 404) is said in words, and the card stays', async () => {
    const booked = await book(h);
    h.emulator.injectFault({ target: 'graph', status: 404, code: 'ErrorItemNotFound', message: 'The specified object was not found in the store.' });
    const answer = await clicked(h, cancelClick(h, booked, HEIDI));
    expect(answer.value).toBe('There was nothing left to cancel: this meeting had already been cancelled or deleted, in Outlook or in Teams.');
    expect(updates(h)).toHaveLength(0);
  });

  it('a failed cancel is answered in words and can be clicked again', async () => {
    const booked = await book(h);
    h.emulator.injectFault({ target: 'graph', status: 403, code: 'ErrorAccessDenied', message: 'Access is denied. Check credentials and try again.' });
    const failed = await clicked(h, cancelClick(h, booked, HEIDI));
    expect(failed.type).toBe('application/vnd.microsoft.activity.message');
    expect(String(failed.value)).toMatch(/^I couldn't cancel the meeting: Microsoft Graph refused MeetNow access to your calendar or meetings \(request id `[^`]+`\), so it still stands\./);
    expect(String(failed.value)).toContain('**Calendars.ReadWrite**');
    expect(h.emulator.events()).toHaveLength(1);
    expect(textOf((await clicked(h, cancelClick(h, booked, HEIDI))).value)).toContain('Cancelled by Heidi Steen');
    expect(h.emulator.events()).toHaveLength(0);
  });

  it('Graph staying busy is answered with words that say nothing was cancelled', async () => {
    const booked = await book(h);
    h.emulator.injectFault({ target: 'graph', status: 503, code: 'ServiceUnavailable', retryAfter: 0, times: 4 });
    const failed = await clicked(h, cancelClick(h, booked, HEIDI));
    expect(String(failed.value)).toMatch(/^I couldn't cancel the meeting \(request id `[^`]+`\), so it still stands\. Please try again in a minute/);
    expect(h.emulator.events()).toHaveLength(1);
  });

  it('the cancelled card is in the reader’s language', async () => {
    const booked = await book(h, 'fr-FR');
    const answer = await clicked(h, cancelClick(h, booked, HEIDI, booked.cancel.data, 'fr-FR'));
    expect(textOf(answer.value)).toContain('Réunion annulée');
    expect(textOf(answer.value)).toContain('Annulée par Heidi Steen');
  });

  it('Action.Submit (the fallback) cancels too and replaces the card in place', async () => {
    const booked = await book(h);
    const submit = teamsMessage({ serviceUrl: h.connector.serviceUrl, kind: 'groupChat', conversationId: booked.conversationId, replyToId: booked.cardActivityId, value: (booked.cancel.fallback as Json).data });
    expect((await h.post(submit)).status).toBe(200);
    await h.connector.waitFor(() => updates(h).length > 0);
    expect(updates(h).map((call) => call.activityId)).toEqual([booked.cardActivityId]);
    expect(textOf(updates(h)[0]?.activity.attachments)).toContain('Cancelled by Heidi Steen');
    expect(h.emulator.events()).toHaveLength(0);
  });
});

describe('Cancel meeting, SCHEDULED_MEETINGS=online', () => {
  let h: Harness;
  useHarness((started) => (h = started), { env: { SCHEDULED_MEETINGS: 'online', MEET_RATE_LIMIT: 'off' } });

  it('deletes the standalone online meeting in the organizer’s name, once', async () => {
    const booked = await book(h);
    const [meeting] = h.emulator.meetings();
    expect(booked.cancel.data).toMatchObject({ organizerId: HEIDI.aadObjectId, meetingId: meeting?.id, eventId: '' });
    const answer = await clicked(h, cancelClick(h, booked, HEIDI));
    expect(textOf(answer.value)).toContain('Cancelled by Heidi Steen');
    expect(textOf(answer.value)).not.toContain('Everyone invited');
    expect(cancelRequests(h).map((r) => `${r.method} ${r.path}`)).toEqual([`DELETE /v1.0/users/${HEIDI.aadObjectId}/onlineMeetings/${encodeURIComponent(meeting?.id ?? '')}`]);
    expect(h.emulator.meetings()).toHaveLength(0);
    await clicked(h, cancelClick(h, booked, HEIDI));
    expect(cancelRequests(h)).toHaveLength(1);
  });

  it('a meeting that starts now offers no Cancel meeting', async () => {
    const message = teamsMessage({ serviceUrl: h.connector.serviceUrl, kind: 'groupChat', text: '/meet Standup' });
    await h.post(message);
    await h.connector.waitFor(() => h.connector.messages.length > 0);
    expect(textOf(h.connector.messages[0]?.activity.attachments)).not.toContain('cancelMeeting');
  });
});

/**
 * Graph documents deleting an online meeting only through `/me` and `/users/{userId}/onlineMeetings/{id}`,
 * no delete for one created through the beta `/app/onlineMeetings`
 * (https://learn.microsoft.com/graph/api/onlinemeeting-delete?view=graph-rest-beta): the card does not promise it.
 */
describe('Cancel meeting, SCHEDULED_MEETINGS=online with MEETINGS_API=app', () => {
  let h: Harness;
  useHarness((started) => (h = started), { env: { SCHEDULED_MEETINGS: 'online', MEETINGS_API: 'app', MEET_RATE_LIMIT: 'off' } });

  it('a scheduled meeting booked through the deprecated app endpoint has a card that offers no Cancel meeting', async () => {
    const booked = await book(h);
    expect(h.emulator.graphRequests.map((r) => `${r.method} ${r.path}`)).toContain('POST /beta/app/onlineMeetings');
    expect(h.emulator.meetings()).toHaveLength(1);
    expect(textOf(booked.card)).toContain('Design review');
    expect(textOf(booked.card)).not.toContain('cancelMeeting');
    expect(textOf(booked.card)).not.toContain('Cancel meeting');
  });
});

describe('Cancel meeting when Graph is slow', () => {
  let h: Harness;
  useHarness((started) => (h = started), { env: { MEET_RATE_LIMIT: 'off' }, meetNow: { timing: { acknowledgeAfterMs: 150 } } });

  it('the clicker is told it is being cancelled, then the card is replaced for everyone', async () => {
    const booked = await book(h);
    h.emulator.injectFault({ target: 'graph', latencyMs: 1_000 });
    const answer = await clicked(h, cancelClick(h, booked, HEIDI));
    expect(answer.value).toBe('This meeting is being cancelled. Its card will say so in a moment.');
    await h.connector.waitFor(() => updates(h).length > 0);
    expect(updates(h).map((call) => call.activityId)).toEqual([booked.cardActivityId]);
    expect(textOf(updates(h)[0]?.activity.attachments)).toContain('Cancelled by Heidi Steen');
    expect(h.emulator.events()).toHaveLength(0);
  });
});
