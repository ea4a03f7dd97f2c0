import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { listDifferencesIn, rollupDifferencesIn } from './rollups';
import { graphqlClient, type GraphQLResponse } from './test-service';

const root = path.resolve(__dirname, '../..');

/** The service as `npm start` runs it, on the embedded database, in a process group of its own. */
export type ServiceProcess = {
  url: string;
  dataDir: string;
  adminToken: string;
  child: ChildProcess;
  /** Everything the service logged so far. */
  output(): string;
  graphql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ): Promise<GraphQLResponse<T>>;
  /** SIGKILL of the service and its embedded database together (as the OOM killer or a container stop). */
  killAll(): Promise<void>;
  /** SIGTERM and wait for the exit. */
  stop(): Promise<void>;
};

/** A fresh data directory for `startServiceProcess`. */
export const freshDataDir = () => mkdtempSync(path.join(os.tmpdir(), 'journey-kill-'));

/** Starts `src/main.ts` on the mongo-java-server H2 store under `dataDir`. */
export async function startServiceProcess(
  dataDir: string,
  env: Record<string, string> = {},
): Promise<ServiceProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: root,
    // Its own process group: the embedded database is its child, and killAll kills the group.
    detached: true,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      LOG_LEVEL: 'info',
      DEMO_DATA: 'false',
      DATA_DIR: dataDir,
      EMBEDDED_ENGINE: 'mongo-java-server',
      MONGODB_URI: '',
      HOST: '127.0.0.1',
      PORT: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', () => {
      const match = /"url":"(http:[^"]+)\/graphql"/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    void exited.then(() => reject(new Error(`service exited early: ${output}`)));
  });
  const adminToken = readFileSync(path.join(dataDir, 'initial-admin-token'), 'utf8').trim();
  const graphql = graphqlClient(url);
  return {
    url,
    dataDir,
    adminToken,
    child,
    output: () => output,
    graphql,
    killAll: async () => {
      process.kill(-child.pid!, 'SIGKILL');
      await exited;
      // The database is the group's other member: wait until it is gone too.
      for (let i = 0; i < 100 && groupAlive(child.pid!); i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Services of one test file on fresh data directories: every one started is stopped, and every
 * directory removed, after each test.
 */
export function serviceProcesses() {
  const dirs: string[] = [];
  const running: ServiceProcess[] = [];
  afterEach(async () => {
    for (const service of running.splice(0)) await service.stop();
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  return {
    dataDir: () => {
      const dir = freshDataDir();
      dirs.push(dir);
      return dir;
    },
    start: async (dataDir: string, env: Record<string, string> = {}) => {
      const service = await startServiceProcess(dataDir, env);
      running.push(service);
      return service;
    },
  };
}

/** The embedded database a service process runs, read directly (not through the service). */
export async function openStore(dataDir: string) {
  const { uri } = JSON.parse(readFileSync(path.join(dataDir, 'embedded-db.json'), 'utf8')) as {
    uri: string;
  };
  const client = new mongoose.mongo.MongoClient(uri);
  return {
    db: client.db('journey'),
    close: () => client.close(),
    // What the writes (and the consequences applied at restart) left in the rollups.
    rollupDifferences: () => rollupDifferencesIn(uri, 'journey'),
    // ... and in the account screen's kept lists.
    listDifferences: () => listDifferencesIn(uri, 'journey'),
  };
}

/**
 * Runs `workers` loops of `work` against the service and SIGKILLs the service and its database
 * together once `enough()` holds: mid-burst, with requests in flight. A request cut off by the
 * kill throws inside `work` and counts as not acknowledged.
 */
export async function killDuringBurst(options: {
  service: ServiceProcess;
  workers: number;
  work: (n: number) => Promise<void>;
  enough: () => boolean;
}): Promise<void> {
  let next = 0;
  let killed = false;
  const worker = async () => {
    while (!killed) {
      try {
        await options.work((next += 1));
      } catch {
        // The connection died with the service: not acknowledged.
      }
    }
  };
  const running = Array.from({ length: options.workers }, worker);
  while (!options.enough()) await new Promise((resolve) => setTimeout(resolve, 10));
  await options.service.killAll();
  killed = true;
  await Promise.all(running);
}
