import { createDecodedCache } from './decoded-cache';

// Values kept under the bytes they were decoded from: served only for the very same bytes.
describe('the cache of documents as decoded', () => {
  const bytes = (...values: number[]) => Uint8Array.from(values);
  const cache = () =>
    createDecodedCache<{ n: number }>({ maxSize: 10, sizeOf: (value) => value.n });

  it('serves a value only for the bytes it was decoded from', () => {
    const decoded = cache();
    const value = { n: 1 };
    decoded.set('db/A', bytes(1, 2, 3), value);
    expect(decoded.get('db/A', bytes(1, 2, 3))).toBe(value);
    // One byte moved, one more, one fewer: the document changed.
    expect(decoded.get('db/A', bytes(1, 2, 4))).toBeUndefined();
    expect(decoded.get('db/A', bytes(1, 2, 3, 0))).toBeUndefined();
    expect(decoded.get('db/A', bytes(1, 2))).toBeUndefined();
    // Other keys (another branch, another database) are apart.
    expect(decoded.get('db/B', bytes(1, 2, 3))).toBeUndefined();
    expect(decoded.get('other/A', bytes(1, 2, 3))).toBeUndefined();
  });

  it('keeps its own copy of the bytes (a read buffer reused later changes nothing)', () => {
    const decoded = cache();
    const read = bytes(7, 7);
    const value = { n: 1 };
    decoded.set('db/A', read, value);
    read[0] = 8;
    expect(decoded.get('db/A', bytes(8, 7))).toBeUndefined();
    expect(decoded.get('db/A', bytes(7, 7))).toBe(value);
  });

  it('is bounded by the values’ sizes, least recently used out first', () => {
    const decoded = cache();
    decoded.set('db/A', bytes(1), { n: 4 });
    decoded.set('db/B', bytes(2), { n: 4 });
    decoded.get('db/A', bytes(1));
    // 5 + 5 + 3 > 10: B, used last before A, goes.
    decoded.set('db/C', bytes(3), { n: 2 });
    expect(decoded.get('db/B', bytes(2))).toBeUndefined();
    expect(decoded.get('db/A', bytes(1))).toEqual({ n: 4 });
    // A value heavier than the whole bound is not kept (and what it replaces goes).
    decoded.set('db/A', bytes(1), { n: 10 });
    expect(decoded.get('db/A', bytes(1))).toBeUndefined();
  });
});
