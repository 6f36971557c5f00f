import { parseCommand, stripLeadingMention } from '../../src/commands/parse-command';
import { parseCardAction } from '../../src/commands/parse-card-action';
import { displayName, MAX_NAME_LENGTH, normalizeSubject, shortenSubject } from '../../src/commands/subject';
import { echoedPhrase } from '../../src/bot/replies';

// Friday 27 March 2026, 11:00 in Berlin.
const NOW = new Date('2026-03-27T10:00:00Z');

describe('parseCommand', () => {
  it.each([
    ['/meet Quarterly numbers', 'Quarterly numbers'],
    ['/MEET Quarterly numbers', 'Quarterly numbers'],
    ['  /Meet   Quarterly   numbers  ', 'Quarterly numbers'],
    ['<at>MeetNow</at> /meet Design review', 'Design review'],
    ['<at>Meet Now</at>&nbsp;/meet x'.replace('&nbsp;', '\u00a0'), 'x'],
    ['<at id="0">MeetNow</at>\n/meet Sprint planning', 'Sprint planning'],
    ['meet Standup', 'Standup'],
    ['/meet line one\nline two', 'line one line two'],
    ['/meet <at>Alice</at> sync', '<at>Alice</at> sync'],
  ])('%j → meet %j', (text, subject) => {
    expect(parseCommand(text)).toEqual({ kind: 'meet', subject });
  });

  it('keeps markdown, HTML and template syntax verbatim in the subject', () => {
    expect(parseCommand('/meet **bold** [x](https://evil.example) <b>hi</b> ${1+1}')).toEqual({
      kind: 'meet',
      subject: '**bold** [x](https://evil.example) <b>hi</b> ${1+1}',
    });
  });

  it.each(['/meet', '/meet   ', '<at>MeetNow</at> /meet', 'meet'])('%j without subject → the start card', (text) => {
    expect(parseCommand(text)).toEqual({ kind: 'meet-form' });
  });

  it.each(['help', '/help', 'HELP', '<at>MeetNow</at> help', '?'])('%j → help', (text) => {
    expect(parseCommand(text)).toEqual({ kind: 'help' });
  });

  it.each(['hello', '', '/meeting x', '/meetx', 'please /meet x', '/start x', '<at>Bob</at>'])('%j → unknown', (text) => {
    expect(parseCommand(text)).toEqual({ kind: 'unknown' });
  });

  describe('in every language', () => {
    it.each([
      ['hilfe'], ['/Hilfe'], ['aide'], ['/aide'], ['ayuda'], ['AYUDA'], ['ヘルプ'], ['/ヘルプ'], ['／ヘルプ'], ['？'], ['<at>MeetNow</at> hilfe'],
    ])('%j → help, whatever the sender’s locale', (text) => {
      for (const locale of ['en-US', 'de-DE', 'ja-JP', undefined]) expect(parseCommand(text, { now: NOW, locale })).toEqual({ kind: 'help' });
    });

    it.each([
      ['besprechung Quartalszahlen', 'Quartalszahlen'],
      ['/Besprechung Quartalszahlen', 'Quartalszahlen'],
      ['réunion Chiffres du trimestre', 'Chiffres du trimestre'],
      ['/reunion Chiffres du trimestre', 'Chiffres du trimestre'],
      ['reunión Cifras trimestrales', 'Cifras trimestrales'],
      ['REUNIÓN Cifras trimestrales', 'Cifras trimestrales'],
      ['会議 四半期の数字', '四半期の数字'],
      ['会議\u3000四半期の数字', '四半期の数字'],
      ['／会議　四半期の数字', '四半期の数字'],
      ['<at>MeetNow</at> 会議 デザインレビュー', 'デザインレビュー'],
    ])('%j → meet %j', (text, subject) => {
      expect(parseCommand(text)).toEqual({ kind: 'meet', subject });
    });

    it.each(['besprechung', '/réunion', 'reunión', '会議', '/会議'])('%j alone → the start card', (text) => {
      expect(parseCommand(text)).toEqual({ kind: 'meet-form' });
    });

    it.each([
      // Japanese words run on without spaces, so 会議 must be followed by one: 会議室 is a meeting room.
      '会議四半期の数字', '会議室はどこ？', 'hilfe mir', 'aide-moi', 'besprechungen', 'ayudame', 'ヘルプデスク', 'meeting', 'help me', `${'h'.repeat(40)} x`,
    ])('%j → unknown', (text) => {
      expect(parseCommand(text)).toEqual({ kind: 'unknown' });
    });

    it('reads the date in the word’s language when it is not the sender’s, and the sender’s otherwise', () => {
      const tomorrowAt3 = { start: new Date('2026-03-28T14:00:00.000Z'), end: new Date('2026-03-28T15:00:00.000Z'), timeZone: 'Europe/Berlin' };
      const english = { now: NOW, timeZone: 'Europe/Berlin', locale: 'en-US' };
      expect(parseCommand('besprechung morgen 15 Uhr Planung', english)).toEqual({ kind: 'meet', subject: 'Planung', schedule: tomorrowAt3 });
      expect(parseCommand('réunion demain 15h Revue', english)).toEqual({ kind: 'meet', subject: 'Revue', schedule: tomorrowAt3 });
      expect(parseCommand('会議 明日 15時 定例', english)).toEqual({ kind: 'meet', subject: '定例', schedule: tomorrowAt3 });
      expect(parseCommand('/meet morgen 15 Uhr Planung', { ...english, locale: 'de-DE' })).toEqual({ kind: 'meet', subject: 'Planung', schedule: tomorrowAt3 });
      // The accent tells the language; `reunion` is French and Spanish: a Spanish sender's Spanish stays Spanish.
      expect(parseCommand('reunión mañana a las 15:00 Revisión', english)).toEqual({ kind: 'meet', subject: 'Revisión', schedule: tomorrowAt3 });
      expect(parseCommand('reunion mañana a las 15:00 Revisión', { ...english, locale: 'es-MX' })).toEqual({ kind: 'meet', subject: 'Revisión', schedule: tomorrowAt3 });
    });
  });

  it('refuses a subject over 256 characters and says how long it was', () => {
    expect(parseCommand(`/meet ${'a'.repeat(256)}`)).toEqual({ kind: 'meet', subject: 'a'.repeat(256) });
    expect(parseCommand(`/meet ${'a'.repeat(257)}`)).toEqual({ kind: 'subject-too-long', length: 257, max: 256 });
  });

  it('counts characters, not UTF-16 units', () => {
    expect(parseCommand(`/meet ${'😀'.repeat(256)}`)).toEqual({ kind: 'meet', subject: '😀'.repeat(256) });
  });

  it('removes only the leading mention', () => {
    expect(stripLeadingMention('<at>Bot</at> hi <at>Ann</at>')).toBe(' hi <at>Ann</at>');
  });
});

