import { mkdirSync } from 'node:fs';
import { MongoBinary, MongoMemoryServer, type MongoInstance } from 'mongodb-memory-server-core';

/** A running real `mongod` managed by mongodb-memory-server; `alive` turns false if it dies. */
export type EmbeddedMongod = { uri: string; alive(): boolean; stop(): Promise<void> };

/**
 * Finds a `mongod` binary: MONGOMS_SYSTEM_BINARY, mongodb-memory-server's cache, or its own
 * download. Returns null when none can be had (e.g. the download host is unreachable).
 */
export async function findMongodBinary(): Promise<string | null> {
  try {
    return (await MongoBinary.getPath()) ?? null;
  } catch {
    return null;
  }
}

/** Starts `mongod` on a free port; with `dbPath` its data survives restarts. */
export async function startMongod(options: { dbPath?: string }): Promise<EmbeddedMongod> {
  if (options.dbPath) mkdirSync(options.dbPath, { recursive: true });
  const server = await MongoMemoryServer.create({
    instance: options.dbPath ? { dbPath: options.dbPath, storageEngine: 'wiredTiger' } : {},
  });
  // mongodb-memory-server does not restart a mongod that exits; the service reports it instead
  // (liveness fails), so whatever supervises the service restarts it, and with it mongod.
  let stopping = false;
  let alive = true;
  // The event's enum is not exported by the package; its value is this string.
  const closed = 'instanceClosed' as Parameters<MongoInstance['once']>[0];
  server.instanceInfo?.instance.once(closed, () => {
    if (!stopping) alive = false;
  });
  return {
    uri: server.getUri().replace(/\/$/, ''),
    alive: () => alive,
    stop: async () => {
      stopping = true;
      await server.stop({ doCleanup: !options.dbPath, force: false });
    },
  };
}
