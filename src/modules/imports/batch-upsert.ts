import { Types, type Model } from 'mongoose';
import { systemScope } from '../access/scope';
import { diffFields, type FieldChange } from '../audit/audit-diff';
import { auditConsequence, type AuditActor } from '../audit/audit.service';
import type { PendingConsequence } from '../consequences/consequence-kinds';
import {
  applyPending,
  PENDING,
  type RecordWithPending,
} from '../consequences/pending-consequences';
import { finishAfter, registeredWrite, type RegisteredWrite } from '../consequences/write-register';
import { AuditEntryModel } from '../audit/audit.model';
import { listedRecordConsequences } from '../journey/account-records';
import {
  findByExternalIds,
  isKeyed,
  recordKeyConsequences,
} from '../record-keys/record-key.service';
import type { ImportOutcome } from './import-kind';
import { castFields } from '../../db/cast-fields';
import { onlyDuplicateKeys, writeErrorsOf } from '../../db/duplicate-key';
import { addToGroup } from '../../shared/groups';
import { step, syncStep } from '../../shared/steps';

const scope = systemScope('import');

/** A valid row turned into the fields its record should have. */
export type PlannedRow = {
  index: number;
  externalId: string;
  branchCode: string;
  /** Every field the row determines (compared with the stored record; `$set` on write). */
  fields: Record<string, unknown>;
  /** Defaults a new record takes (e.g. opened now), never compared with a stored one. */
  onInsert?: Record<string, unknown>;
  /** The id a new record takes (default: a fresh one), when values derived before the write name it. */
  newId?: Types.ObjectId;
};

type Doc = Record<string, unknown>;
type Stored = Doc & { _id: Types.ObjectId; externalId: string };

/** A record a row inserted or updated: its id and the versions before (null when new) and after. */
export type WrittenRecord = {
  id: Types.ObjectId;
  branchCode: string;
  before: Doc | null;
  after: Doc;
};

/** A record under the same external id from another source system. */
type OtherCopy = { externalId: string; sourceSystem: string; accountId?: unknown };

/**
 * Stored records of one source system by external id. When the lookup also saw the records of the
 * same external ids under other source systems (kept keys), they come along in `otherSources`, so
 * the wrong-token check needs no query of its own.
 */
export class StoredByKey extends Map<string, Stored> {
  otherSources: OtherCopy[] | null = null;
}

// A scan on mongo-java-server whatever its bounds (it serves only `_id`, unique-key equality and
// a bare `_id $in` from an index); used for collections without kept keys and to re-read the keys
// of a lost race, whose kept key may still be pending.
async function queryByExternalIds(
  model: Model<any>, // eslint-disable-line @typescript-eslint/no-explicit-any
  filter: Record<string, unknown>,
  externalIds: string[],
  projection: Record<string, 1> | null = null,
) {
  return (await model
    .find({ ...filter, externalId: { $in: externalIds } }, projection, { scope })
    .lean()) as Stored[];
}

/** Records of a source system by external id, whatever the caller's scope (access is per row). */
export async function loadByExternalIds(
  model: Model<any>, // eslint-disable-line @typescript-eslint/no-explicit-any
  sourceSystem: string,
  externalIds: string[],
  options: { complete?: boolean } = {},
): Promise<StoredByKey> {
  const found = new StoredByKey();
  if (isKeyed(model) && !options.complete) {
    const records = await findByExternalIds<Stored & { sourceSystem: string }>(model, externalIds);
    found.otherSources = records.filter((record) => record.sourceSystem !== sourceSystem);
    for (const record of records)
      if (record.sourceSystem === sourceSystem) found.set(record.externalId, record);
    return found;
  }
  for (const row of await queryByExternalIds(model, { sourceSystem }, externalIds))
    found.set(row.externalId, row);
  return found;
}

