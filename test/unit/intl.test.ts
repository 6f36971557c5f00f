import { dateTimeFormat } from '../../src/intl';

describe('dateTimeFormat (cached Intl.DateTimeFormat)', () => {
  const instant = new Date('2026-07-01T13:05:00Z');

  it('formats like a freshly built formatter and reuses the instance', () => {
    const cached = dateTimeFormat('mediumDateTime', 'de-DE', 'Europe/Berlin');
    const fresh = new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Berlin' });
    expect(cached.format(instant)).toBe(fresh.format(instant));
    expect(dateTimeFormat('mediumDateTime', 'de-DE', 'Europe/Berlin')).toBe(cached);
    expect(dateTimeFormat('mediumDateTime', 'de-DE', 'Asia/Tokyo')).not.toBe(cached);
  });

  it('throws the RangeError of the constructor for a bad zone or locale, every time', () => {
    expect(() => dateTimeFormat('probe', 'en-US', 'Mars/Olympus_Mons')).toThrow(RangeError);
    expect(() => dateTimeFormat('probe', 'en-US', 'Mars/Olympus_Mons')).toThrow(RangeError);
    expect(() => dateTimeFormat('probe', 'not a locale!')).toThrow(RangeError);
  });

  it('stays bounded when every activity brings another zone', () => {
    for (let i = 0; i < 2_000; i += 1) expect(() => dateTimeFormat('probe', 'en-US', `Bogus/Zone_${i}`)).toThrow(RangeError);
    expect(dateTimeFormat('probe', 'en-US', 'UTC').resolvedOptions().timeZone).toBe('UTC');
  });
});
