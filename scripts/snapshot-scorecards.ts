import { loadConfig } from '../src/config/env';
import { createLogger } from '../src/config/logger';
import { connectDatabase, disconnectDatabase } from '../src/db/connection';
import { resolveDatabase } from '../src/db/resolve-database';
import '../src/modules';
import { recomputeSnapshots } from '../src/modules/scorecards/scorecard.service';

/** `npm run scorecards:snapshot -- <period> [<period> …]`: recomputes closed periods' snapshots. */
export async function main(periods: string[] = process.argv.slice(2)): Promise<number> {
  if (periods.length === 0) {
    console.error('usage: npm run scorecards:snapshot -- 2026-Q3 [2026-09 …]');
    return 2;
  }
  const config = loadConfig();
  const logger = createLogger(config);
  const database = await resolveDatabase(config, logger);
  await connectDatabase(database.uri, { dbName: database.dbName });
  try {
    for (const period of periods) {
      const count = await recomputeSnapshots(period);
      console.log(JSON.stringify({ period, branches: count }));
    }
    return 0;
  } finally {
    await disconnectDatabase();
    await database.stop();
  }
}

if (require.main === module) {
  main().then((code) => process.exit(code));
}
