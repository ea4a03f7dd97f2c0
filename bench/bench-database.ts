import mongoose from 'mongoose';
import { connectDatabase, disconnectDatabase } from '../src/db/connection';
import { startStandIn } from '../src/db/mongo-java-server';

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
