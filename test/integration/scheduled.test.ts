import { messagesFor } from '../../src/i18n/messages';
import { startMeetingInvoke, startMeetingSubmit } from '../support/card-actions';
import { useHarness, type Harness } from '../support/harness';
import { teamsMessage } from '../support/teams-activity';

type Json = Record<string, unknown>;

interface Wall {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/** The wall clock of an instant in a zone. */
function wallOf(instant: number, timeZone: string): Wall {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute') };
}

/** Every UTC instant showing `wall` in `timeZone`, found by trying each quarter-hour offset (independent of the bot's own conversion). */
function instantsOf(wall: Wall, timeZone: string): number[] {
  const naive = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  const found: number[] = [];
  for (let offset = -14 * 60; offset <= 14 * 60; offset += 15) {
    const candidate = naive - offset * 60_000;
    if (JSON.stringify(wallOf(candidate, timeZone)) === JSON.stringify(wall)) found.push(candidate);
  }
  return found;
}

/** The one instant of a wall-clock time `days` from today in a zone. */
function localInstant(timeZone: string, days: number, hour: number, minute = 0): Date {
  const today = wallOf(Date.now(), timeZone);
  const day = new Date(Date.UTC(today.year, today.month - 1, today.day + days));
  const [instant] = instantsOf({ year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate(), hour, minute }, timeZone);
  return new Date(instant as number);
}

const iso = (date: Date) => date.toISOString().slice(0, 10);
/** Next year's n-th (or, with n = -1, last) Sunday of a month: daylight-saving changes always lie ahead. */
function sunday(month: number, n: number): Date {
  const year = new Date().getUTCFullYear() + 1;
  if (n < 0) {
    const last = new Date(Date.UTC(year, month, 0));
    return new Date(Date.UTC(year, month - 1, last.getUTCDate() - last.getUTCDay()));
  }
  const first = new Date(Date.UTC(year, month - 1, 1));
  return new Date(Date.UTC(year, month - 1, 1 + ((7 - first.getUTCDay()) % 7) + (n - 1) * 7));
}
const EU_SPRING = sunday(3, -1);
const US_SPRING = sunday(3, 2);
const US_AUTUMN = sunday(11, 1);
const dayAfter = (date: Date) => new Date(date.getTime() + 86_400_000);
const wallOn = (date: Date, hour: number, minute = 0): Wall => ({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), hour, minute });
const onlyInstant = (wall: Wall, timeZone: string) => new Date(instantsOf(wall, timeZone)[0] as number);

interface BookedRow {
  text: string;
  locale: string;
  timeZone: string;
  start: () => Date;
  minutes: number;
  subject: string;
}

/** Phrases × zones × languages that book a meeting. */
const BOOKED: BookedRow[] = [
  { text: '/meet tomorrow 3pm for 45m Design review', locale: 'en-US', timeZone: 'America/New_York', start: () => localInstant('America/New_York', 1, 15), minutes: 45, subject: 'Design review' },
  { text: '/meet morgen 15 Uhr für 30m Planung', locale: 'de-DE', timeZone: 'Europe/Berlin', start: () => localInstant('Europe/Berlin', 1, 15), minutes: 30, subject: 'Planung' },
  { text: '/meet demain à 9h pour 1h30 Revue de conception', locale: 'fr-FR', timeZone: 'Europe/Paris', start: () => localInstant('Europe/Paris', 1, 9), minutes: 90, subject: 'Revue de conception' },
  { text: '/meet mañana a las 10:00 por 2h Revisión', locale: 'es-ES', timeZone: 'America/Mexico_City', start: () => localInstant('America/Mexico_City', 1, 10), minutes: 120, subject: 'Revisión' },
  { text: '/meet 明日 15時 for 45m 定例', locale: 'ja-JP', timeZone: 'Asia/Tokyo', start: () => localInstant('Asia/Tokyo', 1, 15), minutes: 45, subject: '定例' },
  { text: '/meet tomorrow at 9:30 Standup', locale: 'en-IN', timeZone: 'Asia/Kolkata', start: () => localInstant('Asia/Kolkata', 1, 9, 30), minutes: 60, subject: 'Standup' },
  // After a daylight-saving change: the offset of that day, not today's.
  { text: `/meet ${iso(dayAfter(EU_SPRING))} 09:00 für 1h Retro`, locale: 'de-DE', timeZone: 'Europe/Berlin', start: () => onlyInstant(wallOn(dayAfter(EU_SPRING), 9), 'Europe/Berlin'), minutes: 60, subject: 'Retro' },
  { text: `/meet ${iso(dayAfter(US_SPRING))} 9:00 for 30m Sync`, locale: 'en-US', timeZone: 'America/Los_Angeles', start: () => onlyInstant(wallOn(dayAfter(US_SPRING), 9), 'America/Los_Angeles'), minutes: 30, subject: 'Sync' },
];

