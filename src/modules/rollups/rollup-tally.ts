import type { AnyBulkWriteOperation } from 'mongodb';
import {
  EDGE_MS,
  EDGE_SLOT_MS,
  edgeEntry,
  edgeEntryIncrements,
  edgeKey,
  isTallyBucket,
  tallyIncrements,
  type TallyContribution,
} from './rollup-families';
import type { EdgeEntries, EdgeSlots, NestedCounts, RollupDoc } from './rollup.model';
import { addToGroup } from '../../shared/groups';
import { inParts } from '../../db/id-parts';

/**
 * Exactly-once counting without transactions, with bounded bucket documents. A record's change
 * (what its membership says it is counted as → what it contributes now) is first **claimed** in
 * its membership: one write guarded by the membership's version `v` stores the change under a new
 * token, so two writers never move the same record at once. The claim is then applied to each
 * tally bucket it touches by one write per bucket (however many records of a batch), guarded by
 * the bucket's version `v` as read, that adds the counts and leaves the token as a marker
 * (`ops.<token>`); the membership is then set to what it counts and the markers removed. Whoever
 * finds a claim in a membership (a writer that stopped, or one running now) completes it the same
 * way: a bucket holding its marker has counted it. Markers live only while a claim is in flight,
 * so a bucket holds counts, its edge records and a few markers, not one entry per record.
 */

/** Values compare by their JSON (dates as ISO text), as stored and as recomputed. */
export const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** One record's change, claimed in its membership under `id` (membership version `v`). */
export type Claim = {
  id: string;
  member: string;
  recordId: string;
  v: number;
  from: Record<string, unknown>;
  to: Record<string, unknown>;
};

/** What a writer reads of a tally bucket: its version and the markers of claims in flight. */
export type BucketState = { _id: string; v?: number; ops?: Record<string, string> };

const tallyOf = (map: Record<string, unknown>, bucket: string) =>
  (map[bucket] as TallyContribution | undefined) ?? null;

/** The tally buckets a claim changes (those where its before and after contributions differ). */
export function claimedBuckets({ from, to }: Pick<Claim, 'from' | 'to'>): string[] {
  return [...new Set([...Object.keys(from), ...Object.keys(to)])].filter(
    (bucket) => isTallyBucket(bucket) && !sameValue(from[bucket] ?? null, to[bucket] ?? null),
  );
}

/**
 * The write applying `claims` (none of them marked in it yet) to one tally bucket as read
 * (`state`, undefined when absent), and removing the markers in `stale`: counts added, each
 * claim's marker and its record's edge entry set or removed, the version moved on. Guarded by the
 * version read, so a concurrent writer's change makes it match nothing (then read again).
 */
export function bucketWrite(
  bucket: string,
  state: BucketState | undefined,
  claims: readonly Claim[],
  stale: readonly string[] = [],
): AnyBulkWriteOperation<RollupDoc> {
  const inc = new Map<string, number>();
  const set: Record<string, unknown> = {};
  const unset: Record<string, ''> = {};
  for (const { id, member, recordId, from, to } of claims) {
    const [before, after] = [tallyOf(from, bucket), tallyOf(to, bucket)];
    for (const [path, n] of before ? tallyIncrements(before) : [])
      inc.set(path, (inc.get(path) ?? 0) - n);
    for (const [path, n] of after ? tallyIncrements(after) : [])
      inc.set(path, (inc.get(path) ?? 0) + n);
    set[`ops.${id}`] = member;
    const [was, now] = [before?.at && edgeKey(before.at), after?.at && edgeKey(after.at)];
    if (now) set[`${now}.${recordId}`] = edgeEntry({ ...after!, at: after!.at! });
    if (was && was !== now) unset[`${was}.${recordId}`] = '';
  }
  for (const token of stale) unset[`ops.${token}`] = '';
  const counts = Object.fromEntries(
    [...inc].filter(([, n]) => n !== 0).map(([path, n]) => [`t.${path}`, n]),
  );
  const v = state?.v ?? 0;
  return {
    updateOne: {
      // Stand-in only: `{ _id, v }` is answered from the unique index of exactly those fields.
      filter: { _id: bucket, v: state ? (state.v ?? null) : 0 } as never,
      update: {
        ...(Object.keys(counts).length > 0 ? { $inc: counts } : {}),
        $set: { ...set, v: v + 1 },
        ...(Object.keys(unset).length > 0 ? { $unset: unset } : {}),
      },
      upsert: state === undefined,
    },
  };
}

