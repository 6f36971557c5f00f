import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CardRenderer, DEFAULT_CARDS_DIR } from '../../src/cards/card-renderer';
import { MeetNowError } from '../../src/errors';
import { formatDateTime, telLink } from '../../src/cards/format';
import type { Meeting } from '../../src/meetings/meeting';

const renderer = new CardRenderer();

const meeting: Meeting = {
  id: 'm1',
  subject: 'Quarterly numbers',
  joinUrl: 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_X%40thread.v2/0?context=%7b%22Tid%22%3a%22t%22%7d',
  startDateTime: '2026-11-24T09:00:00Z',
  dialIn: {
    tollNumbers: ['+1 425-555-0100', '+44 20 7946 0000'],
    tollFreeNumbers: ['+18666390588'],
    conferenceId: '2425999',
    dialinUrl: 'https://dialin.teams.microsoft.com/22f12fa0?id=2425999',
  },
  joinMeetingId: '123456789012',
  passcode: 'aB3dE6',
  created: true,
};

type Json = Record<string, unknown>;
const texts = (node: unknown): string[] => {
  if (Array.isArray(node)) return node.flatMap(texts);
  if (node !== null && typeof node === 'object') {
    const record = node as Json;
    return [...(typeof record.text === 'string' ? [record.text] : []), ...Object.values(record).flatMap(texts)];
  }
  return [];
};
const urls = (node: unknown): string[] => {
  if (Array.isArray(node)) return node.flatMap(urls);
  if (node !== null && typeof node === 'object') {
    const record = node as Json;
    return [...(typeof record.url === 'string' ? [record.url] : []), ...Object.values(record).flatMap(urls)];
  }
  return [];
};

