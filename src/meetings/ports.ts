import type { CreateMeetingInput, Meeting } from './meeting';

/** App-only access tokens for Graph, per tenant. */
export interface TokenProvider {
  getToken(tenantId: string): Promise<string>;
}

/** Creates a Teams online meeting through one of Graph's APIs. */
export interface MeetingsApi {
  createMeeting(input: CreateMeetingInput): Promise<Meeting>;
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
