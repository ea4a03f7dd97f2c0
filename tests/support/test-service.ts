import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { loadConfig } from '../../src/config/env';
import { createLogger } from '../../src/config/logger';
import { isDatabaseUnavailable } from '../../src/db/unavailable';
import {
  sweepPendingConsequences,
  sweepUnregistered,
} from '../../src/modules/consequences/register-sweep';
import { checkRollups, type RollupDifference } from '../../src/modules/rollups/rollup-check';
import { checkKeptLists } from '../../src/modules/journey/kept-lists-check';
import { startService, type RunningService } from '../../src/service';

/** The database server started by the global setup. */
export function testServerUri(): string {
  const uri = process.env.JOURNEY_TEST_MONGODB_URI;
  if (!uri) throw new Error('JOURNEY_TEST_MONGODB_URI is not set: run tests through jest');
  return uri;
}

/** A URI of a database of its own on the test server. */
export function freshDatabaseUri(): string {
  const url = new URL(testServerUri());
  url.pathname = `/t_${randomBytes(6).toString('hex')}`;
  return url.toString();
}

/** Answer of a GraphQL request. */
export type GraphQLResponse<T = Record<string, unknown>> = {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: { code?: string; field?: string } }[];
};

/** Sends GraphQL operations to a service at `url`, with a token when given. */
export function graphqlClient(url: string) {
  return async <T>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ): Promise<GraphQLResponse<T>> => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as Omit<GraphQLResponse<T>, 'status'>;
    return { status: response.status, ...body };
  };
}

/** The service running in-process on its own fresh database. */
export type TestService = RunningService & {
  /** Token of the first ADMIN the service bootstrapped. */
  adminToken: string;
  dataDir: string;
  graphql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ): Promise<GraphQLResponse<T>>;
};

/** Starts the service on a free port and a fresh database; drop it with `stopTestService`. */
export async function startTestService(env: Record<string, string> = {}): Promise<TestService> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'journey-test-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    MONGODB_URI: freshDatabaseUri(),
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DEMO_DATA: 'false',
    SHUTDOWN_TIMEOUT_MS: '2000',
    ...env,
  });
  const service = await startService(config, createLogger(config));
  const graphql = graphqlClient(service.url);
  const adminToken = readFileSync(path.join(dataDir, 'initial-admin-token'), 'utf8').trim();
  return { ...service, graphql, adminToken, dataDir };
}

/**
 * The rollups of the suite's database recomputed from its records, after applying whatever is
 * still pending (as the service does when it starts): every suite ends with this check. A suite
 * that stopped its database has nothing to check.
 */
async function rollupDifferences(): Promise<RollupDifference[]> {
  try {
    await sweepPendingConsequences({ minAgeMs: 0 });
    // And what suites stored in records without registering it (written straight to the database).
    await sweepUnregistered();
    return await checkRollups();
  } catch (error) {
    if (isDatabaseUnavailable(error)) return [];
    throw error;
  }
}

// The account screen's kept lists against the records (after the sweep above), likewise.
async function listDifferences() {
  try {
    return await checkKeptLists();
  } catch (error) {
    if (isDatabaseUnavailable(error)) return [];
    throw error;
  }
}

/** Checks the rollups and kept lists, drops the service's database and stops it gracefully. */
export async function stopTestService(service: TestService | undefined): Promise<void> {
  if (!service) return;
  const differences = await rollupDifferences();
  const lists = await listDifferences();
  await mongoose.connection.db?.dropDatabase().catch(() => undefined);
  await service.stop();
  rmSync(service.dataDir, { recursive: true, force: true });
  if (lists.length > 0) {
    const shown = lists.slice(0, 5).map((d) => JSON.stringify(d));
    throw new Error(`kept lists differ from the records (${lists.length}):\n${shown.join('\n')}`);
  }
  if (differences.length > 0) {
    const shown = differences.slice(0, 5).map((d) => JSON.stringify(d));
    throw new Error(
      `rollups differ from the records (${differences.length}):\n${shown.join('\n')}`,
    );
  }
}
