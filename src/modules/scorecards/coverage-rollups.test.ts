import {
  contributionsOf,
  edgeEntry,
  edgeKey,
  isTallyBucket,
  tallyIncrements,
  type TallyContribution,
} from '../rollups/rollup-families';
import type { EdgeSlots, NestedCounts, RollupDoc } from '../rollups/rollup.model';
import { neededSlots, needsCounts, type TallyNeed } from '../rollups/rollup-tally';
import {
  coverageCountOf,
  coverageSpans,
  visitedDuring,
  type CoverageAccount,
} from '../follow-ups/follow-up-rules';
import { parsePeriod } from '../../shared/period';
import {
  activeAt,
  coverageCountIn,
  coverageEdgeOf,
  coverageEdgeValue,
  coverageReads,
  quarterCoverage,
} from './coverage-rollups';

const at = (iso: string) => new Date(`${iso}Z`);
const OLD = at('2025-06-01T00:00:00');

// Eight accounts of branch BA (opened, closed, completions; UTC), each placed at an edge of
// 2026-Q2 (Q0 = 1 Apr 00:00, Q1 = 1 Jul 00:00 UTC; EDGE_MS = 14 h).
const accounts = {
  // A completion in the middle of May.
  A1: { o: OLD, c: null, done: [at('2026-05-10T03:00:00')] },
  // A completion on 31 Mar 20:00, within 14 h of April (Q2's start), and one in May.
  A2: { o: OLD, c: null, done: [at('2026-03-31T20:00:00'), at('2026-05-10T03:00:00')] },
  // Closed on 1 Apr 03:00 (within 14 h of Q2's start); a completion after that.
  A3: { o: OLD, c: at('2026-04-01T03:00:00'), done: [at('2026-05-10T04:00:00')] },
  // Opened and visited on 1 Jul, before 14:00 (within 14 h of Q2's end).
  A4: { o: at('2026-07-01T02:00:00'), c: null, done: [at('2026-07-01T03:00:00')] },
  // Never visited.
  A5: { o: OLD, c: null, done: [] },
  // Opened on 31 May 20:00 (within 14 h of June), visited before it.
  A6: { o: at('2026-05-31T20:00:00'), c: null, done: [at('2026-04-20T00:00:00')] },
  // Closed before it was opened (not through the service): the rule applies as written.
  A7: { o: at('2026-05-01T00:00:00'), c: at('2026-04-15T00:00:00'), done: [] },
  // Visited on 30 Jun 20:00 (within 14 h of Q2's end).
  A8: { o: OLD, c: null, done: [at('2026-06-30T20:00:00')] },
};
type Name = keyof typeof accounts;
const names = Object.keys(accounts) as Name[];
const idOf = (name: Name) => `65a0000000000000000000${name.slice(1).padStart(2, '0')}`;
const record = (name: Name) => ({
  _id: idOf(name),
  branchCode: 'BA',
  openedAt: accounts[name].o,
  closedAt: accounts[name].c,
});

/** Nested counts with `n` added at a `.`-separated path. */
function addAt(counts: NestedCounts, path: string, n: number): void {
  const [head, ...rest] = path.split('.');
  if (rest.length === 0) counts[head!] = ((counts[head!] as number | undefined) ?? 0) + n;
  else addAt((counts[head!] ??= {}) as NestedCounts, rest.join('.'), n);
}

/** The documents the accounts' contributions make (as the rebuild writes them). */
function docsOf(): Map<string, RollupDoc> {
  const docs = new Map<string, RollupDoc>();
  for (const name of names)
    for (const { bucket, value } of contributionsOf(
      'KeyAccount',
      record(name),
      accounts[name].done,
    )) {
      const doc = docs.get(bucket) ?? { _id: bucket };
      docs.set(bucket, doc);
      if (!isTallyBucket(bucket)) {
        doc.items = { ...doc.items, [idOf(name)]: value };
        continue;
      }
      const tally = value as TallyContribution;
      for (const [path, n] of tallyIncrements(tally)) addAt((doc.t ??= {}), path, n);
      if (tally.at) {
        const [field, slot] = edgeKey(tally.at).split('.') as ['e0' | 'e1', string];
        const entries = {
          ...doc[field]?.[slot],
          [idOf(name)]: edgeEntry({ ...tally, at: tally.at }),
        };
        doc[field] = { ...doc[field], [slot]: entries };
      }
    }
  return docs;
}

