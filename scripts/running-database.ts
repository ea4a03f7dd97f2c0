import { ConfigError, loadConfig } from '../src/config/env';
import { connectDatabase, disconnectDatabase } from '../src/db/connection';
import { findRunningDatabase } from '../src/db/resolve-database';

/**
 * Runs `work` connected to the running service's database (MONGODB_URI, or the embedded one under
 * DATA_DIR) and returns its exit code; 2 with one line on stderr for a bad setting or when no
 * service's database runs (a command never starts an empty database of its own).
 */
export async function withRunningDatabase(
  command: string,
  work: () => Promise<number>,
): Promise<number> {
  const fail = (message: string) => (process.stderr.write(`${message}\n`), 2);
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) return fail(error.message);
    throw error;
  }
  const database = await findRunningDatabase(config);
  if (!database) {
    return fail(
      `${command}: no running Journey database under DATA_DIR=${config.DATA_DIR}: start the service (npm start) first, run this with the service's DATA_DIR, or set MONGODB_URI.`,
    );
  }
  await connectDatabase(database.uri, { dbName: database.dbName });
  try {
    return await work();
  } finally {
    await disconnectDatabase();
  }
}

// A check prints at most this many differences, then their count.
const SHOWN = 20;

/** Prints a check's differences (the first few, then the count); exit 1 when any, 0 when none. */
export function reportDifferences(differences: readonly unknown[]): number {
  for (const difference of differences.slice(0, SHOWN)) console.log(JSON.stringify(difference));
  console.log(JSON.stringify({ differences: differences.length }));
  return differences.length === 0 ? 0 : 1;
}
