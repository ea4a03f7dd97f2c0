import mongoose from 'mongoose';
import type { AnyBulkWriteOperation } from 'mongodb';
import {
  consequence,
  CONSEQUENCE_ORDER,
  registerConsequenceKind,
  type PendingConsequence,
} from '../consequences/consequence-kinds';
import {
  contextOf,
  contributionsOf,
  isTallyBucket,
  listsMonths,
  monthsId,
  projectionOf,
  rollupSources,
  type SourceRecord,
  type TallyContribution,
} from './rollup-families';
import { tallyUpdates } from './rollup-tally';
import {
  memberId,
  RollupMemberModel,
  RollupModel,
  type RollupDoc,
  type RollupMemberDoc,
} from './rollup.model';

// While a bulk load runs (see withRollupsRebuiltAfter), refreshes are skipped: it rebuilds after.
let deferrals = 0;

/** Skips rollup refreshes until the returned function is called (for a rebuild afterwards). */
export function deferRollupRefreshes(): () => void {
  deferrals += 1;
  return () => {
    deferrals -= 1;
  };
}

/** Values compare by their JSON (dates as ISO text), as stored and as recomputed. */
export const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

type BucketChange = { set: Record<string, unknown>; unset: Record<string, ''> };

function bucketParts(bucket: string) {
  const [family, branchCode, month] = bucket.split('|') as [string, string, string];
  return { family, branchCode, month };
}

/** One record's rollup change: what is counted now (and may be, after a stop), what should be. */
export type RecordChange = {
  recordId: string;
  before: Record<string, unknown>;
  /** Contributions of refreshes that may have stopped before their buckets were all written. */
  pending?: Record<string, unknown>[];
  after: Record<string, unknown>;
};

/** Keyed buckets (an account's follow-up instants): item values that others read on write. */
const isKeyed = (bucket: string) => !isTallyBucket(bucket) && !listsMonths(bucket);

/**
 * Whether a change touches a tally bucket, or a keyed bucket others read (it then needs its
 * `pending` note written first: what a stopped refresh may have counted, or shown to others).
 */
export function needsPendingNote({ before, pending = [], after }: RecordChange): boolean {
  const buckets = new Set([...Object.keys(before), ...Object.keys(after)]);
  for (const p of pending) for (const bucket of Object.keys(p)) buckets.add(bucket);
  return [...buckets].some(
    (bucket) =>
      (isTallyBucket(bucket) || isKeyed(bucket)) &&
      (pending.length > 0 || !sameValue(before[bucket] ?? null, after[bucket] ?? null)),
  );
}

const tallyOrNull = (map: Record<string, unknown>, bucket: string) =>
  (map[bucket] as TallyContribution | undefined) ?? null;

/**
 * The rollup writes that make the buckets agree with the records' current contributions, given
 * where each record was counted before (its membership): in item buckets every current value is
 * set (setting it again changes nothing) and every bucket the record left loses its entry; tally
 * buckets get conditional updates (see `rollup-tally`). Ordered: a bucket is created before a
 * conditional update needs it.
 */
export function rollupWrites(changes: RecordChange[]): AnyBulkWriteOperation<RollupDoc>[] {
  const byBucket = new Map<string, BucketChange>();
  const change = (bucket: string) => {
    const found = byBucket.get(bucket) ?? { set: {}, unset: {} };
    byBucket.set(bucket, found);
    return found;
  };
  const months = new Map<string, Set<string>>();
  const ensure = new Set<string>();
  const tallyWrites: AnyBulkWriteOperation<RollupDoc>[] = [];
  for (const { recordId, before, pending = [], after } of changes) {
    const tallyBuckets = new Set<string>();
    for (const map of [before, ...pending, after])
      for (const bucket of Object.keys(map)) if (isTallyBucket(bucket)) tallyBuckets.add(bucket);
    for (const bucket of tallyBuckets) {
      const candidates = [before, ...pending].map((map) => tallyOrNull(map, bucket));
      const updates = tallyUpdates(bucket, recordId, candidates, tallyOrNull(after, bucket));
      tallyWrites.push(...updates.writes);
      if (updates.ensure) ensure.add(bucket);
    }
    for (const bucket of Object.keys(before))
      if (!(bucket in after) && !isTallyBucket(bucket))
        change(bucket).unset[`items.${recordId}`] = '';
    for (const [bucket, value] of Object.entries(after)) {
      if (!isTallyBucket(bucket)) change(bucket).set[`items.${recordId}`] = value;
      if (!listsMonths(bucket)) continue;
      const { family, branchCode, month } = bucketParts(bucket);
      const id = monthsId(family, branchCode);
      months.set(id, (months.get(id) ?? new Set()).add(month));
    }
  }
  const writes: AnyBulkWriteOperation<RollupDoc>[] = [...ensure].map((bucket) => ({
    updateOne: { filter: { _id: bucket }, update: { $setOnInsert: { t: {} } }, upsert: true },
  }));
  writes.push(...tallyWrites);
  for (const [bucket, { set, unset }] of byBucket)
    writes.push({
      updateOne: {
        filter: { _id: bucket },
        update: {
          ...(Object.keys(set).length > 0 ? { $set: set } : {}),
          ...(Object.keys(unset).length > 0 ? { $unset: unset } : {}),
        },
        upsert: true,
      },
    });
  for (const [id, list] of months)
    writes.push({
      updateOne: {
        filter: { _id: id },
        update: { $addToSet: { months: { $each: [...list] } } },
        upsert: true,
      },
    });
  return writes;
}