/**
 * Claims per write of one tally bucket. Stand-in: mongo-java-server checks every path of an update
 * against every path before it (O(paths²): one update of 8 000 paths took 1.3–3 s at load ~8), and
 * a claim writes two or three paths (its marker, its counts, its edge entry), so an import batch's
 * 250 claims on a quarter's bucket cost more in that check than all the rest of the write. A
 * bucket's claims go in parts, each guarded by the version the part before leaves (`v` + 1): run
 * in order, they count exactly what one write would; a part that finds another version (a
 * concurrent writer between two parts) matches nothing, and its claims are read and written again
 * as any lost write's. On MongoDB one write per bucket would do.
 */
export const CLAIMS_PER_WRITE = 100;

/**
 * The writes bringing tally buckets (as read) to count every claim in `claims` exactly once:
 * per bucket, the claims it holds no marker of, and the markers of claims no longer in flight
 * (`finished`: token → true when its membership no longer holds it). Buckets with nothing to do
 * get no write. A bucket's claims go in parts of CLAIMS_PER_WRITE, in order: the writes must run
 * in the order given.
 */
export function bucketWrites(
  states: ReadonlyMap<string, BucketState>,
  claims: readonly Claim[],
  finished: (token: string) => boolean = () => false,
): AnyBulkWriteOperation<RollupDoc>[] {
  const byBucket = new Map<string, Claim[]>();
  for (const claim of claims)
    for (const bucket of claimedBuckets(claim)) addToGroup(byBucket, bucket, claim);
  const writes: AnyBulkWriteOperation<RollupDoc>[] = [];
  for (const bucket of new Set([...byBucket.keys(), ...states.keys()])) {
    const state = states.get(bucket);
    const marked = state?.ops ?? {};
    const due = (byBucket.get(bucket) ?? []).filter((claim) => !(claim.id in marked));
    const stale = Object.keys(marked).filter(finished);
    if (due.length === 0 && stale.length === 0) continue;
    const parts = due.length === 0 ? [[]] : inParts(due, CLAIMS_PER_WRITE);
    const base = state?.v ?? 0;
    parts.forEach((part, i) => {
      const at = i === 0 ? state : { _id: bucket, v: base + i };
      writes.push(bucketWrite(bucket, at, part, i === 0 ? stale : []));
    });
  }
  return writes;
}

const flattened = new WeakMap<NestedCounts, ReadonlyMap<string, number>>();
const NONE: ReadonlyMap<string, number> = new Map();

function flattenInto(counts: NestedCounts, prefix: string, into: Map<string, number>): void {
  for (const segment in counts) {
    const node = counts[segment]!;
    const path = prefix + segment;
    if (typeof node !== 'number') flattenInto(node, `${path}.`, into);
    else if (node !== 0) into.set(path, node);
  }
}

/**
 * The counts of a tally bucket as a flat map (path → count), zeros left out. Computed once per
 * counts object read (a reader cuts one bucket for several periods and figures): the counts must
 * not change after, nor the map returned.
 */
export function flatCounts(counts: NestedCounts | undefined): ReadonlyMap<string, number> {
  if (counts === undefined) return NONE;
  let flat = flattened.get(counts);
  if (flat === undefined) {
    const into = new Map<string, number>();
    flattenInto(counts, '', into);
    flattened.set(counts, into);
    flat = into;
  }
  return flat;
}

function add(into: Map<string, number>, counts: ReadonlyMap<string, number>, sign = 1): void {
  for (const [path, n] of counts) into.set(path, (into.get(path) ?? 0) + sign * n);
}

type Edge = { at: number; increments: [string, number][] };
const edgeLists = new WeakMap<EdgeEntries, Edge[]>();

// A bucket's edge entries (of the slots read) with their increments, computed once per entries
// object read.
function edgesOf(doc: RollupDoc | undefined): Edge[] {
  const slots = (edge: EdgeSlots | undefined) => Object.values(edge ?? {}).flatMap(edgeList);
  return [...slots(doc?.e0), ...slots(doc?.e1)];
}

