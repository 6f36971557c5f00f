import { BoundedMap } from './bounded-map';

/**
 * `Intl.DateTimeFormat` instances, built once per (preset, locale, zone) and reused. Building one costs
 * about as much as a whole echo turn (the profile of a `/meet` burst showed a fifth of the bot's CPU in
 * these constructors); formatting with a built one is cheap. Invalid locales and zones (they come from
 * activities) are remembered as the error they raised, and the cache is bounded.
 */
const PRESETS = {
  /** Only validates the locale and zone. */
  probe: {},
  mediumDateTime: { dateStyle: 'medium', timeStyle: 'short' },
  zoneName: { timeZoneName: 'short' },
  wallClock: { hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

export type DateTimeFormatPreset = keyof typeof PRESETS;

const MAX_ENTRIES = 512;
const cache = new BoundedMap<string, Intl.DateTimeFormat | Error>({ maxEntries: MAX_ENTRIES });

/** Like `new Intl.DateTimeFormat(locale, { ...preset, timeZone })`, and throws the same RangeError. */
export function dateTimeFormat(preset: DateTimeFormatPreset, locale: string | undefined, timeZone?: string): Intl.DateTimeFormat {
  const key = `${preset}\n${locale ?? ''}\n${timeZone ?? ''}`;
  let entry = cache.get(key);
  if (entry === undefined) {
    try {
      entry = new Intl.DateTimeFormat(locale, timeZone === undefined ? PRESETS[preset] : { ...PRESETS[preset], timeZone });
    } catch (error) {
      entry = error instanceof Error ? error : new RangeError(String(error));
    }
    cache.set(key, entry);
  }
  if (entry instanceof Error) throw entry;
  return entry;
}

/** The zone if `Intl` knows it, else UTC (zones come from activities). */
export function validZone(timeZone: string | undefined): string {
  if (timeZone === undefined) return 'UTC';
  try {
    dateTimeFormat('probe', 'en-US', timeZone);
    return timeZone;
  } catch {
    return 'UTC';
  }
}
