import { setTimeout as sleep } from 'node:timers/promises';
import { TurnContext, type ConversationReference } from 'botbuilder';
import type { ClaimsIdentity } from 'botframework-connector';
import type { Logger } from 'pino';
import { httpStatusOf, MeetNowError } from '../errors';
import type { RetryEvents } from '../http/retry';
import type { Meeting } from '../meetings/meeting';

/** The one retry schedule of a meeting reply (the Bot Connector client itself makes one request). */
export interface DeliveryPolicy {
  /** Waits between tries after the first one failed: 1 + its length tries in all. */
  retryDelaysMs: readonly number[];
  /** Time from the first try after which no retry starts, however long a Retry-After asks to wait. */
  budgetMs: number;
}

/** Six tries over about half a minute; the budget leaves room for slow answers and a short Retry-After. */
export const DEFAULT_DELIVERY_POLICY: DeliveryPolicy = { retryDelaysMs: [1_000, 2_000, 4_000, 8_000, 16_000], budgetMs: 40_000 };

/** How a reply reaches the conversation: `sendActivity`, or `updateActivity` for a card replaced in place. */
export type Send = (turn: TurnContext) => Promise<unknown>;

interface Undelivered {
  meeting: Meeting;
  conversationId: string;
  log: Logger;
  /** Set at shutdown, once the meeting has been logged as lost. */
  abandoned?: boolean;
}

/**
 * Refusals after which nobody in the conversation can be told, by the Bot Connector's code, and the outcome
 * logged for each: the bot was removed (403 BotNotInConversationRoster) or the conversation is gone (404
 * ConversationNotFound). Teams says not to retry either ("Status codes from bot conversational APIs",
 * https://learn.microsoft.com/microsoftteams/platform/bots/build-conversational-capability#status-codes-from-bot-conversational-apis).
 */
const CONVERSATION_GONE: Readonly<Record<string, string>> = {
  BotNotInConversationRoster: 'bot_not_in_conversation',
  ConversationNotFound: 'conversation_not_found',
};

/** 5xx, 408, 429 and network failures may pass on a later try; other 4xx (bot removed, bad request) never will. */
export function isRetryableDeliveryError(error: unknown): boolean {
  const status = httpStatusOf(error);
  return status === undefined || status >= 500 || status === 408 || status === 429;
}

/**
 * Delivers a reply that carries a meeting which already exists, so it is never silently lost: the turn
 * makes one try and never waits; when the Bot Connector fails, the turn ends anyway (Teams gets its HTTP
 * answer in time) and delivery is retried in the background with backoff, honouring Retry-After, within
 * one budget; when it still fails, the meeting id and join URL are logged at error level so an operator can
 * hand them to the user. This is the only place a reply is retried.
 */
export class MeetingDelivery {
  private readonly pending = new Map<Promise<void>, Undelivered>();
  private readonly stopped = new AbortController();
  private readonly retryDelaysMs: readonly number[];
  private readonly budgetMs: number;

  constructor(
    policy: Partial<DeliveryPolicy> = {},
    /** Sees each retry of a refused reply (the log and the retry metric). */
    private readonly events: RetryEvents = {},
  ) {
    this.retryDelaysMs = policy.retryDelaysMs ?? DEFAULT_DELIVERY_POLICY.retryDelaysMs;
    this.budgetMs = policy.budgetMs ?? DEFAULT_DELIVERY_POLICY.budgetMs;
  }

  /**
   * Never throws: a failure is retried or logged here. `smaller` is the same meeting in a lighter reply (its
   * text with the join link), sent when the Bot Connector refuses the card as too large (413 MessageSizeTooBig,
   * Teams' 100 KB limit: https://learn.microsoft.com/microsoftteams/platform/bots/how-to/format-your-bot-messages).
   */
  async deliver(context: TurnContext, card: Send, meeting: Meeting, log: Logger, smaller?: Send): Promise<void> {
    const send: Send = async (turn) => {
      try {
        return await card(turn);
      } catch (error) {
        if (smaller === undefined || httpStatusOf(error) !== 413) throw error;
        log.warn({ outcome: 'card_too_large', meetingId: meeting.id, reason: (error as Error).message }, 'the Bot Connector refused the meeting card as too large: sending the meeting as text');
        return smaller(turn);
      }
    };
    // botbuilder revokes the turn context when the turn ends: keep what the retries need now.
    const conversationId = context.activity.conversation?.id ?? '';
    const adapter = context.adapter;
    const reference = TurnContext.getConversationReference(context.activity) as ConversationReference;
    const identity = context.turnState.get<ClaimsIdentity>(adapter.BotIdentityKey);
    const startedAt = Date.now();
    let firstError: unknown;
    try {
      await send(context);
      return;
    } catch (error) {
      if (!isRetryableDeliveryError(error) || this.retryDelaysMs.length === 0) {
        this.giveUp({ meeting, conversationId, log }, error, 1);
        return;
      }
      log.warn({ meetingId: meeting.id, status: httpStatusOf(error), reason: (error as Error).message }, 'could not deliver the meeting: retrying in the background');
      firstError = error;
    }
    const entry: Undelivered = { meeting, conversationId, log };
    const background = this.retry(adapter, identity, reference, send, entry, firstError, startedAt).finally(() => this.pending.delete(background));
    this.pending.set(background, entry);
  }

