import { Types } from 'mongoose';
import { inListOrder } from './branch-directory';

// A directory's accounts in list order (name, then id), sorted again only when the directory's
// entries differ from those last sorted: any change shows on the next call.
describe("a branch directory's accounts in list order", () => {
  const [a, b, c] = ['0a', '0b', '0c'].map((end) => `6a0000000000000000000000`.slice(0, 22) + end);
  const namesOf = (accounts: readonly { _id: Types.ObjectId; name: string }[]) =>
    accounts.map((account) => `${account.name} ${String(account._id).slice(-2)}`);

  it('sorts by name, then id, and reuses the order while the entries are alike', () => {
    const first = inListOrder('db/A', 'A', { [a!]: 'Zeta', [b!]: 'Alpha', [c!]: 'Alpha' });
    expect(namesOf(first)).toEqual(['Alpha 0b', 'Alpha 0c', 'Zeta 0a']);
    expect(first[0]!.branchCode).toBe('A');
    expect(inListOrder('db/A', 'A', { [a!]: 'Zeta', [b!]: 'Alpha', [c!]: 'Alpha' })).toBe(first);
  });

  it('sorts again after a rename, an account added or one gone', () => {
    inListOrder('db/B', 'B', { [a!]: 'Zeta', [b!]: 'Alpha' });
    const renamed = inListOrder('db/B', 'B', { [a!]: 'Aardvark', [b!]: 'Alpha' });
    expect(namesOf(renamed)).toEqual(['Aardvark 0a', 'Alpha 0b']);
    const added = inListOrder('db/B', 'B', { [a!]: 'Aardvark', [b!]: 'Alpha', [c!]: 'Beta' });
    expect(namesOf(added)).toEqual(['Aardvark 0a', 'Alpha 0b', 'Beta 0c']);
    const gone = inListOrder('db/B', 'B', { [a!]: 'Aardvark', [b!]: 'Alpha' });
    expect(namesOf(gone)).toEqual(['Aardvark 0a', 'Alpha 0b']);
    expect(inListOrder('db/B', 'B', {})).toEqual([]);
  });

  it('keeps branches (and databases) apart', () => {
    inListOrder('one/C', 'C', { [a!]: 'Zeta' });
    expect(namesOf(inListOrder('two/C', 'C', { [b!]: 'Alpha' }))).toEqual(['Alpha 0b']);
    expect(Object.isFrozen(inListOrder('two/C', 'C', { [b!]: 'Alpha' }))).toBe(true);
  });
});
