import { de } from './de';
import { en, type Catalog, type MessageKey } from './en';
import { es } from './es';
import { fr } from './fr';
import { ja } from './ja';

export type { Catalog, MessageKey } from './en';

/** Every word MeetNow says, per language (one file each; English is the reference). */
export const CATALOGS: Readonly<Record<string, Catalog>> = { en, de, fr, es, ja };
export const SUPPORTED_LANGUAGES = Object.keys(CATALOGS);
export const MESSAGE_KEYS = Object.keys(en) as MessageKey[];