// A row whose record already exists under another source system, for the same account: a file
// imported with the wrong token would silently make a second copy of every record.
async function copiesFromOtherSources(
  model: Model<any>, // eslint-disable-line @typescript-eslint/no-explicit-any
  sourceSystem: string,
  rows: PlannedRow[],
  known: OtherCopy[] | null,
): Promise<Map<number, string>> {
  if (rows.length === 0) return new Map();
  const ids = [...new Set(rows.map((row) => row.externalId))];
  const others =
    known ??
    ((await queryByExternalIds(model, { sourceSystem: { $ne: sourceSystem } }, ids, {
      externalId: 1,
      sourceSystem: 1,
      accountId: 1,
    })) as unknown as OtherCopy[]);
  const copies = new Map<number, string>();
  for (const row of rows) {
    const other = others.find(
      (o) =>
        o.externalId === row.externalId &&
        (row.fields.accountId === undefined ||
          String(o.accountId) === String(row.fields.accountId)),
    );
    if (other) copies.set(row.index, other.sourceSystem);
  }
  return copies;
}

/** The refusal of a row whose record was imported from another source system. */
export function otherSourceRefusal(sourceSystem: string, other: string): ImportOutcome {
  return {
    status: 'REJECTED',
    field: 'externalId',
    reason: `already imported from source system ${other}; as ${sourceSystem} it would be a second copy: import this file with a token of ${other}`,
  };
}

type UpsertOptions = {
  model: Model<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  entityType: string;
  sourceSystem: string;
  actor: AuditActor;
  rows: PlannedRow[];
  existing: Map<string, Stored> & { otherSources?: OtherCopy[] | null };
  dryRun: boolean;
  /** What else a written row makes due besides its audit entry (stage, events, …). */
  consequencesOf?: (record: WrittenRecord) => PendingConsequence[];
};

/** The rows of one key in file order, each decided against the version before it. */
type KeyPlan = {
  externalId: string;
  stored: Stored | undefined;
  id: Types.ObjectId;
  rows: { row: PlannedRow; status: 'INSERTED' | 'UPDATED' | 'UNCHANGED' }[];
  fields: Doc;
  pending: PendingConsequence[];
};

function planKey(
  options: UpsertOptions,
  externalId: string,
  rows: PlannedRow[],
  stored: Stored | undefined,
): KeyPlan {
  const id = stored?._id ?? rows[0]?.newId ?? new Types.ObjectId();
  let version: Doc | null = stored ?? null;
  const decided: KeyPlan['rows'] = [];
  const pending: PendingConsequence[] = [];
  let fields: Doc = {};
  for (const row of rows) {
    const picked = version
      ? Object.fromEntries(Object.keys(row.fields).map((k) => [k, version![k]]))
      : null;
    const changes: FieldChange[] = diffFields(
      picked,
      version ? row.fields : { ...row.onInsert, ...row.fields },
    );
    const status = !version ? 'INSERTED' : changes.length > 0 ? 'UPDATED' : 'UNCHANGED';
    decided.push({ row, status });
    if (status === 'UNCHANGED') continue;
    const added = version ? row.fields : { ...row.onInsert, ...row.fields };
    const after = { ...version, ...added, _id: id, externalId };
    pending.push(
      auditConsequence({
        actor: options.actor,
        action: `import:${version ? 'update' : 'insert'}`,
        entityType: options.entityType,
        entityId: String(id),
        branchCode: row.branchCode,
        changes,
      }),
      ...(options.consequencesOf?.({ id, branchCode: row.branchCode, before: version, after }) ??
        []),
    );
    fields = { ...fields, ...added };
    version = after;
  }
  // A journey record written is (re)listed in its account's records, in the same write, with the
  // revision that write gives it.
  if (pending.length > 0) {
    const revision = Number(stored?.[REVISION] ?? 0) + 1;
    const record = { ...version!, [REVISION]: revision };
    pending.push(...listedRecordConsequences(options.model, record, stored === undefined));
  }
  if (!stored && pending.length > 0)
    pending.push(
      ...recordKeyConsequences(options.model, { sourceSystem: options.sourceSystem, externalId }),
    );
  return { externalId, stored, id, rows: decided, fields, pending };
}

// The write of one key, or null when nothing changes. A new record is inserted only if the key is
// still free; a stored one is updated only if it is still the version decided against. Either way
// the consequences are stored in the same document write, as they are (the record's fields cast
// to its schema, see castFields).
function writeOf(options: UpsertOptions, plan: KeyPlan) {
  if (plan.pending.length === 0) return null;
  const now = new Date();
  const key = { sourceSystem: options.sourceSystem, externalId: plan.externalId };
  if (!plan.stored) {
    const record = { _id: plan.id, ...key, ...plan.fields, createdAt: now, updatedAt: now };
    return {
      updateOne: {
        filter: key,
        update: {
          $setOnInsert: {
            ...castFields(options.model, { ...record, [REVISION]: 1 }, { insert: true }),
            [PENDING]: plan.pending,
          },
        },
        upsert: true,
      },
    };
  }
  return {
    updateOne: {
      filter: { _id: plan.id, [REVISION]: plan.stored[REVISION] ?? null },
      update: {
        $set: castFields(options.model, { ...plan.fields, updatedAt: now }, { insert: false }),
        $push: { [PENDING]: { $each: plan.pending } },
        $inc: { [REVISION]: 1 },
      },
    },
  };
}

