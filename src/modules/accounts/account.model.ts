import { model, Schema, Types, type InferSchemaType } from 'mongoose';
import { keepRecordKeys } from '../record-keys/record-key.service';
import { accessPlugin } from '../access/access.plugin';
import { pendingConsequencesPlugin } from '../consequences/pending-consequences';
import { JOURNEY_STAGES } from '../journey/journey-stage';
import { indexRevisionGuard, REVISION_FIELD } from '../journey/revisioned-write';

const contactSchema = new Schema(
  {
    name: { type: String, required: true },
    role: { type: String, default: null },
    phone: { type: String, default: null },
    email: { type: String, default: null },
  },
  { _id: false },
);

const keyAccountSchema = new Schema(
  {
    externalId: { type: String, required: true },
    sourceSystem: { type: String, required: true },
    name: { type: String, required: true },
    industry: { type: String, default: null },
    tier: { type: String, default: null },
    branchCode: { type: String, required: true },
    accountManagerId: { type: Schema.Types.ObjectId, required: true },
    contacts: { type: [contactSchema], default: [] },
    status: { type: String, enum: ['ACTIVE', 'CLOSED'], default: 'ACTIVE', required: true },
    /** When the customer relationship began (may be in the past for imported accounts). */
    openedAt: { type: Date, required: true },
    closedAt: { type: Date, default: null },
    currentStage: { type: String, enum: JOURNEY_STAGES, default: 'CONSULTING', required: true },
    revision: REVISION_FIELD,
  },
  { timestamps: true },
);
keyAccountSchema.index({ sourceSystem: 1, externalId: 1 }, { unique: true });
keyAccountSchema.index({ branchCode: 1, name: 1, _id: 1 });
keyAccountSchema.index({ accountManagerId: 1 });
indexRevisionGuard(keyAccountSchema);
keyAccountSchema.plugin(accessPlugin);
keyAccountSchema.plugin(pendingConsequencesPlugin);

/** A stored key account. */
export type KeyAccountDoc = InferSchemaType<typeof keyAccountSchema> & { _id: Types.ObjectId };

export const KeyAccountModel = model('KeyAccount', keyAccountSchema);
// Created only by insertOnce and imports, which keep their natural keys.
keepRecordKeys(KeyAccountModel);
