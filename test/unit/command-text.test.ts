import { capabilitiesOf } from '../../src/channels/capabilities';
import { escapeText } from '../../src/cards/text-reply';
import { commandText } from '../../src/commands/command-text';
import { parseCommand } from '../../src/commands/parse-command';
import { parseIdentityMap } from '../../src/identity/identity-map';
import { slackPayloads, SLACK_BOT_USER } from '../support/slack-activity';

const slack = (text: string, channelData: unknown = {}) => ({ channelId: 'slack', text, channelData });

describe('commandText', () => {
  it.each([
    [slack('/meet Plan'), { kind: 'meet', subject: 'Plan' }],
    [slack('<@U0BOT> /meet Plan'), { kind: 'meet', subject: 'Plan' }],
    [slack('<@U0BOT|meetnow>: /meet Plan'), { kind: 'meet', subject: 'Plan' }],
    [slack('@MeetNow /meet Plan'), { kind: 'meet', subject: 'Plan' }],
    [slack('', { SlackMessage: { command: '/meet', text: ' Plan ' } }), { kind: 'meet', subject: 'Plan' }],
    [slack('', { SlackMessage: { command: '/meetnow', text: 'help' } }), { kind: 'help' }],
    [slack('', { SlackMessage: { command: '/meetnow', text: '' } }), { kind: 'meet-form' }],
    [slack('', { SlackMessage: { command: '/weather', text: 'today' } }), { kind: 'unknown' }],
    [slack('ignored', { Payload: { actions: [{ value: '/meet Standup' }] } }), { kind: 'meet', subject: 'Standup' }],
    [slack('', { Payload: { actions: [{ value: 42 }] } }), { kind: 'unknown' }],
    [slack('hello', 'not an object'), { kind: 'unknown' }],
  ])('%j → %j', (activity, expected) => {
    expect(parseCommand(commandText(activity))).toEqual(expected);
  });

  describe('reads each payload as Slack documents it (src/commands/command-text.ts says which are verified)', () => {
    const who = { userId: 'U0ANN', userName: 'ann', channel: 'C0GENERAL', ts: '1700000000.000100' };
    const read = (text: string, channelData: Record<string, unknown>) => parseCommand(commandText({ channelId: 'slack', text, channelData: { ...channelData, ApiToken: 'xoxb-x' } }));

    it.each([
      ['a message event, typed without the slash', 'meet Plan', 'message'],
      ['an app_mention event in a channel', `<@${SLACK_BOT_USER}> meet Plan`, 'app_mention'],
      ['an app_mention event with the command after the mention', `<@${SLACK_BOT_USER}|meetnow>: /meet Plan`, 'app_mention'],
    ] as const)('the Events API envelope (event_callback): %s', (_name, text, type) => {
      const envelope = slackPayloads.event({ ...who, text, type });
      expect(read(text, { SlackMessage: envelope })).toEqual({ kind: 'meet', subject: 'Plan' });
      // The event's own text stands in when the activity has none.
      expect(read('', { SlackMessage: envelope })).toEqual({ kind: 'meet', subject: 'Plan' });
    });

    it('a legacy button click (interactive_message) in channelData.Payload', () => {
      expect(read('/meet Standup', { Payload: slackPayloads.interactiveMessage({ ...who, value: '/meet Standup' }) })).toEqual({ kind: 'meet', subject: 'Standup' });
    });

    it.each(['SlackMessage', 'Payload'])('a Block Kit button click (block_actions) in channelData.%s: its value, whatever the text', (where) => {
      expect(read('', { [where]: slackPayloads.blockActions({ ...who, value: '/meet Standup' }) })).toEqual({ kind: 'meet', subject: 'Standup' });
      expect(read('Start meeting now', { [where]: slackPayloads.blockActions({ ...who, value: '/meet Standup' }) })).toEqual({ kind: 'meet', subject: 'Standup' });
    });

    it.each([
      ['/meet', 'Budget', { kind: 'meet', subject: 'Budget' }],
      ['/meetnow', 'help', { kind: 'help' }],
      ['/meetnow', 'hilfe', { kind: 'help' }],
      ['/meet', '', { kind: 'meet-form' }],
    ])('a slash command\'s fields (%s %s)', (command, text, expected) => {
      expect(read('', { SlackMessage: slackPayloads.slashCommand({ ...who, command, text }) })).toEqual(expected);
    });
  });

  it('leaves other channels to the activity text', () => {
    expect(commandText({ channelId: 'msteams', text: '<at>Bot</at> /meet x', channelData: { SlackMessage: { command: '/meet', text: 'y' } } })).toBe('<at>Bot</at> /meet x');
    expect(commandText({ channelId: 'msteams' })).toBe('');
  });
});

