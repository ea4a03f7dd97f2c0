import type { Model } from 'mongoose';
import { updateWithConsequences } from '../consequences/pending-consequences';
import { auditChange, type AuditActor } from './audit.service';

/**
 * Creates or changes a reference record (no branch) by its key, with its audit entry stored in
 * the same write. The entry is named by the key, which is how the API names such records.
 */
export async function upsertAudited<D extends { _id: unknown }>(
  model: Model<any>, // eslint-disable-line @typescript-eslint/no-explicit-any
  options: {
    actor: AuditActor;
    action: string;
    entityType: string;
    keyField: string;
    key: string;
    set: Record<string, unknown>;
  },
): Promise<D> {
  const { actor, action, entityType, keyField, key, set } = options;
  const filter = { [keyField]: key };
  const before = await model.findOne(filter).lean<Record<string, unknown>>();
  const after = await updateWithConsequences<D>(model, {
    filter,
    update: { $set: set },
    consequences: [
      auditChange({
        actor,
        action,
        entityType,
        entityId: key,
        branchCode: null,
        before,
        after: { ...before, ...filter, ...set },
      }),
    ],
    queryOptions: { upsert: true },
  });
  return after!;
}
