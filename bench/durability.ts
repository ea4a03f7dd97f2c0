import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { startStandIn } from '../src/db/mongo-java-server';
import { median, timed } from './bench-database';

// What durable acknowledgement costs on the embedded database: acknowledged inserts per second on
// the H2 stand-in committing every write before answering it (the default) against H2's own
// once-a-second commit (--lazy-commit), in the same run, alternating so drift hits both alike.

const WRITES = Number(process.env.BENCH_WRITES ?? 2000);
const IN_FLIGHT = Number(process.env.BENCH_IN_FLIGHT ?? 8);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

/** A document about the size of a key account with its audit entry. */
function accountLike(i: number) {
  return {
    externalId: `ACC-${i}`,
    sourceSystem: 'CRM',
    name: `Key account ${i} Co., Ltd.`,
    industry: 'MANUFACTURING',
    tier: 'GOLD',
    branchCode: 'HZ',
    accountManagerId: new mongoose.Types.ObjectId(),
    contacts: [{ name: 'Contact', role: 'CIO', phone: '+86 571 0000 0000', email: 'c@x.cn' }],
    status: 'ACTIVE',
    openedAt: new Date(),
    currentStage: 'CONSULTING',
  };
}

/** Acknowledged inserts per second, `IN_FLIGHT` at a time, on a fresh H2 file. */
async function writesPerSecond(lazyCommit: boolean): Promise<number> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'journey-bench-durability-'));
  const server = await startStandIn({ kind: 'h2', file: path.join(dir, 'db.mv'), lazyCommit });
  const client = new mongoose.mongo.MongoClient(server.uri);
  try {
    const collection = client.db('bench').collection('accounts');
    await collection.createIndex({ sourceSystem: 1, externalId: 1 }, { unique: true });
    let next = 0;
    const worker = async () => {
      while (next < WRITES) await collection.insertOne(accountLike((next += 1)));
    };
    const ms = await timed(() => Promise.all(Array.from({ length: IN_FLIGHT }, worker)));
    return WRITES / (ms / 1000);
  } finally {
    await client.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const committed: number[] = [];
  const lazy: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    committed.push(await writesPerSecond(false));
    lazy.push(await writesPerSecond(true));
  }
  const perCommit = median(committed);
  const baseline = median(lazy);
  console.log(
    `mongo-java-server 1.47 H2, ${WRITES} inserts, ${IN_FLIGHT} in flight, median of ${ROUNDS}`,
  );
  console.log(`  commit per write (default):  ${perCommit.toFixed(0)} acknowledged writes/s`);
  console.log(`  H2's own ~1 s commit:        ${baseline.toFixed(0)} acknowledged writes/s`);
  console.log(`  ratio durable / lazy:        ${(perCommit / baseline).toFixed(2)}`);
}

void main();
