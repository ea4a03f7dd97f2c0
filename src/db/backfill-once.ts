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
    await markers().updateOne(
      { _id: backfill.name },
      { $setOnInsert: { at: new Date() } },
      { upsert: true },
    );
    ran.push(backfill.name);
  }
  return ran;
}
