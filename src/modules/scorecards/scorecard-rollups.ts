import { Types } from 'mongoose';
import type { ComplaintDoc } from '../complaints/complaint.model';
import {
  bucketId,
  bucketMonth,
  monthsId,
  registerRollupFamily,
  type SourceRecord,
} from '../rollups/rollup-families';
import {
  bothNeeds,
  countsIn,
  flatCounts,
  monthCuts,
  monthNeeds,
  needsCounts,
  neededSlots,
  WHOLE,
  EDGE_SLOTS,
  type TallyNeed,
} from '../rollups/rollup-tally';
import { RollupModel, type RollupDoc } from '../rollups/rollup.model';
import { coverageSpans, type Span } from '../follow-ups/follow-up-rules';
import { activeAt, coverageCountIn, coverageReads } from './coverage-rollups';
import { activationsOf, closuresOf } from './follow-up-rollups';
import type { RowWindow, ScorecardRows } from './scorecard-data';
import {
  nthValue,
  rangeCount,
  rangePath,
  repairPlace,
  repairReads,
  ticketsOf,
  type RepairWanted,
} from './repair-rollups';
import type { TicketTallies } from './scorecard-figures';
import { responseInputsFromCounts, responsePaths, type ScoredResponse } from './response-tallies';
import { findByIds } from '../../db/id-parts';
import { addToGroup } from '../../shared/groups';

// The scorecard's rollup families: per record exactly the fields `scorecard-data` reads from the
// records, so a card computed from rollups is the card computed from the records (same inputs,
// same code). Repair figures, activations, survey scores and follow-ups need only counts and the
// distribution of exact values (means, t-intervals, p90 by nearest rank, paired differences;
// follow-up compliance and coverage decided on write, see `follow-up-rollups` and
// `coverage-rollups`): tally families. The others keep values per record (keyed by its id) where
// a figure needs them: instants for overdue orders, complaints.

const date = (value: unknown): Date | null => (value instanceof Date ? value : null);

/**
 * When an order was overdue: from its promise (or its order, if later) to its activation or
 * cancellation (null while open); undefined when it never was. Counted at an instant E when
 * ordered and promised before E and neither activated nor cancelled before E, so only orders whose
 * open time outlasted their promise can ever count.
 */
function overdueSpan(r: SourceRecord): { start: Date; end: Date | null } | undefined {
  const [o, p] = [date(r.orderedAt), date(r.originalPromisedAt)];
  const [a, c] = [date(r.activatedAt), date(r.cancelledAt)];
  if (o === null || p === null) return undefined;
  const ends = [a, c].filter((at): at is Date => at !== null).map((at) => at.getTime());
  const end = ends.length === 0 ? null : new Date(Math.min(...ends));
  const start = new Date(Math.max(o.getTime(), p.getTime()));
  return end !== null && end <= start ? undefined : { start, end };
}

const OVERDUE_FIELDS = ['orderedAt', 'originalPromisedAt', 'activatedAt', 'cancelledAt'];

/**
 * Orders ever overdue, filed under the month they stopped being open (`open` while they are):
 * the open period reads its own month onwards (the orders open now, and few more).
 */
registerRollupFamily({
  name: 'overdue',
  source: 'ActivationOrder',
  fields: OVERDUE_FIELDS,
  contribute: (r) => {
    const span = overdueSpan(r);
    if (!span) return undefined;
    const [o, p, a, c] = [r.orderedAt, r.originalPromisedAt, r.activatedAt, r.cancelledAt].map(
      date,
    );
    return { at: span.end, value: { o, p, a, c } };
  },
});

/**
 * Orders ever overdue counted when they became overdue (`overdueStarts`) and when they stopped
 * being open (`overdueEnds`): overdue at a closed period's end are those started before it less
 * those ended before it, from counts, however long ago the period closed.
 */
registerRollupFamily({
  name: 'overdueStarts',
  source: 'ActivationOrder',
  tally: true,
  fields: OVERDUE_FIELDS,
  contribute: (r) => {
    const span = overdueSpan(r);
    return span && { at: span.start, value: ['n'] };
  },
});