  /** Resolves when every background delivery has succeeded or given up. */
  async drain(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending.keys()]);
  }

  /** At shutdown, when waiting is over: logs every meeting still undelivered, so none is lost silently. */
  abandon(): void {
    this.stopped.abort();
    for (const entry of this.pending.values()) {
      entry.abandoned = true;
      this.logLost(entry, 'shutting down before the reply could be delivered');
    }
    this.pending.clear();
  }

  private async retry(
    adapter: TurnContext['adapter'],
    identity: ClaimsIdentity,
    reference: ConversationReference,
    send: Send,
    entry: Undelivered,
    firstError: unknown,
    startedAt: number,
  ): Promise<void> {
    let lastError = firstError;
    for (const [index, delayMs] of this.retryDelaysMs.entries()) {
      // A throttled reply waits as long as the Bot Connector asked; a wait that would start the retry past
      // the budget ends retrying at once (as Graph's Retry-After beyond the budget does).
      const retryAfterMs = lastError instanceof MeetNowError ? (lastError.retryAfterMs ?? 0) : 0;
      const waitMs = Math.max(delayMs, retryAfterMs);
      if (Date.now() - startedAt + waitMs > this.budgetMs) {
        this.giveUp(entry, lastError, index + 1);
        return;
      }
      const status = httpStatusOf(lastError);
      if (status !== undefined) this.events.onRetry?.({ attempt: index + 1, status, waitMs });
      const slept = await sleep(waitMs, true, { signal: this.stopped.signal }).catch(() => false);
      if (!slept || entry.abandoned === true) return;
      // The adapter hands errors thrown inside the callback to onTurnError: catch them here instead.
      let failure: { error: unknown } | undefined;
      try {
        await adapter.continueConversationAsync(identity, reference, async (turn) => {
          try {
            await send(turn);
          } catch (error) {
            failure = { error };
          }
        });
      } catch (error) {
        failure = { error };
      }
      if (failure === undefined) {
        entry.log.info({ meetingId: entry.meeting.id, attempts: index + 2 }, 'meeting delivered after retrying');
        return;
      }
      lastError = failure.error;
      if (!isRetryableDeliveryError(lastError)) {
        this.giveUp(entry, lastError, index + 2);
        return;
      }
    }
    this.giveUp(entry, lastError, this.retryDelaysMs.length + 1);
  }

  private giveUp(entry: Undelivered, error: unknown, attempts: number): void {
    const connectorCode = error instanceof MeetNowError ? error.connectorCode : undefined;
    const gone = connectorCode === undefined || !Object.hasOwn(CONVERSATION_GONE, connectorCode) ? undefined : CONVERSATION_GONE[connectorCode];
    if (gone !== undefined) {
      // Nothing an operator must fix (people removed the bot or the chat), and nobody left to tell: a warning.
      entry.log.warn(
        { outcome: gone, connectorCode, meetingId: entry.meeting.id, joinUrl: entry.meeting.joinUrl, conversationId: entry.conversationId },
        `meeting created but the conversation no longer takes the bot's messages (${connectorCode}): not retried`,
      );
      return;
    }
    this.logLost(entry, `the Bot Connector refused it (${httpStatusOf(error) ?? (error as Error | undefined)?.message ?? 'unknown'}) after ${attempts} attempt(s)`);
  }

  private logLost(entry: Undelivered, why: string): void {
    entry.log.error(
      { outcome: 'reply_undelivered', meetingId: entry.meeting.id, joinUrl: entry.meeting.joinUrl, subject: entry.meeting.subject, conversationId: entry.conversationId },
      `meeting created but its card could not be delivered: ${why}; give the user this join URL`,
    );
  }
}
