import mongoose from 'mongoose';

// Driver-level commands that are about connections, not about answering a query.
const HOUSEKEEPING = new Set([
  'hello',
  'isMaster',
  'ismaster',
  'ping',
  'endSessions',
  'killCursors',
]);

/** Counts the database commands issued while `work` runs (needs monitorCommands, on in tests). */
export async function countCommands(
  work: () => Promise<unknown>,
): Promise<{ total: number; byName: Record<string, number> }> {
  const byName: Record<string, number> = {};
  const client = mongoose.connection.getClient();
  const listener = (event: { commandName: string }) => {
    if (HOUSEKEEPING.has(event.commandName)) return;
    byName[event.commandName] = (byName[event.commandName] ?? 0) + 1;
  };
  client.on('commandStarted', listener);
  try {
    await work();
  } finally {
    client.off('commandStarted', listener);
  }
  return { total: Object.values(byName).reduce((a, b) => a + b, 0), byName };
}
