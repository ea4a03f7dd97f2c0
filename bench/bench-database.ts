import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { loadConfig } from '../src/config/env';
import { createLogger } from '../src/config/logger';
import { connectDatabase, disconnectDatabase } from '../src/db/connection';
import { startStandIn } from '../src/db/mongo-java-server';
import { startService } from '../src/service';

/**
 * The database a benchmark runs on: MONGODB_URI when set, else a fresh mongo-java-server (memory
 * backend), the same server the tests use. Returns a label saying which.
 */
export async function openBenchDatabase(
  name: string,
): Promise<{ label: string; close(): Promise<void> }> {
  if (process.env.MONGODB_URI) {
    await connectDatabase(process.env.MONGODB_URI, { dbName: name });
    await mongoose.connection.db!.dropDatabase();
    await connectDatabase(process.env.MONGODB_URI, { dbName: name });
    return { label: 'MONGODB_URI', close: () => disconnectDatabase() };
  }
  const server = await startStandIn({ kind: 'memory' });
  await connectDatabase(server.uri, { dbName: name });
  return {
    label: 'mongo-java-server 1.47 (memory backend)',
    close: async () => {
      await disconnectDatabase();
      await server.stop();
    },
  };
}

/** Wall time of `work` in milliseconds. */
export async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/** A bearer token for `login`, issued by the admin through the API. */
export async function issueToken(url: string, adminToken: string, login: string): Promise<string> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
    body: JSON.stringify({
      query: 'mutation($l: String!) { issueToken(input: { login: $l }) { token } }',
      variables: { l: login },
    }),
  });
  return ((await response.json()) as { data: { issueToken: { token: string } } }).data.issueToken
    .token;
}

/** Median of a non-empty list (upper median for an even count). */
export const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * The service with the demo data on a fresh data directory (MONGODB_URI when set, else the embedded
 * default), as the benchmarks of the API and the page run it; `stop` also removes the directory.
 */
export async function startDemoService() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'journey-bench-'));
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    DEMO_DATA: 'true',
    ...(process.env.MONGODB_URI ? { MONGODB_URI: process.env.MONGODB_URI } : {}),
  });
  const service = await startService(config, createLogger(config));
  const adminToken = readFileSync(path.join(dataDir, 'initial-admin-token'), 'utf8').trim();
  return {
    url: service.url,
    adminToken,
    stop: async () => {
      await service.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
