import fc from 'fast-check';
import { CardRenderer, type MeetingCardView, type StartMeetingCardView } from '../../src/cards/card-renderer';
import { literalText } from '../../src/cards/format';
import { displayName } from '../../src/commands/subject';
import { SUPPORTED_LANGUAGES } from '../../src/i18n/catalog';
import type { DialIn, Meeting } from '../../src/meetings/meeting';

/**
 * User text is data to adaptivecards-templating, never template: a card rendered with hostile text is the
 * card rendered with a plain word, the text put where the word was. Nothing in the text is evaluated
 * (`${…}`, adaptive-expressions functions), nothing in it changes the card's shape, and the card with the
 * plain word has no `${…}` left, so every field the templates read is in the data.
 */
const renderer = new CardRenderer();

/** Stand for user text (subject, invitations, notes), people's names and Graph's ids in the plain card. */
const USER = 'Qx7UserText';
const NAME = 'Qx7NameText';
const GRAPH = 'Qx7GraphText';

/** The JSON of `card` with each placeholder replaced by its text, escaped as JSON escapes it. */
function withTexts(card: unknown, texts: Readonly<Record<string, string>>): string {
  return JSON.stringify(card).replace(/Qx7\w+Text/g, (placeholder) => JSON.stringify(texts[placeholder]).slice(1, -1));
}

const LOCALES: Readonly<Record<string, string>> = { en: 'en-US', de: 'de-DE', fr: 'fr-FR', es: 'es-ES', ja: 'ja-JP' };

const fullDialIn = (conferenceId: string): DialIn => ({
  tollNumbers: ['+1 425-555-0100', '+44 20 7946 0000'],
  tollFreeNumbers: ['+18666390588'],
  conferenceId,
  participantPasscode: '9911',
  dialinUrl: 'https://dialin.teams.microsoft.com/22f12fa0?id=2425999',
});

const base: Meeting = {
  id: 'm1',
  subject: 'Roadmap',
  joinUrl: 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_X%40thread.v2/0?context=%7b%22Tid%22%3a%22t%22%7d',
  startDateTime: '2026-11-24T09:00:00Z',
  endDateTime: '2026-11-24T09:45:00Z',
  joinMeetingId: '123456789012',
  passcode: 'aB3dE6',
  created: true,
};

/** A meeting card with `user` in every piece of user text, `name` in names and `graph` in Graph's ids. */
function meetingView(user: string, name: string, graph: string, reader: { locale?: string; timeZone?: string }, scheduled = true): MeetingCardView {
  return {
    meeting: { ...base, subject: user, dialIn: fullDialIn(graph), joinMeetingId: graph, passcode: graph },
    organizerName: name,
    notes: [user, user],
    scheduled,
    ...reader,
  };
}

const startView = (user: string, locale?: string): StartMeetingCardView => ({ defaultSubject: user, cardId: 'c1', locale, title: user, intro: [user] });

function expectInertMeetingCard(text: string, reader: { locale?: string; timeZone?: string }, scheduled?: boolean): void {
  const plain = renderer.meetingCard(meetingView(USER, NAME, GRAPH, reader, scheduled)).content;
  const hostile = renderer.meetingCard(meetingView(text, text, text, reader, scheduled)).content;
  // Names are shortened and their spaces normalised before they are shown.
  expect(JSON.stringify(hostile)).toBe(withTexts(plain, { [USER]: literalText(text), [NAME]: literalText(displayName(text)), [GRAPH]: text }));
}

function expectInertStartCard(text: string, locale?: string): void {
  const plain = renderer.startMeetingCard(startView(USER, locale)).content;
  const hostile = renderer.startMeetingCard(startView(text, locale)).content;
  expect(JSON.stringify(hostile)).toBe(withTexts(plain, { [USER]: text }));
}

/** The compose box's form (a subject taken from someone's message), its "being created" card, and a cancelled meeting's card. */
function expectInertDialogCards(text: string, locale?: string): void {
  const form = (subject: string) => renderer.composeFormCard({ subject, formId: 'f1', locale }).content;
  expect(JSON.stringify(form(text))).toBe(withTexts(form(USER), { [USER]: text }));
  const pending = (subject: string) => renderer.composePendingCard({ form: { subject, date: '2030-01-02', time: '09:00', duration: 45, formId: 'f1' }, locale }).content;
  expect(JSON.stringify(pending(text))).toBe(withTexts(pending(USER), { [USER]: text }));
  const cancelled = (subject: string, by: string) => renderer.cancelledMeetingCard({ subject, cancelledBy: by, cancelledAt: new Date('2026-11-24T08:59:00Z'), calendar: true, locale }).content;
  expect(JSON.stringify(cancelled(text, text))).toBe(withTexts(cancelled(USER, NAME), { [USER]: literalText(text), [NAME]: literalText(displayName(text)) }));
}

