/**
 * Error bodies shaped like the real services, so clients parse the emulator's failures with the
 * code paths they use in production.
 */

export interface GraphErrorBody {
  error: {
    code: string;
    message: string;
    innerError: { date: string; 'request-id': string; 'client-request-id': string };
  };
}

export interface EntraErrorBody {
  error: string;
  error_description: string;
  error_codes: number[];
  timestamp: string;
  trace_id: string;
  correlation_id: string;
  error_uri: string;
}

/** A Graph failure raised by a handler; the server turns it into the Graph error body. */
export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'GraphError';
  }
}

/** An Entra (AADSTS) failure raised by the token endpoint or discovery. */
export class EntraError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly aadsts: number,
    message: string,
  ) {
    super(message);
    this.name = 'EntraError';
  }
}

export function graphErrorBody(code: string, message: string, requestId: string, clientRequestId: string, now: Date): GraphErrorBody {
  return {
    error: {
      code,
      message,
      // Graph's date has no fractional seconds and no zone designator.
      innerError: { date: now.toISOString().slice(0, 19), 'request-id': requestId, 'client-request-id': clientRequestId },
    },
  };
}

export function entraErrorBody(
  err: { error: string; aadsts: number; message: string },
  traceId: string,
  correlationId: string,
  now: Date,
  baseUrl: string,
): EntraErrorBody {
  const timestamp = `${now.toISOString().slice(0, 19).replace('T', ' ')}Z`;
  return {
    error: err.error,
    error_description: `AADSTS${err.aadsts}: ${err.message} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${timestamp}`,
    error_codes: [err.aadsts],
    timestamp,
    trace_id: traceId,
    correlation_id: correlationId,
    error_uri: `${baseUrl}/error?code=${err.aadsts}`,
  };
}

/**
 * The Graph error code real Graph uses for a status, for injected faults without their own code
 * (https://learn.microsoft.com/graph/errors#http-status-codes).
 */
export function defaultGraphCode(status: number): string {
  switch (status) {
    case 400: return 'BadRequest';
    case 401: return 'InvalidAuthenticationToken';
    case 403: return 'Forbidden';
    case 404: return 'NotFound';
    case 409: return 'Conflict';
    case 429: return 'TooManyRequests';
    case 500: return 'InternalServerError';
    case 502: return 'BadGateway';
    case 503: return 'ServiceUnavailable';
    case 504: return 'GatewayTimeout';
    default: return status >= 500 ? 'InternalServerError' : 'BadRequest';
  }
}

export function defaultGraphMessage(status: number): string {
  switch (status) {
    case 429: return 'Too many requests. Please retry after the time given in the Retry-After header.';
    case 503: return 'The service is temporarily unavailable. Please retry later.';
    case 504: return 'The gateway timed out.';
    default: return status >= 500 ? 'An internal server error occurred.' : 'The request failed.';
  }
}

/** Entra's OAuth error string for an injected token fault's status. */
export function defaultEntraError(status: number): string {
  if (status === 429 || status === 503 || status === 504) return 'temporarily_unavailable';
  if (status >= 500) return 'server_error';
  if (status === 401) return 'invalid_client';
  return 'invalid_request';
}

/**
 * The AADSTS code and words of an injected token fault that names none, from Entra's error code reference
 * (https://learn.microsoft.com/entra/identity-platform/reference-error-codes#aadsts-error-codes).
 */
export function defaultEntraFault(status: number): { aadsts: number; message: string } {
  if (status === 429) return { aadsts: 90055, message: 'There are too many incoming requests.' };
  if (status === 503 || status === 504) return { aadsts: 90033, message: 'The Microsoft Online Directory Service (MSODS) is not available.' };
  if (status >= 500) return { aadsts: 50000, message: 'There is an issue with the sign-in service.' };
  if (status === 401) return { aadsts: 70002, message: 'Error validating the credentials.' };
  return { aadsts: 90023, message: 'The authentication service request is not valid.' };
}
