import { model, Schema, Types } from 'mongoose';

/**
 * The records stored under one external id in one collection, whatever their source system:
 * `_id` = `<collection>:<externalId>`. It exists because of mongo-java-server (the embedded
 * default): it answers a bare `_id $in` from its index but scans for `externalId $in`, even with
 * the unique (sourceSystem, externalId) index (3.1 s for 500 keys at 100 000 records). On MongoDB
 * that index would serve the lookup by itself; this collection only costs one more small write
 * per new record there.
 */
const recordKeySchema = new Schema(
  {
    _id: { type: String, required: true },
    records: {
      type: [
        {
          _id: false,
          sourceSystem: { type: String, required: true },
          recordId: { type: Schema.Types.ObjectId, required: true },
        },
      ],
      default: [],
    },
  },
  { versionKey: false },
);

/** A stored natural-key entry. */
export type RecordKeyDoc = {
  _id: string;
  records: { sourceSystem: string; recordId: Types.ObjectId }[];
};

export const RecordKeyModel = model('RecordKey', recordKeySchema);
