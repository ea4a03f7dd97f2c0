import type { Model, Types } from 'mongoose';
import { systemScope } from '../access/scope';
import { diffFields } from '../audit/audit-diff';
import { recordAudits, type AuditActor } from '../audit/audit.service';
import type { ImportOutcome } from './import-kind';

const scope = systemScope('import');

/** A valid row turned into the fields its record should have. */
export type PlannedRow = {
  index: number;
  externalId: string;
  branchCode: string;
  /** Every field the row determines (compared with the stored record; `$set` on write). */
  fields: Record<string, unknown>;
};

type Stored = Record<string, unknown> & { _id: Types.ObjectId; externalId: string };

/** The smallest range holding every id (ids sort as strings). */
export function externalIdBounds(ids: readonly string[]): { $gte?: string; $lte?: string } {
  if (ids.length === 0) return {};
  const sorted = [...ids].sort();
  return { $gte: sorted[0]!, $lte: sorted[sorted.length - 1]! };
}

/** Records of a source system by external id, whatever the caller's scope (access is per row). */
export async function loadByExternalIds(
  model: Model<any>, // eslint-disable-line @typescript-eslint/no-explicit-any
  sourceSystem: string,
  externalIds: string[],
): Promise<Map<string, Stored>> {
  const rows = (await model
    // The bounds add nothing on MongoDB, but let the stand-in use its index instead of scanning.
    .find(
      { sourceSystem, externalId: { ...externalIdBounds(externalIds), $in: externalIds } },
      null,
      { scope },
    )
    .lean()) as Stored[];
  return new Map(rows.map((row) => [row.externalId, row]));
}

/**
 * Decides INSERTED / UPDATED / UNCHANGED per planned row against what is stored (a later row with
 * the same key sees the earlier one), writes the changes in one unordered bulk upsert, and audits
 * them in one insert. Idempotent: a replayed batch finds everything UNCHANGED.
 */
export async function upsertPlannedRows(options: {
  model: Model<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  entityType: string;
  sourceSystem: string;
  actor: AuditActor;
  rows: PlannedRow[];
  existing: Map<string, Stored>;
  dryRun: boolean;
  /** A revision counter bumped on every write, so the records' own revisioned writers re-read. */
  counter?: string;
}): Promise<Map<number, ImportOutcome>> {
  const { model, sourceSystem, rows, existing } = options;
  const latest = new Map(existing);
  const decisions = rows.map((row) => {
    const before = latest.get(row.externalId) ?? null;
    const picked = before
      ? Object.fromEntries(Object.keys(row.fields).map((k) => [k, before[k]]))
      : null;
    const changes = diffFields(picked, row.fields);
    const status = !before ? 'INSERTED' : changes.length > 0 ? 'UPDATED' : 'UNCHANGED';
    latest.set(row.externalId, {
      ...(before ?? {}),
      ...row.fields,
      externalId: row.externalId,
    } as Stored);
    return { row, before, status, changes } as const;
  });
  const writes = decisions.filter((d) => d.status !== 'UNCHANGED');
  const upserted = new Map<string, Types.ObjectId>();
  if (writes.length > 0 && !options.dryRun) {
    const result = await model.bulkWrite(
      writes.map(({ row }) => ({
        updateOne: {
          filter: { sourceSystem, externalId: row.externalId },
          update: options.counter
            ? { $set: row.fields, $inc: { [options.counter]: 1 } }
            : { $set: row.fields },
          upsert: true,
        },
      })),
      { ordered: true },
    );
    for (const [position, id] of Object.entries(result.upsertedIds ?? {})) {
      upserted.set(writes[Number(position)]!.row.externalId, id as Types.ObjectId);
    }
    await recordAudits(
      writes.map(({ row, before, changes }) => ({
        actor: options.actor,
        action: `import:${before ? 'update' : 'insert'}`,
        entityType: options.entityType,
        entityId: String(before?._id ?? upserted.get(row.externalId) ?? row.externalId),
        branchCode: row.branchCode,
        changes,
      })),
    );
  }
  return new Map(
    decisions.map(({ row, before, status }) => {
      const id = String(before?._id ?? upserted.get(row.externalId) ?? '');
      return [row.index, { status, id }];
    }),
  );
}
