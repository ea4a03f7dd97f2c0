import { LRUCache } from 'lru-cache';
import { Types } from 'mongoose';
import { deepFreeze } from '../../shared/deep-freeze';

/**
 * Accounts' kept lists as decoded, kept between requests in this process under the version each
 * was read at, so that a screen whose accounts' lists have not changed reads only their versions
 * (a few bytes each) instead of decoding every list again (at province size, 100 lists of some
 * 2 kB each per screen). A list is served from here only where its stored version, read on the
 * same request, is the one it was cached under: every write of a list stores a new version (a
 * fresh ObjectId, never reused, not even after the list is deleted and rebuilt), so a write by
 * any process is seen on the next request. What is served is what a read would answer: access is
 * applied to the rows built from it, on every request, as before.
 *
 * Bounded by the entries held (an account's size is its number of entries), least recently used
 * first out: an entry costs some 330 bytes decoded and 300 more once a screen has sorted it
 * (account-records' `sortedOf`, which goes with the list), so 100 000 entries (5 000 accounts of 20
 * records) are some 60–70 MB.
 */
const MAX_ENTRIES = 100_000;

type Cached<L> = { version: string; lists: L; size: number };

/** The version a cached list is kept under: a stored ObjectId's hex; null (not kept) else. */
export const cacheVersion = (v: unknown): string | null =>
  v instanceof Types.ObjectId ? v.toHexString() : null;

/** A cache of decoded lists by database and account (see above). */
export function createListCache<L extends object>(maxEntries = MAX_ENTRIES) {
  const cache = new LRUCache<string, Cached<L>>({
    maxSize: maxEntries,
    sizeCalculation: (item) => item.size,
  });
  const key = (db: string, account: string) => `${db}/${account}`;
  return {
    /** The lists held of `account` if kept under `version` (as just read), else none (forgets). */
    get(db: string, account: string, version: string | null): L | undefined {
      const held = cache.get(key(db, account));
      if (!held) return undefined;
      if (version !== null && held.version === version) return held.lists;
      cache.delete(key(db, account));
      return undefined;
    },
    /** Keeps `lists` as read at `version` (frozen: requests share them); none: forgets. */
    set(db: string, account: string, version: string | null, lists: L, entries: number): void {
      if (version === null || entries + 1 > maxEntries) cache.delete(key(db, account));
      else cache.set(key(db, account), { version, lists: deepFreeze(lists), size: entries + 1 });
    },
    clear: () => cache.clear(),
  };
}