registerRollupFamily({
  name: 'overdueEnds',
  source: 'ActivationOrder',
  tally: true,
  fields: OVERDUE_FIELDS,
  contribute: (r) => {
    const end = overdueSpan(r)?.end ?? null;
    return end === null ? undefined : { at: end, value: ['n'] };
  },
});

/** The id of a branch's ledger of overdue orders by month (see the `overdueMonths` family). */
const ledgerId = (branchCode: string) => bucketId('overdueMonths', branchCode, 'all');

/**
 * Orders ever overdue counted in one document per branch, by the UTC month they became overdue
 * (`s.<YYYY-MM>`) and the one they stopped being open (`e.<YYYY-MM>`): overdue at a closed
 * period's end are the ledger's months before the end's month, plus that month cut at the end
 * by `overdueStarts` and `overdueEnds` (their edge records). Three documents per branch however
 * long the history, all known before anything is read.
 */
registerRollupFamily({
  name: 'overdueMonths',
  source: 'ActivationOrder',
  tally: true,
  fields: OVERDUE_FIELDS,
  bucketOf: (r) => ledgerId(String(r.branchCode)),
  contribute: (r) => {
    const span = overdueSpan(r);
    if (!span) return undefined;
    const ended = span.end === null ? [] : [`e.${bucketMonth(span.end)}`];
    return { at: null, value: [`s.${bucketMonth(span.start)}`, ...ended] };
  },
});

/** Survey responses of a month, counted by their scores: satisfaction, quadrants, lead pairs. */
registerRollupFamily({
  name: 'responses',
  source: 'SurveyResponse',
  tally: true,
  quarters: true,
  fields: ['respondedAt', 'cs1', 'cs2', 'cs3', 'nps', 'attributes', 'competitors'],
  contribute: (r) => {
    const respondedAt = date(r.respondedAt);
    if (respondedAt === null) return undefined;
    return { at: respondedAt, value: responsePaths(r as unknown as ScoredResponse) };
  },
});

// A complaint counts where it was received and where it was finally resolved: one family per
// instant, with the same value (the fields the complaint figures read).
const COMPLAINT_FIELDS = [
  'accountId',
  'category',
  'receivedAt',
  'firstContactedAt',
  'statusHistory',
  'sla',
  'measuredAt',
] as const;
const complaintValue = (r: Record<string, unknown>) =>
  Object.fromEntries(COMPLAINT_FIELDS.map((field) => [field, r[field] ?? null]));
for (const [name, field] of [
  ['complaintsReceived', 'receivedAt'],
  ['complaintsResolved', 'measuredAt'],
] as const)
  registerRollupFamily({
    name,
    source: 'Complaint',
    fields: COMPLAINT_FIELDS,
    contribute: (r) => {
      const at = date(r[field]);
      return at === null ? undefined : { at, value: complaintValue(r) };
    },
  });

/** UTC months (`YYYY-MM`) holding instants in [start, end). */
export function monthsBetween(start: Date, end: Date): string[] {
  const months: string[] = [];
  const cursor = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), 1));
  while (cursor < end) {
    months.push(cursor.toISOString().slice(0, 7));
    cursor.setUTCMonth(cursor.getUTCMonth() + 1);
  }
  return months;
}

type Item<V> = { recordId: string; branchCode: string; value: V };

/** The tally families kept per UTC quarter too (`quarters`): read by quarter where they can be. */
const QUARTERED = ['activations', 'tickets', 'closures', 'responses'] as const;
type Quartered = (typeof QUARTERED)[number];

function itemsOf<V>(
  docs: Map<string, RollupDoc>,
  family: string,
  codes: string[],
  months: (code: string) => string[],
): Item<V>[] {
  const items: Item<V>[] = [];
  for (const branchCode of codes)
    for (const month of months(branchCode)) {
      const doc = docs.get(bucketId(family, branchCode, month));
      for (const [recordId, value] of Object.entries(doc?.items ?? {}))
        items.push({ recordId, branchCode, value: value as V });
    }
  // Record ids ascending: the records' own (insertion) order, so sums add up in the same order.
  return items.sort((a, b) => (a.recordId < b.recordId ? -1 : a.recordId > b.recordId ? 1 : 0));
}

