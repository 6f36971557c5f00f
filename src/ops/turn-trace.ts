// The trace of one turn and where it goes. MeetBot.run starts it (the only place), hands it down as a value
// (routes, StartMeeting, the deferred answer) and as the turn's CallObserver into the use case, so token and
// Graph timings land in it without any shared state; when the turn ends it becomes one log line and metrics.

import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { MeetNowError } from '../errors';
import type { CallObserver, GraphExchange } from '../meetings/call-observer';
import type { MeetNowMetrics } from './metrics';
import { flatLineLogger } from '../logger';

/** What identifies a turn before anything happened in it. */
export interface TurnInfo {
  activityId?: string;
  channel?: string;
  activityType?: string;
  conversationType?: string;
}

export type DedupeKind = 'activity' | 'card';

/** The one log line (and the metrics) a turn produces when it is over. */
export interface TurnRecord extends TurnInfo {
  correlationId: string;
  /** What the turn did: `meeting_created`, `meeting_existing`, `duplicate`, `help`, … or an error code. */
  outcome: string;
  failed: boolean;
  dedupe?: DedupeKind;
  /** Graph's `request-id` of the last Graph answer (or of the error). */
  requestId?: string;
  graphStatus?: number;
  graphCalls: number;
  tokenMs: number;
  graphMs: number;
  replyMs: number;
  totalMs: number;
  /** The meeting card was posted after the turn's HTTP answer ("creating your meeting…" first). */
  deferred: boolean;
}

const round = (ms: number): number => Math.round(ms * 10) / 10;

/**
 * The record of one turn, filled in as the turn runs and handed to its sink once when it ends. It is the
 * turn's CallObserver, so token and Graph timings land in it without any shared state.
 */
export class TurnTrace implements CallObserver {
  readonly correlationId: string = randomUUID();
  private readonly started = performance.now();
  private outcome = 'ignored';
  private failed = false;
  private dedupe: DedupeKind | undefined;
  private requestId: string | undefined;
  private graphStatus: number | undefined;
  private graphCalls = 0;
  private tokenMs = 0;
  private graphMs = 0;
  private replyMs = 0;
  private deferredTo = false;
  private ended = false;

  constructor(
    private readonly info: TurnInfo,
    private readonly sink: (record: TurnRecord) => void,
  ) {}

  /** What the turn is doing; later notes win (`meet` → `meeting_created`). */
  note(outcome: string): void {
    if (!this.failed) this.outcome = outcome.replace(/-/g, '_');
  }

  fail(error: MeetNowError): void {
    this.outcome = error.code;
    this.failed = true;
    if (error.requestId !== undefined) this.requestId = error.requestId;
    if (error.status !== undefined) this.graphStatus ??= error.status;
  }

  meeting(created: boolean): void {
    this.note(created ? 'meeting_created' : 'meeting_existing');
  }

  duplicate(kind: DedupeKind): void {
    this.dedupe = kind;
    this.note('duplicate');
  }

  tokenAcquired(durationMs: number): void {
    this.tokenMs += durationMs;
  }

  graphAnswered(exchange: GraphExchange): void {
    this.graphCalls += 1;
    this.graphMs += exchange.durationMs;
    this.graphStatus = exchange.status;
    if (exchange.requestId !== undefined) this.requestId = exchange.requestId;
  }

  replySent(durationMs: number): void {
    this.replyMs += durationMs;
  }

  /** The turn's HTTP answer goes out before the meeting is delivered: end() comes with the delivery. */
  defer(): void {
    this.deferredTo = true;
  }

  get deferred(): boolean {
    return this.deferredTo;
  }

  /** Idempotent: the first call writes the record. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.sink({
      ...this.info,
      correlationId: this.correlationId,
      outcome: this.outcome,
      failed: this.failed,
      dedupe: this.dedupe,
      requestId: this.requestId,
      graphStatus: this.graphStatus,
      graphCalls: this.graphCalls,
      tokenMs: round(this.tokenMs),
      graphMs: round(this.graphMs),
      replyMs: round(this.replyMs),
      totalMs: round(performance.now() - this.started),
      deferred: this.deferredTo,
    });
  }
}

/** Starts the trace of each turn; when a turn ends, writes its one log line and counts it. */
export interface TurnTelemetry {
  start(info: TurnInfo): TurnTrace;
}

/** Logs `turn` at info with every field of the record, and feeds the metrics when there are some. */
export class LoggingTurnTelemetry implements TurnTelemetry {
  /** A TurnRecord is flat (TurnInfo and the figures are strings, numbers and booleans). */
  private readonly logger: Logger;

  constructor(
    logger: Logger,
    private readonly metrics?: MeetNowMetrics,
  ) {
    this.logger = flatLineLogger(logger);
  }

  start(info: TurnInfo): TurnTrace {
    return new TurnTrace(info, (record) => this.record(record));
  }

  private record(record: TurnRecord): void {
    this.logger.info({ turn: true, ...record }, 'turn');
    this.metrics?.turn(record);
  }
}

/** For bots built without telemetry (unit tests): traces that go nowhere. */
export const SILENT_TURN_TELEMETRY: TurnTelemetry = {
  start: (info) => new TurnTrace(info, () => undefined),
};
