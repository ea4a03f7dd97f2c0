import '../src/modules';
import { checkKeptLists } from '../src/modules/journey/kept-lists-check';
import { reportDifferences, withRunningDatabase } from './running-database';

/**
 * `npm run lists:check` compares the lists kept for the account screen and the work lists (each
 * account's records, each branch's accounts and open work) with the records and prints every
 * difference: exit 1 when there is one, 0 when none, 2 when no service's database runs
 * (MONGODB_URI, or the embedded one under DATA_DIR).
 */
export async function main(): Promise<number> {
  return withRunningDatabase('lists:check', async () => {
    return reportDifferences(await checkKeptLists());
  });
}

if (require.main === module) {
  main().then((code) => process.exit(code));
}
