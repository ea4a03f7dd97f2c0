import { Types } from 'mongoose';
import { inListOrder } from './branch-directory';

// A directory's accounts in list order: name, then id (ids compare as their hex does).
describe("a branch directory's accounts in list order", () => {
  const [a, b, c] = ['0a', '0b', '0c'].map((end) => `6a0000000000000000000000`.slice(0, 22) + end);
  const namesOf = (accounts: readonly { _id: Types.ObjectId; name: string }[]) =>
    accounts.map((account) => `${account.name} ${String(account._id).slice(-2)}`);

  it('sorts by name, then id, each account with its branch', () => {
    const sorted = inListOrder('A', { [a!]: 'Zeta', [c!]: 'Alpha', [b!]: 'Alpha' });
    expect(namesOf(sorted)).toEqual(['Alpha 0b', 'Alpha 0c', 'Zeta 0a']);
    expect(sorted.map((account) => account.branchCode)).toEqual(['A', 'A', 'A']);
    expect(sorted[0]!._id).toBeInstanceOf(Types.ObjectId);
    expect(inListOrder('A', {})).toEqual([]);
  });
});
