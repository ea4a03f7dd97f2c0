import { LRUCache } from 'lru-cache';

/**
 * Documents as decoded, kept in this process under the very bytes they were decoded from (as the
 * database sent them): a document read again unchanged is not decoded again, and any change, by
 * any process or behind the service's back, is a miss, since the bytes read on this request are
 * compared whole with those kept (a memory compare: microseconds for 50 kB). So nothing here
 * learns from writes, and nothing served is older than the read it is served for.
 *
 * What is kept is shared by requests: the caller keeps only frozen values. Bounded by `maxSize`
 * (each value weighing `sizeOf` + 1), least recently used first out.
 */
export function createDecodedCache<T>(options: { maxSize: number; sizeOf(value: T): number }) {
  const cache = new LRUCache<string, { bytes: Uint8Array; value: T }>({
    maxSize: options.maxSize,
    sizeCalculation: (held) => options.sizeOf(held.value) + 1,
  });
  return {
    /** The value kept under `key` if it was decoded from exactly `bytes`, else none. */
    get(key: string, bytes: Uint8Array): T | undefined {
      const held = cache.get(key);
      return held && Buffer.compare(held.bytes, bytes) === 0 ? held.value : undefined;
    },
    /** Keeps `value` as decoded from `bytes` (copied: a read's buffer is not held on to). */
    set(key: string, bytes: Uint8Array, value: T): void {
      if (options.sizeOf(value) + 1 > options.maxSize) cache.delete(key);
      else cache.set(key, { bytes: Uint8Array.from(bytes), value });
    },
    clear: () => cache.clear(),
  };
}

/** A cache of documents as decoded (see `createDecodedCache`). */
export type DecodedCache<T> = ReturnType<typeof createDecodedCache<T>>;
