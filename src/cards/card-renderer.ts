import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_SUBJECT_LENGTH } from '../commands/subject';
import { messagesFor, type Messages } from '../i18n/messages';
import type { Meeting } from '../meetings/meeting';
import { compileTemplate, type CompiledTemplate } from './compiled-template';
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
  /** The organizer's Entra object id: a scheduled meeting's card offers them "Cancel meeting" (cards/meeting.json). */
  organizerId?: string;
}

/** A cancelled meeting's card (cards/cancelled-meeting.json), which replaces its meeting card for everyone. */
export interface CancelledMeetingCardView extends ReaderContext {
  subject: string;
  /** Who cancelled it; '' when their name is not known. */
  cancelledBy: string;
  cancelledAt: Date;
  /** A calendar event: its attendees were sent a cancellation. */
  calendar: boolean;
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
    cancel: m.t('cancel.button'),
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
 * The `$root` data of cards/meeting.json for one reader (what its `${…}` read). Exported so that tests
 * expand the same data with adaptivecards-templating, the reference for the compiled template.
 */
export function meetingCardData(view: MeetingCardView) {
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
    // What "Cancel meeting" sends back (parseCancelAction). Everyone sees the button; only the organizer's click cancels.
    offerCancel: view.scheduled === true && view.organizerId !== undefined,
    cancel: {
      organizerId: view.organizerId ?? '',
      organizerName: displayName(view.organizerName),
      eventId: meeting.eventId ?? '',
      meetingId: meeting.eventId === undefined ? meeting.id : '',
      subject: meeting.subject,
    },
  };
}

/** The `$root` data of cards/cancelled-meeting.json. */
export function cancelledMeetingCardData(view: CancelledMeetingCardView) {
  const m = messagesFor(view.locale);
  const name = displayName(view.cancelledBy);
  return {
    title: m.t('cancel.title'),
    subject: literalText(view.subject),
    cancelledBy: name === '' ? '' : m.t('cancel.cancelledBy', { name: literalText(name), time: formatDateTime(view.cancelledAt.toISOString(), view.locale, view.timeZone) }),
    attendeesNotified: view.calendar ? m.t('cancel.attendeesNotified') : '',
  };
}

/** The `$root` data of cards/start-meeting.json. */
export function startMeetingCardData(view: StartMeetingCardView) {
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
 * The Adaptive Card templates, compiled into closures once (a template the compiler rejects fails start-up),
 * expanded per reply with typed data in the reader's language.
 */
export class CardRenderer {
  private readonly meeting: CompiledTemplate;
  private readonly startMeeting: CompiledTemplate;
  private readonly cancelledMeeting: CompiledTemplate;

  constructor(cardsDir: string = DEFAULT_CARDS_DIR) {
    const load = (name: string) => compileTemplate(`${name}.json`, JSON.parse(readFileSync(join(cardsDir, `${name}.json`), 'utf8')));
    this.meeting = load('meeting');
    this.startMeeting = load('start-meeting');
    this.cancelledMeeting = load('cancelled-meeting');
  }

  meetingCard(view: MeetingCardView): CardAttachment {
    return { contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: this.meeting(meetingCardData(view)) as Record<string, unknown> };
  }

  startMeetingCard(view: StartMeetingCardView): CardAttachment {
    return { contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: this.startMeeting(startMeetingCardData(view)) as Record<string, unknown> };
  }

  cancelledMeetingCard(view: CancelledMeetingCardView): CardAttachment {
    return { contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: this.cancelledMeeting(cancelledMeetingCardData(view)) as Record<string, unknown> };
  }
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
