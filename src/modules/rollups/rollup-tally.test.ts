import {
  contributionsOf,
  edgeEntry,
  edgeEntryIncrements,
  listsMonths,
  registerRollupFamily,
} from './rollup-families';
import {
  bucketWrite,
  bucketWrites,
  claimedBuckets,
  countsIn,
  bothNeeds,
  flatCounts,
  monthNeeds,
  neededSlots,
  needsCounts,
  type Claim,
} from './rollup-tally';
import type { RollupDoc } from './rollup.model';

// A tally family of its own, so these tests need no other module loaded.
registerRollupFamily({
  name: 'unitTally',
  source: 'UnitTallySource',
  tally: true,
  fields: [],
  contribute: () => undefined,
});

const short = { k: ['d.MAJOR.120', 'n.MAJOR', 'w.MAJOR'] };
const long = { k: ['d.MAJOR.600', 'n.MAJOR'] };
const [feb, mar] = ['unitTally|BA|2026-02', 'unitTally|BA|2026-03'];
const claim = (id: string, from: Record<string, unknown>, to: Record<string, unknown>): Claim => ({
  id,
  member: `UnitTallySource:r-${id}`,
  recordId: `r-${id}`,
  v: 2,
  from,
  to,
});

describe('tally bucket writes', () => {
  it('moves claimed records in one write per bucket, guarded by the version read', () => {
    // c1: 120 min within SLA → 600 min outside, same month: n 0 (−1 + 1), w −1, d.120 −1, d.600 +1
    // c2: a new record counted short: n +1, w +1, d.120 +1 → together n +1, d.120 0, d.600 +1
    const c1 = claim('c1', { [feb]: short }, { [feb]: long });
    const c2 = claim('c2', {}, { [feb]: short });
    expect(bucketWrite(feb, { _id: feb, v: 7 }, [c1, c2])).toEqual({
      updateOne: {
        filter: { _id: feb, v: 7 },
        update: {
          $inc: { 't.n.MAJOR': 1, 't.d.MAJOR.600': 1 },
          $set: { 'ops.c1': 'UnitTallySource:r-c1', 'ops.c2': 'UnitTallySource:r-c2', v: 8 },
        },
        upsert: false,
      },
    });
  });

  it('creates an absent bucket at version 1 (a concurrent creation is a duplicate key)', () => {
    const at = new Date('2026-03-31T18:00:00Z');
    const write = bucketWrite(mar, undefined, [claim('c3', {}, { [mar]: { ...long, at } })]);
    expect(write).toEqual({
      updateOne: {
        filter: { _id: mar, v: 0 },
        update: {
          $inc: { 't.d.MAJOR.600': 1, 't.n.MAJOR': 1 },
          $set: {
            'ops.c3': 'UnitTallySource:r-c3',
            // 31 Mar 18:00: 8 h into March's end edge (from 31 Mar 10:00), its slot 8.
            // The entry is one string: [instant in ms, count paths].
            'e1.8.r-c3': `[${at.getTime()},["d.MAJOR.600","n.MAJOR"]]`,
            v: 1,
          },
        },
        upsert: true,
      },
    });
  });

  it('takes a record out of the bucket it left, with its edge entry, and drops finished markers', () => {
    const at = new Date('2026-02-28T20:00:00Z');
    const moved = claim('c4', { [feb]: { ...short, at } }, { [mar]: long });
    expect(claimedBuckets(moved)).toEqual([feb, mar]);
    const write = bucketWrite(feb, { _id: feb, v: 3 }, [moved], ['old']);
    expect('updateOne' in write && write.updateOne.update).toEqual({
      $inc: { 't.d.MAJOR.120': -1, 't.n.MAJOR': -1, 't.w.MAJOR': -1 },
      $set: { 'ops.c4': 'UnitTallySource:r-c4', v: 4 },
      // 28 Feb 20:00: 10 h into February's end edge (from 28 Feb 10:00).
      $unset: { 'e1.10.r-c4': '', 'ops.old': '' },
    });
  });

  it('keeps an edge entry by the edge it lies at, and moves it when the record moves', () => {
    // 1 Feb 05:00 UTC is 5 h after February's start (e0); 28 Feb 20:00, 4 h before its end (e1).
    const [early, late] = [new Date('2026-02-01T05:00:00Z'), new Date('2026-02-28T20:00:00Z')];
    const write = bucketWrite(feb, { _id: feb, v: 2 }, [
      claim('c8', { [feb]: { ...short, at: early } }, { [feb]: { ...short, at: late } }),
    ]);
    expect('updateOne' in write && write.updateOne.update).toEqual({
      // Slots: 5 h into the start edge; 10 h into the end edge (from 28 Feb 10:00).
      $set: {
        'ops.c8': 'UnitTallySource:r-c8',
        'e1.10.r-c8': edgeEntry({ ...short, at: late }),
        v: 3,
      },
      $unset: { 'e0.5.r-c8': '' },
    });
  });

  it('adds and removes weighted paths by their weights, edge entries keeping them', () => {
    // A record summed at 7 200 000 ms moves to 10 800 000 ms near the month's end:
    // s −7 200 000 + 10 800 000 = +3 600 000, n −1 + 1 = 0 (left out)
    const at = new Date('2026-02-28T20:00:00Z');
    const before = { k: ['n.MAJOR'], w: { 's.MAJOR': 7_200_000 } };
    const after = { k: ['n.MAJOR'], w: { 's.MAJOR': 10_800_000 }, at };
    const write = bucketWrite(feb, { _id: feb, v: 1 }, [
      claim('c7', { [feb]: before }, { [feb]: after }),
    ]);
    expect('updateOne' in write && write.updateOne.update).toEqual({
      $inc: { 't.s.MAJOR': 3_600_000 },
      // [instant in ms, count paths, weighted paths]: 28 Feb 2026 20:00Z is 1 772 308 800 000 ms.
      $set: {
        'ops.c7': 'UnitTallySource:r-c7',
        'e1.10.r-c7': '[1772308800000,["n.MAJOR"],{"s.MAJOR":10800000}]',
        v: 2,
      },
    });
    // Cut before the edge record: the month's sum less the edge record's weight.
    const doc: RollupDoc = {
      _id: feb,
      t: { n: { MAJOR: 1 }, s: { MAJOR: 10_800_000 } },
      e1: { '10': { 'r-c7': edgeEntry(after) } },
    };
    const end = new Date('2026-02-28T16:00:00Z');
    expect(countsIn(() => doc, new Date('2026-01-31T16:00:00Z'), end)).toEqual(new Map());
    expect(countsIn(() => doc, end, new Date('2026-03-01T00:00:00Z'))).toEqual(
      new Map([
        ['n.MAJOR', 1],
        ['s.MAJOR', 10_800_000],
      ]),
    );
  });

  it('leaves out claims a bucket already counted (its marker) and buckets with nothing to do', () => {
    const c5 = claim('c5', { [feb]: short }, { [mar]: short });
    const states = new Map([
      [feb, { _id: feb, v: 4, ops: { c5: c5.member } }],
      [mar, { _id: mar, v: 9 }],
    ]);
    const writes = bucketWrites(states, [c5]);
    expect(writes).toEqual([bucketWrite(mar, states.get(mar), [c5])]);
    // The marker of a claim finished meanwhile is removed with the next write of its bucket.
    const cleaned = bucketWrites(states, [], (token) => token === 'c5');
    expect(cleaned).toEqual([bucketWrite(feb, states.get(feb), [], ['c5'])]);
    // A record whose tally contribution did not change claims no bucket.
    expect(claimedBuckets(claim('c6', { [feb]: short }, { [feb]: short }))).toEqual([]);
  });
});

