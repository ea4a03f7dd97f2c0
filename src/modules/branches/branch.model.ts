import { model, Schema, type InferSchemaType } from 'mongoose';
import { pendingConsequencesPlugin } from '../consequences/pending-consequences';

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

const branchSchema = new Schema(
  {
    code: { type: String, required: true, unique: true },
    name: { type: String, required: true },
    timeZone: { type: String, required: true, default: DEFAULT_TIME_ZONE },
  },
  { timestamps: true },
);

/** A stored branch. */
export type BranchDoc = InferSchemaType<typeof branchSchema> & { _id: unknown };

branchSchema.plugin(pendingConsequencesPlugin);

export const BranchModel = model('Branch', branchSchema);
