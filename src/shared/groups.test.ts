import { addToGroup } from './groups';

describe('addToGroup', () => {
  it('keeps each key’s values in the order added, keys in first-seen order', () => {
    const groups = new Map<string, number[]>();
    for (const [key, value] of [
      ['b', 1],
      ['a', 2],
      ['b', 3],
    ] as const)
      addToGroup(groups, key, value);
    expect([...groups]).toEqual([
      ['b', [1, 3]],
      ['a', [2]],
    ]);
  });
});
