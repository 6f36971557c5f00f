import { GraphClient } from '../../src/graph/graph-client';
import type { HttpRequest, HttpResponse } from '../../src/http/http-client';
import type { GraphExchange } from '../../src/meetings/call-observer';
import { MeetNowError } from '../../src/errors';

const THROTTLED: HttpResponse = {
  status: 429,
  headers: { 'request-id': 'r-429' },
  body: JSON.stringify({ error: { code: 'TooManyRequests', message: 'Slow down' } }),
};
const REFUSED: HttpResponse = {
  status: 403,
  headers: { 'request-id': 'r-header' },
  body: JSON.stringify({ error: { code: 'Forbidden', message: 'No application access policy found for this app.', innerError: { 'request-id': 'r-403' } } }),
};
const CREATED: HttpResponse = { status: 201, headers: { 'request-id': 'r-201' }, body: JSON.stringify({ id: 'm1' }) };

/** A Graph client over scripted answers, recording what its process-wide sink and the call's observer see. */
function graphAnswering(...answers: HttpResponse[]) {
  const sent: HttpRequest[] = [];
  const metrics: GraphExchange[] = [];
  const traced: GraphExchange[] = [];
  const client = new GraphClient({
    baseUrl: 'https://graph.example',
    http: {
      send: async (req) => (sent.push(req), answers.shift() ?? CREATED),
      close: async () => undefined,
    },
    tokens: { getToken: async () => 'token' },
    retryPolicy: { maxAttempts: 3, budgetMs: 5_000, backoffMs: () => 0 },
    onExchange: (exchange) => metrics.push(exchange),
  });
  const call = { operation: 'POST /x', observer: { correlationId: 'turn-1', graphAnswered: (exchange: GraphExchange) => traced.push(exchange) } };
  return { client, call, sent, metrics, traced };
}

describe('GraphClient exchanges', () => {
  it('gives one record per attempt, the same to the metrics and to the turn, with the Graph code of a refusal', async () => {
    const { client, call, metrics, traced, sent } = graphAnswering(THROTTLED, CREATED);
    await expect(client.post('t1', '/x', {}, call)).resolves.toMatchObject({ status: 201, requestId: 'r-201' });
    expect(metrics).toEqual([
      expect.objectContaining({ operation: 'POST /x', status: 429, graphCode: 'TooManyRequests', requestId: 'r-429' }),
      expect.objectContaining({ operation: 'POST /x', status: 201, graphCode: undefined, requestId: 'r-201' }),
    ]);
    expect(traced).toEqual(metrics);
    expect(sent.map((req) => req.headers?.['client-request-id'])).toEqual(['turn-1', 'turn-1']);
  });

  it('throws the refusal its last exchange recorded: code, Graph code and the request-id of the body', async () => {
    const { client, call, metrics } = graphAnswering(REFUSED);
    const error = await client.post('t1', '/x', {}, call).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MeetNowError);
    expect(error).toMatchObject({ code: 'graph_access_policy', status: 403, graphCode: 'Forbidden', requestId: 'r-403' });
    expect(metrics).toEqual([expect.objectContaining({ status: 403, graphCode: 'Forbidden', requestId: 'r-403' })]);
  });
});
