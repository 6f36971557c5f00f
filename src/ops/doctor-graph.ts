import { asMeetNowError } from '../errors';
import { toGraphError } from '../graph/graph-errors';
import type { HttpResponse } from '../http/http-client';
import { elapsedMs, type DoctorCheck } from './doctor-check';
import { graphRefusalFix, graphRootFix, networkFix } from './doctor-fixes';
import type { Wiring } from './doctor-wiring';

/**
 * Graph's service root answers GET with its service document (200): any other answer means GRAPH_BASE_URL is
 * not Graph's root, or something in between (a proxy, a captive portal) answers for it. The token is sent
 * when there is one, so the answer is the one MeetNow's own calls would get.
 */
export async function checkGraph(wiring: Wiring, token: string | undefined, checks: DoctorCheck[]): Promise<boolean> {
  const { graph } = wiring;
  const url = `${graph.baseUrl}/v1.0/`;
  const started = performance.now();
  let response: HttpResponse;
  try {
    response = await wiring.http.send({ method: 'GET', url, headers: token === undefined ? undefined : { authorization: `Bearer ${token}` } });
  } catch (error) {
    checks.push({
      id: 'graph',
      title: 'Graph reachable',
      status: 'fail',
      detail: `${graph.baseUrl} could not be reached: ${asMeetNowError(error).message}`,
      fix: networkFix(graph.baseUrl, 'GRAPH_BASE_URL'),
    });
    return false;
  }
  const answer = `GET ${url} answered HTTP ${response.status} in ${elapsedMs(started)} ms`;
  if (response.status >= 200 && response.status <= 299) {
    checks.push({ id: 'graph', title: 'Graph reachable', status: 'pass', detail: answer });
    return true;
  }
  const refusal = toGraphError(response, 'GET /v1.0/');
  // A refused token and a busy Graph are Graph's answers (a warning with their fix); any other is not Graph's.
  const graphAnswer = refusal.code === 'graph_unauthorized' || refusal.code === 'graph_throttled' || refusal.code === 'graph_unavailable';
  checks.push({
    id: 'graph',
    title: 'Graph reachable',
    status: graphAnswer ? 'warn' : 'fail',
    detail: `${answer}, not Graph's service document: ${refusal.message}`,
    fix:
      refusal.code === 'graph_unauthorized' && token === undefined
        ? ['Graph asks for a token: fix the Token check above first.']
        : graphAnswer
          ? graphRefusalFix(refusal)
          : graphRootFix(graph.baseUrl, url),
    data: { status: response.status, graphCode: refusal.graphCode, requestId: refusal.requestId },
  });
  return true;
}