// The tally buckets' markers of claims in flight (`ops`) are for writers only; the tickets'
// exact repair minutes (`repairMinutes`) are read second, only the range holding each p90
// (`repairValues`).
// A month wholly inside the periods read is read without its edge entries, a month cut at one
// edge with that edge's entries only, and a month of which only an edge is inside with that
// edge's entries only: at province size the entries are most of a bucket.
type Projection = Record<string, 0 | 1>;
const READ: Projection = { ops: 0 };
const projections = new Map<string, Projection>();

/**
 * The projection reading what is needed of a document: with its counts, all but the edge slots
 * it does not need; without, only the edge slots it needs.
 */
function projectionFor(need: TallyNeed): Projection {
  const known = projections.get(need);
  if (known) return known;
  const edges = [['0', 'e0'] as const, ['1', 'e1'] as const];
  const slots = edges.map(([edge, field]) => [field, neededSlots(need, edge)] as const);
  const projection: Projection = needsCounts(need)
    ? Object.fromEntries([
        ['ops', 0],
        ...slots.flatMap(([field, wanted]) =>
          wanted.length === 0
            ? [[field, 0]]
            : EDGE_SLOTS.filter((slot) => !wanted.includes(slot)).map((s) => [`${field}.${s}`, 0]),
        ),
      ])
    : Object.fromEntries(
        slots.flatMap(([field, wanted]) => wanted.map((slot) => [`${field}.${slot}`, 1])),
      );
  projections.set(need, projection);
  return projection;
}

/**
 * Documents by id, each read with the projection `projectionOf(id)` gives: one read per
 * projection (in parts of `findByIds`'s size; the stand-in matches a bare `_id $in` by a set, so
 * a larger part costs no more per id, and each command costs both sides a fixed amount).
 */
async function byIds(
  ids: string[],
  projectionOf: (id: string) => Projection = () => READ,
): Promise<Map<string, RollupDoc>> {
  const groups = new Map<Projection, string[]>();
  for (const id of ids) {
    const projection = projectionOf(id);
    addToGroup(groups, projection, id);
  }
  const read = ([projection, group]: [Projection, string[]]) =>
    findByIds<RollupDoc>(RollupModel.collection, group, projection);
  const docs = (await Promise.all([...groups].map(read))).flat();
  return new Map(docs.map((doc) => [doc._id, doc]));
}

type Values = {
  overdue: { o: Date; p: Date; a: Date | null; c: Date | null };
  complaintsReceived: Omit<ComplaintDoc, 'accountId'> & { accountId: unknown };
  complaintsResolved: Omit<ComplaintDoc, 'accountId'> & { accountId: unknown };
};

const inRange = (at: Date, start: Date, end: Date) => at >= start && at < end;

// Received or finally resolved in the period, once each, as the record query returns them.
function complaintsIn(
  items: <F extends keyof Values>(
    family: F,
    months: (code: string) => string[],
  ) => Item<Values[F]>[],
  months: () => string[],
  period: RowWindow['period'],
): ScorecardRows['complaints'] {
  const byId = new Map<string, ScorecardRows['complaints'][number]>();
  const counted = [
    ...items('complaintsReceived', months).filter(({ value }) =>
      inRange(value.receivedAt, period.start, period.end),
    ),
    ...items('complaintsResolved', months).filter(
      ({ value }) =>
        value.measuredAt !== null && inRange(value.measuredAt, period.start, period.end),
    ),
  ].sort((a, b) => (a.recordId < b.recordId ? -1 : a.recordId > b.recordId ? 1 : 0));
  for (const { recordId, branchCode, value } of counted)
    byId.set(recordId, {
      ...value,
      _id: new Types.ObjectId(recordId),
      branchCode,
      accountId: new Types.ObjectId(String(value.accountId)),
    } as ScorecardRows['complaints'][number]);
  return [...byId.values()];
}

/** The open-ended family: read from a month (`since`) onwards, including `open`. */
type OpenEnded = 'overdue';

