import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Config } from './config/env';
import type { Logger } from './config/logger';
import { connectDatabase, disconnectDatabase, pingDatabase } from './db/connection';
import { resolveDatabase, type ResolvedDatabase } from './db/resolve-database';
import { createApollo } from './graphql/apollo';
import { createApp } from './http/app';
import { closeHttpServer } from './http/shutdown';
import { bootstrapAdmin } from './modules/auth/auth.service';
import { startConsequenceSweep } from './modules/consequences/consequence-sweep';
import { seedOnStart } from './modules/demo/demo-seed';
import { runBackfills } from './db/backfill-once';
import { ensureRollupsBuilt } from './modules/rollups/rollup-check';
import { dropKeylessSnapshots } from './modules/scorecards/scorecard.service';
import { snapshotWritesSettled } from './modules/scorecards/scorecard-snapshots';
import { ensureDefaultSlaPolicy } from './modules/sla-policies/sla-policy.service';
import { ensureAttributeCatalogue } from './modules/surveys/attribute-catalogue.service';

/** A running Journey service. */
export type RunningService = {
  url: string;
  database: ResolvedDatabase;
  httpServer: Server;
  /** Graceful stop: no new connections, in-flight requests finish, then the database closes. */
  stop(): Promise<void>;
};

/** Listens, or rejects with the listen error (a busy port) instead of emitting it. */
function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/** Resolves the database, loads demo data if asked, and serves HTTP + GraphQL. */
export async function startService(config: Config, logger: Logger): Promise<RunningService> {
  const database = await resolveDatabase(config, logger);
  try {
    return await serve(config, logger, database);
  } catch (error) {
    // A failed start must not leave the embedded database it started running.
    await disconnectDatabase().catch(() => undefined);
    await database.stop();
    throw error;
  }
}

async function serve(
  config: Config,
  logger: Logger,
  database: ResolvedDatabase,
): Promise<RunningService> {
  // Command monitoring lets tests count database round trips (the N+1 guard).
  await connectDatabase(database.uri, {
    dbName: database.dbName,
    monitorCommands: config.NODE_ENV === 'test',
    timeouts: {
      serverSelectionTimeoutMs: config.DB_SERVER_SELECTION_TIMEOUT_MS,
      operationTimeoutMs: config.DB_OPERATION_TIMEOUT_MS,
    },
  });
  await bootstrapAdmin(config.DATA_DIR, logger);
  await ensureDefaultSlaPolicy();
  await ensureAttributeCatalogue();
  // Documents maintained on write, built once for records stored before they were kept.
  const backfilled = await runBackfills();
  if (backfilled.length > 0) logger.info({ backfilled }, 'built maintained documents');
  const built = await ensureRollupsBuilt();
  if (built) {
    logger.info(built, 'scorecard rollups built from the records');
    await dropKeylessSnapshots();
  }
  await seedOnStart({ config, database, logger });
  // After the seed: the demo data's own consequences are applied as it writes them.
  const stopSweep = await startConsequenceSweep({
    logger,
    intervalMs: config.CONSEQUENCE_SWEEP_INTERVAL_MS,
    scanIntervalMs: config.CONSEQUENCE_SCAN_INTERVAL_MS,
  });

  const httpServer = createServer();
  const apollo = createApollo({ config, logger, httpServer });
  await apollo.start();
  const app = createApp({
    apollo,
    logger,
    // Not ready while the embedded database is being restarted, even if a ping got through.
    isReady: async () => database.health() === 'up' && (await pingDatabase()),
    isAlive: () => database.health() !== 'failed',
  });
  httpServer.on('request', app);
  try {
    await listen(httpServer, config.PORT, config.HOST);
  } catch (error) {
    await apollo.stop().catch(() => undefined);
    throw error;
  }
  const { port } = httpServer.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  logger.info({ url: `${url}/graphql`, engine: database.engine }, 'Journey is serving');

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      logger.info('shutting down: no new connections, finishing in-flight requests');
      await closeHttpServer(httpServer, config.SHUTDOWN_TIMEOUT_MS);
      await apollo.stop();
      await snapshotWritesSettled();
      await stopSweep();
      await disconnectDatabase();
      await database.stop();
      logger.info('shutdown complete');
    })());
  return { url, database, httpServer, stop };
}
