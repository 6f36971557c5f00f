import { randomUUID } from 'node:crypto';
import { startMeetingInvoke, startMeetingSubmit } from '../support/card-actions';
import { startHarness, type Harness } from '../support/harness';
import { HEIDI, TENANT, teamsMessage } from '../support/teams-activity';

const MALLORY = { id: '29:1mallory', name: 'Mallory', aadObjectId: randomUUID() };
const OTHER_TENANT = randomUUID();
const REFUSAL = "Sorry, MeetNow isn't enabled for your organization. If you need it, please ask your Teams admin.";

describe('ALLOWED_TENANTS', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ env: { ALLOWED_TENANTS: ` ${TENANT.toUpperCase()} , ${randomUUID()}` } });
    h.emulator.addTenant(OTHER_TENANT);
  });
  afterAll(async () => h.close());
  beforeEach(() => {
    h.connector.reset();
    h.emulator.reset();
  });

  const stranger = { id: '29:1stranger', name: 'Stranger', aadObjectId: randomUUID() };

  it.each([
    ['a /meet message', () => teamsMessage({ serviceUrl: h.connector.serviceUrl, text: '/meet Outsiders', from: stranger, tenantId: OTHER_TENANT })],
    ['a Start meeting click (Action.Execute)', () => startMeetingInvoke({ serviceUrl: h.connector.serviceUrl, cardActivityId: 'c1', from: stranger, tenantId: OTHER_TENANT })],
    ['a Start meeting click (Action.Submit)', () => startMeetingSubmit({ serviceUrl: h.connector.serviceUrl, cardActivityId: 'c2', from: stranger, tenantId: OTHER_TENANT })],
  ])('%s from another tenant gets a polite refusal, no token request and no Graph call', async (_name, build) => {
    const tokensBefore = h.emulator.counts.token;
    const response = await h.post(build());
    expect(response.status).toBe(200);
    const said = response.body.includes(REFUSAL) ? REFUSAL : h.connector.messages[0]?.activity.text;
    expect(said).toBe(REFUSAL);
    expect(h.emulator.counts.token).toBe(tokensBefore);
    expect(h.emulator.graphRequests).toHaveLength(0);
    expect(h.logs.lines.some((line) => line.outcome === 'tenant_not_allowed' && line.level === 40)).toBe(true);
  });

  it('the tenant comes from the conversation, not from channelData that says otherwise', async () => {
    const activity = teamsMessage({ serviceUrl: h.connector.serviceUrl, text: '/meet Smuggled', from: stranger, tenantId: OTHER_TENANT });
    activity.channelData = { tenant: { id: TENANT } };
    await h.post(activity);
    expect(h.connector.messages[0]?.activity.text).toBe(REFUSAL);
    expect(h.emulator.graphRequests).toHaveLength(0);
  });

  it('an allowed tenant (listed in another case, with spaces) is served', async () => {
    await h.post(teamsMessage({ serviceUrl: h.connector.serviceUrl, text: '/meet Insiders' }));
    expect(Array.isArray(h.connector.messages[0]?.activity.attachments)).toBe(true);
  });
});

describe.each(['users', 'app'] as const)('the organizer is always the authenticated sender (MEETINGS_API=%s)', (api) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ env: { MEETINGS_API: api } });
    h.emulator.addUser({ id: MALLORY.aadObjectId, tenantId: TENANT, displayName: MALLORY.name, userPrincipalName: 'mallory@contoso.example' });
  });
  afterAll(async () => h.close());
  beforeEach(() => {
    h.connector.reset();
    h.emulator.reset();
  });

  /** The organizer Graph was asked to create each meeting for. */
  const organizers = () =>
    h.emulator.graphRequests
      .filter((request) => request.method === 'POST')
      .map((request) =>
        api === 'users'
          ? /\/users\/([^/]+)\/onlineMeetings/.exec(request.path)?.[1]
          : (request.body as { participants: { organizer: { identity: { user: { id: string } } } } }).participants.organizer.identity.user.id,
      );
  const spoofData = { organizer: MALLORY.aadObjectId, organizerId: MALLORY.aadObjectId, aadObjectId: MALLORY.aadObjectId, from: MALLORY, tenantId: randomUUID(), userId: MALLORY.aadObjectId };

  it.each([
    ['the message text', () => teamsMessage({ serviceUrl: h.connector.serviceUrl, text: `/meet Review organizer=${MALLORY.aadObjectId} as ${MALLORY.aadObjectId}` })],
    ['a leading mention of someone else', () => ({
      ...teamsMessage({ serviceUrl: h.connector.serviceUrl, kind: 'groupChat', text: `<at>${MALLORY.name}</at> /meet Review` }),
      entities: [{ type: 'mention', text: `<at>${MALLORY.name}</at>`, mentioned: { id: MALLORY.id, name: MALLORY.name, aadObjectId: MALLORY.aadObjectId } }],
    })],
    ['a mention in the subject', () => ({
      ...teamsMessage({ serviceUrl: h.connector.serviceUrl, kind: 'groupChat', text: `/meet Review with <at>${MALLORY.name}</at> as organizer` }),
      entities: [{ type: 'mention', text: `<at>${MALLORY.name}</at>`, mentioned: { id: MALLORY.id, name: MALLORY.name, aadObjectId: MALLORY.aadObjectId } }],
    })],
    ['card data (Action.Execute)', () => startMeetingInvoke({ serviceUrl: h.connector.serviceUrl, cardActivityId: `c-${randomUUID()}`, data: spoofData })],
    ['card data (Action.Submit)', () => startMeetingSubmit({ serviceUrl: h.connector.serviceUrl, cardActivityId: `c-${randomUUID()}`, data: spoofData })],
    ['channelData claiming another user', () => ({ ...teamsMessage({ serviceUrl: h.connector.serviceUrl, text: '/meet Review' }), channelData: { tenant: { id: TENANT }, from: MALLORY, organizer: MALLORY } })],
  ])('setting another organizer through %s fails: the sender organizes', async (_name, build) => {
    expect((await h.post(build())).status).toBe(200);
    expect(organizers()).toEqual([HEIDI.aadObjectId]);
    for (const request of h.emulator.graphRequests) {
      expect(request.path).not.toContain(MALLORY.aadObjectId);
      const organizerPart = JSON.stringify((request.body as { participants?: { organizer?: unknown } } | undefined)?.participants?.organizer ?? {});
      expect(organizerPart).not.toContain(MALLORY.aadObjectId);
    }
  });
});