describe('channel capabilities', () => {
  it('gives Teams cards, in-place updates and identity; Slack text and hero cards; unknown channels the safest', () => {
    expect(capabilitiesOf('msteams')).toMatchObject({ adaptiveCards: true, updatesMessages: true, senderIdentity: 'entra' });
    expect(capabilitiesOf('slack')).toMatchObject({ adaptiveCards: false, markup: 'slack', senderIdentity: 'channel-account' });
    expect(capabilitiesOf('webchat')).toMatchObject({ adaptiveCards: true, senderIdentity: 'client-chosen' });
    expect(capabilitiesOf('toString')).toMatchObject({ adaptiveCards: false, senderIdentity: 'client-chosen' });
    expect(capabilitiesOf(undefined).senderIdentity).toBe('client-chosen');
  });
});

describe('escapeText', () => {
  it('neutralizes Slack links and mentions, and markdown elsewhere', () => {
    expect(escapeText('<!here> <https://x|y> & co', 'slack')).toBe('&lt;!here&gt; &lt;https://x|y&gt; &amp; co');
    expect(escapeText('[x](https://e) **b**', 'markdown')).toBe('\\[x\\]\\(https://e\\) \\*\\*b\\*\\*');
  });
});

describe('parseIdentityMap', () => {
  const tenant = '72f988bf-86f1-41af-91ab-2d7cd011db47';
  it('accepts object ids and UPNs', () => {
    const map = parseIdentityMap(
      JSON.stringify({ 'U1:T1': { aadObjectId: '550FAE72-D251-43EC-868C-373732C2704F', tenantId: tenant }, 'U2:T1': { userPrincipalName: 'a@b.example', tenantId: tenant } }),
      'map.json',
    );
    expect(map.get('slack:U1:T1')).toEqual({ aadObjectId: '550fae72-d251-43ec-868c-373732c2704f', tenantId: tenant });
    expect(map.get('slack:U2:T1')).toEqual({ userPrincipalName: 'a@b.example', tenantId: tenant });
  });

  it('reads an unprefixed key as a Slack sender and a slack: key as the same', () => {
    const map = parseIdentityMap(JSON.stringify({ 'slack:U3:T1': { aadObjectId: '550fae72-d251-43ec-868c-373732c2704f', tenantId: tenant } }), 'map.json');
    expect([...map.keys()]).toEqual(['slack:U3:T1']);
    expect(map.has('U3:T1')).toBe(false);
  });

  it.each([
    ['not JSON', '{', /not valid JSON/],
    ['an array', '[]', /JSON object/],
    ['a bad GUID', JSON.stringify({ 'U9:T1': { aadObjectId: 'x', tenantId: tenant } }), /entry "U9:T1"/],
    ['a missing tenant', JSON.stringify({ 'U8:T1': { aadObjectId: '550fae72-d251-43ec-868c-373732c2704f' } }), /entry "U8:T1"/],
    ['unknown fields', JSON.stringify({ 'U7:T1': { aadObjectId: '550fae72-d251-43ec-868c-373732c2704f', tenantId: tenant, role: 'admin' } }), /entry "U7:T1"/],
    ['an entry for Web Chat, whose client chooses from.id', JSON.stringify({ 'webchat:U1:T1': { aadObjectId: '550fae72-d251-43ec-868c-373732c2704f', tenantId: tenant } }), /entry "webchat:U1:T1": on webchat the client chooses from.id/],
    ['an entry for Direct Line', JSON.stringify({ 'directline:alice': { aadObjectId: '550fae72-d251-43ec-868c-373732c2704f', tenantId: tenant } }), /only channels whose service sets from.id are mapped \(slack\)/],
    ['an entry for Teams (Teams vouches for the Entra id itself)', JSON.stringify({ 'msteams:29:1abc': { aadObjectId: '550fae72-d251-43ec-868c-373732c2704f', tenantId: tenant } }), /entry "msteams:29:1abc"/],
    [
      'the same Slack sender twice',
      JSON.stringify({ 'U1:T1': { aadObjectId: '550fae72-d251-43ec-868c-373732c2704f', tenantId: tenant }, 'slack:U1:T1': { aadObjectId: '550fae72-d251-43ec-868c-373732c2704f', tenantId: tenant } }),
      /entry "slack:U1:T1": the same sender as another entry/,
    ],
  ])('refuses %s', (_name, text, message) => {
    expect(() => parseIdentityMap(text, 'map.json')).toThrow(message);
  });
});

describe('commandText on hostile text', () => {
  it('leaves an unclosed 200 KB Slack mention as it is', () => {
    const text = `<@${'U'.repeat(100_000)}|${'x'.repeat(100_000)}`;
    expect(commandText({ channelId: 'slack', text })).toBe(text);
  });
});