/**
 * The revision counter every write of a record bumps and every guarded write expects: a version is
 * told apart from the next however close in time they are (`updatedAt` has millisecond steps).
 * A record stored before the counter existed has none, which `null` matches.
 */
const REVISION = 'revision';

type BulkResult = { upsertedIds?: Record<string, unknown>; matchedCount?: number };

// Runs the writes unordered, with the driver (cast by writeOf); a duplicate key is a lost race to a
// concurrent insert, not an error.
async function bulkUpsert(
  model: Model<any>, // eslint-disable-line @typescript-eslint/no-explicit-any
  writes: object[],
): Promise<{ result: BulkResult; duplicates: Set<number> }> {
  try {
    return {
      result: (await model.collection.bulkWrite(writes as never, {
        ordered: false,
      })) as unknown as BulkResult,
      duplicates: new Set(),
    };
  } catch (error) {
    const { result } = error as { result?: BulkResult & { insertedIds?: unknown } };
    if (!onlyDuplicateKeys(error) || !result) throw error;
    const errors = writeErrorsOf(error) as { index?: number }[];
    return { result, duplicates: new Set(errors.map((e) => Number(e.index))) };
  }
}

/**
 * Which writes took effect. Inserts: those upserted. Updates: all of them when every one matched;
 * otherwise each is checked: its audit entry is pending in the record or already written.
 */
async function effectiveWrites(
  model: Model<any>, // eslint-disable-line @typescript-eslint/no-explicit-any
  plans: KeyPlan[],
  outcome: { result: BulkResult; duplicates: Set<number> },
): Promise<boolean[]> {
  const upserted = new Set(Object.keys(outcome.result.upsertedIds ?? {}).map(Number));
  const isInsert = plans.map((plan) => !plan.stored);
  const lostInsertsMatched = plans.filter(
    (_, i) => isInsert[i] && !upserted.has(i) && !outcome.duplicates.has(i),
  ).length;
  const updates = plans.filter((_, i) => !isInsert[i]);
  const updatesMatched = (outcome.result.matchedCount ?? 0) - lostInsertsMatched;
  if (updatesMatched === updates.length)
    return plans.map((_, i) => !isInsert[i] || upserted.has(i));
  const marker = (plan: KeyPlan) => plan.pending[0]!._id;
  const [records, audits] = await Promise.all([
    model.collection
      .find({ _id: { $in: updates.map((plan) => plan.id) } }, { projection: { [PENDING]: 1 } })
      .toArray() as Promise<RecordWithPending[]>,
    AuditEntryModel.collection
      .find({ _id: { $in: updates.map(marker) } }, { projection: { _id: 1 } })
      .toArray(),
  ]);
  const seen = new Set([
    ...records.flatMap((record) => (record[PENDING] ?? []).map((entry) => String(entry._id))),
    ...audits.map((audit) => String(audit._id)),
  ]);
  return plans.map((plan, i) => (isInsert[i] ? upserted.has(i) : seen.has(String(marker(plan)))));
}

const ATTEMPTS = 5;

/**
 * Decides INSERTED / UPDATED / UNCHANGED per planned row against what is stored (a later row with
 * the same key sees the earlier one) and writes each changed key once, with its audit entries and
 * `consequencesOf` stored in the same document write, in one unordered bulk write. A key another
 * writer inserted or changed meanwhile is read again and decided again, so concurrent batches end
 * as a sequential run would, each row reported as what happened to it. Then the consequences
 * pending in every record of the batch are applied, including those a crashed run left in records
 * this run finds UNCHANGED. Idempotent: a replayed batch finds everything UNCHANGED. A new key
 * that already exists under another source system (for the same account) is rejected: the file
 * was imported with the wrong token, and would otherwise land a second time.
 */
