import mongoose, { Types, type Model } from 'mongoose';
import type { DecodedCache } from '../../db/decoded-cache';
import { deepFreeze } from '../../shared/deep-freeze';
import { HEX_ID, hexIdInBytes } from '../../db/hex-id';
import { scopedBranch, systemScope, type Scope } from './scope';

const byIdScope = systemScope('by-id');

/**
 * Account-linked documents by id within the scope: one bare `_id $in` read, then the scope's branch
 * rule (the same `scopedBranch` the access plugin narrows every other read by) applied to the rows,
 * so a document out of scope is answered exactly like a missing one. `projection` (top-level
 * fields) narrows what is read and decoded.
 *
 * Stand-in: mongo-java-server serves `_id $in` from its index only when it is the whole filter;
 * with the plugin's `branchCode` clause beside it, it scans the collection (30 000 documents, 100
 * ids: 5–9 ms bare, 150–240 ms with the clause). On MongoDB both forms use the `_id` index.
 */
export async function findByIdsInScope<T extends { branchCode?: unknown }>(
  model: Model<any>, // eslint-disable-line @typescript-eslint/no-explicit-any
  scope: Scope,
  ids: readonly unknown[],
  projection: Record<string, 1> | null = null,
): Promise<T[]> {
  const unique = validIds(ids);
  if (unique.length === 0) return [];
  // The branch rule below needs `branchCode`, whatever else the caller reads.
  const fields = projection && { ...projection, branchCode: 1 };
  // ObjectId keys are read through the driver: the same documents as a lean query, without
  // mongoose's casting and middleware on the hot path (the account screen's dozen reads).
  const rows =
    model.schema.path('_id')?.instance === 'ObjectId'
      ? ((await model.collection
          .find(
            { _id: { $in: unique.map((id) => new Types.ObjectId(id)) } },
            fields ? { projection: fields } : {},
          )
          .toArray()) as unknown as T[])
      : await model.find({ _id: { $in: unique } }, fields, { scope: byIdScope }).lean<T[]>();
  return inScope(scope, rows);
}

const validIds = (ids: readonly unknown[]) => [
  ...new Set(ids.filter((id) => Types.ObjectId.isValid(String(id))).map(String)),
];

// The scope's branch rule (`scopedBranch`, as the access plugin narrows every other read by).
function inScope<T extends { branchCode?: unknown }>(scope: Scope, rows: T[]): T[] {
  const branch = scopedBranch(scope);
  return branch === null ? rows : rows.filter((row) => row.branchCode === branch);
}

const { BSON } = mongoose.mongo;

/**
 * Whole documents by ObjectId within the scope, as `findByIdsInScope` (the same command), each
 * decoded document kept in `cache` under the bytes it was read as (db/decoded-cache): a document
 * this process has decoded before, unchanged to the byte, is not decoded again. What is returned
 * may be shared with other requests (frozen): not to be changed. The scope is applied to every
 * read as before.
 */
export async function findKeptByIdsInScope<T extends { branchCode?: unknown }>(
  model: Model<any>, // eslint-disable-line @typescript-eslint/no-explicit-any
  scope: Scope,
  ids: readonly unknown[],
  cache: DecodedCache<T>,
): Promise<T[]> {
  const unique = validIds(ids);
  if (unique.length === 0) return [];
  const read = (await model.collection
    .find({ _id: { $in: unique.map((id) => new Types.ObjectId(id)) } }, { raw: true })
    .toArray()) as unknown as Uint8Array[];
  const db = model.collection.dbName;
  const rows = read.map((bytes) => {
    const id = hexIdInBytes(bytes);
    const held = id && cache.get(`${db}/${id}`, bytes);
    if (held) return held;
    const row = BSON.deserialize(bytes) as T & { [HEX_ID]?: string };
    if (!id) return deepFreeze(row);
    row[HEX_ID] = id;
    cache.set(`${db}/${id}`, bytes, deepFreeze(row));
    return row;
  });
  return inScope(scope, rows);
}
