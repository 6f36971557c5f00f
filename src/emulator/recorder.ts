import type { RecordedRequest, RequestCounts } from './types';

export type RecordKind = keyof RequestCounts;

/** Requests seen, per kind: always counted, kept (bounded) only when recording is on. */
export class RequestRecorder {
  readonly token: RecordedRequest[] = [];
  readonly graph: RecordedRequest[] = [];
  readonly discovery: RecordedRequest[] = [];
  private readonly counters: RequestCounts = { token: 0, graph: 0, discovery: 0 };
  /** Requests per HTTP version (`2.0`, `1.1`), to show which protocol clients negotiated. */
  private readonly versions = new Map<string, number>();

  constructor(
    readonly keeping: boolean,
    private readonly limit: number,
  ) {}

  /** `make` runs only when recording, so counting alone stays cheap. */
  add(kind: RecordKind, httpVersion: string, make: () => RecordedRequest): void {
    this.counters[kind] += 1;
    this.versions.set(httpVersion, (this.versions.get(httpVersion) ?? 0) + 1);
    if (!this.keeping) return;
    const list = this[kind];
    list.push(make());
    if (list.length > this.limit) list.splice(0, list.length - this.limit);
  }

  counts(): RequestCounts {
    return { ...this.counters };
  }

  httpVersions(): Record<string, number> {
    return Object.fromEntries(this.versions);
  }

  clear(): void {
    this.versions.clear();
    this.token.length = 0;
    this.graph.length = 0;
    this.discovery.length = 0;
    this.counters.token = 0;
    this.counters.graph = 0;
    this.counters.discovery = 0;
  }
}
