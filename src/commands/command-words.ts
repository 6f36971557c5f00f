import { CATALOGS, SUPPORTED_LANGUAGES } from '../i18n/catalog';
import { languageOf } from '../i18n/messages';

export type CommandWord = 'meet' | 'help';

/** What a keyboard may vary in a command word: full-width forms from a Japanese IME (`／ｍｅｅｔ`, `？`) and case. */
function asTyped(word: string): string {
  return word.normalize('NFKC').toLowerCase();
}

/** `reunion` for `réunion`: only Latin combining marks are dropped, so ヘルプ keeps its ゚. */
function withoutAccents(word: string): string {
  return word.normalize('NFD').replace(/[\u0300-\u036f]/g, '').normalize('NFC');
}

interface Spelling {
  language: string;
  /** As the catalog writes it, in lower case: `réunion` is French, `reunión` Spanish. */
  written: string;
}

/**
 * Folded word → its spellings in the catalogs (French and Spanish share `reunion`). Every language's words are
 * understood whatever the sender's Teams language: the client's language is often not the one a person thinks
 * in, and none of these words is another command in another language.
 */
function wordsFor(key: `command.${CommandWord}`): ReadonlyMap<string, readonly Spelling[]> {
  const words = new Map<string, Spelling[]>();
  for (const language of SUPPORTED_LANGUAGES) {
    const written = asTyped(CATALOGS[language]?.[key] ?? '');
    const folded = withoutAccents(written);
    words.set(folded, [...(words.get(folded) ?? []), { language, written }]);
  }
  return words;
}

const WORDS: Readonly<Record<CommandWord, ReadonlyMap<string, readonly Spelling[]>>> = { meet: wordsFor('command.meet'), help: wordsFor('command.help') };

const MAX_WORD_LENGTH = 32;

export interface ReadWord {
  word: CommandWord;
  /** What follows the word and its whitespace; undefined when the word stands alone. */
  rest?: string;
  /** The language to read the rest in, when the word says it is not the sender's (`besprechung` from an English client). */
  language?: string;
}

/**
 * The command word that starts `text` (already trimmed, mention removed), `/` optional. The word must be
 * followed by whitespace (the ideographic space too): Japanese writes no spaces, but `会議室` (meeting room)
 * and `会議中` (in a meeting) start with 会議, and a meeting named after the rest of such a sentence would be
 * worse than the hint that asks for `会議 件名`.
 */
export function readCommandWord(text: string, senderLocale?: string): ReadWord | undefined {
  const [, head = '', rest] = /^(\S*)(?:\s+([\s\S]*))?$/.exec(text) ?? [];
  // No command word is long: a huge first word is not normalized just to be refused.
  if (head.length > MAX_WORD_LENGTH) return undefined;
  const written = asTyped(head).replace(/^\//, '');
  const folded = withoutAccents(written);
  if (folded === '?') return { word: 'help', rest };
  for (const word of ['meet', 'help'] as const) {
    const spellings = WORDS[word].get(folded);
    if (spellings === undefined) continue;
    // English words are everyone's; a word of the sender's own language changes nothing either.
    const sender = languageOf(senderLocale);
    if (spellings.some(({ language }) => language === 'en' || language === sender)) return { word, rest };
    // The accent tells French `réunion` from Spanish `reunión`; without one, the first catalog's language.
    const spelling = spellings.find((candidate) => candidate.written === written) ?? spellings[0];
    return { word, rest, language: spelling?.language };
  }
  return undefined;
}

/** `help`, `/hilfe`, `？`… alone: help is asked for with nothing after the word. */
export function asksForHelp(text: string): boolean {
  const read = readCommandWord(text);
  return read?.word === 'help' && read.rest === undefined;
}
