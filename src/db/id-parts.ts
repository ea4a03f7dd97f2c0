import type { Document } from 'mongodb';

/**
 * Ids per read of documents by bare `_id $in`. Stand-in: mongo-java-server matches every document
 * it finds against the whole `$in` list again (and applies the whole projection to each), so one
 * read's time grows with the square of its ids: 1 000 ids of a 30 000-document collection took
 * 60–230 ms as one read, 18–50 ms as two of 500 and 13–46 ms as ten of 100. 500 keeps a batch of
 * the import's default size (500 rows) in one read, as many commands as a batch of 5 (the command
 * tests), and halves the cost for the largest batches (1 000 rows). On MongoDB the split changes
 * nothing but the number of (concurrent) reads.
 */
export const IDS_PER_READ = 500;

/** `items` in consecutive parts of at most `size` (none when `items` is empty). */
export function inParts<T>(items: readonly T[], size = IDS_PER_READ): T[][] {
  const parts: T[][] = [];
  for (let start = 0; start < items.length; start += size)
    parts.push(items.slice(start, start + size));
  return parts;
}

// A driver collection (mongoose's copy of the driver or the project's: only `find` is used).
type ReadableCollection = {
  find(filter: Document, options: Document): { toArray(): Promise<unknown[]> };
};

/**
 * Documents of `collection` by bare `_id $in` (the only multi-document filter the stand-in answers
 * from its index), in parallel reads of at most `size` ids, projected when asked.
 */
export async function findByIds<T>(
  collection: ReadableCollection,
  ids: readonly unknown[],
  projection?: Document,
  size = IDS_PER_READ,
): Promise<T[]> {
  const read = (part: unknown[]) =>
    collection.find({ _id: { $in: part } }, projection ? { projection } : {}).toArray();
  return (await Promise.all(inParts([...ids], size).map(read))).flat() as T[];
}
