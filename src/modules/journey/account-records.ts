import { setTimeout as delay } from 'node:timers/promises';
import mongoose, { Schema, Types, type Model } from 'mongoose';
import type { AnyBulkWriteOperation, Collection } from 'mongodb';
import { effectiveWrites } from '../../db/effective-writes';
import { inParts } from '../../db/id-parts';
import {
  consequence,
  CONSEQUENCE_ORDER,
  registerConsequenceKind,
  type PendingConsequence,
} from '../consequences/consequence-kinds';
import { openWorkConsequences } from '../open-work/open-work';
import { journeySourceOf, journeySources, type JourneySource } from './journey-registry';
import { addToGroup } from '../../shared/groups';
import { cacheVersion, createListCache } from './account-records-cache';
import { HEX_ID, hexIdInBytes, hexIdOf } from '../../db/hex-id';

/**
 * Per account, one document listing every journey record of the account with the values its
 * lists are sorted by (`j`: journeyAt, the timeline's order; `o`: the record's own list order,
 * e.g. orderedAt), its stage (`s`, for a kind whose records can be in more than one), whether it
 * is open (`x`, for a kind with open work), the kind's shown fields (`f`, e.g. an order's
 * product and status: see `JourneySource.shown`) and the record's revision the entry was taken
 * from (`r`), kept by the `accountRecordEntry` consequence of each record write. The account
 * screen reads these documents; a page or timeline that shows only what an entry holds is
 * answered from the entries alone, the rest (e.g. an open ticket's state) is read by bare
 * `_id $in`.
 *
 * Stand-in: mongo-java-server serves only `_id` equality, unique-key equality and a bare `_id $in`
 * from an index; `accountId $in` scans every record of the collection however it is indexed. On
 * MongoDB the `{ accountId, journeyAt, _id }` indexes serve the same reads, and this document only
 * saves the sort.
 */
type Entry = {
  j: Date;
  o?: Date | null;
  s?: string | null;
  x?: boolean;
  f?: Record<string, unknown>;
  r?: number;
};
type AccountRecords = {
  _id: Types.ObjectId;
  /**
   * Version: every write of entries stores a new one (a fresh ObjectId: never the same twice, not
   * even after the document is deleted and rebuilt) and expects the one it decided against; the
   * lists' cache (account-records-cache) keeps a decoded list under it. Lists kept by an earlier
   * version of the service count their writes (a number) and are not cached until written again.
   */
  v?: Types.ObjectId | number;
  /** Per GraphQL type name, per record id (hex): its entry. */
  lists: Record<string, Record<string, Entry>>;
  /**
   * The format every record of the account is listed in (set at the account's creation or by a
   * rebuild); a document without it, or listed in an older format (`true`: entries without stage
   * and revision; 2: without the open flag; 3: without the shown fields), is rebuilt from the
   * records on its first read.
   */
  complete?: number | boolean;
};

/** The format of complete lists: entries carry revision, open flag, stage and shown fields (4). */
export const LISTS_FORMAT = 4;

const schema = new Schema<AccountRecords>(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    v: { type: Schema.Types.Mixed },
    lists: { type: Object, default: {} },
    complete: { type: Schema.Types.Mixed, default: false },
  },
  { versionKey: false, minimize: false },
);
// Stand-in only: the guarded writes' filter `{ _id, v }` is answered from a unique index of
// exactly those fields (else it scans); on MongoDB the `_id` index serves it.
schema.index({ _id: 1, v: 1 }, { unique: true });

export const AccountRecordsModel =
  (mongoose.models.AccountRecords as Model<AccountRecords> | undefined) ??
  mongoose.model<AccountRecords>('AccountRecords', schema, 'accountrecords');

type RecordFields = { _id: Types.ObjectId; accountId: Types.ObjectId } & Record<string, unknown>;

const sourceOfModel = (model: { modelName: string }) =>
  journeySources().find((s) => s.model.modelName === model.modelName);

const dateOf = (value: unknown) => (value == null ? null : new Date(value as Date));

