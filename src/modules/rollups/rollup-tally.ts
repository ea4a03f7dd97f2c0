import { createHash } from 'node:crypto';
import type { AnyBulkWriteOperation } from 'mongodb';
import { EDGE_MS, type TallyContribution } from './rollup-families';
import type { NestedCounts, RollupDoc } from './rollup.model';

/**
 * Exactly-once counting without transactions. A tally bucket keeps, per record, the signature of
 * the contribution it counted (`g.<record id>`), and every change is one conditional update of the
 * bucket: "if it counted contribution X for this record, take X's counts away, add Y's and note Y".
 * Applied twice, the second finds Y noted and changes nothing. The writer must know X: the
 * record's membership says what was counted, and `pending` (written before the buckets) what a
 * refresh that may have stopped half-way was counting instead; one update per such candidate,
 * and at most one of them matches.
 */

/** The signature of a contribution, as a bucket notes it. */
export function signature(value: TallyContribution): string {
  return createHash('sha1').update(JSON.stringify(value)).digest('base64url').slice(0, 16);
}

const sig = (value: TallyContribution | null) => (value === null ? null : signature(value));

/** The update taking a bucket from counting `from` for a record (null: nothing) to `to`. */
export function tallyTransition(
  bucket: string,
  recordId: string,
  from: TallyContribution | null,
  to: TallyContribution | null,
): AnyBulkWriteOperation<RollupDoc> {
  const delta = new Map<string, number>();
  for (const path of from?.k ?? []) delta.set(path, (delta.get(path) ?? 0) - 1);
  for (const path of to?.k ?? []) delta.set(path, (delta.get(path) ?? 0) + 1);
  const inc = Object.fromEntries(
    [...delta].filter(([, n]) => n !== 0).map(([path, n]) => [`t.${path}`, n]),
  );
  const set: Record<string, unknown> = {};
  const unset: Record<string, ''> = {};
  if (to === null) Object.assign(unset, { [`g.${recordId}`]: '', [`e.${recordId}`]: '' });
  else set[`g.${recordId}`] = signature(to);
  if (to?.at) set[`e.${recordId}`] = { k: to.k, at: to.at };
  else if (to !== null) unset[`e.${recordId}`] = '';
  const update = {
    ...(Object.keys(inc).length > 0 ? { $inc: inc } : {}),
    ...(Object.keys(set).length > 0 ? { $set: set } : {}),
    ...(Object.keys(unset).length > 0 ? { $unset: unset } : {}),
  };
  const guard = from === null ? { $exists: false } : signature(from);
  return { updateOne: { filter: { _id: bucket, [`g.${recordId}`]: guard } as never, update } };
}

/**
 * The updates bringing one tally bucket to count `to` for a record, whichever of the candidate
 * contributions it counts now (what the membership says, and each pending one), plus whether the
 * bucket must exist first (a candidate is "nothing counted").
 */
export function tallyUpdates(
  bucket: string,
  recordId: string,
  candidates: readonly (TallyContribution | null)[],
  to: TallyContribution | null,
): { writes: AnyBulkWriteOperation<RollupDoc>[]; ensure: boolean } {
  const target = sig(to);
  const distinct = new Map(candidates.map((c) => [sig(c), c]));
  distinct.delete(target);
  const writes = [...distinct.values()].map((from) => tallyTransition(bucket, recordId, from, to));
  return { writes, ensure: to !== null && distinct.has(null) };
}

/** Whether a count path node is a count (a leaf). */
const isCount = (node: number | NestedCounts): node is number => typeof node === 'number';

/** The counts of a tally bucket as a flat map (path → count), zeros left out. */
export function flatCounts(counts: NestedCounts | undefined, prefix = ''): Map<string, number> {
  const flat = new Map<string, number>();
  for (const [segment, node] of Object.entries(counts ?? {})) {
    const path = prefix === '' ? segment : `${prefix}.${segment}`;
    if (isCount(node)) {
      if (node !== 0) flat.set(path, node);
    } else for (const [inner, n] of flatCounts(node, path)) flat.set(inner, n);
  }
  return flat;
}

function add(into: Map<string, number>, counts: Map<string, number>, sign = 1): void {
  for (const [path, n] of counts) into.set(path, (into.get(path) ?? 0) + sign * n);
}

function edgeCounts(doc: RollupDoc | undefined, from: number, to: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { k, at } of Object.values(doc?.e ?? {}))
    if (at.getTime() >= from && at.getTime() < to)
      for (const path of k) counts.set(path, (counts.get(path) ?? 0) + 1);
  return counts;
}

/**
 * The counts of one tally family's buckets (by UTC month) for the records whose instant lies in
 * [start, end): whole months by their counts; a month cut at an instant near its edge (a local
 * midnight in any time zone) by its counts less the edge records outside, or by the edge records
 * inside when only an edge is in the period. Zeros left out.
 */
export function countsIn(
  bucketOf: (month: string) => RollupDoc | undefined,
  start: Date,
  end: Date,
): Map<string, number> {
  const total = new Map<string, number>();
  const cursor = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), 1));
  while (cursor < end) {
    const monthStart = cursor.getTime();
    cursor.setUTCMonth(cursor.getUTCMonth() + 1);
    const monthEnd = cursor.getTime();
    const doc = bucketOf(new Date(monthStart).toISOString().slice(0, 7));
    const [from, to] = [Math.max(start.getTime(), monthStart), Math.min(end.getTime(), monthEnd)];
    if (from === monthStart && to === monthEnd) add(total, flatCounts(doc?.t));
    else if (to - monthStart <= EDGE_MS || monthEnd - from <= EDGE_MS)
      add(total, edgeCounts(doc, from, to));
    else if (from - monthStart <= EDGE_MS && monthEnd - to <= EDGE_MS) {
      add(total, flatCounts(doc?.t));
      add(total, edgeCounts(doc, monthStart, from), -1);
      add(total, edgeCounts(doc, to, monthEnd), -1);
    } else throw new RangeError(`tally buckets cannot be cut at ${new Date(from).toISOString()}`);
  }
  for (const [path, n] of total) if (n === 0) total.delete(path);
  return total;
}
