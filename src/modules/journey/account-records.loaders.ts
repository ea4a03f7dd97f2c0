import DataLoader from 'dataloader';
import { Types } from 'mongoose';
import {
  checkedPageSize,
  decodeCursor,
  forwardPage,
  withIdKey,
  type Connection,
} from '../../db/keyset-pagination';
import type { OperationSelection, Projection } from '../../graphql/field-reads';
import { findByIdsInScope } from '../access/by-ids';
import { canReadBranch, type Scope } from '../access/scope';
import {
  listedFields,
  newestListed,
  readAccountRecords,
  stageOf,
  type Listed,
  type ListPosition,
} from './account-records';
import { journeySourceOf as sourceOf, type JourneySource } from './journey-registry';
import { HEX_ID, hexIdOf } from '../../db/hex-id';

type Row = Record<string, unknown> & { _id: Types.ObjectId };
type Lists =
  Awaited<ReturnType<typeof readAccountRecords>> extends Map<string, infer L> ? L : never;

/**
 * An account whose listed records are asked for, as read in the caller's scope: its branch is the
 * scope check of the rows answered from its entries (records take their account's branch).
 */
export type ListedAccount = { _id: Types.ObjectId; branchCode: string };

/** A record of an account's list, with the GraphQL type of its collection. */
export type ListedRow = { typename: string; row: Row };

/** The first records of an account's list, and whether the list goes on after them. */
export type ListedPage = { rows: ListedRow[]; more: boolean };

/**
 * Per request: accounts' listed records (one `_id $in` read of `accountrecords` per tick) and the
 * records themselves by bare `_id $in`, one read per collection and tick, shared by the account's
 * orders, tickets and timeline; the caller's scope is applied to the rows (access/by-ids). The
 * records are read with only the fields the request's operation selects (graphql/field-reads);
 * where a selected field needs more of some records (e.g. an open ticket's state), those listed as
 * open are read with it in the same wave (a second read), and any other that turns out to need it
 * in a second round, one read per collection and tick whatever their number. A type whose
 * selected fields the list's entries hold (id, stage, times, its shown fields) is not read where
 * the caller vouches for the accounts' branch (`newest`'s `branches`): only its records that a
 * selected field needs more of (e.g. an open ticket's state) are, with those fuller fields.
 */
