import type { Meeting } from '../meetings/meeting';
import type { MeetingCardView } from './card-renderer';

const TRIAL_MEETING: Meeting = { id: 'trial', subject: 'Trial', joinUrl: 'https://teams.microsoft.com/l/meetup-join/trial', created: true };
const TRIAL_DIAL_IN = { tollNumbers: ['+1 425-555-0100'], tollFreeNumbers: ['+1 800-555-0100'], conferenceId: '1', participantPasscode: '1', dialinUrl: 'https://dialin.teams.microsoft.com/trial' };

/** A card with every part and cards with none: between them every `$when` branch and `$data` item of meeting.json expands. */
export const TRIAL_MEETINGS: MeetingCardView[] = [
  { meeting: TRIAL_MEETING, organizerName: 'Trial' },
  { meeting: TRIAL_MEETING, organizerName: 'Trial', invited: { everyone: 'Trial' } },
  {
    meeting: { ...TRIAL_MEETING, startDateTime: '2026-01-01T09:00:00Z', endDateTime: '2026-01-01T10:00:00Z', joinMeetingId: '1', passcode: '1', dialIn: TRIAL_DIAL_IN, eventId: 'trial' },
    organizerName: 'Trial',
    organizerId: '00000000-0000-0000-0000-000000000001',
    invited: { people: [{ objectId: '00000000-0000-0000-0000-000000000002', displayName: 'Trial' }] },
    notes: ['Trial'],
    scheduled: true,
  },
];
