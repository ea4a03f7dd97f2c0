import type { Model, Schema } from 'mongoose';
import mongoose, { Types } from 'mongoose';
import {
  consequenceKind,
  type DueConsequence,
  type FollowOn,
  type PendingConsequence,
} from './consequence-kinds';
import { addToGroup } from '../../shared/groups';
import {
  finishAfter,
  registeredWrite,
  type RecordRefs,
  type RegisteredWrite,
} from './write-register';
import { isDuplicateKey } from '../../db/duplicate-key';
import { step } from '../../shared/steps';

/** The field of a record holding its pending consequences. */
export const PENDING = 'pendingConsequences';

/** Selects records with anything pending (a settled record may keep an empty list). */
export const ANY_PENDING = { [`${PENDING}.0`]: { $exists: true } } as const;

/** A record as the applier sees it: its id and whatever is pending in it. */
export type RecordWithPending = { _id: unknown; [PENDING]?: PendingConsequence[] | null };

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyModel = Model<any>;

/** Gives a schema the pending-consequence field; every model with it is swept. */
export function pendingConsequencesPlugin(schema: Schema): void {
  schema.add({
    [PENDING]: {
      type: [
        {
          _id: { type: mongoose.Schema.Types.ObjectId, required: true },
          kind: { type: String, required: true },
          args: { type: mongoose.Schema.Types.Mixed, default: null },
          at: { type: Date, required: true },
        },
      ],
      default: undefined,
    },
  });
  // The one-time scan for entries stored before writes were registered (register-sweep): on
  // MongoDB it reads only the records holding entries. The stand-in uses no index but unique ones.
  schema.index({ [`${PENDING}.at`]: 1 });
}

/** Every model whose records can hold pending consequences. */
export function modelsWithPending(): AnyModel[] {
  return Object.values(mongoose.models).filter((model) => model.schema.path(PENDING));
}

/** The update that stores consequences with a write, to merge into its own update. */
export function pushPending(entries: readonly PendingConsequence[]): Record<string, unknown> {
  return entries.length === 0 ? {} : { $push: { [PENDING]: { $each: entries } } };
}

/** A record without its pending consequences (what callers and audit diffs see). */
export function withoutPending<T extends object>(record: T): T {
  const { [PENDING]: _pending, ...rest } = record as Record<string, unknown>;
  return rest as T;
}

type Due = {
  model: AnyModel;
  record: RecordWithPending;
  entry: PendingConsequence;
  kind: ReturnType<typeof consequenceKind>;
};

const dueIn = (model: AnyModel, records: readonly RecordWithPending[]): Due[] =>
  records.flatMap((record) =>
    (record[PENDING] ?? []).map((entry) => ({
      model,
      record,
      entry,
      kind: consequenceKind(entry.kind),
    })),
  );

/**
 * Applies the pending consequences of records of one model, kind by kind in their order (one batch
 * per kind), then removes the applied entries in one write per model. Consequences an applier
 * hands back (FollowOn), of this model or another, join the pass: those of a later kind are
 * applied with that kind's batch, those of a kind already applied right after the applier, and
 * all are removed with the rest (an import batch's closed tickets and the follow-ups they
 * schedule have their account lists written together, once per account). An applier's error
 * stops the later kinds and is thrown after the entries of the kinds already applied are removed;
 * the rest stays pending for the sweep. The register entries handed back with those records are
 * removed once the pass cleared them (after an error they stay, for the sweep).
 */
export async function applyPending(
  model: AnyModel,
  records: readonly RecordWithPending[],
): Promise<number> {
  const due = dueIn(model, records);
  if (due.length === 0) return 0;
  const pass: Pass = { byKind: new Map(), applied: [], registered: [], count: 0 };
  addDue(pass, due);
  // The register entries of the records appliers wrote (filled as they hand them back) are over
  // once this pass cleared them.
  await finishAfter(pass.registered, async () => {
    try {
      await applyKinds(pass);
    } finally {
      await step('clear', () => clearAll(pass.applied));
    }
  });
  return pass.count;
}

type Pass = {
  byKind: Map<string, Due[]>;
  applied: Due[];
  registered: RegisteredWrite[];
  count: number;
};

