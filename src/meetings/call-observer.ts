/**
 * Watches the outbound calls made for one request (a turn, a doctor run): it rides in the request object
 * (MeetingRequest → CreateMeetingInput → GraphCall), so per-turn logs and timings need no global context.
 */
export interface CallObserver {
  /** Sent to Graph as `client-request-id`, so Microsoft support can find the calls of one turn. */
  readonly correlationId?: string;
  /** A token was asked for (from cache or from Entra) and answered or failed after `durationMs`. */
  tokenAcquired?(durationMs: number, ok: boolean): void;
  /** One HTTP exchange with Graph (each retry attempt is one). */
  graphAnswered?(exchange: GraphExchange): void;
}

/** One HTTP exchange with Graph, computed once (a refusal's body parsed once) for the trace and the metrics. */
export interface GraphExchange {
  operation: string;
  status: number;
  durationMs: number;
  /** Graph's `error.code` of a non-2xx answer. */
  graphCode?: string;
  requestId?: string;
}