// A shown field's value as stored: dates as dates (a write may hold them as strings), none as null.
function shownValue(source: JourneySource, record: RecordFields, field: string): unknown {
  const value = record[field] ?? null;
  return source.model.schema.path(field)?.instance === 'Date' ? dateOf(value) : value;
}

/**
 * A record's entry as written: its revision as stored by that write (none: 0, as `$inc` counts);
 * the stage only where the kind has more than one (`stageOf` gives the others'), the open flag
 * only where the kind has open work, the shown fields only where the kind has some.
 */
export const entryOf = (source: JourneySource, record: RecordFields): Entry => ({
  j: dateOf(record.journeyAt)!,
  ...(source.listedBy ? { o: dateOf(record[source.listedBy]) } : {}),
  ...(source.stages.length > 1 ? { s: (record.stage as string | undefined) ?? null } : {}),
  ...(source.isOpen ? { x: source.isOpen(record as { status?: unknown }) } : {}),
  ...(source.shown?.length
    ? { f: Object.fromEntries(source.shown.map((k) => [k, shownValue(source, record, k)])) }
    : {}),
  r: Number(record.revision ?? 0),
});

/** The stored fields of a record of `source` that its entry holds (with `_id` and its branch). */
export const listedFields = (source: JourneySource): string[] => [
  'accountId',
  'journeyAt',
  'stage',
  ...(source.listedBy ? [source.listedBy] : []),
  ...(source.shown ?? []),
];

/**
 * The stored fields `entryOf` reads of a record of `source`: what a read of records to list them
 * (a rebuild, the lists' check, a writer reading with a projection) must include.
 */
export const entryReadFields = (source: JourneySource): string[] => [
  ...listedFields(source),
  'status',
  'revision',
];

/** The stage of a listed record of `source` (a single-stage kind's entries leave it out). */
export const stageOf = (source: JourneySource, entry: Entry) =>
  source.stages.length === 1 ? source.stages[0]! : (entry.s ?? null);

const time = (value: unknown) => (value == null ? null : new Date(value as Date).getTime());

// Two shown values alike: dates by their time, the rest as they are (none as null).
const sameValue = (a: unknown, b: unknown) =>
  a instanceof Date || b instanceof Date ? time(a) === time(b) : (a ?? null) === (b ?? null);

/** Whether two entries list a record alike: place, stage, openness and shown fields (not `r`). */
export const sameEntry = (a: Entry, b: Entry) =>
  time(a.j) === time(b.j) &&
  time(a.o) === time(b.o) &&
  (a.s ?? null) === (b.s ?? null) &&
  (a.x ?? null) === (b.x ?? null) &&
  [...new Set([...Object.keys(a.f ?? {}), ...Object.keys(b.f ?? {})])].every((k) =>
    sameValue(a.f?.[k], b.f?.[k]),
  );

// Whether `entry` replaces `stored`: taken from a later revision of the record, or from the same
// one with other values (a write that did not move the revision). An older entry arriving late (a
// sweep replaying a consequence after the writer of a newer one applied it) is dropped.
function supersedes(entry: Entry, stored: Entry | undefined): boolean {
  if (!stored) return true;
  const [mine, theirs] = [entry.r ?? -1, stored.r ?? -1];
  return mine > theirs || (mine === theirs && !sameEntry(entry, stored));
}

type Listing = { accountId: Types.ObjectId; typename: string; hex: string; entry: Entry };

// Each round at least one of the writers of a document wins; those that lost wait a random
// moment, longer each time, so that a burst of writers of one account (e.g. sixteen follow-ups of
// it at once) is worked through in a few rounds.
const ATTEMPTS = 50;
const pause = (attempt: number) => delay(Math.random() * 4 * (attempt + 1));
const collection = () => AccountRecordsModel.collection as unknown as Collection<AccountRecords>;

/**
 * Stores entries, each only where it supersedes the stored one: the accounts' documents are read
 * (their version and these entries), then each is written once, guarded by the version read, so
 * that a concurrent writer's entries make the write match nothing; the lost ones are read and
 * decided again. Replays change nothing.
 */
