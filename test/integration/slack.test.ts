import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MeetNowError } from '../../src/errors';
import { startMeetNow } from '../../src/index';
import { startHarness, type Harness } from '../support/harness';
import { slackMessage, SLACK_BOT_USER } from '../support/slack-activity';
import { HEIDI, TENANT } from '../support/teams-activity';

type Json = Record<string, unknown>;

const ANN_OID = randomUUID();
const OTHER_TENANT = randomUUID();

function writeMap(path: string, map: unknown): void {
  writeFileSync(path, JSON.stringify(map, null, 2));
}

describe('Slack through Azure Bot Service', () => {
  let h: Harness;
  let mapPath: string;

  beforeAll(async () => {
    mapPath = join(mkdtempSync(join(tmpdir(), 'meetnow-idmap-')), 'identity-map.json');
    writeMap(mapPath, {
      'U0ANN:T0XYZ789': { aadObjectId: ANN_OID, tenantId: TENANT },
      'U0HEIDI:T0XYZ789': { userPrincipalName: 'heidi@contoso.example', tenantId: TENANT },
      'U0BOB:T0XYZ789': { userPrincipalName: 'nobody@contoso.example', tenantId: TENANT },
      'U0EVE:T0XYZ789': { aadObjectId: randomUUID(), tenantId: OTHER_TENANT },
      'U0MALLORY:T0XYZ789': { userPrincipalName: 'mallory@fabrikam.example', tenantId: OTHER_TENANT },
    });
    h = await startHarness({ env: { IDENTITY_MAP_PATH: mapPath, ALLOWED_TENANTS: TENANT } });
    h.emulator.addUser({ id: ANN_OID, tenantId: TENANT, displayName: 'Ann Slack', userPrincipalName: 'ann@contoso.example' });
  });
  afterAll(async () => h.close());
  beforeEach(() => {
    h.connector.reset();
    h.emulator.reset();
  });

  const reply = (): Json => h.connector.messages[0]?.activity ?? {};

  function expectMeetingReply(organizerId: string): void {
    const meetings = h.emulator.meetings();
    expect(meetings).toHaveLength(1);
    expect(meetings[0]?.organizerId).toBe(organizerId);
    const joinUrl = (meetings[0]?.resource as unknown as Json).joinWebUrl as string;
    const activity = reply();
    expect(activity.text).toContain(joinUrl);
    expect(activity.text).toContain(`<${joinUrl}|Join the meeting>`);
    const [attachment] = activity.attachments as Array<{ contentType: string; content: Json }>;
    expect(attachment?.contentType).toBe('application/vnd.microsoft.card.hero');
    expect(attachment?.content.buttons).toEqual([{ type: 'openUrl', title: 'Join meeting', value: joinUrl }]);
    // Nothing in a Slack reply depends on an invoke.
    expect(JSON.stringify(activity)).not.toContain('Action.Execute');
  }

  it('a mapped user typing /meet gets a meeting with the mapped organizer and the join URL in the text', async () => {
    expect((await h.post(slackMessage({ serviceUrl: h.connector.serviceUrl, userId: 'U0ANN', text: '/meet Quarterly numbers' }))).status).toBe(200);
    expectMeetingReply(ANN_OID);
    expect(h.emulator.graphRequests[0]?.path).toBe(`/v1.0/users/${ANN_OID}/onlineMeetings/createOrGet`);
    expect((h.emulator.graphRequests[0]?.body as Json).subject).toBe('Quarterly numbers');
    const text = reply().text as string;
    expect(text).toContain('Quarterly numbers');
    expect(text).toMatch(/Join by phone: Toll <tel:\+?\d+\|/);
  });

  it('an @mention followed by the command works', async () => {
    await h.post(slackMessage({ serviceUrl: h.connector.serviceUrl, userId: 'U0ANN', text: '<@U0MEETNOW> /meet Design review' }));
    expectMeetingReply(ANN_OID);
    expect((h.emulator.graphRequests[0]?.body as Json).subject).toBe('Design review');
  });

  it.each([
    ['/meet', 'Budget'],
    ['/meetnow', 'Budget'],
  ])('the slash command %s, as Slack posts its fields (assumed in channelData.SlackMessage: Azure Bot Service documents no command URL), is parsed to the same command', async (command, text) => {
    await h.post(slackMessage({ serviceUrl: h.connector.serviceUrl, userId: 'U0ANN', slashCommand: { command, text } }));
    expectMeetingReply(ANN_OID);
    expect((h.emulator.graphRequests[0]?.body as Json).subject).toBe('Budget');
  });

  it('a legacy button click (interactive_message in channelData.Payload) carrying /meet starts the meeting', async () => {
    await h.post(slackMessage({ serviceUrl: h.connector.serviceUrl, userId: 'U0ANN', buttonValue: '/meet Standup' }));
    expectMeetingReply(ANN_OID);
  });

  it('/meet alone offers a Slack button that sends /meet with a default subject', async () => {
    await h.post(slackMessage({ serviceUrl: h.connector.serviceUrl, userId: 'U0ANN', userName: 'ann', text: '/meet' }));
    const [attachment] = reply().attachments as Array<{ contentType: string; content: Json }>;
    expect(attachment?.contentType).toBe('application/vnd.microsoft.card.hero');
    expect(attachment?.content.buttons).toEqual([{ type: 'imBack', title: 'Start meeting now', value: "/meet ann's meeting" }]);
    expect(h.emulator.graphRequests).toHaveLength(0);
  });

  it('shows hostile subjects literally in Slack text', async () => {
    await h.post(slackMessage({ serviceUrl: h.connector.serviceUrl, userId: 'U0ANN', text: '/meet <https://evil.example|click> & <!channel>' }));
    const text = reply().text as string;
    expect(text).toContain('&lt;https://evil.example|click&gt; &amp; &lt;!channel&gt;');
    expect(text).not.toContain('<!channel>');
    expect((h.emulator.graphRequests[0]?.body as Json).subject).toBe('<https://evil.example|click> & <!channel>');
  });

  it('an unmapped user gets an explanation naming their id, and causes no token or Graph call', async () => {
    const tokens = h.emulator.counts.token;
    await h.post(slackMessage({ serviceUrl: h.connector.serviceUrl, userId: 'U0STRANGER', text: '/meet Hello' }));
    const text = reply().text as string;
    expect(text).toContain('identity map');
    expect(text).toContain('U0STRANGER:T0XYZ789');
    expect(h.emulator.graphRequests).toHaveLength(0);
    expect(h.emulator.counts.token).toBe(tokens);
  });

  it('a UPN entry is resolved once through Graph and cached', async () => {
    await h.post(slackMessage({ serviceUrl: h.connector.serviceUrl, userId: 'U0HEIDI', text: '/meet One' }));
    await h.post(slackMessage({ serviceUrl: h.connector.serviceUrl, userId: 'U0HEIDI', text: '/meet Two' }));
    const paths = h.emulator.graphRequests.map((request) => `${request.method} ${request.path}`);
    expect(paths).toEqual([
      'GET /v1.0/users/heidi%40contoso.example',
      `POST /v1.0/users/${HEIDI.aadObjectId}/onlineMeetings/createOrGet`,
      `POST /v1.0/users/${HEIDI.aadObjectId}/onlineMeetings/createOrGet`,
    ]);
    expect(h.emulator.meetings().map((meeting) => meeting.organizerId)).toEqual([HEIDI.aadObjectId, HEIDI.aadObjectId]);
  });

  it('a UPN Entra does not know gets an explanation and creates nothing', async () => {
    await h.post(slackMessage({ serviceUrl: h.connector.serviceUrl, userId: 'U0BOB', text: '/meet x' }));
    expect(reply().text).toContain('identity map');
    expect(h.emulator.meetings()).toHaveLength(0);
  });

  it.each(['U0EVE', 'U0MALLORY'])('ALLOWED_TENANTS applies to mapped users too (%s), before any token or user lookup', async (userId) => {
    await h.post(slackMessage({ serviceUrl: h.connector.serviceUrl, userId, text: '/meet x' }));
    expect(reply().text).toContain("isn't enabled for your organization");
    expect(h.emulator.graphRequests).toHaveLength(0);
    expect(h.emulator.counts.token).toBe(0);
  });

  it('help reads well in Slack (single-asterisk bold), with examples typed without the slash Slack keeps for its own commands', async () => {
    await h.post(slackMessage({ serviceUrl: h.connector.serviceUrl, userId: 'U0ANN', text: 'help' }));
    const text = reply().text as string;
    expect(text).toContain('*MeetNow*');
    expect(text).not.toContain('**');
    expect(text).toContain('`meet Quarterly numbers`');
    expect(text).not.toContain('`/meet');
  });

  it('a direct message typed as the help shows it (meet <subject>, a message event) starts the meeting', async () => {
    await h.post(slackMessage({ serviceUrl: h.connector.serviceUrl, userId: 'U0ANN', text: 'meet Quarterly numbers' }));
    expectMeetingReply(ANN_OID);
    expect((h.emulator.graphRequests[0]?.body as Json).subject).toBe('Quarterly numbers');
  });

  it('a mention in a channel (an app_mention event) starts the meeting', async () => {
    await h.post(slackMessage({ serviceUrl: h.connector.serviceUrl, userId: 'U0ANN', eventType: 'app_mention', text: `<@${SLACK_BOT_USER}> meet Design review` }));
    expectMeetingReply(ANN_OID);
    expect((h.emulator.graphRequests[0]?.body as Json).subject).toBe('Design review');
  });

  it.each(['SlackMessage', 'Payload'] as const)('a Block Kit button click (block_actions in channelData.%s) starts the meeting its value names', async (where) => {
    await h.post(slackMessage({ serviceUrl: h.connector.serviceUrl, userId: 'U0ANN', blockAction: { value: '/meet Standup', in: where } }));
    expectMeetingReply(ANN_OID);
    expect((h.emulator.graphRequests[0]?.body as Json).subject).toBe('Standup');
  });

  it('reloads the map when the file changes, and keeps the old one when the new one is invalid', async () => {
    const newcomer = randomUUID();
    h.emulator.addUser({ id: newcomer, tenantId: TENANT, displayName: 'New', userPrincipalName: 'new@contoso.example' });
    writeMap(mapPath, { 'U0ANN:T0XYZ789': { aadObjectId: ANN_OID, tenantId: TENANT }, 'U0NEW:T0XYZ789': { aadObjectId: newcomer, tenantId: TENANT } });
    const deadline = Date.now() + 5_000;
    while (!h.logs.lines.some((line) => line.msg === 'identity map reloaded') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    await h.post(slackMessage({ serviceUrl: h.connector.serviceUrl, userId: 'U0NEW', text: '/meet Fresh' }));
    expect(h.emulator.meetings()[0]?.organizerId).toBe(newcomer);

    writeFileSync(mapPath, '{ "U0NEW:T0XYZ789": { "aadObjectId": "not-a-guid" } }');
    const until = Date.now() + 5_000;
    while (!h.logs.lines.some((line) => line.msg?.includes('identity map changed but is invalid')) && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    h.connector.reset();
    await h.post(slackMessage({ serviceUrl: h.connector.serviceUrl, userId: 'U0NEW', text: '/meet Still mapped' }));
    expect(h.emulator.meetings()).toHaveLength(2);
  });
});

describe('identity map validation at start-up', () => {
  it('refuses a bad map with a message naming the bad entry', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'meetnow-badmap-')), 'map.json');
    writeMap(path, { 'U1:T1': { aadObjectId: randomUUID(), tenantId: TENANT }, 'U2:T1': { aadObjectId: 'nope', tenantId: TENANT } });
    const start = startMeetNow({ PORT: '0', IDENTITY_MAP_PATH: path, LOG_LEVEL: 'silent' });
    await expect(start).rejects.toThrow(MeetNowError);
    await expect(start).rejects.toThrow(/entry "U2:T1"/);
  });
});
