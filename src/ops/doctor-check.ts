export type CheckStatus = 'pass' | 'fail' | 'warn' | 'skip' | 'info';

/** One finding of the doctor, for people (title, detail, fix) and scripts (`--json`: id, status, data). */
export interface DoctorCheck {
  id: 'config' | 'meetings_api' | 'backend' | 'bot' | 'tenant' | 'token' | 'claims' | 'graph' | 'meeting';
  title: string;
  status: CheckStatus;
  detail: string;
  /** What to do, step by step: portal clicks, PowerShell, a consent URL. */
  fix?: string[];
  /** Facts for scripts (`--json`): tenant, roles, request-id, meeting id, … */
  data?: Record<string, unknown>;
}

/** Milliseconds since `started` (a `performance.now()` reading), rounded for the report. */
export const elapsedMs = (started: number): number => Math.round(performance.now() - started);