export function createAccountRecordReader(scope: Scope, selection?: OperationSelection) {
  // Each account's lists are loaded once per request, the same promise for every caller (the
  // prefetch, the orders, tickets and timeline): DataLoader's own cache answers every hit with a
  // new promise (to keep its batch order), some 300 per province screen. A failed read is
  // forgotten, as DataLoader's cache forgets it: the next caller reads again.
  const loadedLists = new Map<string, Promise<Lists>>();
  const lists = new DataLoader<string, Lists>(
    async (ids) => {
      try {
        const found = await readAccountRecords(ids);
        return ids.map((id) => found.get(id) ?? {});
      } catch (error) {
        ids.forEach((id) => loadedLists.delete(id));
        throw error;
      }
    },
    { cache: false },
  );
  const listsOf = (id: string) => {
    let found = loadedLists.get(id);
    if (!found) loadedLists.set(id, (found = lists.load(id)));
    return found;
  };
  const byType = new Map<string, DataLoader<string, Row | null>>();
  // Records (hex ids) to read with what a selected field needs more of (e.g. an open ticket's
  // state) at once rather than in a second round: those listed as open, and those answered from
  // the entries but for such a field.
  const fuller = new Set<string>();
  const records = (typename: string) => {
    let loader = byType.get(typename);
    if (!loader) {
      const source = sourceOf(typename);
      loader = new DataLoader<string, Row | null>(async (ids) => {
        const reads = selection?.reads(typename, source.model, readerFields(source));
        const read = async (some: readonly string[], projection: Projection | null) =>
          some.length === 0
            ? []
            : findByIdsInScope<Row & { branchCode?: unknown }>(
                source.model,
                scope,
                some,
                projection,
              );
        const full = reads?.more ? ids.filter((id) => fuller.has(id)) : [];
        const rest = full.length > 0 ? ids.filter((id) => !fuller.has(id)) : ids;
        const [some, others] = await Promise.all([
          read(full, reads?.more?.projection ?? null),
          read(rest, reads?.projection ?? null),
        ]);
        const byId = new Map([...some, ...others].map((r) => [hex(r), r]));
        // Records some selected field needs more of (field-reads' `PartialReads`) that were not
        // listed as open (e.g. a settled ticket without stored measures), read again.
        const more = reads?.more && others.filter(reads.more.needed);
        if (more?.length) {
          const again = await read(more.map(hex), reads!.more!.projection);
          again.forEach((row) => byId.set(hex(row), row));
        }
        return ids.map((id) => byId.get(id) ?? null);
      });
      byType.set(typename, loader);
    }
    return loader;
  };

  // What the operation reads of `typename` where that is no more than its entries hold (then a
  // row built from an entry answers it, unless `more.needed` picks the row), else null.
  const fromEntries = (typename: string) => {
    const source = sourceOf(typename);
    const reads = selection?.reads(typename, source.model, readerFields(source));
    const fields = reads?.projection && Object.keys(reads.projection);
    // What an `EntryRow` holds.
    const held = new Set(['_id', 'branchCode', ...listedFields(source)]);
    return fields?.every((f) => held.has(f)) ? reads! : null;
  };

  /**
   * The newest `count` records of the given types per account (as read in the caller's scope; by
   * hex id), by journeyAt (`j`) or by the type's own list order (`o`), in `stages` when given,
   * after `after` when given, sorted again on the records' stored values with `sortField`; `more`
   * says whether the list goes on after them. Where an account's branch is in scope (records take
   * their account's branch, and an account never moves branch), a type whose selected fields its
   * entries hold is answered from them instead of read.
   */
  async function newest(
    accounts: readonly ListedAccount[],
    options: {
      typenames: readonly string[];
      by: 'j' | 'o';
      count: number;
      sortField: string;
      after?: ListPosition | null;
      stages?: readonly string[] | null;
    },
  ): Promise<Map<string, ListedPage>> {
    const ids = accounts.map(hexIdOf);
    // Not `loadMany`, which wraps every key's promise again to collect errors: the first error
    // fails the page either way.
    const all = await Promise.all(ids.map(listsOf));
    const listOnly = new Map(
      options.typenames.map((typename) => [typename, fromEntries(typename)]),
    );
    // A listed record's row: from its entry (at once) where the operation reads no more of it
    // and the account's branch is in scope (`inScope`), else read (a promise).
    const rowFor = (account: ListedAccount, inScope: boolean, listed: Listed) => {
      const { typename, hex } = listed;
      const reads = inScope && listOnly.get(typename);
      if (reads) {
        const row: Row = new EntryRow(account, listed);
        if (!reads.more?.needed(row)) return { typename, row };
        fuller.add(hex);
      } else if (listed.entry.x) fuller.add(hex);
      return records(typename)
        .load(hex)
        .then((row) => row && { typename, row });
    };
    // Rows read are sorted again on their stored values (a write may have moved one since its
    // entry was taken); rows built from the entries come in the entries' order already.
    const byNewest = newestBy(options.sortField);
    const pageOf = (rows: (ListedRow | null)[], more: boolean): ListedPage => ({
      rows: rows.filter((row) => row !== null).sort(byNewest),
      more,
    });
    const asked = { ...options, count: options.count + 1 };
    const pages = accounts.map((account, i) => {
      const listed = newestListed(all[i]!, asked);
      const inScope = canReadBranch(scope, account.branchCode);
      const page = listed.slice(0, options.count).map((l) => rowFor(account, inScope, l));
      const more = listed.length > options.count;
      // Only rows read make this wait (most are answered from the entries at once).
      return page.some((row) => row instanceof Promise)
        ? Promise.all(page).then((kept) => pageOf(kept, more))
        : { rows: page as ListedRow[], more };
    });
    const done = pages.some((page) => page instanceof Promise) ? await Promise.all(pages) : pages;
    return new Map(ids.map((id, i) => [id, done[i] as ListedPage]));
  }

  /** Starts reading the lists of accounts about to be listed (the same read `newest` makes). */
  function prefetch(accountIds: readonly string[]): void {
    if (accountIds.length > 0) Promise.all(accountIds.map(listsOf)).catch(() => undefined);
  }
  return { newest, prefetch };
}

