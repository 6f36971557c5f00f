import { BoundedMap, compactKey, stringBytes } from '../bounded-map';
import type { DedupeStore } from './ports';

/** What a remembered entry costs besides its value: the 22-character key, the map slot, the expiry. */
const ENTRY_OVERHEAD_BYTES = 128;

export interface MemoryDedupeLimits {
  /** Claims kept (each a fixed ~100 bytes: a digest and an expiry). */
  maxClaims: number;
  /** Remembered results kept. */
  maxRemembered: number;
  /** Bytes of remembered results kept; the oldest go first beyond it. */
  maxRememberedBytes: number;
}

/**
 * A million claims (about 100 MB at most) and 64 MiB of remembered card clicks: a click remembers a few
 * hundred bytes (bounded-meeting.ts), so 64 MiB holds a day of tens of thousands of clicks, and a flood of
 * hostile ones evicts the oldest instead of filling the heap (the start script caps it at 1 GB).
 */
export const DEFAULT_DEDUPE_LIMITS: MemoryDedupeLimits = { maxClaims: 1_000_000, maxRemembered: 100_000, maxRememberedBytes: 64 * 1024 * 1024 };

/**
 * Single-instance dedupe memory (the default; Redis serves several instances). With one TTL for all keys,
 * insertion order is expiry order, so expired entries are dropped from the front in O(1) each.
 *
 * Keys are kept as a digest rather than as given: a claim per activity for a day would otherwise hold on to
 * conversation and activity ids (and the strings built from them) for every message of the day. A claim's
 * value is its expiry itself, in milliseconds since the store was made (a small integer stored inline for
 * the first 12 days of uptime, not a boxed epoch number inside an object per key).
 */
export class MemoryDedupeStore implements DedupeStore {
  private readonly claims: BoundedMap<string, number>;
  private readonly values: BoundedMap<string, { value: string; expiresAt: number }>;
  private readonly origin = Date.now();

  constructor(limits: MemoryDedupeLimits = DEFAULT_DEDUPE_LIMITS) {
    this.claims = new BoundedMap({ maxEntries: limits.maxClaims });
    this.values = new BoundedMap({
      maxEntries: limits.maxRemembered,
      maxBytes: limits.maxRememberedBytes,
      sizeOf: (_key, entry) => stringBytes(entry.value) + ENTRY_OVERHEAD_BYTES,
    });
  }

  async claim(key: string, ttlMs: number): Promise<boolean> {
    const since = Date.now() - this.origin;
    const compact = compactKey(key);
    const expiry = this.claims.get(compact);
    if (expiry !== undefined && expiry > since) return false;
    this.claims.dropOldestWhile((oldest) => oldest <= since);
    this.claims.set(compact, since + ttlMs);
    return true;
  }

  async remember(key: string, value: string, ttlMs: number): Promise<void> {
    const now = Date.now();
    this.values.dropOldestWhile((oldest) => oldest.expiresAt <= now);
    this.values.set(compactKey(key), { value, expiresAt: now + ttlMs });
  }

  async recall(key: string): Promise<string | undefined> {
    const entry = this.values.get(compactKey(key));
    return entry !== undefined && entry.expiresAt > Date.now() ? entry.value : undefined;
  }

  async release(key: string): Promise<void> {
    this.claims.delete(compactKey(key));
  }

  get size(): number {
    return this.claims.size;
  }

  /** Bytes held by remembered results (card clicks), at most `maxRememberedBytes`. */
  get rememberedBytes(): number {
    return this.values.bytes;
  }
}
