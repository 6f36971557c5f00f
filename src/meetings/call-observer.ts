/**
 * Watches the outbound calls made for one request (a turn, a doctor run): passed explicitly down the chain
 * use case → meetings API → Graph client, so per-turn logs and timings need no global context.
 */
export interface CallObserver {
  /** Sent to Graph as `client-request-id`, so Microsoft support can find the calls of one turn. */
  readonly correlationId?: string;
  /** A token was asked for (from cache or from Entra) and answered or failed after `durationMs`. */
  tokenAcquired?(durationMs: number, ok: boolean): void;
  /** One HTTP exchange with Graph (each retry attempt is one). */
  graphAnswered?(answer: GraphAnswer): void;
}

export interface GraphAnswer {
  operation: string;
  status: number;
  durationMs: number;
  requestId?: string;
}
