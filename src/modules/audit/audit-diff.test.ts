import { diffFields } from './audit-diff';

describe('diffFields', () => {
  it('lists every set field of a new entity, sorted, with null before', () => {
    expect(diffFields(null, { name: 'A', tier: 'B', _id: 'x', updatedAt: 1 })).toEqual([
      { field: 'name', before: null, after: 'A' },
      { field: 'tier', before: null, after: 'B' },
    ]);
  });

  it('lists only the fields that changed, comparing dates and arrays by value', () => {
    const at = new Date('2026-01-01T00:00:00Z');
    const before = { name: 'A', at, tags: ['x'], tier: 'B' };
    const after = { name: 'A', at: new Date(at.getTime()), tags: ['x', 'y'], tier: null };
    expect(diffFields(before, after)).toEqual([
      { field: 'tags', before: ['x'], after: ['x', 'y'] },
      { field: 'tier', before: 'B', after: null },
    ]);
  });
});
