import { parseWhen, wallClockToUtc, WHEN_SEARCH_LENGTH, zoneOffsetMinutes, type WhenContext } from '../../src/commands/parse-when';

// Friday 27 March 2026, 10:00 UTC: 11:00 in Berlin, 03:00 in Los Angeles, 19:00 in Tokyo.
// Europe switches to summer time on Sunday 29 March 2026 at 02:00 → 03:00.
const NOW = new Date('2026-03-27T10:00:00Z');
const at = (timeZone: string, locale = 'en-US'): WhenContext => ({ now: NOW, timeZone, locale });
const iso = (date: Date) => date.toISOString();

describe('parseWhen', () => {
  it.each([
    ['tomorrow 3pm for 45m Design review', 'Europe/Berlin', '2026-03-28T14:00:00.000Z', '2026-03-28T14:45:00.000Z', 'Design review'],
    ['tomorrow 9am Standup', 'America/Los_Angeles', '2026-03-28T16:00:00.000Z', '2026-03-28T17:00:00.000Z', 'Standup'],
    ['at 15:30 Sync', 'Europe/Berlin', '2026-03-27T14:30:00.000Z', '2026-03-27T15:30:00.000Z', 'Sync'],
    ['in 10 minutes Quick chat', 'Asia/Tokyo', '2026-03-27T10:10:00.000Z', '2026-03-27T11:10:00.000Z', 'Quick chat'],
    ['next Monday 14:00 for 1h30 Planning', 'Europe/Berlin', '2026-03-30T12:00:00.000Z', '2026-03-30T13:30:00.000Z', 'Planning'],
    ['Monday 14:00 Planning', 'UTC', '2026-03-30T14:00:00.000Z', '2026-03-30T15:00:00.000Z', 'Planning'],
    ['tomorrow 9am for 90 minutes Workshop', 'Asia/Tokyo', '2026-03-28T00:00:00.000Z', '2026-03-28T01:30:00.000Z', 'Workshop'],
    ['at noon Lunch', 'Europe/Berlin', '2026-03-27T11:00:00.000Z', '2026-03-27T12:00:00.000Z', 'Lunch'],
    ['tomorrow 3pm for 2 hours Offsite', 'UTC', '2026-03-28T15:00:00.000Z', '2026-03-28T17:00:00.000Z', 'Offsite'],
  ])('%j in %s → %s … %s, subject %j', (text, zone, start, end, subject) => {
    expect(parseWhen(text, at(zone))).toEqual({ kind: 'scheduled', subject, start: new Date(start), end: new Date(end) });
  });

  it('crosses the DST change: Monday 9:00 in Berlin is UTC+2, today is UTC+1', () => {
    const result = parseWhen('Monday 9:00 Review', at('Europe/Berlin'));
    expect(result.kind === 'scheduled' && iso(result.start)).toBe('2026-03-30T07:00:00.000Z');
    expect(zoneOffsetMinutes('Europe/Berlin', NOW)).toBe(60);
  });

  it.each([
    ['morgen 15 Uhr für 30m Planung', 'de-DE', 'Planung', '2026-03-28T14:00:00.000Z', '2026-03-28T14:30:00.000Z'],
    ['demain 15h pour 45 min Revue', 'fr-FR', 'Revue', '2026-03-28T14:00:00.000Z', '2026-03-28T14:45:00.000Z'],
    ['mañana a las 15:00 Reunión', 'es-ES', 'Reunión', '2026-03-28T14:00:00.000Z', '2026-03-28T15:00:00.000Z'],
    ['明日 15時 定例会議', 'ja-JP', '定例会議', '2026-03-28T14:00:00.000Z', '2026-03-28T15:00:00.000Z'],
    ['tomorrow 3pm Review', 'de-DE', 'Review', '2026-03-28T14:00:00.000Z', '2026-03-28T15:00:00.000Z'],
  ])('%j in %s (Berlin)', (text, locale, subject, start, end) => {
    expect(parseWhen(text, at('Europe/Berlin', locale))).toEqual({ kind: 'scheduled', subject, start: new Date(start), end: new Date(end) });
  });

  it.each([
    ['Quarterly numbers', 'Quarterly numbers'],
    ['1:1 with Ann', '1:1 with Ann'],
    ['Q3 review', 'Q3 review'],
    ['2026 planning', '2026 planning'],
    ['"Monday planning"', 'Monday planning'],
    ['Monday planning', 'Monday planning'],
    ['March madness', 'March madness'],
    ["Today's standup", "Today's standup"],
    ['Friday retro', 'Friday retro'],
    ['Now what', 'Now what'],
    ['“tomorrow’s demo”', 'tomorrow’s demo'],
  ])('%j starts now with subject %j', (text, subject) => {
    expect(parseWhen(text, at('Europe/Berlin'))).toEqual({ kind: 'now', subject });
  });

  it('takes a duration without a time: the meeting starts now', () => {
    expect(parseWhen('for 30m Standup', at('UTC'))).toEqual({ kind: 'now', subject: 'Standup', durationMinutes: 30 });
  });

  it.each([
    ['tomorrow Design review', 'no-time', 'tomorrow'],
    ['next Monday planning', 'no-time', 'next Monday'],
    ['today Sync', 'no-time', 'today'],
    ['this afternoon Sync', 'no-time', 'this afternoon'],
    ['at 9:00 Standup', 'past', 'at 9:00'],
    ['yesterday 3pm Retro', 'past', 'yesterday 3pm'],
    ['Sunday 2:30 Night shift', 'nonexistent-time', 'Sunday 2:30'],
    ['tomorrow 3pm for 0m x', 'bad-duration', 'for 0m'],
    ['for 30h x', 'bad-duration', 'for 30h'],
  ])('%j → %s', (text, problem, phrase) => {
    expect(parseWhen(text, at('Europe/Berlin'))).toEqual({ kind: 'invalid', problem, phrase });
  });

  it('falls back to UTC for an unknown zone', () => {
    const result = parseWhen('tomorrow 9am x', { now: NOW, timeZone: 'Mars/Olympus' });
    expect(result.kind === 'scheduled' && iso(result.start)).toBe('2026-03-28T09:00:00.000Z');
  });
});

