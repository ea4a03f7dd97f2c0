import type { AnyBulkWriteOperation, Collection, Document } from 'mongodb';
import { isDuplicateKey, onlyDuplicateKeys, writeErrorsOf } from './duplicate-key';

/**
 * Matched or inserted writes of an unordered bulk write of version-guarded writes (`{ _id, v }`,
 * inserts under `v: 0`), -1 when unknown; a duplicate key is a lost race, not an error. The
 * caller compares with the number of writes and, when some lost, reads again and decides again.
 */
export async function effectiveWrites<T extends Document>(
  collection: Collection<T>,
  writes: AnyBulkWriteOperation<T>[],
  options: { ordered?: boolean } = {},
): Promise<number> {
  if (writes.length === 0) return 0;
  try {
    const result = await collection.bulkWrite(writes, { ordered: options.ordered ?? false });
    return result.matchedCount + result.upsertedCount;
  } catch (error) {
    const { result } = error as { result?: { matchedCount: number; upsertedCount: number } };
    // A race the stand-in lost for the whole command: which writes took effect is unknown.
    if (writeErrorsOf(error).length === 0 && isDuplicateKey(error)) return -1;
    if (!onlyDuplicateKeys(error) || !result) throw error;
    return result.matchedCount + result.upsertedCount;
  }
}