function edgeList(entries: EdgeEntries | undefined): Edge[] {
  if (entries === undefined) return [];
  let edges = edgeLists.get(entries);
  if (edges === undefined) {
    edges = Object.values(entries).map(edgeEntryIncrements);
    edgeLists.set(entries, edges);
  }
  return edges;
}

function edgeCounts(doc: RollupDoc | undefined, from: number, to: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { at, increments } of edgesOf(doc))
    if (at >= from && at < to)
      for (const [path, n] of increments) counts.set(path, (counts.get(path) ?? 0) + n);
  return counts;
}

/** How [start, end) covers one bucket's span [spanStart, spanEnd), if it can be cut there. */
function cutOf(label: string, spanStart: number, spanEnd: number, start: Date, end: Date) {
  const [from, to] = [Math.max(start.getTime(), spanStart), Math.min(end.getTime(), spanEnd)];
  const span = { label, from, to, start: spanStart, end: spanEnd };
  if (from === spanStart && to === spanEnd) return { ...span, cut: 'whole' as const };
  if (to - spanStart <= EDGE_MS || spanEnd - from <= EDGE_MS)
    return { ...span, cut: 'edges' as const };
  if (from - spanStart <= EDGE_MS && spanEnd - to <= EDGE_MS)
    return { ...span, cut: 'trimmed' as const };
  return null;
}

/** One bucket as a period covers it: its label (month or quarter), bounds and cut. */
export type TallyCut = NonNullable<ReturnType<typeof cutOf>>;

/**
 * How [start, end) covers each UTC month it touches: `whole`; `edges` when only an edge (within
 * `EDGE_MS` of its start or end) is in it; `trimmed` when all but its edges are. A cut elsewhere
 * is refused: no time zone has a local midnight there. With `quarters`, a UTC quarter covered
 * whole, trimmed or at an edge is one cut (its quarter bucket), and its months otherwise.
 */
export function monthCuts(start: Date, end: Date, quarters = false): readonly TallyCut[] {
  const key = `${start.getTime()} ${end.getTime()} ${quarters}`;
  let cuts = knownCuts.get(key);
  if (cuts === undefined) {
    cuts = cutsOf(start, end, quarters);
    if (knownCuts.size >= MAX_KNOWN) knownCuts.clear();
    knownCuts.set(key, cuts);
  }
  return cuts;
}

// The cuts met so far: a cold read cuts the same few periods for every family and branch.
const knownCuts = new Map<string, readonly TallyCut[]>();
const MAX_KNOWN = 1000;

function cutsOf(start: Date, end: Date, quarters: boolean): TallyCut[] {
  const cuts: TallyCut[] = [];
  const step = quarters ? 3 : 1;
  const cursor = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), 1));
  cursor.setUTCMonth(Math.floor(cursor.getUTCMonth() / step) * step);
  while (cursor < end) {
    const spanStart = cursor.getTime();
    const label = quarters
      ? `${cursor.getUTCFullYear()}-Q${cursor.getUTCMonth() / 3 + 1}`
      : cursor.toISOString().slice(0, 7);
    cursor.setUTCMonth(cursor.getUTCMonth() + step);
    const spanEnd = cursor.getTime();
    const cut = cutOf(label, spanStart, spanEnd, start, end);
    const from = new Date(Math.max(start.getTime(), spanStart));
    if (cut) cuts.push(cut);
    else if (quarters)
      cuts.push(...cutsOf(from, new Date(Math.min(end.getTime(), spanEnd)), false));
    else throw new RangeError(`tally buckets cannot be cut at ${from.toISOString()}`);
  }
  return cuts;
}

/** How a period covers a bucket's span (see `monthCuts`). */
export type MonthCut = TallyCut['cut'];

/**
 * What `countsIn` reads of a bucket: its counts (`t`, when more than an edge of it is in the
 * period) and the hours of its edges it cuts (`0.<slot>` near its start, `1.<slot>` near its end),
 * as space-separated parts (`t 1.6 1.7`: the counts less some records of the end's last hours).
 */
export type TallyNeed = string;

const partsOf = (need: TallyNeed | undefined) => (need ? need.split(' ') : []);

// Parts in one order (`t`, then the start's hours, then the end's): equal needs, equal strings.
const order = (part: string) => (part === 't' ? -1 : Number(part[0]) * 100 + Number(part.slice(2)));

