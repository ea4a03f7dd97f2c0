import { model, Schema, Types, type InferSchemaType } from 'mongoose';
import { accessPlugin } from '../access/access.plugin';

// Append-only: the service only ever inserts into this collection.
const auditEntrySchema = new Schema({
  entityType: { type: String, required: true },
  entityId: { type: String, required: true },
  action: { type: String, required: true },
  at: { type: Date, required: true },
  actor: {
    userId: { type: String, default: null },
    login: { type: String, required: true },
    role: { type: String, default: null },
  },
  /** Branch of the entity, so the trail is scoped like the entity itself (null = global). */
  branchCode: { type: String, default: null },
  changes: [{ _id: false, field: String, before: Schema.Types.Mixed, after: Schema.Types.Mixed }],
});
auditEntrySchema.index({ entityId: 1, at: -1, _id: -1 });
auditEntrySchema.plugin(accessPlugin);

/** A stored audit entry. */
export type AuditEntryDoc = InferSchemaType<typeof auditEntrySchema> & { _id: Types.ObjectId };

export const AuditEntryModel = model('AuditEntry', auditEntrySchema);
