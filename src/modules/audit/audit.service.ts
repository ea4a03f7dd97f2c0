import type { Actor } from '../auth/actor';
import type { Scope } from '../access/scope';
import { findConnection, type Connection, type PageArgs } from '../../db/keyset-pagination';
import {
  consequence,
  CONSEQUENCE_ORDER,
  registerConsequenceKind,
  type PendingConsequence,
} from '../consequences/consequence-kinds';
import { diffFields, type FieldChange } from './audit-diff';
import { AuditEntryModel, type AuditEntryDoc } from './audit.model';
import { onlyDuplicateKeys } from '../../db/duplicate-key';

/** Who did something: a person or integration, or the service itself. */
export type AuditActor = Actor | { system: string };

function auditActorFields(actor: AuditActor) {
  return 'system' in actor
    ? { userId: null, login: `system:${actor.system}`, role: null }
    : { userId: actor.userId, login: actor.login, role: actor.role };
}

/** An entry to append whose changes are already known. */
type KnownChanges = {
  actor: AuditActor;
  action: string;
  entityType: string;
  entityId: string;
  branchCode: string | null;
  changes: FieldChange[];
};

/** An audit entry in the stored shape, without its id. */
type StoredEntry = {
  entityType: string;
  entityId: string;
  action: string;
  at: Date;
  actor: ReturnType<typeof auditActorFields>;
  branchCode: string | null;
  changes: FieldChange[];
};

/**
 * An audit entry as a consequence of the write that stores it: the entry gets the consequence's id,
 * so it is written once however often the consequence is applied.
 */
export function auditConsequence(
  entry: KnownChanges & { at?: Date },
): PendingConsequence<StoredEntry> {
  return consequence<StoredEntry>('audit', {
    entityType: entry.entityType,
    entityId: entry.entityId,
    action: entry.action,
    at: entry.at ?? new Date(),
    actor: auditActorFields(entry.actor),
    branchCode: entry.branchCode,
    changes: entry.changes,
  });
}

registerConsequenceKind<StoredEntry>('audit', CONSEQUENCE_ORDER.audit, async (due) => {
  try {
    await AuditEntryModel.collection.insertMany(
      due.map(({ id, args }) => ({ ...args, _id: id })),
      { ordered: false },
    );
  } catch (error) {
    // Entries written by an earlier application keep their id: those duplicates are the point.
    if (!onlyDuplicateKeys(error)) throw error;
  }
});

/**
 * The audit entry of a change as a consequence of its write: who changed what, with before/after
 * of the changed fields (`before` null for a new record).
 */
export function auditChange(
  entry: Omit<KnownChanges, 'changes'> & {
    before: Record<string, unknown> | null;
    after: Record<string, unknown> | null;
    at?: Date;
  },
): PendingConsequence<StoredEntry> {
  const { before, after, ...rest } = entry;
  return auditConsequence({ ...rest, changes: diffFields(before, after) });
}

/** The audit trail of one entity, newest first, within the caller's scope. */
export function auditTrail(
  scope: Scope,
  entityId: string,
  args: PageArgs,
): Promise<Connection<AuditEntryDoc>> {
  return findConnection<AuditEntryDoc>(AuditEntryModel, {
    scope,
    filter: { entityId },
    sort: [{ field: 'at', direction: -1 }],
    args,
  });
}
