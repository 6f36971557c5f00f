import { deriveExternalId } from '../../src/meetings/meeting-service';
import { startMeetingInvoke } from '../support/card-actions';
import type { FakeMember } from '../support/fake-connector';
import { harnessesClosedAfterAll, useHarness, type Harness } from '../support/harness';
import { BOT, HEIDI, TENANT, teamsMessage } from '../support/teams-activity';

type Json = Record<string, unknown>;

const MEGAN: FakeMember = { id: '29:1megan', name: 'Megan Bowen', aadObjectId: '6e4f2a3b-1c5d-4e7f-8a9b-0c1d2e3f4a5b', userPrincipalName: 'meganb@contoso.example', email: 'megan.bowen@contoso.example' };
const ALEX: FakeMember = { id: '29:1alex', name: 'Alex Wilber', aadObjectId: '7f5a3b4c-2d6e-4f80-9bac-1d2e3f4a5b6c', userPrincipalName: 'alexw@contoso.example' };

/** Next year's last Sunday of March: Europe's spring daylight-saving change always lies ahead. */
function euSpring(): string {
  const year = new Date().getUTCFullYear() + 1;
  const last = new Date(Date.UTC(year, 3, 0));
  return new Date(Date.UTC(year, 2, last.getUTCDate() - last.getUTCDay())).toISOString().slice(0, 10);
}
const SPRING = euSpring();
const DAY_BEFORE = new Date(Date.parse(`${SPRING}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

const eventRequests = (h: Harness) => h.emulator.graphRequests.filter((r) => r.method === 'POST' && /\/events$/.test(r.path));
const onlineRequests = (h: Harness) => h.emulator.graphRequests.filter((r) => /onlineMeetings(\/createOrGet)?$/.test(r.path) && r.method === 'POST');
const cardOf = (h: Harness, conversationId?: string) => JSON.stringify((conversationId === undefined ? h.connector.messages : h.connector.messagesTo(conversationId))[0]?.activity.attachments ?? []);
const textOf = (h: Harness) => String(h.connector.messages[0]?.activity.text ?? '');

/** A group chat message from Heidi that @mentions the bot and `people`, with the chat's roster set. */
function groupMessage(h: Harness, text: string, people: FakeMember[], options: { timezone?: string; locale?: string; id?: string } = {}) {
  const message = teamsMessage({
    serviceUrl: h.connector.serviceUrl,
    kind: 'groupChat',
    text: `<at>MeetNow</at> ${text} ${people.map((p) => `<at>${p.name}</at>`).join(' ')}`,
    mentions: [{ id: BOT.id, name: 'MeetNow' }, ...people.map((p) => ({ id: p.id, name: p.name }))],
    ...options,
  });
  const conversationId = (message.conversation as Json).id as string;
  h.connector.rosters.set(conversationId, people);
  return { message, conversationId };
}

describe.each(['users', 'app'] as const)('SCHEDULED_MEETINGS=calendar (the default) with MEETINGS_API=%s', (api) => {
  let h: Harness;
  useHarness((started) => (h = started), { env: { MEETINGS_API: api, MEET_RATE_LIMIT: 'off' } });

  it('books a /meet with a time as an Outlook event with a Teams meeting, inviting the @mentioned people by address', async () => {
    const { message, conversationId } = groupMessage(h, `/meet ${DAY_BEFORE} 09:00 for 45m Design review with`, [MEGAN, ALEX]);
    expect((await h.post(message)).status).toBe(200);
    await h.connector.waitFor(() => h.connector.messagesTo(conversationId).length > 0);
    expect(onlineRequests(h)).toHaveLength(0);
    const [request] = eventRequests(h);
    expect(request?.path).toBe(`/v1.0/users/${HEIDI.aadObjectId}/events`);
    expect(request?.body).toEqual({
      subject: 'Design review with Megan Bowen Alex Wilber',
      start: { dateTime: `${DAY_BEFORE}T09:00:00`, timeZone: 'Europe/Berlin' },
      end: { dateTime: `${DAY_BEFORE}T09:45:00`, timeZone: 'Europe/Berlin' },
      isOnlineMeeting: true,
      onlineMeetingProvider: 'teamsForBusiness',
      // The SMTP address where the roster has one, else the UPN.
      attendees: [
        { emailAddress: { address: 'megan.bowen@contoso.example' }, type: 'required' },
        { emailAddress: { address: 'alexw@contoso.example' }, type: 'required' },
      ],
      // Derived from the conversation, the activity and the organizer: the same for a redelivery, on any instance.
      transactionId: deriveExternalId(conversationId, `activity:${String(message.id)}`, HEIDI.aadObjectId),
    });
    const [event] = h.emulator.events();
    const online = event?.resource.onlineMeeting as Json;
    const card = cardOf(h, conversationId);
    expect(card).toContain(JSON.stringify(String(online.joinUrl)));
    expect(card).toContain(String(online.conferenceId));
  });

  it('sends the wall clock of the sender’s zone on both sides of a daylight-saving change', async () => {
    await h.post(teamsMessage({ serviceUrl: h.connector.serviceUrl, text: `/meet ${SPRING} 03:30 for 30m Early`, timezone: 'Europe/Berlin' }));
    const body = eventRequests(h)[0]?.body as Json;
    expect(body.start).toEqual({ dateTime: `${SPRING}T03:30:00`, timeZone: 'Europe/Berlin' });
    expect(body.end).toEqual({ dateTime: `${SPRING}T04:00:00`, timeZone: 'Europe/Berlin' });
    // Summer time (UTC+2) has begun at 03:30; the day before it was UTC+1.
    expect(h.emulator.events()[0]?.resource.start).toEqual({ dateTime: `${SPRING}T01:30:00.0000000`, timeZone: 'UTC' });
    h.emulator.reset();
    await h.post(teamsMessage({ serviceUrl: h.connector.serviceUrl, text: `/meet ${DAY_BEFORE} 03:30 for 30m Early`, timezone: 'Europe/Berlin' }));
    expect(h.emulator.events()[0]?.resource.start).toEqual({ dateTime: `${DAY_BEFORE}T02:30:00.0000000`, timeZone: 'UTC' });
  });

  it('sends a zone Graph does not list in UTC, at the same instant', async () => {
    await h.post(teamsMessage({ serviceUrl: h.connector.serviceUrl, text: `/meet ${DAY_BEFORE} 09:00 Zurich sync`, timezone: 'Europe/Zurich' }));
    const body = eventRequests(h)[0]?.body as Json;
    expect(body.start).toEqual({ dateTime: `${DAY_BEFORE}T08:00:00`, timeZone: 'UTC' });
  });

  it('books one event for a redelivered activity, also while the first is still in flight', async () => {
    h.emulator.setLatency(300);
    const { message, conversationId } = groupMessage(h, `/meet ${DAY_BEFORE} 10:00 Retro`, [MEGAN]);
    const answers = await Promise.all([h.post(message), h.post(message)]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    await h.connector.waitFor(() => h.connector.messagesTo(conversationId).length > 0);
    await h.post(message);
    expect(h.emulator.events()).toHaveLength(1);
    expect(eventRequests(h)).toHaveLength(1);
    expect(h.connector.messagesTo(conversationId).filter((m) => (m.activity.attachments as unknown[] | undefined)?.length)).toHaveLength(1);
  });

  it('books the Start card’s date and time as an event in the clicker’s zone, once however often it is clicked', async () => {
    const click = () =>
      h.post(startMeetingInvoke({ serviceUrl: h.connector.serviceUrl, cardActivityId: 'card-cal-1', conversationId: 'a:1calendar-card', timezone: 'Asia/Tokyo', data: { cardId: 'c-cal-1', subject: 'Review', date: DAY_BEFORE, time: '09:30', duration: '30' } }));
    expect((await click()).status).toBe(200);
    expect((await click()).status).toBe(200);
    expect(eventRequests(h)).toHaveLength(1);
    expect(eventRequests(h)[0]?.body).toMatchObject({ subject: 'Review', start: { dateTime: `${DAY_BEFORE}T09:30:00`, timeZone: 'Asia/Tokyo' }, end: { dateTime: `${DAY_BEFORE}T10:00:00`, timeZone: 'Asia/Tokyo' } });
    expect(h.emulator.events()).toHaveLength(1);
  });

  it('starts a meeting without a time exactly as before: a standalone meeting, in no calendar', async () => {
    await h.post(teamsMessage({ serviceUrl: h.connector.serviceUrl, text: '/meet Standup' }));
    await h.post(teamsMessage({ serviceUrl: h.connector.serviceUrl, text: '/meet for 45m Standup' }));
    expect(eventRequests(h)).toHaveLength(0);
    expect(onlineRequests(h)).toHaveLength(2);
    expect(onlineRequests(h)[0]?.path).toBe(api === 'app' ? '/beta/app/onlineMeetings' : `/v1.0/users/${HEIDI.aadObjectId}/onlineMeetings/createOrGet`);
  });
});

describe('SCHEDULED_MEETINGS=online', () => {
  let h: Harness;
  useHarness((started) => (h = started), { env: { SCHEDULED_MEETINGS: 'online' } });

  it('keeps a /meet with a time a standalone meeting, as the seed page does', async () => {
    await h.post(teamsMessage({ serviceUrl: h.connector.serviceUrl, text: `/meet ${DAY_BEFORE} 09:00 Planning`, timezone: 'Europe/Berlin' }));
    expect(eventRequests(h)).toHaveLength(0);
    const body = onlineRequests(h)[0]?.body as Json;
    expect(body.startDateTime).toBe(new Date(`${DAY_BEFORE}T08:00:00Z`).toISOString());
    expect(h.emulator.events()).toHaveLength(0);
  });
});

describe('calendar meetings: permissions and dial-in', () => {
  const start = harnessesClosedAfterAll();

  it('without Calendars.ReadWrite tells an admin which permission to grant and how to limit mailboxes, in the sender’s language', async () => {
    const h = await start({ appRoles: ['OnlineMeetings.ReadWrite.All', 'User.Read.All'] });
    await h.post(teamsMessage({ serviceUrl: h.connector.serviceUrl, text: `/meet ${DAY_BEFORE} 09:00 Planning` }));
    expect(eventRequests(h)[0]?.status).toBe(403);
    expect(h.emulator.events()).toHaveLength(0);
    for (const words of ['**Calendars.ReadWrite**', 'Grant admin consent', 'RBAC for Applications', '`New-ApplicationAccessPolicy`', '`SCHEDULED_MEETINGS=online`']) expect(textOf(h)).toContain(words);
    expect(h.logs.lines.find((line) => line.outcome === 'graph_calendar_access_denied')).toMatchObject({ requestId: expect.stringMatching(/\S/) });

    h.connector.reset();
    await h.post(teamsMessage({ serviceUrl: h.connector.serviceUrl, text: `/meet ${DAY_BEFORE} 09:00 Planung`, locale: 'de-DE' }));
    expect(textOf(h)).toContain('Anwendungsberechtigung **Calendars.ReadWrite**');

    // A meeting that starts now needs no calendar permission.
    h.connector.reset();
    await h.post(teamsMessage({ serviceUrl: h.connector.serviceUrl, text: '/meet Standup' }));
    expect(cardOf(h)).toContain('teams.microsoft.com/l/meetup-join');
  });

  it('tells an organizer without a mailbox why the meeting is in no calendar, and books nothing', async () => {
    const h = await start({ emulator: { users: [{ id: HEIDI.aadObjectId, tenantId: TENANT, displayName: HEIDI.name, userPrincipalName: 'heidi@contoso.example', guest: true }] } });
    await h.post(teamsMessage({ serviceUrl: h.connector.serviceUrl, text: `/meet ${DAY_BEFORE} 09:00 Planning`, locale: 'fr-FR' }));
    expect(eventRequests(h)[0]?.status).toBe(404);
    expect(h.emulator.events()).toHaveLength(0);
    expect(textOf(h)).toContain('aucune boîte aux lettres Outlook');
    expect(textOf(h)).toContain('`SCHEDULED_MEETINGS=online`');
  });

  it('looks the dial-in up by the join URL when the event’s answer has none', async () => {
    const h = await start({ emulator: { eventJoinInfo: 'joinUrl' } });
    await h.post(teamsMessage({ serviceUrl: h.connector.serviceUrl, text: `/meet ${DAY_BEFORE} 09:00 Planning` }));
    const lookup = h.emulator.graphRequests.find((r) => r.method === 'GET');
    expect(lookup?.path).toBe(`/v1.0/users/${HEIDI.aadObjectId}/onlineMeetings`);
    expect(lookup?.status).toBe(200);
    const [meeting] = h.emulator.meetings();
    if (meeting?.api !== 'v1.0') throw new Error('the event holds no v1.0 online meeting');
    const card = cardOf(h);
    expect(card).toContain(String(meeting.resource.audioConferencing?.conferenceId));
    expect(card).toContain(meeting.resource.joinMeetingIdSettings.passcode);
  });

  it('reads the event again when its answer has no Teams meeting yet, and answers with its join link', async () => {
    const h = await start({ emulator: { eventJoinInfo: 'later' } });
    await h.post(teamsMessage({ serviceUrl: h.connector.serviceUrl, text: `/meet ${DAY_BEFORE} 09:00 Planning` }));
    const [event] = h.emulator.events();
    const read = h.emulator.graphRequests.find((r) => r.method === 'GET');
    expect(read?.path).toBe(`/v1.0/users/${HEIDI.aadObjectId}/events/${encodeURIComponent(String(event?.id))}`);
    expect(read?.status).toBe(200);
    const online = event?.resource.onlineMeeting as Json;
    const card = cardOf(h);
    expect(card).toContain(JSON.stringify(String(online.joinUrl)));
    expect(card).toContain(String(online.conferenceId));
  });

  it('says the meeting is in the calendar, not to send it again, when Graph never gives its event a Teams meeting', async () => {
    const h = await start({ emulator: { eventJoinInfo: 'never' } });
    await h.post(teamsMessage({ serviceUrl: h.connector.serviceUrl, text: `/meet ${DAY_BEFORE} 09:00 Planning` }));
    expect(h.emulator.events()).toHaveLength(1);
    expect(h.emulator.graphRequests.filter((r) => r.method === 'GET')).toHaveLength(1);
    expect(textOf(h)).toContain('Your meeting is in your calendar and the invitations are sent');
    expect(textOf(h)).toContain('sending the request again would book a second meeting');
    expect(textOf(h)).not.toContain('Please try again');
    expect(h.logs.lines.find((line) => line.outcome === 'graph_event_without_meeting')).toMatchObject({ requestId: expect.stringMatching(/\S/) });

    h.connector.reset();
    await h.post(teamsMessage({ serviceUrl: h.connector.serviceUrl, text: `/meet ${DAY_BEFORE} 10:00 Planung`, locale: 'de-DE' }));
    expect(textOf(h)).toContain('Ihre Besprechung steht in Ihrem Kalender');
  });

  it('answers with the join link and without the dial-in when the look-up is refused, and logs why', async () => {
    const h = await start({
      emulator: { eventJoinInfo: 'joinUrl', users: [{ id: HEIDI.aadObjectId, tenantId: TENANT, displayName: HEIDI.name, userPrincipalName: 'heidi@contoso.example', accessPolicy: false }] },
    });
    await h.post(teamsMessage({ serviceUrl: h.connector.serviceUrl, text: `/meet ${DAY_BEFORE} 09:00 Planning` }));
    expect(h.emulator.graphRequests.find((r) => r.method === 'GET')?.status).toBe(403);
    const online = h.emulator.events()[0]?.resource.onlineMeeting as Json;
    expect(cardOf(h)).toContain(JSON.stringify(String(online.joinUrl)));
    expect(h.logs.lines.find((line) => line.msg.startsWith('dial-in of the calendar meeting not found'))).toMatchObject({ level: 40, code: 'graph_access_policy' });
  });
});
