import { z } from 'zod';
import { asMeetNowError, MeetNowError } from '../errors';
import type { Attendee, CreateMeetingInput, DialIn, Meeting, MeetingSchedule } from '../meetings/meeting';
import type { MeetingsApi } from '../meetings/ports';
import { GRAPH_IANA_TIME_ZONES, UTC_ZONE, wallClock } from './event-time-zones';
import type { GraphClient } from './graph-client';
import { httpsUrl, list, meetingFromV1, parse, present, text, v1Resource } from './meetings-api';

/*
 * SCHEDULED_MEETINGS=calendar (DESIGN §4): a meeting with a time is an Outlook event with a Teams meeting,
 * created in the organizer's calendar so that the organizer and every attendee get it and its reminders:
 * `POST /users/{id}/events` (https://learn.microsoft.com/graph/api/user-post-events, application permission
 * Calendars.ReadWrite). `isOnlineMeeting` with `onlineMeetingProvider: teamsForBusiness` makes the event a Teams
 * meeting (https://learn.microsoft.com/graph/outlook-calendar-online-meetings).
 */

/** The event's `onlineMeeting` (https://learn.microsoft.com/graph/api/resources/onlinemeetinginfo). */
const eventResource = z.object({
  id: text,
  subject: z.string().nullish(),
  onlineMeeting: z
    .object({
      joinUrl: httpsUrl.nullish(),
      conferenceId: z.string().nullish(),
      tollNumber: z.string().nullish(),
      tollFreeNumbers: z.array(z.string()).nullish(),
      phones: z.array(z.object({ number: z.string().nullish() })).nullish(),
    })
    .nullish(),
});

const meetingList = z.object({ value: z.array(v1Resource) });

/** What the dial-in look-up's failure is reported to (a log line): the card then goes without the dial-in. */
export type DialInLookupFailed = (error: MeetNowError, input: CreateMeetingInput) => void;

/** `dateTimeTimeZone` in the sender's zone when Graph takes it, else in UTC: the same instant either way. */
function eventTime(instant: Date, timeZone: string | undefined): { dateTime: string; timeZone: string } {
  const zone = timeZone !== undefined && GRAPH_IANA_TIME_ZONES.has(timeZone) ? timeZone : UTC_ZONE;
  return { dateTime: wallClock(instant, zone), timeZone: zone };
}

/** Graph's attendee: by SMTP address, else UPN (https://learn.microsoft.com/graph/api/resources/attendee). */
const attendeeAddress = (attendee: Attendee): string | undefined => attendee.email ?? attendee.userPrincipalName;

/** Meetings with a time become calendar events; all others go to `online`, today's API, unchanged. */
export class CalendarMeetingsApi implements MeetingsApi {
  constructor(
    private readonly graph: GraphClient,
    private readonly online: MeetingsApi,
    private readonly onDialInLookupFailed: DialInLookupFailed,
  ) {}

  createMeeting(input: CreateMeetingInput): Promise<Meeting> {
    const schedule = input.schedule;
    // A meeting that starts now (no time given, maybe a duration) stays a standalone meeting, as before.
    if (schedule?.timeZone === undefined) return this.online.createMeeting(input);
    return this.createEvent(input, schedule);
  }

  private async createEvent(input: CreateMeetingInput, schedule: MeetingSchedule): Promise<Meeting> {
    const organizer = encodeURIComponent(input.organizer.objectId);
    const operation = 'POST /v1.0/users/{id}/events';
    const attendees = (input.attendees ?? []).flatMap((attendee) => {
      const address = attendeeAddress(attendee);
      // Exactly DESIGN §4's shape: Exchange resolves the address to the person, name included.
      return address === undefined ? [] : [{ emailAddress: { address }, type: 'required' }];
    });
    const body = {
      subject: input.subject,
      start: eventTime(schedule.start, schedule.timeZone),
      end: eventTime(schedule.end, schedule.timeZone),
      isOnlineMeeting: true,
      onlineMeetingProvider: 'teamsForBusiness',
      attendees,
      // "A custom identifier specified by a client app for the server to avoid redundant POST operations in case
      // of client retries to create the same event" (https://learn.microsoft.com/graph/api/resources/event):
      // derived from the request like createOrGet's externalId, so a redelivery books no second event.
      transactionId: input.externalId,
    };
    // Safe to send twice (see transactionId), so a connection lost mid-request may be retried.
    const result = await this.graph
      .post(input.organizer.tenantId, `/v1.0/users/${organizer}/events`, body, { operation, observer: input.observer, language: input.language, idempotent: true })
      .catch((error: unknown) => {
        throw creationRefusal(error);
      });
    const created = parse(eventResource, result, operation);
    const event = present(created.onlineMeeting?.joinUrl) === undefined ? await this.readEvent(input, created.id) : created;
    const online = event.onlineMeeting;
    const joinUrl = present(online?.joinUrl);
    if (online === null || online === undefined || joinUrl === undefined) {
      // The event is in the organizer's calendar (and its invitations are out): the user must not be told to
      // send /meet again, which would book a second event under a new transactionId.
      throw new MeetNowError('graph_event_without_meeting', `${operation}: the event ${created.id} has no Teams meeting (onlineMeeting has no joinUrl)`, { status: result.status, requestId: result.requestId });
    }
    const meeting: Meeting = {
      id: event.id,
      subject: present(event.subject) ?? input.subject,
      joinUrl,
      startDateTime: schedule.start.toISOString(),
      endDateTime: schedule.end.toISOString(),
      created: true,
      eventId: event.id,
    };
    // `phones` holds every number of the conference; the toll ones are those not listed as toll-free.
    const tollFreeNumbers = list(online.tollFreeNumbers, undefined);
    const phones = (online.phones ?? []).flatMap((phone) => (typeof phone.number === 'string' && !tollFreeNumbers.includes(phone.number) ? [phone.number] : []));
    const dialIn: DialIn = { tollNumbers: list(phones, online.tollNumber), tollFreeNumbers, conferenceId: present(online.conferenceId) };
    if (dialIn.conferenceId !== undefined && dialIn.tollNumbers.length + dialIn.tollFreeNumbers.length > 0) return { ...meeting, dialIn };
    return this.withLookedUpDialIn(meeting, input);
  }

