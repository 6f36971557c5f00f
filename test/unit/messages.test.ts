import { CATALOGS, MESSAGE_KEYS } from '../../src/i18n/catalog';
import { languageOf, Messages } from '../../src/i18n/messages';
import { parseCommand } from '../../src/commands/parse-command';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('message catalogs', () => {
  it('ship English, German, French, Spanish and Japanese', () => {
    expect(Object.keys(CATALOGS).sort()).toEqual(['de', 'en', 'es', 'fr', 'ja']);
  });

  it.each(Object.keys(CATALOGS))('%s has every key, non-empty, with the same placeholders as English', (language) => {
    const catalog = CATALOGS[language] ?? {};
    const english = CATALOGS.en ?? {};
    for (const key of MESSAGE_KEYS) {
      const text = (catalog as Record<string, string>)[key];
      expect([key, typeof text === 'string' && text.trim() !== '']).toEqual([key, true]);
      expect([key, placeholders(text ?? '')]).toEqual([key, placeholders((english as Record<string, string>)[key] ?? '')]);
    }
    expect(Object.keys(catalog).sort()).toEqual([...MESSAGE_KEYS].sort());
  });

  it('picks the language from the locale, English otherwise', () => {
    expect(languageOf('de-AT')).toBe('de');
    expect(languageOf('ja')).toBe('ja');
    expect(languageOf('pt-BR')).toBe('en');
    expect(languageOf(undefined)).toBe('en');
    expect(new Messages('fr-CA').t('meeting.join')).toBe('Rejoindre la réunion');
  });

  it('fills placeholders once: values are not re-read as placeholders', () => {
    expect(new Messages('en').t('meeting.inCalendarInvited', { organizer: '{names}', names: 'Megan' })).toBe("In {names}'s calendar · invitations sent to Megan");
  });

  it.each(Object.keys(CATALOGS))('%s help and hint show the language’s own words, and each example they give does what it says', (language) => {
    const words = new Messages(language);
    const meet = words.t('command.meet');
    const help = words.t('command.help');
    for (const key of ['reply.help', 'reply.usage'] as const) {
      const examples = [...words.t(key).matchAll(/`([^`]+)`/g)].map((match) => match[1] ?? '');
      const own = examples.filter((example) => [meet, help].includes(example.split(' ')[0]?.replace(/^\//, '') ?? ''));
      expect([key, own.includes(help), own.some((example) => example.startsWith(`${meet} `) || example.startsWith(`/${meet} `))]).toEqual([key, true, true]);
      for (const example of own) expect([example, parseCommand(example).kind]).toEqual([example, example === help ? 'help' : expect.stringMatching(/^meet(?:-form)?$/)]);
    }
    expect(words.t('welcome.help', { prefix: '' })).toContain(`**${help}**`);
  });
});
