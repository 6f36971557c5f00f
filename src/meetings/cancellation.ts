import { MeetNowError } from '../errors';
import { displayName } from '../commands/subject';
import type { CallObserver } from './call-observer';
import type { Organizer } from './meeting';
import { DEDUPE_TTL_MS } from './meeting-service';
import type { DedupeStore, MeetingCanceller } from './ports';

/** A click on a meeting card's "Cancel meeting": who clicked, and what the card says it is about. */
export interface CancelRequest {
  /** The authenticated clicker (never taken from card data): the only mailbox a Graph call names. */
  clicker: Organizer;
  /** The organizer's Entra object id, as the card carries it: only they may cancel. */
  organizerId: string;
  organizerName?: string;
  target: CancelTarget;
  subject: string;
  /** Sent to a calendar event's attendees with the cancellation. */
  comment: string;
  /** Sees the token and Graph calls made for this click. */
  observer?: CallObserver;
}

/** What is cancelled: a calendar event (SCHEDULED_MEETINGS=calendar), or a standalone online meeting. */
export type CancelTarget = { kind: 'event'; id: string } | { kind: 'online-meeting'; id: string };

/** A cancelled meeting, as its card shows it to everyone. */
export interface Cancellation {
  subject: string;
  cancelledBy: string;
  cancelledAt: string;
  /** A calendar event: its attendees were sent a cancellation. */
  calendar: boolean;
}

export type CancelOutcome =
  /** `created`: this click cancelled it; false when it was cancelled before and the same answer is shown again. */
  | { kind: 'cancelled'; cancellation: Cancellation; created: boolean }
  /** The clicker is not the organizer: nothing was claimed or called. */
  | { kind: 'not-organizer'; organizerName?: string }
  /** Another click is cancelling it right now. */
  | { kind: 'being-cancelled' }
  /** Graph no longer knows the meeting (cancelled or deleted in Outlook or Teams meanwhile). */
  | { kind: 'already-gone' };

/** What a claimed cancel click leaves for the clicks after it. */
type Remembered = { kind: 'cancelled'; cancellation: Cancellation } | { kind: 'already-gone' };

/** Graph's 404s that mean "no such mailbox", not "no such meeting": a problem to report, not a cancellation. */
const MAILBOX_MISSING = new Set(['ErrorInvalidUser', 'MailboxNotEnabledForRESTAPI']);

function meetingIsGone(error: unknown): boolean {
  return error instanceof MeetNowError && error.status === 404 && !MAILBOX_MISSING.has(error.graphCode ?? '');
}

export interface MeetingCancellationOptions {
  /** Graph: the event's `cancel` (which tells its attendees), or deleting a standalone meeting. */
  api: MeetingCanceller;
  dedupe: DedupeStore;
}

/**
 * Cancelling a scheduled meeting from its card: only its organizer may, once. The organizer's click is
 * claimed once per meeting (a second click, or Teams redelivering the first, calls nothing and is shown the
 * same result); a failed call releases the claim so that the organizer can try again.
 */
export class MeetingCancellation {
  constructor(private readonly options: MeetingCancellationOptions) {}

  async cancel(request: CancelRequest): Promise<CancelOutcome> {
    const { clicker } = request;
    if (clicker.objectId.toLowerCase() !== request.organizerId.toLowerCase()) return { kind: 'not-organizer', organizerName: request.organizerName };
    // Graph calls name the clicker's mailbox, never one from the card: forged card data can at most reach
    // the clicker's own events and meetings, which they may cancel anyway. Keyed by that mailbox too, so a
    // forged click cannot take the claim of someone else's meeting.
    const { target } = request;
    const key = `cancel\n${clicker.tenantId.toLowerCase()}\n${clicker.objectId.toLowerCase()}\n${target.kind}\n${target.id}`;
    if (!(await this.options.dedupe.claim(key, DEDUPE_TTL_MS))) {
      const previous = await this.options.dedupe.recall(key);
      if (previous === undefined) return { kind: 'being-cancelled' };
      const remembered = JSON.parse(previous) as Remembered;
      return remembered.kind === 'cancelled' ? { kind: 'cancelled', cancellation: remembered.cancellation, created: false } : remembered;
    }
    let outcome: Remembered;
    try {
      outcome = await this.call(request);
    } catch (error) {
      // The organizer was told what went wrong and may click again.
      await this.options.dedupe.release(key).catch(() => undefined);
      throw error;
    }
    // Done in Graph whatever the store says: if it cannot keep the result, the claim is let go, so that a
    // later click asks Graph again (which answers that the meeting is gone) instead of "being cancelled".
    await this.options.dedupe.remember(key, JSON.stringify(outcome), DEDUPE_TTL_MS).catch(() => this.options.dedupe.release(key).catch(() => undefined));
    return outcome.kind === 'cancelled' ? { ...outcome, created: true } : outcome;
  }

  private async call(request: CancelRequest): Promise<Remembered> {
    const { clicker, target, observer } = request;
    try {
      if (target.kind === 'event') await this.options.api.cancelEvent(clicker, target.id, request.comment, observer);
      else await this.options.api.deleteOnlineMeeting(clicker, target.id, observer);
    } catch (error) {
      if (meetingIsGone(error)) return { kind: 'already-gone' };
      throw error;
    }
    return {
      kind: 'cancelled',
      cancellation: {
        subject: request.subject,
        cancelledBy: displayName(clicker.displayName ?? request.organizerName ?? ''),
        cancelledAt: new Date().toISOString(),
        calendar: target.kind === 'event',
      },
    };
  }
}