/**
 * What must be brought up to date when records of a source change, before their memberships are
 * written (so that a refresh stopped before finds the same changes again): for a follow-up, the
 * compliance of its account's activations and closures near its old and new completion instants.
 */
export type RollupDependants = (changes: RecordChange[]) => Promise<void>;

const dependants = new Map<string, RollupDependants>();

/** Declares what depends on a source's contributions; once per source, at module load. */
export function registerRollupDependants(source: string, refresh: RollupDependants): void {
  if (dependants.has(source)) throw new Error(`rollup dependants of ${source} registered twice`);
  dependants.set(source, refresh);
}

const pick = (map: Record<string, unknown>, keep: (bucket: string) => boolean) =>
  Object.fromEntries(Object.entries(map).filter(([bucket]) => keep(bucket)));

/** The part of a change that concerns the buckets `keep` selects. */
function changeOf(change: RecordChange, keep: (bucket: string) => boolean): RecordChange {
  return {
    recordId: change.recordId,
    before: pick(change.before, keep),
    pending: (change.pending ?? []).map((p) => pick(p, keep)),
    after: pick(change.after, keep),
  };
}

async function writeBuckets(changes: RecordChange[]): Promise<void> {
  const writes = rollupWrites(changes);
  if (writes.length > 0)
    await RollupModel.collection.bulkWrite(writes as never[], { ordered: true });
}

/** Notes in the memberships what the buckets are about to hold (see `needsPendingNote`). */
async function notePending(source: string, changes: RecordChange[]): Promise<void> {
  const noted = changes.filter(needsPendingNote);
  if (noted.length === 0) return;
  await RollupMemberModel.collection.bulkWrite(
    noted.map(({ recordId, after }) => ({
      updateOne: {
        filter: { _id: memberId(source, recordId) } as never,
        update: { $push: { pending: after as never } },
        upsert: true,
      },
    })),
    { ordered: false },
  );
}

/**
 * Each record's change, from what its membership says was counted to what it contributes now,
 * with its pending note written and its keyed buckets (its account's follow-up instants) too.
 * A source whose families read a context (the account's completions) writes its keyed buckets
 * (its instants in the account's list) before it reads the context; a source whose keyed buckets
 * are that context (follow-ups) notes them as pending first, and its dependants refresh after
 * (see `registerRollupDependants`): so of two concurrent refreshes at least one sees the other,
 * and a refresh stopped after showing an instant to others still knows it.
 */
async function currentChanges(
  source: string,
  ids: unknown[],
  records: Map<string, SourceRecord>,
  before: (id: unknown) => RecordChange,
): Promise<RecordChange[]> {
  const change = (id: unknown, context?: unknown) => {
    const record = records.get(String(id));
    const after = Object.fromEntries(
      (record ? contributionsOf(source, record, context) : []).map((c) => [c.bucket, c.value]),
    );
    return { ...before(id), after };
  };
  const keyedWrites = (changes: RecordChange[]) =>
    writeBuckets(
      changes.map((c) => changeOf(c, isKeyed)).filter((c) => !sameValue(c.before, c.after)),
    );
  const context = contextOf(source);
  if (!context) {
    const changes = ids.map((id) => change(id));
    await notePending(source, changes);
    await keyedWrites(changes);
    return changes;
  }
  await keyedWrites(ids.map((id) => change(id)));
  const keyOf = (id: unknown) => {
    const record = records.get(String(id));
    return record ? context.keyOf(record) : null;
  };
  const keys = ids.map(keyOf).filter((key): key is string => key !== null);
  const found = await context.read([...new Set(keys)]);
  const changes = ids.map((id) => {
    const key = keyOf(id);
    return change(id, key === null ? undefined : found.get(key));
  });
  await notePending(source, changes);
  return changes;
}