async function storeListings(listings: readonly Listing[]): Promise<void> {
  const newest = new Map<string, Listing>();
  for (const listing of listings) {
    const key = `${String(listing.accountId)}|${listing.typename}|${listing.hex}`;
    if (supersedes(listing.entry, newest.get(key)?.entry)) newest.set(key, listing);
  }
  const byAccount = new Map<string, Listing[]>();
  for (const listing of newest.values()) {
    const key = String(listing.accountId);
    addToGroup(byAccount, key, listing);
  }
  if (byAccount.size === 0) return;
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const stored = await readEntries([...byAccount.values()].flat());
    const writes = [...byAccount.values()].flatMap((rows) => {
      const doc = stored.get(String(rows[0]!.accountId));
      const due = rows.filter((row) =>
        supersedes(row.entry, doc?.lists?.[row.typename]?.[row.hex]),
      );
      return due.length === 0 ? [] : [entriesWrite(rows[0]!.accountId, doc, due)];
    });
    if ((await effectiveWrites(collection(), writes)) === writes.length) return;
    await pause(attempt);
  }
  throw new Error('account record lists kept changing');
}

// The accounts' documents as far as `listings` need them: version and their entries. Read in parts
// of 20 accounts, each projected to its own accounts' entries: the stand-in projects every
// document it reads to every path of the projection (splitting each path again), so a read costs
// its documents × its paths, and the parts' total grows with the part size. One read of the 1 000
// accounts of an import batch took 1.3–2.5 s; parts of 100 accounts 0.3–0.8 s in all, of 20
// 0.07–0.23 s (and of 10 or 5 more again: each command has its own cost).
const ACCOUNTS_PER_READ = 20;

async function readEntries(listings: readonly Listing[]): Promise<Map<string, AccountRecords>> {
  const byAccount = new Map<string, Listing[]>();
  for (const listing of listings) addToGroup(byAccount, String(listing.accountId), listing);
  const read = async (accounts: string[]) => {
    const projection: Record<string, 1> = { v: 1 };
    for (const account of accounts)
      for (const { typename, hex } of byAccount.get(account)!)
        projection[`lists.${typename}.${hex}`] = 1;
    const ids = accounts.map((id) => new Types.ObjectId(id));
    return collection()
      .find({ _id: { $in: ids } }, { projection })
      .toArray();
  };
  const docs = (
    await Promise.all(inParts([...byAccount.keys()], ACCOUNTS_PER_READ).map(read))
  ).flat();
  return new Map(docs.map((doc) => [String(doc._id), doc]));
}

// One account's entries set, guarded by the version read (a missing document: inserted at 0).
function entriesWrite(
  accountId: Types.ObjectId,
  doc: AccountRecords | undefined,
  due: readonly Listing[],
): AnyBulkWriteOperation<AccountRecords> {
  const set = Object.fromEntries(due.map((row) => [`lists.${row.typename}.${row.hex}`, row.entry]));
  return {
    updateOne: {
      filter: { _id: accountId, v: doc ? (doc.v ?? null) : 0 } as never,
      update: { $set: { ...set, v: new Types.ObjectId() } },
      upsert: !doc,
    },
  };
}

const listingOf = (source: JourneySource, record: RecordFields): Listing => ({
  accountId: new Types.ObjectId(String(record.accountId)),
  typename: source.typename,
  hex: String(record._id),
  entry: entryOf(source, record),
});

type EntryArgs = { typename: string; accountId: Types.ObjectId; entry: Entry };

// The entry travels in the consequence, as the write stored it: no read of the record. A replay
// older than the stored entry (by the record's revision) is dropped (`supersedes`). Applied after
// the events: the records an event's handlers create (the follow-ups of an import batch's closed
// tickets) join the pass, and every account's new entries are then written once, under one guard
// read (before: once for the tickets, once more for their follow-ups).
registerConsequenceKind<EntryArgs>(
  'accountRecordEntry',
  CONSEQUENCE_ORDER.events + 1,
  async (due) => {
    await storeListings(
      due.map(({ recordId, args }) => ({
        accountId: args.accountId,
        typename: args.typename,
        hex: String(recordId),
        entry: args.entry,
      })),
    );
  },
);

