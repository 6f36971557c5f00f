import type { StoredMeeting } from './meeting-resources';

/** Meetings by id and by (organizer, externalId), bounded so long benchmarks keep a flat memory profile. */
export class MeetingStore {
  private readonly byId = new Map<string, StoredMeeting>();
  private readonly byExternalId = new Map<string, string>();

  constructor(private readonly maxMeetings: number) {}

  add(meeting: StoredMeeting): void {
    this.byId.set(meeting.id, meeting);
    if (meeting.externalId !== undefined) this.byExternalId.set(externalKey(meeting.organizerId, meeting.externalId), meeting.id);
    while (this.byId.size > this.maxMeetings) {
      const oldest = this.byId.values().next().value;
      if (oldest === undefined) break;
      this.remove(oldest);
    }
  }

  get(id: string): StoredMeeting | undefined {
    return this.byId.get(id);
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

  private remove(meeting: StoredMeeting): void {
    this.byId.delete(meeting.id);
    if (meeting.externalId !== undefined) {
      const key = externalKey(meeting.organizerId, meeting.externalId);
      if (this.byExternalId.get(key) === meeting.id) this.byExternalId.delete(key);
    }
  }
}

function externalKey(organizerId: string, externalId: string): string {
  return `${organizerId.toLowerCase()}\u0000${externalId}`;
}
