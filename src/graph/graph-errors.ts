import { MeetNowError, type ErrorCode } from '../errors';
import type { HttpResponse } from '../http/http-client';

interface GraphErrorBody {
  error?: { code?: unknown; message?: unknown; innerError?: Record<string, unknown>; innererror?: Record<string, unknown> };
}

/** The `request-id` of a Graph answer: from the error body when there is one, else from the header. */
export function graphRequestId(response: HttpResponse, body?: GraphErrorBody): string | undefined {
  const inner = body?.error?.innerError ?? body?.error?.innererror;
  const fromBody = inner?.['request-id'];
  return typeof fromBody === 'string' ? fromBody : response.headers['request-id'];
}

/**
 * Graph's two wordings of a missing application access policy: code `General` "No application access policy
 * found for this app." and code `Unauthorized` "App <app id> is not authorized to Create meeting on behalf of
 * user <user id>" (https://learn.microsoft.com/graph/cloud-communication-online-meeting-application-access-policy#errors).
 * Matched on the words, so another 403 `Unauthorized` stays a permission problem.
 */
const ACCESS_POLICY = [/application access policy/i, /\bis not authorized to \w+ (?:online )?meetings? on behalf of user\b/i];

function classify(status: number, message: string): ErrorCode {
  if (status === 403) {
    if (ACCESS_POLICY.some((pattern) => pattern.test(message))) return 'graph_access_policy';
    if (/guest|licen[cs]e/i.test(message)) return 'graph_organizer_not_eligible';
    return 'graph_permission_missing';
  }
  if (status === 404) return 'graph_organizer_not_found';
  if (status === 401) return 'graph_unauthorized';
  if (status === 429) return 'graph_throttled';
  if (status === 503 || status === 504) return 'graph_unavailable';
  if (status === 400 || status === 409 || status === 413 || status === 415 || status === 422) return 'graph_bad_request';
  return 'graph_error';
}

/** A non-2xx Graph answer → a coded error that keeps status, Graph `code` and `request-id`. */
export function toGraphError(response: HttpResponse, operation: string): MeetNowError {
  let body: GraphErrorBody | undefined;
  try {
    body = JSON.parse(response.body) as GraphErrorBody;
  } catch {
    body = undefined;
  }
  const graphCode = typeof body?.error?.code === 'string' ? body.error.code : '';
  const graphMessage = typeof body?.error?.message === 'string' ? body.error.message : response.body.slice(0, 200);
  const code = classify(response.status, graphMessage);
  return new MeetNowError(code, `${operation} failed: HTTP ${response.status} ${graphCode} ${graphMessage}`.replace(/\s+/g, ' ').trim(), {
    status: response.status,
    graphCode: graphCode === '' ? undefined : graphCode,
    requestId: graphRequestId(response, body),
  });
}
