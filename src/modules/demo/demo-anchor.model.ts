import { model, Schema } from 'mongoose';

// One document: when the demo data set of this database was first loaded.
const demoAnchorSchema = new Schema(
  { _id: { type: String, required: true }, now: { type: Date, required: true } },
  { versionKey: false, collection: 'demoanchor' },
);

const DemoAnchorModel = model('DemoAnchor', demoAnchorSchema);

/**
 * The instant the database's demo data set is laid out around: `wanted` on the first load, the
 * stored one on every later load (so a reload on another day adds nothing and conflicts with
 * nothing). First writer wins under concurrent loads.
 */
export async function demoAnchor(wanted: Date): Promise<Date> {
  const stored = await DemoAnchorModel.findOneAndUpdate(
    { _id: 'demo' },
    { $setOnInsert: { now: wanted } },
    { upsert: true, returnDocument: 'after' },
  ).lean<{ now: Date }>();
  return stored!.now;
}
