import type { StoredMeeting } from './meeting-resources';
import { ResourceStore } from './resource-store';

/** Meetings by id and by (organizer, externalId). */
export class MeetingStore extends ResourceStore<StoredMeeting> {
  constructor(maxMeetings: number) {
    super(maxMeetings, (meeting) => meeting.externalId);
  }

  /** The organizer's v1.0 meeting with this join URL (Graph's `$filter=JoinWebUrl eq '…'`). */
  findByJoinWebUrl(organizerId: string, joinWebUrl: string): StoredMeeting | undefined {
    return this.all().find((m) => m.api === 'v1.0' && m.organizerId === organizerId && m.resource.joinWebUrl === joinWebUrl);
  }
}
