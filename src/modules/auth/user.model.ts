import { model, Schema, Types, type InferSchemaType } from 'mongoose';
import { ROLES } from './actor';
import { pendingConsequencesPlugin } from '../consequences/pending-consequences';

const userSchema = new Schema(
  {
    login: { type: String, required: true, unique: true },
    name: { type: String, required: true },
    role: { type: String, required: true, enum: ROLES },
    branchCode: { type: String, default: null },
    sourceSystem: { type: String, default: null },
  },
  { timestamps: true },
);

/** A stored user. */
export type UserDoc = InferSchemaType<typeof userSchema> & { _id: Types.ObjectId };

userSchema.plugin(pendingConsequencesPlugin);

export const UserModel = model('User', userSchema);
