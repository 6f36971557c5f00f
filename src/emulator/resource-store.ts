import { BoundedMap } from '../bounded-map';

/**
 * Graph resources the emulator keeps (meetings, calendar events) by id and by the key a client sends to make
 * a create safe to repeat (createOrGet's `externalId`, an event's `transactionId`), scoped to the organizer.
 * Bounded so long benchmarks keep a flat memory profile.
 */
export class ResourceStore<T extends { id: string; organizerId: string }> {
  private readonly byId: BoundedMap<string, T>;
  /** As many as resources: an id whose resource was forgotten finds nothing, and goes the same way soon after. */
  private readonly byClientKey: BoundedMap<string, string>;

  constructor(
    maxItems: number,
    private readonly clientKeyOf: (item: T) => string | undefined,
  ) {
    this.byId = new BoundedMap({ maxEntries: maxItems });
    this.byClientKey = new BoundedMap({ maxEntries: maxItems });
  }

  add(item: T): void {
    this.byId.set(item.id, item);
    const clientKey = this.clientKeyOf(item);
    if (clientKey !== undefined) this.byClientKey.set(scopedKey(item.organizerId, clientKey), item.id);
  }

  get(id: string): T | undefined {
    return this.byId.get(id);
  }

  /** The organizer's resource created with this client key (compared exactly, as Graph does). */
  findByClientKey(organizerId: string, clientKey: string): T | undefined {
    const id = this.byClientKey.get(scopedKey(organizerId, clientKey));
    return id === undefined ? undefined : this.byId.get(id);
  }

  /** A deleted meeting or a cancelled event is gone; its client key finds nothing any more. */
  delete(id: string): boolean {
    return this.byId.delete(id);
  }

  all(): T[] {
    return [...this.byId.values()];
  }

  clear(): void {
    this.byId.clear();
    this.byClientKey.clear();
  }
}

function scopedKey(organizerId: string, clientKey: string): string {
  return `${organizerId.toLowerCase()}\u0000${clientKey}`;
}
