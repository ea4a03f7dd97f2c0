import '../src/modules';
import { checkKeptLists } from '../src/modules/journey/kept-lists-check';
import { withRunningDatabase } from './running-database';

const SHOWN = 20;

/**
 * `npm run lists:check` compares the lists kept for the account screen and the work lists (each
 * account's records, each branch's accounts and open work) with the records and prints every
 * difference: exit 1 when there is one, 0 when none, 2 when no service's database runs
 * (MONGODB_URI, or the embedded one under DATA_DIR).
 */
export async function main(): Promise<number> {
  return withRunningDatabase('lists:check', async () => {
    const differences = await checkKeptLists();
    for (const difference of differences.slice(0, SHOWN)) console.log(JSON.stringify(difference));
    console.log(JSON.stringify({ differences: differences.length }));
    return differences.length === 0 ? 0 : 1;
  });
}

if (require.main === module) {
  main().then((code) => process.exit(code));
}
