import type { Model } from 'mongoose';

type Doc = Record<string, unknown>;

/**
 * Fields cast to a model's schema as a mongoose upsert would store them, for a bulk write sent
 * with the driver. With `insert`, the whole new document: the fields, the schema's defaults for
 * the rest and the version key at 0; else only the given fields (a `$set`).
 *
 * Why: `Model.bulkWrite` deep-clones and casts each update it sends, and in an import most of
 * that is the pending consequences stored with each record (the audit entry listing every field,
 * the account's list entry, …), which are stored as they are anyway. Casting 1 000 fault-ticket
 * upserts took 1.8–2.2 s with them and 0.3–0.5 s for the records alone: the importing service's
 * largest CPU cost. Writers cast the record with this and add the pending entries as they are.
 */
export function castFields(
  model: Model<any>, // eslint-disable-line @typescript-eslint/no-explicit-any
  fields: Doc,
  options: { insert: boolean },
): Doc {
  const cast = new model(fields).toObject({
    depopulate: true,
    getters: false,
    minimize: false,
    transform: false,
    versionKey: false,
    virtuals: false,
  }) as Doc;
  for (const key of Object.keys(cast)) if (cast[key] === undefined) delete cast[key];
  if (!options.insert)
    return Object.fromEntries(Object.keys(fields).map((key) => [key, cast[key]]));
  const versionKey = model.schema.get('versionKey') as string | false | undefined;
  return versionKey ? { ...cast, [versionKey]: 0 } : cast;
}
