import type { Config, GraphSettings } from './config';
import type { Emulator } from './emulator';
import type { MeetNowMetrics } from './ops/metrics';
import type { ReadinessProbe } from './ops/readiness';

/** A running MeetNow, as `startMeetNow` returns it (the CLI, the tools and the tests hold one). */
export interface MeetNowHandle {
  config: Config;
  /** http://host:port of the bot. */
  url: string;
  port: number;
  /** The embedded emulator, when the bot runs on it. */
  emulator?: Emulator;
  graph: GraphSettings;
  /** This bot's Prometheus metrics (a registry of its own). */
  metrics: MeetNowMetrics;
  /** http://host:port/metrics, unless METRICS_PORT=off (or its port was taken). */
  metricsUrl?: string;
  readiness: ReadinessProbe;
  close(): Promise<void>;
}
