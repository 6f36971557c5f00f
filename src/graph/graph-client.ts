import { randomUUID } from 'node:crypto';
import { MeetNowError } from '../errors';
import type { HttpClient, HttpResponse } from '../http/http-client';
import { sendWithRetry, type RetryEvents, type RetryPolicy } from '../http/retry';
import type { CallObserver, GraphExchange } from '../meetings/call-observer';
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
  events?: RetryEvents;
  /** Every exchange of every request (the process-wide metrics); the per-request observer sees the same record. */
  onExchange?: (exchange: GraphExchange) => void;
}

/** What one call to Graph is, besides its path and body. */
export interface GraphCall {
  /** The metric and log label, e.g. `POST /v1.0/users/{id}/onlineMeetings/createOrGet`. */
  operation: string;
  observer?: CallObserver;
  language?: string;
  /** Graph answers a repeat with the same resource (createOrGet by externalId), see HttpRequest. */
  idempotent?: boolean;
}

const failed = (response: HttpResponse): boolean => response.status < 200 || response.status > 299;

/** Authenticated JSON calls to Graph with the retry policy and Graph-shaped error mapping. */
export class GraphClient {
  constructor(private readonly options: GraphClientOptions) {}

  post(tenantId: string, path: string, payload: unknown, call: GraphCall): Promise<GraphResult> {
    return this.send('POST', tenantId, path, JSON.stringify(payload), call);
  }

  get(tenantId: string, path: string, call: GraphCall): Promise<GraphResult> {
    return this.send('GET', tenantId, path, undefined, call);
  }

  delete(tenantId: string, path: string, call: GraphCall): Promise<GraphResult> {
    return this.send('DELETE', tenantId, path, undefined, call);
  }

  private async send(method: 'GET' | 'POST' | 'DELETE', tenantId: string, path: string, body: string | undefined, call: GraphCall): Promise<GraphResult> {
    const { operation, observer, language, idempotent = false } = call;
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
    // The refusal of the last attempt, parsed once for its exchange record and thrown if no retry follows.
    let refusal: MeetNowError | undefined;
    const response = await sendWithRetry(
      async (remainingMs) => {
        const started = performance.now();
        const answer = await this.options.http.send({ method, url, headers, body, timeoutMs: remainingMs, idempotent });
        const durationMs = performance.now() - started;
        refusal = failed(answer) ? toGraphError(answer, operation) : undefined;
        const exchange: GraphExchange = { operation, status: answer.status, durationMs, graphCode: refusal?.graphCode, requestId: refusal?.requestId ?? graphRequestId(answer) };
        this.options.onExchange?.(exchange);
        observer?.graphAnswered?.(exchange);
        return answer;
      },
      this.options.retryPolicy,
      this.options.events,
    );
    if (failed(response)) throw refusal ?? toGraphError(response, operation);
    // 202 Accepted (an event's cancel) and 204 No Content (a deletion) carry no body.
    if (response.body === '' && (response.status === 202 || response.status === 204)) return { status: response.status, body: {}, requestId: graphRequestId(response) };
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
