import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Template } from 'adaptivecards-templating';
import type { Attachment } from 'botbuilder';
import { MAX_SUBJECT_LENGTH } from '../commands/subject';
import type { Meeting } from '../meetings/meeting';
import { formatDateTime, literalText, telLink } from './format';

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
}

export interface StartMeetingCardView {
  defaultSubject: string;
  cardId: string;
  /** Heading; "Start a Teams meeting" by default. */
  title?: string;
  /** Lines above the subject box (markdown written by us, never user text): the welcome card's introduction. */
  intro?: string[];
}

interface Line {
  label: string;
  value: string;
  link: string;
}

/** The Adaptive Card templates, compiled once, expanded per reply with typed data. */
export class CardRenderer {
  private readonly meeting: Template;
  private readonly startMeeting: Template;

  constructor(cardsDir: string = DEFAULT_CARDS_DIR) {
    const load = (name: string) => new Template(JSON.parse(readFileSync(join(cardsDir, `${name}.json`), 'utf8')));
    this.meeting = load('meeting');
    this.startMeeting = load('start-meeting');
  }

  meetingCard(view: MeetingCardView): Attachment {
    const { meeting } = view;
    const dialIn = meeting.dialIn;
    const phoneLines: Line[] = [];
    if (dialIn !== undefined) {
      for (const number of dialIn.tollNumbers) phoneLines.push({ label: 'Toll', value: number, link: telLink(number) });
      for (const number of dialIn.tollFreeNumbers) phoneLines.push({ label: 'Toll-free', value: number, link: telLink(number) });
      if (dialIn.conferenceId !== undefined) phoneLines.push({ label: 'Conference ID', value: dialIn.conferenceId, link: '' });
      if (dialIn.participantPasscode !== undefined) phoneLines.push({ label: 'Passcode', value: dialIn.participantPasscode, link: '' });
      if (dialIn.dialinUrl !== undefined) phoneLines.push({ label: 'Local numbers', value: dialIn.dialinUrl, link: httpsOrEmpty(dialIn.dialinUrl) });
    }
    const joinIdLines: Line[] = [];
    if (meeting.joinMeetingId !== undefined) joinIdLines.push({ label: 'Meeting ID', value: meeting.joinMeetingId, link: '' });
    if (meeting.passcode !== undefined) joinIdLines.push({ label: 'Passcode', value: meeting.passcode, link: '' });
    const footer =
      view.startedBy === undefined
        ? ''
        : `Started by ${literalText(view.startedBy.name)} at ${formatDateTime(view.startedBy.at.toISOString(), view.locale, view.timeZone)}`;
    const content = this.meeting.expand({
      $root: {
        subject: literalText(meeting.subject),
        organizer: literalText(view.organizerName),
        startText: formatDateTime(meeting.startDateTime, view.locale, view.timeZone),
        hasDialIn: dialIn !== undefined,
        phoneLines,
        joinIdLines,
        joinUrl: meeting.joinUrl,
        footer,
        invited: literalText(view.invited ?? ''),
        notes: (view.notes ?? []).map((text) => ({ text: literalText(text) })),
        fallbackText: `Teams meeting. Join: ${meeting.joinUrl}`,
        speak: 'Your Teams meeting is ready.',
      },
    }) as Record<string, unknown>;
    return { contentType: ADAPTIVE_CARD_CONTENT_TYPE, content };
  }

  startMeetingCard(view: StartMeetingCardView): Attachment {
    const content = this.startMeeting.expand({
      $root: {
        title: view.title ?? 'Start a Teams meeting',
        intro: (view.intro ?? []).map((line) => ({ line })),
        defaultSubject: view.defaultSubject,
        cardId: view.cardId,
        maxSubjectLength: MAX_SUBJECT_LENGTH,
        fallbackText: 'Start a Teams meeting: type /meet followed by a subject, for example /meet Quarterly numbers.',
      },
    }) as Record<string, unknown>;
    return { contentType: ADAPTIVE_CARD_CONTENT_TYPE, content };
  }
}

function httpsOrEmpty(url: string): string {
  try {
    return new URL(url).protocol === 'https:' ? url : '';
  } catch {
    return '';
  }
}
