import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_SUBJECT_LENGTH } from '../commands/subject';
import { messagesFor, type Messages } from '../i18n/messages';
import type { Meeting } from '../meetings/meeting';
import { Template } from 'adaptivecards-templating';
import { MeetNowError } from '../errors';
import { formatDateTime, literalText, telLink } from './format';
import { displayName } from '../commands/subject';
import type { CardAttachment } from './attachment';

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/** cards/ at the package root, from src/cards (ts-jest) and dist/cards (compiled) alike. */
export const DEFAULT_CARDS_DIR = join(__dirname, '..', '..', 'cards');

export interface ReaderContext {
  locale?: string;
  timeZone?: string;
}

export interface MeetingCardView extends ReaderContext {
  meeting: Meeting;
  organizerName: string;
  /** "Started by <name> at <time>" when the card replaced a "Start meeting now" card. */
  startedBy?: { name: string; at: Date };
  /** "Invited: Megan Bowen and Adele Vance" when the message invited people. */
  invited?: string;
  /** What the sender should know about the invitation (people not found, the attendee cap). */
  notes?: string[];
  /** A meeting booked for a given time: the card shows when it ends too. */
  scheduled?: boolean;
}

export interface StartMeetingCardView {
  defaultSubject: string;
  cardId: string;
  /** The reader's locale: picks the card's words. */
  locale?: string;
  /** Heading; "Start a Teams meeting" (in the reader's language) by default. */
  title?: string;
  /** Lines above the subject box (markdown written by us, never user text): the welcome card's introduction. */
  intro?: string[];
}

interface Line {
  label: string;
  value: string;
  link: string;
}

/** The static words of each card in one language (the templates' `${labels.…}`). */
function meetingLabels(m: Messages) {
  return {
    kind: m.t('meeting.kind'),
    organizer: m.t('meeting.organizer'),
    starts: m.t('meeting.starts'),
    ends: m.t('meeting.ends'),
    joinByPhone: m.t('meeting.joinByPhone'),
    noDialIn: m.t('meeting.noDialIn'),
    join: m.t('meeting.join'),
  };
}

function startLabels(m: Messages) {
  return {
    subject: m.t('start.subject'),
    placeholder: m.t('start.placeholder'),
    when: m.t('start.when'),
    date: m.t('start.date'),
    time: m.t('start.time'),
    duration: m.t('start.duration'),
    clickNote: m.t('start.clickNote'),
    button: m.t('start.button'),
  };
}

const MEETING_LABELS = new Map<string, ReturnType<typeof meetingLabels>>();
const START_LABELS = new Map<string, ReturnType<typeof startLabels>>();

/**
 * The `$root` data of cards/meeting.json for one reader (what its `${…}` read). User text arrives here as
 * data: adaptivecards-templating evaluates only the template's own `${…}` and inserts data values as they
 * are, so a subject such as `${organizer}` is shown, not expanded; `literalText` handles what the Teams
 * client itself would expand (`{{DATE(…)}}`). Every field is defined: a missing one would show as `${name}`.
 */
function meetingCardData(view: MeetingCardView) {
  const { meeting } = view;
  const m = messagesFor(view.locale);
  const dialIn = meeting.dialIn;
  const phoneLines: Line[] = [];
  if (dialIn !== undefined) {
    for (const number of dialIn.tollNumbers) phoneLines.push({ label: m.t('meeting.toll'), value: number, link: telLink(number) });
    for (const number of dialIn.tollFreeNumbers) phoneLines.push({ label: m.t('meeting.tollFree'), value: number, link: telLink(number) });
    if (dialIn.conferenceId !== undefined) phoneLines.push({ label: m.t('meeting.conferenceId'), value: dialIn.conferenceId, link: '' });
    if (dialIn.participantPasscode !== undefined) phoneLines.push({ label: m.t('meeting.passcode'), value: dialIn.participantPasscode, link: '' });
    if (dialIn.dialinUrl !== undefined) phoneLines.push({ label: m.t('meeting.localNumbers'), value: dialIn.dialinUrl, link: httpsOrEmpty(dialIn.dialinUrl) });
  }
  const joinIdLines: Line[] = [];
  if (meeting.joinMeetingId !== undefined) joinIdLines.push({ label: m.t('meeting.meetingId'), value: meeting.joinMeetingId, link: '' });
  if (meeting.passcode !== undefined) joinIdLines.push({ label: m.t('meeting.passcode'), value: meeting.passcode, link: '' });
  const footer =
    view.startedBy === undefined
      ? ''
      : m.t('meeting.startedBy', {
          name: literalText(displayName(view.startedBy.name)),
          time: formatDateTime(view.startedBy.at.toISOString(), view.locale, view.timeZone),
        });
  return {
    labels: cached(MEETING_LABELS, m, meetingLabels),
    subject: literalText(meeting.subject),
    organizer: literalText(displayName(view.organizerName)),
    startText: formatDateTime(meeting.startDateTime, view.locale, view.timeZone),
    endText: view.scheduled === true ? formatDateTime(meeting.endDateTime, view.locale, view.timeZone) : '',
    hasDialIn: dialIn !== undefined,
    phoneLines,
    joinIdLines,
    joinUrl: meeting.joinUrl,
    footer,
    invited: literalText(view.invited ?? ''),
    notes: (view.notes ?? []).map((text) => ({ text: literalText(text) })),
    fallbackText: m.t('meeting.fallback', { url: meeting.joinUrl }),
    speak: m.t('meeting.ready'),
  };
}