/** A scheduled meeting's "Cancel meeting" data carries its subject and organizer's name as data (read back by the bot, never shown): as typed. */
function expectInertCancelData(text: string): void {
  const view = (user: string, name: string): MeetingCardView => ({ ...meetingView(user, name, GRAPH, {}), organizerId: '550fae72-d251-43ec-868c-373732c2704f' });
  const actions = (card: Record<string, unknown>) => (card.actions as { verb?: string; data?: unknown }[]).filter((action) => action.verb === 'cancelMeeting');
  const [cancel] = actions(renderer.meetingCard(view(text, text)).content);
  expect(cancel?.data).toEqual({ action: 'cancelMeeting', organizerId: '550fae72-d251-43ec-868c-373732c2704f', organizerName: displayName(text), eventId: '', meetingId: 'm1', subject: text });
}

const HOSTILE = [
  '${subject}',
  '${organizer}',
  "${join('a','b')}",
  '${joinUrl} ${labels.join} ${$root.footer} ${$data} ${$index}',
  '${1 + 1} ${concat(subject, organizer)} ${if(true, "a", "b")}',
  '{{DATE(2017-02-14T06:08:39Z, SHORT)}} {{TIME(2017-02-14T06:08:39Z)}}',
  '${',
  '}',
  '{name} {time}',
  'Say "hi" and \'bye\'',
  'C:\\temp\\new \\n \\u0041 \\${x}',
  '`backtick` ${`x`}',
  '[click](https://evil.example) **bold** _it_ <b>html</b> # heading',
  '😀 👩🏽‍💻 Ä \u202e RTL \u0000 \uD800',
  'x'.repeat(256),
];

describe.each(SUPPORTED_LANGUAGES.map((language) => [language, LOCALES[language] ?? language]))('cards in %s (%s)', (_language, locale) => {
  const reader = { locale, timeZone: 'Europe/Berlin' };

  it('the plain cards have no ${…} left: every field the templates read is in the data', () => {
    for (const scheduled of [true, false]) expect(JSON.stringify(renderer.meetingCard(meetingView(USER, NAME, GRAPH, reader, scheduled)).content)).not.toContain('${');
    expect(JSON.stringify(renderer.meetingCard({ meeting: base, organizerName: 'Heidi', ...reader }).content)).not.toContain('${');
    expect(JSON.stringify(renderer.startMeetingCard({ defaultSubject: 'Heidi', cardId: 'c1', locale }).content)).not.toContain('${');
  });

  it('hostile subjects, names, invitations, notes and ids are shown as they were typed, never evaluated', () => {
    for (const text of HOSTILE) {
      expectInertMeetingCard(text, reader);
      expectInertStartCard(text, locale);
      expectInertDialogCards(text, locale);
      expectInertCancelData(text);
    }
  });
});

describe('cards for random user text', () => {
  const text = fc.oneof(fc.string({ minLength: 1, maxLength: 40 }), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 256 }), fc.constantFrom(...HOSTILE));
  const locale = fc.option(fc.constantFrom(...Object.values(LOCALES), 'en-GB', 'pt-BR', 'xx-invalid-!!'), { nil: undefined });
  const timeZone = fc.option(fc.constantFrom('UTC', 'Europe/Berlin', 'Asia/Tokyo', 'Mars/Olympus'), { nil: undefined });

  it('meeting cards show the text where the plain word was, and nothing else changes', () => {
    // A name that is blank once its spaces are folded has no Organizer line at all (next test): no word to swap.
    const shown = text.filter((user) => displayName(user) !== '');
    fc.assert(
      fc.property(shown, locale, timeZone, fc.boolean(), (user, loc, zone, scheduled) => expectInertMeetingCard(user, { locale: loc, timeZone: zone }, scheduled)),
      { numRuns: 300 },
    );
  });

  it('a blank organizer name leaves out the Organizer line instead of showing it empty', () => {
    for (const blank of [' ', '\t \u3000']) {
      const card = JSON.stringify(renderer.meetingCard(meetingView(USER, blank, GRAPH, {}, false)).content);
      expect(card).not.toContain('Organizer: ');
      expect(card).toContain(USER);
    }
  });

  it('start cards show the text where the plain word was, and nothing else changes', () => {
    fc.assert(fc.property(text, locale, (user, loc) => expectInertStartCard(user, loc)), { numRuns: 300 });
  });
});
