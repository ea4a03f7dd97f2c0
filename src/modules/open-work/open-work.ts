import mongoose, { Schema, Types, type Model, type mongo } from 'mongoose';
import { findByIdsInScope } from '../access/by-ids';
import { scopedBranch, systemScope, type Scope } from '../access/scope';
import { BranchModel } from '../branches/branch.model';
import {
  consequence,
  CONSEQUENCE_ORDER,
  registerConsequenceKind,
  type PendingConsequence,
} from '../consequences/consequence-kinds';
import { journeySources, type JourneySource } from '../journey/journey-registry';

/**
 * Per record kind × branch, one document naming the branch's open records of that kind (`_id` =
 * "<typename>:<branchCode>", record id → 1), kept by the `openWorkEntry` consequence of each write
 * of such a record. The open-work lists (open orders and tickets, at-risk tickets, open complaints,
 * visits due) read one document per branch and then the records by bare `_id $in`.
 *
 * Stand-in: mongo-java-server answers `{ branchCode, status }` by scanning every record of the
 * kind, however it is indexed; on MongoDB the `{ branchCode, status }` indexes serve the same
 * lists, and this document only saves the reads.
 */
type OpenWork = {
  _id: string;
  ids: Record<string, 1>;
  /** Every open record of the kind and branch is named (set by the one-time build). */
  complete?: boolean;
};

const schema = new Schema<OpenWork>(
  {
    _id: { type: String, required: true },
    ids: { type: Object, default: {} },
    complete: { type: Boolean, default: false },
  },
  { versionKey: false, minimize: false },
);

export const OpenWorkModel =
  (mongoose.models.OpenWork as Model<OpenWork> | undefined) ??
  mongoose.model<OpenWork>('OpenWork', schema, 'openwork');

// The driver's collection, typed by its string `_id` (mongoose types `collection` by ObjectId ids).
const openWork = () => OpenWorkModel.collection as unknown as mongo.Collection<OpenWork>;

type OpenSource = JourneySource & Required<Pick<JourneySource, 'isOpen' | 'openFilter'>>;
type Listed = { _id: Types.ObjectId; branchCode: string; status?: unknown };

const keyOf = (typename: string, branchCode: string) => `${typename}:${branchCode}`;

/** The kind whose open records are kept, by GraphQL type or model name. */
function openSource(name: string): OpenSource | undefined {
  const source = journeySources().find((s) => s.typename === name || s.model.modelName === name);
  return source?.isOpen && source.openFilter ? (source as OpenSource) : undefined;
}

/** Entries set or removed as the records are now (idempotent: replays change nothing), one
 * update per kind and branch. */
async function nameOpenRecords(source: OpenSource, records: readonly Listed[]): Promise<void> {
  const byKey = new Map<string, { $set: Record<string, 1>; $unset: Record<string, ''> }>();
  for (const record of records) {
    const key = keyOf(source.typename, record.branchCode);
    const update = byKey.get(key) ?? { $set: {}, $unset: {} };
    if (source.isOpen(record)) update.$set[`ids.${String(record._id)}`] = 1;
    else update.$unset[`ids.${String(record._id)}`] = '';
    byKey.set(key, update);
  }
  const writes = [...byKey].map(([key, update]) => {
    const opens = Object.keys(update.$set).length > 0;
    const closes = Object.keys(update.$unset).length > 0;
    return {
      updateOne: {
        filter: { _id: key },
        update: {
          ...(opens ? { $set: update.$set } : {}),
          ...(closes ? { $unset: update.$unset } : {}),
        },
        upsert: opens,
      },
    };
  });
  if (writes.length > 0) await openWork().bulkWrite(writes, { ordered: false });
}

const projection = { branchCode: 1, status: 1 };

// The applier reads the records as they are when it runs (bare `_id $in`), so a replay or a
// sweep that runs after a later write of the same record cannot bring back an older state.
registerConsequenceKind<null>('openWorkEntry', CONSEQUENCE_ORDER.derived + 2, async (due) => {
  const bySource = new Map<OpenSource, Types.ObjectId[]>();
  for (const { source: modelName, recordId } of due) {
    const source = openSource(modelName);
    if (source) bySource.set(source, [...(bySource.get(source) ?? []), recordId as Types.ObjectId]);
  }
  for (const [source, ids] of bySource) {
    const records = (await source.model.collection
      .find({ _id: { $in: ids } }, { projection })
      .toArray()) as Listed[];
    await nameOpenRecords(source, records);
  }
});

