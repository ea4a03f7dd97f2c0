import mongoose from 'mongoose';
import '../../src/modules';
import { checkKeptLists, type ListDifference } from '../../src/modules/journey/kept-lists-check';
import { checkRollups, type RollupDifference } from '../../src/modules/rollups/rollup-check';

// Connects this process's default connection to a database a service process wrote, runs a
// check there, and disconnects.
async function checkIn<T>(uri: string, dbName: string, check: () => Promise<T>): Promise<T> {
  await mongoose.connect(uri, { dbName });
  try {
    return await check();
  } finally {
    await mongoose.disconnect();
  }
}

/** The rollup check on a database a service process wrote (kill tests). */
export const rollupDifferencesIn = (uri: string, dbName: string): Promise<RollupDifference[]> =>
  checkIn(uri, dbName, checkRollups);

/** The kept-lists check (account screen) on a database a service process wrote (kill tests). */
export const listDifferencesIn = (uri: string, dbName: string): Promise<ListDifference[]> =>
  checkIn(uri, dbName, checkKeptLists);