/** The overdue counts of a closed period's last month, cut at its end. */
const OVERDUE_COUNTS = ['overdueStarts', 'overdueEnds'] as const;

/** The documents the overdue orders at a closed period's end `asOf` are counted from. */
const overdueIds = (code: string, asOf: Date) => [
  ledgerId(code),
  ...OVERDUE_COUNTS.map((family) => bucketId(family, code, bucketMonth(asOf))),
];

/**
 * Orders overdue at a closed period's end `asOf`: became overdue before it, less ended before
 * it; the ledger's months before the end's month, that month from its counts cut at the end.
 */
function overdueCounted(
  docs: Map<string, RollupDoc>,
  branchCodes: string[],
  asOf: Date,
): Map<string, number> {
  const overdue = new Map<string, number>();
  const month = bucketMonth(asOf);
  const monthStart = new Date(Date.UTC(asOf.getUTCFullYear(), asOf.getUTCMonth(), 1));
  for (const code of branchCodes) {
    let count = 0;
    for (const [path, n] of flatCounts(docs.get(ledgerId(code))?.t)) {
      const [kind, since] = path.split('.') as ['s' | 'e', string];
      if (since < month) count += kind === 's' ? n : -n;
    }
    const [started, ended] = OVERDUE_COUNTS.map(
      (f) => countsIn((m) => docs.get(bucketId(f, code, m)), monthStart, asOf).get('n') ?? 0,
    );
    count += started! - ended!;
    if (count > 0) overdue.set(code, count);
  }
  return overdue;
}

/**
 * What one window reads: the ids to read first; once they are read, the listed months to read
 * and the p90 ranges whose values to read; then the rows (`values`: the second read of exact
 * repair minutes).
 */
type WindowPlan = {
  first: Map<string, TallyNeed>;
  later: (docs: Map<string, RollupDoc>) => string[];
  repairs: (docs: Map<string, RollupDoc>) => Map<string, Set<string>>;
  rows: (docs: Map<string, RollupDoc>, values: Map<string, RollupDoc>) => ScorecardRows;
};

/**
 * The exact minutes of the wanted ranges (`repairReads`): one projection (the union of every
 * range and edge hour wanted) for every document, so the reads stay few; a document returns only
 * what it holds, and the cuts take only the entries of their instants.
 */
async function repairValues(reads: Map<string, Set<string>>): Promise<Map<string, RollupDoc>> {
  const paths = [...new Set([...reads.values()].flatMap((set) => [...set]))].sort();
  const projection = Object.fromEntries(paths.map((path) => [path, 1 as const]));
  return byIds([...reads.keys()], () => projection);
}

/**
 * The tickets of a branch in a period: the counts of the first read, each tier's p90 from the
 * exact minutes of the range holding its rank (`values`), cut at the period's instants by their
 * edge records like every count.
 */
function ticketsIn(
  values: Map<string, RollupDoc>,
  code: string,
  { start, end }: Span,
  { tallies, tiers }: ReturnType<typeof ticketsOf>,
): TicketTallies {
  const exact = (m: string) => values.get(bucketId('repairMinutes', code, m));
  // Counted once for every tier (each then keeps its range's values).
  let exactCounts: Map<string, number> | undefined;
  for (const [severity, tier] of tiers) {
    const place = repairPlace(tier.ranges);
    if (!place) continue;
    const prefix = `${rangePath(severity, place.range)}.`;
    exactCounts ??= countsIn(exact, start, end, true);
    const counts = new Map(
      [...exactCounts]
        .filter(([path]) => path.startsWith(prefix))
        .map(([path, n]) => [path.slice(prefix.length), n]),
    );
    tallies.tiers[severity]!.repair.p90 = nthValue(counts, place.rank);
  }
  return tallies;
}

