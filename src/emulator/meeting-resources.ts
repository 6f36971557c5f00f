import { randomInt } from 'node:crypto';
import { newGuid, randomDigits, randomPasscode } from './ids';
import type { DirectoryUser } from './directory';

/** Fictional (555-01xx) numbers, shaped like the ones Teams hands out. */
const TOLL_NUMBER = '+14255550123';
const TOLL_FREE_NUMBER = '+18005550199';

export type BetaMeetingType = 'meetNow' | 'scheduled' | 'recurring' | 'broadcast';

export interface IdentityUser {
  id: string;
  tenantId: string | null;
  displayName: string | null;
}

/** The 2018 beta resource of `POST /beta/app/onlineMeetings`. */
export interface BetaOnlineMeeting {
  id: string;
  accessLevel: 'everyone';
  audioConferencing: {
    tollNumber: string;
    tollFreeNumber: string;
    participantPasscode: string;
    leaderPasscode: null;
    dialinUrl: string;
  } | null;
  canceledDateTime: null;
  chatInfo: { threadId: string; messageId: string; replyChainMessageId: string };
  creationDateTime: string;
  startDateTime: string;
  endDateTime: string;
  entryExitAnnouncement: boolean;
  expirationDateTime: string;
  isCancelled: boolean;
  joinUrl: string;
  meetingType: BetaMeetingType;
  participants: { organizer: { identity: { user: IdentityUser }; upn: string }; attendees: BetaAttendee[] };
  subject: string | null;
}

export interface BetaAttendee {
  identity: { user: IdentityUser };
  upn: string | null;
}

/** The v1.0 onlineMeeting resource. */
export interface OnlineMeeting {
  '@odata.context': string;
  id: string;
  creationDateTime: string;
  startDateTime: string;
  endDateTime: string;
  joinWebUrl: string;
  subject: string | null;
  externalId: string | null;
  isBroadcast: boolean;
  isEntryExitAnnounced: boolean;
  allowedPresenters: 'everyone';
  allowMeetingChat: 'enabled';
  allowTeamworkReactions: boolean;
  recordAutomatically: boolean;
  videoTeleconferenceId: null;
  chatInfo: { threadId: string; messageId: string; replyChainMessageId: null };
  participants: {
    organizer: { upn: string; role: 'presenter'; identity: { user: IdentityUser & { identityProvider: 'AAD' } } };
    attendees: V1Attendee[];
  };
  lobbyBypassSettings: { scope: 'organization'; isDialInBypassEnabled: boolean };
  joinMeetingIdSettings: { isPasscodeRequired: boolean; joinMeetingId: string; passcode: string };
  audioConferencing: {
    conferenceId: string;
    tollNumber: string;
    tollFreeNumber: string;
    tollNumbers: string[];
    tollFreeNumbers: string[];
    dialinUrl: string;
  } | null;
}

export interface V1Attendee {
  upn: string | null;
  role: 'attendee';
  identity: { user: IdentityUser & { identityProvider: 'AAD' } };
}

export type StoredMeeting =
  | { api: 'beta'; id: string; organizerId: string; tenantId: string; externalId?: undefined; resource: BetaOnlineMeeting }
  | { api: 'v1.0'; id: string; organizerId: string; tenantId: string; externalId?: string; resource: OnlineMeeting };

export interface MeetingInput {
  subject: string | null;
  start: Date;
  end: Date;
  attendeeIds: string[];
}

interface Thread {
  id: string;
  threadId: string;
  joinUrl: string;
}

/** Graph writes seven fractional digits in UTC. */
export function graphDateTime(date: Date): string {
  return date.toISOString().replace(/\.(\d{3})Z$/, '.$10000Z');
}

function newThread(organizer: DirectoryUser): Thread {
  const meetingKey = Buffer.from(newGuid()).toString('base64');
  const threadId = `19:meeting_${meetingKey}@thread.v2`;
  const context = `%7b%22Tid%22%3a%22${organizer.tenantId}%22%2c%22Oid%22%3a%22${organizer.id}%22%7d`;
  const joinUrl = `https://teams.microsoft.com/l/meetup-join/19%3ameeting_${encodeURIComponent(meetingKey)}%40thread.v2/0?context=${context}`;
  // Graph's meeting id is base64 of "1*{organizer}*0**{threadId}".
  const id = Buffer.from(`1*${organizer.id}*0**${threadId}`).toString('base64');
  return { id, threadId, joinUrl };
}

