import { z } from 'zod';
import { MeetNowError } from '../errors';
import type { Attendee, CreateMeetingInput, DialIn, Meeting } from '../meetings/meeting';
import type { MeetingsApi } from '../meetings/ports';
import type { GraphClient, GraphResult } from './graph-client';

export const text = z.string().min(1);
export const httpsUrl = z.string().refine((value) => {
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
}, 'not an https URL');

const betaResource = z.object({
  id: text,
  subject: z.string().nullish(),
  joinUrl: httpsUrl.nullish(),
  joinWebUrl: httpsUrl.nullish(),
  startDateTime: z.string().nullish(),
  endDateTime: z.string().nullish(),
  audioConferencing: z
    .object({
      tollNumber: z.string().nullish(),
      tollFreeNumber: z.string().nullish(),
      participantPasscode: z.string().nullish(),
      dialinUrl: z.string().nullish(),
    })
    .nullish(),
});

export const v1Resource = z.object({
  id: text,
  subject: z.string().nullish(),
  joinWebUrl: httpsUrl,
  startDateTime: z.string().nullish(),
  endDateTime: z.string().nullish(),
  audioConferencing: z
    .object({
      conferenceId: z.string().nullish(),
      tollNumber: z.string().nullish(),
      tollFreeNumber: z.string().nullish(),
      tollNumbers: z.array(z.string()).nullish(),
      tollFreeNumbers: z.array(z.string()).nullish(),
      dialinUrl: z.string().nullish(),
    })
    .nullish(),
  joinMeetingIdSettings: z.object({ joinMeetingId: z.string().nullish(), passcode: z.string().nullish() }).nullish(),
});

export const present = (value: string | null | undefined): string | undefined => (value === null || value === undefined || value === '' ? undefined : value);
export const list = (many: string[] | null | undefined, single: string | null | undefined): string[] => {
  const values = (many ?? []).filter((item) => item !== '');
  if (values.length > 0) return values;
  const one = present(single);
  return one === undefined ? [] : [one];
};

export function parse<T>(schema: z.ZodType<T>, result: GraphResult, operation: string): T {
  const parsed = schema.safeParse(result.body);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new MeetNowError('graph_invalid_response', `${operation}: unexpected response body (${problems})`, {
      status: result.status,
      requestId: result.requestId,
    });
  }
  return parsed.data;
}

/** Graph's meetingParticipantInfo for an invited person: the object id, and the UPN when the roster gave one. */
function attendeeInfo(attendee: Attendee, role?: 'attendee'): Record<string, unknown> {
  return {
    identity: { user: { id: attendee.objectId } },
    ...(attendee.userPrincipalName === undefined ? {} : { upn: attendee.userPrincipalName }),
    ...(role === undefined ? {} : { role }),
  };
}

const invited = (input: CreateMeetingInput): Attendee[] => input.attendees ?? [];

/** Both APIs take UTC start and end; a meeting without them starts now (createOrGet: ends +1 h). */
const scheduleFields = (input: CreateMeetingInput) =>
  input.schedule === undefined ? {} : { startDateTime: input.schedule.start.toISOString(), endDateTime: input.schedule.end.toISOString() };

/**
 * How Graph refuses a path it no longer routes: 404 "No HTTP resource was found that matches the request URI"
 * or 400 "Resource not found for the segment 'app'" (the emulator's unknown-path answers), or 410 Gone.
 */
const UNROUTED_PATH = /no HTTP resource was found|resource not found for the segment 'app'/i;

/**
 * Graph has deprecated the `/app` path ("The /app path is deprecated",
 * https://learn.microsoft.com/en-us/graph/api/application-post-onlinemeetings?view=graph-rest-beta): a
 * refusal of the path itself tells the admin to switch to MEETINGS_API=users, where any other 404 still
 * means an unknown organizer.
 */
function appPathRefused(error: unknown): unknown {
  if (!(error instanceof MeetNowError)) return error;
  const refused = error.status === 410 || ((error.status === 404 || error.status === 400) && UNROUTED_PATH.test(error.message));
  if (!refused) return error;
  return new MeetNowError('graph_app_api_retired', `${error.message} (MEETINGS_API=app uses the deprecated /beta/app/onlineMeetings: set MEETINGS_API=users)`, {
    status: error.status,
    graphCode: error.graphCode,
    requestId: error.requestId,
    cause: error,
  });
}

/** The seed page's beta endpoint: `POST /beta/app/onlineMeetings` (`MEETINGS_API=app`), deprecated by Graph. */
export class AppMeetingsApi implements MeetingsApi {
  constructor(private readonly graph: GraphClient) {}