interface RefusedRow {
  text: string;
  locale: string;
  timeZone: string;
  words: string[];
}

/** Phrases that must be refused with an answer in the sender's language, booking nothing. */
const REFUSED: RefusedRow[] = [
  { text: `/meet ${iso(EU_SPRING)} 02:30 Deploy`, locale: 'de-DE', timeZone: 'Europe/Berlin', words: ['gibt es in Ihrer Zeitzone (Europe/Berlin) nicht', `${iso(EU_SPRING)} 02:30`] },
  { text: `/meet ${iso(EU_SPRING)} 01:30 Deploy`, locale: 'en-GB', timeZone: 'Europe/London', words: ['does not exist in your time zone (Europe/London)'] },
  { text: `/meet ${iso(US_AUTUMN)} 1:30 Deploy`, locale: 'en-US', timeZone: 'America/New_York', words: ['happens twice in your time zone (America/New_York)'] },
  { text: `/meet ${iso(US_AUTUMN)} 1:30 Deploy`, locale: 'fr-FR', timeZone: 'America/New_York', words: ['existe deux fois dans votre fuseau horaire'] },
  { text: '/meet ayer a las 15:00 Retro', locale: 'es-ES', timeZone: 'Europe/Madrid', words: ['ayer a las 15:00', 'ya ha pasado'] },
  { text: '/meet 明日 会議', locale: 'ja-JP', timeZone: 'Asia/Tokyo', words: ['「明日」には時刻がありません'] },
  { text: '/meet tomorrow 3pm for 30h Marathon', locale: 'en-US', timeZone: 'UTC', words: ['is not a duration I can use'] },
];

const cardTextOf = (activity: Json | undefined) => JSON.stringify(activity?.attachments ?? []);
const localWords = (date: Date, locale: string, timeZone: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(date);

/** Tomorrow's date in a zone, as YYYY-MM-DD. */
function tomorrowIn(timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(Date.now() + 86_400_000));
}

