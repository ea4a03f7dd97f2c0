import mongoose, { Schema, Types, type Model, type mongo } from 'mongoose';
import { writeAsCurrent } from '../../db/write-as-current';
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
import { addToGroup } from '../../shared/groups';

/**
 * Per record kind × branch, one document naming the branch's open records of that kind (`_id` =
 * "<typename>:<branchCode>", record id → 1), kept by the `openWorkEntry` consequence of each write
 * of such a record. The open-work lists (open orders and tickets, at-risk tickets, open complaints,
 * visits due) read one document per branch and then the records by bare `_id $in`.
 *
 * A kind whose open records pile up without bound (visits: every closed ticket and activated
 * order schedules one, and an import of history leaves them all due) is split by a part of the
 * record (visits: the UTC month they are due): the branch's document then only names its parts
 * (`parts`, part → 1) and each part's document (`<typename>:<branchCode>:<part>`) names its open
 * records, so no document and no write holds every open visit of a branch (a province's history
 * would pass MongoDB's 16 MB document limit), and a due list reads only the months before its end.
 *
 * Stand-in: mongo-java-server answers `{ branchCode, status }` by scanning every record of the
 * kind, however it is indexed; on MongoDB the `{ branchCode, status }` indexes serve the same
 * lists, and this document only saves the reads.
 */
type OpenWork = {
  _id: string;
  ids?: Record<string, 1>;
  /** Of a split kind's branch document: its parts that have (or had) entries. */
  parts?: Record<string, 1>;
  /** Every open record of the kind and branch is named (set by the one-time build). */
  complete?: boolean;
  /** Of a split kind's branch document: the build named its records in parts (see LAYOUT). */
  layout?: number;
};

const schema = new Schema<OpenWork>(
  {
    _id: { type: String, required: true },
    ids: { type: Object },
    parts: { type: Object },
    complete: { type: Boolean, default: false },
    layout: { type: Number },
  },
  { versionKey: false, minimize: false },
);

export const OpenWorkModel =
  (mongoose.models.OpenWork as Model<OpenWork> | undefined) ??
  mongoose.model<OpenWork>('OpenWork', schema, 'openwork');

// The driver's collection, typed by its string `_id` (mongoose types `collection` by ObjectId ids).
const openWork = () => OpenWorkModel.collection as unknown as mongo.Collection<OpenWork>;

type OpenSource = JourneySource & Required<Pick<JourneySource, 'isOpen' | 'openFilter'>>;
type Listed = { _id: Types.ObjectId; branchCode: string; status?: unknown; dueAt?: Date };

const keyOf = (typename: string, branchCode: string) => `${typename}:${branchCode}`;
const partKeyOf = (key: string, part: string) => `${key}:${part}`;

/** How a split kind's open records are parted: the field read and the part of a record. */
type Split = { field: string; partOf(record: Listed): string; partsUpTo(end: Date): string };

// Parts are UTC months (`2026-03`): they sort as strings, and a due list before an instant needs
// the months up to the instant's.
const monthOf = (at: Date) => new Date(at).toISOString().slice(0, 7);

const SPLITS: Record<string, Split> = {
  FollowUp: { field: 'dueAt', partOf: (record) => monthOf(record.dueAt!), partsUpTo: monthOf },
};

/**
 * Layout of a split kind's branch document: one built before the kind was split names its
 * records itself (`ids`); it is built again, into parts.
 */
const LAYOUT = 2;

/** The kind whose open records are kept, by GraphQL type or model name. */
function openSource(name: string): OpenSource | undefined {
  const source = journeySources().find((s) => s.typename === name || s.model.modelName === name);
  return source?.isOpen && source.openFilter ? (source as OpenSource) : undefined;
}

type Update = { $set: Record<string, 1>; $unset: Record<string, ''> };

/** Entries set or removed as the records are now (idempotent: replays change nothing), one
 * update per kind and branch (of a split kind: per part, and the branch's list of its parts). */
