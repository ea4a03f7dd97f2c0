import { Types } from 'mongoose';
import { cacheVersion, createListCache } from './account-records-cache';

type Lists = Record<string, Record<string, { j: Date }>>;
const lists = (n: number): Lists => ({
  FollowUp: Object.fromEntries(
    Array.from({ length: n }, (_, i) => [`f${i}`, { j: new Date(Date.UTC(2026, 0, i + 1)) }]),
  ),
});

describe('the cache of decoded lists', () => {
  const v1 = new Types.ObjectId().toHexString();
  const v2 = new Types.ObjectId().toHexString();

  it('serves a list only under the version it was kept at, and forgets it on another', () => {
    const cache = createListCache<Lists>();
    const kept = lists(2);
    cache.set('db', 'a', v1, kept, 2);
    expect(cache.get('db', 'a', v1)).toBe(kept);
    expect(cache.get('db', 'a', v1)).toBe(kept);
    // The stored version moved: not served, and forgotten (a read replaces it).
    expect(cache.get('db', 'a', v2)).toBeUndefined();
    expect(cache.get('db', 'a', v1)).toBeUndefined();
  });

  it('keeps nothing without a version (lists of an earlier service) and serves none', () => {
    const cache = createListCache<Lists>();
    cache.set('db', 'a', v1, lists(1), 1);
    cache.set('db', 'a', null, lists(1), 1);
    expect(cache.get('db', 'a', v1)).toBeUndefined();
    cache.set('db', 'b', v1, lists(1), 1);
    expect(cache.get('db', 'b', null)).toBeUndefined();
  });

  it('keeps databases apart', () => {
    const cache = createListCache<Lists>();
    cache.set('one', 'a', v1, lists(1), 1);
    expect(cache.get('two', 'a', v1)).toBeUndefined();
    expect(cache.get('one', 'a', v1)).toBeDefined();
  });

  it('holds at most its number of entries (each account counts its entries and one), least recently used out first', () => {
    // Room for 10: three accounts of 2 entries (3 each) fill 9; a fourth pushes out the one used
    // least recently (b: a was read after it).
    const cache = createListCache<Lists>(10);
    for (const account of ['a', 'b', 'c']) cache.set('db', account, v1, lists(2), 2);
    expect(cache.get('db', 'a', v1)).toBeDefined();
    cache.set('db', 'd', v1, lists(2), 2);
    const held = ['a', 'b', 'c', 'd'].map((account) => cache.get('db', account, v1) !== undefined);
    expect(held).toEqual([true, false, true, true]);
    // An account larger than the whole cache is not kept.
    cache.set('db', 'e', v1, lists(12), 12);
    expect(cache.get('db', 'e', v1)).toBeUndefined();
  });

  it('freezes what it keeps: requests share it', () => {
    const cache = createListCache<Lists>();
    const kept = lists(1);
    cache.set('db', 'a', v1, kept, 1);
    expect(Object.isFrozen(kept)).toBe(true);
    expect(Object.isFrozen(kept.FollowUp)).toBe(true);
    expect(Object.isFrozen(kept.FollowUp!.f0)).toBe(true);
  });

  it('keeps a list under a stored ObjectId version only', () => {
    const id = new Types.ObjectId();
    expect(cacheVersion(id)).toBe(id.toHexString());
    expect(cacheVersion(7)).toBeNull();
    expect(cacheVersion(undefined)).toBeNull();
  });
});
