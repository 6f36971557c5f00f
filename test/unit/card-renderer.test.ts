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

  it('shows subject, organizer and the start time in the reader’s zone, never a raw ISO string', () => {
    const all = texts(content);
    expect(all).toContain('Quarterly numbers');
    expect(all).toContain('Heidi Steen');
    expect(all.join(' ')).toContain('10:00');
    expect(all.join(' ')).not.toContain('2026-11-24T');
  });

  it('shows every dial-in item verbatim, with tel: links for the numbers', () => {
    const all = texts(content);
    for (const value of ['+1 425-555-0100', '+44 20 7946 0000', '+18666390588', '2425999', meeting.dialIn?.dialinUrl, '123456789012', 'aB3dE6']) {
      expect(all).toContain(value);
    }
    expect(urls(content)).toEqual(expect.arrayContaining(['tel:+14255550100', 'tel:+442079460000', 'tel:+18666390588', meeting.dialIn?.dialinUrl]));
    expect(all.join(' ')).not.toContain('not available');
  });

  it('says in one sentence that dial-in is not available when Graph gave no audio conferencing', () => {
    const noDialIn = renderer.meetingCard({ meeting: { ...meeting, dialIn: undefined }, organizerName: 'Heidi' });
    const all = texts(noDialIn.content);
    expect(all).toContain('Dial-in is not available for this meeting.');
    expect(urls(noDialIn.content).some((url) => url.startsWith('tel:'))).toBe(false);
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

  it('says who started it when it replaces a Start card', () => {
    const started = renderer.meetingCard({ meeting, organizerName: 'Ann', startedBy: { name: 'Ann', at: new Date('2026-11-24T09:05:00Z') }, timeZone: 'UTC' });
    expect(texts(started.content).join(' ')).toMatch(/Started by Ann at .*9:05 AM \(UTC\)/);
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
  /** A cards directory with the real start card and `meeting` as cards/meeting.json. */
  function cardsDirWith(meeting: string): string {
    const dir = mkdtempSync(join(tmpdir(), 'meetnow-cards-'));
    copyFileSync(join(DEFAULT_CARDS_DIR, 'start-meeting.json'), join(dir, 'start-meeting.json'));
    writeFileSync(join(dir, 'meeting.json'), meeting);
    return dir;
  }

  it.each([
    ['a file that is not JSON', '{ "type": "AdaptiveCard", '],
    ['an expression that does not parse', JSON.stringify({ type: 'AdaptiveCard', body: [{ type: 'TextBlock', text: '${subject organizer}' }] })],
    ['a function adaptive-expressions does not have', JSON.stringify({ type: 'AdaptiveCard', body: [{ type: 'TextBlock', text: '${shout(subject)}' }] })],
    ['it in a part only some cards show', JSON.stringify({ type: 'AdaptiveCard', body: [{ type: 'TextBlock', $data: '${phoneLines}', text: '${shout(label)}' }] })],
  ])('stop start-up, naming the file, when one has %s', (_problem, meetingJson) => {
    const start = () => new CardRenderer(cardsDirWith(meetingJson));
    expect(start).toThrow(MeetNowError);
    expect(start).toThrow(/card template meeting\.json: /);
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
