import { mkdirSync } from 'node:fs';
import { MongoBinary, MongoMemoryServer } from 'mongodb-memory-server-core';

/** A running real `mongod` managed by mongodb-memory-server. */
export type EmbeddedMongod = { uri: string; stop(): Promise<void> };

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
  return {
    uri: server.getUri().replace(/\/$/, ''),
    stop: async () => {
      await server.stop({ doCleanup: !options.dbPath, force: false });
    },
  };
}
