import mongoose from 'mongoose';

// The only filters mongo-java-server answers from an index: `_id` equality, a bare `_id $in`, or
// equality on every field of a unique index, with nothing else beside them (`_id $in` next to
// another condition scans). The stand-in cannot say what it examined, so the shape of every
// command is checked.

type Filter = Record<string, unknown>;

const isValue = (value: unknown) =>
  value instanceof mongoose.Types.ObjectId || (value !== null && typeof value !== 'object');

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

/** The unique indexes of a collection, as lists of their fields. */
export async function uniqueKeysOf(collection: string): Promise<string[][]> {
  const indexes = await mongoose.connection.db!.collection(collection).indexes();
  return indexes.filter((index) => index.unique).map((index) => Object.keys(index.key));
}

/** A read command as the driver sent it. */
export type ReadCommand = { commandName: string; command: Record<string, unknown> };

/** The filter a read command selects its documents by (an aggregation: its leading `$match`). */
export function filterOf({ commandName, command }: ReadCommand): Filter | null {
  if (commandName === 'find') return (command.filter as Filter | undefined) ?? {};
  const first = (command.pipeline as Filter[] | undefined)?.[0];
  return (first?.$match as Filter | undefined) ?? null;
}

/** The reads among `commands` that the stand-in answers by scanning, with their filters. */
export async function scanningReads(commands: readonly ReadCommand[]) {
  const reads = commands.filter((c) =>
    ['find', 'aggregate', 'count', 'distinct'].includes(c.commandName),
  );
  const scanning = [];
  for (const read of reads) {
    const collection = String(read.command[read.commandName]);
    const filter = filterOf(read);
    if (!filter || !isKeyed(filter, await uniqueKeysOf(collection))) {
      scanning.push({ commandName: read.commandName, collection, filter });
    }
  }
  return scanning;
}
