import type { Model } from 'mongoose';
import type { z } from 'zod';
import { policyResolverFor, type PolicyResolver } from '../sla-policies/sla-policy.service';
import {
  DEFAULT_ACCOUNT_SOURCE,
  loadAccounts,
  writableAccount,
  type LinkedAccount,
} from './account-linked-rows';
import type { PendingConsequence } from '../consequences/consequence-kinds';
import {
  loadByExternalIds,
  upsertPlannedRows,
  type PlannedRow,
  type WrittenRecord,
} from './batch-upsert';
import type { ImportContext, ImportOutcome } from './import-kind';
import { parseRows, rejected } from './parse-rows';
import { step, syncStep } from '../../shared/steps';

/** What every row of such a kind names: its key and its account. */
type AccountRow = {
  externalId: string;
  accountExternalId: string;
  accountSourceSystem: string | null;
};

/** A valid row whose account the token may write on, with the record stored under its key. */
export type CheckedRow<R, D> = {
  index: number;
  row: R;
  account: LinkedAccount;
  stored: D | undefined;
};

/**
 * One batch of a kind whose records copy the SLA policy in force when they began (activation
 * orders, fault tickets): rows parsed; the stored records and the accounts read in one query
 * each; access checked per row; the policies (and branches' time zones) read once, only when a row
 * needs them (`keepsPolicy` false); the records rows refer to (`references`, optional) read with
 * the accounts; every row planned; one bulk write storing each written
 * record's audit entry and `consequencesOf` with it, which are then applied. Their `revision` is
 * bumped on every write, so the records' own revisioned writers re-read. Returns one outcome per
 * row, in order.
 */
export async function importPolicyBoundBatch<
  S extends z.ZodType<AccountRow>,
  D extends { accountId: unknown },
  R = undefined,
>(options: {
  context: ImportContext;
  raw: Record<string, unknown>[];
  schema: S;
  model: Model<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  entityType: string;
  keepsPolicy: (checked: CheckedRow<z.infer<S>, D>) => boolean;
  /** Other records the valid rows refer to, read once for the batch and handed to `plan`. */
  references?: (rows: z.infer<S>[]) => Promise<R>;
  plan: (
    checked: CheckedRow<z.infer<S>, D>,
    policyFor: PolicyResolver | null,
    references: R,
  ) => PlannedRow | ImportOutcome;
  consequencesOf: (record: WrittenRecord) => PendingConsequence[];
  /**
   * Values of new records derived for the whole batch before its write (fault tickets: "repeat
   * of"), for the rows of keys not stored and planned once; returns those rows as to be written.
   */
  deriveNew?: (rows: PlannedRow[]) => Promise<PlannedRow[]>;
}): Promise<ImportOutcome[]> {
  const { context, raw } = options;
  const { valid, outcomes } = syncStep('parse rows', () => parseRows(options.schema, raw));
  const accountKey = (row: AccountRow) => ({
    sourceSystem: row.accountSourceSystem ?? DEFAULT_ACCOUNT_SOURCE,
    externalId: row.accountExternalId,
  });
  const [accounts, existing, references] = await step('read records and accounts', () =>
    Promise.all([
      loadAccounts(valid.map((v) => accountKey(v.row))),
      loadByExternalIds(
        options.model,
        context.sourceSystem,
        valid.map((v) => v.row.externalId),
      ),
      options.references?.(valid.map((v) => v.row)) as Promise<R>,
    ]),
  );
  const checked: CheckedRow<z.infer<S>, D>[] = [];
  for (const { index, row } of valid) {
    const stored = existing.get(row.externalId) as D | undefined;
    const access = writableAccount(context, accountKey(row), accounts, stored);
    if (access.ok) checked.push({ index, row, account: access.account, stored });
    else outcomes.set(index, access.outcome);
  }
  const needPolicy = checked.filter((c) => !options.keepsPolicy(c)).map((c) => c.account);
  const policyFor =
    needPolicy.length > 0 ? await step('read policies', () => policyResolverFor(needPolicy)) : null;
  const planned: PlannedRow[] = [];
  syncStep('plan rows', () => {
    for (const row of checked) {
      const decision = options.plan(row, policyFor, references);
      if ('fields' in decision) planned.push(decision);
      else outcomes.set(row.index, decision);
    }
  });
  const written = await upsertPlannedRows({
    model: options.model,
    entityType: options.entityType,
    sourceSystem: context.sourceSystem,
    actor: context.actor,
    rows:
      options.deriveNew && !context.dryRun
        ? await step('derive new records', () => withDerived(planned, existing, options.deriveNew!))
        : planned,
    existing,
    dryRun: context.dryRun,
    consequencesOf: options.consequencesOf,
  });
  for (const [index, outcome] of written) outcomes.set(index, outcome);
  return raw.map((_, index) => outcomes.get(index)!);
}

// The planned rows with the derived values of new records (keys not stored, planned once).
async function withDerived(
  planned: PlannedRow[],
  existing: Map<string, unknown>,
  derive: (rows: PlannedRow[]) => Promise<PlannedRow[]>,
): Promise<PlannedRow[]> {
  const perKey = new Map<string, number>();
  for (const row of planned) perKey.set(row.externalId, (perKey.get(row.externalId) ?? 0) + 1);
  const isNew = (row: PlannedRow) =>
    !existing.has(row.externalId) && perKey.get(row.externalId) === 1;
  const derived = new Map((await derive(planned.filter(isNew))).map((row) => [row.index, row]));
  return planned.map((row) => derived.get(row.index) ?? row);
}

/**
 * The policy snapshot a row is measured against, or its rejection on `field` when no default
 * policy was in force at that time (nothing to measure it against).
 */
export function policySnapshotOrRejection<T>(
  field: string,
  snapshot: () => T,
): { ok: true; snapshot: T } | { ok: false; outcome: ImportOutcome } {
  try {
    return { ok: true, snapshot: snapshot() };
  } catch (error) {
    if (error instanceof RangeError) return { ok: false, outcome: rejected(field, error.message) };
    throw error;
  }
}
