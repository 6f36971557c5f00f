import { CATALOGS, type Catalog, type MessageKey } from './catalog';

export type { MessageKey } from './catalog';

/** The catalog language for a BCP 47 locale: `de-AT` → `de`; anything unsupported → `en`. */
export function languageOf(locale: string | undefined): string {
  const language = (locale ?? '').slice(0, 2).toLowerCase();
  return Object.hasOwn(CATALOGS, language) ? language : 'en';
}

/** The words of one reader's language, with `{placeholder}` filling. */
export class Messages {
  readonly language: string;
  private readonly catalog: Catalog;

  constructor(locale: string | undefined) {
    this.language = languageOf(locale);
    this.catalog = CATALOGS[this.language] ?? (CATALOGS.en as Catalog);
  }

  t(key: MessageKey, params: Readonly<Record<string, string | number>> = {}): string {
    return this.catalog[key].replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : whole));
  }
}
