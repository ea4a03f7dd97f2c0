import { Types, type Model } from 'mongoose';
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
  const valid = ids.filter((id) => Types.ObjectId.isValid(String(id))).map(String);
  if (valid.length === 0) return [];
  // The branch rule below needs `branchCode`, whatever else the caller reads.
  const fields = projection && { ...projection, branchCode: 1 };
  const unique = [...new Set(valid)];
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
  const branch = scopedBranch(scope);
  return branch === null ? rows : rows.filter((row) => row.branchCode === branch);
}
