import { displayName } from '../commands/subject';
import type { Messages } from '../i18n/messages';
import type { Attendee } from '../meetings/meeting';
import type { MeetingCardView } from './card-renderer';
import { formatDateTime, graphDate } from './format';

/**
 * The words the meeting card and the text reply share, so that both say the same in the same order; each
 * writes user text its own way (a Teams mention on the card, escaped markup in text).
 */

/** How long a meeting created without times lasts (Graph's default, src/meetings/meeting.ts MeetingSchedule). */
const DEFAULT_LENGTH_MS = 60 * 60_000;

/**
 * "Starts"/"Ends" in the reader's zone and language: a scheduled meeting's times; a meeting started now
 * starts "Now" and ends when Graph says, else an hour after its start (Graph's, else when it was created).
 */
export function meetingTimes(view: MeetingCardView, m: Messages): { start: string; end: string } {
  const { meeting, locale, timeZone } = view;
  if (view.scheduled === true) return { start: formatDateTime(meeting.startDateTime, locale, timeZone), end: formatDateTime(meeting.endDateTime, locale, timeZone) };
  const start = graphDate(meeting.startDateTime ?? view.startedAt);
  const end = meeting.endDateTime ?? (start === undefined ? undefined : new Date(start.getTime() + DEFAULT_LENGTH_MS).toISOString());
  return { start: m.t('meeting.now'), end: formatDateTime(end, locale, timeZone) };
}

/** An invited person's name as the card and the text show it. */
export function personName(attendee: Attendee, m: Messages): string {
  return displayName(attendee.displayName ?? attendee.userPrincipalName ?? m.t('invite.colleague'));
}

interface NameWriter {
  /** One invited person (the `index`-th), in the reply's markup. */
  person(attendee: Attendee, index: number): string;
  /** The organizer's name, in the reply's markup. */
  organizer(name: string): string;
}

/**
 * Who was invited ("Invited: Megan Bowen and Adele Vance") or, for a meeting in the organizer's calendar,
 * that it is there and who got invitations; '' when there is nothing to say.
 */
export function invitationLine(view: MeetingCardView, m: Messages, write: NameWriter): string {
  const { invited } = view;
  const names = invited === undefined ? undefined : 'everyone' in invited ? invited.everyone : m.list(invited.people.map((attendee, index) => write.person(attendee, index)));
  if (view.meeting.eventId !== undefined) {
    const organizer = write.organizer(displayName(view.organizerName));
    return names === undefined ? m.t('meeting.inCalendar', { organizer }) : m.t('meeting.inCalendarInvited', { organizer, names });
  }
  return names === undefined ? '' : m.t('invite.list', { names });
}
