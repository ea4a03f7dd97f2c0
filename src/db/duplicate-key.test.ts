import { isDuplicateKey, onlyDuplicateKeys } from './duplicate-key';

describe('isDuplicateKey', () => {
  it('knows MongoDB’s code and the stand-in’s H2 race, and nothing else', () => {
    expect(isDuplicateKey({ code: 11000, errmsg: 'E11000 duplicate key error' })).toBe(true);
    // As the H2 store answered two concurrent membership claims after a restart.
    const race =
      "Unknown error: Document with key 'FollowUp:6b0d1e945503333488d66fd3' already existed " +
      'in H2Collection(journey.rollupmembers): {"_id" : "FollowUp:6b0d1e945503333488d66fd3"}';
    expect(isDuplicateKey({ code: 8, errmsg: race })).toBe(true);
    expect(isDuplicateKey(Object.assign(new Error(race), { code: 8 }))).toBe(true);
    expect(isDuplicateKey({ code: 8, errmsg: 'Unknown error: disk full' })).toBe(false);
    expect(isDuplicateKey({ code: 121, errmsg: 'Document failed validation' })).toBe(false);
    expect(isDuplicateKey(undefined)).toBe(false);
  });
});

describe('onlyDuplicateKeys (a failed bulk write)', () => {
  const duplicate = { code: 11000, errmsg: 'E11000 duplicate key error' };
  const other = { code: 121, errmsg: 'Document failed validation' };

  it('is true only when there are write errors and every one is a duplicate key', () => {
    expect(onlyDuplicateKeys({ writeErrors: [duplicate, duplicate] })).toBe(true);
    // The driver gives a single write error alone, not in a list.
    expect(onlyDuplicateKeys({ writeErrors: duplicate })).toBe(true);
    expect(onlyDuplicateKeys({ writeErrors: [duplicate, other] })).toBe(false);
    expect(onlyDuplicateKeys({ writeErrors: [] })).toBe(false);
    // A duplicate key of the whole command (no write errors) is not a bulk write's lost races.
    expect(onlyDuplicateKeys(duplicate)).toBe(false);
  });
});
