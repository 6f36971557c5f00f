import { randomUUID } from 'node:crypto';
import { BoundedMap, stringBytes } from '../../src/bounded-map';
import { readerContext } from '../../src/bot/reader-context';
import { WelcomeMemory } from '../../src/bot/welcome';
import { Directory, MAX_AUTO_TENANTS, MAX_AUTO_USERS } from '../../src/emulator/directory';
import { MAX_NAME_LENGTH } from '../../src/commands/subject';
import { boundedStartedMeeting, MAX_PHONE_NUMBERS } from '../../src/meetings/bounded-meeting';
import type { StartedMeeting } from '../../src/meetings/meeting-service';
import { MemoryDedupeStore } from '../../src/meetings/memory-dedupe-store';

const KB = 1024;

describe('BoundedMap', () => {
  const bytesMap = (maxEntries: number, maxBytes: number) =>
    new BoundedMap<string, string>({ maxEntries, maxBytes, sizeOf: (key, value) => stringBytes(key) + stringBytes(value) });

  it('past its entry cap forgets the oldest first', () => {
    const map = new BoundedMap<string, number>({ maxEntries: 3 });
    for (const [i, key] of ['a', 'b', 'c', 'd'].entries()) map.set(key, i);
    expect([map.has('a'), map.get('b'), map.get('d'), map.size]).toEqual([false, 1, 3, 3]);
  });

  it('counts the bytes of what it holds and forgets the oldest beyond its byte budget', () => {
    const map = bytesMap(100, 100);
    map.set('a', 'x'.repeat(20));
    map.set('b', 'y'.repeat(20));
    expect(map.bytes).toBe(84);
    map.set('c', 'z'.repeat(20));
    expect([map.has('a'), map.has('b'), map.has('c'), map.bytes]).toEqual([false, true, true, 84]);
    map.delete('b');
    expect(map.bytes).toBe(42);
  });

  it('replacing a key counts only the new value, and moves the key to the newest place', () => {
    const map = bytesMap(2, 1_000);
    map.set('a', 'x'.repeat(100));
    map.set('b', 'y');
    map.set('a', 'x');
    expect(map.bytes).toBe(8);
    map.set('c', 'z');
    expect([map.has('b'), map.has('a'), map.has('c')]).toEqual([false, true, true]);
  });

  it('does not keep a value larger than the whole budget', () => {
    const map = bytesMap(10, 100);
    map.set('small', 'x');
    map.set('huge', 'x'.repeat(1_000));
    expect([map.has('huge'), map.has('small'), map.bytes]).toEqual([false, false, 0]);
  });

  it('drops the oldest entries while they are stale, and stops at the first fresh one', () => {
    const map = new BoundedMap<string, number>({ maxEntries: 10 });
    [1, 2, 10, 3].forEach((expiry, i) => map.set(`k${i}`, expiry));
    map.dropOldestWhile((expiry) => expiry < 5);
    expect([map.size, map.has('k2'), map.has('k3')]).toEqual([2, true, true]);
  });
});

describe('dedupe memory bounded by bytes', () => {
  it('claims a key once, forgets a released claim, and remembers values', async () => {
    const store = new MemoryDedupeStore();
    expect(await store.claim('k', 60_000)).toBe(true);
    expect(await store.claim('k', 60_000)).toBe(false);
    await store.release('k');
    expect(await store.claim('k', 60_000)).toBe(true);
    await store.remember('k', 'v', 60_000);
    expect(await store.recall('k')).toBe('v');
  });

  it('forgets after the TTL', async () => {
    const store = new MemoryDedupeStore();
    expect(await store.claim('k', 1)).toBe(true);
    await store.remember('v', 'value', 1);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await store.claim('k', 60_000)).toBe(true);
    expect(await store.recall('v')).toBeUndefined();
  });

  it('keeps remembered values within its byte budget, newest kept, whatever their size', async () => {
    const store = new MemoryDedupeStore({ maxClaims: 1_000, maxRemembered: 1_000, maxRememberedBytes: 1024 * KB });
    const value = (i: number) => `${i}:${'n'.repeat(100 * KB)}`;
    for (let i = 0; i < 200; i++) await store.remember(`card ${i}`, value(i), 60_000);
    expect(store.rememberedBytes).toBeLessThanOrEqual(1024 * KB);
    expect(store.rememberedBytes).toBeGreaterThan(800 * KB);
    expect(await store.recall('card 199')).toBe(value(199));
    expect(await store.recall('card 0')).toBeUndefined();
  });

  it('keeps keys as fixed-size digests: a 120 KB key costs what a short one does', async () => {
    const store = new MemoryDedupeStore();
    await store.remember('k'.repeat(120 * KB), 'v', 60_000);
    const long = store.rememberedBytes;
    await store.remember('short', 'v', 60_000);
    expect(store.rememberedBytes).toBe(2 * long);
    expect(await store.recall('k'.repeat(120 * KB))).toBe('v');
  });
});

