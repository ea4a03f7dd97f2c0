import mongoose, { type Model } from 'mongoose';
import { badInput } from '../shared/errors';
import type { Scope } from '../modules/access/scope';

const { EJSON } = mongoose.mongo.BSON;

/** Relay pagination arguments. */
export type PageArgs = {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
};

/** A Relay connection; `totalCount`, where offered, runs its count only when asked for. */
export type Connection<T> = {
  edges: { cursor: string; node: T }[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
  totalCount?: () => Promise<number>;
};

/** One key of a stable sort; `_id` is always appended as the final tie-breaker. */
export type SortKey = { field: string; direction: 1 | -1 };

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

type Doc = Record<string, unknown> & { _id: unknown };

function valueAt(doc: Doc, field: string): unknown {
  return field
    .split('.')
    .reduce<unknown>((v, key) => (v as Record<string, unknown> | null)?.[key], doc);
}

/** Opaque cursor: the sort-key values of a row, as extended JSON (keeps dates and ObjectIds). */
export function encodeCursor(doc: Doc, keys: SortKey[]): string {
  const values = keys.map((k) => valueAt(doc, k.field));
  return Buffer.from(EJSON.stringify(values, { relaxed: false })).toString('base64url');
}

// A sort-key value as this module writes it. Anything else (an operator object, a regular
// expression, code) was not written here and must not reach a filter.
const isSortValue = (value: unknown) =>
  value === null ||
  typeof value === 'string' ||
  typeof value === 'boolean' ||
  (typeof value === 'number' && Number.isFinite(value)) ||
  (value instanceof Date && !Number.isNaN(value.getTime())) ||
  value instanceof mongoose.Types.ObjectId;

/** The sort-key values of a cursor this module wrote; BAD_USER_INPUT on `argName` otherwise. */
export function decodeCursor(cursor: string, length: number, argName: string): unknown[] {
  try {
    const values = EJSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'), {
      relaxed: false,
    });
    if (Array.isArray(values) && values.length === length && values.every(isSortValue))
      return values;
  } catch {
    // fall through to the error below
  }
  throw badInput(argName, 'not a cursor of this list');
}

/** Rows strictly after the cursor in the given order. */
function afterFilter(keys: SortKey[], values: unknown[]): Record<string, unknown> {
  const branches = keys.map((key, i) => {
    const equalPrefix = Object.fromEntries(keys.slice(0, i).map((k, j) => [k.field, values[j]]));
    return { ...equalPrefix, [key.field]: { [key.direction === 1 ? '$gt' : '$lt']: values[i] } };
  });
  return { $or: branches };
}

/** The page size asked for and its direction (`last` without `first`: backward). */
export function pageSize(args: PageArgs): { size: number; backward: boolean } {
  const backward = args.last != null && args.first == null;
  const size = (backward ? args.last : args.first) ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 0 || size > MAX_PAGE_SIZE) {
    throw badInput(backward ? 'last' : 'first', `must be between 0 and ${MAX_PAGE_SIZE}`);
  }
  return { size, backward };
}

/**
 * Keyset (cursor) pagination over a stable sort, scoped like every read. Backward pages run the
 * reversed sort and are flipped, so both directions cost one indexed query.
 */
