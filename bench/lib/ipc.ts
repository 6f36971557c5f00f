/** Messages between the benchmark and its fake Bot Connector process (child_process IPC). */
export type ConnectorRequest =
  | { id: number; cmd: 'reset' }
  | { id: number; cmd: 'counts' }
  /** Answers once `count` replies of `kind` arrived since the last reset, or after `timeoutMs`. */
  | { id: number; cmd: 'wait'; kind: ReplyKind; count: number; timeoutMs: number };

/** `card`: a message carrying an Adaptive Card (the meeting); `message`: any message activity. */
export type ReplyKind = 'card' | 'message';

export interface ConnectorCounts {
  /** Every POST/PUT to a conversation, typing indicators included. */
  calls: number;
  messages: number;
  cards: number;
}

export type ConnectorReply =
  | { type: 'ready'; serviceUrl: string }
  | { type: 'answer'; id: number; counts: ConnectorCounts; reached?: boolean; at?: number };

/** Wall-clock milliseconds with sub-millisecond precision, comparable across processes of one machine. */
export function epochMs(): number {
  return performance.timeOrigin + performance.now();
}