/**
 * The listings of `record` (as written), to store with the write that creates it (`created`) or
 * changes it: in its account's records and, for a kind with open work, in its branch's open work
 * (none for a model that is not a journey source).
 */
export function listedRecordConsequences(
  model: { modelName: string },
  record: Record<string, unknown>,
  created = false,
): PendingConsequence[] {
  const source = sourceOfModel(model);
  if (!source) return [];
  const { accountId, entry } = listingOf(source, record as RecordFields);
  return [
    consequence<EntryArgs>('accountRecordEntry', { typename: source.typename, accountId, entry }),
    ...openWorkConsequences(model, created ? record : undefined),
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
        update: { $set: { complete: LISTS_FORMAT }, $setOnInsert: { v: new Types.ObjectId() } },
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
    const projection = Object.fromEntries(entryReadFields(source).map((f) => [f, 1]));
    const records = (await source.model.collection
      .find({ accountId: { $in: accountIds } }, { projection })
      .toArray()) as RecordFields[];
    await storeListings(records.map((record) => listingOf(source, record)));
  }
  await AccountRecordsModel.collection.bulkWrite(
    accountIds.map((_id) => ({
      updateOne: {
        filter: { _id },
        update: { $set: { complete: LISTS_FORMAT }, $setOnInsert: { v: new Types.ObjectId() } },
        upsert: true,
      },
    })),
    { ordered: false },
  );
}

// Decoded lists kept between requests under their stored version (see account-records-cache).
const listCache = createListCache<AccountRecords['lists']>();

/** Forgets every cached list (tests that compare a cold read with a warm one). */
export const clearListCache = () => listCache.clear();

/**
 * The listed records of accounts by hex id (complete; rebuilt first where not), keyed by it. The
 * documents are read as they are stored (BSON) and only their version and format decoded at
 * first: a list this process has decoded before under the same version is taken from the cache,
 * the others decoded (and cached). One read, as without the cache, whatever is cached.
 */
export async function readAccountRecords(
  accountIds: readonly string[],
): Promise<Map<string, AccountRecords['lists']>> {
  const ids = accountIds.map((id) => new Types.ObjectId(id));
  const read = async () =>
    (
      await collection()
        .find({ _id: { $in: ids } }, { raw: true })
        .toArray()
    ).map((bytes) => decodeCached(bytes as unknown as Uint8Array));
  let docs = await read();
  const complete = new Set(docs.filter((doc) => doc.complete === LISTS_FORMAT).map(hexIdOf));
  const missing = ids.filter((_id, i) => !complete.has(accountIds[i]!));
  if (missing.length > 0) {
    await rebuild(missing);
    docs = await read();
  }
  return new Map(docs.map((doc) => [hexIdOf(doc), doc.lists]));
}

const { BSON } = mongoose.mongo;

// A stored document's version, format and lists: the lists from the cache where it holds them
// under that version, else decoded (and cached when complete).
function decodeCached(bytes: Uint8Array): Decoded {
  // Embedded documents (the lists) stay bytes: only the top-level fields are decoded.
  const head = BSON.deserialize(bytes, { raw: true }) as AccountRecords & { lists?: Uint8Array };
  const db = collection().dbName;
  const account = hexIdInBytes(bytes) ?? String(head._id);
  const version = head.complete === LISTS_FORMAT ? cacheVersion(head.v) : null;
  const held = listCache.get(db, account, version);
  if (held) return { ...head, lists: held, [HEX_ID]: account };
  const lists = (head.lists ? BSON.deserialize(head.lists) : {}) as AccountRecords['lists'];
  listCache.set(db, account, version, lists, entriesIn(lists));
  return { ...head, lists, [HEX_ID]: account };
}

type Decoded = AccountRecords & { [HEX_ID]: string };

const entriesIn = (lists: AccountRecords['lists']) =>
  Object.values(lists).reduce((sum, list) => sum + Object.keys(list).length, 0);

