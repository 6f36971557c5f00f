import { startHarness, type Harness } from '../support/harness';
import { teamsMessage } from '../support/teams-activity';

type Json = Record<string, unknown>;

/** Tomorrow's date in a zone, as YYYY-MM-DD. */
function tomorrowIn(timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(Date.now() + 86_400_000));
}

describe.each(['users', 'app'] as const)('scheduled meetings with MEETINGS_API=%s', (api) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ env: { MEETINGS_API: api } });
  });
  afterAll(async () => h.close());
  beforeEach(() => {
    h.connector.reset();
    h.emulator.reset();
  });

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

  it('a subject in quotes starts now even when it begins like a date', async () => {
    await h.post(teamsMessage({ serviceUrl: h.connector.serviceUrl, text: '/meet "Monday planning"' }));
    const body = h.emulator.graphRequests[0]?.body as Json;
    expect(body.subject).toBe('Monday planning');
    expect(body.startDateTime).toBeUndefined();
  });
});