// The needs met so far: a cold read asks for the same few pairs a thousand times.
const joinedNeeds = new Map<string, TallyNeed>();
const MAX_JOINED = 1000;

/** What two readers of one bucket need together. */
export function bothNeeds(a: TallyNeed | undefined, b: TallyNeed): TallyNeed {
  const key = `${a ?? ''}|${b}`;
  let joined = joinedNeeds.get(key);
  if (joined === undefined) {
    joined = [...new Set([...partsOf(a), ...partsOf(b)])]
      .sort((x, y) => order(x) - order(y))
      .join(' ');
    if (joinedNeeds.size >= MAX_JOINED) joinedNeeds.clear();
    joinedNeeds.set(key, joined);
  }
  return joined;
}

/** The slots of an edge. */
export const EDGE_SLOTS = Array.from({ length: EDGE_MS / EDGE_SLOT_MS }, (_, slot) => slot);

/** The whole of a bucket: its counts and every slot of both edges (or its items). */
export const WHOLE: TallyNeed = bothNeeds(
  't',
  EDGE_SLOTS.flatMap((s) => [`0.${s}`, `1.${s}`]).join(' '),
);

/** Whether a need reads a bucket's counts (and items). */
export const needsCounts = (need: TallyNeed): boolean => partsOf(need).includes('t');

/** The slots of one edge (`0` start, `1` end) a need reads. */
export const neededSlots = (need: TallyNeed, edge: '0' | '1'): number[] =>
  partsOf(need)
    .filter((part) => part.startsWith(`${edge}.`))
    .map((part) => Number(part.slice(2)))
    .sort((a, b) => a - b);

// The slots of the edge starting at `edgeAt` holding instants of [from, to).
function slotsOver(edge: '0' | '1', edgeAt: number, from: number, to: number): string[] {
  const first = Math.floor((from - edgeAt) / EDGE_SLOT_MS);
  const last = Math.ceil((to - edgeAt) / EDGE_SLOT_MS) - 1;
  return EDGE_SLOTS.filter((slot) => slot >= first && slot <= last).map(
    (slot) => `${edge}.${slot}`,
  );
}

/**
 * The buckets `countsIn(…, start, end, quarters)` reads, by label (month, or quarter), with what
 * it reads of each.
 */
export function monthNeeds(start: Date, end: Date, quarters = false): Map<string, TallyNeed> {
  return new Map(
    monthCuts(start, end, quarters).map(
      ({ label, from, to, start: spanStart, end: spanEnd, cut }) => {
        const [atStart, atEnd] = [spanStart, spanEnd - EDGE_MS];
        if (cut === 'edges') {
          const [edge, at] = to - spanStart <= EDGE_MS ? (['0', atStart] as const) : ['1', atEnd];
          return [label, slotsOver(edge as '0' | '1', at, from, to).join(' ')];
        }
        const parts = [
          't',
          ...slotsOver('0', atStart, spanStart, from),
          ...slotsOver('1', atEnd, to, spanEnd),
        ];
        return [label, bothNeeds(undefined, parts.join(' '))];
      },
    ),
  );
}

/**
 * The counts of one tally family's buckets (by UTC month, or quarter with `quarters`: see
 * `monthCuts`) for the records whose instant lies in [start, end): whole buckets by their counts;
 * one cut at an instant near its edge (a local midnight in any time zone) by its counts less the
 * edge records outside, or by the edge records inside when only an edge is in the period. Zeros
 * left out.
 */
export function countsIn(
  bucketOf: (label: string) => RollupDoc | undefined,
  start: Date,
  end: Date,
  quarters = false,
): Map<string, number> {
  const total = new Map<string, number>();
  for (const { label, from, to, start: spanStart, end: spanEnd, cut } of monthCuts(
    start,
    end,
    quarters,
  )) {
    const doc = bucketOf(label);
    if (cut === 'edges') add(total, edgeCounts(doc, from, to));
    else add(total, flatCounts(doc?.t));
    if (cut === 'trimmed') {
      add(total, edgeCounts(doc, spanStart, from), -1);
      add(total, edgeCounts(doc, to, spanEnd), -1);
    }
  }
  for (const [path, n] of total) if (n === 0) total.delete(path);
  return total;
}
