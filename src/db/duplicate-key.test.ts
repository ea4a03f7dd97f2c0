import { isDuplicateKey } from './duplicate-key';

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
