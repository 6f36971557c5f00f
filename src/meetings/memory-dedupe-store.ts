import type { DedupeStore } from './ports';

/**
 * Expiring keys in insertion order. With one TTL for all keys, insertion order is expiry order, so expired
 * entries are dropped from the front in O(1) each; past `maxEntries` the oldest go first.
 */
class ExpiringMap<V> {
  private readonly entries = new Map<string, { value: V; expiresAt: number }>();

  constructor(private readonly maxEntries: number) {}

  delete(key: string): void {
    this.entries.delete(key);
  }

  get(key: string, now: number): V | undefined {
    const entry = this.entries.get(key);
    return entry !== undefined && entry.expiresAt > now ? entry.value : undefined;
  }

  set(key: string, value: V, expiresAt: number, now: number): void {
    for (const [oldest, entry] of this.entries) {
      if (entry.expiresAt > now && this.entries.size < this.maxEntries) break;
      this.entries.delete(oldest);
    }
    this.entries.delete(key);
    this.entries.set(key, { value, expiresAt });
  }

  get size(): number {
    return this.entries.size;
  }
}

/** Single-instance dedupe memory (the default; Redis serves several instances). */
export class MemoryDedupeStore implements DedupeStore {
  private readonly claims: ExpiringMap<true>;
  private readonly values: ExpiringMap<string>;

  constructor(maxEntries = 1_000_000) {
    this.claims = new ExpiringMap(maxEntries);
    this.values = new ExpiringMap(Math.ceil(maxEntries / 10));
  }

  async claim(key: string, ttlMs: number): Promise<boolean> {
    const now = Date.now();
    if (this.claims.get(key, now) !== undefined) return false;
    this.claims.set(key, true, now + ttlMs, now);
    return true;
  }

  async remember(key: string, value: string, ttlMs: number): Promise<void> {
    const now = Date.now();
    this.values.set(key, value, now + ttlMs, now);
  }

  async recall(key: string): Promise<string | undefined> {
    return this.values.get(key, Date.now());
  }

  async release(key: string): Promise<void> {
    this.claims.delete(key);
  }

  get size(): number {
    return this.claims.size;
  }
}
