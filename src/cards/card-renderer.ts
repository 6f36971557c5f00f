import { join } from 'node:path';
import { MAX_SUBJECT_LENGTH } from '../commands/subject';
import { LIST_MAX, languageOf, messagesFor, type Messages } from '../i18n/messages';
import { SUPPORTED_LANGUAGES } from '../i18n/catalog';
import type { Attendee, Meeting } from '../meetings/meeting';
import { formatDateTime, literalText, mentionText } from './format';
import { dialInLines } from './dial-in-lines';
import { displayName } from '../commands/subject';
import type { CardAttachment } from './attachment';
import { invitationLine, meetingTimes, personName } from './meeting-lines';
import { CardTemplate, type CardLabels } from './card-template';
import { TRIAL_MEETINGS } from './trial-views';


/** cards/ at the package root, from src/cards (ts-jest) and dist/cards (compiled) alike. */
export const DEFAULT_CARDS_DIR = join(__dirname, '..', '..', 'cards');

export interface ReaderContext {
  locale?: string;
  timeZone?: string;
}

/** Who was invited, as the card says it: the people by name (each a Teams @mention on the card), or everyone in the conversation, in words. */
export type Invited = { people: Attendee[] } | { everyone: string };

export interface MeetingCardView extends ReaderContext {
  meeting: Meeting;
  organizerName: string;
  invited?: Invited;
  /** What the sender should know about the invitation (people not found, the attendee cap). */
  notes?: string[];
  /** A meeting booked for a given time: the card shows its start; else it starts "Now". */
  scheduled?: boolean;
  /** When MeetNow created the meeting (ISO): a meeting started now that Graph gave no times ends an hour after. */
  startedAt?: string;
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

/** The compose box's dialog (Teams messaging extension): the Start card's inputs, submitted with the form's id. */
export interface ComposeFormView {
  subject: string;
  /** Carried in the submit's data, so that the same form submitted again books nothing new. */
  formId: string;
  locale?: string;
}

/** "Your meeting is being created…": its button submits `form` (the first submit's data) again. */
export interface ComposePendingView {
  form: Record<string, unknown>;
  locale?: string;
}

/** The static words of each card in one language (the templates' `${labels.…}`, put in at start-up by CardTemplate). */
function meetingLabels(m: Messages) {
  return {
    kind: m.t('meeting.kind'),
    organizer: m.t('meeting.organizer'),
    starts: m.t('meeting.starts'),
    ends: m.t('meeting.ends'),
    joinByPhone: m.t('meeting.joinByPhone'),
    findLocalNumber: m.t('meeting.findLocalNumber'),
    joinWithId: m.t('meeting.joinWithId'),
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

function composeLabels(m: Messages) {
  return { ...startLabels(m), note: m.t('compose.note'), button: m.t('compose.button') };
}

/** A card's words in every supported language. */
const inEveryLanguage = (words: (m: Messages) => Record<string, string>): CardLabels =>
  Object.fromEntries(SUPPORTED_LANGUAGES.map((language) => [language, words(messagesFor(language))]));

/** Cards without static words: one template serves every language. */
const NO_LABELS: CardLabels = { en: {} };

/**
 * The `$root` data of cards/meeting.json for one reader (what its `${…}` read). User text arrives here as
 * data: adaptivecards-templating evaluates only the template's own `${…}` and inserts data values as they
 * are, so a subject such as `${organizer}` is shown, not expanded; `literalText` handles what the Teams
 * client itself would expand (`{{DATE(…)}}`). Every field is defined: a missing one would show as `${name}`.
 *
 * The card is Adaptive Cards 1.5, the version Teams renders (Universal Actions came with it:
 * https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/universal-actions-for-adaptive-cards/work-with-universal-actions-for-adaptive-cards).
 * Its dial-in sits in a Container with `isVisible: false` that the "Join by phone" `Action.ToggleVisibility`
 * opens, an action Teams cards support (https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/cards-actions).
 */
function meetingCardData(view: MeetingCardView) {
  const { meeting } = view;
  const m = messagesFor(view.locale);
  const dialIn = meeting.dialIn;
  const { phoneLines, localNumbersUrl } = dialInLines(dialIn, m);
  const joinIdLines: Array<{ label: string; value: string }> = [];
  if (meeting.joinMeetingId !== undefined) joinIdLines.push({ label: m.t('meeting.meetingId'), value: meeting.joinMeetingId });
  if (meeting.passcode !== undefined) joinIdLines.push({ label: m.t('meeting.passcode'), value: meeting.passcode });
  const times = meetingTimes(view, m);
  const mentions = mentionsOf(view.invited, m);
  return {
    subject: literalText(meeting.subject),
    // A calendar meeting's invitation line names the organizer: the card says it once.
    organizer: meeting.eventId === undefined ? literalText(displayName(view.organizerName)) : '',
    startText: times.start,
    endText: times.end,
    hasDialIn: dialIn !== undefined,
    phoneLines,
    localNumbersUrl,
    hasJoinId: joinIdLines.length > 0,
    joinIdLines,
    joinUrl: meeting.joinUrl,
    invitation: invitationLine(view, m, {
      person: (_attendee, index) => mentions[index]?.text ?? '',
      organizer: (name) => mentionText(name) || m.t('invite.colleague'),
    }),
    mentions,
    notes: (view.notes ?? []).map((text) => ({ text: literalText(text) })),
    fallbackText: m.t('meeting.fallback', { url: meeting.joinUrl }),
    speak: m.t('meeting.ready'),
    // What "Cancel meeting" sends back (parseCancelAction). Everyone sees the button; only the organizer's click cancels.
    offerCancel: view.scheduled === true && view.organizerId !== undefined && meeting.deletable !== false,
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
function cancelledMeetingCardData(view: CancelledMeetingCardView) {
  const m = messagesFor(view.locale);
  const name = displayName(view.cancelledBy);
  return {
    title: m.t('cancel.title'),
    subject: literalText(view.subject),
    cancelledBy: name === '' ? '' : m.t('cancel.cancelledBy', { name: literalText(name), time: formatDateTime(view.cancelledAt.toISOString(), view.locale, view.timeZone) }),
    attendeesNotified: view.calendar ? m.t('cancel.attendeesNotified') : '',
  };
}

/**
 * Teams notifies the people a card @mentions: `<at>name</at>` in a TextBlock and a `mention` entity with
 * the same text, by Entra object id (https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/cards-format#mention-support-within-adaptive-cards).
 * Only the people the line names (m.list shows LIST_MAX); everyone in a channel is counted, not mentioned.
 */
function mentionsOf(invited: Invited | undefined, m: Messages) {
  if (invited === undefined || !('people' in invited)) return [];
  return invited.people.slice(0, LIST_MAX).map((attendee) => {
    const name = personName(attendee, m);
    return { text: `<at>${mentionText(name) || m.t('invite.colleague')}</at>`, id: attendee.objectId, name };
  });
}

/** The `$root` data of cards/start-meeting.json. */
function startMeetingCardData(view: StartMeetingCardView) {
  const m = messagesFor(view.locale);
  return {
    title: view.title ?? m.t('start.title'),
    intro: (view.intro ?? []).map((line) => ({ line })),
    defaultSubject: view.defaultSubject,
    cardId: view.cardId,
    maxSubjectLength: MAX_SUBJECT_LENGTH,
    fallbackText: m.t('start.fallback'),
  };
}

/** The `$root` data of cards/compose-form.json. */
function composeFormCardData(view: ComposeFormView) {
  const m = messagesFor(view.locale);
  return {
    subject: view.subject,
    formId: view.formId,
    maxSubjectLength: MAX_SUBJECT_LENGTH,
    fallbackText: m.t('start.fallback'),
  };
}

/** The `$root` data of cards/compose-pending.json. */
function composePendingCardData(view: ComposePendingView) {
  const m = messagesFor(view.locale);
  const button = m.t('compose.pendingButton');
  return { text: m.t('compose.pending', { button }), button, form: view.form };
}

/**
 * The Adaptive Card templates, read and parsed by adaptivecards-templating once per language at start-up (card-template.ts),
 * expanded per reply with typed data in the reader's language.
 */
export class CardRenderer {
  private readonly meeting: CardTemplate;
  private readonly startMeeting: CardTemplate;
  private readonly composeForm: CardTemplate;
  private readonly composePending: CardTemplate;
  private readonly cancelledMeeting: CardTemplate;

  /** Fails, naming the file, when a template is not JSON, does not parse or cannot expand its trial data. */
  constructor(cardsDir: string = DEFAULT_CARDS_DIR) {
    const load = <V>(name: string, labels: CardLabels, data: (view: V) => object, trials: V[]) => new CardTemplate(cardsDir, name, labels, trials.map(data));
    this.meeting = load('meeting', inEveryLanguage(meetingLabels), meetingCardData, TRIAL_MEETINGS);
    this.startMeeting = load('start-meeting', inEveryLanguage(startLabels), startMeetingCardData, [{ defaultSubject: 'Trial', cardId: 'trial', intro: ['Trial'] }]);
    this.composeForm = load('compose-form', inEveryLanguage(composeLabels), composeFormCardData, [{ subject: 'Trial', formId: 'trial' }]);
    this.composePending = load('compose-pending', NO_LABELS, composePendingCardData, [{ form: { subject: 'Trial', date: '2026-01-01', time: '09:00', duration: 60, formId: 'trial' } }]);
    this.cancelledMeeting = load('cancelled-meeting', NO_LABELS, cancelledMeetingCardData, [true, false].map((calendar) => ({ subject: 'Trial', cancelledBy: 'Trial', cancelledAt: new Date(0), calendar })));
  }

  meetingCard(view: MeetingCardView): CardAttachment {
    return this.meeting.card(languageOf(view.locale), meetingCardData(view));
  }

  startMeetingCard(view: StartMeetingCardView): CardAttachment {
    return this.startMeeting.card(languageOf(view.locale), startMeetingCardData(view));
  }

  composeFormCard(view: ComposeFormView): CardAttachment {
    return this.composeForm.card(languageOf(view.locale), composeFormCardData(view));
  }

  composePendingCard(view: ComposePendingView): CardAttachment {
    return this.composePending.card(languageOf(view.locale), composePendingCardData(view));
  }

  cancelledMeetingCard(view: CancelledMeetingCardView): CardAttachment {
    return this.cancelledMeeting.card(languageOf(view.locale), cancelledMeetingCardData(view));
  }
}
