import { BoundedMap } from '../bounded-map';
import type { StoredMeeting } from './meeting-resources';

/** Meetings by id and by (organizer, externalId), bounded so long benchmarks keep a flat memory profile. */
export class MeetingStore {
  private readonly byId: BoundedMap<string, StoredMeeting>;
  /** As many as meetings: an id whose meeting was forgotten finds nothing, and goes the same way soon after. */
  private readonly byExternalId: BoundedMap<string, string>;

  constructor(maxMeetings: number) {
    this.byId = new BoundedMap({ maxEntries: maxMeetings });
    this.byExternalId = new BoundedMap({ maxEntries: maxMeetings });
  }

  add(meeting: StoredMeeting): void {
    this.byId.set(meeting.id, meeting);
    if (meeting.externalId !== undefined) this.byExternalId.set(externalKey(meeting.organizerId, meeting.externalId), meeting.id);
  }

  get(id: string): StoredMeeting | undefined {
    return this.byId.get(id);
  }

  /** A deleted meeting is gone; its externalId finds nothing any more. */
  delete(id: string): boolean {
    return this.byId.delete(id);
  }

  /** The organizer's v1.0 meeting with this join URL (Graph's `$filter=JoinWebUrl eq '…'`). */
  findByJoinWebUrl(organizerId: string, joinWebUrl: string): StoredMeeting | undefined {
    return this.all().find((m) => m.api === 'v1.0' && m.organizerId === organizerId && m.resource.joinWebUrl === joinWebUrl);
  }

  findByExternalId(organizerId: string, externalId: string): StoredMeeting | undefined {
    const id = this.byExternalId.get(externalKey(organizerId, externalId));
    return id === undefined ? undefined : this.byId.get(id);
  }

  all(): StoredMeeting[] {
    return [...this.byId.values()];
  }

  clear(): void {
    this.byId.clear();
    this.byExternalId.clear();
  }
}

function externalKey(organizerId: string, externalId: string): string {
  return `${organizerId.toLowerCase()}\u0000${externalId}`;
}
