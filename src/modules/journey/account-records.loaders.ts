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
  newestListed,
  readAccountRecords,
  stageOf,
  type Listed,
  type ListPosition,
} from './account-records';
import { journeySources, type JourneySource } from './journey-registry';

type Row = Record<string, unknown> & { _id: Types.ObjectId };
type Lists =
  Awaited<ReturnType<typeof readAccountRecords>> extends Map<string, infer L> ? L : never;

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
 * selected fields the list's entries hold (id, stage, times) is not read at all where the caller
 * vouches for the accounts' branch (`newest`'s `branches`).
 */
export function createAccountRecordReader(scope: Scope, selection?: OperationSelection) {
  const lists = new DataLoader<string, Lists>(async (ids) => {
    const found = await readAccountRecords(ids.map((id) => new Types.ObjectId(id)));
    return ids.map((id) => found.get(id) ?? {});
  });
  const byType = new Map<string, DataLoader<string, Row | null>>();
  // Records listed as open (hex ids): where a selected field needs more of open records (e.g. an
  // open ticket's state), those are read with it at once rather than in a second round.
  const listedOpen = new Set<string>();
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
        const fuller = reads?.more ? ids.filter((id) => listedOpen.has(id)) : [];
        const rest = fuller.length > 0 ? ids.filter((id) => !listedOpen.has(id)) : ids;
        const [some, others] = await Promise.all([
          read(fuller, reads?.more?.projection ?? null),
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

  // Whether the operation selects nothing of `typename` beyond what its entries hold.
  const fromEntries = (typename: string) => {
    const source = sourceOf(typename);
    const projection = selection?.reads(typename, source.model, readerFields(source)).projection;
    return !!projection && Object.keys(projection).every((f) => entryFields(source).includes(f));
  };

  /**
   * The newest `count` records of the given types per account, by journeyAt (`j`) or by the
   * type's own list order (`o`), in `stages` when given, after `after` when given, sorted again on
   * the records' stored values with `sortField`; `more` says whether the list goes on after them.
   * `branches`: the accounts' branch codes as read in the caller's scope; where that branch is in
   * scope (records take their account's branch, and an account never moves branch), a type whose
   * selected fields its entries hold is answered from them instead of read.
   */
  async function newest(
    accountIds: readonly string[],
    options: {
      typenames: readonly string[];
      by: 'j' | 'o';
      count: number;
      sortField: string;
      after?: ListPosition | null;
      stages?: readonly string[] | null;
      branches?: ReadonlyMap<string, string>;
    },
  ): Promise<Map<string, ListedPage>> {
    const all = await lists.loadMany(accountIds);
    const listOnly = new Set(options.typenames.filter(fromEntries));
    const load = async (accountId: string, listed: Listed): Promise<ListedRow | null> => {
      const branchCode = options.branches?.get(accountId);
      if (listOnly.has(listed.typename) && branchCode && canReadBranch(scope, branchCode)) {
        return { typename: listed.typename, row: rowOf(accountId, branchCode, listed) };
      }
      if (listed.entry.x) listedOpen.add(listed.id.toHexString());
      const row = await records(listed.typename).load(listed.id.toHexString());
      return row ? { typename: listed.typename, row } : null;
    };
    return new Map(
      await Promise.all(
        accountIds.map(async (accountId, i) => {
          const found = all[i];
          if (found instanceof Error) throw found;
          const listed = newestListed(found ?? {}, { ...options, count: options.count + 1 });
          const page = listed.slice(0, options.count);
          const kept = (await Promise.all(page.map((l) => load(accountId, l)))).filter(
            (row): row is ListedRow => row !== null,
          );
          const rows = kept.sort(newestBy(options.sortField));
          return [accountId, { rows, more: listed.length > options.count }] as const;
        }),
      ),
    );
  }

  /** Starts reading the lists of accounts about to be listed (the same read `newest` makes). */
  function prefetch(accountIds: readonly string[]): void {
    if (accountIds.length > 0) lists.loadMany(accountIds).catch(() => undefined);
  }
  return { newest, prefetch };
}

const sourceOf = (typename: string) => journeySources().find((s) => s.typename === typename)!;

// A record as its entry tells it: id, account, branch, stage and list times.
function rowOf(accountId: string, branchCode: string, { typename, id, entry }: Listed): Row {
  const { listedBy } = sourceOf(typename);
  return {
    _id: id,
    accountId: new Types.ObjectId(accountId),
    branchCode,
    journeyAt: entry.j,
    stage: stageOf(sourceOf(typename), entry),
    ...(listedBy ? { [listedBy]: entry.o } : {}),
  };
}

// The stored fields an entry holds (see `rowOf`).
const entryFields = (source: JourneySource) => [
  '_id',
  'accountId',
  'branchCode',
  'journeyAt',
  'stage',
  ...(source.listedBy ? [source.listedBy] : []),
];

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
  new Date(b.row[field] as Date).getTime() - new Date(a.row[field] as Date).getTime() ||
  b.row._id.toHexString().localeCompare(a.row._id.toHexString());

/**
 * Pages of one record type's own list (newest first by `sortField`) for many accounts, from their
 * listed records: the account's orders or tickets, first pages and pages after a cursor alike.
 */
export async function listedPages<T>(
  reader: AccountRecordReader,
  typename: string,
  accountIds: readonly string[],
  options: { first?: number | null; after?: string | null; sortField: string },
): Promise<Map<string, Connection<T>>> {
  const size = checkedPageSize({ first: options.first });
  const keys = withIdKey([{ field: options.sortField, direction: -1 }]);
  const found = await reader.newest(accountIds, {
    typenames: [typename],
    by: 'o',
    count: size,
    sortField: options.sortField,
    after: options.after ? positionOf(decodeCursor(options.after, keys.length, 'after')) : null,
  });
  return new Map(
    accountIds.map((id) => [
      id,
      forwardPage<T>(
        (found.get(id)?.rows ?? []).map(({ row }) => row),
        keys,
        size,
        Boolean(options.after),
        found.get(id)?.more ?? false,
      ),
    ]),
  );
}

/** The list position of a cursor's (time, id) values. */
export function positionOf([at, id]: unknown[]): ListPosition {
  return { at: at instanceof Date ? at.getTime() : 0, hex: String(id) };
}
