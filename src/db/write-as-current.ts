/**
 * Writes a derived entry per record from a read of the records, then reads them again and writes
 * again those whose state differs from what was written, until none does. Two writers that read a
 * record before and after a change of it can write in the other order, leaving the older state;
 * the last writer of an entry has read the record after its own write, so the entry ends current.
 * Without a version guard per entry (which the stand-in would answer by scanning), this is what
 * keeps read-then-write appliers of shared documents exact.
 */
export async function writeAsCurrent<T extends { _id: unknown }>(
  records: readonly T[],
  steps: {
    /** The records as they are now, by id. */
    read(ids: T['_id'][]): Promise<T[]>;
    /** Writes the entries of the records (idempotent). */
    write(records: T[]): Promise<void>;
    /** What the entry of a record says (records with the same state need no new write). */
    stateOf(record: T): string;
  },
  rounds = 10,
): Promise<void> {
  const written = new Map<string, string>();
  let current = records;
  for (let round = 0; round < rounds; round += 1) {
    const changed = current.filter(
      (record) => written.get(String(record._id)) !== steps.stateOf(record),
    );
    if (changed.length === 0) return;
    await steps.write(changed);
    for (const record of changed) written.set(String(record._id), steps.stateOf(record));
    current = await steps.read(changed.map((record) => record._id));
  }
  throw new Error('derived entries: records kept changing');
}
