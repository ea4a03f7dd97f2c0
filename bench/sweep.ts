import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { connectDatabase, disconnectDatabase } from '../src/db/connection';
import { startStandIn, type StandInStorage } from '../src/db/mongo-java-server';
import { buildSchema } from '../src/graphql/schema';
import {
  sweepPendingConsequences,
  sweepUnregistered,
} from '../src/modules/consequences/register-sweep';
import { REGISTER_COLLECTION } from '../src/modules/consequences/write-register';
import { median, timed } from './bench-database';

// What one round of the periodic consequence sweep costs the embedded database, by the records it
// holds: the sweep through the register of writes (read the register whole, then the records it
// names by `_id`) against the scan every round made before it (a filter on the entries' time over
// every collection holding records; the same code now runs once, at a database's first start).
// Memory and H2 backends, the same records, rounds alternating, median.

const RECORDS = Number(process.env.BENCH_RECORDS ?? 100_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const MINUTE = 60_000;

// A settled fault ticket as stored: its fields and an emptied list of pending consequences.
function ticket(i: number) {
  const reportedAt = new Date(Date.UTC(2025, 0, 1) + i * 60_000);
  return {
    _id: new mongoose.Types.ObjectId(),
    sourceSystem: 'OSS',
    externalId: `SW-${i}`,
    accountId: new mongoose.Types.ObjectId(),
    branchCode: `B${i % 20}`,
    serviceRef: `S-${i % 5000}`,
    severity: 'MINOR',
    channel: 'HOTLINE',
    status: 'CLOSED',
    reportedAt,
    acknowledgedAt: new Date(reportedAt.getTime() + 600_000),
    restoredAt: new Date(reportedAt.getTime() + 7_200_000),
    closedAt: new Date(reportedAt.getTime() + 9_000_000),
    journeyAt: reportedAt,
    revision: 1,
    pendingConsequences: [],
  };
}

async function fill(): Promise<mongoose.Types.ObjectId[]> {
  const collection = mongoose.connection.db!.collection('faulttickets');
  const ids: mongoose.Types.ObjectId[] = [];
  for (let from = 0; from < RECORDS; from += 5000) {
    const docs = Array.from({ length: Math.min(5000, RECORDS - from) }, (_, i) => ticket(from + i));
    ids.push(...docs.map((doc) => doc._id));
    await collection.insertMany(docs, { ordered: false });
  }
  return ids;
}

async function measure(storage: StandInStorage, label: string) {
  const server = await startStandIn(storage);
  try {
    await connectDatabase(server.uri, { dbName: 'bench_sweep' });
    const ids = await fill();
    const register = mongoose.connection.db!.collection(REGISTER_COLLECTION);
    const scan: number[] = [];
    const idle: number[] = [];
    const afterCrash: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      // The register rounds first: the scan leaves the server collecting what it decoded.
      await register.deleteMany({});
      idle.push(await timed(() => sweepPendingConsequences({ minAgeMs: MINUTE })));
      // A crash mid-import: one 500-row batch's entry left, its records already clean.
      await register.insertOne({
        _id: new mongoose.Types.ObjectId(),
        at: new Date(Date.now() - 2 * MINUTE),
        model: 'FaultTicket',
        ids: ids.slice(0, 500),
        keys: [],
      });
      afterCrash.push(await timed(() => sweepPendingConsequences({ minAgeMs: MINUTE })));
      await register.deleteMany({});
      scan.push(await timed(() => sweepUnregistered()));
    }
    const [s, i, c] = [median(scan), median(idle), median(afterCrash)];
    console.log(
      `${label}, ${RECORDS} tickets: scan ${s.toFixed(0)} ms; register, empty ${i.toFixed(1)} ms ` +
        `(scan ÷ register ${(s / i).toFixed(0)}); register, one batch left ${c.toFixed(1)} ms`,
    );
    return { storage: label, records: RECORDS, scanMs: s, registerEmptyMs: i, registerBatchMs: c };
  } finally {
    await disconnectDatabase();
    await server.stop();
  }
}

async function main(): Promise<void> {
  buildSchema(); // loads every module, so every model that holds records is known
  const results = [await measure({ kind: 'memory' }, 'memory backend')];
  const dir = mkdtempSync(path.join(os.tmpdir(), 'journey-bench-sweep-'));
  try {
    results.push(await measure({ kind: 'h2', file: path.join(dir, 'db.mv') }, 'H2 backend'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(JSON.stringify(results));
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
