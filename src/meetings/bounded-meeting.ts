import type { DialIn, Meeting } from './meeting';
import type { StartedMeeting } from './meeting-service';

/**
 * A subject has at most 256 characters (DESIGN §4), and so has an Entra display name
 * (https://learn.microsoft.com/en-us/graph/api/resources/user#properties, displayName: "Maximum length is
 * 256 characters"); a sender's name from an activity has no limit at all.
 */
export const MAX_TEXT_LENGTH = 256;
/** Join and dial-in URLs: Graph's are a few hundred characters; 2,048 is what browsers reliably open. */
export const MAX_URL_LENGTH = 2_048;
/** Meeting ids, conference ids, passcodes, phone numbers, timestamps: Graph's are at most a few hundred characters. */
export const MAX_ID_LENGTH = 512;
/** Phone numbers of each kind shown on the card: Graph lists one or two, the rest is behind the dial-in URL. */
export const MAX_PHONE_NUMBERS = 5;

/** At most `max` UTF-16 units, ending with "…" when cut, never in the middle of a surrogate pair. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}

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
  };
  return { meeting, organizerName: clip(started.organizerName, MAX_TEXT_LENGTH), startedAt: clip(started.startedAt, MAX_ID_LENGTH) };
}
