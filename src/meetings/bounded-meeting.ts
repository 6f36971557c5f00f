import { displayName, shortenSubject } from '../commands/subject';
import type { DialIn, Meeting } from './meeting';
import type { StartedMeeting } from './meeting-service';

/**
 * A subject has at most 256 characters (DESIGN §4); names are kept as cards show them (`displayName`): a
 * sender's name from an activity has no limit at all.
 */
export const MAX_TEXT_LENGTH = 256;
/** Join and dial-in URLs: Graph's are a few hundred characters; 2,048 is what browsers reliably open. */
export const MAX_URL_LENGTH = 2_048;
/** Meeting ids, conference ids, passcodes, phone numbers, timestamps: Graph's are at most a few hundred characters. */
export const MAX_ID_LENGTH = 512;
/** Phone numbers of each kind shown on the card: Graph lists one or two, the rest is behind the dial-in URL. */
export const MAX_PHONE_NUMBERS = 5;

const clip = shortenSubject;
const clipOptional = (text: string | undefined, max: number): string | undefined => (text === undefined ? undefined : clip(text, max));

function boundedDialIn(dialIn: DialIn): DialIn {
  return {
    tollNumbers: dialIn.tollNumbers.slice(0, MAX_PHONE_NUMBERS).map((n) => clip(n, MAX_ID_LENGTH)),
    tollFreeNumbers: dialIn.tollFreeNumbers.slice(0, MAX_PHONE_NUMBERS).map((n) => clip(n, MAX_ID_LENGTH)),
    conferenceId: clipOptional(dialIn.conferenceId, MAX_ID_LENGTH),
    participantPasscode: clipOptional(dialIn.participantPasscode, MAX_ID_LENGTH),
    dialinUrl: clipOptional(dialIn.dialinUrl, MAX_URL_LENGTH),
  };
}

/**
 * Only what the meeting card shows, every field capped: a card click is remembered for 24 hours, and a
 * sender with a 100 KB name must not make that memory 100 KB per click.
 */
export function boundedStartedMeeting(started: StartedMeeting): StartedMeeting {
  const m = started.meeting;
  const meeting: Meeting = {
    id: clip(m.id, MAX_ID_LENGTH),
    subject: clip(m.subject, MAX_TEXT_LENGTH),
    joinUrl: clip(m.joinUrl, MAX_URL_LENGTH),
    startDateTime: clipOptional(m.startDateTime, MAX_ID_LENGTH),
    endDateTime: clipOptional(m.endDateTime, MAX_ID_LENGTH),
    dialIn: m.dialIn === undefined ? undefined : boundedDialIn(m.dialIn),
    joinMeetingId: clipOptional(m.joinMeetingId, MAX_ID_LENGTH),
    passcode: clipOptional(m.passcode, MAX_ID_LENGTH),
    created: m.created,
    // Graph's event ids run to about 150 characters; the cancel click needs this one whole.
    eventId: clipOptional(m.eventId, MAX_URL_LENGTH),
    ...(m.deletable === false ? { deletable: false } : {}),
  };
  return {
    meeting,
    organizerName: displayName(started.organizerName),
    startedAt: clip(started.startedAt, MAX_ID_LENGTH),
    organizerId: clipOptional(started.organizerId, MAX_ID_LENGTH),
  };
}
