import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useHarness, type Harness } from '../support/harness';
import { slackMessage } from '../support/slack-activity';
import { TENANT } from '../support/teams-activity';

type Json = Record<string, unknown>;

const ANN_OID = randomUUID();
const BEA_OID = randomUUID();
const UNVERIFIABLE = "I can't tell who you are on this channel";

function mapFile(map: unknown): string {
  const path = join(mkdtempSync(join(tmpdir(), 'meetnow-idmap-')), 'identity-map.json');
  writeFileSync(path, JSON.stringify(map));
  return path;
}

/**
 * The identity map turns a Slack sender into an Entra identity because Azure Bot Service's Slack channel,
 * not the client, sets `from.id`. A Web Chat or Direct Line client writes its own `from.id`: posing as a
 * mapped Slack user from there must make nobody an organizer.
 */
describe('the identity map applies only where the channel service sets from.id', () => {
  let h: Harness;
  useHarness(
    (harness) => {
      h = harness;
      h.emulator.addUser({ id: ANN_OID, tenantId: TENANT, displayName: 'Ann Slack', userPrincipalName: 'ann@contoso.example' });
      h.emulator.addUser({ id: BEA_OID, tenantId: TENANT, displayName: 'Bea Slack', userPrincipalName: 'bea@contoso.example' });
    },
    {
      env: {
        IDENTITY_MAP_PATH: mapFile({
          'U0ANN:T0XYZ789': { aadObjectId: ANN_OID, tenantId: TENANT },
          'slack:U0BEA:T0XYZ789': { aadObjectId: BEA_OID, tenantId: TENANT },
        }),
      },
    },
  );

  const replyText = (): string => String(h.connector.messages[0]?.activity.text ?? '');

  /** Ann's Slack activity, re-sent as another channel's client would write it. */
  const posingAs = (channelId: string, extra: Json = {}): Json => ({
    ...slackMessage({ serviceUrl: h.connector.serviceUrl, userId: 'U0ANN', userName: 'Ann Slack', text: '/meet Payroll review' }),
    channelId,
    channelData: {},
    ...extra,
  });

  it.each(['webchat', 'directline', 'emulator', 'directlinespeech', 'telegram', 'made-up-channel', ''])(
    'a %s client writing a mapped Slack from.id gets an explanation, no token and no Graph call',
    async (channelId) => {
      const tokens = h.emulator.counts.token;
      expect((await h.post(posingAs(channelId))).status).toBe(200);
      expect(replyText()).toContain(UNVERIFIABLE);
      expect(h.emulator.graphRequests).toHaveLength(0);
      expect(h.emulator.counts.token).toBe(tokens);
      expect(h.emulator.meetings()).toHaveLength(0);
      expect(h.logs.lines.some((line) => line.outcome === 'identity_unverifiable' && line.level === 40)).toBe(true);
    },
  );

  it('neither does the channel-qualified key, nor an aadObjectId the client adds, nor a Start card click', async () => {
    await h.post(posingAs('webchat', { from: { id: 'U0BEA:T0XYZ789', name: 'Bea', aadObjectId: BEA_OID }, conversation: { id: `wc-${randomUUID()}`, tenantId: TENANT } }));
    await h.post(posingAs('webchat', { from: { id: 'slack:U0BEA:T0XYZ789', name: 'Bea' } }));
    await h.post(posingAs('webchat', { text: '', replyToId: 'start-card', value: { action: 'startMeeting', cardId: 'card-1', subject: 'Posing' } }));
    expect(h.connector.messages.map((message) => String(message.activity.text))).toEqual([
      expect.stringContaining(UNVERIFIABLE),
      expect.stringContaining(UNVERIFIABLE),
      expect.stringContaining(UNVERIFIABLE),
    ]);
    expect(h.emulator.graphRequests).toHaveLength(0);
  });

  it('the same senders from Slack itself get their meetings (unprefixed and slack: keys)', async () => {
    await h.post(slackMessage({ serviceUrl: h.connector.serviceUrl, userId: 'U0ANN', text: '/meet From Slack' }));
    await h.post(slackMessage({ serviceUrl: h.connector.serviceUrl, userId: 'U0BEA', text: '/meet From Slack too' }));
    expect(h.emulator.meetings().map((meeting) => meeting.organizerId)).toEqual([ANN_OID, BEA_OID]);
  });

  it('Web Chat still answers help and usage: only organizing needs a vouched identity', async () => {
    await h.post(posingAs('webchat', { text: 'help' }));
    expect(replyText()).toContain('/meet');
    expect(replyText()).not.toContain(UNVERIFIABLE);
  });
});
