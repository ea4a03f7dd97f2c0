import type { Actor } from '../auth/actor';
import type { Scope } from '../access/scope';
import { findConnection, type Connection, type PageArgs } from '../../db/keyset-pagination';
import { diffFields, type FieldChange } from './audit-diff';
import { AuditEntryModel, type AuditEntryDoc } from './audit.model';

/** Who did something: a person or integration, or the service itself. */
export type AuditActor = Actor | { system: string };

function auditActorFields(actor: AuditActor) {
  return 'system' in actor
    ? { userId: null, login: `system:${actor.system}`, role: null }
    : { userId: actor.userId, login: actor.login, role: actor.role };
}

/** Appends many entries whose changes are already known, in one insert (bulk imports). */
export async function recordAudits(
  entries: {
    actor: AuditActor;
    action: string;
    entityType: string;
    entityId: string;
    branchCode: string | null;
    changes: FieldChange[];
  }[],
  at = new Date(),
): Promise<void> {
  if (entries.length === 0) return;
  // Straight to the driver: the entries are already in the stored shape, and casting thousands of
  // `changes` through mongoose costs more than the insert itself in a bulk import.
  await AuditEntryModel.collection.insertMany(
    entries.map((entry) => ({ ...entry, at, actor: auditActorFields(entry.actor) })),
    { ordered: false },
  );
}

/** Appends who changed what, with before/after of the changed fields. */
export async function recordAudit(entry: {
  actor: AuditActor;
  action: string;
  entityType: string;
  entityId: string;
  branchCode: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  at?: Date;
}): Promise<void> {
  const actor = auditActorFields(entry.actor);
  await AuditEntryModel.create({
    entityType: entry.entityType,
    entityId: entry.entityId,
    action: entry.action,
    at: entry.at ?? new Date(),
    actor,
    branchCode: entry.branchCode,
    changes: diffFields(entry.before, entry.after),
  });
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
