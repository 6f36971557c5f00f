import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Template } from 'adaptivecards-templating';
import fc from 'fast-check';
import {
  cancelledMeetingCardData,
  CardRenderer,
  composeFormCardData,
  composePendingCardData,
  DEFAULT_CARDS_DIR,
  meetingCardData,
  startMeetingCardData,
  type CancelledMeetingCardView,
  type MeetingCardView,
  type StartMeetingCardView,
} from '../../src/cards/card-renderer';
import { SUPPORTED_LANGUAGES } from '../../src/i18n/catalog';
import type { DialIn, Meeting } from '../../src/meetings/meeting';

/**
 * The compiled cards against adaptivecards-templating 2.3.1 (what rendered them before): the same JSON,
 * key order included, for every language and every shape of meeting.
 */
const renderer = new CardRenderer();
const template = (name: string) => new Template(JSON.parse(readFileSync(join(DEFAULT_CARDS_DIR, `${name}.json`), 'utf8')));
const meetingTemplate = template('meeting');
const startTemplate = template('start-meeting');
const cancelledTemplate = template('cancelled-meeting');

function expectMeetingCardAsBefore(view: MeetingCardView): void {
  const actual = renderer.meetingCard(view).content;
  const expected = meetingTemplate.expand({ $root: meetingCardData(view) });
  expect(JSON.stringify(actual)).toBe(JSON.stringify(expected));
  expect(actual).toStrictEqual(expected);
}

function expectCancelledCardAsBefore(view: CancelledMeetingCardView): void {
  const actual = renderer.cancelledMeetingCard(view).content;
  const expected = cancelledTemplate.expand({ $root: cancelledMeetingCardData(view) });
  expect(actual).toStrictEqual(expected);
}

function expectStartCardAsBefore(view: StartMeetingCardView): void {
  const actual = renderer.startMeetingCard(view).content;
  const expected = startTemplate.expand({ $root: startMeetingCardData(view) });
  expect(JSON.stringify(actual)).toBe(JSON.stringify(expected));
  expect(actual).toStrictEqual(expected);
}

const LOCALES: Readonly<Record<string, string>> = { en: 'en-US', de: 'de-DE', fr: 'fr-FR', es: 'es-ES', ja: 'ja-JP' };

const fullDialIn: DialIn = {
  tollNumbers: ['+1 425-555-0100', '+44 20 7946 0000'],
  tollFreeNumbers: ['+18666390588'],
  conferenceId: '2425999',
  participantPasscode: '9911',
  dialinUrl: 'https://dialin.teams.microsoft.com/22f12fa0?id=2425999',
};

const base: Meeting = {
  id: 'm1',
  subject: 'Roadmap',
  joinUrl: 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_X%40thread.v2/0?context=%7b%22Tid%22%3a%22t%22%7d',
  startDateTime: '2026-11-24T09:00:00Z',
  endDateTime: '2026-11-24T09:45:00Z',
  dialIn: fullDialIn,
  joinMeetingId: '123456789012',
  passcode: 'aB3dE6',
  created: true,
};

const HOSTILE = [
  '${subject}',
  '${joinUrl} ${labels.join} ${$root.footer}',
  '{{DATE(2017-02-14T06:08:39Z, SHORT)}}',
  'Say "hi" and \'bye\'',
  'C:\\temp\\new \\n \\u0041 \\${x}',
  '`backtick` ${`x`}',
  '[click](https://evil.example) **bold** _it_ <b>html</b> # heading',
  '😀 👩🏽‍💻 Ä \u202e RTL \u0000 \uD800',
  'x'.repeat(256),
  '',
];

