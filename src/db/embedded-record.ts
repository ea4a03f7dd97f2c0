import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import mongoose from 'mongoose';

/** What a process that started the embedded database writes under DATA_DIR for scripts to reuse. */
export type EmbeddedRecord = {
  engine: 'mongod' | 'mongo-java-server';
  uri: string;
  /** The process that started the server and keeps it running. */
  pid: number;
  /** The database server's own process, where known (it changes when it is restarted). */
  serverPid?: number;
};

const recordPath = (dataDir: string) => path.join(dataDir, 'embedded-db.json');

/** Records the running embedded server. */
export function writeEmbeddedRecord(dataDir: string, record: EmbeddedRecord): void {
  writeFileSync(recordPath(dataDir), JSON.stringify(record), { mode: 0o600 });
}

/** Removes the record if it is still ours. */
export function removeEmbeddedRecord(dataDir: string, pid = process.pid): void {
  if (readEmbeddedRecord(dataDir)?.pid === pid) rmSync(recordPath(dataDir), { force: true });
}

function readEmbeddedRecord(dataDir: string): EmbeddedRecord | null {
  try {
    return JSON.parse(readFileSync(recordPath(dataDir), 'utf8')) as EmbeddedRecord;
  } catch {
    return null;
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function answers(uri: string): Promise<boolean> {
  const client = new mongoose.mongo.MongoClient(uri, { serverSelectionTimeoutMS: 1500 });
  try {
    await client.db('admin').command({ ping: 1 });
    return true;
  } catch {
    return false;
  } finally {
    await client.close();
  }
}

/**
 * The embedded server another process of this project runs on DATA_DIR, or null. A record whose
 * process is gone or whose server does not answer is stale and is removed.
 */
export async function findLiveEmbedded(dataDir: string): Promise<EmbeddedRecord | null> {
  const record = readEmbeddedRecord(dataDir);
  if (!record) return null;
  if (processAlive(record.pid) && (await answers(record.uri))) return record;
  rmSync(recordPath(dataDir), { force: true });
  return null;
}
