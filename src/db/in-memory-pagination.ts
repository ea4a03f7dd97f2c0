import { badInput } from '../shared/errors';
import { isSupportedInstant } from '../shared/inputs';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type Connection } from './keyset-pagination';

/** Where a page of an in-memory list starts: the instant its figures were computed at, and the
 * last row already seen. */
export type MemoryCursor = { now: Date; position: { key: number; id: string } | null };

/**
 * Reads the `after` cursor of a list computed in memory. The cursor carries the instant of the
 * first page, so later pages rank time-dependent figures (minutes left, overdue) as of the same
 * instant and the order stays consistent across pages; without a cursor it is now.
 */
export function readMemoryCursor(after: string | null | undefined, now = new Date()): MemoryCursor {
  if (!after) return { now, position: null };
  try {
    const values: unknown = JSON.parse(Buffer.from(after, 'base64url').toString('utf8'));
    if (Array.isArray(values) && values.length === 3) {
      const [at, key, id] = values as unknown[];
      if (
        typeof at === 'number' &&
        isSupportedInstant(new Date(at)) &&
        typeof key === 'number' &&
        Number.isFinite(key) &&
        typeof id === 'string'
      ) {
        return { now: new Date(at), position: { key, id } };
      }
    }
  } catch {
    // fall through to the error below
  }
  throw badInput('after', 'not a cursor of this list');
}

/**
 * A Relay page of rows sorted by a numeric key, then id, both ascending. Keyset, not offset: the
 * cursor names the last row's (key, id), so a row removed between pages does not shift the rest.
 */
export function pageInMemory<T>(
  rows: readonly T[],
  options: {
    cursor: MemoryCursor;
    first?: number | null;
    key: (row: T) => number;
    id: (row: T) => string;
  },
): Connection<T> {
  const size = options.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 0 || size > MAX_PAGE_SIZE) {
    throw badInput('first', `must be between 0 and ${MAX_PAGE_SIZE}`);
  }
  const { now, position } = options.cursor;
  const ranked = rows
    .map((node) => ({ node, key: options.key(node), id: options.id(node) }))
    .sort((a, b) => a.key - b.key || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const rest = position
    ? ranked.filter(
        (row) => row.key > position.key || (row.key === position.key && row.id > position.id),
      )
    : ranked;
  const edges = rest.slice(0, size).map((row) => ({
    cursor: Buffer.from(JSON.stringify([now.getTime(), row.key, row.id])).toString('base64url'),
    node: row.node,
  }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rest.length > size,
      hasPreviousPage: position !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount: async () => rows.length,
  };
}