// A record as its entry tells it: id, account, branch, stage, list times and shown fields, tagged
// with its type (as a timeline's rows are: one shape, whatever list it is shown in). Built by a
// constructor, not a literal: V8 keeps room in a constructed object for the fields set one by one
// after the first (the type's list order and shown fields), where a literal's grow an array
// outside it, copied at each step (some 1 500 rows per province screen; three times the time).
class EntryRow {
  [field: string]: unknown;
  declare [HEX_ID]: string;
  declare _id: Types.ObjectId;

  constructor({ _id: accountId, branchCode }: ListedAccount, { typename, id, hex, entry }: Listed) {
    const source = sourceOf(typename);
    this.__typename = typename;
    this._id = id;
    this.accountId = accountId;
    this.branchCode = branchCode;
    this.journeyAt = entry.j;
    this.stage = stageOf(source, entry);
    this[HEX_ID] = hex;
    if (source.listedBy) this[source.listedBy] = entry.o;
    for (const field of source.shown ?? []) this[field] = entry.f?.[field] ?? null;
  }
}

// What the reader itself reads of every record: the list orders it sorts on again, and the stage
// (stage-filtered timelines).
const readerFields = (source: JourneySource) => [
  'accountId',
  'journeyAt',
  'stage',
  ...(source.listedBy ? [source.listedBy] : []),
];

const hex = (row: Row) => String(row._id);

/** The per-request reader of accounts' listed records. */
export type AccountRecordReader = ReturnType<typeof createAccountRecordReader>;

// Newest first by a date field, then by id (ObjectIds are unique across collections).
const newestBy = (field: string) => (a: ListedRow, b: ListedRow) =>
  msOf(b.row[field]) - msOf(a.row[field]) ||
  b.row._id.toHexString().localeCompare(a.row._id.toHexString());

// A stored date in ms (a missing one: 0, sorted last).
const msOf = (value: unknown) =>
  value instanceof Date ? value.getTime() : new Date(value as string).getTime();

/**
 * Pages of one record type's own list (newest first by `sortField`) for many accounts (as read in
 * the caller's scope), from their listed records: the account's orders or tickets, first pages
 * and pages after a cursor alike.
 */
export async function listedPages<T>(
  reader: AccountRecordReader,
  typename: string,
  accounts: readonly ListedAccount[],
  options: { first?: number | null; after?: string | null; sortField: string },
): Promise<Map<string, Connection<T>>> {
  const size = checkedPageSize({ first: options.first });
  const keys = withIdKey([{ field: options.sortField, direction: -1 }]);
  const found = await reader.newest(accounts, {
    typenames: [typename],
    by: 'o',
    count: size,
    sortField: options.sortField,
    after: options.after ? positionOf(decodeCursor(options.after, keys.length, 'after')) : null,
  });
  return new Map(
    [...found].map(([id, { rows, more }]) => [
      id,
      forwardPage<T>(
        rows.map(({ row }) => row),
        keys,
        size,
        Boolean(options.after),
        more,
      ),
    ]),
  );
}

/** The list position of a cursor's (time, id) values. */
export function positionOf([at, id]: unknown[]): ListPosition {
  return { at: at instanceof Date ? at.getTime() : 0, hex: String(id) };
}
