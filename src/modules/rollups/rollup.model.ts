import { model, Schema } from 'mongoose';

// Rollup buckets (`items`: record id → value) and, under `<family>|<branch>|months`, the list of
// months a family has buckets in for a branch. Written and read through the driver with string
// ids only: the stand-in answers `_id` equality and a bare `_id $in` from its index, nothing else.
const rollupSchema = new Schema(
  {
    _id: { type: String, required: true },
    items: { type: Schema.Types.Mixed },
    months: { type: [String], default: undefined },
  },
  { minimize: false, versionKey: false },
);

export const RollupModel = model('Rollup', rollupSchema);

/** A bucket or months document as stored. */
export type RollupDoc = { _id: string; items?: Record<string, unknown>; months?: string[] };

// Where each record is counted (`<Source>:<record id>` → bucket id → value): what a change of the
// record must clear, and what `rollups:check` compares against.
const rollupMemberSchema = new Schema(
  {
    _id: { type: String, required: true },
    buckets: { type: Schema.Types.Mixed },
  },
  { minimize: false, versionKey: false },
);

export const RollupMemberModel = model('RollupMember', rollupMemberSchema);

/** A record's membership as stored. */
export type RollupMemberDoc = { _id: string; buckets: Record<string, unknown> };

/** A membership id. */
export const memberId = (source: string, recordId: unknown) => `${source}:${String(recordId)}`;