function windowPlan(branchCodes: string[], window: RowWindow): WindowPlan {
  const { period, asOf, now } = window;
  // A closed period counts its overdue orders from the counts; the open one from the orders
  // still open (those ending in now's month or later).
  const closed = asOf < now;
  const openEnded: OpenEnded[] = closed ? [] : ['overdue'];
  const periodMonths = monthsBetween(period.start, period.end);
  const spans = coverageSpans(period);
  const bounded = (family: string, months: string[]) =>
    branchCodes.flatMap((code) => months.map((month) => bucketId(family, code, month)));
  const first = new Map<string, TallyNeed>();
  const read = (id: string, need: TallyNeed = WHOLE) =>
    first.set(id, bothNeeds(first.get(id), need));
  // Orders open at as-of: their months onwards.
  const since = { overdue: asOf };
  // Only `open` is read with the month lists: the listed months from `since` on (orders ended
  // after now) are few or none, and a guess of every month up to now costs more in missing ids
  // than a second read when there are some.
  const cuts = monthNeeds(period.start, period.end, true);
  for (const family of QUARTERED)
    for (const code of branchCodes)
      for (const [month, need] of cuts) read(bucketId(family, code, month), need);
  for (const code of branchCodes)
    for (const [id, need] of coverageReads(code, spans, asOf)) read(id, need);
  [
    ...['complaintsReceived', 'complaintsResolved'].flatMap((f) => bounded(f, periodMonths)),
    ...openEnded.flatMap((f) => branchCodes.map((code) => monthsId(f, code))),
    ...openEnded.flatMap((f) => bounded(f, ['open'])),
    ...(closed ? branchCodes.flatMap((code) => overdueIds(code, asOf)) : []),
  ].forEach((id) => read(id));
  const laterMonths = (docs: Map<string, RollupDoc>, family: OpenEnded, code: string) => {
    const month = since[family].toISOString().slice(0, 7);
    const listed = docs.get(monthsId(family, code))?.months ?? [];
    return ['open', ...listed.filter((m) => m !== 'open' && m >= month)];
  };
  const later = (docs: Map<string, RollupDoc>) =>
    openEnded.flatMap((f) =>
      branchCodes.flatMap((code) => laterMonths(docs, f, code).map((m) => bucketId(f, code, m))),
    );
  // The months whose counts (not only edge records) the period uses and that count tickets in
  // the range: the documents whose exact minutes of the range are read.
  const valued = monthCuts(period.start, period.end, true).filter(({ cut }) => cut !== 'edges');
  // Each branch's ticket counts, once for the p90 ranges to read and the rows.
  const counted = new Map<string, ReturnType<typeof ticketsOf>>();
  const ticketsOfBranch = (docs: Map<string, RollupDoc>, code: string) => {
    const month = (m: string) => docs.get(bucketId('tickets', code, m));
    if (!counted.has(code))
      counted.set(code, ticketsOf(countsIn(month, period.start, period.end, true)));
    return counted.get(code)!;
  };
  const wanted = (docs: Map<string, RollupDoc>) =>
    branchCodes.flatMap((code) => {
      const month = (m: string) => docs.get(bucketId('tickets', code, m));
      const { tiers } = ticketsOfBranch(docs, code);
      return [...tiers].flatMap(([severity, tier]) => {
        const place = repairPlace(tier.ranges);
        if (!place) return [];
        const inRange = (m: string) => rangeCount(month(m), severity, place.range) > 0;
        const months = valued.map((c) => c.label).filter(inRange);
        return [{ code, severity, range: place.range, months } satisfies RepairWanted];
      });
    });
  const repairs = (docs: Map<string, RollupDoc>) => repairReads(wanted(docs), cuts);
  return {
    first,
    later,
    repairs,
    rows: (docs, values) =>
      rowsOf(
        { docs, values, tickets: (code) => ticketsOfBranch(docs, code) },
        branchCodes,
        window,
        { periodMonths, spans },
        (family, code) => laterMonths(docs, family, code),
      ),
  };
}