  /**
   * Graph fills in an event's `onlineMeeting` once the Teams meeting exists ("After you set isOnlineMeeting
   * and onlineMeetingProvider … Microsoft Graph initializes onlineMeeting",
   * https://learn.microsoft.com/graph/api/resources/event): an answer without it is read again once,
   * `GET /users/{id}/events/{id}` (https://learn.microsoft.com/graph/api/event-get, Calendars.ReadWrite covers it).
   */
  private async readEvent(input: CreateMeetingInput, eventId: string): Promise<z.infer<typeof eventResource>> {
    const operation = 'GET /v1.0/users/{id}/events/{id}';
    const path = `/v1.0/users/${encodeURIComponent(input.organizer.objectId)}/events/${encodeURIComponent(eventId)}?$select=subject,onlineMeeting`;
    const result = await this.graph.get(input.organizer.tenantId, path, { operation, observer: input.observer, language: input.language }).catch((error: unknown) => {
      throw calendarAccessRefusal(error);
    });
    return parse(eventResource, result, operation);
  }

  /**
   * The event's answer had no dial-in: the meeting behind its join URL has it, found the documented way,
   * `GET /users/{id}/onlineMeetings?$filter=JoinWebUrl eq '{joinWebUrl}'`
   * (https://learn.microsoft.com/graph/api/onlinemeeting-get: application permission OnlineMeetings.Read.All,
   * which OnlineMeetings.ReadWrite.All includes, and the application access policy that today's meetings
   * need already). It also brings the meeting id and passcode. A failure costs only the dial-in.
   */
  private async withLookedUpDialIn(meeting: Meeting, input: CreateMeetingInput): Promise<Meeting> {
    const operation = 'GET /v1.0/users/{id}/onlineMeetings?$filter=JoinWebUrl';
    const filter = encodeURIComponent(`JoinWebUrl eq '${meeting.joinUrl.replace(/'/g, "''")}'`);
    try {
      const result = await this.graph.get(input.organizer.tenantId, `/v1.0/users/${encodeURIComponent(input.organizer.objectId)}/onlineMeetings?$filter=${filter}`, {
        operation,
        observer: input.observer,
        language: input.language,
      });
      const [found] = parse(meetingList, result, operation).value;
      if (found === undefined) throw new MeetNowError('graph_invalid_response', `${operation}: no meeting has the event's join URL`, { status: result.status, requestId: result.requestId });
      const online = meetingFromV1(found, meeting.subject, true);
      return { ...meeting, dialIn: online.dialIn, joinMeetingId: online.joinMeetingId, passcode: online.passcode };
    } catch (error) {
      this.onDialInLookupFailed(asMeetNowError(error), input);
      return meeting;
    }
  }
}

/**
 * The events API's 403 (`ErrorAccessDenied`), for creating and cancelling alike: the app lacks
 * Calendars.ReadWrite, or an Exchange application access policy / RBAC for Applications scope leaves this
 * organizer's mailbox out. An admin can act on either.
 */
export function calendarAccessRefusal(error: unknown): unknown {
  if (!(error instanceof MeetNowError) || error.status !== 403) return error;
  return new MeetNowError('graph_calendar_access_denied', `${error.message} (calendar events need the application permission Calendars.ReadWrite for this mailbox)`, {
    status: error.status,
    graphCode: error.graphCode,
    requestId: error.requestId,
    cause: error,
  });
}

/**
 * A create's 404 (`ErrorInvalidUser`, `MailboxNotEnabledForRESTAPI`): the organizer has no Exchange Online
 * mailbox (a guest, no licence), which a standalone Teams meeting would not have needed.
 */
function creationRefusal(error: unknown): unknown {
  if (!(error instanceof MeetNowError) || error.status !== 404) return calendarAccessRefusal(error);
  return new MeetNowError('graph_mailbox_not_found', `${error.message} (the organizer has no mailbox to book the event in)`, {
    status: error.status,
    graphCode: error.graphCode,
    requestId: error.requestId,
    cause: error,
  });
}
