import {
  completedDuring,
  isActiveDuring,
  type CoverageCount,
  type Span,
} from '../follow-ups/follow-up-rules';
import {
  bucketId,
  bucketMonth,
  EDGE_MS,
  registerRollupContext,
  registerRollupFamily,
  type SourceRecord,
} from '../rollups/rollup-families';
import {
  bothNeeds,
  countsIn,
  flatCounts,
  monthNeeds,
  WHOLE,
  type TallyNeed,
} from '../rollups/rollup-tally';
import type { RollupDoc } from '../rollups/rollup.model';
import { completionsContext, completionsOf } from './follow-up-rollups';

// Follow-up coverage decided on write, so that a cold card reads a few small documents per branch
// however many accounts it has. A coverage span starts at a quarter's start in the branch's zone
// (a local midnight, within EDGE_MS of the UTC quarter start Q0) and ends at a month's end of that
// quarter. An account is covered in it when it is active during it and has a completion in it.
//
// Per account and UTC quarter (from its completions, the account's context, and its opening and
// closing), the first completion at or after Q0 + EDGE_MS decides for every zone unless something
// lies within EDGE_MS of the quarter's start: then `max(opened, that completion)` is counted at
// its instant (`covered` tally: the span's counts cut at its end, like every tally). Otherwise (a
// completion or the closing near the quarter's start, or that instant past the quarter's UTC end)
// the account's few instants are kept as a value (`coverageEdges`, one document per branch and
// quarter) and the reader applies the rule itself. Active accounts are counted from a ledger of openings and
// closings by month (`accountMonths`, one document per branch) and the accounts opened or closed
// in the month a span is cut in (`accountsOpened`, `accountsClosed`). No branch time zone enters a
// key: a branch may change its zone.

/** When an account was opened and closed. */
type Life = { o: Date; c: Date | null };

/** What decides an account's coverage in a quarter near its edges (see above). */
export type CoverageEdge = {
  o: Date;
  c: Date | null;
  /** The completions within EDGE_MS of the quarter's start. */
  w: Date[];
  /** The first completion from Q0 + EDGE_MS until EDGE_MS past the quarter's end. */
  s: Date | null;
};

/** An account's coverage in one UTC quarter (start `q0`): counted at an instant, or an edge value. */
export type QuarterCoverage = { q0: Date; at: Date } | { q0: Date; edge: CoverageEdge };

const quarterStart = (at: number): number => {
  const date = new Date(at);
  return Date.UTC(date.getUTCFullYear(), Math.floor(date.getUTCMonth() / 3) * 3, 1);
};
const monthsLater = (at: number, months: number): number => {
  const date = new Date(at);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1);
};

/** The UTC quarter start of a coverage span (its start is a zone's quarter start). */
export const utcQuarterOf = (span: Span): number => quarterStart(span.start.getTime() + EDGE_MS);

/**
 * An account's coverage in every UTC quarter one of its completions (ascending) can count in:
 * its quarter, and the next one when it lies within EDGE_MS of that one's start.
 */
export function quarterCoverage(life: Life, completions: readonly Date[]): QuarterCoverage[] {
  const starts = new Set<number>();
  for (const at of completions)
    for (const shifted of [at.getTime() - EDGE_MS, at.getTime() + EDGE_MS])
      starts.add(quarterStart(shifted));
  return [...starts]
    .sort((a, b) => a - b)
    .flatMap((q0): QuarterCoverage[] => {
      const q1 = monthsLater(q0, 3);
      const [from, core, to] = [q0 - EDGE_MS, q0 + EDGE_MS, q1 + EDGE_MS];
      const { o, c } = life;
      // Opened after, or closed before, the quarter in every zone: never active during it.
      if (o.getTime() >= to || (c !== null && c.getTime() < from)) return [];
      const time = (at: Date) => at.getTime();
      const w = completions.filter((at) => time(at) >= from && time(at) < core);
      const s = completions.find((at) => time(at) >= core && time(at) < to) ?? null;
      const at = Math.max(time(o), s === null ? Infinity : time(s));
      // Counted only at an instant within the quarter's UTC months (cut by their edge entries);
      // past Q1 it would land in the next quarter's first month.
      const nearEdge = w.length > 0 || (c !== null && time(c) < core) || at >= q1;
      return nearEdge
        ? [{ q0: new Date(q0), edge: { o, c, w, s } }]
        : [{ q0: new Date(q0), at: new Date(at) }];
    });
}

/**
 * How `coverageEdges` keeps an account's edge value: one string, the JSON of its instants in
 * milliseconds `[o, c, [w…], s]` (null for none). A cold card reads these by the thousand at
 * province size (they grow with the completions near quarter starts), and a value per instant
 * costs Node and the stand-in one decode each; one string per account costs one.
 */
