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

/** A command as sent: its name, collection and body (needs monitorCommands, on in tests). */
export type SentCommand = { name: string; collection: unknown; body: Record<string, unknown> };

/** Every command (other than connection housekeeping) issued while `work` runs. */
export async function captureCommands(work: () => Promise<unknown>): Promise<SentCommand[]> {
  const sent: SentCommand[] = [];
  const client = mongoose.connection.getClient();
  const listener = (event: { commandName: string; command: Record<string, unknown> }) => {
    if (HOUSEKEEPING.has(event.commandName)) return;
    const body = event.command;
    sent.push({ name: event.commandName, collection: body[event.commandName], body });
  };
  client.on('commandStarted', listener);
  try {
    await work();
  } finally {
    client.off('commandStarted', listener);
  }
  return sent;
}
