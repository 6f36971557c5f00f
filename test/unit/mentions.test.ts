import { readMentions } from '../../src/commands/mentions';

const BOT = '28:bot';
const mention = (id: string, name: string, type?: string) => ({ type: 'mention', text: `<at>${name}</at>`, mentioned: { id, name, ...(type === undefined ? {} : { type }) } });

describe('readMentions', () => {
  it('drops the bot mention and turns people into names and attendees, each once', () => {
    const result = readMentions({
      text: '<at>MeetNow</at> /meet Budget with <at>Megan Bowen</at>, <at>Adele</at> and <at>Megan Bowen</at>',
      recipient: { id: BOT },
      entities: [mention(BOT, 'MeetNow'), mention('29:1m', 'Megan Bowen'), { ...mention('29:1a', 'Adele Vance'), text: '<at>Adele</at>' }, mention('29:1m', 'Megan Bowen')],
    });
    expect(result.text.trim()).toBe('/meet Budget with Megan Bowen, Adele Vance and Megan Bowen');
    expect(result.people).toEqual([
      { id: '29:1m', name: 'Megan Bowen' },
      { id: '29:1a', name: 'Adele Vance' },
    ]);
    expect(result.everyone).toBe(false);
  });

  it('removes the bot wherever it is mentioned', () => {
    const result = readMentions({ text: '/meet Standup <at>MeetNow</at>', recipient: { id: BOT }, entities: [mention(BOT, 'MeetNow')] });
    expect(result.text.trim()).toBe('/meet Standup');
  });

  it('treats channel, team and chat ("everyone") mentions and --channel as the whole conversation', () => {
    expect(readMentions({ text: '/meet x <at>General</at>', entities: [mention('19:abc@thread.skype', 'General', 'channel')] }).everyone).toBe(true);
    expect(readMentions({ text: '/meet x <at>Everyone</at>', entities: [mention('19:chat@thread.v2', 'Everyone')] }).everyone).toBe(true);
    for (const option of ['--channel', '—channel', '--all', '--CHANNEL']) {
      const result = readMentions({ text: `/meet Standup ${option} now` });
      expect(result.everyone).toBe(true);
      expect(result.text.replace(/\s+/g, ' ')).toBe('/meet Standup now');
    }
    expect(readMentions({ text: '/meet pre--channel' }).everyone).toBe(false);
  });

  it('notes tags, and reads mentions without entities as plain names', () => {
    const tagged = readMentions({ text: '/meet Review <at>Designers</at>', entities: [mention('tag-id', 'Designers', 'tag')] });
    expect(tagged.tags).toEqual(['Designers']);
    expect(tagged.people).toEqual([]);
    const bare = readMentions({ text: '<at>MeetNow</at> /meet Hi <at>Someone</at>' });
    expect(bare.text.trim()).toBe('/meet Hi Someone');
    expect(bare.people).toEqual([]);
  });
});
