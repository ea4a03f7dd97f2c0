import type { Model, Types } from 'mongoose';
import { z } from 'zod';
import { FUTURE_MESSAGE, isNotFuture } from '../../shared/inputs';
import { canWriteAccount } from '../access/permissions';
import { actorScope, canReadBranch, systemScope } from '../access/scope';
import { KeyAccountModel } from '../accounts/account.model';
import type { PendingConsequence } from '../consequences/consequence-kinds';
import { lifecycleConsequence } from '../journey/lifecycle-hooks';
import { findByExternalIds, isKeyed } from '../record-keys/record-key.service';
import type { PlannedRow } from './batch-upsert';
import type { ImportContext, ImportOutcome } from './import-kind';
import { rejected } from './parse-rows';
import { instantCell, optionalInstantCell, optionalTextCell } from './row-fields';

// Helpers for import kinds whose records hang off a key account (follow-ups, survey responses):
// references by external id, access per row, and the measured-record event per batch.

const scope = systemScope('import');

/** Source system of the accounts a row names when it gives none: accounts come from the CRM. */
export const DEFAULT_ACCOUNT_SOURCE = 'CRM';

/** A required instant that has already happened (the mutations' clock-skew allowance applies). */
export const pastInstantCell = () => instantCell().refine(isNotFuture, FUTURE_MESSAGE);

/** An optional instant that has already happened (empty = null). */
export const optionalPastInstantCell = () =>
  optionalInstantCell().refine((date) => date === null || isNotFuture(date), {
    message: FUTURE_MESSAGE,
  });

/** An optional source-system code (empty = null): letters, digits, _ and -. */
export const optionalCodeCell = () =>
  optionalTextCell(32).refine((code) => code === null || /^[A-Za-z0-9_-]+$/.test(code), {
    message: 'letters, digits, _ and - only',
  });

/** An optional code of a fixed set (empty = null). */
export const optionalEnumCell = <const T extends readonly [string, ...string[]]>(values: T) =>
  z
    .preprocess(
      (value) => (value === '' || value === null ? undefined : value),
      z.enum(values).optional(),
    )
    .transform((value) => value ?? null);

/** A record of a source system, as rows refer to it. */
export type RecordKey = { sourceSystem: string; externalId: string };

/** The key of a record a row refers to by external id (null when the row names none). */
export const referenceKey = (
  externalId: string | null | undefined,
  sourceSystem: string | null | undefined,
  defaultSource: string,
): RecordKey | null =>
  externalId ? { sourceSystem: sourceSystem ?? defaultSource, externalId } : null;

/** How reasons name a referenced record: `CRM/CRM-HZ-001`. */
export const describeKey = (key: RecordKey) => `${key.sourceSystem}/${key.externalId}`;

const mapKey = (key: RecordKey) => JSON.stringify([key.sourceSystem, key.externalId]);

/** Records found by natural key; `get` answers undefined for an unknown key or none asked. */
export type RecordsByKey<T> = { get(key: RecordKey | null): T | undefined };

/**
 * Records of any source systems by natural key, whatever the caller's scope (access is decided
 * per row): through the kept keys (two reads by `_id`) where the collection keeps them.
 */
export async function loadByKeys<T extends RecordKey>(
  model: Model<any>, // eslint-disable-line @typescript-eslint/no-explicit-any
  keys: readonly (RecordKey | null)[],
): Promise<RecordsByKey<T>> {
  const asked = new Map<string, RecordKey>();
  for (const key of keys) if (key) asked.set(mapKey(key), key);
  const found = new Map<string, T>();
  const keep = (rows: T[]) => {
    for (const row of rows) if (asked.has(mapKey(row))) found.set(mapKey(row), row);
  };
  if (isKeyed(model))
    keep(
      (await findByExternalIds(
        model,
        [...asked.values()].map((key) => key.externalId),
      )) as unknown as T[],
    );
  // Unkept keys (a collection without them, or a record whose key a crashed write left pending)
  // by the natural-key query, which the stand-in answers by scanning: rare when keys are kept.
  const missing = [...asked].filter(([key]) => !found.has(key)).map(([, key]) => key);
  keep(await queryByKeys<T>(model, missing));
  return { get: (key) => (key ? found.get(mapKey(key)) : undefined) };
}

