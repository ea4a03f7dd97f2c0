import mongoose, { Types } from 'mongoose';
import { step } from '../../shared/steps';

/**
 * The register of writes whose consequences may still be pending: a writer names the records it is
 * about to write with pending consequences here BEFORE it writes them, and removes the entry once
 * their consequences are applied and cleared. So the register holds only unfinished writes (a
 * crash, a kill, an error), and the sweep finds every record it may need to finish by reading the
 * register whole and then the records it names by `_id` or by a unique key: no filter on the
 * records' own fields, which the stand-in (mongo-java-server keeps no secondary index) answers by
 * scanning every collection. One entry per write command or batch, not per record.
 *
 * Both engines use it, though MongoDB could serve the old filter from an index on the entries'
 * time: one mechanism, the one the tests exercise, and its cost (an insert and a delete per write
 * or batch) is small beside the write's own.
 */
export type RegisterEntry = {
  _id: Types.ObjectId;
  /** When it was registered (before the records were written). */
  at: Date;
  /** The process that registered it (see OWNER); absent in entries written by hand. */
  by?: string;
  /** The model of the records. */
  model: string;
  /** Records named by `_id`. */
  ids: unknown[];
  /** Records named by a unique key (equality on every field of a unique index): upserts by key. */
  keys: Record<string, unknown>[];
};

/** The records a write is about to write with pending consequences. */
export type RecordRefs = { ids?: readonly unknown[]; keys?: readonly Record<string, unknown>[] };

/** The register's collection (a plain collection: no schema, no scope, no pending list). */
export const REGISTER_COLLECTION = 'pendingwrites';

export const register = () =>
  mongoose.connection.db!.collection<RegisterEntry>(REGISTER_COLLECTION);

/** This process, in the entries it registers: a random id per start. */
export const OWNER = new Types.ObjectId().toHexString();

// This process's writes still running: the sweep leaves their entries to them (it would only apply
// their consequences a second time, beside the writer).
const running = new Set<string>();

/** Whether `entry` is of a write of this process that is still running. */
export function isRunningHere(entry: Pick<RegisterEntry, '_id' | 'by'>): boolean {
  return entry.by === OWNER && running.has(String(entry._id));
}

/** Forgets entries the sweep removed (a write whose end was never told is not kept in memory). */
export function forgetRunning(ids: readonly Types.ObjectId[]): void {
  for (const id of ids) running.delete(String(id));
}

/**
 * A registered write: `finish` once what it stored in its records is applied and cleared (removes
 * the entry); `drop` when it failed (the entry stays: its records may hold what it stored, and the
 * sweep finishes it).
 */
export type RegisteredWrite = { id: Types.ObjectId; finish(): Promise<void>; drop(): void };

/** Registers a write of records of `model` before it is made. */
export async function registerWrite(
  model: { modelName: string },
  refs: RecordRefs,
): Promise<RegisteredWrite> {
  const id = new Types.ObjectId();
  const key = String(id);
  running.add(key);
  const drop = () => void running.delete(key);
  try {
    await register().insertOne({
      _id: id,
      at: new Date(),
      by: OWNER,
      model: model.modelName,
      ids: [...(refs.ids ?? [])],
      keys: [...(refs.keys ?? [])],
    });
  } catch (error) {
    drop();
    throw error;
  }
  return {
    id,
    drop,
    // A removal that fails leaves the entry to the sweep: the write and its consequences are
    // done, so the caller's answer stands.
    finish: () => register().deleteOne({ _id: id }).then(drop, drop),
  };
}

/**
 * Runs `work` (which applies and clears what the registered writes stored, or fails), then
 * finishes their entries; a failure drops them instead (see RegisteredWrite).
 */
export async function finishAfter<T>(
  registered: readonly RegisteredWrite[],
  work: () => Promise<T>,
): Promise<T> {
  let result: T;
  try {
    result = await work();
  } catch (error) {
    for (const entry of registered) entry.drop();
    throw error;
  }
  if (registered.length > 0)
    await step('register done', () => Promise.all(registered.map((entry) => entry.finish())));
  return result;
}

/**
 * `write` of the records `refs` names, registered before it is made (registerWrite). Its failure
 * drops the registration (see RegisteredWrite), or removes it when `wroteNothing` says the error
 * proves nothing was written; otherwise the caller finishes it once what the write stored is
 * applied and cleared (finishAfter, or the pass it hands the records to).
 */
export async function registeredWrite<T>(
  model: { modelName: string },
  refs: RecordRefs,
  write: () => Promise<T>,
  wroteNothing: (error: unknown) => boolean = () => false,
): Promise<{ result: T; registered: RegisteredWrite }> {
  const registered = await registerWrite(model, refs);
  try {
    return { result: await write(), registered };
  } catch (error) {
    if (wroteNothing(error)) await registered.finish();
    else registered.drop();
    throw error;
  }
}
