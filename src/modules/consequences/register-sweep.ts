import mongoose from 'mongoose';
import { findByIds } from '../../db/id-parts';
import type { PendingConsequence } from './consequence-kinds';
import {
  applyPending,
  modelsWithPending,
  PENDING,
  type RecordWithPending,
} from './pending-consequences';
import { forgetRunning, isRunningHere, register, type RegisterEntry } from './write-register';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyModel = mongoose.Model<any>;

/**
 * How long the sweep keeps an entry after it was registered: a write that has not landed this long
 * after its entry is taken as over (its process died, or its command failed: the driver gives up on
 * a silent database after DB_OPERATION_TIMEOUT_MS, 15 s by default). Until then the sweep applies
 * what the named records hold at every round but keeps the entry, since the records of a write
 * still on its way may not hold anything yet: removing it then, and the writer dying before it
 * applied its consequences, would leave them to nobody. A write landing later than this (its
 * process or the database frozen that long) is found by the rare scan (`sweepUnregistered` with
 * `before`, every CONSEQUENCE_SCAN_INTERVAL_MS).
 */
export const FINISHED_AFTER_MS = 10 * 60_000;

const PROJECTION = { [PENDING]: 1 };

// The records an entry names, as they are now (by bare `_id $in`, or one unique key each).
async function readNamed(model: AnyModel, entries: RegisterEntry[]): Promise<RecordWithPending[]> {
  const ids = [...new Map(entries.flatMap((e) => e.ids).map((id) => [String(id), id])).values()];
  const keys = entries.flatMap((e) => e.keys);
  const [byId, byKey] = await Promise.all([
    findByIds<RecordWithPending>(model.collection, ids, PROJECTION),
    Promise.all(
      keys.map((key) => model.collection.findOne(key, { projection: PROJECTION })),
    ) as Promise<(RecordWithPending | null)[]>,
  ]);
  const records = new Map<string, RecordWithPending>();
  for (const record of [...byId, ...byKey]) if (record) records.set(String(record._id), record);
  return [...records.values()];
}

const isOld = (before: Date) => (entry: PendingConsequence) => entry.at <= before;

/**
 * Applies every consequence pending for longer than `minAgeMs` in the records the register names
 * (0 at start: the writers of before are gone), and removes the register's entries whose write is
 * over (see FINISHED_AFTER_MS). Reads the register whole (it holds only unfinished writes) and the
 * records by `_id` or unique key: nothing else. Returns how many consequences were applied.
 */
export async function sweepPendingConsequences(options: { minAgeMs: number }): Promise<number> {
  const now = Date.now();
  const before = new Date(now - options.minAgeMs);
  const finishedBefore = new Date(now - FINISHED_AFTER_MS);
  // This process's writes still running apply their own (a write that ran past FINISHED_AFTER_MS,
  // or whose end was never told, is treated as any other).
  const entries = (await register().find({}).toArray()).filter(
    (e) => e.at <= before && !(isRunningHere(e) && e.at > finishedBefore),
  );
  const byModel = new Map<string, RegisterEntry[]>();
  for (const entry of entries)
    byModel.set(entry.model, [...(byModel.get(entry.model) ?? []), entry]);
  let applied = 0;
  for (const [name, named] of byModel) {
    const model = mongoose.models[name] as AnyModel | undefined;
    // A model this build does not load has no consequence kinds either: its entries stay.
    if (model) applied += await sweepModel(model, named, { before, finishedBefore });
  }
  return applied;
}

// Applies what the records of one model's entries hold, then removes the entries that are over.
async function sweepModel(
  model: AnyModel,
  named: RegisterEntry[],
  { before, finishedBefore }: { before: Date; finishedBefore: Date },
): Promise<number> {
  const isOver = (e: RegisterEntry) => e.at <= finishedBefore;
  const over = named.filter(isOver);
  // A write that is over has nobody left to apply what its records hold; younger entries in the
  // others' records normally belong to a writer applying them right now.
  const [ended, others] = await Promise.all([
    readNamed(model, over),
    readNamed(
      model,
      named.filter((e) => !isOver(e)),
    ),
  ]);
  const due = new Map(ended.map((r) => [String(r._id), r]));
  for (const record of others)
    if ((record[PENDING] ?? []).some(isOld(before))) due.set(String(record._id), record);
  const applied = await applyPending(model, [...due.values()]);
  if (over.length > 0) {
    const ids = over.map((e) => e._id);
    await register().deleteMany({ _id: { $in: ids } });
    forgetRunning(ids);
  }
  return applied;
}

const SCAN_BATCH = 500;
const LATEST = new Date(8.64e15);

/**
 * Applies what is pending in any record holding an entry stored at or before `before`, found by
 * scanning every collection that holds records: for the entries stored before writes were
 * registered (once per database, at start), and as a rare backstop for an entry no register entry
 * names any more (see FINISHED_AFTER_MS).
 */
export async function sweepUnregistered(before = LATEST): Promise<number> {
  let applied = 0;
  for (const model of modelsWithPending()) {
    let after: unknown = null;
    for (;;) {
      // The entries' time: on MongoDB its index serves this filter.
      const filter: Record<string, unknown> = { [`${PENDING}.at`]: { $lte: before } };
      if (after) filter._id = { $gt: after };
      const records = (await model.collection
        .find(filter, { projection: PROJECTION })
        .sort({ _id: 1 })
        .limit(SCAN_BATCH)
        .toArray()) as RecordWithPending[];
      if (records.length === 0) break;
      applied += await applyPending(model, records);
      after = records.at(-1)!._id;
      if (records.length < SCAN_BATCH) break;
    }
  }
  return applied;
}