async function queryByKeys<T>(
  model: Model<any>, // eslint-disable-line @typescript-eslint/no-explicit-any
  keys: readonly RecordKey[],
): Promise<T[]> {
  if (keys.length === 0) return [];
  const bySystem = new Map<string, Set<string>>();
  for (const key of keys)
    bySystem.set(
      key.sourceSystem,
      (bySystem.get(key.sourceSystem) ?? new Set()).add(key.externalId),
    );
  return (await model
    .find(
      {
        $or: [...bySystem].map(([sourceSystem, ids]) => ({
          sourceSystem,
          externalId: { $in: [...ids] },
        })),
      },
      null,
      { scope },
    )
    .lean()) as T[];
}

/** What access and timelines need of an account a row names. */
export type LinkedAccount = RecordKey & {
  _id: Types.ObjectId;
  branchCode: string;
  accountManagerId: Types.ObjectId;
};

/** The accounts the rows name, in one query. */
export function loadAccounts(keys: readonly RecordKey[]): Promise<RecordsByKey<LinkedAccount>> {
  return loadByKeys<LinkedAccount>(KeyAccountModel, keys);
}

/** The account a row may write on, or why not. */
export type AccountCheck =
  { ok: true; account: LinkedAccount } | { ok: false; outcome: ImportOutcome };

/**
 * Whether the token may see a record a row refers to. A record it may not see is answered exactly
 * like one that does not exist, so a row cannot probe another branch's keys.
 */
export const visibleTo = (context: ImportContext, record: { branchCode?: unknown } | undefined) =>
  !!record && canReadBranch(actorScope(context.actor), String(record.branchCode));

/**
 * The account a row names, if the row may write on it: an unknown account, or one the token may
 * not see, rejects the row alike (nothing is invented); one it sees but may not change is
 * "outside the scope of this token"; and a stored record never moves to another account.
 */
export function writableAccount(
  context: ImportContext,
  key: RecordKey,
  accounts: RecordsByKey<LinkedAccount>,
  stored: { accountId?: unknown } | undefined,
): AccountCheck {
  const found = accounts.get(key);
  const account = visibleTo(context, found) ? found : undefined;
  const refuse = (reason: string): AccountCheck => ({
    ok: false,
    outcome: rejected('accountExternalId', reason),
  });
  if (!account) return refuse(`no key account ${describeKey(key)}`);
  if (!canWriteAccount(context.actor, account)) return refuse('outside the scope of this token');
  if (stored && String(stored.accountId) !== String(account._id))
    return refuse('a record cannot move to another account');
  return { ok: true, account };
}

/**
 * The fields only an insert sets: who recorded the record first (a later import by another token
 * does not make a replayed row UPDATED).
 */
export const insertOnly = (context: ImportContext, stored: unknown) =>
  stored ? {} : { recordedBy: context.actor.login };

/**
 * Plans the valid rows in file order, setting the outcome of those refused; a later row with the
 * same key is checked against what the earlier one planned, not against the stale stored record.
 */
export function planRows<R extends { externalId: string }>(options: {
  valid: readonly { index: number; row: R }[];
  existing: Map<string, Record<string, unknown>>;
  outcomes: Map<number, ImportOutcome>;
  plan: (
    index: number,
    row: R,
    stored: Record<string, unknown> | undefined,
  ) => PlannedRow | ImportOutcome;
}): PlannedRow[] {
  const latest = new Map(options.existing);
  const planned: PlannedRow[] = [];
  for (const { index, row } of options.valid) {
    const stored = latest.get(row.externalId);
    const decision = options.plan(index, row, stored);
    if (!('fields' in decision)) {
      options.outcomes.set(index, decision);
      continue;
    }
    planned.push(decision);
    latest.set(row.externalId, { ...stored, ...decision.fields });
  }
  return planned;
}

/**
 * `measuredRecordWritten` for a written row's measured instants (stored and written values; those
 * that are not instants are skipped), so snapshots of closed periods holding them are recomputed.
 */
export function instantsConsequences(
  branchCode: string,
  instants: unknown[],
): PendingConsequence[] {
  const times = new Map<number, Date>();
  for (const at of instants) if (at instanceof Date) times.set(at.getTime(), at);
  if (times.size === 0) return [];
  return [
    lifecycleConsequence('measuredRecordWritten', { branchCode, eventTimes: [...times.values()] }),
  ];
}

/** Whether two stored-or-planned instants differ (null and missing are the same). */
export const instantChanged = (before: unknown, after: unknown) =>
  (before instanceof Date ? before.getTime() : null) !==
  (after instanceof Date ? after.getTime() : null);
