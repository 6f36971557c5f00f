import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';
import type { HttpClient, HttpResponse } from '../http/http-client';
import { sendWithRetry, type RetryEvents } from '../http/retry';

/**
 * msal-node's network port served by our pooled HTTP client: the emulator's certificate is trusted the same
 * way for Entra and Graph, and token requests get the same 429/503/504 retry policy as Graph calls.
 */
export class MsalNetworkClient implements INetworkModule {
  constructor(
    private readonly http: HttpClient,
    private readonly events: RetryEvents & { onResponse?: (url: string, response: HttpResponse) => void } = {},
  ) {}

  async sendGetRequestAsync<T>(url: string, options?: NetworkRequestOptions, timeout?: number): Promise<NetworkResponse<T>> {
    const response = await this.http.send({ method: 'GET', url, headers: options?.headers, timeoutMs: timeout });
    return this.toNetworkResponse<T>(url, response);
  }

  async sendPostRequestAsync<T>(url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
    const response = await sendWithRetry(
      // A token request asked twice only mints a second token.
      (remainingMs) => this.http.send({ method: 'POST', url, headers: options?.headers, body: options?.body, timeoutMs: remainingMs, idempotent: true }),
      undefined,
      this.events,
    );
    return this.toNetworkResponse<T>(url, response);
  }

  private toNetworkResponse<T>(url: string, response: HttpResponse): NetworkResponse<T> {
    this.events.onResponse?.(url, response);
    let body: unknown;
    try {
      body = JSON.parse(response.body);
    } catch {
      // msal reads `error`/`error_description` from the body: give it an Entra-shaped one it can report.
      body = { error: 'invalid_response', error_description: `non-JSON answer with HTTP status ${response.status}` };
    }
    return { status: response.status, headers: response.headers, body: body as T };
  }
}