export function buildBetaMeeting(
  organizer: DirectoryUser,
  input: MeetingInput & { meetingType: BetaMeetingType },
  now: Date,
): BetaOnlineMeeting {
  const thread = newThread(organizer);
  const passcode = randomDigits(7);
  return {
    id: thread.id,
    accessLevel: 'everyone',
    audioConferencing: organizer.audioConferencing
      ? {
          tollNumber: TOLL_NUMBER,
          tollFreeNumber: TOLL_FREE_NUMBER,
          participantPasscode: passcode,
          leaderPasscode: null,
          dialinUrl: `https://dialin.teams.microsoft.com/${newGuid()}?id=${passcode}`,
        }
      : null,
    canceledDateTime: null,
    chatInfo: { threadId: thread.threadId, messageId: '0', replyChainMessageId: '0' },
    creationDateTime: graphDateTime(now),
    startDateTime: graphDateTime(input.start),
    endDateTime: graphDateTime(input.end),
    entryExitAnnouncement: true,
    expirationDateTime: graphDateTime(new Date(input.end.getTime() + 60 * 24 * 3600 * 1000)),
    isCancelled: false,
    joinUrl: thread.joinUrl,
    meetingType: input.meetingType,
    participants: {
      organizer: {
        identity: { user: { id: organizer.id, tenantId: organizer.tenantId, displayName: organizer.displayName } },
        upn: organizer.userPrincipalName,
      },
      attendees: input.attendeeIds.map((id) => ({ identity: { user: { id, tenantId: null, displayName: null } }, upn: null })),
    },
    subject: input.subject,
  };
}

export function buildOnlineMeeting(
  organizer: DirectoryUser,
  input: MeetingInput & { externalId: string | null },
  now: Date,
  graphBaseUrl: string,
): OnlineMeeting {
  const thread = newThread(organizer);
  const conferenceId = randomDigits(9);
  return {
    '@odata.context': `${graphBaseUrl}/v1.0/$metadata#users('${organizer.id}')/onlineMeetings/$entity`,
    id: thread.id,
    creationDateTime: graphDateTime(now),
    startDateTime: graphDateTime(input.start),
    endDateTime: graphDateTime(input.end),
    joinWebUrl: thread.joinUrl,
    subject: input.subject,
    externalId: input.externalId,
    isBroadcast: false,
    isEntryExitAnnounced: true,
    allowedPresenters: 'everyone',
    allowMeetingChat: 'enabled',
    allowTeamworkReactions: true,
    recordAutomatically: false,
    videoTeleconferenceId: null,
    chatInfo: { threadId: thread.threadId, messageId: '0', replyChainMessageId: null },
    participants: {
      organizer: {
        upn: organizer.userPrincipalName,
        role: 'presenter',
        identity: {
          user: { id: organizer.id, tenantId: organizer.tenantId, displayName: organizer.displayName, identityProvider: 'AAD' },
        },
      },
      attendees: input.attendeeIds.map((id) => ({
        upn: null,
        role: 'attendee',
        identity: { user: { id, tenantId: null, displayName: null, identityProvider: 'AAD' } },
      })),
    },
    lobbyBypassSettings: { scope: 'organization', isDialInBypassEnabled: false },
    joinMeetingIdSettings: {
      isPasscodeRequired: true,
      joinMeetingId: randomDigits(randomInt(12, 15)),
      passcode: randomPasscode(6),
    },
    audioConferencing: organizer.audioConferencing
      ? {
          conferenceId,
          tollNumber: TOLL_NUMBER,
          tollFreeNumber: TOLL_FREE_NUMBER,
          tollNumbers: [TOLL_NUMBER],
          tollFreeNumbers: [TOLL_FREE_NUMBER],
          dialinUrl: `https://dialin.teams.microsoft.com/${newGuid()}?id=${conferenceId}`,
        }
      : null,
  };
}
