import mongoose, { Schema, Types, type Model } from 'mongoose';
import {
  consequence,
  CONSEQUENCE_ORDER,
  registerConsequenceKind,
  type PendingConsequence,
} from '../consequences/consequence-kinds';
import { settle } from '../consequences/pending-consequences';
import { journeySources, type JourneySource } from './journey-registry';

/**
 * Per account, one document listing every journey record of the account with the values its
 * lists are sorted by (`j`: journeyAt, the timeline's order; `o`: the record's own list order,
 * e.g. orderedAt), kept by the `accountRecordEntry` consequence of each record write. The account
 * screen reads these documents and then the records by bare `_id $in`.
 *
 * Stand-in: mongo-java-server serves only `_id` equality, unique-key equality and a bare `_id $in`
 * from an index; `accountId $in` scans every record of the collection however it is indexed. On
 * MongoDB the `{ accountId, journeyAt, _id }` indexes serve the same reads, and this document only
 * saves the sort.
 */
type Entry = { j: Date; o?: Date | null };
type AccountRecords = {
  _id: Types.ObjectId;
  /** Per GraphQL type name, per record id (hex): its sort values. */
  lists: Record<string, Record<string, Entry>>;
  /** Every record of the account is listed (set at the account's creation or by a rebuild). */
  complete?: boolean;
};

const schema = new Schema<AccountRecords>(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    lists: { type: Object, default: {} },
    complete: { type: Boolean, default: false },
  },
  { versionKey: false, minimize: false },
);

export const AccountRecordsModel =
  (mongoose.models.AccountRecords as Model<AccountRecords> | undefined) ??
  mongoose.model<AccountRecords>('AccountRecords', schema, 'accountrecords');

type RecordFields = { _id: Types.ObjectId; accountId: Types.ObjectId } & Record<string, unknown>;

const sourceOf = (typename: string) => journeySources().find((s) => s.typename === typename);

const sourceOfModel = (model: { modelName: string }) =>
  journeySources().find((s) => s.model.modelName === model.modelName);

const entryOf = (source: JourneySource, record: RecordFields): Entry => ({
  j: record.journeyAt as Date,
  ...(source.listedBy ? { o: (record[source.listedBy] as Date | null) ?? null } : {}),
});

const setOf = (source: JourneySource, records: readonly RecordFields[]) =>
  Object.fromEntries(
    records.map((r) => [`lists.${source.typename}.${r._id.toHexString()}`, entryOf(source, r)]),
  );

// Entries set from the records as they are now: idempotent, so replays and sweeps change nothing.
async function listRecords(source: JourneySource, ids: readonly Types.ObjectId[]): Promise<void> {
  const projection = {
    accountId: 1,
    journeyAt: 1,
    ...(source.listedBy && { [source.listedBy]: 1 }),
  };
  const records = (await source.model.collection
    .find({ _id: { $in: [...ids] } }, { projection })
    .toArray()) as RecordFields[];
  const byAccount = new Map<string, RecordFields[]>();
  for (const record of records) {
    const key = String(record.accountId);
    byAccount.set(key, [...(byAccount.get(key) ?? []), record]);
  }
  if (byAccount.size === 0) return;
  await AccountRecordsModel.collection.bulkWrite(
    [...byAccount.values()].map((rows) => ({
      updateOne: {
        filter: { _id: rows[0]!.accountId },
        update: { $set: setOf(source, rows) },
        upsert: true,
      },
    })),
    { ordered: false },
  );
}

type EntryArgs = { typename: string };

// Applied after the record's derived fields, before the stage and the events.
registerConsequenceKind<EntryArgs>(
  'accountRecordEntry',
  CONSEQUENCE_ORDER.derived + 1,
  async (due) => {
    const byType = new Map<string, Types.ObjectId[]>();
    for (const { recordId, args } of due) {
      byType.set(args.typename, [...(byType.get(args.typename) ?? []), recordId as Types.ObjectId]);
    }
    for (const [typename, ids] of byType) {
      const source = sourceOf(typename);
      if (source) await listRecords(source, ids);
    }
  },
);

