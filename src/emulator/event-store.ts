import { ResourceStore } from './resource-store';

/** A calendar event as the emulator keeps it: whose calendar, and the resource Graph answers with. */
export interface StoredEvent {
  id: string;
  organizerId: string;
  transactionId?: string;
  resource: Record<string, unknown>;
}

/** Events by id and by (organizer, transactionId); a cancelled event leaves the organizer's calendar. */
export class EventStore extends ResourceStore<StoredEvent> {
  constructor(maxEvents: number) {
    super(maxEvents, (event) => event.transactionId);
  }
}