/** A listed record: its type, id (and as hex), sort value in the list asked for, and its entry. */
export type Listed = {
  typename: string;
  id: Types.ObjectId;
  hex: string;
  at: number;
  entry: Entry;
};

/** A listed record's entry (see `AccountRecords`). */
export type ListEntry = Entry;

/** A place in a list: its sort value (ms) and record id (hex); later means older. */
export type ListPosition = { at: number; hex: string };

// Newest first by sort value, then by id (hex ids compare as the ObjectIds do): > 0 where the
// place (`at`, `hex`) is newer than `a` (comes before it).
const newerFirst = (a: ListPosition, at: number, hex: string) =>
  at - a.at || (hex < a.hex ? -1 : hex > a.hex ? 1 : 0);

/**
 * The records of the given types in one account's lists, newest first by `j` (timeline) or `o`
 * (the type's own list), then id; only those in `stages` when given, only those after `after`
 * when given, at most `count`. What is returned is shared (see `sortedOf`): not to be changed.
 */
export function newestListed(
  lists: AccountRecords['lists'],
  options: {
    typenames: readonly string[];
    by: 'j' | 'o';
    count: number;
    after?: ListPosition | null;
    stages?: readonly string[] | null;
  },
): readonly Listed[] {
  const { typenames, by, count, after, stages } = options;
  const one = typenames.length === 1;
  const sorted = one ? sortedOf(lists, typenames[0]!, by) : mergedOf(lists, by);
  const kept: Listed[] = [];
  for (let i = 0; i < sorted.length && kept.length < count; i += 1) {
    const listed = sorted[i]!;
    if (!one && !typenames.includes(listed.typename)) continue;
    if (after && newerFirst(after, listed.at, listed.hex) >= 0) continue;
    const source = stages && journeySourceOf(listed.typename);
    if (source && !stages.includes(stageOf(source, listed.entry) ?? '')) continue;
    kept.push(listed);
  }
  return kept;
}

// Per account's lists (the decoded objects: a cached list is the same object on every request of
// its version), its records newest first by each order, per type and all types merged, built on
// first use. A province screen lists 100 accounts' orders, tickets and timeline: walking and
// sorting every entry of each on every request was most of the journey code's time; now a page
// walks only the records it shows (and those skipped for its filters).
type Sorted = { j?: readonly Listed[]; o?: readonly Listed[] };
const sortedLists = new WeakMap<object, Sorted>();

const heldFor = (key: object) => {
  let held = sortedLists.get(key);
  if (!held) sortedLists.set(key, (held = {}));
  return held;
};

const NONE: readonly Listed[] = Object.freeze([]);

// One type's records, newest first by `by`; the ids are those of the other order's where built.
function sortedOf(lists: AccountRecords['lists'], typename: string, by: 'j' | 'o') {
  const list = lists[typename];
  if (!list) return NONE;
  const held = heldFor(list);
  if (held[by]) return held[by];
  const ids = new Map(held[by === 'j' ? 'o' : 'j']?.map((listed) => [listed.hex, listed.id]));
  const all = Object.keys(list).map((hex) =>
    Object.freeze({
      typename,
      id: ids.get(hex) ?? new Types.ObjectId(hex),
      hex,
      at: timeOf(list[hex]![by]),
      entry: list[hex]!,
    }),
  );
  return (held[by] = Object.freeze(all.sort(newestOf)));
}

// Every type's records, newest first by `by` (the same objects as each type's own order).
function mergedOf(lists: AccountRecords['lists'], by: 'j' | 'o') {
  const held = heldFor(lists);
  held[by] ??= Object.freeze(
    Object.keys(lists)
      .flatMap((typename) => sortedOf(lists, typename, by))
      .sort(newestOf),
  );
  return held[by];
}

const newestOf = (a: Listed, b: Listed) => newerFirst(a, b.at, b.hex);

// A sort value as stored (a Date once decoded) in ms; a missing one sorts last.
const timeOf = (value: Date | null | undefined) =>
  value instanceof Date ? value.getTime() : new Date(value ?? 0).getTime();