describe('meeting card', () => {
  const card = renderer.meetingCard({ meeting, organizerName: 'Heidi Steen', timeZone: 'Europe/Berlin', locale: 'en-GB' });
  const content = card.content as Json;

  it('is an Adaptive Card 1.5 with the exact join URL as its Join meeting action', () => {
    expect(card.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(content.version).toBe('1.5');
    const actions = content.actions as Json[];
    expect(actions[0]).toMatchObject({ type: 'Action.OpenUrl', title: 'Join meeting', url: meeting.joinUrl });
  });

  it('shows subject and organizer, and a meeting started now as "Now" until an hour after Graph’s start, in the reader’s zone, never a raw ISO string', () => {
    const all = texts(content);
    expect(all).toContain('Quarterly numbers');
    expect(all).toContain('Heidi Steen');
    expect(all).toEqual(expect.arrayContaining(['Starts: ', 'Now', 'Ends: ']));
    expect(all.join(' ')).toContain('11:00');
    expect(all.join(' ')).not.toContain('2026-11-24T');
  });

  it('ends a meeting started now when Graph says it ends', () => {
    const until = renderer.meetingCard({ meeting: { ...meeting, endDateTime: '2026-11-24T09:30:00Z' }, organizerName: 'Heidi Steen', timeZone: 'Europe/Berlin', locale: 'en-GB' });
    expect(texts(until.content).join(' ')).toContain('10:30');
  });

  it('shows a scheduled meeting’s start and end', () => {
    const scheduled = renderer.meetingCard({ meeting: { ...meeting, endDateTime: '2026-11-24T09:45:00Z' }, organizerName: 'Heidi Steen', scheduled: true, timeZone: 'Europe/Berlin', locale: 'en-GB' });
    const all = texts(scheduled.content);
    expect(all).not.toContain('Now');
    expect(all.join(' ')).toMatch(/Starts: .*10:00.*Ends: .*10:45/);
  });

  it('shows every dial-in item verbatim behind a "Join by phone" toggle, with tel: links and "Find a local number" linking to dialinUrl', () => {
    const all = texts(content);
    for (const value of ['+1 425-555-0100', '+44 20 7946 0000', '+18666390588', '2425999', '123456789012', 'aB3dE6', 'Find a local number']) {
      expect(all).toContain(value);
    }
    expect(urls(content)).toEqual(expect.arrayContaining(['tel:+14255550100', 'tel:+442079460000', 'tel:+18666390588', meeting.dialIn?.dialinUrl]));
    expect(all.join(' ')).not.toContain('not available');
    const body = content.body as Json[];
    const dialIn = body.find((block) => block.id === 'dialIn') as Json;
    expect(dialIn).toMatchObject({ type: 'Container', isVisible: false });
    for (const value of ['+1 425-555-0100', '2425999', meeting.dialIn?.dialinUrl]) expect(JSON.stringify(dialIn)).toContain(value);
    // The meeting ID and passcode stay in sight, under their own heading.
    const byId = body.find((block) => JSON.stringify(block).includes('Join with a meeting ID')) as Json;
    expect(byId.isVisible).toBeUndefined();
    expect(texts(byId)).toEqual(expect.arrayContaining(['123456789012', 'aB3dE6']));
    expect(content.actions).toEqual([
      { type: 'Action.OpenUrl', title: 'Join meeting', url: meeting.joinUrl, style: 'positive' },
      { type: 'Action.ToggleVisibility', title: 'Join by phone', targetElements: ['dialIn'] },
    ]);
  });

  it('shows a dialinUrl that is not https as text, not as a link', () => {
    const plain = renderer.meetingCard({ meeting: { ...meeting, dialIn: { tollNumbers: [], tollFreeNumbers: [], dialinUrl: 'javascript:alert(1)' } }, organizerName: 'Heidi' });
    expect(texts(plain.content)).toContain('javascript:alert(1)');
    expect(urls(plain.content)).not.toContain('javascript:alert(1)');
  });

  it('says in one sentence that dial-in is not available when Graph gave no audio conferencing', () => {
    const noDialIn = renderer.meetingCard({ meeting: { ...meeting, dialIn: undefined }, organizerName: 'Heidi' });
    const all = texts(noDialIn.content);
    expect(all).toContain('Dial-in is not available for this meeting.');
    expect(urls(noDialIn.content).some((url) => url.startsWith('tel:'))).toBe(false);
    expect((noDialIn.content.actions as Json[]).map((action) => action.type)).toEqual(['Action.OpenUrl']);
  });

  it('shows hostile user text literally: markdown and HTML in plain text runs, template syntax not evaluated', () => {
    const subject = '[click](https://evil.example) **x** <b>y</b> ${joinUrl} {{DATE(2017-02-14T06:08:39Z, SHORT)}}';
    const hostile = renderer.meetingCard({ meeting: { ...meeting, subject }, organizerName: '${subject} [me](https://evil.example)' });
    const json = hostile.content as Json;
    const body = json.body as Json[];
    const subjectBlock = body.find((block) => block.type === 'RichTextBlock') as Json;
    const run = (subjectBlock.inlines as Json[])[0] as Json;
    expect(run.type).toBe('TextRun');
    expect(run.text).toBe(subject.replace('{{', '{\u200b{').replace('}}', '}\u200b}'));
    expect(texts(json)).toContain('${subject} [me](https://evil.example)');
    // No user text lands where markdown renders (TextBlock / FactSet).
    const markdownTexts = JSON.stringify(body.filter((block) => block.type === 'TextBlock'));
    expect(markdownTexts).not.toContain('evil.example');
    expect(urls(json)).not.toContain('https://evil.example');
  });

  it('@mentions the people it names as invited, by Entra object id, so that Teams notifies them', () => {
    const invited = renderer.meetingCard({
      meeting,
      organizerName: 'Heidi Steen',
      invited: { people: [{ objectId: 'oid-megan', displayName: 'Megan Bowen' }, { objectId: 'oid-adele', userPrincipalName: 'adele@contoso.example' }] },
    });
    const json = invited.content as Json;
    const line = (json.body as Json[]).find((block) => block.type === 'TextBlock' && String(block.text).startsWith('Invited:')) as Json;
    expect(line.text).toBe('Invited: <at>Megan Bowen</at> and <at>adele@contoso.example</at>');
    expect(json.msteams).toEqual({
      entities: [
        { type: 'mention', text: '<at>Megan Bowen</at>', mentioned: { id: 'oid-megan', name: 'Megan Bowen' } },
        { type: 'mention', text: '<at>adele@contoso.example</at>', mentioned: { id: 'oid-adele', name: 'adele@contoso.example' } },
      ],
    });
  });

  it('names at most eight people and mentions only those it names', () => {
    const people = Array.from({ length: 11 }, (_, i) => ({ objectId: `oid-${i}`, displayName: `Person ${i}` }));
    const json = renderer.meetingCard({ meeting, organizerName: 'Heidi', invited: { people } }).content as Json;
    expect(texts(json)).toContain('Invited: <at>Person 0</at>, <at>Person 1</at>, <at>Person 2</at>, <at>Person 3</at>, <at>Person 4</at>, <at>Person 5</at>, <at>Person 6</at>, <at>Person 7</at>, and 3 more');
    expect(((json.msteams as Json).entities as Json[]).map((entity) => (entity.mentioned as Json).id)).toEqual(people.slice(0, 8).map((person) => person.objectId));
  });

  it('counts everyone in a channel without mentioning them', () => {
    const json = renderer.meetingCard({ meeting, organizerName: 'Heidi', invited: { everyone: 'everyone in this channel (7 people)' } }).content as Json;
    expect(texts(json)).toContain('Invited: everyone in this channel (7 people)');
    expect(json.msteams).toEqual({ entities: [] });
  });

  it('a calendar meeting says in one line whose calendar it is in and who was invited, naming the organizer once', () => {
    const inCalendar = { ...meeting, eventId: 'AAMkAGI2TG93AAA=' };
    const json = renderer.meetingCard({ meeting: inCalendar, organizerName: 'Heidi Steen', invited: { people: [{ objectId: 'oid-megan', displayName: 'Megan Bowen' }] } }).content as Json;
    expect(texts(json)).toContain("In Heidi Steen's calendar · invitations sent to <at>Megan Bowen</at>");
    expect(JSON.stringify(json).split('Heidi Steen')).toHaveLength(2);
    expect(((json.msteams as Json).entities as Json[])[0]).toMatchObject({ text: '<at>Megan Bowen</at>', mentioned: { id: 'oid-megan' } });
    const alone = renderer.meetingCard({ meeting: inCalendar, organizerName: 'Heidi Steen' }).content as Json;
    expect(texts(alone)).toContain("In Heidi Steen's calendar.");
    // A standalone meeting has no calendar line.
    expect(JSON.stringify(content)).not.toContain('calendar');
  });

  it('keeps hostile names of invited people and organizers out of markdown: no links, emphasis, tags or template syntax reach a mention', () => {
    const hostile = '[me](https://evil.example) **x** <b>y</b></at> ${subject} {{DATE(2017-02-14T06:08:39Z, SHORT)}}';
    const json = renderer.meetingCard({
      meeting: { ...meeting, eventId: 'event-1' },
      organizerName: `- ${hostile}`,
      invited: { people: [{ objectId: 'oid-1', displayName: hostile }, { objectId: 'oid-2', displayName: '***' }] },
    }).content as Json;
    const line = (json.body as Json[]).find((block) => block.type === 'TextBlock' && String(block.text).includes('calendar')) as Json;
    expect(line.text).toBe(
      "In me (https evil.example) x b y b at subject DATE(2017-02-14T06 08 39Z, SHORT)'s calendar · invitations sent to <at>me (https evil.example) x b y b at subject DATE(2017-02-14T06 08 39Z, SHORT)</at> and <at>a colleague</at>",
    );
    const entities = (json.msteams as Json).entities as Json[];
    // The entity keeps the name as it is (it is data, never rendered), and its text is exactly the line's.
    expect(entities.map((entity) => (entity.mentioned as Json).name)).toEqual([hostile, '***']);
    for (const entity of entities) expect(line.text).toContain(entity.text);
  });
});

describe('start meeting card', () => {
  const card = renderer.startMeetingCard({ defaultSubject: "Ann's meeting", cardId: 'card-1' });
  const content = card.content as Json;

  it('has a subject input and an Action.Execute startMeeting with an Action.Submit fallback carrying the same data', () => {
    const input = (content.body as Json[]).find((block) => block.type === 'Input.Text') as Json;
    expect(input).toMatchObject({ id: 'subject', value: "Ann's meeting", maxLength: 256 });
    const [execute] = content.actions as Json[];
    expect(execute).toMatchObject({ type: 'Action.Execute', verb: 'startMeeting' });
    const fallback = execute?.fallback as Json;
    expect(fallback.type).toBe('Action.Submit');
    expect(fallback.data).toEqual(execute?.data);
    expect(execute?.data).toEqual({ action: 'startMeeting', cardId: 'card-1' });
  });
});

describe('card templates', () => {
  /** A cards directory with the real other cards and `meeting` as cards/meeting.json. */
  function cardsDirWith(meeting: string): string {
    const dir = mkdtempSync(join(tmpdir(), 'meetnow-cards-'));
    for (const name of ['start-meeting', 'compose-form', 'compose-pending', 'cancelled-meeting']) copyFileSync(join(DEFAULT_CARDS_DIR, `${name}.json`), join(dir, `${name}.json`));
    writeFileSync(join(dir, 'meeting.json'), meeting);
    return dir;
  }

  it.each([
    ['a file that is not JSON', '{ "type": "AdaptiveCard", '],
    ['an expression that does not parse', JSON.stringify({ type: 'AdaptiveCard', body: [{ type: 'TextBlock', text: '${subject organizer}' }] })],
    ['a function adaptive-expressions does not have', JSON.stringify({ type: 'AdaptiveCard', body: [{ type: 'TextBlock', text: '${shout(subject)}' }] })],
    ['it in a part only some cards show', JSON.stringify({ type: 'AdaptiveCard', body: [{ type: 'TextBlock', $data: '${phoneLines}', text: '${shout(label)}' }] })],
    ['a label inside other text (labels are whole values)', JSON.stringify({ type: 'AdaptiveCard', body: [{ type: 'TextBlock', text: '${labels.join}: ${joinUrl}' }] })],
    ['a label no language has', JSON.stringify({ type: 'AdaptiveCard', body: [{ type: 'TextBlock', text: '${labels.joinNow}' }] })],
  ])('stop start-up, naming the file, when one has %s', (_problem, meetingJson) => {
    const start = () => new CardRenderer(cardsDirWith(meetingJson));
    expect(start).toThrow(MeetNowError);
    expect(start).toThrow(/card template meeting\.json: /);
  });

  it('take their static words in the reader\'s language, and only what is exactly a label', () => {
    const dir = cardsDirWith(JSON.stringify({ type: 'AdaptiveCard', body: [{ type: 'TextBlock', text: '${labels.join}' }, { type: 'TextBlock', text: '${subject}' }] }));
    const renderer = new CardRenderer(dir);
    const join = (locale: string) => texts(renderer.meetingCard({ meeting: { ...meeting, subject: '${labels.join}' }, organizerName: 'Ann', locale }).content);
    expect(join('en-US')).toEqual(['Join meeting', '${labels.join}']);
    expect(join('de-DE')).toEqual(['An Besprechung teilnehmen', '${labels.join}']);
    expect(join('pt-BR')).toEqual(['Join meeting', '${labels.join}']);
  });

  it('are parsed once: a template file changed after start-up changes no card', () => {
    const dir = cardsDirWith(JSON.stringify({ type: 'AdaptiveCard', body: [{ type: 'TextBlock', text: '${subject}' }] }));
    const parsed = new CardRenderer(dir);
    writeFileSync(join(dir, 'meeting.json'), JSON.stringify({ type: 'AdaptiveCard', body: [{ type: 'TextBlock', text: 'changed' }] }));
    expect(texts(parsed.meetingCard({ meeting, organizerName: 'Ann' }).content)).toEqual(['Quarterly numbers']);
  });
});

describe('formatting helpers', () => {
  it('makes tel: links only of dialable numbers', () => {
    expect(telLink('+1 (425) 555-0100')).toBe('tel:+14255550100');
    expect(telLink('call us')).toBe('');
  });

  it('formats times in a zone, falling back to UTC for unknown zones, and tolerates Graph’s zone-less values', () => {
    expect(formatDateTime('2026-07-01T12:00:00Z', 'en-US', 'America/New_York')).toMatch(/8:00.*EDT/);
    expect(formatDateTime('2026-07-01T12:00:00.0000000', 'en-US', 'Mars/Olympus')).toMatch(/12:00.*\(UTC\)/);
    expect(formatDateTime('garbage')).toBe('');
    expect(formatDateTime('2026-07-01T12:00:00Z', 'xx-invalid-locale-!!', 'UTC')).toMatch(/12:00/);
  });
});
