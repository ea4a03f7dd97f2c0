import mongoose, { Schema, Types, type Model } from 'mongoose';
import {
  consequence,
  CONSEQUENCE_ORDER,
  registerConsequenceKind,
  type PendingConsequence,
} from '../consequences/consequence-kinds';
import { openWorkConsequences } from '../open-work/open-work';
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

const sourceOfModel = (model: { modelName: string }) =>
  journeySources().find((s) => s.model.modelName === model.modelName);

const dateOf = (value: unknown) => (value == null ? null : new Date(value as Date));

const entryOf = (source: JourneySource, record: RecordFields): Entry => ({
  j: dateOf(record.journeyAt)!,
  ...(source.listedBy ? { o: dateOf(record[source.listedBy]) } : {}),
});

type Listing = { accountId: Types.ObjectId; key: string; entry: Entry };

// One `$set` per account of the entries given (idempotent: replays set the same values).
async function storeListings(listings: readonly Listing[]): Promise<void> {
  const byAccount = new Map<string, Listing[]>();
  for (const listing of listings) {
    const key = String(listing.accountId);
    byAccount.set(key, [...(byAccount.get(key) ?? []), listing]);
  }
  if (byAccount.size === 0) return;
  await AccountRecordsModel.collection.bulkWrite(
    [...byAccount.values()].map((rows) => ({
      updateOne: {
        filter: { _id: rows[0]!.accountId },
        update: { $set: Object.fromEntries(rows.map((row) => [row.key, row.entry])) },
        upsert: true,
      },
    })),
    { ordered: false },
  );
}

const listingOf = (source: JourneySource, record: RecordFields): Listing => ({
  accountId: new Types.ObjectId(String(record.accountId)),
  key: `lists.${source.typename}.${String(record._id)}`,
  entry: entryOf(source, record),
});

type EntryArgs = { typename: string; accountId: Types.ObjectId; entry: Entry };

// The entry travels in the consequence, as the write stored it: no read of the record. A replay
// after a later write of the same record could set an older sort value; reads sort the records
// again on their stored values, so that only ever affects which records make a first page.
registerConsequenceKind<EntryArgs>(
  'accountRecordEntry',
  CONSEQUENCE_ORDER.derived + 1,
  async (due) => {
    await storeListings(
      due.map(({ recordId, args }) => ({
        accountId: args.accountId,
        key: `lists.${args.typename}.${String(recordId)}`,
        entry: args.entry,
      })),
    );
  },
);

/**
 * The listings of `record` (as written), to store with the write that creates it or changes it:
 * in its account's records and, for a kind with open work, in its branch's open work (none for a
 * model that is not a journey source).
 */
export function listedRecordConsequences(
  model: { modelName: string },
  record: Record<string, unknown>,
): PendingConsequence[] {
  const source = sourceOfModel(model);
  if (!source) return [];
  const { accountId, entry } = listingOf(source, record as RecordFields);
  return [
    consequence<EntryArgs>('accountRecordEntry', { typename: source.typename, accountId, entry }),
    ...openWorkConsequences(model),
  ];
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
    const projection = {
      accountId: 1,
      journeyAt: 1,
      ...(source.listedBy && { [source.listedBy]: 1 }),
    };
    const records = (await source.model.collection
      .find({ accountId: { $in: accountIds } }, { projection })
      .toArray()) as RecordFields[];
    await storeListings(records.map((record) => listingOf(source, record)));
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

/** A place in a list: its sort value (ms) and record id (hex); later means older. */
export type ListPosition = { at: number; hex: string };

// Newest first by sort value, then by id (hex ids compare as the ObjectIds do).
const newerFirst = (a: ListPosition, b: ListPosition) =>
  b.at - a.at || (b.hex < a.hex ? -1 : b.hex > a.hex ? 1 : 0);

/**
 * The records of the given types in one account's lists, newest first by `j` (timeline) or `o`
 * (the type's own list), then id; only those after `after` when given, at most `count`.
 */
export function newestListed(
  lists: AccountRecords['lists'],
  typenames: readonly string[],
  by: 'j' | 'o',
  count: number,
  after: ListPosition | null = null,
): Listed[] {
  const all: (ListPosition & { typename: string })[] = [];
  for (const typename of typenames) {
    for (const [hex, entry] of Object.entries(lists[typename] ?? {})) {
      const position = { typename, hex, at: timeOf(entry[by]) };
      if (!after || newerFirst(after, position) < 0) all.push(position);
    }
  }
  return all
    .sort(newerFirst)
    .slice(0, count)
    .map(({ typename, hex, at }) => ({ typename, id: new Types.ObjectId(hex), at }));
}

// A sort value as stored (a Date once decoded) in ms; a missing one sorts last.
const timeOf = (value: Date | null | undefined) =>
  value instanceof Date ? value.getTime() : new Date(value ?? 0).getTime();