/**
 * The listing of a record of `model` in its account's records, to store with the write that
 * creates it or changes its sort values (none for a model that is not a journey source).
 */
export function listedRecordConsequences(
  model: Model<any>, // eslint-disable-line @typescript-eslint/no-explicit-any
): PendingConsequence<EntryArgs>[] {
  const source = sourceOfModel(model);
  return source
    ? [consequence<EntryArgs>('accountRecordEntry', { typename: source.typename })]
    : [];
}

/** Creates a journey record with its listing stored in the same write, then applies it. */
export async function createListed<T>(
  model: Model<any>, // eslint-disable-line @typescript-eslint/no-explicit-any
  fields: Record<string, unknown>,
): Promise<T> {
  const pending = listedRecordConsequences(model);
  const created = await model.create({ ...fields, pendingConsequences: pending });
  await settle(model, created._id, pending);
  const { pendingConsequences: _pending, ...record } = created.toObject() as Record<
    string,
    unknown
  >;
  return record as T;
}

/** A new account has no records yet: its (empty) list is complete from the start. */
export function accountOpenedConsequence(): PendingConsequence<null> {
  return consequence<null>('accountRecordsOpened', null);
}

registerConsequenceKind<null>('accountRecordsOpened', CONSEQUENCE_ORDER.derived, async (due) => {
  await AccountRecordsModel.collection.bulkWrite(
    due.map(({ recordId }) => ({
      updateOne: {
        filter: { _id: recordId as Types.ObjectId },
        update: { $set: { complete: true } },
        upsert: true,
      },
    })),
    { ordered: false },
  );
});

// Lists of accounts whose records predate this document (or a lost creation): read once from the
// records by accountId (the scan this document avoids afterwards) and stored as complete.
async function rebuild(accountIds: Types.ObjectId[]): Promise<void> {
  for (const source of journeySources()) {
    const rows = await source.model.collection
      .find({ accountId: { $in: accountIds } }, { projection: { _id: 1 } })
      .toArray();
    if (rows.length > 0)
      await listRecords(
        source,
        rows.map((row) => row._id as Types.ObjectId),
      );
  }
  await AccountRecordsModel.collection.bulkWrite(
    accountIds.map((_id) => ({
      updateOne: { filter: { _id }, update: { $set: { complete: true } }, upsert: true },
    })),
    { ordered: false },
  );
}

/** The listed records of accounts by id (complete; rebuilt first where not), keyed by hex id. */
export async function readAccountRecords(
  accountIds: readonly Types.ObjectId[],
): Promise<Map<string, AccountRecords['lists']>> {
  const read = () =>
    AccountRecordsModel.collection.find({ _id: { $in: [...accountIds] } }).toArray() as Promise<
      AccountRecords[]
    >;
  let docs = await read();
  const complete = new Set(docs.filter((doc) => doc.complete).map((doc) => String(doc._id)));
  const missing = accountIds.filter((id) => !complete.has(String(id)));
  if (missing.length > 0) {
    await rebuild(missing);
    docs = await read();
  }
  return new Map(docs.map((doc) => [String(doc._id), doc.lists ?? {}]));
}

/** A listed record: its type, id and sort value in the list asked for. */
export type Listed = { typename: string; id: Types.ObjectId; at: number };

/**
 * The newest `count` records of the given types in one account's lists, by `j` (timeline) or `o`
 * (the type's own list), then id, both descending.
 */
export function newestListed(
  lists: AccountRecords['lists'],
  typenames: readonly string[],
  by: 'j' | 'o',
  count: number,
): Listed[] {
  const all: Listed[] = typenames.flatMap((typename) =>
    Object.entries(lists[typename] ?? {}).map(([id, entry]) => ({
      typename,
      id: new Types.ObjectId(id),
      at: new Date(entry[by] ?? 0).getTime(),
    })),
  );
  return all
    .sort((a, b) => b.at - a.at || b.id.toHexString().localeCompare(a.id.toHexString()))
    .slice(0, count);
}
