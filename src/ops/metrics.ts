import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { activityTypeLabel, channelLabel, codeLabel, conversationTypeLabel } from './labels';
import type { GraphExchange } from '../meetings/call-observer';
import type { RateScope } from '../meetings/ports';
import type { DedupeKind, TurnRecord } from './turn-trace';

export type RetryTarget = 'graph' | 'token' | 'bot_connector';

/** The bot's own memories that outside input fills, each capped in bytes: remembered card clicks, welcomed conversations. */
export type MemoryName = 'card_clicks' | 'welcome';

const LATENCY_BUCKETS = [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20];

/**
 * MeetNow's Prometheus metrics, in a registry of their own: one per running bot, so several bots in one
 * process (the tests) never share counters.
 */
export class MeetNowMetrics {
  readonly registry = new Registry();
  private readonly meetings: Counter<'api' | 'outcome'>;
  private readonly graphDuration: Histogram<'operation' | 'status'>;
  private readonly graphErrors: Counter<'status' | 'code'>;
  private readonly retries: Counter<'target' | 'status'>;
  private readonly tokenRequests: Counter<'status'>;
  private readonly turns: Counter<'channel' | 'activity_type' | 'conversation_type' | 'outcome'>;
  private readonly turnDuration: Histogram<'channel'>;
  private readonly dedupeHits: Counter<'kind'>;
  private readonly memories = new Map<MemoryName, () => number>();
  private readonly rateLimitRefusals: Counter<'scope'>;

  constructor(options: { processMetrics?: boolean } = {}) {
    const registers = [this.registry];
    if (options.processMetrics !== false) collectDefaultMetrics({ register: this.registry });
    this.meetings = new Counter({
      name: 'meetnow_meetings_total',
      help: 'Meeting creations by Graph API (users = v1.0 createOrGet, app = beta app/onlineMeetings) and outcome (created, existing, or the error code)',
      labelNames: ['api', 'outcome'],
      registers,
    });
    this.graphDuration = new Histogram({
      name: 'meetnow_graph_request_duration_seconds',
      help: 'Duration of each HTTP exchange with Microsoft Graph (every retry attempt counts), by operation and HTTP status',
      labelNames: ['operation', 'status'],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.graphErrors = new Counter({
      name: 'meetnow_graph_errors_total',
      help: "Microsoft Graph answers that were not 2xx, by HTTP status and Graph's error code",
      labelNames: ['status', 'code'],
      registers,
    });
    this.retries = new Counter({
      name: 'meetnow_retries_total',
      help: 'Retries after a throttled or failed answer, by target (graph, token or bot_connector) and the status that caused them',
      labelNames: ['target', 'status'],
      registers,
    });
    this.tokenRequests = new Counter({
      name: 'meetnow_token_requests_total',
      help: 'Requests to the Entra token endpoint (cached tokens are not counted), by HTTP status',
      labelNames: ['status'],
      registers,
    });
    this.turns = new Counter({
      name: 'meetnow_turns_total',
      help: 'Bot turns by channel, activity type, conversation type and outcome',
      labelNames: ['channel', 'activity_type', 'conversation_type', 'outcome'],
      registers,
    });
    this.turnDuration = new Histogram({
      name: 'meetnow_turn_duration_seconds',
      help: 'Time from the start of a turn to its last reply (meeting card included when it is posted after the turn)',
      labelNames: ['channel'],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.dedupeHits = new Counter({
      name: 'meetnow_dedupe_hits_total',
      help: 'Requests recognised as duplicates (a redelivered activity or a second click on a card): no second meeting',
      labelNames: ['kind'],
      registers,
    });
    const memories = this.memories;
    new Gauge({
      name: 'meetnow_memory_bytes',
      help: 'Bytes held by the bot\'s capped memories (card_clicks: card clicks remembered for repeat clicks; welcome: conversations welcomed recently)',
      labelNames: ['memory'],
      registers,
      collect() {
        for (const [memory, bytes] of memories) this.set({ memory }, bytes());
      },
    });
    this.rateLimitRefusals = new Counter({
      name: 'meetnow_rate_limited_total',
      help: 'Meeting requests refused by a rate limit (MEET_RATE_LIMIT: organizer, MEET_TENANT_RATE_LIMIT: tenant): no token or Graph call',
      labelNames: ['scope'],
      registers,
    });
  }

  meeting(api: string, outcome: string): void {
    this.meetings.inc({ api, outcome: codeLabel(outcome) });
  }

  graphExchange({ operation, status, durationMs, graphCode }: GraphExchange): void {
    this.graphDuration.observe({ operation, status: String(status) }, durationMs / 1000);
    if (status < 200 || status > 299) this.graphErrors.inc({ status: String(status), code: codeLabel(graphCode) });
  }

  /** Graph could not be reached at all (connection refused, DNS, TLS, timeout). */
  graphUnreachable(): void {
    this.graphErrors.inc({ status: 'network', code: 'none' });
  }

  retry(target: RetryTarget, status: number): void {
    this.retries.inc({ target, status: String(status) });
  }

  tokenResponse(status: number): void {
    this.tokenRequests.inc({ status: String(status) });
  }

  turn(record: TurnRecord): void {
    const channel = channelLabel(record.channel);
    this.turns.inc({
      channel,
      activity_type: activityTypeLabel(record.activityType),
      conversation_type: conversationTypeLabel(record.conversationType),
      outcome: codeLabel(record.outcome),
    });
    this.turnDuration.observe({ channel }, record.totalMs / 1000);
    if (record.dedupe !== undefined) this.dedupeHit(record.dedupe);
  }

  dedupeHit(kind: DedupeKind): void {
    this.dedupeHits.inc({ kind });
  }

  /** Reports a memory's size on every scrape. */
  watchMemory(memory: MemoryName, bytes: () => number): void {
    this.memories.set(memory, bytes);
  }

  rateLimited(scope: RateScope): void {
    this.rateLimitRefusals.inc({ scope });
  }

  /** The Prometheus text exposition of every metric. */
  render(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
