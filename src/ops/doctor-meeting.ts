import type { Config } from '../config';
import { asMeetNowError } from '../errors';
import { AppMeetingsApi, UsersMeetingsApi } from '../graph/meetings-api';
import { GUID } from '../guards';
import type { Meeting } from '../meetings/meeting';
import { elapsedMs, type DoctorCheck } from './doctor-check';
import { accessPolicyFix, consentUrl, meetingFailureFix, networkFix } from './doctor-fixes';
import type { Wiring } from './doctor-wiring';

/** A real test meeting for the organizer: proves consent, permission and the application access policy at once. */
export async function checkMeeting(config: Config, wiring: Wiring, tenant: string, organizer: string, madeUp: boolean, checks: DoctorCheck[]): Promise<void> {
  const { graph } = wiring;
  if (!GUID.test(organizer)) {
    checks.push({
      id: 'meeting',
      title: 'Test meeting',
      status: 'fail',
      detail: `"${organizer}" is not an object id: Graph identifies organizers by their Entra object id (a UPN or e-mail address gets 404).`,
      fix: [
        'Entra admin center → Users → the user → Overview → Object ID, or in PowerShell:',
        `  Connect-MgGraph -Scopes User.Read.All; (Get-MgUser -UserId "${organizer}").Id`,
      ],
    });
    return;
  }
  const api = config.meetingsApi === 'app' ? new AppMeetingsApi(wiring.graphClient) : new UsersMeetingsApi(wiring.graphClient);
  const day = new Date().toISOString().slice(0, 10);
  const started = performance.now();
  let meeting: Meeting;
  try {
    meeting = await api.createMeeting({
      organizer: { objectId: organizer, tenantId: tenant, displayName: 'MeetNow doctor' },
      subject: 'MeetNow doctor check',
      // One meeting per organizer and day however often the doctor runs (createOrGet).
      externalId: `meetnow-doctor-${organizer}-${day}`,
    });
  } catch (error) {
    const coded = asMeetNowError(error);
    checks.push({
      id: 'meeting',
      title: 'Test meeting',
      status: 'fail',
      detail: `Graph refused the test meeting for organizer ${organizer} (${coded.code}${coded.status === undefined ? '' : `, HTTP ${coded.status}`}${coded.requestId === undefined ? '' : `, request-id ${coded.requestId}`}): ${coded.message}`,
      fix:
        coded.code === 'graph_access_policy'
          ? accessPolicyFix(graph.clientId, organizer)
          : coded.code === 'network'
            ? networkFix(graph.baseUrl, 'GRAPH_BASE_URL')
            : meetingFailureFix(coded, graph, tenant, organizer),
      data: { code: coded.code, status: coded.status, graphCode: coded.graphCode, requestId: coded.requestId },
    });
    return;
  }
  const dialIn = meeting.dialIn === undefined ? 'no dial-in (the organizer has no Audio Conferencing licence: cards will say so)' : 'dial-in details present';
  checks.push({
    id: 'meeting',
    title: 'Test meeting',
    status: 'pass',
    detail: `${meeting.created ? 'created' : 'found today\'s'} meeting for organizer ${organizer}${madeUp ? ' (a made-up emulator user)' : ''} in ${elapsedMs(started)} ms; ${dialIn}; join: ${meeting.joinUrl}`,
    data: { meetingId: meeting.id, joinUrl: meeting.joinUrl, dialIn: meeting.dialIn !== undefined, adminConsentUrl: consentUrl(graph, tenant) },
  });
}
