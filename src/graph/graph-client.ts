import { randomUUID } from 'node:crypto';
import { MeetNowError } from '../errors';
import type { HttpClient, HttpResponse } from '../http/http-client';
import { sendWithRetry, type RetryEvents, type RetryPolicy } from '../http/retry';
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

  async post(tenantId: string, path: string, payload: unknown, operation: string): Promise<GraphResult> {
    const token = await this.options.tokens.getToken(tenantId);
    const body = JSON.stringify(payload);
    const url = `${this.options.baseUrl}${path}`;
    const response = await sendWithRetry(
      async () => {
        const started = performance.now();
        const answer = await this.options.http.send({
          method: 'POST',
          url,
          headers: {
            authorization: `Bearer ${token}`,
            'content-type': 'application/json',
            accept: 'application/json',
            'client-request-id': randomUUID(),
          },
          body,
        });
        this.options.events?.onResponse?.(operation, answer, performance.now() - started);
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