export async function findConnection<T>(
  model: Model<any>, // eslint-disable-line @typescript-eslint/no-explicit-any
  options: { scope: Scope; filter: Record<string, unknown>; sort: SortKey[]; args: PageArgs },
): Promise<Connection<T>> {
  const { scope, filter, args } = options;
  const keys: SortKey[] = [
    ...options.sort,
    { field: '_id', direction: options.sort.at(-1)?.direction ?? 1 },
  ];
  const { size, backward } = pageSize(args);
  const order = backward ? keys.map((k) => ({ ...k, direction: -k.direction as 1 | -1 })) : keys;
  const cursor = backward ? args.before : args.after;
  const conditions = [filter];
  if (cursor)
    conditions.push(
      afterFilter(order, decodeCursor(cursor, keys.length, backward ? 'before' : 'after')),
    );
  if (!backward && args.before) {
    const before = decodeCursor(args.before, keys.length, 'before');
    conditions.push(
      afterFilter(
        keys.map((k) => ({ ...k, direction: -k.direction as 1 | -1 })),
        before,
      ),
    );
  }

  const rows = (await model
    .find({ $and: conditions }, null, { scope })
    .sort(Object.fromEntries(order.map((k) => [k.field, k.direction])))
    .limit(size + 1)
    .lean()) as Doc[];
  const more = rows.length > size;
  const page = rows.slice(0, size);
  if (backward) page.reverse();
  const edges = page.map((node) => ({ cursor: encodeCursor(node, keys), node: node as T }));
  return {
    edges,
    pageInfo: {
      hasNextPage: backward ? Boolean(args.before) : more,
      hasPreviousPage: backward ? more : Boolean(args.after),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount: () => model.countDocuments(filter, { scope }).exec(),
  };
}

/**
 * One page per key value (e.g. per account) in one aggregation: the batched form of
 * `findConnection` for DataLoaders. Forward paging only; the `after` cursor applies to every key.
 */
export async function findConnectionsByKey<T>(
  model: Model<any>, // eslint-disable-line @typescript-eslint/no-explicit-any
  options: {
    scope: Scope;
    keyField: string;
    keys: readonly unknown[];
    filter: Record<string, unknown>;
    sort: SortKey[];
    args: Pick<PageArgs, 'first' | 'after'>;
  },
): Promise<Map<string, Connection<T>>> {
  const { scope, keyField, args } = options;
  const keys: SortKey[] = [
    ...options.sort,
    { field: '_id', direction: options.sort.at(-1)?.direction ?? 1 },
  ];
  const { size } = pageSize({ first: args.first });
  const conditions = [{ ...options.filter, [keyField]: { $in: options.keys } }];
  if (args.after)
    conditions.push(afterFilter(keys, decodeCursor(args.after, keys.length, 'after')));
  const groups = await model
    .aggregate<{ _id: unknown; docs: Doc[] }>([
      { $match: { $and: conditions } },
      { $sort: { [keyField]: 1, ...Object.fromEntries(keys.map((k) => [k.field, k.direction])) } },
      { $group: { _id: `$${keyField}`, docs: { $push: '$$ROOT' } } },
      { $project: { docs: { $slice: ['$docs', size + 1] } } },
    ])
    .option({ scope });
  const byKey = new Map(groups.map((group) => [String(group._id), group.docs]));
  return new Map(
    options.keys.map((key) => [
      String(key),
      forwardPage<T>(byKey.get(String(key)) ?? [], keys, size, Boolean(args.after)),
    ]),
  );
}

/** The sort keys of a list with `_id` appended as the final tie-breaker. */
export const withIdKey = (sort: SortKey[]): SortKey[] => [
  ...sort,
  { field: '_id', direction: sort.at(-1)?.direction ?? 1 },
];

// An edge whose cursor is written when first asked for: screens listing many short lists (the
// account screen: three per account) mostly ask only for the last one's. A class, so that the
// getter is its prototype's, not a closure and accessor built for every edge (a province screen
// builds some 1 500 edges).
class LazyEdge<T> {
  #cursor: string | undefined;
  constructor(
    readonly node: T,
    private readonly keys: SortKey[],
  ) {}

  get cursor(): string {
    return (this.#cursor ??= encodeCursor(this.node as Doc, this.keys));
  }
}

/**
 * A forward page from rows already in the list's order: up to `size + 1` of them (one more says a
 * next page exists), or `size` when the caller knows whether more follow (`more`). `afterCursor`:
 * the page was asked after a cursor.
 */
export function forwardPage<T>(
  rows: readonly Record<string, unknown>[],
  keys: SortKey[],
  size: number,
  afterCursor: boolean,
  more: boolean = rows.length > size,
): Connection<T> {
  return pageOf<T>(rows.slice(0, size), keys, { hasNextPage: more, hasPreviousPage: afterCursor });
}

/** A page of exactly `rows` (in the list's order), whatever the direction it was read in. */
export function pageOf<T>(
  rows: readonly Record<string, unknown>[],
  keys: SortKey[],
  around: { hasNextPage: boolean; hasPreviousPage: boolean },
): Connection<T> {
  const edges = rows.map((node) => new LazyEdge<T>(node as T, keys));
  return { edges, pageInfo: new LazyPageInfo(edges, around) };
}

// A page's info, its cursors written when asked for, like the edges' (a class, as `LazyEdge`:
// a province screen builds some 300 pages).
class LazyPageInfo<T> {
  readonly hasNextPage: boolean;
  readonly hasPreviousPage: boolean;
  constructor(
    private readonly edges: LazyEdge<T>[],
    around: { hasNextPage: boolean; hasPreviousPage: boolean },
  ) {
    this.hasNextPage = around.hasNextPage;
    this.hasPreviousPage = around.hasPreviousPage;
  }

  get startCursor(): string | null {
    return this.edges[0]?.cursor ?? null;
  }

  get endCursor(): string | null {
    return this.edges.at(-1)?.cursor ?? null;
  }
}

/** The page size asked for (`first`, else `last`), checked against the limits. */
export const checkedPageSize = (args: PageArgs): number => pageSize(args).size;
