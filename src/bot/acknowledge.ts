import type { Logger } from 'pino';
import { asMeetNowError, type MeetNowError } from '../errors';

/** When the turn shows a typing indicator, and when it gives up waiting and acknowledges instead. */
export interface AcknowledgeTimings {
  /** After this long the turn acknowledges and the answer comes later (Teams waits about 15 s for its HTTP answer). */
  acknowledgeAfterMs: number;
  /** A typing indicator is shown when the answer takes longer than this. */
  typingAfterMs: number;
}

/** What acknowledge-then-continue needs from a turn: a typing indicator, and a way to speak once the turn has ended. */
export interface TurnLine<T> {
  readonly turn: T;
  typing(): Promise<unknown>;
  /** Runs `speak` in a new turn of the same conversation (proactively), after this turn has ended. */
  continueLater(speak: (later: T) => Promise<void>): Promise<void>;
}

/** The three things said along the way: the answer (in the turn, or `late` after it), the failure, the interim message. */
export interface AcknowledgeSteps<R, T> {
  answer(result: R, turn: T, late: boolean): Promise<unknown>;
  fail(error: MeetNowError, turn: T): Promise<unknown>;
  acknowledge(turn: T): Promise<unknown>;
}

/**
 * Acknowledge-then-continue: answers in the turn when the result comes quickly; shows typing when it is slow;
 * past the acknowledgement deadline says so (the interim message), ends the turn, so that Teams gets its
 * HTTP answer in time and does not redeliver, and answers in a new turn once the result is ready.
 */
export class AcknowledgeThenContinue {
  private readonly pending = new Set<Promise<void>>();

  constructor(private readonly timings: AcknowledgeTimings) {}

  async run<R, T>(work: Promise<R>, line: TurnLine<T>, steps: AcknowledgeSteps<R, T>, log: Logger): Promise<void> {
    const settled = work.then(
      (result) => ({ result }),
      (error: unknown) => ({ error: asMeetNowError(error) }),
    );
    // Plain timers, cleared when the result comes first: cancelling AbortSignal sleeps builds two
    // DOMExceptions with stack traces per turn, a twentieth of a /meet turn's CPU in the benchmark profile.
    let typing: Promise<unknown> = Promise.resolve();
    const typingTimer = setTimeout(() => {
      // A failed typing indicator is cosmetic; unhandled, it would take the process down.
      typing = line.typing().catch((error: unknown) => log.debug({ reason: (error as Error).message }, 'could not send the typing indicator'));
    }, this.timings.typingAfterMs);
    const timedOut = Symbol('timeout');
    let acknowledgeTimer: NodeJS.Timeout | undefined;
    const acknowledgeDue = new Promise<typeof timedOut>((resolve) => (acknowledgeTimer = setTimeout(resolve, this.timings.acknowledgeAfterMs, timedOut)));
    const first = await Promise.race([settled, acknowledgeDue]);
    clearTimeout(typingTimer);
    clearTimeout(acknowledgeTimer);
    if (first !== timedOut) {
      await typing;
      if ('error' in first) await steps.fail(first.error, line.turn);
      else await steps.answer(first.result, line.turn, false);
      return;
    }
    // The answer is on its way whatever happens to the interim message: it is scheduled below.
    await steps.acknowledge(line.turn).catch((error: unknown) => log.warn({ reason: (error as Error).message }, 'could not send the interim message'));
    const background = line
      .continueLater(async (later) => {
        const result = await settled;
        if ('error' in result) await steps.fail(result.error, later);
        else await steps.answer(result.result, later, true);
      })
      .catch((error: unknown) => log.error({ err: error }, 'could not deliver the meeting after the turn ended'))
      .finally(() => this.pending.delete(background));
    this.pending.add(background);
  }

  /** Resolves once every answer still owed after its turn has been given. */
  async drain(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }
}
