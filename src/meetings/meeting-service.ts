import { hash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { MeetNowError } from '../errors';
import { boundedStartedMeeting } from './bounded-meeting';
import type { CallObserver } from './call-observer';
import type { Attendee, Meeting, MeetingSchedule, Organizer } from './meeting';
import type { DedupeStore, MeetingsApi, RateLimit, RateLimiter, RateQuota } from './ports';

/** DESIGN §4: dedupe memory lasts at least 24 hours. */
export const DEDUPE_TTL_MS = 24 * 60 * 60 * 1000;

export interface MeetingRequest {
  organizer: Organizer;
  subject: string;
  conversationId: string;
  /** What makes this request unique in its conversation: the activity id, or the card that was clicked. */
  requestKey: string;
  /**
   * Looks up the invited people besides the organizer (Graph `participants.attendees`): called only once the
   * request is taken and within the limits, so that a refused flood costs no roster look-ups.
   */
  attendees?: () => Promise<Attendee[]>;
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
}

/** A meeting and who started it when: what a later click on the same card is shown. */
export interface StartedMeeting {
  meeting: Meeting;
  organizerName: string;
  startedAt: string;
  /** The organizer's Entra object id: the card offers them "Cancel meeting". Absent in meetings remembered before it was kept. */
  organizerId?: string;
}

export type MeetingOutcome =
  | { kind: 'created'; started: StartedMeeting }
  /** Taken before; `previous` when it was remembered and finished. */
  | { kind: 'duplicate'; previous?: StartedMeeting };

/** The request key of a `/meet` message: one meeting per activity. */
export const activityRequestKey = (activityId: string): string => `activity:${activityId}`;

/**
 * Graph's createOrGet dedupes on this: derived only from ids, so it is the same after a restart and on
 * every instance, and a retried request can never book a second meeting.
 */
export function deriveExternalId(conversationId: string, requestKey: string, organizerId: string): string {
  const digest = hash('sha256', `${conversationId}\n${requestKey}\n${organizerId}`, 'base64url');
  return `meetnow-${digest}`;
}

/** How many meetings may be started, counted by `limiter` (shared by every instance with Redis). */
export interface MeetingLimits {
  limiter: RateLimiter;
  /** Per organizer (`MEET_RATE_LIMIT`); undefined: none. */
  organizer?: RateLimit;
  /** Per tenant, for all its organizers together (`MEET_TENANT_RATE_LIMIT`); undefined: none. */
  tenant?: RateLimit;
}

export interface MeetingServiceOptions {
  api: MeetingsApi;
  dedupe: DedupeStore;
  limits?: MeetingLimits;
}

/**
 * Booking for an organizer whose tenant was admitted (StartMeeting): take the request once, keep within the
 * limits, create the meeting, remember it for the duplicates.
 */
export class MeetingService {
  constructor(private readonly options: MeetingServiceOptions) {}

  async startMeeting(request: MeetingRequest): Promise<MeetingOutcome> {
    const key = `${request.conversationId}\n${request.requestKey}`;
    const fresh = await this.options.dedupe.claim(key, DEDUPE_TTL_MS);
    if (!fresh) return { kind: 'duplicate', previous: request.remember === true ? await this.recall(key) : undefined };
    let meeting: Meeting;
    try {
      // Counted only now: a duplicate is no new meeting. Before any token, Graph or roster call.
      await this.admit(request.organizer);
      meeting = await this.options.api.createMeeting({
        observer: request.observer,
        organizer: request.organizer,
        subject: request.subject,
        externalId: deriveExternalId(request.conversationId, request.requestKey, request.organizer.objectId),
        attendees: await request.attendees?.(),
        schedule: request.schedule,
        language: request.language,
      });
    } catch (error) {
      // A failed or refused click can be clicked again (the user was told what went wrong, or when to try
      // again). A failed message stays taken: Teams redelivering it must not bring a second answer after
      // the error reply; the sender tries again with a new message.
      if (request.remember === true) await this.options.dedupe.release(key).catch(() => undefined);
      throw error;
    }
    // Bounded before it is shown or remembered, so that a repeat click's card is the first one's.
    const started = boundedStartedMeeting({
      meeting,
      organizerName: request.organizer.displayName ?? 'a colleague',
      startedAt: new Date().toISOString(),
      organizerId: request.organizer.objectId,
    });
    if (request.remember === true) await this.options.dedupe.remember(key, JSON.stringify(started), DEDUPE_TTL_MS);
    return { kind: 'created', started };
  }

  /** Counts the request for its organizer and tenant, or refuses it with when to try again. */
  private async admit(organizer: Organizer): Promise<void> {
    const limits = this.options.limits;
    if (limits === undefined) return;
    const tenant = organizer.tenantId.toLowerCase();
    const quotas: RateQuota[] = [];
    // The organizer's own limit first: who floods is told about their own limit, not the tenant's.
    if (limits.organizer !== undefined) quotas.push({ scope: 'organizer', key: `${tenant}\n${organizer.objectId.toLowerCase()}`, limit: limits.organizer });
    if (limits.tenant !== undefined) quotas.push({ scope: 'tenant', key: tenant, limit: limits.tenant });
    if (quotas.length === 0) return;
    const decision = await limits.limiter.take(quotas);
    if (decision.allowed) return;
    const seconds = Math.ceil(decision.retryAfterMs / 1_000);
    throw decision.scope === 'organizer'
      ? new MeetNowError('rate_limited', `organizer ${organizer.objectId} reached MEET_RATE_LIMIT: next meeting in ${seconds} s`, { retryAfterMs: decision.retryAfterMs })
      : new MeetNowError('tenant_rate_limited', `tenant ${tenant} reached MEET_TENANT_RATE_LIMIT: next meeting in ${seconds} s`, { retryAfterMs: decision.retryAfterMs });
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
