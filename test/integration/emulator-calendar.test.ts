import { Agent, request } from 'undici';
import { Emulator } from '../../src/emulator';

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const APP = { clientId: '0bd2fa4a-6b2f-4d34-a3a1-7d6b0f0b1c11', clientSecret: 'calendar-app-secret' };
const NO_CALENDAR_APP = { clientId: '0bd2fa4a-6b2f-4d34-a3a1-7d6b0f0b1c12', clientSecret: 'x', roles: ['OnlineMeetings.ReadWrite.All', 'User.Read.All'] };
const HEIDI = { id: '550fae72-d251-43ec-868c-373732c2704f', tenantId: TENANT, displayName: 'Heidi Steen', userPrincipalName: 'heidi@contoso.com' };
const NO_AUDIO = { id: '550fae72-d251-43ec-868c-373732c27051', tenantId: TENANT, displayName: 'No Audio', userPrincipalName: 'na@contoso.com', audioConferencing: false };

type Json = Record<string, unknown>;

const EVENT = {
  subject: 'Design review',
  start: { dateTime: '2027-03-28T03:30:00', timeZone: 'Europe/Berlin' },
  end: { dateTime: '2027-03-28T04:15:00', timeZone: 'Europe/Berlin' },
  isOnlineMeeting: true,
  onlineMeetingProvider: 'teamsForBusiness',
  attendees: [{ emailAddress: { address: 'megan@contoso.com' }, type: 'required' }],
  transactionId: 'meetnow-tx-1',
};

