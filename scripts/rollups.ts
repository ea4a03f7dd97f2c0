import '../src/modules';
import { checkRollups, rebuildRollups } from '../src/modules/rollups/rollup-check';
import { reportDifferences, withRunningDatabase } from './running-database';

const USAGE = 'usage: npm run rollups:check | npm run rollups:rebuild';

/**
 * `npm run rollups:check` recomputes the scorecard rollups from the records and prints every
 * difference (exit 1 when there is one, 0 when none); `npm run rollups:rebuild` replaces them by
 * the recomputation (after a bulk load that bypassed the service). Both work on the running
 * service's database (MONGODB_URI, or the embedded one under DATA_DIR); exit 2 on bad usage.
 */
export async function main(args: string[] = process.argv.slice(2)): Promise<number> {
  const fail = (message: string) => (process.stderr.write(`${message}\n`), 2);
  const command = args[0];
  if (command !== 'check' && command !== 'rebuild') return fail(USAGE);
  return withRunningDatabase(`rollups:${command}`, async () => {
    if (command === 'rebuild') {
      console.log(JSON.stringify(await rebuildRollups()));
      return 0;
    }
    return reportDifferences(await checkRollups());
  });
}

if (require.main === module) {
  main().then((code) => process.exit(code));
}