async function nameOpenRecords(source: OpenSource, records: readonly Listed[]): Promise<void> {
  const split = SPLITS[source.typename];
  const byKey = new Map<string, Update>();
  const updateOf = (key: string) => {
    const update = byKey.get(key) ?? { $set: {}, $unset: {} };
    byKey.set(key, update);
    return update;
  };
  for (const record of records) {
    const branchKey = keyOf(source.typename, record.branchCode);
    const part = split?.partOf(record);
    const key = part === undefined ? branchKey : partKeyOf(branchKey, part);
    if (source.isOpen(record)) {
      if (part !== undefined) updateOf(branchKey).$set[`parts.${part}`] = 1;
      updateOf(key).$set[`ids.${String(record._id)}`] = 1;
    } else updateOf(key).$unset[`ids.${String(record._id)}`] = '';
  }
  // A branch's document sorts before its parts' ("K" < "K:part"): written in this order, a stop
  // between them leaves a part named but without its entry (until the consequence, still
  // pending, is applied again), never an entry in a part no reader reaches.
  const writes = [...byKey]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([key, update]) => {
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
  if (writes.length > 0) await openWork().bulkWrite(writes, { ordered: split !== undefined });
}

const projectionOf = (source: OpenSource) => ({
  branchCode: 1,
  status: 1,
  ...(SPLITS[source.typename] ? { [SPLITS[source.typename]!.field]: 1 } : {}),
});

const readListed =
  (source: OpenSource) =>
  async (ids: Types.ObjectId[]): Promise<Listed[]> =>
    (await source.model.collection
      .find({ _id: { $in: ids } }, { projection: projectionOf(source) })
      .toArray()) as Listed[];

/**
 * Names or un-names records of a kind as read, then as they are when read again (see
 * `writeAsCurrent`): an un-naming from a read before a reopening cannot outlast its naming.
 */
export async function nameAsRead(typename: string, records: readonly Listed[]): Promise<void> {
  const source = openSource(typename)!;
  const part = SPLITS[source.typename]?.partOf;
  await writeAsCurrent(records, {
    read: readListed(source),
    write: (changed) => nameOpenRecords(source, changed),
    stateOf: (record) => (source.isOpen(record) ? `open ${part?.(record) ?? ''}` : 'closed'),
  });
}

// The applier reads the records as they are when it runs (bare `_id $in`), so a replay or a
// sweep that runs after a later write of the same record cannot bring back an older state.
registerConsequenceKind<null>('openWorkEntry', CONSEQUENCE_ORDER.derived + 2, async (due) => {
  const bySource = new Map<OpenSource, Types.ObjectId[]>();
  for (const { source: modelName, recordId } of due) {
    const source = openSource(modelName);
    if (source) addToGroup(bySource, source, recordId as Types.ObjectId);
  }
  for (const [source, ids] of bySource) {
    await nameAsRead(source.typename, await readListed(source)(ids));
  }
});

/**
 * The naming (or un-naming) of a record in its branch's open work, to store with each write that
 * may open or close it (none for a kind whose open records are not kept). A record `created` not
 * open has none: it was never named, and a later write that opens it stores its own (an import of
 * closed history skips a read of its records and a write per batch).
 */
export function openWorkConsequences(
  model: { modelName: string },
  created?: { status?: unknown },
): PendingConsequence<null>[] {
  const source = openSource(model.modelName);
  if (!source || (created && !source.isOpen(created))) return [];
  return [consequence<null>('openWorkEntry', null)];
}

// A kind and branch never built: its open records are read once by filter (the scan this
// document saves afterwards), named, and the document marked complete. A write racing the build
// can only leave an entry for a record that is no longer open, which readers skip. A split kind's
// document built before the split loses its own entries (its parts name them now).
async function build(source: OpenSource, branchCode: string): Promise<void> {
  const records = (await source.model.collection
    .find({ branchCode, ...source.openFilter }, { projection: projectionOf(source) })
    .toArray()) as Listed[];
  await nameOpenRecords(source, records);
  const split = SPLITS[source.typename] !== undefined;
  await openWork().updateOne(
    { _id: keyOf(source.typename, branchCode) },
    split
      ? { $set: { complete: true, layout: LAYOUT }, $unset: { ids: '' } }
      : { $set: { complete: true } },
    { upsert: true },
  );
}

const isBuilt = (typename: string, doc: OpenWork | undefined) =>
  doc?.complete === true && (!SPLITS[typename] || doc.layout === LAYOUT);

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

/** Where each listed record id was found: the branch, and the parts for a split kind (a moved
 * record may be left named in the part it moved out of). */
type Where = { branchCode: string; parts: Set<string> };

// The branches' documents (built first where not), then a split kind's parts (up to `end`).
async function listedIn(
  source: OpenSource,
  branches: readonly string[],
  end: Date | null,
): Promise<Map<string, Where>> {
  const { typename } = source;
  const keys = branches.map((code) => keyOf(typename, code));
  const read = (ids: string[]) =>
    openWork()
      .find({ _id: { $in: ids } })
      .toArray();
  let docs = await read(keys);
  const built = (code: string) =>
    isBuilt(
      typename,
      docs.find((doc) => doc._id === keyOf(typename, code)),
    );
  const unbuilt = branches.filter((code) => !built(code));
  if (unbuilt.length > 0) {
    for (const code of unbuilt) await build(source, code);
    docs = await read(keys);
  }
  const branchOf = (doc: OpenWork) => doc._id.slice(typename.length + 1);
  const split = SPLITS[typename];
  const where = new Map<string, Where>();
  if (!split) {
    for (const doc of docs)
      for (const id of Object.keys(doc.ids ?? {}))
        where.set(id, { branchCode: branchOf(doc), parts: new Set() });
    return where;
  }
  const last = end ? split.partsUpTo(end) : null;
  const partKeys = docs.flatMap((doc) =>
    Object.keys(doc.parts ?? {})
      .filter((part) => last === null || part <= last)
      .map((part) => partKeyOf(doc._id, part)),
  );
  const parts = partKeys.length > 0 ? await read(partKeys) : [];
  for (const doc of parts) {
    const at = doc._id.lastIndexOf(':');
    const branchCode = doc._id.slice(typename.length + 1, at);
    for (const id of Object.keys(doc.ids ?? {})) {
      const found = where.get(id) ?? { branchCode, parts: new Set<string>() };
      where.set(id, found);
      found.parts.add(doc._id.slice(at + 1));
    }
  }
  return where;
}

/**
 * The open records of a kind in the scope (of one branch when `branchCode` is given), read by
 * `_id` only; of a split kind, those of the parts up to `end` when given (visits due before it).
 * An entry whose record is no longer open there (or, split, no longer in that part) is skipped,
 * not removed: a read cannot tell it from a record reopened (or moved back) since, whose entry it
 * would then lose.
 */
export async function openRecordsInScope<T extends Listed>(
  typename: string,
  scope: Scope,
  branchCode?: string | null,
  end: Date | null = null,
): Promise<T[]> {
  const source = openSource(typename);
  if (!source) throw new Error(`open records of ${typename} are not kept`);
  const where = await listedIn(source, await branchesOf(scope, branchCode), end);
  const records = await findByIdsInScope<T>(source.model, scope, [...where.keys()]);
  const split = SPLITS[typename];
  return records.filter((record) => {
    const listed = where.get(String(record._id));
    return (
      source.isOpen(record) &&
      listed?.branchCode === record.branchCode &&
      (!split || listed.parts.has(split.partOf(record)))
    );
  });
}

type Difference = { id: string; item: string; stored: unknown; expected: unknown };

/**
 * Open records missing from their branch's complete open-work document (of a split kind: from
 * its part, or the part from the branch's list), for the kept-lists check. An entry whose record
 * is no longer open (or in another part) is not a difference: readers skip it.
 */
export async function openWorkDifferences(): Promise<Difference[]> {
  const docs = new Map<string, OpenWork>();
  for await (const doc of openWork().find({})) docs.set(doc._id, doc);
  const differences = new Map<string, Difference>();
  // A part missing from its branch's list is one difference, however many records it holds.
  const missing = (where: string, item: string) =>
    differences.set(`${where} ${item}`, { id: where, item, stored: null, expected: 1 });
  for (const source of journeySources()) {
    const open = openSource(source.typename);
    if (!open) continue;
    const split = SPLITS[open.typename];
    const cursor = open.model.collection.find(open.openFilter, { projection: projectionOf(open) });
    for await (const record of cursor) {
      const listed = record as unknown as Listed;
      const key = keyOf(open.typename, String(listed.branchCode));
      const branch = docs.get(key);
      if (!isBuilt(open.typename, branch)) continue;
      const id = String(listed._id);
      if (!split) {
        if (!branch!.ids?.[id]) missing(key, id);
        continue;
      }
      const part = split.partOf(listed);
      if (!branch!.parts?.[part]) missing(key, `parts.${part}`);
      if (!docs.get(partKeyOf(key, part))?.ids?.[id]) missing(partKeyOf(key, part), id);
    }
  }
  return [...differences.values()];
}