function rowsOf(
  {
    docs,
    values,
    tickets,
  }: {
    docs: Map<string, RollupDoc>;
    values: Map<string, RollupDoc>;
    tickets: (code: string) => ReturnType<typeof ticketsOf>;
  },
  branchCodes: string[],
  { period, asOf, now }: RowWindow,
  { periodMonths, spans }: { periodMonths: string[]; spans: Span[] },
  laterMonths: (family: OpenEnded, code: string) => string[],
): ScorecardRows {
  const items = <F extends keyof Values>(family: F, months: (code: string) => string[]) =>
    itemsOf<Values[F]>(docs, family, branchCodes, months);
  const inPeriod = () => periodMonths;
  const countsOver = (family: Quartered, code: string, { start, end }: Span) =>
    countsIn((label) => docs.get(bucketId(family, code, label)), start, end, true);
  const counts = (family: Quartered, code: string) => countsOver(family, code, period);
  const doc = (id: string) => docs.get(id);
  const activations = new Map(
    branchCodes.map((code) => [code, activationsOf(counts('activations', code))]),
  );

  const overdue = asOf < now ? overdueCounted(docs, branchCodes, asOf) : new Map<string, number>();
  if (asOf >= now)
    for (const { branchCode, value: v } of items('overdue', (code) =>
      laterMonths('overdue', code),
    )) {
      const counted =
        v.o < asOf && v.p < asOf && (v.a === null || v.a >= asOf) && (v.c === null || v.c >= asOf);
      if (counted) overdue.set(branchCode, (overdue.get(branchCode) ?? 0) + 1);
    }
  return {
    lateness: new Map(branchCodes.map((code) => [code, activations.get(code)!.lateness])),
    postActivation: new Map(
      branchCodes.map((code) => [code, activations.get(code)!.postActivation]),
    ),
    overdue,
    tickets: new Map(
      branchCodes.map((code) => [code, ticketsIn(values, code, period, tickets(code))]),
    ),
    postRepair: new Map(branchCodes.map((code) => [code, closuresOf(counts('closures', code))])),
    coverage: new Map(
      branchCodes.map((code) => [code, spans.map((span) => coverageCountIn(doc, code, span))]),
    ),
    activeAccounts: new Map(branchCodes.map((code) => [code, activeAt(doc, code, asOf)])),
    responses: new Map(
      branchCodes.map((code) => [code, responseInputsFromCounts(counts('responses', code))]),
    ),
    complaints: complaintsIn(items, inPeriod, period),
  };
}

// What several readers read of each document, together.
function unionOf(reads: Map<string, Set<string>>[]): Map<string, Set<string>> {
  const union = new Map<string, Set<string>>();
  for (const read of reads)
    for (const [id, paths] of read) union.set(id, new Set([...(union.get(id) ?? []), ...paths]));
  return union;
}

/** Branches whose rows of one window are wanted. */
export type RowRequest = { branchCodes: string[]; window: RowWindow };

/**
 * Several periods' rows from the rollups (a card and its previous period) in one read by
 * `_id $in` of all their documents (the bounded months of each period, the open-ended families'
 * buckets up to now's month and their month lists; a second read only for listed months past
 * those), never the records. Each value is cut by its instants exactly as the record queries
 * cut the records.
 */
export async function loadRowsFromRollupsOf(requests: RowRequest[]): Promise<ScorecardRows[]> {
  const plans = requests.map(({ branchCodes, window }) => windowPlan(branchCodes, window));
  const needs = new Map<string, TallyNeed>();
  for (const plan of plans)
    for (const [id, need] of plan.first) needs.set(id, bothNeeds(needs.get(id), need));
  const firstIds = new Set(needs.keys());
  const first = await byIds([...firstIds], (id) => projectionFor(needs.get(id)!));
  const [second, values] = await Promise.all([
    byIds(
      [...new Set(plans.flatMap((plan) => plan.later(first)))].filter((id) => !firstIds.has(id)),
    ),
    repairValues(unionOf(plans.map((plan) => plan.repairs(first)))),
  ]);
  const docs = new Map([...first, ...second]);
  return plans.map((plan) => plan.rows(docs, values));
}

/** One period's rows from the rollups (see `loadRowsFromRollupsOf`). */
export async function loadRowsFromRollups(
  branchCodes: string[],
  window: RowWindow,
): Promise<ScorecardRows> {
  return (await loadRowsFromRollupsOf([{ branchCodes, window }]))[0]!;
}
