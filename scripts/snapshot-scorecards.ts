import '../src/modules';
import { recomputeSnapshots } from '../src/modules/scorecards/scorecard.service';
import { parsePeriod } from '../src/shared/period';
import { withRunningDatabase } from './running-database';

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
  return withRunningDatabase('scorecards:snapshot', async () => {
    for (const period of periods) {
      const count = await recomputeSnapshots(period);
      console.log(JSON.stringify({ period, branches: count }));
    }
    return 0;
  });
}

if (require.main === module) {
  main().then((code) => process.exit(code));
}
