import { model, Schema, Types, type InferSchemaType } from 'mongoose';
import { pendingConsequencesPlugin } from '../consequences/pending-consequences';

// Only the SHA-256 of a token is stored; tokens are 256-bit random, so a fast hash suffices.
const apiTokenSchema = new Schema(
  {
    tokenHash: { type: String, required: true, unique: true },
    userId: { type: Schema.Types.ObjectId, required: true, index: true },
    label: { type: String, default: null },
    expiresAt: { type: Date, default: null },
    revokedAt: { type: Date, default: null },
  },
  { timestamps: true },
);

/** A stored API token (hash only). */
export type ApiTokenDoc = InferSchemaType<typeof apiTokenSchema> & { _id: Types.ObjectId };

apiTokenSchema.plugin(pendingConsequencesPlugin);

export const ApiTokenModel = model('ApiToken', apiTokenSchema);