describe('edge entries', () => {
  it('keep a contribution near an edge as one string, read back as the same increments', () => {
    // 31 Mar 2026 18:00Z is 1 774 980 000 000 ms; a MAJOR ticket summed at 7 200 000 ms.
    const at = new Date('2026-03-31T18:00:00Z');
    const entry = edgeEntry({ k: ['n.MAJOR', 'w.MAJOR'], w: { 's.MAJOR': 7_200_000 }, at });
    expect(entry).toBe('[1774980000000,["n.MAJOR","w.MAJOR"],{"s.MAJOR":7200000}]');
    expect(edgeEntryIncrements(entry)).toEqual({
      at: 1_774_980_000_000,
      increments: [
        ['n.MAJOR', 1],
        ['w.MAJOR', 1],
        ['s.MAJOR', 7_200_000],
      ],
    });
    expect(edgeEntryIncrements(edgeEntry({ k: ['n'], at }))).toEqual({
      at: 1_774_980_000_000,
      increments: [['n', 1]],
    });
  });
});

describe('countsIn', () => {
  const e = (k: string[], at: string) => edgeEntry({ k, at: new Date(at) });
  // March 2026 counts 5 tickets: two in its last 14 h (one after local midnight in UTC+8).
  const march: RollupDoc = {
    _id: 'tickets|BA|2026-03',
    t: { n: { MAJOR: 5 }, d: { MAJOR: { '120': 3, '600': 2 } } },
    // By the hour of March's end edge (from 31 Mar 10:00): 15:00 in slot 5, 18:00 in slot 8.
    e1: {
      '5': { a: e(['d.MAJOR.600', 'n.MAJOR'], '2026-03-31T15:00:00Z') },
      '8': { b: e(['d.MAJOR.120', 'n.MAJOR'], '2026-03-31T18:00:00Z') },
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

describe('tallies per UTC quarter', () => {
  // A family counted per quarter too: each record adds 1 to `n` at its instant `at`.
  registerRollupFamily({
    name: 'unitQuarters',
    source: 'UnitQuarterSource',
    tally: true,
    quarters: true,
    fields: ['at'],
    contribute: (r) => ({ at: r.at as Date, value: ['n'] }),
  });
  const contributions = (at: string) =>
    contributionsOf('UnitQuarterSource', { _id: 'r', branchCode: 'BA', at: new Date(at) });

  it('counts a record in its month and its quarter, each with its instant only near its own edges', () => {
    // 31 Mar 15:00Z: 9 h before the end of March, which is the end of Q1: an edge of both.
    expect(contributions('2026-03-31T15:00:00Z')).toEqual([
      { bucket: 'unitQuarters|BA|2026-03', value: { k: ['n'], at: new Date('2026-03-31T15:00Z') } },
      { bucket: 'unitQuarters|BA|2026-Q1', value: { k: ['n'], at: new Date('2026-03-31T15:00Z') } },
    ]);
    // 28 Feb 20:00Z: 4 h before the end of February, 31 days before the end of Q1.
    expect(contributions('2026-02-28T20:00:00Z')).toEqual([
      { bucket: 'unitQuarters|BA|2026-02', value: { k: ['n'], at: new Date('2026-02-28T20:00Z') } },
      { bucket: 'unitQuarters|BA|2026-Q1', value: { k: ['n'] } },
    ]);
    // 1 Oct 13:59Z: 13 h 59 min after the start of October and of Q4 (14 h: the edge's width).
    expect(contributions('2026-10-01T13:59:00Z').map((c) => c.bucket)).toEqual([
      'unitQuarters|BA|2026-10',
      'unitQuarters|BA|2026-Q4',
    ]);
    expect(contributions('2026-10-01T13:59:00Z')[1]!.value).toHaveProperty('at');
    expect(contributions('2026-10-01T14:00:00Z')[1]!.value).not.toHaveProperty('at');
    // Quarter buckets are not listed by month (nothing reads them by list).
    expect(listsMonths('unitQuarters|BA|2026-Q1')).toBe(false);
    expect(listsMonths('unitQuarters|BA|2026-03')).toBe(true);
  });

  // The hours `first`–`last` of an edge (`0` a bucket's start, `1` its end: from 14 h before it).
  const hours = (edge: '0' | '1', first: number, last: number) =>
    Array.from({ length: last - first + 1 }, (_, i) => `${edge}.${first + i}`);
  const need = (...parts: string[]) => bothNeeds(undefined, parts.join(' '));

  it('reads a quarter or a year in any zone by quarter, the edge beyond it by its quarter too', () => {
    const needs = (start: string, end: string) => monthNeeds(new Date(start), new Date(end), true);
    // Q2 in UTC+8: 31 Mar 16:00Z – 30 Jun 16:00Z: Q1's end edge from 16:00 (its hours 6–13 from
    // 10:00), Q2 less the same hours of its end edge.
    expect(needs('2026-03-31T16:00Z', '2026-06-30T16:00Z')).toEqual(
      new Map([
        ['2026-Q1', need(...hours('1', 6, 13))],
        ['2026-Q2', need('t', ...hours('1', 6, 13))],
      ]),
    );
    // Q2 in UTC+14: 31 Mar 10:00Z – 30 Jun 10:00Z: each cut exactly 14 h (the edge's width) early.
    expect(needs('2026-03-31T10:00Z', '2026-06-30T10:00Z')).toEqual(
      new Map([
        ['2026-Q1', need(...hours('1', 0, 13))],
        ['2026-Q2', need('t', ...hours('1', 0, 13))],
      ]),
    );
    // Q2 in UTC+5:30: 31 Mar 18:30Z: the hour from 18:00 (8) is read whole, cut by the instants.
    expect(needs('2026-03-31T18:30Z', '2026-06-30T18:30Z')).toEqual(
      new Map([
        ['2026-Q1', need(...hours('1', 8, 13))],
        ['2026-Q2', need('t', ...hours('1', 8, 13))],
      ]),
    );
    // Q2 in UTC−5: 1 Apr 05:00Z – 1 Jul 05:00Z: Q2 less its start edge's first 5 hours (0–4),
    // and those hours of Q3's start edge.
    expect(needs('2026-04-01T05:00Z', '2026-07-01T05:00Z')).toEqual(
      new Map([
        ['2026-Q2', need('t', ...hours('0', 0, 4))],
        ['2026-Q3', need(...hours('0', 0, 4))],
      ]),
    );
    // 2026 in UTC+8: the end edge of 2025-Q4 from 16:00, Q1–Q3 whole, Q4 less its end from 16:00.
    expect(needs('2025-12-31T16:00Z', '2026-12-31T16:00Z')).toEqual(
      new Map([
        ['2025-Q4', need(...hours('1', 6, 13))],
        ['2026-Q1', 't'],
        ['2026-Q2', 't'],
        ['2026-Q3', 't'],
        ['2026-Q4', need('t', ...hours('1', 6, 13))],
      ]),
    );
    // April in UTC+8 (31 Mar 16:00Z – 30 Apr 16:00Z): Q1's end edge, then April by its month.
    expect(needs('2026-03-31T16:00Z', '2026-04-30T16:00Z')).toEqual(
      new Map([
        ['2026-Q1', need(...hours('1', 6, 13))],
        ['2026-04', need('t', ...hours('1', 6, 13))],
      ]),
    );
  });

  it('cuts quarter buckets at a local midnight from the edge records of the hours it reads', () => {
    const e = (at: string) => edgeEntry({ k: ['n'], at: new Date(at) });
    // Q1 counts 40 records, 2 in its last 14 h (from 31 Mar 10:00Z): a at 15:00 (hour 5), b at
    // 18:00 (hour 8). Q2 counts 30: g 1 Apr 03:00 (hour 3 of its start edge); c 30 Jun 10:00,
    // d 17:00, f 23:00 (hours 0, 7 and 13 of its end edge, from 30 Jun 10:00Z).
    const docs = new Map<string, RollupDoc>([
      [
        '2026-Q1',
        {
          _id: 'q1',
          t: { n: 40 },
          e1: { '5': { a: e('2026-03-31T15:00Z') }, '8': { b: e('2026-03-31T18:00Z') } },
        },
      ],
      [
        '2026-Q2',
        {
          _id: 'q2',
          t: { n: 30 },
          e0: { '3': { g: e('2026-04-01T03:00Z') } },
          e1: {
            '0': { c: e('2026-06-30T10:00Z') },
            '7': { d: e('2026-06-30T17:00Z') },
            '13': { f: e('2026-06-30T23:00Z') },
          },
        },
      ],
      ['2026-Q3', { _id: 'q3', t: { n: 50 } }],
    ]);
    // Each quarter as read: only what its need names (the counts, the hours of each edge).
    const counted = (start: string, end: string) => {
      const needs = monthNeeds(new Date(start), new Date(end), true);
      const asRead = (label: string): RollupDoc | undefined => {
        const [doc, wanted] = [docs.get(label), needs.get(label)];
        if (!doc || wanted === undefined) return undefined;
        const slots = (edge: '0' | '1', field: 'e0' | 'e1') =>
          Object.fromEntries(neededSlots(wanted, edge).map((h) => [h, doc[field]?.[h] ?? {}]));
        return {
          _id: doc._id,
          ...(needsCounts(wanted) ? { t: doc.t } : {}),
          e0: slots('0', 'e0'),
          e1: slots('1', 'e1'),
        };
      };
      return countsIn(asRead, new Date(start), new Date(end), true);
    };
    // UTC+8 Q2 (31 Mar 16:00Z – 30 Jun 16:00Z): b (18:00 ≥ 16:00) from Q1's edge, Q2's 30 less
    // d and f (at or after 30 Jun 16:00) = 1 + 30 − 2 = 29.
    expect(counted('2026-03-31T16:00Z', '2026-06-30T16:00Z')).toEqual(new Map([['n', 29]]));
    // UTC+5:30 Q2 (31 Mar 18:30Z – 30 Jun 18:30Z): b is read (hour 8) but before 18:30: 0 from
    // Q1; Q2's 30 less f (d at 17:00 is before 18:30) = 0 + 30 − 1 = 29.
    expect(counted('2026-03-31T18:30Z', '2026-06-30T18:30Z')).toEqual(new Map([['n', 29]]));
    // UTC+14 Q2 (31 Mar 10:00Z – 30 Jun 10:00Z): a and b from Q1, Q2's 30 less c, d, f:
    // 2 + 30 − 3 = 29.
    expect(counted('2026-03-31T10:00Z', '2026-06-30T10:00Z')).toEqual(new Map([['n', 29]]));
    // UTC−5 Q2 (1 Apr 05:00Z – 1 Jul 05:00Z): Q2's 30 less g (03:00 < 05:00) = 29; Q3 has no
    // edge record before 1 Jul 05:00Z: 29.
    expect(counted('2026-04-01T05:00Z', '2026-07-01T05:00Z')).toEqual(new Map([['n', 29]]));
    // UTC+8 Q1 (31 Dec 16:00Z – 31 Mar 16:00Z): Q1's 40 less b (a at 15:00 is before 16:00) = 39.
    expect(counted('2025-12-31T16:00Z', '2026-03-31T16:00Z')).toEqual(new Map([['n', 39]]));
  });

  it("writes a bucket's claims in parts chained by its version, each marker and count once", () => {
    // 250 new records counted short in February: parts of 100, 100 and 50 claims, the first also
    // removing a finished claim's marker; v 4 → 5 → 6 → 7, the first part guarded by the version
    // read, each later one by the version the part before leaves.
    const claims = Array.from({ length: 250 }, (_, i) => claim(`p${i}`, {}, { [feb]: short }));
    const state = { _id: feb, v: 4, ops: { old: 'UnitTallySource:r-old' } };
    const writes = bucketWrites(new Map([[feb, state]]), claims, (token) => token === 'old');
    expect(writes).toEqual([
      bucketWrite(feb, state, claims.slice(0, 100), ['old']),
      bucketWrite(feb, { _id: feb, v: 5 }, claims.slice(100, 200)),
      bucketWrite(feb, { _id: feb, v: 6 }, claims.slice(200)),
    ]);
    const filters = writes.map((w) => ('updateOne' in w ? w.updateOne.filter : null));
    expect(filters).toEqual([4, 5, 6].map((v) => ({ _id: feb, v })));
    // n and w once per record: 100 + 100 + 50.
    const incs = writes.map((w) => ('updateOne' in w ? (w.updateOne.update as any).$inc : null)); // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(incs.map((inc) => inc['t.n.MAJOR'])).toEqual([100, 100, 50]);
  });

  it('creates a new bucket with its first part only', () => {
    const claims = Array.from({ length: 150 }, (_, i) => claim(`q${i}`, {}, { [mar]: short }));
    const writes = bucketWrites(new Map(), claims);
    const upserts = writes.map((w) => ('updateOne' in w ? w.updateOne.upsert : null));
    expect(upserts).toEqual([true, false]);
    expect(writes[1]).toEqual(bucketWrite(mar, { _id: mar, v: 1 }, claims.slice(100)));
  });
});
