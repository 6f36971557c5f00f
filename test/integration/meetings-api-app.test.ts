import { randomUUID } from 'node:crypto';
import type { Fault } from '../../src/emulator';
import { useHarness, type Harness } from '../support/harness';
import { TENANT, teamsMessage } from '../support/teams-activity';

/**
 * MEETINGS_API=app calls POST /beta/app/onlineMeetings, a path Graph has deprecated
 * (https://learn.microsoft.com/en-us/graph/api/application-post-onlinemeetings?view=graph-rest-beta).
 * The day Graph refuses the path itself, the user is told what the admin must change, not that their
 * account is unknown.
 */
describe('MEETINGS_API=app when Graph refuses the deprecated /app path', () => {
  let h: Harness;
  useHarness((started) => (h = started), { env: { MEETINGS_API: 'app', MEET_RATE_LIMIT: 'off' } });
  beforeEach(() => {
    h.logs.lines.length = 0;
  });

  const refusals: Array<[string, Fault]> = [
    ['400 "Resource not found for the segment \'app\'"', { target: 'graph', status: 400, code: 'BadRequest', message: "Resource not found for the segment 'app'." }],
    ['404 "No HTTP resource was found"', { target: 'graph', status: 404, code: 'UnknownError', message: "No HTTP resource was found that matches the request URI '/beta/app/onlineMeetings'." }],
    ['410 Gone', { target: 'graph', status: 410, code: 'Gone', message: 'This API has been retired.' }],
  ];

  it.each(refusals)('%s: the answer says to set MEETINGS_API=users, and no meeting is booked', async (_name, fault) => {
    h.emulator.injectFault(fault);
    const response = await h.post(teamsMessage({ serviceUrl: h.connector.serviceUrl, text: '/meet Retired path' }));
    expect(response.status).toBe(200);
    expect(h.connector.messages).toHaveLength(1);
    const text = String(h.connector.messages[0]?.activity.text);
    expect(text).toContain('no longer accepts the meeting API');
    expect(text).toContain('`MEETINGS_API=users`');
    expect(text).toMatch(/request id `[0-9a-f-]{36}`/);
    expect(h.emulator.meetings()).toHaveLength(0);
    const failure = h.logs.lines.find((line) => line.msg === 'meeting not created');
    expect(failure?.outcome).toBe('graph_app_api_retired');
  });

  it('an organizer Graph does not know is still told so (a 404 about the organizer is not a refused path)', async () => {
    const stranger = { id: `29:${randomUUID()}`, name: 'Stranger', aadObjectId: randomUUID() };
    await h.post(teamsMessage({ serviceUrl: h.connector.serviceUrl, text: '/meet Unknown organizer', from: stranger, tenantId: TENANT }));
    const text = String(h.connector.messages[0]?.activity.text);
    expect(text).toContain("doesn't know you as someone who can organize meetings");
    expect(text).not.toContain('MEETINGS_API');
  });
});