function addDue(pass: Pass, items: readonly Due[]): void {
  for (const item of items) addToGroup(pass.byKind, item.entry.kind, item);
  pass.count += items.length;
}

// Applies the pass's kinds in their order, joining what appliers hand back.
async function applyKinds(pass: Pass): Promise<void> {
  for (;;) {
    const next = [...pass.byKind.values()].sort((a, b) => a[0]!.kind.order - b[0]!.kind.order)[0];
    if (!next) return;
    pass.byKind.delete(next[0]!.entry.kind);
    const kind = next[0]!.kind;
    const followOn = await step(kind.name, () =>
      kind.apply(
        next.map(({ model: source, record, entry }): DueConsequence => ({
          id: entry._id,
          recordId: record._id,
          source: source.modelName,
          args: entry.args,
        })),
      ),
    );
    pass.applied.push(...next);
    for (const { model: written, records: stored, registered } of [followOn ?? []].flat()) {
      pass.registered.push(...(registered ?? []));
      addDue(
        pass,
        dueIn(mongoose.model(written.modelName) as AnyModel, stored as RecordWithPending[]),
      );
    }
  }
}

// Removes the applied entries: one write per model.
async function clearAll(applied: readonly Due[]): Promise<void> {
  const byModel = new Map<string, Due[]>();
  for (const item of applied) addToGroup(byModel, item.model.modelName, item);
  await Promise.all(
    [...byModel.values()].map((items) =>
      clearApplied(
        items[0]!.model,
        items.map(({ record, entry }) => ({ recordId: record._id, id: entry._id })),
      ),
    ),
  );
}

async function clearApplied(model: AnyModel, applied: { recordId: unknown; id: Types.ObjectId }[]) {
  if (applied.length === 0) return;
  const byRecord = new Map<string, { recordId: unknown; ids: Types.ObjectId[] }>();
  for (const { recordId, id } of applied) {
    const entry = byRecord.get(String(recordId)) ?? { recordId, ids: [] };
    entry.ids.push(id);
    byRecord.set(String(recordId), entry);
  }
  // Straight to the driver: no timestamps (clearing is not a change of the record) and no scope.
  // One command, however many records; each record pulls only its own entries, selected by `_id`
  // alone. An emptied list stays as `[]` (settled means no entry left, not no field): removing it
  // would need a condition beside `_id` (`$size: 0`), which the stand-in answers by scanning the
  // whole collection, once per record.
  await model.collection.bulkWrite(
    [...byRecord.values()].map(({ recordId, ids }) => ({
      updateOne: {
        filter: { _id: recordId as Types.ObjectId },
        update: { $pull: { [PENDING]: { _id: { $in: ids } } } as never },
      },
    })),
    { ordered: false },
  );
}

/** Applies what appliers or handlers handed back outside a pass: each in a pass of its own. */
export async function applyFollowOns(followOns: readonly FollowOn[]): Promise<void> {
  for (const { model, records, registered } of followOns) {
    await finishAfter(registered ?? [], () =>
      applyPending(mongoose.model(model.modelName) as AnyModel, records as RecordWithPending[]),
    );
  }
}

/** Applies consequences stored with a write of one record (the writer's own, right after it). */
export function settle(
  model: AnyModel,
  recordId: unknown,
  entries: readonly PendingConsequence[],
): Promise<number> {
  return applyPending(model, [{ _id: recordId, [PENDING]: [...entries] }]);
}

/**
 * One record's write that stores `entries`, under a register entry (registerWrite), then the
 * application of those entries to the record it wrote (`idOf` its answer; null: nothing written).
 * A write refused before or by the database (invalid, a taken key) wrote nothing: its entry is
 * removed. Any other failure leaves the entry to the sweep.
 */
async function writeOne<T>(
  model: AnyModel,
  refs: RecordRefs,
  entries: readonly PendingConsequence[],
  write: () => Promise<T>,
  idOf: (written: T) => unknown,
): Promise<T> {
  if (entries.length === 0) return write();
  const { result: written, registered } = await registeredWrite(model, refs, write, wroteNothing);
  const id = idOf(written);
  await finishAfter([registered], () =>
    id === null ? Promise.resolve(0) : settle(model, id, entries),
  );
  return written;
}

