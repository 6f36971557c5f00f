import { DEDUPE_TTL_MS } from '../meetings/meeting-service';
import type { DedupeStore } from '../meetings/ports';

/**
 * Teams redelivers an activity when a bot is slow: an activity answered before gets no second answer, not
 * even a refusal. Booking a meeting once is a separate matter: StartMeeting's request claims its own key
 * (`activity:<id>`), so a store that fails here (and perhaps took the key) can never make a `/meet` look
 * booked, nor book it twice.
 */
export class RedeliveryGuard {
  constructor(private readonly dedupe: DedupeStore) {}

  /** True the first time an activity arrives; without an id it cannot be recognized again. A failing store rejects. */
  async firstDelivery(conversationId: string, activityId: string | undefined): Promise<boolean> {
    if (activityId === undefined || activityId === '') return true;
    return this.dedupe.claim(`${conversationId}\nturn:${activityId}`, DEDUPE_TTL_MS);
  }
}