const slotsOf = (edge: EdgeSlots | undefined, slots: number[]): EdgeSlots =>
  Object.fromEntries(slots.map((slot) => [slot, edge?.[slot] ?? {}]));

/** The documents as read: only those named, with only what is read of each. */
function asRead(docs: Map<string, RollupDoc>, reads: Map<string, TallyNeed>) {
  return (id: string): RollupDoc | undefined => {
    const [doc, need] = [docs.get(id), reads.get(id)];
    if (!doc || !need) return undefined;
    return {
      _id: doc._id,
      ...(needsCounts(need) ? { t: doc.t, items: doc.items } : {}),
      e0: slotsOf(doc.e0, neededSlots(need, '0')),
      e1: slotsOf(doc.e1, neededSlots(need, '1')),
    };
  };
}

/** Covered ÷ active of BA in a period's coverage span, from the documents `coverageReads` names. */
function counted(label: string, zone: string) {
  const period = parsePeriod(label, zone);
  const [span] = coverageSpans(period);
  const docs = docsOf();
  const count = coverageCountIn(
    asRead(docs, coverageReads('BA', [span!], period.end)),
    'BA',
    span!,
  );
  // The same rule over the accounts and their completions, as the records path applies it.
  const all: CoverageAccount[] = names.map((n) => ({
    id: n,
    createdAt: accounts[n].o,
    closedAt: accounts[n].c,
  }));
  const done = names.flatMap((n) =>
    accounts[n].done.map((d) => ({ accountId: n, completedAt: d })),
  );
  expect(count).toEqual(coverageCountOf(all, visitedDuring(done, span!), span!));
  return `${count.covered}/${count.active}`;
}

const EAST = 'Asia/Shanghai'; // UTC+8: Q2 is 31 Mar 16:00 – 30 Jun 16:00 UTC
const WEST = 'Etc/GMT+5'; // UTC−5: Q2 is 1 Apr 05:00 – 1 Jul 05:00 UTC

