import { CATALOGS, type Catalog, type MessageKey } from './catalog';

export type { MessageKey } from './catalog';

/** The catalog language for a BCP 47 locale: `de-AT` → `de`; anything unsupported → `en`. */
export function languageOf(locale: string | undefined): string {
  const language = (locale ?? '').slice(0, 2).toLowerCase();
  return Object.hasOwn(CATALOGS, language) ? language : 'en';
}

/** Names a list writes out before "… and 3 more". */
export const LIST_MAX = 8;

/** The words of one reader's language, with `{placeholder}` filling, plurals and lists. */
export class Messages {
  readonly language: string;
  private readonly catalog: Catalog;
  private readonly plurals: Intl.PluralRules;
  private readonly lists: Intl.ListFormat;

  constructor(locale: string | undefined) {
    this.language = languageOf(locale);
    this.catalog = CATALOGS[this.language] ?? (CATALOGS.en as Catalog);
    this.plurals = new Intl.PluralRules(this.language);
    this.lists = new Intl.ListFormat(this.language, { style: 'long', type: 'conjunction' });
  }

  t(key: MessageKey, params: Readonly<Record<string, string | number>> = {}): string {
    return this.catalog[key].replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : whole));
  }

  /** `one` or `other` by the language's plural rules, with `{count}` filled. */
  plural(one: MessageKey, other: MessageKey, count: number): string {
    return this.t(this.plurals.select(count) === 'one' ? one : other, { count });
  }

  /** "Megan, Adele and Sam" in the reader's language; beyond `max` names, "… and 3 more". */
  list(items: readonly string[], max = LIST_MAX): string {
    if (items.length <= max) return this.lists.format(items);
    return this.lists.format([...items.slice(0, max), this.t('invite.more', { count: items.length - max })]);
  }
}

/** One shared, immutable `Messages` per supported language (building Intl rules costs more than a turn's words). */
const SHARED: Readonly<Record<string, Messages>> = Object.freeze(Object.fromEntries(Object.keys(CATALOGS).map((language) => [language, new Messages(language)])));

/** The words for a reader's locale (any BCP 47 tag; unsupported → English). */
export function messagesFor(locale: string | undefined): Messages {
  return SHARED[languageOf(locale)] ?? new Messages(locale);
}
