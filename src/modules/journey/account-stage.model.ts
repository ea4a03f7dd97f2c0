import { model, Schema, type Types } from 'mongoose';
import type { StageState } from './stage-state';

/**
 * What each account's current stage is decided from (`_id` = account id), kept on every write of
 * a stage-moving record, so the stage is read by `_id` instead of the latest and latest open
 * records of every record collection per account. The stand-in scans for those (it serves no
 * accountId index); on MongoDB the accountId indexes would serve them, and this document only
 * saves the reads. `v` counts the writes: each expects the one it read.
 */
const accountStageSchema = new Schema(
  {
    latest: { type: Schema.Types.Mixed, default: {} },
    open: { type: Schema.Types.Mixed, default: {} },
    v: { type: Number, required: true },
    /** Names the write that stored this version (tells a writer whether its write took effect). */
    w: { type: Schema.Types.ObjectId, required: true },
  },
  { versionKey: false, minimize: false },
);

// Stand-in only: the guarded write `{ _id, v }` is answered from an index only when an index has
// exactly those fields (else it scans every account's state); on MongoDB `_id` serves it.
accountStageSchema.index({ _id: 1, v: 1 }, { unique: true });

/** A stored account stage state. */
export type AccountStageDoc = StageState & { _id: Types.ObjectId; v: number; w: Types.ObjectId };

export const AccountStageModel = model('AccountStage', accountStageSchema);
