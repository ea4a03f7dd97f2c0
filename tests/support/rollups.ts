import mongoose from 'mongoose';
import '../../src/modules';
import { checkRollups, type RollupDifference } from '../../src/modules/rollups/rollup-check';

/**
 * The rollup check on a database a service process wrote (kill tests): connects this process's
 * default connection to it, compares the rollups with the records, and disconnects.
 */
export async function rollupDifferencesIn(
  uri: string,
  dbName: string,
): Promise<RollupDifference[]> {
  await mongoose.connect(uri, { dbName });
  try {
    return await checkRollups();
  } finally {
    await mongoose.disconnect();
  }
}
