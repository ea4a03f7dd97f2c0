import mongoose from 'mongoose';
import { REGISTER_COLLECTION } from '../../src/modules/consequences/write-register';

/**
 * The register entry a writer wrote before storing consequences in the records `filter` selects
 * (by `_id`, or a unique key), as a kill after its write leaves it beside those records: tests that
 * leave consequences pending by hand write it too. `at` is when the write was registered.
 */
export async function registerLeftWrite(
  collection: string,
  filter: Record<string, unknown>,
  at: Date,
): Promise<void> {
  const model = Object.values(mongoose.models).find((m) => m.collection.name === collection);
  if (!model) throw new Error(`no model stores its records in ${collection}`);
  const named = '_id' in filter ? { ids: [filter._id], keys: [] } : { ids: [], keys: [filter] };
  await mongoose.connection
    .db!.collection(REGISTER_COLLECTION)
    .insertOne({ _id: new mongoose.Types.ObjectId(), at, model: model.modelName, ...named });
}
