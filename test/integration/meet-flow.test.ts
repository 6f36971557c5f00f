import { randomUUID } from 'node:crypto';
import { useHarness, type Harness } from '../support/harness';
import { HEIDI, TENANT, teamsMessage } from '../support/teams-activity';
import type { ConnectorCall } from '../support/fake-connector';

type Json = Record<string, unknown>;

function cardOf(call: ConnectorCall | undefined): Json {
  const attachments = call?.activity.attachments as Array<{ contentType: string; content: Json }> | undefined;
  expect(attachments).toHaveLength(1);
  expect(attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
  return attachments?.[0]?.content as Json;
}

function joinAction(card: Json): Json | undefined {
  return (card.actions as Json[]).find((action) => action.title === 'Join meeting');
}

const cardText = (card: Json) => JSON.stringify(card);

describe.each(['users', 'app'] as const)('/meet end to end with MEETINGS_API=%s', (api) => {
  let h: Harness;
  useHarness((started) => (h = started), { env: { MEETINGS_API: api } });

  it('creates the meeting through Graph and answers the same conversation with the join card', async () => {
    const activity = teamsMessage({ serviceUrl: h.connector.serviceUrl, text: '/meet Quarterly numbers' });
    const response = await h.post(activity);
    expect(response.status).toBe(200);

    const graphCalls = h.emulator.graphRequests;
    expect(graphCalls).toHaveLength(1);
    const call = graphCalls[0];
    expect(call?.method).toBe('POST');
    expect(call?.headers.authorization).toMatch(/^Bearer ey/);
    if (api === 'app') {
      expect(call?.path).toBe('/beta/app/onlineMeetings');
      expect(call?.body).toEqual({
        meetingType: 'meetNow',
        participants: { organizer: { identity: { user: { id: HEIDI.aadObjectId } } } },
        subject: 'Quarterly numbers',
      });
    } else {
      expect(call?.path).toBe(`/v1.0/users/${HEIDI.aadObjectId}/onlineMeetings/createOrGet`);
      expect(call?.body).toEqual({ externalId: expect.stringMatching(/^meetnow-[\w-]{43}$/), subject: 'Quarterly numbers' });
    }

    const [meeting] = h.emulator.meetings();
    const resource = meeting?.resource as unknown as Json;
    const joinUrl = (api === 'app' ? resource.joinUrl : resource.joinWebUrl) as string;
    expect(joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/meetup-join\//);

    const replies = h.connector.messages;
    expect(replies).toHaveLength(1);
    expect(replies[0]?.conversationId).toBe((activity.conversation as Json).id);
    expect(replies[0]?.activityId).toBe(activity.id);
    const card = cardOf(replies[0]);
    expect(joinAction(card)).toMatchObject({ type: 'Action.OpenUrl', url: joinUrl });
    expect(cardText(card)).toContain('Quarterly numbers');
    expect(cardText(card)).toContain(HEIDI.name);

    const audio = resource.audioConferencing as Json;
    if (api === 'app') {
      for (const key of ['tollNumber', 'tollFreeNumber', 'participantPasscode', 'dialinUrl']) {
        expect(cardText(card)).toContain(JSON.stringify(audio[key]).slice(1, -1));
      }
    } else {
      for (const number of [...(audio.tollNumbers as string[]), ...(audio.tollFreeNumbers as string[])]) expect(cardText(card)).toContain(number);
      expect(cardText(card)).toContain(audio.conferenceId as string);
      const settings = resource.joinMeetingIdSettings as Json;
      expect(cardText(card)).toContain(settings.joinMeetingId as string);
      expect(cardText(card)).toContain(settings.passcode as string);
    }
  });

  it('replies in a channel thread with the conversation id unchanged and the bot mention removed', async () => {
    const activity = teamsMessage({ serviceUrl: h.connector.serviceUrl, kind: 'channel', text: '<at>MeetNow</at> /meet  Design   review ' });
    expect((await h.post(activity)).status).toBe(200);
    const conversationId = (activity.conversation as Json).id as string;
    expect(conversationId).toContain(';messageid=');
    const replies = h.connector.messagesTo(conversationId);
    expect(replies).toHaveLength(1);
    expect(cardText(cardOf(replies[0]))).toContain('Design review');
    expect((h.emulator.graphRequests[0]?.body as Json).subject).toBe('Design review');
  });

  it('says dial-in is not available when the organizer has no audio conferencing', async () => {
    const oid = randomUUID();
    h.emulator.addUser({ id: oid, tenantId: TENANT, displayName: 'No Audio', userPrincipalName: 'noaudio@contoso.example', audioConferencing: false });
    await h.post(teamsMessage({ serviceUrl: h.connector.serviceUrl, text: '/meet x', from: { id: '29:x', name: 'No Audio', aadObjectId: oid } }));
    expect(cardText(cardOf(h.connector.messages[0]))).toContain('Dial-in is not available for this meeting.');
  });

  it('creates one meeting when Teams delivers the same activity twice, even concurrently', async () => {
    const activity = teamsMessage({ serviceUrl: h.connector.serviceUrl, text: '/meet Once' });
    const [first, second] = await Promise.all([h.post(activity), h.post(activity)]);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect((await h.post(activity)).status).toBe(200);
    expect(h.emulator.meetings()).toHaveLength(1);
    expect(h.connector.messages.filter((call) => call.activity.attachments !== undefined)).toHaveLength(1);
  });

  it('retries a 429 honouring Retry-After and then delivers the meeting', async () => {
    h.emulator.injectFault({ target: 'graph', status: 429, retryAfter: 1 });
    const started = Date.now();
    await h.post(teamsMessage({ serviceUrl: h.connector.serviceUrl, text: '/meet Busy day' }));
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(h.emulator.graphRequests.map((request) => request.status)).toEqual([429, 201]);
    expect(joinAction(cardOf(h.connector.messages[0]))).toBeDefined();
  });

  it('tells the user Graph is busy after the retry budget, without a fifth attempt', async () => {
    h.emulator.injectFault({ target: 'graph', status: 503, retryAfter: 0, times: 10 });
    await h.post(teamsMessage({ serviceUrl: h.connector.serviceUrl, text: '/meet Busy' }));
    expect(h.emulator.graphRequests).toHaveLength(4);
    expect(h.connector.messages[0]?.activity.text).toMatch(/busy/i);
  });

  it('explains a missing application access policy with the two PowerShell commands, and logs the request-id', async () => {
    const oid = randomUUID();
    h.emulator.addUser({ id: oid, tenantId: TENANT, displayName: 'No Policy', userPrincipalName: 'np@contoso.example', accessPolicy: false });
    await h.post(teamsMessage({ serviceUrl: h.connector.serviceUrl, text: '/meet Blocked', from: { id: '29:np', name: 'No Policy', aadObjectId: oid } }));
    const text = h.connector.messages[0]?.activity.text as string;
    expect(text).toContain('application access policy');
    expect(text).toContain('New-CsApplicationAccessPolicy');
    expect(text).toContain('Grant-CsApplicationAccessPolicy');
    expect(text).toContain(h.clientId);
    const line = h.logs.lines.find((entry) => entry.outcome === 'graph_access_policy');
    expect(line).toMatchObject({ level: 40, status: 403, requestId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(text).toContain(line?.requestId as string);
  });

  it('explains an organizer Graph does not know (404)', async () => {
    const stranger = { id: '29:s', name: 'Stranger', aadObjectId: randomUUID() };
    await h.post(teamsMessage({ serviceUrl: h.connector.serviceUrl, text: '/meet Hi', from: stranger }));
    expect(h.connector.messages[0]?.activity.text).toMatch(/guest|licen/i);
    expect(h.emulator.meetings()).toHaveLength(0);
  });

  it('answers a message without an Entra identity clearly, with no token or Graph call', async () => {
    const tokensBefore = h.emulator.counts.token;
    await h.post(teamsMessage({ serviceUrl: h.connector.serviceUrl, text: '/meet x', from: { id: '29:anon', name: 'Anon' } }));
    await h.post(teamsMessage({ serviceUrl: h.connector.serviceUrl, text: '/meet x', tenantId: null }));
    const texts = h.connector.messages.map((call) => call.activity.text);
    expect(texts).toHaveLength(2);
    for (const text of texts) expect(text).toMatch(/Microsoft Entra ID/);
    expect(h.emulator.graphRequests).toHaveLength(0);
    expect(h.emulator.counts.token).toBe(tokensBefore);
  });
});

describe('conversation basics', () => {
  let h: Harness;
  useHarness((started) => (h = started));

  it('answers help with /meet examples and anything else with a short hint', async () => {
    await h.post(teamsMessage({ serviceUrl: h.connector.serviceUrl, text: 'help' }));
    await h.post(teamsMessage({ serviceUrl: h.connector.serviceUrl, text: 'what can you do?' }));
    const [help, hint] = h.connector.messages.map((call) => call.activity.text as string);
    expect(help).toContain('/meet Quarterly numbers');
    expect(hint).toContain('/meet');
    expect(hint?.length).toBeLessThan(200);
    expect(h.emulator.graphRequests).toHaveLength(0);
  });

  it('refuses a subject over 256 characters, stating the limit', async () => {
    await h.post(teamsMessage({ serviceUrl: h.connector.serviceUrl, text: `/meet ${'x'.repeat(300)}` }));
    expect(h.connector.messages[0]?.activity.text).toContain('256');
    expect(h.emulator.graphRequests).toHaveLength(0);
  });

  it('answers /meet alone with the Start meeting now card', async () => {
    await h.post(teamsMessage({ serviceUrl: h.connector.serviceUrl, text: '/meet' }));
    const card = cardOf(h.connector.messages[0]);
    expect(cardText(card)).toContain('"verb":"startMeeting"');
    expect(cardText(card)).toContain(`"value":"${HEIDI.name}'s meeting"`);
  });

  it('shares one token request among a burst of cold concurrent requests for a tenant', async () => {
    const tenant = randomUUID();
    h.emulator.addTenant(tenant);
    // 25 people, each within MEET_RATE_LIMIT.
    const users = Array.from({ length: 25 }, (_, i) => ({ id: `29:new${i}`, name: `New Tenant ${i}`, aadObjectId: randomUUID() }));
    for (const user of users) h.emulator.addUser({ id: user.aadObjectId, tenantId: tenant, displayName: user.name, userPrincipalName: `${user.id}@new.example` });
    const burst = users.map((from, i) => teamsMessage({ serviceUrl: h.connector.serviceUrl, text: `/meet Burst ${i}`, tenantId: tenant, from }));
    const statuses = await Promise.all(burst.map((activity) => h.post(activity).then((r) => r.status)));
    expect(statuses.every((status) => status === 200)).toBe(true);
    expect(h.emulator.tokenRequests).toHaveLength(1);
    expect(h.emulator.meetings()).toHaveLength(25);
    expect(h.connector.messages).toHaveLength(25);
  });
});
