/**
 * Resolved directory ids, "nobody" included, for a few minutes: incoming calls, participant lists
 * and recents ask for the same ids on every render, and must not each reach the backend. Bounded
 * (least recently used first out); concurrent asks for one id share one lookup; failures are not
 * kept. `clear()` (sign-out, another user) also abandons lookups in flight, whose answers then
 * belong to nobody and are dropped.
 */
import { LRUCache } from 'lru-cache';
import type { DirectoryPerson } from '../../../common/backend-contract';

export interface PersonCacheOptions {
  /** How one id is looked up (`signal` aborts when the cache is cleared meanwhile). */
  readonly lookUp: (communicationUserId: string, signal: AbortSignal) => Promise<DirectoryPerson | null>;
  readonly maxEntries?: number;
  readonly ttlMs?: number;
  /** The clock entries age by (tests move it). */
  readonly now?: () => number;
}

export const DEFAULT_PERSON_CACHE = { maxEntries: 1000, ttlMs: 5 * 60_000 } as const;

/** lru-cache stores objects only: "nobody" is `{ person: null }`. */
interface Entry {
  readonly person: DirectoryPerson | null;
}

export class PersonCache {
  readonly #cache: LRUCache<string, Entry>;

  constructor(options: PersonCacheOptions) {
    const now = options.now;
    this.#cache = new LRUCache<string, Entry>({
      max: options.maxEntries ?? DEFAULT_PERSON_CACHE.maxEntries,
      ttl: options.ttlMs ?? DEFAULT_PERSON_CACHE.ttlMs,
      // A test clock is read on every check, not cached for a millisecond.
      ...(now ? { perf: { now }, ttlResolution: 0 } : {}),
      fetchMethod: async (communicationUserId, _stale, { signal }) => ({
        person: await options.lookUp(communicationUserId, signal),
      }),
    });
  }

  async resolve(communicationUserId: string): Promise<DirectoryPerson | null> {
    const entry = await this.#cache.fetch(communicationUserId);
    // fetch answers undefined only when the fetch method does; ours always answers an entry.
    return entry?.person ?? null;
  }

  get size(): number {
    return this.#cache.size;
  }

  clear(): void {
    this.#cache.clear();
  }
}
