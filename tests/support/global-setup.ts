import { chooseEngine } from '../../src/db/resolve-database';
import { startMongod } from '../../src/db/mongod';
import { startStandIn } from '../../src/db/mongo-java-server';

type Stoppable = { stop(): Promise<void> };
const holder = globalThis as { journeyTestDatabase?: Stoppable };

/**
 * Starts one real database server for the whole run: MONGODB_URI if given, a real mongod where
 * one can be had, else mongo-java-server's memory backend. Each test file uses its own database.
 */
export default async function globalSetup(): Promise<void> {
  const engine = await chooseEngine({
    MONGODB_URI: process.env.MONGODB_URI,
    EMBEDDED_ENGINE: (process.env.EMBEDDED_ENGINE as 'auto' | undefined) ?? 'auto',
  });
  let uri = process.env.MONGODB_URI ?? '';
  if (engine === 'mongod') {
    const server = await startMongod({});
    uri = server.uri;
    holder.journeyTestDatabase = server;
  } else if (engine === 'mongo-java-server') {
    const server = await startStandIn({ kind: 'memory' });
    uri = server.uri;
    holder.journeyTestDatabase = server;
  }
  process.env.JOURNEY_TEST_MONGODB_URI = uri;
  process.env.JOURNEY_TEST_DB_ENGINE = engine;
  const label = engine === 'mongo-java-server' ? 'mongo-java-server (memory backend)' : engine;
  process.stdout.write(`\nIntegration tests run against: ${label}\n`);
}
