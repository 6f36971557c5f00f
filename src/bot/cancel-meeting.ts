import type { Activity } from 'botbuilder';
import type { Logger } from 'pino';
import type { CardRenderer } from '../cards/card-renderer';
import type { CancelAction } from '../commands/parse-card-action';
import type { ErrorCode, MeetNowError } from '../errors';
import { displayName } from '../commands/subject';
import type { OrganizerResolver } from '../identity/organizer-resolver';
import type { CancelOutcome, MeetingCancellation } from '../meetings/cancellation';
import type { TenantPolicy } from '../meetings/tenant-policy';
import type { TurnTrace } from '../ops/turn-trace';
import { messagesOf, type CardAnswer, type ClickWords, type Presenters } from './presenter';
import { readerContext } from './reader-context';
import { echoedPhrase, supportSuffix } from './replies';
import { organizerOf } from './sender';

/** Graph refused MeetNow the organizer's calendar or meetings (permissions, access policy, mailbox scope). */
const REFUSALS: ReadonlySet<ErrorCode> = new Set(['graph_calendar_access_denied', 'graph_access_policy', 'graph_permission_missing', 'graph_unauthorized']);

export interface CancelMeetingPorts {
  /** Cancels once, and only for the organizer. */
  cancellations: Pick<MeetingCancellation, 'cancel'>;
  /** Who clicked: the only person whose meeting a click may cancel. */
  organizers: OrganizerResolver;
  tenants: TenantPolicy;
  cards: CardRenderer;
  presenters: Presenters;
}

/**
 * A "Cancel meeting" click on a scheduled meeting's card: the clicker identified as StartMeeting identifies
 * an organizer (never from the card's data), the cancellation asked for, and the answer the click gets: the
 * "cancelled" card, which MeetBot puts in place of the meeting card for everyone, or words for the clicker.
 * Failures are thrown as MeetNowErrors (MeetBot answers them in words).
 */
export class CancelMeeting implements ClickWords {
  constructor(private readonly ports: CancelMeetingPorts) {}

  async answer(clicked: Activity, action: CancelAction, log: Logger, trace?: TurnTrace): Promise<CardAnswer> {
    if (action.kind !== 'cancel-meeting') return { answer: this.ports.presenters.for(clicked).clickProblem({ kind: 'unknown' }, clicked), created: false };
    const clicker = await organizerOf(clicked, this.ports.organizers, this.ports.tenants);
    const { organizerId, organizerName, target, subject } = action;
    const comment = messagesOf(clicked).t('cancel.comment', { name: displayName(clicker.displayName ?? organizerName ?? '') });
    const outcome = await this.ports.cancellations.cancel({ clicker, organizerId, organizerName, target, subject, comment, observer: trace });
    trace?.note(`cancel_${outcome.kind}`);
    if (outcome.kind === 'cancelled' && !outcome.created) trace?.duplicate('card');
    log.info({ outcome: outcome.kind }, 'cancel click handled');
    return this.present(outcome, clicked);
  }

  /** The interim answer of a slow cancel. */
  interim(activity: Partial<Activity>): string {
    return messagesOf(activity).t('cancel.inProgress');
  }

  /**
   * A cancel that failed, in words that say nothing was cancelled (the usual words are about creating a
   * meeting); undefined when the clicker could not be identified or admitted: those words fit any request.
   */
  failure(error: MeetNowError, activity: Activity): string | undefined {
    if (/^(?:identity|tenant|directory)_/.test(error.code)) return undefined;
    const m = messagesOf(activity);
    return m.t(REFUSALS.has(error.code) ? 'cancel.refused' : 'cancel.failed', { support: supportSuffix(error, m) });
  }

  private present(outcome: CancelOutcome, clicked: Activity): CardAnswer {
    const m = messagesOf(clicked);
    switch (outcome.kind) {
      case 'not-organizer':
        // The name comes from card data: quoted as a phrase, so that no markup in it acts on the reply.
        return { answer: outcome.organizerName === undefined ? m.t('cancel.onlyTheOrganizer') : m.t('cancel.onlyOrganizer', { name: echoedPhrase(outcome.organizerName) }), created: false };
      case 'being-cancelled':
        return { answer: m.t('cancel.inProgress'), created: false };
      case 'already-gone':
        return { answer: m.t('cancel.alreadyGone'), created: false };
      case 'cancelled': {
        // As for a repeat start: the card again only where it replaces the clicked one, else a second card would read as news.
        const inPlace = clicked.type === 'invoke' || this.ports.presenters.for(clicked).replacesClickedCard(clicked);
        if (!outcome.created && !inPlace) return { answer: m.t('cancel.alreadyCancelled'), created: false };
        const { cancellation } = outcome;
        const card = this.ports.cards.cancelledMeetingCard({
          subject: cancellation.subject,
          cancelledBy: cancellation.cancelledBy,
          cancelledAt: new Date(cancellation.cancelledAt),
          calendar: cancellation.calendar,
          ...readerContext(clicked),
        });
        return { answer: card, created: outcome.created };
      }
    }
  }
}
