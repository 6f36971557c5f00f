import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { MeetNowError } from '../errors';
import { boundedStartedMeeting } from './bounded-meeting';
import type { CallObserver } from './call-observer';
import type { Attendee, Meeting, MeetingSchedule, Organizer } from './meeting';
import type { DedupeStore, MeetingsApi } from './ports';

/** DESIGN §4: dedupe memory lasts at least 24 hours. */
export const DEDUPE_TTL_MS = 24 * 60 * 60 * 1000;

export interface MeetingRequest {
  organizer: Organizer;
  subject: string;
  conversationId: string;
  /** What makes this request unique in its conversation: the activity id, or the card that was clicked. */
  requestKey: string;
  /** Invited people besides the organizer (Graph `participants.attendees`). */
  attendees?: Attendee[];
  schedule?: MeetingSchedule;
  /** The reader's language, for Graph's join information. */
  language?: string;
  /**
   * Keep the result for later duplicates (card clicks: a second click shows the same meeting). Plain
   * message redeliveries need no answer, so they keep nothing.
   */
  remember?: boolean;
  /** Sees the token and Graph calls made for this request. */
  observer?: CallObserver;
  /** `requestKey` was taken already by `firstDelivery` in this turn: no second claim. */
  claimed?: boolean;
}

/** A meeting and who started it when: what a later click on the same card is shown. */
export interface StartedMeeting {
  meeting: Meeting;
  organizerName: string;
  startedAt: string;
}

export type MeetingOutcome =
  | { kind: 'created'; started: StartedMeeting }
  /** Taken before; `previous` when it was remembered and finished. */
  | { kind: 'duplicate'; previous?: StartedMeeting };

/** The request key of a message: what `firstDelivery` claims for it. */
export const activityRequestKey = (activityId: string): string => `activity:${activityId}`;

/**
 * Graph's createOrGet dedupes on this: derived only from ids, so it is the same after a restart and on
 * every instance, and a retried request can never book a second meeting.
 */
export function deriveExternalId(conversationId: string, requestKey: string, organizerId: string): string {
  const digest = createHash('sha256').update(`${conversationId}\n${requestKey}\n${organizerId}`).digest('base64url');
  return `meetnow-${digest}`;
}

export interface MeetingServiceOptions {
  api: MeetingsApi;
  dedupe: DedupeStore;
  allowedTenants: ReadonlySet<string>;
}

/** The use case: check the tenant, take the request once, create the meeting. */
export class MeetingService {
  constructor(private readonly options: MeetingServiceOptions) {}

  /** Throws `tenant_not_allowed` when ALLOWED_TENANTS is set and does not list the tenant. */
  assertTenantAllowed(tenantId: string): void {
    const allowed = this.options.allowedTenants;
    if (allowed.size > 0 && !allowed.has(tenantId.toLowerCase())) {
      throw new MeetNowError('tenant_not_allowed', `tenant ${tenantId} is not in ALLOWED_TENANTS`);
    }
  }

  /**
   * True the first time an activity arrives; without an id it cannot be recognized again. It takes the same
   * key as a meeting request for that activity (`activity:<id>`), so a `/meet` message is claimed once, here,
   * and its request says `claimed`. A failing dedupe store rejects: the caller decides (and says) what
   * happens then.
   */
  async firstDelivery(conversationId: string, activityId: string | undefined): Promise<boolean> {
    if (activityId === undefined || activityId === '') return true;
    return this.options.dedupe.claim(`${conversationId}\n${activityRequestKey(activityId)}`, DEDUPE_TTL_MS);
  }

  async startMeeting(request: MeetingRequest): Promise<MeetingOutcome> {
    this.assertTenantAllowed(request.organizer.tenantId);
    const key = `${request.conversationId}\n${request.requestKey}`;
    const fresh = request.claimed === true || (await this.options.dedupe.claim(key, DEDUPE_TTL_MS));
    if (!fresh) return { kind: 'duplicate', previous: request.remember === true ? await this.recall(key) : undefined };
    let meeting: Meeting;
    try {
      meeting = await this.options.api.createMeeting({
        observer: request.observer,
        organizer: request.organizer,
        subject: request.subject,
        externalId: deriveExternalId(request.conversationId, request.requestKey, request.organizer.objectId),
        attendees: request.attendees,
        schedule: request.schedule,
        language: request.language,
      });
    } catch (error) {
      // A failed click can be clicked again (the user was told what went wrong). A failed message stays
      // taken: Teams redelivering it must not bring a second answer after the error reply.
      if (request.remember === true) await this.options.dedupe.release(key).catch(() => undefined);
      throw error;
    }
    // Bounded before it is shown or remembered, so that a repeat click's card is the first one's.
    const started = boundedStartedMeeting({
      meeting,
      organizerName: request.organizer.displayName ?? 'a colleague',
      startedAt: new Date().toISOString(),
    });
    if (request.remember === true) await this.options.dedupe.remember(key, JSON.stringify(started), DEDUPE_TTL_MS);
    return { kind: 'created', started };
  }

  /** A duplicate click may arrive while the first is still creating: wait a little for its result. */
  private async recall(key: string, waitMs = 8_000, pollMs = 200): Promise<StartedMeeting | undefined> {
    for (let waited = 0; ; waited += pollMs) {
      const value = await this.options.dedupe.recall(key);
      if (value !== undefined) return JSON.parse(value) as StartedMeeting;
      if (waited >= waitMs) return undefined;
      await sleep(pollMs);
    }
  }
}
