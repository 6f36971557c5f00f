import type { Activity } from 'botbuilder';
import { Presenters } from '../../src/bot/presenter';
import type { Started } from '../../src/bot/start-meeting';
import { CardRenderer } from '../../src/cards/card-renderer';

const presenters = new Presenters(new CardRenderer(), { graphAppId: '00000000-0000-0000-0000-00000000a99a', authorityHost: 'https://login.microsoftonline.com' });
const STARTED: Started = {
  kind: 'started',
  started: {
    meeting: { id: 'm1', subject: 'Quarterly numbers', joinUrl: 'https://teams.microsoft.com/l/meetup-join/m1', created: true },
    organizerName: 'Heidi Steen',
    startedAt: '2026-12-06T04:00:00.000Z',
  },
  created: true,
  scheduled: false,
};

function on(channelId: string, fields: Partial<Activity> = {}): Activity {
  return { type: 'message', channelId, conversation: { id: 'c1' }, from: { id: 'u1', name: 'Heidi Steen' }, ...fields } as Activity;
}

describe('a presenter per channel capability', () => {
  it('answers a meeting with an Adaptive Card in Teams and Web Chat, with text and a hero card in Slack', () => {
    for (const channel of ['msteams', 'webchat', 'emulator']) {
      const reply = presenters.for(on(channel)).meeting(STARTED, on(channel));
      expect(reply.text).toBeUndefined();
      expect(reply.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    }
    const slack = presenters.for(on('slack')).meeting(STARTED, on('slack'));
    expect(slack.text).toContain('https://teams.microsoft.com/l/meetup-join/m1');
    expect(slack.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.hero');
  });

  it("writes Slack's markup: single-asterisk bold, and `meet` for `/meet` (Slack keeps slash commands to itself)", () => {
    const teams = presenters.for(on('msteams')).help(on('msteams'));
    const slack = presenters.for(on('slack')).help(on('slack'));
    expect(teams).toContain('`/meet');
    expect(teams).toContain('**');
    expect(slack).not.toContain('`/meet');
    expect(slack).not.toContain('**');
  });

  it('shows a repeat click the meeting card where it replaces the clicked card, and words where it would read as a second meeting', () => {
    const again = { ...STARTED, created: false };
    const teamsClick = on('msteams', { replyToId: 'card-message' });
    expect(typeof presenters.for(teamsClick).clickAnswer(again, teamsClick).answer).toBe('object');
    const webChatClick = on('webchat', { replyToId: 'card-message' });
    expect(presenters.for(webChatClick).clickAnswer(again, webChatClick).answer).toEqual(expect.any(String));
    expect(presenters.for(webChatClick).clickAnswer(STARTED, webChatClick)).toMatchObject({ created: true, meeting: STARTED.started.meeting });
  });
});