export const coverageEdgeValue = ({ o, c, w, s }: CoverageEdge): string =>
  JSON.stringify([
    o.getTime(),
    c?.getTime() ?? null,
    w.map((at) => at.getTime()),
    s?.getTime() ?? null,
  ]);

/** An account's edge value as `coverageEdgeValue` keeps it. */
export function coverageEdgeOf(value: string): CoverageEdge {
  const [o, c, w, s] = JSON.parse(value) as [number, number | null, number[], number | null];
  const instant = (ms: number | null) => (ms === null ? null : new Date(ms));
  return { o: new Date(o), c: instant(c), w: w.map((ms) => new Date(ms)), s: instant(s) };
}

/** Whether an account kept as an edge value is covered in the span: the rule itself. */
export const isCoveredEdge = ({ o, c, w, s }: CoverageEdge, span: Span): boolean =>
  isActiveDuring({ createdAt: o, closedAt: c }, span) &&
  completedDuring(s === null ? w : [...w, s], span);

const date = (value: unknown): Date | null => (value instanceof Date ? value : null);
const lifeOf = (r: SourceRecord): Life | null => {
  const o = date(r.openedAt);
  return o === null ? null : { o, c: date(r.closedAt) };
};
const coverageOf = (r: SourceRecord, context: unknown): QuarterCoverage[] => {
  const life = lifeOf(r);
  return life === null ? [] : quarterCoverage(life, completionsOf(context));
};
/** Closed before opened (never through the service): left out of the ledger's two counts. */
const isOdd = ({ o, c }: Life) => c !== null && c.getTime() < o.getTime();
const LIFE = ['openedAt', 'closedAt'];

registerRollupContext(
  'KeyAccount',
  completionsContext((r) => `${String(r.branchCode)}|${String(r._id)}`),
);

registerRollupFamily({
  name: 'covered',
  source: 'KeyAccount',
  tally: true,
  fields: LIFE,
  contribute: (r, context) =>
    coverageOf(r, context).flatMap((q) => ('at' in q ? [{ at: q.at, value: ['n'] }] : [])),
});

registerRollupFamily({
  name: 'coverageEdges',
  source: 'KeyAccount',
  fields: LIFE,
  contribute: (r, context) =>
    coverageOf(r, context).flatMap((q) =>
      'edge' in q ? [{ at: q.q0, value: coverageEdgeValue(q.edge) }] : [],
    ),
});

/** The id of a branch's ledger of accounts opened and closed by month. */
const ledgerId = (branchCode: string) => bucketId('accountMonths', branchCode, 'all');

/**
 * Accounts by the UTC month they were opened (`o.<YYYY-MM>`) and closed (`c.<YYYY-MM>`), one
 * document per branch; an account closed before it was opened as its two instants
 * (`x.<opened ms>.<closed ms>`), to which the reader applies the rule itself.
 */
registerRollupFamily({
  name: 'accountMonths',
  source: 'KeyAccount',
  tally: true,
  fields: LIFE,
  bucketOf: (r) => ledgerId(String(r.branchCode)),
  contribute: (r) => {
    const life = lifeOf(r);
    if (life === null) return undefined;
    const { o, c } = life;
    if (isOdd(life)) return { at: null, value: [`x.${o.getTime()}.${c!.getTime()}`] };
    return { at: null, value: [`o.${bucketMonth(o)}`, ...(c ? [`c.${bucketMonth(c)}`] : [])] };
  },
});

/** The instants accounts were opened (closed) in a month: the month a count is cut in. */
registerRollupFamily({
  name: 'accountsOpened',
  source: 'KeyAccount',
  fields: LIFE,
  contribute: (r) => {
    const life = lifeOf(r);
    return life === null || isOdd(life) ? undefined : { at: life.o, value: life.o };
  },
});

registerRollupFamily({
  name: 'accountsClosed',
  source: 'KeyAccount',
  fields: LIFE,
  contribute: (r) => {
    const life = lifeOf(r);
    return life?.c == null || isOdd(life) ? undefined : { at: life.c, value: life.c };
  },
});

/** The UTC months of a quarter that [start, end) touches. */
function quarterMonths(q0: number, span: Span): string[] {
  return [0, 1, 2]
    .map((i) => monthsLater(q0, i))
    .filter((m) => m < span.end.getTime() && monthsLater(m, 1) > span.start.getTime())
    .map((m) => bucketMonth(new Date(m)));
}

/**
 * The documents a branch's coverage over `spans` and its accounts active at `asOf` are read
 * from, with what is read of each (`WHOLE`, or the `covered` months as `countsIn` cuts them).
 */