// Errors of a one-document write that prove it changed nothing.
const wroteNothing = (error: unknown) =>
  isDuplicateKey(error) ||
  error instanceof mongoose.Error.ValidationError ||
  error instanceof mongoose.Error.CastError ||
  error instanceof mongoose.Error.StrictModeError;

/**
 * Inserts a record with its consequences in the same document write, then applies them.
 * `consequences` sees the record as it will be stored (id and defaults included). Returns the
 * stored record without its pending list.
 */
export async function createWithConsequences<D extends { _id: unknown }>(
  model: AnyModel,
  fields: Record<string, unknown>,
  consequences: (record: D) => PendingConsequence[],
): Promise<D> {
  const record = new model(fields).toObject() as D;
  const pending = consequences(record);
  const created = await writeOne(
    model,
    { ids: [record._id] },
    pending,
    () => model.create(pending.length ? { ...record, [PENDING]: pending } : record),
    (stored) => stored._id,
  );
  return withoutPending(created.toObject() as D);
}

/**
 * `findOneAndUpdate` that stores the consequences of the change in the same document write and
 * applies them after it. Null when nothing matched (nothing is stored then, nothing applied).
 */
export async function updateWithConsequences<D extends { _id: unknown }>(
  model: AnyModel,
  options: {
    filter: Record<string, unknown>;
    update: Record<string, unknown>;
    consequences: readonly PendingConsequence[];
    queryOptions?: Record<string, unknown>;
  },
): Promise<D | null> {
  const { filter, update, consequences } = options;
  const after = await writeOne(
    model,
    named(filter),
    consequences,
    () =>
      model
        .findOneAndUpdate(filter, withPending(update, consequences), {
          returnDocument: 'after',
          ...options.queryOptions,
        })
        .lean<D>(),
    (stored) => stored?._id ?? null,
  );
  return after && withoutPending(after);
}

/**
 * An upsert that stores the consequences of the write in the same document write and applies
 * them after it. True when it inserted the record: told by the record as it was before (none),
 * which MongoDB and the stand-in answer alike. `onInsertOnly`: the consequences are of the
 * insert alone (stored with `$setOnInsert`), so an existing record gets none and nothing is
 * applied.
 */
export async function upsertWithConsequences(
  model: AnyModel,
  options: {
    filter: Record<string, unknown>;
    update: Record<string, unknown>;
    consequences: readonly PendingConsequence[];
    onInsertOnly?: boolean;
    queryOptions?: Record<string, unknown>;
  },
): Promise<boolean> {
  const { update, consequences, onInsertOnly = false } = options;
  const insertedId = new Types.ObjectId();
  const setOnInsert: Record<string, unknown> = {
    ...(update.$setOnInsert as object),
    _id: insertedId,
  };
  if (onInsertOnly && consequences.length > 0) setOnInsert[PENDING] = consequences;
  const upsert = { ...update, $setOnInsert: setOnInsert };
  const before = await writeOne(
    model,
    // Stored only in the record it inserts, under the id it gives it.
    onInsertOnly ? { ids: [insertedId] } : named(options.filter),
    consequences,
    () =>
      model
        .findOneAndUpdate(
          options.filter,
          onInsertOnly ? upsert : withPending(upsert, consequences),
          { ...options.queryOptions, upsert: true, returnDocument: 'before' },
        )
        .lean<{ _id: unknown }>(),
    (stored) => (stored ? (onInsertOnly ? null : stored._id) : insertedId),
  );
  return !before;
}

// An update that also stores `consequences` in the record.
function withPending(update: Record<string, unknown>, consequences: readonly PendingConsequence[]) {
  const pushed = pushPending(consequences).$push as Record<string, unknown> | undefined;
  return pushed ? { ...update, $push: { ...(update.$push as object), ...pushed } } : update;
}

/**
 * How the register names the record a filter selects: by its `_id` when the filter has one (a
 * guarded write, `{ _id, revision }`), otherwise by the filter itself, which must then be a unique
 * key (an upsert by key).
 */
function named(filter: Record<string, unknown>): RecordRefs {
  return '_id' in filter ? { ids: [filter._id] } : { keys: [filter] };
}
