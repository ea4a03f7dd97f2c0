import '../src/modules';
import { checkRollups, rebuildRollups } from '../src/modules/rollups/rollup-check';
import { withRunningDatabase } from './running-database';

const USAGE = 'usage: npm run rollups:check | npm run rollups:rebuild';
const SHOWN = 20;

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
    const differences = await checkRollups();
    for (const difference of differences.slice(0, SHOWN)) console.log(JSON.stringify(difference));
    console.log(JSON.stringify({ differences: differences.length }));
    return differences.length === 0 ? 0 : 1;
  });
}

if (require.main === module) {
  main().then((code) => process.exit(code));
}