describe('emulator: calendar events, their cancellation, deleting online meetings', () => {
  let emulator: Emulator;
  let agent: Agent;
  let token: string;

  const call = async (method: string, path: string, body?: unknown, bearer = token): Promise<{ status: number; json: () => Json; text: string }> => {
    const res = await request(`${emulator.graphBaseUrl}${path}`, {
      method: method as 'GET',
      headers: { authorization: `Bearer ${bearer}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      dispatcher: agent,
    });
    const text = await res.body.text();
    return { status: res.statusCode, text, json: () => JSON.parse(text) as Json };
  };
  const create = (body: unknown = EVENT, user = HEIDI.id) => call('POST', `/v1.0/users/${user}/events`, body);

  beforeAll(async () => {
    emulator = await Emulator.start({ tenants: [TENANT], users: [HEIDI, NO_AUDIO], apps: [APP, NO_CALENDAR_APP] });
    agent = new Agent({ connect: { ca: emulator.caPem } });
    token = await emulator.mintAccessToken({ tenantId: TENANT, clientId: APP.clientId });
  });
  afterAll(async () => {
    await agent.close();
    await emulator.close();
  });
  beforeEach(() => emulator.reset());

  it('creates a Teams meeting in the organizer’s calendar, in UTC across the daylight-saving change, with its join and dial-in details', async () => {
    const answer = await create();
    expect(answer.status).toBe(201);
    const event = answer.json();
    // 03:30 in Berlin on 2027-03-28 is summer time (UTC+2): 01:30 UTC.
    expect(event.start).toEqual({ dateTime: '2027-03-28T01:30:00.0000000', timeZone: 'UTC' });
    expect(event.end).toEqual({ dateTime: '2027-03-28T02:15:00.0000000', timeZone: 'UTC' });
    expect(event).toMatchObject({ subject: 'Design review', isOnlineMeeting: true, onlineMeetingProvider: 'teamsForBusiness', transactionId: 'meetnow-tx-1', originalStartTimeZone: 'Europe/Berlin' });
    expect(event.attendees).toEqual([expect.objectContaining({ type: 'required', emailAddress: expect.objectContaining({ address: 'megan@contoso.com' }) })]);
    const online = event.onlineMeeting as Json;
    expect(online.joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/meetup-join\//);
    expect(online).toMatchObject({ conferenceId: expect.stringMatching(/^\d+$/), tollNumber: expect.any(String), tollFreeNumbers: [expect.any(String)] });
    // The meeting behind it is found by its join URL, the documented look-up.
    const found = await call('GET', `/v1.0/users/${HEIDI.id}/onlineMeetings?$filter=${encodeURIComponent(`JoinWebUrl eq '${String(online.joinUrl)}'`)}`);
    expect(found.status).toBe(200);
    expect((found.json().value as Json[])[0]).toMatchObject({ joinWebUrl: online.joinUrl, audioConferencing: { conferenceId: online.conferenceId } });
  });

  it('reads an event back, with only the id and the $select-ed properties when asked; `later` leaves it out of the create’s answer', async () => {
    const id = String((await create()).json().id);
    const path = `/v1.0/users/${HEIDI.id}/events/${encodeURIComponent(id)}`;
    expect((await call('GET', path)).json()).toMatchObject({ id, subject: 'Design review', isOnlineMeeting: true });
    const selected = (await call('GET', `${path}?$select=onlineMeeting`)).json();
    expect(Object.keys(selected).filter((name) => !name.startsWith('@'))).toEqual(['id', 'onlineMeeting']);
    expect((await call('GET', `/v1.0/users/${HEIDI.id}/events/AAMkAnothing`)).status).toBe(404);

    const later = await Emulator.start({ tenants: [TENANT], users: [HEIDI], apps: [APP], eventJoinInfo: 'later' });
    const laterAgent = new Agent({ connect: { ca: later.caPem } });
    try {
      const bearer = await later.mintAccessToken({ tenantId: TENANT, clientId: APP.clientId });
      const answer = await request(`${later.graphBaseUrl}/v1.0/users/${HEIDI.id}/events`, {
        method: 'POST',
        headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
        body: JSON.stringify(EVENT),
        dispatcher: laterAgent,
      });
      const created = (await answer.body.json()) as Json;
      expect(created.onlineMeeting).toBeNull();
      expect((later.events()[0]?.resource.onlineMeeting as Json).joinUrl).toMatch(/^https:/);
    } finally {
      await laterAgent.close();
      await later.close();
    }
  });

  it('answers a retried create with the same transactionId with the same event', async () => {
    const first = (await create()).json();
    const again = await create();
    expect(again.status).toBe(201);
    expect(again.json().id).toBe(first.id);
    expect(emulator.events()).toHaveLength(1);
    expect((await create({ ...EVENT, transactionId: 'meetnow-tx-2' })).json().id).not.toBe(first.id);
  });

  it('refuses what Graph refuses: unknown properties, bad zones, bad attendees, unknown mailboxes', async () => {
    expect((await create({ ...EVENT, startDateTime: '2027-03-28T01:30:00Z' })).json()).toMatchObject({ error: { code: 'RequestBodyRead' } });
    expect((await create({ ...EVENT, start: { dateTime: '2027-03-28T03:30:00', timeZone: 'Mars/Olympus' } })).json()).toMatchObject({ error: { code: 'TimeZoneNotSupportedException' } });
    expect((await create({ ...EVENT, start: '2027-03-28T03:30:00' })).status).toBe(400);
    expect((await create({ ...EVENT, attendees: [{ emailAddress: { address: 'not an address' }, type: 'required' }] })).status).toBe(400);
    expect((await create({ ...EVENT, attendees: [{ emailAddress: { address: 'a@b.c' }, type: 'boss' }] })).status).toBe(400);
    expect((await create({ ...EVENT, transactionId: 'cased', attendees: [{ emailAddress: { address: 'a@b.c' }, type: 'Required' }] })).json().attendees).toEqual([expect.objectContaining({ type: 'required' })]);
    expect((await create({ ...EVENT, onlineMeetingProvider: 'zoom' })).status).toBe(400);
    const unknown = await create(EVENT, '99999999-9999-4999-8999-999999999999');
    expect(unknown.status).toBe(404);
    expect(unknown.json()).toMatchObject({ error: { code: 'ErrorInvalidUser' } });
    expect(emulator.events()).toHaveLength(1);
  });

  it('answers 403 ErrorAccessDenied to a token without Calendars.ReadWrite', async () => {
    const bare = await emulator.mintAccessToken({ tenantId: TENANT, clientId: NO_CALENDAR_APP.clientId });
    const answer = await call('POST', `/v1.0/users/${HEIDI.id}/events`, EVENT, bare);
    expect(answer.status).toBe(403);
    expect(answer.json()).toMatchObject({ error: { code: 'ErrorAccessDenied' } });
    expect(emulator.events()).toHaveLength(0);
  });

  it('has no dial-in on the event of an organizer without Audio Conferencing', async () => {
    const online = (await create(EVENT, NO_AUDIO.id)).json().onlineMeeting as Json;
    expect(online).toMatchObject({ joinUrl: expect.any(String), conferenceId: null, tollNumber: null, tollFreeNumbers: [] });
  });

  it('cancels an event once: 202, then it is gone and a second cancel is 404 ErrorItemNotFound', async () => {
    const id = String((await create()).json().id);
    const cancelled = await call('POST', `/v1.0/users/${HEIDI.id}/events/${encodeURIComponent(id)}/cancel`, { Comment: 'Called off' });
    expect(cancelled.status).toBe(202);
    expect(cancelled.text).toBe('');
    expect(emulator.events()).toHaveLength(0);
    const twice = await call('POST', `/v1.0/users/${HEIDI.id}/events/${encodeURIComponent(id)}/cancel`, { Comment: 'Again' });
    expect(twice.status).toBe(404);
    expect(twice.json()).toMatchObject({ error: { code: 'ErrorItemNotFound' } });
    expect((await call('POST', `/v1.0/users/${NO_AUDIO.id}/events/AAMkAnothing/cancel`, {})).status).toBe(404);
    expect((await call('POST', `/v1.0/users/${HEIDI.id}/events/${encodeURIComponent(id)}/cancel`)).status).toBe(400);
  });

  it('deletes an online meeting: 204, then it is gone (404)', async () => {
    const meeting = (await call('POST', `/v1.0/users/${HEIDI.id}/onlineMeetings`, { subject: 'Standup' })).json();
    const path = `/v1.0/users/${HEIDI.id}/onlineMeetings/${encodeURIComponent(String(meeting.id))}`;
    const deleted = await call('DELETE', path);
    expect(deleted.status).toBe(204);
    expect((await call('GET', path)).status).toBe(404);
    expect((await call('DELETE', path)).status).toBe(404);
    expect(emulator.meetings()).toHaveLength(0);
  });
});