/**
 * Brings the rollups of these records of `source` (a model name) up to date with the records as
 * stored now: reads them and their memberships by id; notes in the memberships what tally and
 * keyed buckets are about to hold (`pending`) and writes the keyed ones (see `currentChanges`);
 * refreshes what depends on them; writes the other buckets; then the new memberships.
 * Idempotent: a stop anywhere leaves memberships from which applying again reaches the same
 * state. A record that no longer exists leaves every bucket.
 */
export async function refreshRollups(source: string, recordIds: readonly unknown[]): Promise<void> {
  if (deferrals > 0) return;
  const ids = [...new Map(recordIds.map((id) => [String(id), id])).values()];
  if (ids.length === 0) return;
  const model = mongoose.model(source);
  const [records, members] = await Promise.all([
    model.collection
      .find({ _id: { $in: ids as never[] } }, { projection: projectionOf(source) })
      .toArray() as Promise<SourceRecord[]>,
    RollupMemberModel.collection
      .find({ _id: { $in: ids.map((id) => memberId(source, id)) } } as never)
      .toArray() as unknown as Promise<RollupMemberDoc[]>,
  ]);
  const recordBy = new Map(records.map((record) => [String(record._id), record]));
  const memberBy = new Map(members.map((member) => [member._id, member]));
  const before = (id: unknown): RecordChange => {
    const member = memberBy.get(memberId(source, id));
    return {
      recordId: String(id),
      before: member?.buckets ?? {},
      pending: member?.pending ?? [],
      after: {},
    };
  };
  const changes = await currentChanges(source, ids, recordBy, before);
  await dependants.get(source)?.(changes);
  await writeBuckets(changes.map((change) => changeOf(change, (bucket) => !isKeyed(bucket))));
  const moved = changes.filter(
    ({ before, pending, after }) => (pending?.length ?? 0) > 0 || !sameValue(before, after),
  );
  if (moved.length === 0) return;
  await RollupMemberModel.collection.bulkWrite(
    moved.map(({ recordId, after }) => ({
      updateOne: {
        filter: { _id: memberId(source, recordId) } as never,
        update: { $set: { buckets: after }, $unset: { pending: '' } },
        upsert: true,
      },
    })),
    { ordered: false },
  );
}

/** The pending consequence that refreshes the rollups of the record it is stored in. */
export const ROLLUP_KIND = 'rollup';

/** The rollup refresh of the record it is stored with (any model with rollup families). */
export function rollupConsequence(): PendingConsequence<null> {
  return consequence<null>(ROLLUP_KIND, null);
}

/**
 * The rollup refresh of a written record when the write changed what it contributes (as a record
 * of any source: the writer need not say which), else nothing: most writes (a ticket acknowledged,
 * an account renamed) leave the rollups as they are.
 */
export function rollupConsequences(
  branchCode: string,
  before: Record<string, unknown> | null | undefined,
  after: Record<string, unknown>,
): PendingConsequence[] {
  const of = (record: Record<string, unknown> | null | undefined, source: string) =>
    record ? contributionsOf(source, { _id: null, branchCode, ...record }) : [];
  const changed = rollupSources().some(
    (source) => !sameValue(of(before, source), of(after, source)),
  );
  return changed ? [rollupConsequence()] : [];
}

// After the record's derived fields (repeat faults) and before the events: the snapshot
// invalidation that follows may then recompute from rollups that already hold the write.
registerConsequenceKind<null>(ROLLUP_KIND, CONSEQUENCE_ORDER.stage + 5, async (due) => {
  const bySource = new Map<string, unknown[]>();
  for (const { recordId, source } of due)
    bySource.set(source, [...(bySource.get(source) ?? []), recordId]);
  for (const [source, ids] of bySource) await refreshRollups(source, ids);
});