describe('follow-up coverage decided per account and UTC quarter', () => {
  it('keeps an edge value as one string of its instants in milliseconds', () => {
    // Opened 1 Jan 2025 00:00Z (1 735 689 600 000 ms), never closed, one completion 1 Jul 2026
    // 03:00Z (1 782 874 800 000 ms) near Q3's start, no completion after.
    const edge = {
      o: at('2025-01-01T00:00:00'),
      c: null,
      w: [at('2026-07-01T03:00:00')],
      s: null,
    };
    expect(coverageEdgeValue(edge)).toBe('[1735689600000,null,[1782874800000],null]');
    expect(coverageEdgeOf('[1735689600000,null,[1782874800000],null]')).toEqual(edge);
    // Closed 2 Jul 2026 00:00Z (1 782 950 400 000 ms), first completion 5 Aug 2026 00:00Z
    // (1 785 888 000 000 ms), none near the start.
    const closed = { ...edge, c: at('2026-07-02T00:00:00'), w: [], s: at('2026-08-05T00:00:00') };
    expect(coverageEdgeValue(closed)).toBe('[1735689600000,1782950400000,[],1785888000000]');
    expect(coverageEdgeOf(coverageEdgeValue(closed))).toEqual(closed);
  });

  it('counts an account at its first completion (or opening) unless something is near an edge', () => {
    const of = (name: Name) =>
      quarterCoverage({ o: accounts[name].o, c: accounts[name].c }, accounts[name].done);
    const [q1, q2, q3] = ['2026-01-01', '2026-04-01', '2026-07-01'].map((d) => at(`${d}T00:00:00`));
    expect(of('A1')).toEqual([{ q0: q2, at: at('2026-05-10T03:00:00') }]);
    // 31 Mar 20:00 − 14 h is in Q1, + 14 h in Q2: Q1 counts it (its instant before Q1's end, cut
    // there like any count); for Q2 it is near the start, so Q2 keeps the instants.
    expect(of('A2')).toEqual([
      { q0: q1, at: at('2026-03-31T20:00:00') },
      {
        q0: q2,
        edge: {
          o: OLD,
          c: null,
          w: [at('2026-03-31T20:00:00')],
          s: at('2026-05-10T03:00:00'),
        },
      },
    ]);
    // Closed 1 Apr 03:00, before 1 Apr 14:00: active in Q2 only in zones starting it before.
    expect(of('A3')).toEqual([
      { q0: q2, edge: { o: OLD, c: accounts.A3.c, w: [], s: at('2026-05-10T04:00:00') } },
    ]);
    // Counted at max(opened, visited) = 1 Jul 03:00, past Q2's UTC end: kept as instants; in Q3
    // the visit is near the start.
    expect(of('A4')).toEqual([
      { q0: q2, edge: { o: accounts.A4.o, c: null, w: [], s: at('2026-07-01T03:00:00') } },
      { q0: q3, edge: { o: accounts.A4.o, c: null, w: [at('2026-07-01T03:00:00')], s: null } },
    ]);
    expect(of('A5')).toEqual([]);
    // Visited 20 Apr, opened 31 May 20:00: counted from its opening.
    expect(of('A6')).toEqual([{ q0: q2, at: at('2026-05-31T20:00:00') }]);
  });

  it('gives covered ÷ active per span in any zone, as the rule over the accounts does', () => {
    // Q2 in UTC+8: active A1 A2 A3 A5 A6 A7 A8 (A4 opens after 30 Jun 16:00) = 7; covered A1, A2,
    // A3 (closed 1 Apr 03:00, after the start 31 Mar 16:00), A6 (opened 31 May 20:00 < end) = 4;
    // A8's visit (30 Jun 20:00) is after the end.
    expect(counted('2026-Q2', EAST)).toBe('4/7');
    // Q2 in UTC−5: A3 closed before the start (1 Apr 05:00), A4 opened before the end (1 Jul
    // 05:00): active A1 A2 A4 A5 A6 A7 A8 = 7; covered A1 A2 A4 A6 A8 = 5.
    expect(counted('2026-Q2', WEST)).toBe('5/7');
    // April in UTC+8 (to 30 Apr 16:00): active A1 A2 A3 A5 A8 = 5; covered only A2 (31 Mar 20:00).
    expect(counted('2026-04', EAST)).toBe('1/5');
    // May in UTC+8 (to 31 May 16:00): A7 (opened 1 May before the end, closed 15 Apr not before
    // the start) is active, A6 not yet: A1 A2 A3 A5 A7 A8 = 6; covered A1 A2 A3 = 3.
    expect(counted('2026-05', EAST)).toBe('3/6');
    // May in UTC−5 (1 Apr 05:00 – 1 Jun 05:00): A6 opened 31 May 20:00 is in, A3 is out: A1 A2 A5
    // A6 A7 A8 = 6; covered A1 A2 A6 = 3.
    expect(counted('2026-05', WEST)).toBe('3/6');
    // Q1: A2's visit 31 Mar 20:00 is after UTC+8's end (31 Mar 16:00), before UTC−5's (1 Apr
    // 05:00); active A1 A2 A3 A5 A8 = 5 in both.
    expect(counted('2026-Q1', EAST)).toBe('0/5');
    expect(counted('2026-Q1', WEST)).toBe('1/5');
    // Q3: A3 and A7 closed in April; A4's and A8's visits (1 Jul 03:00, 30 Jun 20:00) are after
    // UTC+8's start (30 Jun 16:00), before UTC−5's (1 Jul 05:00): 2/6 and 0/6.
    expect(counted('2026-Q3', EAST)).toBe('2/6');
    expect(counted('2026-Q3', WEST)).toBe('0/6');
  });

  it('counts the accounts active at an instant from the ledger and the month cut there', () => {
    const docs = docsOf();
    // At 30 Jun 16:00 UTC: A1 A2 A5 A6 A8 (A3 and A7 closed before, A4 not yet opened).
    const end = at('2026-06-30T16:00:00');
    expect(activeAt(asRead(docs, coverageReads('BA', [], end)), 'BA', end)).toBe(5);
    // At 1 May 00:00 UTC: A7 opens exactly then (not before): A1 A2 A5 A8.
    expect(activeAt((id) => docs.get(id), 'BA', at('2026-05-01T00:00:00'))).toBe(4);
  });
});