export async function upsertPlannedRows(
  options: UpsertOptions,
): Promise<Map<number, ImportOutcome>> {
  const outcomes = new Map<number, ImportOutcome>();
  const byKey = await rowsByKey(options, outcomes);
  const stored = new Map(options.existing);
  const toSettle = new Map<string, RecordWithPending>();
  const registered: RegisteredWrite[] = [];
  // Until the batch's consequences are applied, its register entries are dropped by a failure.
  await finishAfter(registered, async () => {
    let keys = [...byKey.keys()];
    for (let attempt = 0; keys.length > 0; attempt += 1) {
      if (attempt === ATTEMPTS)
        throw new Error(`import of ${options.entityType}: keys kept changing`);
      if (attempt > 0) await readAgain(options, keys, stored);
      const plans = syncStep('plan writes', () =>
        keys.map((key) => planKey(options, key, byKey.get(key)!, stored.get(key))),
      );
      const retry = await writePlans(options, plans, registered);
      for (const plan of plans)
        if (!retry.has(plan.externalId)) decided(options, plan, outcomes, toSettle);
      keys = [...retry];
    }
    if (!options.dryRun)
      await step('apply', () => applyPending(options.model, [...toSettle.values()]));
  });
  return outcomes;
}

// The rows by key, without those refused as copies from another source system (their outcome set).
async function rowsByKey(
  options: UpsertOptions,
  outcomes: Map<number, ImportOutcome>,
): Promise<Map<string, PlannedRow[]>> {
  const { sourceSystem } = options;
  const copies = await copiesFromOtherSources(
    options.model,
    sourceSystem,
    options.rows.filter((row) => !options.existing.has(row.externalId)),
    options.existing.otherSources ?? null,
  );
  for (const [index, other] of copies) outcomes.set(index, otherSourceRefusal(sourceSystem, other));
  const byKey = new Map<string, PlannedRow[]>();
  for (const row of options.rows.filter((r) => !copies.has(r.index)))
    addToGroup(byKey, row.externalId, row);
  return byKey;
}

// The stored records of keys whose write lost a race, as they are now (in `stored`). By the
// natural-key query: a record inserted by a crashed run may lack its kept key.
async function readAgain(options: UpsertOptions, keys: string[], stored: Map<string, Stored>) {
  const fresh = await step('read again', () =>
    loadByExternalIds(options.model, options.sourceSystem, keys, { complete: true }),
  );
  for (const key of keys) {
    const found = fresh.get(key);
    if (found) stored.set(key, found);
    else stored.delete(key);
  }
}

// Writes the plans that change something, under one register entry (added to `registered`) naming
// their records before they are written; returns the keys whose write did not take effect.
async function writePlans(
  options: UpsertOptions,
  plans: KeyPlan[],
  registered: RegisteredWrite[],
): Promise<Set<string>> {
  const writing = plans.filter((plan) => plan.pending.length > 0);
  if (writing.length === 0 || options.dryRun) return new Set();
  const { model } = options;
  const writes = writing.map((plan) => writeOf(options, plan)!);
  const { result: outcome, registered: entry } = await step('write records', () =>
    registeredWrite(model, { ids: writing.map((plan) => plan.id) }, () =>
      bulkUpsert(model, writes),
    ),
  );
  registered.push(entry);
  const effective = await step('check writes', () => effectiveWrites(model, writing, outcome));
  return new Set(writing.filter((_, i) => !effective[i]).map((plan) => plan.externalId));
}

// A key's rows' outcomes, and what its record holds pending (left by a crashed run, or stored now).
function decided(
  options: UpsertOptions,
  plan: KeyPlan,
  outcomes: Map<number, ImportOutcome>,
  toSettle: Map<string, RecordWithPending>,
): void {
  const written = plan.pending.length > 0;
  const id = written || plan.stored ? String(plan.id) : '';
  for (const { row, status } of plan.rows)
    outcomes.set(row.index, { status, id: options.dryRun && !plan.stored ? '' : id });
  const leftOver = plan.stored?.[PENDING] as RecordWithPending[typeof PENDING];
  const pending = [...(leftOver ?? []), ...(written ? plan.pending : [])];
  if (pending.length > 0) toSettle.set(plan.externalId, { _id: plan.id, [PENDING]: pending });
}