describe('what a card click remembers', () => {
  const started = (organizerName: string, tollNumbers: string[] = ['+1 555 0100']): StartedMeeting => ({
    organizerName,
    startedAt: '2026-12-06T03:00:00.000Z',
    meeting: {
      id: 'MSo1N2Y5ZGFjYy03MWJmLTQ3NDMtYjQxMy01M2EdFGkdRWHJlQ',
      subject: 'Quarterly numbers',
      joinUrl: 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0?context=%7b%7d',
      startDateTime: '2026-12-06T03:00:00Z',
      endDateTime: '2026-12-06T04:00:00Z',
      dialIn: { tollNumbers, tollFreeNumbers: ['+1 800 555 0100'], conferenceId: '123456789', dialinUrl: 'https://dialin.teams.microsoft.com/x' },
      joinMeetingId: '1234 5678 9012',
      passcode: 'aB3dE5',
      created: true,
    },
  });

  it('is the meeting unchanged when every field is of a sane size', () => {
    expect(boundedStartedMeeting(started('Megan Bowen'))).toEqual(started('Megan Bowen'));
  });

  it('cuts a 100 KB name to the 128 characters a card shows, ending with an ellipsis, never inside a surrogate pair', () => {
    expect(boundedStartedMeeting(started('M'.repeat(100 * KB))).organizerName).toBe(`${'M'.repeat(MAX_NAME_LENGTH - 1)}…`);
    const emoji = boundedStartedMeeting(started(`${'a'.repeat(MAX_NAME_LENGTH - 2)}😀😀😀`)).organizerName;
    expect(emoji).toBe(`${'a'.repeat(MAX_NAME_LENGTH - 2)}😀…`);
  });

  it('keeps at most a few phone numbers of each kind', () => {
    const many = Array.from({ length: 1_000 }, (_, i) => `+1 555 ${String(i).padStart(4, '0')}`);
    expect(boundedStartedMeeting(started('Megan', many)).meeting.dialIn?.tollNumbers).toEqual(many.slice(0, MAX_PHONE_NUMBERS));
  });
});

describe('welcome memory', () => {
  it('welcomes a conversation once within the window, even with a 120 KB id', () => {
    const memory = new WelcomeMemory();
    const id = `19:${'c'.repeat(120 * KB)}@thread.tacv2`;
    expect(memory.claim(id, 0)).toBe(true);
    expect(memory.claim(id, 1_000)).toBe(false);
    expect(memory.claim(id, 11 * 60_000)).toBe(true);
  });

  it('holds at most its cap of conversations, about a hundred bytes each whatever their ids', () => {
    const memory = new WelcomeMemory(1_000);
    const long = 'c'.repeat(120 * KB);
    for (let i = 0; i < 3_000; i++) memory.claim(`${i}:${long}`, 0);
    expect(memory.bytes).toBeLessThanOrEqual(1_000 * 128);
    expect(memory.claim(`2999:${long}`, 0)).toBe(false);
    expect(memory.claim(`0:${long}`, 0)).toBe(true);
  });
});

describe('emulator directory auto-provisioning', () => {
  it('keeps at most its caps of provisioned tenants and users; one forgotten comes back the same', () => {
    const directory = new Directory(true);
    const tenant = randomUUID();
    const first = directory.findUserById(tenant, randomUUID());
    for (let i = 0; i < MAX_AUTO_USERS + 10; i++) directory.findUserById(tenant, randomUUID());
    for (let i = 0; i < MAX_AUTO_TENANTS + 10; i++) directory.resolveTenant(randomUUID());
    expect(directory.autoProvisioned).toBe(MAX_AUTO_TENANTS + MAX_AUTO_USERS);
    expect(directory.findUserById(tenant, first?.id ?? '')).toEqual(first);
  });

  it('never forgets configured users', () => {
    const directory = new Directory(true);
    const tenant = randomUUID();
    const id = randomUUID();
    directory.addUser({ id, tenantId: tenant, displayName: 'Megan Bowen', userPrincipalName: 'megan@contoso.example' });
    for (let i = 0; i < MAX_AUTO_USERS + 10; i++) directory.findUserById(tenant, randomUUID());
    expect(directory.findUser(tenant, 'megan@contoso.example')?.displayName).toBe('Megan Bowen');
  });
});

describe('reader context', () => {
  it('ignores a locale or time zone too long to be one, so that no formatting cache keys on it', () => {
    const huge = 'x'.repeat(100 * KB);
    expect(readerContext({ locale: huge, localTimezone: huge })).toEqual({ locale: undefined, timeZone: undefined });
    expect(readerContext({ locale: huge, entities: [{ type: 'clientInfo', locale: 'de-AT', timezone: 'America/Argentina/ComodRivadavia' }] })).toEqual({
      locale: 'de-AT',
      timeZone: 'America/Argentina/ComodRivadavia',
    });
  });
});
