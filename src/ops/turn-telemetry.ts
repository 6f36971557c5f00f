import type { Logger } from 'pino';
import type { MeetNowMetrics } from './metrics';
import { TurnTrace, type TurnInfo, type TurnRecord } from './turn-trace';

/** Starts the trace of each turn; when a turn ends, writes its one log line and counts it. */
export interface TurnTelemetry {
  start(info: TurnInfo): TurnTrace;
}

/** Logs `turn` at info with every field of the record, and feeds the metrics when there are some. */
export class LoggingTurnTelemetry implements TurnTelemetry {
  constructor(
    private readonly logger: Logger,
    private readonly metrics?: MeetNowMetrics,
  ) {}

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
