import type { Chrono } from 'chrono-node';
import { dateTimeFormat, validZone } from '../intl';
import { BoundedMap } from '../bounded-map';

/** What the clock and the sender's settings say, so that parsing stays pure. */
export interface WhenContext {
  now: Date;
  /** IANA zone of the sender (Teams `localTimezone`); UTC when unknown. */
  timeZone?: string;
  /** BCP 47 locale of the sender; picks the date vocabulary (en, de, fr, es, ja). */
  locale?: string;
}

export type WhenProblem =
  /** A day without a time ("tomorrow", "Monday"), or a vague part of day ("this afternoon"). */
  | 'no-time'
  | 'past'
  /** A local time skipped by a daylight-saving change. */
  | 'nonexistent-time'
  /** A local time that happens twice at a daylight-saving change. */
  | 'repeated-time'
  | 'bad-duration';

export type WhenResult =
  | { kind: 'now'; subject: string; durationMinutes?: number }
  | { kind: 'scheduled'; subject: string; start: Date; end: Date }
  | { kind: 'invalid'; problem: WhenProblem; phrase: string };

export const DEFAULT_DURATION_MINUTES = 60;
export const MAX_DURATION_MINUTES = 24 * 60;
/** A start this close to now counts as now, not as the past (clocks and typing take a moment). */
export const PAST_TOLERANCE_MS = 60_000;

type ChronoLanguage = 'de' | 'en' | 'es' | 'fr' | 'ja';
const LANGUAGES: ReadonlySet<string> = new Set<ChronoLanguage>(['de', 'en', 'es', 'fr', 'ja']);
const parsers = new Map<ChronoLanguage, Chrono>();

/**
 * chrono-node's parser for one language, loaded when first needed: loading all five takes 40 ms, which
 * start-up (the time to the first /healthz) need not wait for. One module per language, because
 * chrono-node's index loads a dozen languages MeetNow never reads (2 MB of heap).
 */
function chronoIn(language: ChronoLanguage): Chrono {
  let parser = parsers.get(language);
  if (parser === undefined) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    parser = (require(`chrono-node/${language}`) as { casual: Chrono }).casual;
    parsers.set(language, parser);
  }
  return parser;
}
// Words that may stand before a time and belong to it: "at noon", "um 15 Uhr", "à 15h", "a las 3".
const CONNECTOR = /^(?:at|on|um|am|à|le|a las|el|alle)\s+$/i;
// "for 45m", "für 1h30", "pour 90 min", "durante 2 horas", "por 30m"; then the amount.
const DURATION =
  /^(?:for|für|pour|durante|por)\s+(?:(\d{1,2}):(\d{2})|(\d+(?:[.,]\d+)?)\s*(?:h|hrs?|hours?|std|stunden?|heures?|horas?)\s*(?:(\d{1,2})\s*(?:m|mins?|minutes?|minuten?|minutos?)?)?|(\d+)\s*(?:m|mins?|minutes?|minuten?|minutos?))(?=\s|$)/i;

/**
 * How much of the text chrono-node reads. A time phrase starts the text (or follows a connector word), and
 * chrono's cost grows with the whole text (200 KB took 2 s): the head is enough, and keeps every parse short.
 */
export const WHEN_SEARCH_LENGTH = 128;

function chronoFor(locale: string | undefined): Chrono[] {
  const language = (locale ?? 'en').slice(0, 2).toLowerCase();
  return language === 'en' || !LANGUAGES.has(language) ? [chronoIn('en')] : [chronoIn(language as ChronoLanguage), chronoIn('en')];
}

/**
 * The offset each zone had in the minute last asked about. Offsets change only on whole minutes, and every
 * `/meet` asks for the sender's zone now: this spares a `formatToParts` (a tenth of the parse) per message.
 */
const recentOffsets = new BoundedMap<string, { minute: number; offset: number }>({ maxEntries: 512 });

/** Offset of `timeZone` from UTC at `instant`, in minutes (Berlin in summer: 120). */
export function zoneOffsetMinutes(timeZone: string, instant: Date): number {
  const minute = Math.floor(instant.getTime() / 60_000);
  const recent = recentOffsets.get(timeZone);
  if (recent?.minute === minute) return recent.offset;
  const offset = computeZoneOffset(timeZone, instant);
  recentOffsets.set(timeZone, { minute, offset });
  return offset;
}

