import { countsIn, flatCounts, signature, tallyTransition, tallyUpdates } from './rollup-tally';
import type { RollupDoc } from './rollup.model';

const short = { k: ['d.MAJOR.120', 'n.MAJOR', 'w.MAJOR'] };
const long = { k: ['d.MAJOR.600', 'n.MAJOR'] };

describe('tally transitions', () => {
  it('moves a record from one contribution to another under a guard on what was counted', () => {
    // 120 min within SLA → 600 min outside: n unchanged (−1 + 1), w −1, d.120 −1, d.600 +1
    expect(tallyTransition('tickets|BA|2026-02', 'r1', short, long)).toEqual({
      updateOne: {
        filter: { _id: 'tickets|BA|2026-02', 'g.r1': signature(short) },
        update: {
          $inc: { 't.d.MAJOR.120': -1, 't.w.MAJOR': -1, 't.d.MAJOR.600': 1 },
          $set: { 'g.r1': signature(long) },
          $unset: { 'e.r1': '' },
        },
      },
    });
  });

  it('adds a record only where nothing is counted for it, and keeps an edge record with its instant', () => {
    const at = new Date('2026-03-31T18:00:00Z');
    const write = tallyTransition('tickets|BA|2026-03', 'r2', null, { ...long, at });
    expect(write).toEqual({
      updateOne: {
        filter: { _id: 'tickets|BA|2026-03', 'g.r2': { $exists: false } },
        update: {
          $inc: { 't.d.MAJOR.600': 1, 't.n.MAJOR': 1 },
          $set: { 'g.r2': signature({ ...long, at }), 'e.r2': { k: long.k, at } },
        },
      },
    });
  });

  it('takes a record out of a bucket it left', () => {
    const write = tallyTransition('tickets|BA|2026-02', 'r1', short, null);
    expect('updateOne' in write && write.updateOne.update).toEqual({
      $inc: { 't.d.MAJOR.120': -1, 't.n.MAJOR': -1, 't.w.MAJOR': -1 },
      $unset: { 'g.r1': '', 'e.r1': '' },
    });
  });

  it('writes one guarded update per distinct candidate other than the target', () => {
    // counted: short (membership) or nothing / long (a refresh that stopped); target long
    const { writes, ensure } = tallyUpdates('b', 'r1', [short, null, long, short], long);
    expect(writes.map((w) => (w as { updateOne: { filter: object } }).updateOne.filter)).toEqual([
      { _id: 'b', 'g.r1': signature(short) },
      { _id: 'b', 'g.r1': { $exists: false } },
    ]);
    expect(ensure).toBe(true);
    expect(tallyUpdates('b', 'r1', [long], long)).toEqual({ writes: [], ensure: false });
  });
});

describe('countsIn', () => {
  const e = (k: string[], at: string) => ({ k, at: new Date(at) });
  // March 2026 counts 5 tickets: two in its last 14 h (one after local midnight in UTC+8).
  const march: RollupDoc = {
    _id: 'tickets|BA|2026-03',
    t: { n: { MAJOR: 5 }, d: { MAJOR: { '120': 3, '600': 2 } } },
    e: {
      a: e(['d.MAJOR.600', 'n.MAJOR'], '2026-03-31T15:00:00Z'),
      b: e(['d.MAJOR.120', 'n.MAJOR'], '2026-03-31T18:00:00Z'),
    },
  };
  const april: RollupDoc = { _id: 'tickets|BA|2026-04', t: { n: { MAJOR: 1 } } };
  const docs = new Map([
    ['2026-03', march],
    ['2026-04', april],
  ]);

  it('flattens nested counts to paths', () => {
    expect(flatCounts(march.t)).toEqual(
      new Map([
        ['n.MAJOR', 5],
        ['d.MAJOR.120', 3],
        ['d.MAJOR.600', 2],
      ]),
    );
  });

  it('cuts a month at a local midnight from its edge records', () => {
    // Q1 in UTC+8 ends 2026-03-31T16:00Z: March's 5 less b (18:00Z) = 4; d.120: 3 − 1 = 2
    const q1 = countsIn(
      (m) => docs.get(m),
      new Date('2025-12-31T16:00Z'),
      new Date('2026-03-31T16:00Z'),
    );
    expect(q1).toEqual(
      new Map([
        ['n.MAJOR', 4],
        ['d.MAJOR.120', 2],
        ['d.MAJOR.600', 2],
      ]),
    );
    // Q2 in UTC+8 starts 2026-03-31T16:00Z: b from March's edge, then April's 1 = 2 tickets
    const q2 = countsIn(
      (m) => docs.get(m),
      new Date('2026-03-31T16:00Z'),
      new Date('2026-06-30T16:00Z'),
    );
    expect(q2).toEqual(
      new Map([
        ['d.MAJOR.120', 1],
        ['n.MAJOR', 2],
      ]),
    );
  });

  it('refuses a cut far from a month edge (no time zone has midnight there)', () => {
    expect(() =>
      countsIn((m) => docs.get(m), new Date('2026-03-15T00:00Z'), new Date('2026-04-15T00:00Z')),
    ).toThrow(RangeError);
  });
});
