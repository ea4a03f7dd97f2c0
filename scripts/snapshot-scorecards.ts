import { ConfigError, loadConfig } from '../src/config/env';
import { connectDatabase, disconnectDatabase } from '../src/db/connection';
import { findRunningDatabase } from '../src/db/resolve-database';
import '../src/modules';
import { recomputeSnapshots } from '../src/modules/scorecards/scorecard.service';
import { parsePeriod } from '../src/shared/period';

const USAGE = 'usage: npm run scorecards:snapshot -- 2026-Q3 [2026-09 …]';

/**
 * `npm run scorecards:snapshot -- <period> [<period> …]`: recomputes closed periods' snapshots in
 * the running service's database (MONGODB_URI, or the embedded one under DATA_DIR). Exit 0 done;
 * 2 with one line on stderr for a bad period, a bad setting or no running service's database
 * (it never starts an empty database of its own).
 */
export async function main(periods: string[] = process.argv.slice(2)): Promise<number> {
  const fail = (message: string) => (process.stderr.write(`${message}\n`), 2);
  if (periods.length === 0) return fail(USAGE);
  for (const period of periods) {
    try {
      parsePeriod(period);
    } catch (error) {
      return fail(`scorecards:snapshot: ${(error as Error).message} (${USAGE})`);
    }
  }
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
      `scorecards:snapshot: no running Journey database under DATA_DIR=${config.DATA_DIR}: start the service (npm start) first, run this with the service's DATA_DIR, or set MONGODB_URI.`,
    );
  }
  await connectDatabase(database.uri, { dbName: database.dbName });
  try {
    for (const period of periods) {
      const count = await recomputeSnapshots(period);
      console.log(JSON.stringify({ period, branches: count }));
    }
    return 0;
  } finally {
    await disconnectDatabase();
  }
}

if (require.main === module) {
  main().then((code) => process.exit(code));
}