describe('wallClockToUtc', () => {
  it('finds times skipped and repeated by DST changes', () => {
    expect(wallClockToUtc('Europe/Berlin', { year: 2026, month: 3, day: 29, hour: 2, minute: 30 })).toEqual({ ok: false, problem: 'nonexistent-time' });
    expect(wallClockToUtc('Europe/Berlin', { year: 2026, month: 10, day: 25, hour: 2, minute: 30 })).toEqual({ ok: false, problem: 'repeated-time' });
    expect(wallClockToUtc('America/New_York', { year: 2026, month: 11, day: 1, hour: 1, minute: 30 })).toEqual({ ok: false, problem: 'repeated-time' });
    expect(wallClockToUtc('Europe/Berlin', { year: 2026, month: 3, day: 29, hour: 3, minute: 30 })).toEqual({ ok: true, instant: new Date('2026-03-29T01:30:00Z') });
    expect(wallClockToUtc('UTC', { year: 2026, month: 1, day: 1, hour: 0, minute: 0 })).toEqual({ ok: true, instant: new Date('2026-01-01T00:00:00Z') });
  });
});

describe('parseWhen on hostile text', () => {
  it('reads the time at the start of a 200 KB text and leaves the rest to the subject rules', () => {
    const long = 'x'.repeat(200_000);
    const result = parseWhen(`tomorrow 9:00 ${long}`, at('Europe/Berlin'));
    expect(result).toMatchObject({ kind: 'scheduled', subject: long, start: new Date('2026-03-28T08:00:00.000Z') });
  });

  it.each([
    ['date phrases repeated', 'tomorrow 9:00 '.repeat(15_000)],
    ['times only', '1:1 '.repeat(50_000)],
    ['bidi and controls', '\u202e9:00 \u0000'.repeat(30_000)],
    ['a quote never closed', `"${'tomorrow at 9 '.repeat(14_000)}`],
  ])('%s (200 KB) gets one answer from the head of the text', (_label, text) => {
    const result = parseWhen(text, at('Europe/Berlin', 'de-DE'));
    expect(['now', 'scheduled', 'invalid']).toContain(result.kind);
    if (result.kind === 'invalid') expect(result.phrase.length).toBeLessThanOrEqual(WHEN_SEARCH_LENGTH);
  });
});
