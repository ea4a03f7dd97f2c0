import mongoose from 'mongoose';

/**
 * Documents maintained on write (natural-key index, per-account stage, per-service tickets) only
 * know the writes made since they exist. A backfill builds them once from the records a database
 * already holds; a marker in `backfills` says it ran. Each backfill must be idempotent: two
 * processes starting on the same database may both run it.
 */
type Backfill = { name: string; run: () => Promise<void> };

const backfills: Backfill[] = [];

/** Declares a backfill; `name` changes when what it builds changes (it then runs again). */
export function registerBackfill(name: string, run: () => Promise<void>): void {
  if (backfills.some((b) => b.name === name)) throw new Error(`backfill ${name} registered twice`);
  backfills.push({ name, run });
}

const markers = () => mongoose.connection.db!.collection<{ _id: string; at: Date }>('backfills');

/**
 * Runs `run` unless this database has had it (a marker named `name`, as a backfill's), then marks
 * it. For work that must run at a given point of the start rather than with the backfills.
 */
export async function runOnce(name: string, run: () => Promise<void>): Promise<boolean> {
  if (await markers().findOne({ _id: name })) return false;
  await run();
  await mark(name);
  return true;
}

const mark = (name: string) =>
  markers().updateOne({ _id: name }, { $setOnInsert: { at: new Date() } }, { upsert: true });

/** Runs, in registration order, every backfill this database has not had yet (at start). */
export async function runBackfills(): Promise<string[]> {
  const done = new Set(
    (
      await markers()
        .find({ _id: { $in: backfills.map((b) => b.name) } })
        .toArray()
    ).map((m) => m._id),
  );
  const ran: string[] = [];
  for (const backfill of backfills) {
    if (done.has(backfill.name)) continue;
    await backfill.run();
    await mark(backfill.name);
    ran.push(backfill.name);
  }
  return ran;
}
