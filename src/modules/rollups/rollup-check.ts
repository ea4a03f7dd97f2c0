import mongoose from 'mongoose';
import type { AnyBulkWriteOperation } from 'mongodb';
import {
  contextOf,
  contributionsOf,
  isTallyBucket,
  listsMonths,
  monthsId,
  projectionOf,
  rollupSources,
  edgeEntry,
  edgeKey,
  tallyIncrements,
  type Contribution,
  type SourceRecord,
  type TallyContribution,
} from './rollup-families';
import { flatCounts, sameValue } from './rollup-tally';
import {
  memberId,
  RollupMemberModel,
  RollupModel,
  type RollupDoc,
  type RollupMemberDoc,
} from './rollup.model';
import { deferRollupRefreshes } from './rollup.service';

/** One record's contributions, as recomputed from the records. */
type RecordContributions = { source: string; recordId: string; contributions: Contribution[] };

/** Every record's contributions, source by source, in batches (never all records at once). */
async function* countedBatches(size: number): AsyncGenerator<RecordContributions[]> {
  for (const source of rollupSources()) {
    const context = contextOf(source);
    const contexts = context ? await context.readAll() : new Map<string, unknown>();
    const contextOfRecord = (record: SourceRecord) => {
      const key = context?.keyOf(record) ?? null;
      return key === null ? undefined : contexts.get(key);
    };
    const cursor = mongoose
      .model(source)
      .collection.find({}, { projection: projectionOf(source), batchSize: size });
    let batch: RecordContributions[] = [];
    for await (const found of cursor) {
      const record = found as SourceRecord;
      const contributions = contributionsOf(source, record, contextOfRecord(record));
      if (contributions.length === 0) continue;
      batch.push({ source, recordId: String(record._id), contributions });
      if (batch.length >= size) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
  }
}

/** What one bucket should hold: item values, or counts and edge entries (and how many counted). */
type ExpectedBucket = {
  items: Map<string, unknown>;
  counts: Map<string, number>;
  edges: Map<string, unknown>;
  records: number;
};

const emptyBucket = (): ExpectedBucket => ({
  items: new Map(),
  counts: new Map(),
  edges: new Map(),
  records: 0,
});

function addTo(bucket: ExpectedBucket, id: string, recordId: string, value: unknown): void {
  if (!isTallyBucket(id)) {
    bucket.items.set(recordId, value);
    return;
  }
  const tally = value as TallyContribution;
  for (const [path, n] of tallyIncrements(tally))
    bucket.counts.set(path, (bucket.counts.get(path) ?? 0) + n);
  if (tally.at)
    bucket.edges.set(`${edgeKey(tally.at)}.${recordId}`, edgeEntry({ ...tally, at: tally.at }));
  bucket.records += 1;
}

/** What the rollups should hold, recomputed from the records. */
export type ExpectedRollups = {
  buckets: Map<string, ExpectedBucket>;
  members: Map<string, Record<string, unknown>>;
};

/** Recomputes every bucket and membership from the records (reads every source collection). */
export async function expectedRollups(): Promise<ExpectedRollups> {
  const buckets = new Map<string, ExpectedBucket>();
  const members = new Map<string, Record<string, unknown>>();
  for await (const batch of countedBatches(1000))
    for (const { source, recordId, contributions } of batch) {
      members.set(
        memberId(source, recordId),
        Object.fromEntries(contributions.map((c) => [c.bucket, c.value])),
      );
      for (const { bucket, value } of contributions) {
        const expected = buckets.get(bucket) ?? emptyBucket();
        buckets.set(bucket, expected);
        addTo(expected, bucket, recordId, value);
      }
    }
  return { buckets, members };
}

/** One disagreement between the stored rollups and the records. */
export type RollupDifference = { id: string; item?: string; stored: unknown; expected: unknown };

function compareMaps(
  id: string,
  prefix: string,
  have: ReadonlyMap<string, unknown>,
  want: ReadonlyMap<string, unknown>,
): RollupDifference[] {
  const differences: RollupDifference[] = [];
  for (const item of new Set([...want.keys(), ...have.keys()]))
    if (!sameValue(have.get(item), want.get(item)))
      differences.push({
        id,
        item: `${prefix}${item}`,
        stored: have.get(item) ?? null,
        expected: want.get(item) ?? null,
      });
  return differences;
}

/** A bucket's stored edge entries by `<edge field>.<slot>.<record id>`. */
const storedEdges = (doc: RollupDoc | undefined) =>
  new Map(
    (['e0', 'e1'] as const).flatMap((field) =>
      Object.entries(doc?.[field] ?? {}).flatMap(([slot, entries]) =>
        Object.entries(entries).map(([id, entry]) => [`${field}.${slot}.${id}`, entry]),
      ),
    ),
  );

function bucketDifferences(id: string, doc: RollupDoc | undefined, want: ExpectedBucket) {
  if (!isTallyBucket(id))
    return compareMaps(id, '', new Map(Object.entries(doc?.items ?? {})), want.items);
  return [
    ...compareMaps(id, 't.', flatCounts(doc?.t), want.counts),
    ...compareMaps(id, '', storedEdges(doc), want.edges),
  ];
}

/**
 * Compares the stored rollups with a recomputation from the records: every bucket item (or count
 * and edge entry), every membership, and that each bucket's month is listed for its family and
 * branch. Empty buckets and extra listed months are not differences (a record that moved away
 * leaves them behind); a membership still holding a claim in flight is one. A tally bucket's
 * markers (`ops`) are not compared: a refresh stopped after its memberships may leave one behind,
 * which changes no count (the next write of the bucket removes it).
 */
export async function checkRollups(): Promise<RollupDifference[]> {
  const expected = await expectedRollups();
  const differences: RollupDifference[] = [];
  const storedDocs = (await RollupModel.collection.find({}).toArray()) as unknown as RollupDoc[];
  const stored = new Map(storedDocs.map((doc) => [doc._id, doc]));
  const bucketIds = new Set([
    ...expected.buckets.keys(),
    ...storedDocs.filter((doc) => doc.items || doc.t).map((doc) => doc._id),
  ]);
  for (const id of bucketIds) {
    const want = expected.buckets.get(id) ?? emptyBucket();
    differences.push(...bucketDifferences(id, stored.get(id), want));
    if (listsMonths(id) && want.items.size + want.records > 0) {
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
  const storedMember = new Map(storedMembers.map((m) => [m._id, m]));
  for (const id of memberIds) {
    const want = expected.members.get(id) ?? {};
    const have = storedMember.get(id);
    if (!sameValue(have?.buckets ?? {}, want))
      differences.push({ id, stored: have?.buckets ?? {}, expected: want });
    if (have?.pending)
      differences.push({ id, item: 'pending', stored: have.pending, expected: [] });
  }
  return differences;
}

const REBUILD_BATCH = 5000;
// Marks a database whose rollups have been built (see ensureRollupsBuilt), with their format:
// version 18 keeps an account's coverage edge value as one string; 17 keeps the tickets' exact repair minutes in a family of their own (`repairMinutes`); 16 keeps a tally bucket's edge entries as one string each; 15 sums survey responses' CS scores exactly (no key per score triple); 14 sums tickets' acknowledgement times exactly (no key per minute); 13 sums activations' lateness exactly (no key per minute); 12 counts survey responses' NPS and attribute scores apart from the CS scores; 11 keeps
// edge entries by the hour of the edge they lie in; 10 also counts the scorecard's tickets, closures, activations and responses per UTC
// quarter; 9 keeps a tally bucket's edge entries by the edge they lie at (`e0`, `e1`); 8 decides follow-up coverage per account and UTC quarter and counts accounts by month
// (no account list, no completions by account); 7 counts repair minutes per range with exact sums (weighted paths); 6 also keeps a ledger of overdue orders by month per branch; 5 counts overdue orders by the instants they became and stopped being overdue; 4
// counts follow-up compliance and coverage in tallies and keeps each account's follow-up
// instants; 3 keeps tally buckets without per-record signatures, under versions (claims, see
// `rollup-tally`); 2 counted tickets and lateness in tallies; 1 kept a value per record.
const BUILT = 'built';
const FORMAT = 18;

// One update per bucket a batch of records contributes to: item values set, counts added.
function batchWrites(batch: RecordContributions[], months: Map<string, Set<string>>) {
  const updates = new Map<string, { set: Record<string, unknown>; inc: Record<string, number> }>();
  for (const { recordId, contributions } of batch)
    for (const { bucket, value } of contributions) {
      const update = updates.get(bucket) ?? { set: {}, inc: {} };
      updates.set(bucket, update);
      const [family, branchCode, month] = bucket.split('|') as [string, string, string];
      const key = monthsId(family, branchCode);
      if (listsMonths(bucket)) months.set(key, (months.get(key) ?? new Set()).add(month));
      if (!isTallyBucket(bucket)) {
        update.set[`items.${recordId}`] = value;
        continue;
      }
      const tally = value as TallyContribution;
      for (const [path, n] of tallyIncrements(tally))
        update.inc[`t.${path}`] = (update.inc[`t.${path}`] ?? 0) + n;
      update.set.v = 1;
      if (tally.at)
        update.set[`${edgeKey(tally.at)}.${recordId}`] = edgeEntry({ ...tally, at: tally.at });
    }
  return [...updates].map(([bucket, { set, inc }]): AnyBulkWriteOperation<RollupDoc> => ({
    updateOne: {
      filter: { _id: bucket },
      update: { $set: set, ...(Object.keys(inc).length > 0 ? { $inc: inc } : {}) },
      upsert: true,
    },
  }));
}

/**
 * Replaces every rollup and membership by a recomputation from the records: after a bulk load
 * that bypassed the service, or to repair what the check reports. Streams the records in batches
 * (one bulk write of memberships and one of bucket updates per batch), so memory holds a batch,
 * not the database. Run it while nothing writes.
 */
export async function rebuildRollups(): Promise<{ buckets: number; members: number }> {
  await RollupModel.collection.deleteMany({ _id: { $ne: BUILT } } as never);
  await RollupMemberModel.collection.deleteMany({});
  const months = new Map<string, Set<string>>();
  let members = 0;
  for await (const batch of countedBatches(REBUILD_BATCH)) {
    await RollupMemberModel.collection.insertMany(
      batch.map(({ source, recordId, contributions }) => ({
        _id: memberId(source, recordId),
        buckets: Object.fromEntries(contributions.map((c) => [c.bucket, c.value])),
        v: 1,
      })) as never[],
      { ordered: false },
    );
    await RollupModel.collection.bulkWrite(batchWrites(batch, months) as never[], {
      ordered: false,
    });
    members += batch.length;
  }
  const monthDocs = [...months].map(([id, list]) => ({ _id: id, months: [...list].sort() }));
  if (monthDocs.length > 0) await RollupModel.collection.insertMany(monthDocs as never[]);
  await RollupModel.collection.updateOne(
    { _id: BUILT } as never,
    { $set: { at: new Date(), version: FORMAT } },
    { upsert: true },
  );
  const buckets = [...months.values()].reduce((total, list) => total + list.size, 0);
  return { buckets, members };
}

/**
 * At start: builds the rollups once for a database that has never had them in this format
 * (records written by an earlier version, or loaded past the service); later starts find the
 * marker and do nothing. Start the first instance of a new version alone: the build replaces
 * what is there.
 */
export async function ensureRollupsBuilt(): Promise<{ buckets: number; members: number } | null> {
  const built = await RollupModel.collection.findOne({ _id: BUILT } as never);
  if (built?.version === FORMAT) return null;
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
