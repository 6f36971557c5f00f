import { createHash } from 'node:crypto';
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

/**
 * The same for bare claims, as compact as a JavaScript map allows: the value is the expiry itself, in
 * milliseconds since the store was made (a small integer stored inline for the first 12 days of uptime,
 * not a boxed epoch number inside an object per key).
 */
class ExpiringSet {
  private readonly expiries = new Map<string, number>();
  private readonly origin = Date.now();

  constructor(private readonly maxEntries: number) {}

  delete(key: string): void {
    this.expiries.delete(key);
  }

  has(key: string, now: number): boolean {
    const expiresAt = this.expiries.get(key);
    return expiresAt !== undefined && expiresAt > now - this.origin;
  }

  add(key: string, expiresAt: number, now: number): void {
    const since = now - this.origin;
    for (const [oldest, expiry] of this.expiries) {
      if (expiry > since && this.expiries.size < this.maxEntries) break;
      this.expiries.delete(oldest);
    }
    this.expiries.delete(key);
    this.expiries.set(key, expiresAt - this.origin);
  }

  get size(): number {
    return this.expiries.size;
  }
}

/**
 * Keys are kept as a 128-bit digest (22 characters) rather than as given: a claim per activity for a day
 * would otherwise hold on to conversation and activity ids (and the strings built from them) for every
 * message of the day. A benchmark of 100,000 `/meet` showed the dedupe memory as the one thing that grows.
 */
function compactKey(key: string): string {
  return createHash('sha256').update(key).digest().toString('base64url', 0, 16);
}

/** Single-instance dedupe memory (the default; Redis serves several instances). */
export class MemoryDedupeStore implements DedupeStore {
  private readonly claims: ExpiringSet;
  private readonly values: ExpiringMap<string>;

  constructor(maxEntries = 1_000_000) {
    this.claims = new ExpiringSet(maxEntries);
    this.values = new ExpiringMap(Math.ceil(maxEntries / 10));
  }

  async claim(key: string, ttlMs: number): Promise<boolean> {
    const now = Date.now();
    const compact = compactKey(key);
    if (this.claims.has(compact, now)) return false;
    this.claims.add(compact, now + ttlMs, now);
    return true;
  }

  async remember(key: string, value: string, ttlMs: number): Promise<void> {
    const now = Date.now();
    this.values.set(compactKey(key), value, now + ttlMs, now);
  }

  async recall(key: string): Promise<string | undefined> {
    return this.values.get(compactKey(key), Date.now());
  }

  async release(key: string): Promise<void> {
    this.claims.delete(compactKey(key));
  }

  get size(): number {
    return this.claims.size;
  }
}
