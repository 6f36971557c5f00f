import type { CallObserver } from './call-observer';
import type { CreateMeetingInput, Meeting, Organizer } from './meeting';

export interface TokenRequestOptions {
  /**
   * Ask Entra even if a token request for this tenant failed moments ago (a failure that does not fix
   * itself is remembered briefly): for checks of the configuration itself, such as readiness.
   */
  ignoreRecentFailure?: boolean;
}

/** App-only access tokens for Graph, per tenant. */
export interface TokenProvider {
  getToken(tenantId: string, options?: TokenRequestOptions): Promise<string>;
}

/** Creates a Teams online meeting through one of Graph's APIs. */
export interface MeetingsApi {
  createMeeting(input: CreateMeetingInput): Promise<Meeting>;
}

/** Calls off a booked meeting in its organizer's name. */
export interface MeetingCanceller {
  /** A calendar meeting: Graph cancels the event and sends `comment` to its attendees with the cancellation. */
  cancelEvent(organizer: Organizer, eventId: string, comment: string, observer?: CallObserver): Promise<void>;
  /** A standalone online meeting: it is deleted (its join link stops working). */
  deleteOnlineMeeting(organizer: Organizer, meetingId: string, observer?: CallObserver): Promise<void>;
}

/** Remembers which requests were already taken, so a redelivered activity or a second click starts nothing new. */
export interface DedupeStore {
  /** True the first time a key is seen within `ttlMs`, false afterwards. */
  claim(key: string, ttlMs: number): Promise<boolean>;
  /** Keeps what a claimed request produced, for the duplicates that come after it. */
  remember(key: string, value: string, ttlMs: number): Promise<void>;
  recall(key: string): Promise<string | undefined>;
  /** Forgets a claim whose request failed, so that the user can try the same card again. */
  release(key: string): Promise<void>;
}

/** At most `count` requests in any `windowMs` (a sliding window). */
export interface RateLimit {
  count: number;
  windowMs: number;
}

/** Whose meetings a quota counts: one organizer's, or a whole tenant's. */
export type RateScope = 'organizer' | 'tenant';

/** One count to take a request from. */
export interface RateQuota {
  scope: RateScope;
  /** Who is counted (an organizer, a tenant); may be long and comes from outside. */
  key: string;
  limit: RateLimit;
}

export type RateDecision = { allowed: true } | { allowed: false; scope: RateScope; retryAfterMs: number };

/** Counts meeting requests; with REDIS_URL the counts are shared by every instance. */
export interface RateLimiter {
  /**
   * Counts one request against every quota, or against none when one of them is used up (all or nothing,
   * so a refused request costs no other quota): then says which, and how long until it has room again.
   */
  take(quotas: readonly RateQuota[]): Promise<RateDecision>;
}