export function coverageReads(
  branchCode: string,
  spans: readonly Span[],
  asOf: Date,
): Map<string, TallyNeed> {
  const reads = new Map<string, TallyNeed>([[ledgerId(branchCode), WHOLE]]);
  const whole = (id: string) => reads.set(id, WHOLE);
  const counts = (at: Date, kind: 'Opened' | 'Closed') =>
    whole(bucketId(`accounts${kind}`, branchCode, bucketMonth(at)));
  for (const span of spans) {
    const q0 = utcQuarterOf(span);
    whole(bucketId('coverageEdges', branchCode, bucketMonth(new Date(q0))));
    const months = new Set(quarterMonths(q0, span));
    for (const [month, need] of monthNeeds(span.start, span.end)) {
      const id = bucketId('covered', branchCode, month);
      if (months.has(month)) reads.set(id, bothNeeds(reads.get(id), need));
    }
    counts(span.end, 'Opened');
    counts(span.start, 'Closed');
  }
  counts(asOf, 'Opened');
  counts(asOf, 'Closed');
  return reads;
}

type Docs = (id: string) => RollupDoc | undefined;

/**
 * Accounts active during the span (opened before its end, not closed before its start): opened
 * before the end less closed before the start (an account closes after it opens, so one closed
 * before the start opened before the end), plus the odd ones by the rule.
 */
function activeIn(doc: Docs, branchCode: string, span: Span): number {
  const ledger = ledgerOf(doc(ledgerId(branchCode)));
  const before = (kind: 'o' | 'c', at: Date) => {
    const month = bucketMonth(at);
    let count = 0;
    for (const { k, since, n } of ledger.months) if (k === kind && since < month) count += n;
    const family = kind === 'o' ? 'accountsOpened' : 'accountsClosed';
    for (const value of Object.values(doc(bucketId(family, branchCode, month))?.items ?? {}))
      if ((value as Date).getTime() < at.getTime()) count += 1;
    return count;
  };
  let odd = 0;
  for (const { life, n } of ledger.odd) if (isActiveDuring(life, span)) odd += n;
  return before('o', span.end) - before('c', span.start) + odd;
}

type Ledger = {
  months: { k: string; since: string; n: number }[];
  odd: { life: { createdAt: Date; closedAt: Date }; n: number }[];
};
const ledgers = new WeakMap<RollupDoc, Ledger>();

// A branch's ledger (see `accountMonths`) parsed once per document read: a card reads it for
// every span and for as-of.
function ledgerOf(doc: RollupDoc | undefined): Ledger {
  if (doc === undefined) return { months: [], odd: [] };
  let ledger = ledgers.get(doc);
  if (ledger === undefined) {
    ledger = { months: [], odd: [] };
    for (const [path, n] of flatCounts(doc.t)) {
      const [k, first, second] = path.split('.') as [string, string, string?];
      if (k !== 'x') ledger.months.push({ k, since: first, n });
      else {
        const life = { createdAt: new Date(Number(first)), closedAt: new Date(Number(second)) };
        ledger.odd.push({ life, n });
      }
    }
    ledgers.set(doc, ledger);
  }
  return ledger;
}

const parsedEdges = new WeakMap<object, CoverageEdge[]>();

// A coverageEdges document's values, parsed once per document read (each span of a card reads it).
function edgesOf(items: Record<string, unknown> | undefined): CoverageEdge[] {
  if (items === undefined) return [];
  let edges = parsedEdges.get(items);
  if (edges === undefined) {
    edges = Object.values(items).map((value) => coverageEdgeOf(value as string));
    parsedEdges.set(items, edges);
  }
  return edges;
}

/** Accounts active during the span and covered in it: counted ones cut at its end, plus edges. */
function coveredIn(doc: Docs, branchCode: string, span: Span): number {
  const q0 = utcQuarterOf(span);
  const months = new Set(quarterMonths(q0, span));
  const month = (m: string) =>
    months.has(m) ? doc(bucketId('covered', branchCode, m)) : undefined;
  let covered = countsIn(month, span.start, span.end).get('n') ?? 0;
  const edges = doc(bucketId('coverageEdges', branchCode, bucketMonth(new Date(q0))))?.items;
  for (const edge of edgesOf(edges)) if (isCoveredEdge(edge, span)) covered += 1;
  return covered;
}

/** A branch's coverage counts of one span, from the documents `coverageReads` names. */
export const coverageCountIn = (doc: Docs, branchCode: string, span: Span): CoverageCount => ({
  covered: coveredIn(doc, branchCode, span),
  active: activeIn(doc, branchCode, span),
});

/** A branch's accounts active at an instant (opened before it, not closed before it). */
export const activeAt = (doc: Docs, branchCode: string, at: Date): number =>
  activeIn(doc, branchCode, { start: at, end: at });
