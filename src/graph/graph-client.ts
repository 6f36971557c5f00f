import { randomUUID } from 'node:crypto';
import { MeetNowError } from '../errors';
import type { HttpClient, HttpResponse } from '../http/http-client';
import { sendWithRetry, type RetryEvents, type RetryPolicy } from '../http/retry';
import type { CallObserver } from '../meetings/call-observer';
import type { TokenProvider } from '../meetings/ports';
import { graphRequestId, toGraphError } from './graph-errors';

export interface GraphResult {
  status: number;
  body: Record<string, unknown>;
  requestId?: string;
}

export interface GraphClientOptions {
  baseUrl: string;
  http: HttpClient;
  tokens: TokenProvider;
  retryPolicy?: RetryPolicy;
  events?: RetryEvents & { onResponse?: (operation: string, response: HttpResponse, durationMs: number) => void };
}

/** Authenticated JSON calls to Graph with the retry policy and Graph-shaped error mapping. */
export class GraphClient {
  constructor(private readonly options: GraphClientOptions) {}

  /** `idempotent`: Graph answers a repeat with the same resource (createOrGet by externalId), see HttpRequest. */
  post(tenantId: string, path: string, payload: unknown, operation: string, observer?: CallObserver, language?: string, idempotent = false): Promise<GraphResult> {
    return this.send('POST', tenantId, path, JSON.stringify(payload), operation, observer, language, idempotent);
  }

  get(tenantId: string, path: string, operation: string): Promise<GraphResult> {
    return this.send('GET', tenantId, path, undefined, operation);
  }

  private async send(
    method: 'GET' | 'POST',
    tenantId: string,
    path: string,
    body: string | undefined,
    operation: string,
    observer?: CallObserver,
    language?: string,
    idempotent?: boolean,
  ): Promise<GraphResult> {
    const tokenStarted = performance.now();
    const token = await this.options.tokens.getToken(tenantId).then(
      (value) => (observer?.tokenAcquired?.(performance.now() - tokenStarted, true), value),
      (error: unknown) => {
        observer?.tokenAcquired?.(performance.now() - tokenStarted, false);
        throw error;
      },
    );
    const url = `${this.options.baseUrl}${path}`;
    const headers: Record<string, string> = {
      authorization: `Bearer ${token}`,
      accept: 'application/json',
      'client-request-id': observer?.correlationId ?? randomUUID(),
    };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (language !== undefined) headers['accept-language'] = language;
    const response = await sendWithRetry(
      async (remainingMs) => {
        const started = performance.now();
        const answer = await this.options.http.send({ method, url, headers, body, timeoutMs: remainingMs, idempotent });
        const durationMs = performance.now() - started;
        this.options.events?.onResponse?.(operation, answer, durationMs);
        observer?.graphAnswered?.({ operation, status: answer.status, durationMs, requestId: graphRequestId(answer) });
        return answer;
      },
      this.options.retryPolicy,
      this.options.events,
    );
    if (response.status < 200 || response.status > 299) throw toGraphError(response, operation);
    let parsed: unknown;
    try {
      parsed = JSON.parse(response.body);
    } catch (error) {
      throw new MeetNowError('graph_invalid_response', `${operation}: HTTP ${response.status} with a body that is not JSON`, {
        status: response.status,
        requestId: response.headers['request-id'],
        cause: error,
      });
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      throw new MeetNowError('graph_invalid_response', `${operation}: HTTP ${response.status} with a body that is not an object`, {
        status: response.status,
        requestId: response.headers['request-id'],
      });
    }
    return { status: response.status, body: parsed as Record<string, unknown>, requestId: graphRequestId(response) };
  }
}