  async createMeeting(input: CreateMeetingInput): Promise<Meeting> {
    const operation = 'POST /beta/app/onlineMeetings';
    let result: GraphResult;
    try {
      result = await this.graph.post(
        input.organizer.tenantId,
        '/beta/app/onlineMeetings',
        {
          meetingType: input.schedule === undefined ? 'meetNow' : 'scheduled',
          participants: {
            organizer: { identity: { user: { id: input.organizer.objectId } } },
            ...(invited(input).length > 0 ? { attendees: invited(input).map((attendee) => attendeeInfo(attendee)) } : {}),
          },
          subject: input.subject,
          ...scheduleFields(input),
        },
        { operation, observer: input.observer, language: input.language },
      );
    } catch (error) {
      throw appPathRefused(error);
    }
    const resource = parse(betaResource, result, operation);
    const joinUrl = present(resource.joinUrl) ?? present(resource.joinWebUrl);
    if (joinUrl === undefined) {
      throw new MeetNowError('graph_invalid_response', `${operation}: the response has no joinUrl`, { status: result.status, requestId: result.requestId });
    }
    const audio = resource.audioConferencing;
    const dialIn: DialIn | undefined =
      audio === null || audio === undefined
        ? undefined
        : {
            tollNumbers: list(undefined, audio.tollNumber),
            tollFreeNumbers: list(undefined, audio.tollFreeNumber),
            participantPasscode: present(audio.participantPasscode),
            dialinUrl: present(audio.dialinUrl),
          };
    return {
      id: resource.id,
      subject: resource.subject ?? input.subject,
      joinUrl,
      startDateTime: present(resource.startDateTime),
      endDateTime: present(resource.endDateTime),
      dialIn,
      created: true,
      // Graph documents deleting an online meeting only as `DELETE /me/onlineMeetings/{id}` and
      // `DELETE /users/{userId}/onlineMeetings/{id}`, none for one created through `/app/onlineMeetings`
      // (https://learn.microsoft.com/graph/api/onlinemeeting-delete?view=graph-rest-beta,
      // https://learn.microsoft.com/graph/api/application-post-onlinemeetings?view=graph-rest-beta): the card must not offer it.
      deletable: false,
    };
  }
}

/** Graph v1.0's idempotent `POST /users/{organizer}/onlineMeetings/createOrGet` (`MEETINGS_API=users`). */
export class UsersMeetingsApi implements MeetingsApi {
  constructor(private readonly graph: GraphClient) {}

  async createMeeting(input: CreateMeetingInput): Promise<Meeting> {
    const path = `/v1.0/users/${encodeURIComponent(input.organizer.objectId)}/onlineMeetings/createOrGet`;
    const operation = 'POST /v1.0/users/{id}/onlineMeetings/createOrGet';
    const attendees = invited(input).map((attendee) => attendeeInfo(attendee, 'attendee'));
    const body = {
      externalId: input.externalId,
      subject: input.subject,
      ...scheduleFields(input),
      ...(attendees.length > 0 ? { participants: { attendees } } : {}),
    };
    // createOrGet returns the meeting already made for this externalId, so a repeat is harmless.
    const result = await this.graph.post(input.organizer.tenantId, path, body, { operation, observer: input.observer, language: input.language, idempotent: true });
    return meetingFromV1(parse(v1Resource, result, operation), input.subject, result.status === 201);
  }
}

/** The Meeting of a v1.0 onlineMeeting resource (createOrGet's answer, or a meeting looked up by its join URL). */
export function meetingFromV1(resource: z.infer<typeof v1Resource>, subject: string, created: boolean): Meeting {
  const audio = resource.audioConferencing;
  const dialIn: DialIn | undefined =
    audio === null || audio === undefined
      ? undefined
      : {
          tollNumbers: list(audio.tollNumbers, audio.tollNumber),
          tollFreeNumbers: list(audio.tollFreeNumbers, audio.tollFreeNumber),
          conferenceId: present(audio.conferenceId),
          dialinUrl: present(audio.dialinUrl),
        };
  return {
    id: resource.id,
    subject: resource.subject ?? subject,
    joinUrl: resource.joinWebUrl,
    startDateTime: present(resource.startDateTime),
    endDateTime: present(resource.endDateTime),
    dialIn,
    joinMeetingId: present(resource.joinMeetingIdSettings?.joinMeetingId),
    passcode: present(resource.joinMeetingIdSettings?.passcode),
    created,
  };
}
