import mongoose from 'mongoose';
import type { SentCommand } from './command-counter';

// What mongo-java-server answers from an index: `_id` equality, a bare `_id $in`, or equality on
// every field of a unique index, with nothing else beside them (`_id $in` next to another
// condition scans, and so does `_id` next to another field unless a unique index has exactly those
// fields). The stand-in cannot say what it examined, so tests check the shape of every filter.

type Filter = Record<string, unknown>;

const isValue = (value: unknown) =>
  value === null ||
  value instanceof mongoose.Types.ObjectId ||
  value instanceof Date ||
  typeof value !== 'object';

/** Whether the stand-in answers the filter from an index (see the comment at the top). */
export function isKeyed(filter: Filter, uniqueKeys: string[][]): boolean {
  const fields = Object.keys(filter);
  if (fields.length === 1 && fields[0] === '_id') {
    const id = filter._id;
    if (isValue(id)) return true;
    const only = id as Filter;
    return Object.keys(only).length === 1 && Array.isArray(only.$in);
  }
  return uniqueKeys.some(
    (key) =>
      key.length === fields.length &&
      key.every((field) => fields.includes(field) && isValue(filter[field])),
  );
}

/** The field lists of a collection's unique indexes (`_id` is unique by itself anyway). */
export async function uniqueKeysOf(collection: string): Promise<string[][]> {
  const indexes = await mongoose.connection.db!.collection(collection).indexes();
  return indexes.filter((index) => index.unique).map((index) => Object.keys(index.key));
}

/**
 * Every filter a command selects documents by: a find's filter, an aggregation's leading `$match`
 * (null when it has none: it reads everything), each statement of an update or delete.
 */
export function filtersOf({ name, body }: SentCommand): (Filter | null)[] {
  if (name === 'find') return [(body.filter as Filter | undefined) ?? {}];
  if (name === 'aggregate') {
    const first = (body.pipeline as Filter[] | undefined)?.[0];
    return [(first?.$match as Filter | undefined) ?? null];
  }
  if (name === 'count' || name === 'distinct') return [(body.query as Filter | undefined) ?? {}];
  const statements = (body.updates ?? body.deletes) as { q: Filter }[] | undefined;
  return statements?.map((statement) => statement.q) ?? [];
}

/** The commands' filters the stand-in answers by scanning, with their collection. */
export async function scanningFilters(
  commands: readonly SentCommand[],
): Promise<{ name: string; collection: string; filter: Filter | null }[]> {
  const keys = new Map<string, string[][]>();
  const scanning = [];
  for (const command of commands) {
    const collection = String(command.collection);
    if (!keys.has(collection)) keys.set(collection, await uniqueKeysOf(collection));
    for (const filter of filtersOf(command))
      if (!filter || !isKeyed(filter, keys.get(collection)!))
        scanning.push({ name: command.name, collection, filter });
  }
  return scanning;
}
