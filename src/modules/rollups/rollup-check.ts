import mongoose from 'mongoose';
import {
  contributionsOf,
  monthsId,
  projectionOf,
  rollupSources,
  type SourceRecord,
} from './rollup-families';
import {
  memberId,
  RollupMemberModel,
  RollupModel,
  type RollupDoc,
  type RollupMemberDoc,
} from './rollup.model';
import { deferRollupRefreshes, sameValue } from './rollup.service';

/** What the rollups should hold, recomputed from the records. */
export type ExpectedRollups = {
  buckets: Map<string, Map<string, unknown>>;
  members: Map<string, Record<string, unknown>>;
};

/** Recomputes every bucket and membership from the records (reads every source collection). */
export async function expectedRollups(): Promise<ExpectedRollups> {
  const buckets = new Map<string, Map<string, unknown>>();
  const members = new Map<string, Record<string, unknown>>();
  for (const source of rollupSources()) {
    const cursor = mongoose.model(source).collection.find({}, { projection: projectionOf(source) });
    for await (const record of cursor) {
      const contributions = contributionsOf(source, record as SourceRecord);
      if (contributions.length === 0) continue;
      const recordId = String(record._id);
      members.set(
        memberId(source, recordId),
        Object.fromEntries(contributions.map((c) => [c.bucket, c.value])),
      );
      for (const { bucket, value } of contributions) {
        const items = buckets.get(bucket) ?? new Map<string, unknown>();
        buckets.set(bucket, items.set(recordId, value));
      }
    }
  }
  return { buckets, members };
}

/** One disagreement between the stored rollups and the records. */
export type RollupDifference = { id: string; item?: string; stored: unknown; expected: unknown };

/**
 * Compares the stored rollups with a recomputation from the records: every bucket item, every
 * membership, and that each bucket's month is listed for its family and branch. Empty buckets and
 * extra listed months are not differences (a record that moved away leaves them behind).
 */
export async function checkRollups(): Promise<RollupDifference[]> {
  const expected = await expectedRollups();
  const differences: RollupDifference[] = [];
  const storedDocs = (await RollupModel.collection.find({}).toArray()) as unknown as RollupDoc[];
  const stored = new Map(storedDocs.map((doc) => [doc._id, doc]));
  const bucketIds = new Set([
    ...expected.buckets.keys(),
    ...storedDocs.filter((doc) => doc.items).map((doc) => doc._id),
  ]);
  for (const id of bucketIds) {
    const want = expected.buckets.get(id) ?? new Map<string, unknown>();
    const have = new Map(Object.entries(stored.get(id)?.items ?? {}));
    for (const item of new Set([...want.keys(), ...have.keys()])) {
      if (!sameValue(have.get(item), want.get(item)))
        differences.push({
          id,
          item,
          stored: have.get(item) ?? null,
          expected: want.get(item) ?? null,
        });
    }
    if (want.size > 0) {
      const [family, branchCode, month] = id.split('|') as [string, string, string];
      const listed = stored.get(monthsId(family, branchCode))?.months ?? [];
      if (!listed.includes(month))
        differences.push({ id: monthsId(family, branchCode), stored: listed, expected: month });
    }
  }
  const storedMembers = (await RollupMemberModel.collection
    .find({})
    .toArray()) as unknown as RollupMemberDoc[];
  const memberIds = new Set([...expected.members.keys(), ...storedMembers.map((m) => m._id)]);
  const storedMember = new Map(storedMembers.map((m) => [m._id, m.buckets ?? {}]));
  for (const id of memberIds) {
    const want = expected.members.get(id) ?? {};
    const have = storedMember.get(id) ?? {};
    if (!sameValue(have, want)) differences.push({ id, stored: have, expected: want });
  }
  return differences;
}

const REBUILD_BATCH = 1000;
// Marks a database whose rollups have been built (see ensureRollupsBuilt).
const BUILT = 'built';

/**
 * Replaces every rollup and membership by a recomputation from the records: after a bulk load
 * that bypassed the service, or to repair what the check reports. Run it while nothing writes.
 */
export async function rebuildRollups(): Promise<{ buckets: number; members: number }> {
  const { buckets, members } = await expectedRollups();
  await RollupModel.collection.deleteMany({ _id: { $ne: BUILT } } as never);
  await RollupMemberModel.collection.deleteMany({});
  const months = new Map<string, Set<string>>();
  const docs: RollupDoc[] = [...buckets].map(([id, items]) => {
    const [family, branchCode, month] = id.split('|') as [string, string, string];
    const key = monthsId(family, branchCode);
    months.set(key, (months.get(key) ?? new Set()).add(month));
    return { _id: id, items: Object.fromEntries(items) };
  });
  for (const [id, list] of months) docs.push({ _id: id, months: [...list].sort() });
  const memberDocs = [...members].map(([id, value]) => ({ _id: id, buckets: value }));
  for (let i = 0; i < docs.length; i += REBUILD_BATCH)
    await RollupModel.collection.insertMany(docs.slice(i, i + REBUILD_BATCH) as never[]);
  for (let i = 0; i < memberDocs.length; i += REBUILD_BATCH)
    await RollupMemberModel.collection.insertMany(
      memberDocs.slice(i, i + REBUILD_BATCH) as never[],
    );
  await RollupModel.collection.updateOne(
    { _id: BUILT } as never,
    { $set: { at: new Date() } },
    { upsert: true },
  );
  return { buckets: buckets.size, members: members.size };
}

/**
 * At start: builds the rollups once for a database that has never had them (records written by
 * an earlier version, or loaded past the service); later starts find the marker and do nothing.
 * Start the first instance of a new version alone: the build replaces what is there.
 */
export async function ensureRollupsBuilt(): Promise<{ buckets: number; members: number } | null> {
  if (await RollupModel.collection.findOne({ _id: BUILT } as never)) return null;
  return rebuildRollups();
}

/**
 * Runs a bulk load of many small writes (the demo data) without refreshing rollups write by
 * write, then rebuilds them from the records in one pass: the same result, a quarter fewer
 * database commands. Nothing else may write meanwhile (the rebuild replaces the rollups).
 */
export async function withRollupsRebuiltAfter(work: () => Promise<void>): Promise<void> {
  const resume = deferRollupRefreshes();
  try {
    await work();
  } finally {
    resume();
  }
  await rebuildRollups();
}
