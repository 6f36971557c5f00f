import { Emulator } from '../../src/emulator';
import { CalendarMeetingsApi } from '../../src/graph/calendar-meetings-api';
import { GraphClient } from '../../src/graph/graph-client';
import { GraphMeetingCanceller } from '../../src/graph/meeting-canceller';
import { UsersMeetingsApi } from '../../src/graph/meetings-api';
import { UndiciHttpClient } from '../../src/http/http-client';
import type { CreateMeetingInput, Organizer } from '../../src/meetings/meeting';

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const APP = { clientId: '0bd2fa4a-6b2f-4d34-a3a1-7d6b0f0b1c21', clientSecret: 'canceller-secret' };
const NO_CALENDAR_APP = { clientId: '0bd2fa4a-6b2f-4d34-a3a1-7d6b0f0b1c22', clientSecret: 'x', roles: ['OnlineMeetings.ReadWrite.All'] };
const HEIDI: Organizer = { objectId: '550fae72-d251-43ec-868c-373732c2704f', tenantId: TENANT, displayName: 'Heidi Steen' };

describe('calling meetings off through Graph (against the emulator)', () => {
  let emulator: Emulator;
  let http: UndiciHttpClient;
  const graphFor = (clientId: string) =>
    new GraphClient({ baseUrl: emulator.graphBaseUrl, http, tokens: { getToken: (tenantId) => emulator.mintAccessToken({ tenantId, clientId }) } });
  const scheduled = (externalId: string): CreateMeetingInput => ({
    organizer: HEIDI,
    subject: 'Design review',
    externalId,
    schedule: { start: new Date(Date.now() + 86_400_000), end: new Date(Date.now() + 90_000_000), timeZone: 'Europe/Berlin' },
  });

  beforeAll(async () => {
    emulator = await Emulator.start({
      tenants: [TENANT],
      users: [{ id: HEIDI.objectId, tenantId: TENANT, displayName: 'Heidi Steen', userPrincipalName: 'heidi@contoso.example' }],
      apps: [APP, NO_CALENDAR_APP],
    });
    http = new UndiciHttpClient({ caPem: emulator.caPem });
  });
  afterAll(async () => {
    await http.close();
    await emulator.close();
  });
  beforeEach(() => emulator.reset());

  it('cancels the organizer’s event with a comment for the attendees; a second cancel is Graph’s 404', async () => {
    const graph = graphFor(APP.clientId);
    const meeting = await new CalendarMeetingsApi(graph, new UsersMeetingsApi(graph), () => undefined).createMeeting(scheduled('tx-cancel'));
    expect(meeting.eventId).toBeDefined();
    const canceller = new GraphMeetingCanceller(graph);
    await canceller.cancelEvent(HEIDI, meeting.eventId as string, 'Cancelled by Heidi Steen');
    const request = emulator.graphRequests.at(-1);
    expect(request).toMatchObject({ method: 'POST', status: 202, body: { Comment: 'Cancelled by Heidi Steen' } });
    expect(request?.path).toBe(`/v1.0/users/${HEIDI.objectId}/events/${encodeURIComponent(meeting.eventId as string)}/cancel`);
    expect(emulator.events()).toHaveLength(0);
    await expect(canceller.cancelEvent(HEIDI, meeting.eventId as string, 'again')).rejects.toMatchObject({ status: 404, graphCode: 'ErrorItemNotFound' });
  });

  it('names the missing calendar permission when Graph refuses the cancel', async () => {
    const meeting = await new CalendarMeetingsApi(graphFor(APP.clientId), new UsersMeetingsApi(graphFor(APP.clientId)), () => undefined).createMeeting(scheduled('tx-denied'));
    await expect(new GraphMeetingCanceller(graphFor(NO_CALENDAR_APP.clientId)).cancelEvent(HEIDI, meeting.eventId as string, 'x')).rejects.toMatchObject({
      code: 'graph_calendar_access_denied',
      status: 403,
    });
    expect(emulator.events()).toHaveLength(1);
  });

  it('deletes a standalone meeting (204); deleting it again is Graph’s 404', async () => {
    const graph = graphFor(APP.clientId);
    const meeting = await new UsersMeetingsApi(graph).createMeeting({ organizer: HEIDI, subject: 'Standup', externalId: 'ext-delete' });
    const canceller = new GraphMeetingCanceller(graph);
    await canceller.deleteOnlineMeeting(HEIDI, meeting.id);
    expect(emulator.graphRequests.at(-1)).toMatchObject({ method: 'DELETE', status: 204 });
    expect(emulator.meetings()).toHaveLength(0);
    await expect(canceller.deleteOnlineMeeting(HEIDI, meeting.id)).rejects.toMatchObject({ status: 404 });
  });
});
