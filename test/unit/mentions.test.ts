import { innerText, readMentions } from '../../src/commands/mentions';

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

describe('readMentions on hostile text', () => {
  // What the mention regex used to do (it backtracked quadratically on unclosed tags): the one-pass reader must agree.
  const reference = (text: string) =>
    text.replace(/^\s*<at(?:\s[^>]*)?>[\s\S]*?<\/at>/i, '').replace(/<at(?:\s[^>]*)?>([\s\S]*?)<\/at>/gi, (_markup: string, inner: string) => inner.trim());
  const referenceInner = (markup: string) => markup.replace(/<\/?at(?:\s[^>]*)?>/gi, '').trim();
  const tokens = ['<at>', '<at ', '<AT x="1">', '</at>', '</AT >', '<at', '>', '<', 'a', ' ', '\n', 'at>', '</a'];

  it('reads every mix of opened, closed, nested and broken tags as the regex did', () => {
    let seed = 13;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31);
    for (let run = 0; run < 3_000; run += 1) {
      const text = Array.from({ length: next() % 14 }, () => tokens[next() % tokens.length]).join('');
      expect(readMentions({ text }).text).toBe(reference(text));
      expect(innerText(text)).toBe(referenceInner(text));
    }
  });

  it('leaves 128 KB of unclosed mentions as they are, and still finds a closed one after them', () => {
    const unclosed = '<at '.repeat(32 * 1024);
    expect(readMentions({ text: unclosed }).text).toBe(unclosed);
    expect(readMentions({ text: '<at>'.repeat(32 * 1024) }).text).toBe('<at>'.repeat(32 * 1024));
    const then = readMentions({ text: `${'<at x'.repeat(20_000)}> /meet <at>Megan</at>`, entities: [mention('29:1m', 'Megan')] });
    expect(then.people).toEqual([]);
    const closed = readMentions({ text: `/meet ${'<at x '.repeat(20_000)}<at>Megan</at>`, entities: [mention('29:1m', 'Megan')] });
    expect(closed.text).toBe('/meet Megan');
    expect(innerText(`${'<at '.repeat(32 * 1024)}Megan`)).toBe(`${'<at '.repeat(32 * 1024)}Megan`);
  });

  it('pairs thousands of mentions with thousands of entities, each person once', () => {
    const count = 5_000;
    const entities = Array.from({ length: count }, (_, i) => mention(`29:${i % 100}`, `P${i % 100}`));
    const text = entities.map((entity) => entity.text).join(' ');
    const result = readMentions({ text, entities });
    expect(result.people).toHaveLength(100);
    expect(result.text.startsWith(' P1 P2 P3')).toBe(true);
  });
});
