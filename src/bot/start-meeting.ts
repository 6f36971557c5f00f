import { randomUUID } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import type { ReadMentions } from '../commands/mentions';
import { messagesFor } from '../i18n/messages';
import type { MeetingSchedule } from '../meetings/meeting';
import { activityRequestKey, type MeetingRequest, type MeetingService, type StartedMeeting } from '../meetings/meeting-service';
import type { TenantPolicy } from '../meetings/tenant-policy';
import type { OrganizerResolver } from '../identity/organizer-resolver';
import { resolveInvitation, type Invitation } from './attendees';
import type { TurnTrace } from '../ops/turn-trace';
import { readerContext } from './reader-context';
import { organizerOf } from './sender';
import { defaultSubject } from './replies';
import type { Roster } from './roster';

/** A request to start a meeting, the same whatever it came from. */
export type StartRequest = {
  /** Empty: "<organizer>'s meeting". */
  subject: string;
  schedule?: MeetingSchedule;
} & (
  | {
      /** A `/meet` message: one meeting per message (a redelivery books nothing), its people @mentioned invited. */
      source: 'text';
      mentions: ReadMentions;
    }
  | {
      /** A "Start meeting now" click: one meeting per card, whoever clicks and however often. */
      source: 'card';
      cardId?: string;
    }
  | {
      /** A form submitted from the compose box: one meeting per form and organizer, however often it is submitted. */
      source: 'compose';
      formKey: string;
    }
);

/** A meeting that exists; `created` is false when the card was clicked before and its meeting is shown again. */
export type Started = { kind: 'started'; started: StartedMeeting; created: boolean; scheduled: boolean; invitation?: Invitation };
/** What a `/meet` message came to; a message taken before (a redelivery) gets no second answer. */
export type TextOutcome = Started | { kind: 'redelivered' };
/** What a click came to; the card may have been clicked before and its meeting still be on its way. */
export type CardOutcome = Started | { kind: 'being-started' };
/** What starting a meeting came to. A failure is thrown as a MeetNowError. */
export type StartOutcome = TextOutcome | CardOutcome;

export interface StartMeetingPorts {
  /** Takes each request once, keeps within the rate limits, books the meeting. */
  meetings: Pick<MeetingService, 'startMeeting'>;
  /** Who the sender is: the organizer, never anyone named in text or card data. */
  organizers: OrganizerResolver;
  tenants: TenantPolicy;
  roster: Roster;
}

/**
 * The one StartMeeting handler: from a message or a card click, the organizer (the authenticated sender,
 * in an allowed tenant: checked here, once, before any token), then one MeetingRequest for the use case,
 * which claims the request (a redelivered message or a second click books nothing), counts it against the
 * rate limits and books it. Says what came of it as an outcome; failures are thrown as MeetNowErrors. The
 * turn may end before the meeting exists (slow Graph): nothing here touches `context` after the first await
 * but the roster look-up, which runs under the turn's acknowledgement deadline.
 */
export class StartMeeting {
  constructor(private readonly ports: StartMeetingPorts) {}

  /** `trace`: the turn's, which also watches the use case's calls (none in unit tests). */
  start(context: TurnContext, request: StartRequest & { source: 'text' }, log: Logger, trace?: TurnTrace): Promise<TextOutcome>;
  start(context: TurnContext, request: StartRequest & { source: 'card' | 'compose' }, log: Logger, trace?: TurnTrace): Promise<CardOutcome>;
  async start(context: TurnContext, request: StartRequest, log: Logger, trace?: TurnTrace): Promise<StartOutcome> {
    const activity = context.activity;
    const organizer = await organizerOf(activity, this.ports.organizers, this.ports.tenants);
    // Looked up only for a request the use case admits: a refused flood costs no roster calls.
    let invitation: Invitation | undefined;
    const { locale } = readerContext(activity);
    const common: Omit<MeetingRequest, 'requestKey'> = {
      organizer,
      // `/meet tomorrow 9:00` names no subject: the same default as the Start card's.
      subject: request.subject === '' ? defaultSubject(organizer.displayName, messagesFor(locale)) : request.subject,
      schedule: request.schedule,
      language: locale,
      conversationId: activity.conversation.id,
      observer: trace,
    };
    const scheduled = request.schedule !== undefined;
    if (request.source === 'text') {
      const { mentions } = request;
      const outcome = await this.ports.meetings.startMeeting({
        ...common,
        attendees: async () => (invitation = await resolveInvitation(context, mentions, organizer, this.ports.roster, log)).attendees,
        requestKey: activityRequestKey(activity.id || randomUUID()),
      });
      if (outcome.kind === 'created') {
        trace?.meeting(outcome.started.meeting.created);
        return { kind: 'started', started: outcome.started, created: true, scheduled, invitation };
      }
      trace?.duplicate('activity');
      log.info({ outcome: 'duplicate' }, 'redelivered activity ignored');
      return { kind: 'redelivered' };
    }
    // A compose form's key is the sender's own: someone else sending the same form id books their own meeting.
    const requestKey =
      request.source === 'compose' ? `compose:${organizer.objectId}:${request.formKey}` : `card:${activity.replyToId ?? request.cardId ?? activity.id ?? randomUUID()}`;
    const outcome = await this.ports.meetings.startMeeting({ ...common, requestKey, remember: true });
    if (outcome.kind === 'created') trace?.meeting(outcome.started.meeting.created);
    else trace?.duplicate('card');
    const started = outcome.kind === 'created' ? outcome.started : outcome.previous;
    log.info({ outcome: outcome.kind, meetingId: started?.meeting.id }, 'card action handled');
    if (started === undefined) return { kind: 'being-started' };
    return { kind: 'started', started, created: outcome.kind === 'created', scheduled };
  }
}
