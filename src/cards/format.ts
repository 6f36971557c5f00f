import { BoundedMap } from '../bounded-map';
import { dateTimeFormat, validZone } from '../intl';

/**
 * Adaptive Card clients expand `{{DATE(…)}}`/`{{TIME(…)}}` even in plain text runs: a zero-width space
 * between the braces keeps user text looking the same while nothing in it is evaluated.
 */
export function literalText(text: string): string {
  return text.replace(/\{\{/g, '{\u200b{').replace(/\}\}/g, '}\u200b}');
}

/**
 * A name as Teams shows it inside `<at>…</at>`: a mention must sit in a TextBlock, where markdown renders
 * (https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/cards-format#mention-support-within-adaptive-cards),
 * so only letters, marks, digits, spaces and the punctuation of names are kept, from the first letter on (no
 * list marker can start a line); '' when nothing is left.
 */
export function mentionText(name: string): string {
  return name
    .replace(/[^\p{L}\p{M}\p{N} .,'’@()-]+/gu, ' ')
    .replace(/^[^\p{L}]+/u, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** `tel:` link for a phone number as Graph gives it (`+1 425-555-0100`), or '' when it is not dialable. */
export function telLink(number: string): string {
  const digits = number.replace(/[\s().-]/g, '');
  return /^\+?\d{4,20}$/.test(digits) ? `tel:${digits}` : '';
}

/**
 * A Graph date-time in words for the reader's locale and time zone (UTC when the activity gave none),
 * always with the zone named, never a raw ISO string. '' for a missing or unreadable value.
 */
export function formatDateTime(iso: string | undefined, locale = 'en-US', timeZone = 'UTC'): string {
  const date = graphDate(iso);
  if (date === undefined) return '';
  // The words name the minute, and meetings started together start in the same minute: format it once.
  const key = `${locale}\n${timeZone}\n${Math.floor(date.getTime() / 60_000)}`;
  let words = formatted.get(key);
  if (words === undefined) {
    words = formatMinute(date, locale, timeZone);
    formatted.set(key, words);
  }
  return words;
}

/** A Graph date-time as a Date; undefined for a missing or unreadable value. */
export function graphDate(iso: string | undefined): Date | undefined {
  if (iso === undefined) return undefined;
  // Graph sometimes omits the zone designator on UTC values ("2026-11-24T09:00:00.0000000").
  const date = new Date(/[zZ]|[+-]\d\d:\d\d$/.test(iso) ? iso : `${iso}Z`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

const MAX_FORMATTED = 256;
const formatted = new BoundedMap<string, string>({ maxEntries: MAX_FORMATTED });

function formatMinute(date: Date, locale: string, timeZone: string): string {
  const zone = validZone(timeZone);
  let safeLocale = locale;
  try {
    dateTimeFormat('probe', locale);
  } catch {
    safeLocale = 'en-US';
  }
  return dateTimeFormat('mediumDateTime', safeLocale, zone).format(date) + ` (${zone === 'UTC' ? 'UTC' : shortZoneName(date, safeLocale, zone)})`;
}

function shortZoneName(date: Date, locale: string, timeZone: string): string {
  const part = dateTimeFormat('zoneName', locale, timeZone)
    .formatToParts(date)
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? timeZone;
}
