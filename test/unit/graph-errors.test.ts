import { toGraphError } from '../../src/graph/graph-errors';
import { parseRetryAfter, sendWithRetry } from '../../src/http/retry';
import type { HttpResponse } from '../../src/http/http-client';

const graphError = (status: number, code: string, message: string, requestId = 'req-1'): HttpResponse => ({
  status,
  headers: { 'request-id': 'header-id' },
  body: JSON.stringify({ error: { code, message, innerError: { 'request-id': requestId, date: '2026-11-24T09:00:00' } } }),
});

describe('toGraphError', () => {
  it.each([
    [403, 'General', 'No application access policy found for this app.', 'graph_access_policy'],
    [403, 'Forbidden', 'No Application Access Policy found for this app', 'graph_access_policy'],
    [
      403,
      'Unauthorized',
      'App 0f6a52bd-0000-4000-8000-000000000001 is not authorized to Create meeting on behalf of user 6ae3125b-2ce6-4031-92b4-78106e103693',
      'graph_access_policy',
    ],
    [403, 'Unauthorized', 'Unauthorized', 'graph_permission_missing'],
    [403, 'Unauthorized', 'The app is not authorized to read the user on behalf of the tenant.', 'graph_permission_missing'],
    [403, 'Forbidden', 'Application does not have permission to create online meetings.', 'graph_permission_missing'],
    [403, 'Forbidden', 'Guest users cannot organize online meetings.', 'graph_organizer_not_eligible'],
    [404, 'NotFound', 'User not found', 'graph_organizer_not_found'],
    [401, 'InvalidAuthenticationToken', 'Access token validation failure.', 'graph_unauthorized'],
    [429, 'TooManyRequests', 'Too many requests', 'graph_throttled'],
    [503, 'ServiceUnavailable', 'busy', 'graph_unavailable'],
    [504, 'GatewayTimeout', 'slow', 'graph_unavailable'],
    [400, 'BadRequest', 'bad body', 'graph_bad_request'],
    [500, 'InternalServerError', 'boom', 'graph_error'],
  ])('%i %s → %s', (status, code, message, expected) => {
    const error = toGraphError(graphError(status, code, message), 'POST x');
    expect(error.code).toBe(expected);
    expect(error.status).toBe(status);
    expect(error.graphCode).toBe(code);
    expect(error.requestId).toBe('req-1');
  });

  it('keeps the request-id header when the body is not Graph-shaped', () => {
    const error = toGraphError({ status: 502, headers: { 'request-id': 'header-id' }, body: '<html>bad gateway</html>' }, 'POST x');
    expect(error).toMatchObject({ code: 'graph_error', status: 502, requestId: 'header-id', graphCode: undefined });
  });
});

describe('retry policy', () => {
  const answer = (status: number, retryAfter?: string): HttpResponse => ({ status, headers: retryAfter === undefined ? {} : { 'retry-after': retryAfter }, body: '' });
  const fast = { maxAttempts: 4, budgetMs: 20_000, backoffMs: () => 1 };

  it('parses delta-seconds and HTTP dates', () => {
    expect(parseRetryAfter('3', 0)).toBe(3000);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4_000)).toBe(6000);
    expect(parseRetryAfter('soon', 0)).toBeUndefined();
    expect(parseRetryAfter(undefined, 0)).toBeUndefined();
  });

  it('retries 429/503/504 up to 4 attempts in all', async () => {
    const calls: number[] = [];
    const result = await sendWithRetry(async () => {
      calls.push(1);
      return answer(503);
    }, fast);
    expect(result.status).toBe(503);
    expect(calls).toHaveLength(4);
  });

  it('honours Retry-After and stops once the answer is not throttled', async () => {
    const answers = [answer(429, '1'), answer(201)];
    const started = Date.now();
    const result = await sendWithRetry(async () => answers.shift() ?? answer(500), fast);
    expect(result.status).toBe(201);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('gives up at once when Retry-After overruns the 20 s budget', async () => {
    let calls = 0;
    const result = await sendWithRetry(async () => {
      calls++;
      return answer(429, '30');
    }, fast);
    expect(result.status).toBe(429);
    expect(calls).toBe(1);
  });

  it.each([400, 401, 403, 404, 500, 502])('never retries %i', async (status) => {
    let calls = 0;
    await sendWithRetry(async () => {
      calls++;
      return answer(status);
    }, fast);
    expect(calls).toBe(1);
  });
});
