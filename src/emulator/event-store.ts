import { BoundedMap } from '../bounded-map';

/** A calendar event as the emulator keeps it: whose calendar, and the resource Graph answers with. */
export interface StoredEvent {
  id: string;
  organizerId: string;
  transactionId?: string;
  resource: Record<string, unknown>;
}

/** Events by id and by (organizer, transactionId), bounded like the meeting store. */
export class EventStore {
  private readonly byId: BoundedMap<string, StoredEvent>;
  private readonly byTransaction: BoundedMap<string, string>;

  constructor(maxEvents: number) {
    this.byId = new BoundedMap({ maxEntries: maxEvents });
    this.byTransaction = new BoundedMap({ maxEntries: maxEvents });
  }

  add(event: StoredEvent): void {
    this.byId.set(event.id, event);
    if (event.transactionId !== undefined) this.byTransaction.set(transactionKey(event.organizerId, event.transactionId), event.id);
  }

  get(id: string): StoredEvent | undefined {
    return this.byId.get(id);
  }

  findByTransactionId(organizerId: string, transactionId: string): StoredEvent | undefined {
    const id = this.byTransaction.get(transactionKey(organizerId, transactionId));
    return id === undefined ? undefined : this.byId.get(id);
  }

  /** A cancelled event leaves the organizer's calendar (the attendees get the cancellation). */
  delete(id: string): boolean {
    return this.byId.delete(id);
  }

  all(): StoredEvent[] {
    return [...this.byId.values()];
  }

  clear(): void {
    this.byId.clear();
    this.byTransaction.clear();
  }
}

function transactionKey(organizerId: string, transactionId: string): string {
  return `${organizerId.toLowerCase()}\u0000${transactionId}`;
}