/**
 * The naming (or un-naming) of a record in its branch's open work, to store with each write that
 * may open or close it (none for a kind whose open records are not kept).
 */
export function openWorkConsequences(model: { modelName: string }): PendingConsequence<null>[] {
  return openSource(model.modelName) ? [consequence<null>('openWorkEntry', null)] : [];
}

// A kind and branch never built: its open records are read once by filter (the scan this
// document saves afterwards), named, and the document marked complete. A write racing the build
// can only leave an entry for a record that is no longer open, which readers skip.
async function build(source: OpenSource, branchCode: string): Promise<void> {
  const records = (await source.model.collection
    .find({ branchCode, ...source.openFilter }, { projection })
    .toArray()) as Listed[];
  await nameOpenRecords(source, records);
  await openWork().updateOne(
    { _id: keyOf(source.typename, branchCode) },
    { $set: { complete: true } },
    { upsert: true },
  );
}

/** The branches a list covers: the one asked for, else every branch the scope reads. */
async function branchesOf(scope: Scope, branchCode?: string | null): Promise<string[]> {
  const scoped = scopedBranch(scope);
  if (branchCode) return scoped === null || scoped === branchCode ? [branchCode] : [];
  if (scoped !== null) return [scoped];
  const branches = await BranchModel.find(
    {},
    { code: 1 },
    { scope: systemScope('open-work') },
  ).lean<{ code: string }[]>();
  return branches.map((branch) => branch.code);
}

/**
 * The open records of a kind in the scope (of one branch when `branchCode` is given), read by
 * `_id` only. An entry whose record is no longer open there is skipped, not removed: a read
 * cannot tell it from a record reopened since, whose entry it would then lose.
 */
export async function openRecordsInScope<T extends Listed>(
  typename: string,
  scope: Scope,
  branchCode?: string | null,
): Promise<T[]> {
  const source = openSource(typename);
  if (!source) throw new Error(`open records of ${typename} are not kept`);
  const branches = await branchesOf(scope, branchCode);
  const keys = branches.map((code) => keyOf(typename, code));
  let docs = await openWork()
    .find({ _id: { $in: keys } })
    .toArray();
  const unbuilt = branches.filter(
    (code) => !docs.some((doc) => doc._id === keyOf(typename, code) && doc.complete),
  );
  if (unbuilt.length > 0) {
    for (const code of unbuilt) await build(source, code);
    docs = await openWork()
      .find({ _id: { $in: keys } })
      .toArray();
  }
  const branchOf = new Map(
    docs.flatMap((doc) =>
      Object.keys(doc.ids ?? {}).map((id) => [id, doc._id.slice(typename.length + 1)]),
    ),
  );
  const records = await findByIdsInScope<T>(source.model, scope, [...branchOf.keys()]);
  return records.filter(
    (record) => source.isOpen(record) && branchOf.get(String(record._id)) === record.branchCode,
  );
}

/**
 * Open records missing from their branch's complete open-work document (for the kept-lists
 * check). An entry whose record is no longer open is not a difference: readers skip it.
 */
export async function openWorkDifferences(): Promise<
  { id: string; item: string; stored: unknown; expected: unknown }[]
> {
  const complete = new Map<string, Set<string>>();
  for await (const doc of openWork().find({ complete: true })) {
    complete.set(doc._id, new Set(Object.keys(doc.ids ?? {})));
  }
  const differences = [];
  for (const source of journeySources()) {
    const open = openSource(source.typename);
    if (!open) continue;
    for await (const record of open.model.collection.find(open.openFilter, { projection })) {
      const key = keyOf(open.typename, String(record.branchCode));
      const listed = complete.get(key);
      if (listed && !listed.has(String(record._id))) {
        differences.push({ id: key, item: String(record._id), stored: null, expected: 1 });
      }
    }
  }
  return differences;
}