describe.each(SUPPORTED_LANGUAGES.map((language) => [language, LOCALES[language] ?? language]))('cards in %s (%s), compiled and as before', (_language, locale) => {
  const reader = { locale, timeZone: 'Europe/Berlin' };

  it('meeting card: every dial-in line, meeting id and passcode, scheduled end, invited (mentioned) and notes', () => {
    expectMeetingCardAsBefore({
      meeting: base,
      organizerName: 'Heidi Steen',
      invited: { people: [{ objectId: 'o1', displayName: 'Megan Bowen' }, { objectId: 'o2', userPrincipalName: 'adele@contoso.example' }] },
      notes: ['Sam Stranger is not in this team.', 'Teams invites at most 250 people.'],
      scheduled: true,
      ...reader,
    });
  });

  it('meeting card without dial-in, ids, end, invitations or notes', () => {
    expectMeetingCardAsBefore({ meeting: { ...base, dialIn: undefined, joinMeetingId: undefined, passcode: undefined }, organizerName: 'Heidi', ...reader });
  });

  it('meeting card of a calendar meeting started now, everyone invited', () => {
    expectMeetingCardAsBefore({ meeting: { ...base, eventId: 'e1' }, organizerName: 'Heidi', invited: { everyone: 'everyone in this channel (7 people)' }, ...reader });
  });

  it('meeting card with each dial-in detail alone', () => {
    const parts: DialIn[] = [
      { tollNumbers: ['+1 425-555-0100'], tollFreeNumbers: [] },
      { tollNumbers: [], tollFreeNumbers: ['+18666390588', 'call us'] },
      { tollNumbers: [], tollFreeNumbers: [], conferenceId: '2425999' },
      { tollNumbers: [], tollFreeNumbers: [], participantPasscode: '9911' },
      { tollNumbers: [], tollFreeNumbers: [], dialinUrl: 'http://dialin.example/not-https' },
      { tollNumbers: [], tollFreeNumbers: [] },
    ];
    for (const dialIn of parts) expectMeetingCardAsBefore({ meeting: { ...base, dialIn, joinMeetingId: undefined }, organizerName: 'Heidi', ...reader });
    expectMeetingCardAsBefore({ meeting: { ...base, dialIn: undefined, passcode: undefined }, organizerName: 'Heidi', ...reader });
  });

  it('meeting card with hostile subjects, names, invitations and notes', () => {
    for (const text of HOSTILE) {
      expectMeetingCardAsBefore({
        meeting: { ...base, subject: text, dialIn: { ...fullDialIn, conferenceId: text }, joinMeetingId: text },
        organizerName: text,
        invited: { people: [{ objectId: text, displayName: text }] },
        notes: [text, text],
        ...reader,
      });
    }
  });

  it('compose box dialogs: the form (with a subject taken from a hostile message) and "being created" with the form to submit again', () => {
    for (const subject of ['Quarterly numbers', ...HOSTILE]) {
      const form = { subject, formId: 'f1', locale };
      expect(renderer.composeFormCard(form).content).toStrictEqual(template('compose-form').expand({ $root: composeFormCardData(form) }));
      const pending = { form: { subject, date: '2030-01-02', time: '09:00', duration: 45, formId: 'f1' }, locale };
      expect(renderer.composePendingCard(pending).content).toStrictEqual(template('compose-pending').expand({ $root: composePendingCardData(pending) }));
    }
  });

  it('scheduled meeting card with "Cancel meeting" (a calendar event, a standalone meeting), hostile subjects included', () => {
    const organizerId = '550fae72-d251-43ec-868c-373732c2704f';
    expectMeetingCardAsBefore({ meeting: { ...base, eventId: 'AAMkAGI2TGuLAAA=' }, organizerName: 'Heidi Steen', organizerId, scheduled: true, ...reader });
    expectMeetingCardAsBefore({ meeting: base, organizerName: 'Heidi Steen', organizerId, scheduled: true, ...reader });
    for (const text of HOSTILE) expectMeetingCardAsBefore({ meeting: { ...base, subject: text }, organizerName: text, organizerId, scheduled: true, ...reader });
  });

  it('cancelled meeting card, hostile subjects and names included', () => {
    const at = new Date('2026-11-24T08:59:00Z');
    for (const text of ['Roadmap', ...HOSTILE]) {
      for (const calendar of [true, false]) expectCancelledCardAsBefore({ subject: text, cancelledBy: text, cancelledAt: at, calendar, ...reader });
    }
  });

  it('start card, plain and as a welcome with intro lines and a title', () => {
    expectStartCardAsBefore({ defaultSubject: "Heidi's meeting", cardId: 'c1', locale });
    expectStartCardAsBefore({ defaultSubject: 'x', cardId: 'c2', locale, title: 'Welcome to MeetNow', intro: ['**/meet** starts a meeting', 'Type `help`'] });
    for (const text of HOSTILE) expectStartCardAsBefore({ defaultSubject: text, cardId: text, locale, title: text, intro: [text] });
  });
});

describe('compiled cards for random views', () => {
  const text = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 256 }), fc.constantFrom(...HOSTILE));
  const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });
  const phone = fc.oneof(fc.constantFrom('+1 425-555-0100', '+18666390588', '+44 (20) 7946-0000', 'call us'), text);
  const dateTime = fc.oneof(
    fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((date) => date.toISOString()),
    fc.constantFrom('2026-11-24T09:00:00.0000000', 'garbage', ''),
  );
  const dialIn: fc.Arbitrary<DialIn> = fc.record(
    { tollNumbers: fc.array(phone, { maxLength: 3 }), tollFreeNumbers: fc.array(phone, { maxLength: 2 }), conferenceId: text, participantPasscode: text, dialinUrl: fc.oneof(fc.webUrl(), text) },
    { requiredKeys: ['tollNumbers', 'tollFreeNumbers'] },
  );
  const meeting: fc.Arbitrary<Meeting> = fc.record({
    id: fc.string({ maxLength: 8 }),
    subject: text,
    joinUrl: fc.oneof(fc.webUrl(), text),
    startDateTime: maybe(dateTime),
    endDateTime: maybe(dateTime),
    dialIn: maybe(dialIn),
    joinMeetingId: maybe(text),
    passcode: maybe(text),
    created: fc.boolean(),
    eventId: maybe(text),
  });
  const locale = maybe(fc.constantFrom(...Object.values(LOCALES), 'en-GB', 'de-AT', 'pt-BR', 'xx-invalid-!!'));
  const timeZone = maybe(fc.constantFrom('UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Tokyo', 'Mars/Olympus'));

  it('meeting cards are the same JSON as adaptivecards-templating’s', () => {
    const view: fc.Arbitrary<MeetingCardView> = fc.record({
      meeting,
      organizerName: text,
      invited: maybe(fc.oneof(fc.record({ everyone: text }), fc.record({ people: fc.array(fc.record({ objectId: text, displayName: maybe(text) }), { maxLength: 10 }) }))),
      notes: maybe(fc.array(text, { maxLength: 3 })),
      scheduled: maybe(fc.boolean()),
      organizerId: maybe(fc.uuid()),
      locale,
      timeZone,
    });
    fc.assert(fc.property(view, expectMeetingCardAsBefore), { numRuns: 500 });
  });

  it('start cards are the same JSON as adaptivecards-templating’s', () => {
    const view: fc.Arbitrary<StartMeetingCardView> = fc.record({ defaultSubject: text, cardId: text, locale, title: maybe(text), intro: maybe(fc.array(text, { maxLength: 3 })) });
    fc.assert(fc.property(view, expectStartCardAsBefore), { numRuns: 300 });
  });
});
