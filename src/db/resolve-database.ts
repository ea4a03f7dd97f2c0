import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config/env';
import type { Logger } from '../config/logger';
import { projectRoot } from '../shared/project-root';
import {
  findLiveEmbedded,
  removeEmbeddedRecord,
  writeEmbeddedRecord,
  type EmbeddedRecord,
} from './embedded-record';
import { findMongodBinary, startMongod } from './mongod';
import { standInMissing } from './mongo-java-server';
import { superviseStandIn, type EmbeddedHealth } from './supervised-stand-in';

/** Where the data lives: an external MongoDB, an embedded real mongod, or the Java stand-in. */
export type DatabaseEngine = 'external' | 'mongod' | 'mongo-java-server';

/** A database the process can connect to; `stop` ends it only if this process started it. */
export type ResolvedDatabase = {
  engine: DatabaseEngine;
  uri: string;
  dbName: string | undefined;
  /** True when the database was started by another process of this project and is reused. */
  reused: boolean;
  /** For an embedded server this process keeps running: up, restarting, or failed for good. */
  health(): EmbeddedHealth;
  stop(): Promise<void>;
};

/** No usable database could be found or started. */
export class DatabaseUnavailableError extends Error {}

/**
 * Capabilities of the machine, injectable so the resolution order can be tested: whether a mongod
 * can be had, and what the Java stand-in lacks (nothing = it can run).
 */
export type DatabaseProbes = { mongod(): Promise<boolean>; standInMissing(): string[] };

const EMBEDDED_DB_NAME = 'journey';
// A failed mongod download is remembered for a day, so machines without internet start at once.
const NO_MONGOD_MARKER = path.join(projectRoot(), '.cache', 'mongod-unavailable');
const MARKER_TTL_MS = 24 * 3600 * 1000;

const defaultProbes: DatabaseProbes = {
  async mongod() {
    if (existsSync(NO_MONGOD_MARKER) && !process.env.MONGOMS_SYSTEM_BINARY) {
      if (Date.now() - statSync(NO_MONGOD_MARKER).mtimeMs < MARKER_TTL_MS) return false;
    }
    const found = (await findMongodBinary()) !== null;
    if (!found) {
      mkdirSync(path.dirname(NO_MONGOD_MARKER), { recursive: true });
      writeFileSync(NO_MONGOD_MARKER, new Date().toISOString());
    }
    return found;
  },
  standInMissing,
};

/** Decides which engine to use, in the documented order. */
export async function chooseEngine(
  config: Pick<Config, 'MONGODB_URI' | 'EMBEDDED_ENGINE'>,
  probes: DatabaseProbes = defaultProbes,
): Promise<DatabaseEngine> {
  if (config.MONGODB_URI) return 'external';
  if (config.EMBEDDED_ENGINE !== 'mongo-java-server') {
    if (await probes.mongod()) return 'mongod';
    if (config.EMBEDDED_ENGINE === 'mongod') {
      throw new DatabaseUnavailableError(
        'EMBEDDED_ENGINE=mongod but no mongod binary could be found or downloaded: set MONGOMS_SYSTEM_BINARY to a mongod, or set MONGODB_URI.',
      );
    }
  }
  const missing = probes.standInMissing();
  if (missing.length === 0) return 'mongo-java-server';
  throw new DatabaseUnavailableError(
    `No database available: set MONGODB_URI to a MongoDB server, or install what the embedded database needs: ${missing.join(', ')} (Debian: apt-get install default-jdk-headless maven).`,
  );
}

type Supervision = Pick<Config, 'DB_RESTART_BACKOFF_MS' | 'DB_RESTART_ATTEMPTS'>;

async function startEmbedded(
  engine: Exclude<DatabaseEngine, 'external'>,
  dataDir: string,
  config: Supervision,
  logger: Logger,
) {
  // A real mongod is not restarted here (development only): once it died, health is `failed`.
  if (engine === 'mongod') {
    const server = await startMongod({ dbPath: path.join(dataDir, 'mongod') });
    const health = (): EmbeddedHealth => (server.alive() ? 'up' : 'failed');
    return { ...server, health, pid: () => undefined };
  }
  const record = (pid: number) =>
    writeEmbeddedRecord(dataDir, { engine, uri: server.uri, pid: process.pid, serverPid: pid });
  const server = await superviseStandIn({
    storage: { kind: 'h2', file: path.join(dataDir, 'mongo-java-server.mv') },
    logger,
    backoffMs: config.DB_RESTART_BACKOFF_MS,
    attempts: config.DB_RESTART_ATTEMPTS,
    onRestart: (restarted) => record(restarted.pid),
  });
  return server;
}

/**
 * Resolves the database: MONGODB_URI, else the embedded server on DATA_DIR (reusing one another
 * process of this project already runs there), starting it when needed.
 */
export async function resolveDatabase(
  config: Pick<Config, 'MONGODB_URI' | 'EMBEDDED_ENGINE' | 'DATA_DIR'> & Partial<Supervision>,
  logger: Logger,
  probes?: DatabaseProbes,
): Promise<ResolvedDatabase> {
  const engine = await chooseEngine(config, probes);
  if (engine === 'external') {
    logger.info({ engine }, 'database: MONGODB_URI');
    return {
      engine,
      uri: config.MONGODB_URI!,
      dbName: undefined,
      reused: false,
      health: () => 'up',
      stop: async () => {},
    };
  }
  const dataDir = path.resolve(config.DATA_DIR);
  mkdirSync(dataDir, { recursive: true });
  const live = await findLiveEmbedded(dataDir);
  if (live) {
    logger.info({ engine: live.engine, dataDir, ownerPid: live.pid }, 'database: reusing embedded');
    return reusedEmbedded(live);
  }
  const server = await startEmbedded(
    engine,
    dataDir,
    {
      DB_RESTART_BACKOFF_MS: config.DB_RESTART_BACKOFF_MS ?? 500,
      DB_RESTART_ATTEMPTS: config.DB_RESTART_ATTEMPTS ?? 6,
    },
    logger,
  );
  writeEmbeddedRecord(dataDir, {
    engine,
    uri: server.uri,
    pid: process.pid,
    serverPid: server.pid(),
  });
  logger.info({ engine, dataDir }, `database: embedded ${engine}`);
  return {
    engine,
    uri: server.uri,
    dbName: EMBEDDED_DB_NAME,
    reused: false,
    health: server.health,
    stop: async () => {
      removeEmbeddedRecord(dataDir);
      await server.stop();
    },
  };
}

/**
 * The database of the service already running on this configuration, for scripts that must not
 * start an empty one of their own: MONGODB_URI, or the embedded server recorded under DATA_DIR
 * while it answers. Null when there is none.
 */
export async function findRunningDatabase(
  config: Pick<Config, 'MONGODB_URI' | 'DATA_DIR'>,
): Promise<ResolvedDatabase | null> {
  if (config.MONGODB_URI) {
    const uri = config.MONGODB_URI;
    return {
      engine: 'external',
      uri,
      dbName: undefined,
      reused: false,
      health: () => 'up',
      stop: async () => {},
    };
  }
  const live = await findLiveEmbedded(path.resolve(config.DATA_DIR));
  return live ? reusedEmbedded(live) : null;
}

/** The embedded server another process of this project runs: used, never stopped, by this one. */
function reusedEmbedded(live: EmbeddedRecord): ResolvedDatabase {
  return {
    engine: live.engine,
    uri: live.uri,
    dbName: EMBEDDED_DB_NAME,
    reused: true,
    health: () => 'up',
    stop: async () => {},
  };
}