describe.each(['users', 'app'] as const)('scheduled meetings with MEETINGS_API=%s', (api) => {
  let h: Harness;
  // One sender books every row of this table within a minute: more than MEET_RATE_LIMIT lets a person start.
  // How a time is read and sent on the wire, as standalone meetings; calendar-events.test.ts books the same as events.
  useHarness((started) => (h = started), { env: { MEETINGS_API: api, MEET_RATE_LIMIT: 'off', SCHEDULED_MEETINGS: 'online' } });

  it('books "tomorrow 3pm for 45m" in the sender’s zone, in UTC on the wire, and shows local time on the card', async () => {
    await h.post(teamsMessage({ serviceUrl: h.connector.serviceUrl, text: '/meet tomorrow 3pm for 45m Design review', timezone: 'Asia/Tokyo' }));
    const body = h.emulator.graphRequests[0]?.body as Json;
    const start = new Date(`${tomorrowIn('Asia/Tokyo')}T15:00:00+09:00`);
    expect(body.startDateTime).toBe(start.toISOString());
    expect(body.endDateTime).toBe(new Date(start.getTime() + 45 * 60_000).toISOString());
    expect(body.subject).toBe('Design review');
    if (api === 'app') expect(body.meetingType).toBe('scheduled');
    const card = JSON.stringify(h.connector.messages[0]?.activity.attachments);
    expect(card).toContain('3:00 PM');
    expect(card).toContain('GMT+9');
  });

  it('books "in 10 minutes" from now', async () => {
    const before = Date.now();
    await h.post(teamsMessage({ serviceUrl: h.connector.serviceUrl, text: '/meet in 10 minutes Quick sync', timezone: 'America/New_York' }));
    const body = h.emulator.graphRequests[0]?.body as Json;
    const start = Date.parse(String(body.startDateTime));
    expect(start).toBeGreaterThanOrEqual(before + 10 * 60_000 - 1_000);
    expect(start).toBeLessThanOrEqual(Date.now() + 10 * 60_000 + 1_000);
    expect(Date.parse(String(body.endDateTime)) - start).toBe(60 * 60_000);
  });

  it('sends the reader’s language as Accept-Language', async () => {
    await h.post(teamsMessage({ serviceUrl: h.connector.serviceUrl, text: '/meet Planung', locale: 'de-DE' }));
    expect(h.emulator.graphRequests[0]?.headers['accept-language']).toBe('de-DE');
  });

  it('answers a time in the past with an example and books nothing', async () => {
    await h.post(teamsMessage({ serviceUrl: h.connector.serviceUrl, text: '/meet yesterday 3pm Retro', timezone: 'Europe/Berlin' }));
    expect(h.emulator.graphRequests).toHaveLength(0);
    const text = h.connector.messages[0]?.activity.text as string;
    expect(text).toContain('yesterday 3pm');
    expect(text).toContain('/meet tomorrow 9:00');
  });

  it('answers a day without a time in the sender’s language', async () => {
    await h.post(teamsMessage({ serviceUrl: h.connector.serviceUrl, text: '/meet morgen Planung', timezone: 'Europe/Berlin', locale: 'de-DE' }));
    expect(h.emulator.graphRequests).toHaveLength(0);
    expect(h.connector.messages[0]?.activity.text).toContain('enthält keine Uhrzeit');
  });

  it.each(BOOKED)('$locale in $timeZone: "$text" books the right UTC times and the card speaks the sender’s language', async (row) => {
    await h.post(teamsMessage({ serviceUrl: h.connector.serviceUrl, text: row.text, timezone: row.timeZone, locale: row.locale }));
    expect(h.emulator.graphRequests).toHaveLength(1);
    const request = h.emulator.graphRequests[0];
    const body = request?.body as Json;
    const start = row.start();
    expect(body.startDateTime).toBe(start.toISOString());
    expect(body.endDateTime).toBe(new Date(start.getTime() + row.minutes * 60_000).toISOString());
    expect(body.subject).toBe(row.subject);
    expect(request?.headers['accept-language']).toBe(row.locale);
    const m = messagesFor(row.locale);
    const card = cardTextOf(h.connector.messages[0]?.activity);
    for (const words of [m.t('meeting.kind'), m.t('meeting.starts'), m.t('meeting.ends'), m.t('meeting.join'), localWords(start, row.locale, row.timeZone)]) {
      expect(card).toContain(JSON.stringify(words).slice(1, -1));
    }
    expect(card).toContain(JSON.stringify(localWords(new Date(start.getTime() + row.minutes * 60_000), row.locale, row.timeZone)).slice(1, -1));
    if (!row.locale.startsWith('en')) for (const english of ['Organizer', 'Starts:', 'Join meeting', 'Dial-in']) expect(card).not.toContain(english);
  });

  it.each(REFUSED)('$locale in $timeZone: "$text" is refused in the sender’s language and books nothing', async (row) => {
    await h.post(teamsMessage({ serviceUrl: h.connector.serviceUrl, text: row.text, timezone: row.timeZone, locale: row.locale }));
    expect(h.emulator.graphRequests).toHaveLength(0);
    const text = h.connector.messages[0]?.activity.text as string;
    for (const words of row.words) expect(text).toContain(words);
  });

  describe('the Start card’s date, time and duration', () => {
    const tomorrow = (timeZone: string) => {
      const day = new Date(localInstant(timeZone, 1, 12).getTime());
      return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(day);
    };

    it('Action.Execute: date + time + duration book in the clicker’s zone and answer the card in the clicker’s language', async () => {
      const response = await h.post(
        startMeetingInvoke({
          serviceUrl: h.connector.serviceUrl,
          cardActivityId: 'card-exec-1',
          timezone: 'Asia/Tokyo',
          locale: 'ja-JP',
          data: { cardId: 'c-exec-1', subject: 'レビュー', date: tomorrow('Asia/Tokyo'), time: '09:30', duration: '45' },
        }),
      );
      expect(response.status).toBe(200);
      const start = localInstant('Asia/Tokyo', 1, 9, 30);
      const body = h.emulator.graphRequests[0]?.body as Json;
      expect(body.startDateTime).toBe(start.toISOString());
      expect(body.endDateTime).toBe(new Date(start.getTime() + 45 * 60_000).toISOString());
      expect(h.emulator.graphRequests[0]?.headers['accept-language']).toBe('ja-JP');
      const answer = JSON.parse(response.body) as { statusCode: number; type: string; value: Json };
      expect(answer).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
      const card = JSON.stringify(answer.value);
      expect(card).toContain(localWords(start, 'ja-JP', 'Asia/Tokyo'));
      expect(card).toContain('開始: ');
    });

    it('Action.Submit: a time alone means today; the card is replaced in place', async () => {
      const start = new Date(Date.now() + 2 * 3_600_000);
      const wall = wallOf(start.getTime(), 'America/New_York');
      // Late in the evening "in two hours" is tomorrow: then give the date too.
      const today = wallOf(Date.now(), 'America/New_York');
      const sameDay = wall.day === today.day;
      const time = `${String(wall.hour).padStart(2, '0')}:${String(wall.minute).padStart(2, '0')}`;
      const date = sameDay ? '' : `${wall.year}-${String(wall.month).padStart(2, '0')}-${String(wall.day).padStart(2, '0')}`;
      await h.post(
        startMeetingSubmit({
          serviceUrl: h.connector.serviceUrl,
          cardActivityId: 'card-submit-1',
          timezone: 'America/New_York',
          locale: 'es-MX',
          data: { cardId: 'c-submit-1', subject: 'Planificación', date, time, duration: 30 },
        }),
      );
      const expected = onlyInstant(wall, 'America/New_York');
      const body = h.emulator.graphRequests[0]?.body as Json;
      expect(body.startDateTime).toBe(expected.toISOString());
      expect(body.endDateTime).toBe(new Date(expected.getTime() + 30 * 60_000).toISOString());
      const update = h.connector.messages[0];
      expect(update?.method).toBe('PUT');
      expect(update?.activityId).toBe('card-submit-1');
      expect(cardTextOf(update?.activity)).toContain('Empieza: ');
    });

    it('empty date and time start now, as before (no times on the wire)', async () => {
      await h.post(startMeetingInvoke({ serviceUrl: h.connector.serviceUrl, cardActivityId: 'card-now-1', data: { cardId: 'c-now-1', date: '', time: '', duration: '60' } }));
      const body = h.emulator.graphRequests[0]?.body as Json;
      expect(body.startDateTime).toBeUndefined();
      expect(h.emulator.meetings()).toHaveLength(1);
    });

    it.each([
      { name: 'a time skipped by the clocks', date: iso(EU_SPRING), time: '02:30', duration: '60', locale: 'de-DE', words: 'gibt es in Ihrer Zeitzone (Europe/Berlin) nicht' },
      { name: 'a time in the past', date: '2020-01-06', time: '09:00', duration: '60', locale: 'en-US', words: '"2020-01-06 09:00" is in the past' },
      { name: 'a date without a time', date: iso(dayAfter(EU_SPRING)), time: '', duration: '60', locale: 'fr-FR', words: 'Choisissez aussi une heure' },
      { name: 'a duration beyond a day', date: '', time: '', duration: '2000', locale: 'en-US', words: 'is not a duration I can use' },
    ])('refuses $name in the clicker’s language, with both Action.Execute and Action.Submit, booking nothing', async (row) => {
      const data = { cardId: `c-${row.name}`, date: row.date, time: row.time, duration: row.duration };
      const execute = await h.post(startMeetingInvoke({ serviceUrl: h.connector.serviceUrl, cardActivityId: 'card-bad-1', timezone: 'Europe/Berlin', locale: row.locale, data }));
      const answer = JSON.parse(execute.body) as { statusCode: number; type: string; value: string };
      expect(answer).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.activity.message' });
      expect(answer.value).toContain(row.words);
      await h.post(startMeetingSubmit({ serviceUrl: h.connector.serviceUrl, cardActivityId: 'card-bad-2', timezone: 'Europe/Berlin', locale: row.locale, data }));
      expect(h.connector.messages[0]?.activity.text).toContain(row.words);
      expect(h.emulator.graphRequests).toHaveLength(0);
    });
  });

  it('a subject in quotes starts now even when it begins like a date', async () => {
    await h.post(teamsMessage({ serviceUrl: h.connector.serviceUrl, text: '/meet "Monday planning"' }));
    const body = h.emulator.graphRequests[0]?.body as Json;
    expect(body.subject).toBe('Monday planning');
    expect(body.startDateTime).toBeUndefined();
  });
});