function computeZoneOffset(timeZone: string, instant: Date): number {
  const parts = dateTimeFormat('wallClock', 'en-US', timeZone).formatToParts(instant);
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/**
 * The UTC instant of a wall-clock time in a zone. Every candidate offset around that time is tried: none
 * fitting means the time was skipped by a DST change, two means it happens twice.
 */
export function wallClockToUtc(
  timeZone: string,
  wall: { year: number; month: number; day: number; hour: number; minute: number },
): { ok: true; instant: Date } | { ok: false; problem: 'nonexistent-time' | 'repeated-time' } {
  const naive = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  // Other instants than now: computed, so that they leave the per-minute offset of now in place.
  const offsets = new Set([-1, 0, 1].map((days) => computeZoneOffset(timeZone, new Date(naive + days * 86_400_000))));
  const fits = [...offsets].map((offset) => naive - offset * 60_000).filter((utc) => computeZoneOffset(timeZone, new Date(utc)) * 60_000 === naive - utc);
  const unique = [...new Set(fits)];
  if (unique.length === 0) return { ok: false, problem: 'nonexistent-time' };
  if (unique.length > 1) return { ok: false, problem: 'repeated-time' };
  return { ok: true, instant: new Date(unique[0] as number) };
}

/** `for <duration>` at the start of `text`: minutes and the rest, or a problem, or nothing. */
function takeDuration(text: string): { minutes: number; rest: string; phrase: string } | { invalid: string } | undefined {
  const match = DURATION.exec(text);
  if (match === null) return undefined;
  const [phrase, clockHours, clockMinutes, hours, hourMinutes, minutesOnly] = match;
  let minutes: number;
  if (clockHours !== undefined) minutes = Number(clockHours) * 60 + Number(clockMinutes);
  else if (hours !== undefined) minutes = Math.round(Number(hours.replace(',', '.')) * 60) + Number(hourMinutes ?? 0);
  else minutes = Number(minutesOnly);
  if (!(minutes >= 1 && minutes <= MAX_DURATION_MINUTES)) return { invalid: phrase };
  return { minutes, rest: text.slice(phrase.length).trim(), phrase };
}

/** A time phrase must read like one: bare digits such as "1:1" (a one-on-one) are a subject, not a time. */
function readsLikeTime(text: string): boolean {
  return /\p{L}/u.test(text) || /\b\d{1,2}:\d{2}\b/.test(text);
}

/**
 * `[when] [for <duration>] <subject>` in the sender's zone and language. A subject in quotes is taken
 * as it is. Pure: the clock comes in through the context.
 */
export function parseWhen(text: string, context: WhenContext): WhenResult {
  const trimmed = text.trim();
  const quoted = /^"([^"]+)"$|^“([^”]+)”$|^„([^“]+)“$/.exec(trimmed);
  if (quoted !== null) return { kind: 'now', subject: (quoted[1] ?? quoted[2] ?? quoted[3] ?? '').trim() };

  const leadingDuration = takeDuration(trimmed);
  if (leadingDuration !== undefined) {
    if ('invalid' in leadingDuration) return { kind: 'invalid', problem: 'bad-duration', phrase: leadingDuration.invalid };
    return { kind: 'now', subject: leadingDuration.rest, durationMinutes: leadingDuration.minutes };
  }

  const timeZone = validZone(context.timeZone);
  const reference = { instant: context.now, timezone: zoneOffsetMinutes(timeZone, context.now) };
  const head = trimmed.slice(0, WHEN_SEARCH_LENGTH);
  const found = chronoFor(context.locale)
    .map((parser) => parser.parse(head, reference)[0])
    .find((result) => result !== undefined && (result.index === 0 || CONNECTOR.test(trimmed.slice(0, result.index))) && readsLikeTime(result.text));
  if (found === undefined) return { kind: 'now', subject: trimmed };

  const phrase = trimmed.slice(0, found.index + found.text.length).trim();
  const after = trimmed.slice(found.index + found.text.length);
  const rest = after.trim();
  const start = found.start;
  if (!start.isCertain('hour')) {
    // "Monday planning", "March madness", "Today's standup" are subjects: a lone weekday or month name, or a
    // possessive, names no meeting time. A named day ("tomorrow", "jan 5") or a phrase ("next Monday",
    // "this afternoon") without a time is a request we cannot book without guessing the hour.
    const possessive = /^['’]s(?=\s|$)/i.test(after);
    const loneName = !/\s/.test(found.text.trim()) && !start.isCertain('day');
    if (possessive || loneName) return { kind: 'now', subject: trimmed };
    return { kind: 'invalid', problem: 'no-time', phrase };
  }

  let startAt: Date;
  if (start.isCertain('timezoneOffset')) {
    // Relative phrases ("in 10 minutes") are instants already.
    startAt = start.date();
  } else {
    const wall = {
      year: start.get('year') ?? 0,
      month: start.get('month') ?? 1,
      day: start.get('day') ?? 1,
      hour: start.get('hour') ?? 0,
      minute: start.get('minute') ?? 0,
    };
    const converted = wallClockToUtc(timeZone, wall);
    if (!converted.ok) return { kind: 'invalid', problem: converted.problem, phrase };
    startAt = converted.instant;
  }
  // "Now what", "Right now": a word for the present is part of the subject, not a time (the meeting starts now anyway).
  if (Math.abs(startAt.getTime() - context.now.getTime()) <= PAST_TOLERANCE_MS && !/\d/.test(found.text)) return { kind: 'now', subject: trimmed };
  if (startAt.getTime() < context.now.getTime() - PAST_TOLERANCE_MS) return { kind: 'invalid', problem: 'past', phrase };

  const duration = takeDuration(rest);
  if (duration !== undefined && 'invalid' in duration) return { kind: 'invalid', problem: 'bad-duration', phrase: duration.invalid };
  const minutes = duration?.minutes ?? DEFAULT_DURATION_MINUTES;
  return {
    kind: 'scheduled',
    subject: duration?.rest ?? rest,
    start: startAt,
    end: new Date(startAt.getTime() + minutes * 60_000),
  };
}