describe('normalizeSubject', () => {
  it('removes control and bidi-override characters and folds whitespace', () => {
    expect(normalizeSubject('\u0000Budget\u0007  \t review\u202e\u0085 ')).toBe('Budget review');
    expect(normalizeSubject('a\r\n\r\nb')).toBe('a b');
  });
});

describe('parseCardAction', () => {
  it('reads subject and card id from Action.Submit data', () => {
    expect(parseCardAction({ action: 'startMeeting', cardId: 'c1', subject: '  Plan  ' })).toEqual({ kind: 'start-meeting', subject: 'Plan', cardId: 'c1' });
  });

  it('reads Action.Execute data with the verb given apart', () => {
    expect(parseCardAction({ subject: 'x' }, 'startMeeting')).toEqual({ kind: 'start-meeting', subject: 'x', cardId: undefined });
  });

  it('ignores organizer fields in card data', () => {
    const parsed = parseCardAction({ action: 'startMeeting', subject: 'x', organizer: 'someone-else', aadObjectId: 'x' });
    expect(parsed).toEqual({ kind: 'start-meeting', subject: 'x', cardId: undefined });
  });

  it.each([null, 'text', [], { action: 'other' }, {}])('%j → unknown', (value) => {
    expect(parseCardAction(value)).toEqual({ kind: 'unknown' });
  });

  it('refuses a too long subject', () => {
    expect(parseCardAction({ action: 'startMeeting', subject: 'b'.repeat(300) })).toEqual({ kind: 'subject-too-long', length: 300, max: 256 });
  });
});

describe('parseCommand on hostile text', () => {
  const when = { now: new Date('2026-03-27T10:00:00Z'), timeZone: 'Europe/Berlin', locale: 'en-US' };

  it('refuses a 200 KB /meet after a date phrase as too long, counting the subject alone', () => {
    expect(parseCommand(`/meet tomorrow 9:00 ${'a'.repeat(200_000)}`, when)).toEqual({ kind: 'subject-too-long', length: 200_000, max: 256 });
    expect(parseCommand(`/meet ${'tomorrow 9:00 '.repeat(15_000)}`, when)).toMatchObject({ kind: 'subject-too-long', max: 256 });
  });

  it('counts characters as people do, also in 100,000 emoji', () => {
    expect(parseCommand(`/meet ${'😀'.repeat(100_000)}`, when)).toEqual({ kind: 'subject-too-long', length: 100_000, max: 256 });
  });

  it('strips only a closed leading mention from 128 KB of unclosed ones', () => {
    const unclosed = '<at '.repeat(32 * 1024);
    expect(stripLeadingMention(unclosed)).toBe(unclosed);
    expect(parseCommand(`${unclosed}/meet x`, when)).toEqual({ kind: 'unknown' });
  });
});

describe('text echoed from user data', () => {
  it('shortens a name to the limit with an ellipsis, by the subject rules', () => {
    expect(displayName('  Megan\u202e  Bowen\u0000 ')).toBe('Megan Bowen');
    const long = displayName('😀'.repeat(1_000));
    expect(Array.from(long)).toHaveLength(MAX_NAME_LENGTH);
    expect(long.endsWith('😀…')).toBe(true);
    expect(shortenSubject('short', 10)).toBe('short');
  });

  it('quotes a phrase without anything that renders as a link or markup', () => {
    expect(echoedPhrase('[Login](http://e.vl) min')).toBe('Loginhttp:/e.vl min');
    expect(echoedPhrase('<http://e.vl|Login> **now** `x`')).toBe('http:/e.vlLogin now x');
    expect(echoedPhrase('tomorrow 9:00')).toBe('tomorrow 9:00');
    expect(echoedPhrase('12/03/2026 à 15h')).toBe('12/03/2026 à 15h');
    expect(Array.from(echoedPhrase('x'.repeat(10_000)))).toHaveLength(64);
  });
});
