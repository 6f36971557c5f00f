import type { CallObserver } from './call-observer';

/** The sender who becomes the organizer: always taken from the authenticated activity. */
export interface Organizer {
  objectId: string;
  tenantId: string;
  displayName?: string;
}

/** Someone invited to the meeting (from @mentions or the channel roster): Graph's `participants.attendees`. */
export interface Attendee {
  objectId: string;
  /** Sent to Graph when the roster knew it. */
  userPrincipalName?: string;
  /** Their SMTP address, when the roster knew it: what a calendar invitation is sent to (else the UPN). */
  email?: string;
  displayName?: string;
}

/** Dial-in details, verbatim as Graph returned them. */
export interface DialIn {
  tollNumbers: string[];
  tollFreeNumbers: string[];
  conferenceId?: string;
  participantPasscode?: string;
  dialinUrl?: string;
}

/** One meeting model for both Graph APIs (beta `app/onlineMeetings` and v1.0 `createOrGet`). */
export interface Meeting {
  id: string;
  subject: string;
  joinUrl: string;
  startDateTime?: string;
  endDateTime?: string;
  /** Undefined when Graph answered `audioConferencing: null` (organizer without an Audio Conferencing licence). */
  dialIn?: DialIn;
  joinMeetingId?: string;
  passcode?: string;
  /** False when createOrGet found an existing meeting for the same externalId (HTTP 200). */
  created: boolean;
  /**
   * The Outlook event that holds this meeting (SCHEDULED_MEETINGS=calendar, DESIGN §4): the meeting is in the
   * organizer's calendar and its attendees were invited. Undefined for a standalone online meeting.
   */
  eventId?: string;
  /**
   * False for a standalone meeting Graph documents no app-only delete for (one created through the beta
   * `/app/onlineMeetings`): its card offers no "Cancel meeting". Absent: it can be deleted.
   */
  deletable?: false;
}

/** When a scheduled meeting runs; absent: it starts now and lasts an hour (Graph's default). */
export interface MeetingSchedule {
  start: Date;
  end: Date;
  /**
   * The sender's IANA zone the time was read in: a time was given, so with SCHEDULED_MEETINGS=calendar the
   * meeting becomes a calendar event in this zone. Absent when only a duration was given: it starts now.
   */
  timeZone?: string;
}

export interface CreateMeetingInput {
  /** Sees the token and Graph calls made for this meeting (per-turn logs and timings). */
  observer?: CallObserver;
  organizer: Organizer;
  subject: string;
  /** Stable id derived from conversation, activity and organizer: Graph's createOrGet dedupes on it. */
  externalId: string;
  /** Invited people besides the organizer. */
  attendees?: Attendee[];
  schedule?: MeetingSchedule;
  /** The reader's language (BCP 47), sent as `Accept-Language` so Graph's join information matches. */
  language?: string;
}