/** The `$root` data of cards/start-meeting.json. */
function startMeetingCardData(view: StartMeetingCardView) {
  const m = messagesFor(view.locale);
  return {
    labels: cached(START_LABELS, m, startLabels),
    title: view.title ?? m.t('start.title'),
    intro: (view.intro ?? []).map((line) => ({ line })),
    defaultSubject: view.defaultSubject,
    cardId: view.cardId,
    maxSubjectLength: MAX_SUBJECT_LENGTH,
    fallbackText: m.t('start.fallback'),
  };
}

/**
 * The Adaptive Card templates, read and parsed by adaptivecards-templating once at start-up, expanded per
 * reply with typed data in the reader's language.
 * https://learn.microsoft.com/adaptive-cards/templating/sdk#javascript
 */
export class CardRenderer {
  private readonly meeting: Template;
  private readonly startMeeting: Template;

  /** Fails, naming the file, when a template is not JSON, does not parse or cannot expand (see `loadTemplate`). */
  constructor(cardsDir: string = DEFAULT_CARDS_DIR) {
    this.meeting = loadTemplate(cardsDir, 'meeting.json', TRIAL_MEETINGS.map(meetingCardData));
    this.startMeeting = loadTemplate(cardsDir, 'start-meeting.json', [startMeetingCardData({ defaultSubject: 'Trial', cardId: 'trial', intro: ['Trial'] })]);
  }

  meetingCard(view: MeetingCardView): CardAttachment {
    return card(this.meeting, meetingCardData(view));
  }

  startMeetingCard(view: StartMeetingCardView): CardAttachment {
    return card(this.startMeeting, startMeetingCardData(view));
  }
}

const TRIAL_MEETING: Meeting = { id: 'trial', subject: 'Trial', joinUrl: 'https://teams.microsoft.com/l/meetup-join/trial', created: true };

/** A card with every part and one with none: between them every `$when` branch and `$data` item of meeting.json expands. */
const TRIAL_MEETINGS: MeetingCardView[] = [
  { meeting: TRIAL_MEETING, organizerName: 'Trial' },
  {
    meeting: { ...TRIAL_MEETING, startDateTime: '2026-01-01T09:00:00Z', endDateTime: '2026-01-01T10:00:00Z', joinMeetingId: '1', passcode: '1', dialIn: { tollNumbers: ['+1 425-555-0100'], tollFreeNumbers: [], conferenceId: '1' } },
    organizerName: 'Trial',
    startedBy: { name: 'Trial', at: new Date(0) },
    invited: 'Trial',
    notes: ['Trial'],
    scheduled: true,
  },
];

/**
 * adaptive-expressions looks a function up only when it evaluates it, and a `${…}` that fails to evaluate
 * throws from `expand`: the template is expanded with trial data here so that such a template stops
 * start-up instead of a user's `/meet`.
 */
function loadTemplate(cardsDir: string, file: string, trials: object[]): Template {
  try {
    const template = new Template(JSON.parse(readFileSync(join(cardsDir, file), 'utf8')));
    for (const root of trials) template.expand({ $root: root });
    return template;
  } catch (cause) {
    throw new MeetNowError('internal', `card template ${file}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

/** `expand` is synchronous, so one parsed Template serves every reply in turn. */
function card(template: Template, root: object): CardAttachment {
  return { contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: template.expand({ $root: root }) as Record<string, unknown> };
}

/** Labels per language, built on first use (at most one entry per supported language). */
function cached<T>(cache: Map<string, T>, m: Messages, build: (m: Messages) => T): T {
  let labels = cache.get(m.language);
  if (labels === undefined) {
    labels = build(m);
    cache.set(m.language, labels);
  }
  return labels;
}

function httpsOrEmpty(url: string): string {
  try {
    return new URL(url).protocol === 'https:' ? url : '';
  } catch {
    return '';
  }
}
