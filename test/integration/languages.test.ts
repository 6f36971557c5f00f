import { useHarness, type Harness } from '../support/harness';
import { teamsMessage } from '../support/teams-activity';

// The words of every language work from any Teams client; the answer is in the client's language.
describe('the words users type in their language', () => {
  let h: Harness;
  useHarness((started) => (h = started));

  const say = async (text: string, locale: string): Promise<string> => {
    const before = h.connector.messages.length;
    expect((await h.post(teamsMessage({ serviceUrl: h.connector.serviceUrl, text, locale }))).status).toBe(200);
    expect(h.connector.messages).toHaveLength(before + 1);
    return h.connector.messages[before]?.activity.text as string;
  };

  it('`hilfe` and `aide` get the help, in the language of the client that sent them', async () => {
    const german = await say('hilfe', 'de-DE');
    expect(german).toContain('`besprechung Quartalszahlen`');
    expect(german).toContain('`hilfe`');
    // A French speaker whose Teams is in English: the word works, and the help is the English one.
    const english = await say('/aide', 'en-US');
    expect(english).toContain('`/meet Quarterly numbers`');
    expect(await say('aide', 'fr-FR')).toContain('`réunion Chiffres du trimestre`');
    expect(await say('ayuda', 'es-ES')).toContain('`reunión Cifras trimestrales`');
    expect(await say('<at>MeetNow</at> ヘルプ', 'ja-JP')).toContain('`会議 四半期の数字`');
    expect(h.emulator.graphRequests).toHaveLength(0);
  });

  it('`besprechung` and `会議` start a meeting like /meet, with the rest as the subject', async () => {
    await h.post(teamsMessage({ serviceUrl: h.connector.serviceUrl, text: 'besprechung Quartalszahlen', locale: 'en-US' }));
    await h.post(teamsMessage({ serviceUrl: h.connector.serviceUrl, text: '会議\u3000四半期の数字', locale: 'ja-JP' }));
    expect(h.emulator.graphRequests.map((call) => (call.body as { subject?: string }).subject)).toEqual(['Quartalszahlen', '四半期の数字']);
    expect(h.connector.messages.map((call) => JSON.stringify(call.activity.attachments))).toEqual([
      expect.stringContaining('Quartalszahlen'),
      expect.stringContaining('四半期の数字'),
    ]);
  });

  it('`会議` glued to the subject is not a command: the hint shows the space it needs, and nothing is booked', async () => {
    expect(await say('会議室はどこ？', 'ja-JP')).toContain('`会議 四半期の数字`');
    expect(h.emulator.graphRequests).toHaveLength(0);
  });
});
