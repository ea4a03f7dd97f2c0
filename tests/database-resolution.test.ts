import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import pino from 'pino';
import {
  chooseEngine,
  DatabaseUnavailableError,
  resolveDatabase,
  type DatabaseProbes,
} from '../src/db/resolve-database';

const logger = pino({ level: 'silent' });
const probes = (mongod: boolean, java: boolean): DatabaseProbes & { calls: string[] } => {
  const calls: string[] = [];
  return {
    calls,
    mongod: async () => (calls.push('mongod'), mongod),
    standInMissing: () => (calls.push('java'), java ? [] : ['Java 17+ (java not found)']),
  };
};

describe('database resolution order', () => {
  it('uses MONGODB_URI first, without probing the machine', async () => {
    const p = probes(true, true);
    const engine = await chooseEngine({ MONGODB_URI: 'mongodb://db', EMBEDDED_ENGINE: 'auto' }, p);
    expect(engine).toBe('external');
    expect(p.calls).toEqual([]);
  });

  it('prefers a real mongod, then the Java stand-in', async () => {
    expect(await chooseEngine({ EMBEDDED_ENGINE: 'auto' }, probes(true, true))).toBe('mongod');
    expect(await chooseEngine({ EMBEDDED_ENGINE: 'auto' }, probes(false, true))).toBe(
      'mongo-java-server',
    );
  });

  it('honours EMBEDDED_ENGINE', async () => {
    const p = probes(true, true);
    expect(await chooseEngine({ EMBEDDED_ENGINE: 'mongo-java-server' }, p)).toBe(
      'mongo-java-server',
    );
    expect(p.calls).toEqual(['java']);
    await expect(chooseEngine({ EMBEDDED_ENGINE: 'mongod' }, probes(false, true))).rejects.toThrow(
      /MONGOMS_SYSTEM_BINARY/,
    );
  });

  it('says what to install when neither Java nor mongod is present', async () => {
    const attempt = chooseEngine({ EMBEDDED_ENGINE: 'auto' }, probes(false, false));
    await expect(attempt).rejects.toBeInstanceOf(DatabaseUnavailableError);
    await expect(attempt).rejects.toThrow(/MONGODB_URI.*Java 17\+ \(java not found\)/);
  });
});

describe('the embedded stand-in on DATA_DIR', () => {
  let dataDir: string;
  const config = () => ({ EMBEDDED_ENGINE: 'mongo-java-server' as const, DATA_DIR: dataDir });
  beforeEach(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'journey-data-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  async function withClient<T>(uri: string, work: (db: mongoose.mongo.Db) => Promise<T>) {
    const client = await mongoose.mongo.MongoClient.connect(uri);
    try {
      return await work(client.db('journey'));
    } finally {
      await client.close();
    }
  }

  it('keeps its data across a restart', async () => {
    const first = await resolveDatabase(config(), logger);
    await withClient(first.uri, (db) => db.collection('probe').insertOne({ kept: true }));
    await first.stop();

    const second = await resolveDatabase(config(), logger);
    expect(second.reused).toBe(false);
    const found = await withClient(second.uri, (db) => db.collection('probe').findOne());
    await second.stop();
    expect(found?.kept).toBe(true);
  });

  it('lets a script reuse the server a running process started', async () => {
    const owner = await resolveDatabase(config(), logger);
    const script = await resolveDatabase(config(), logger);
    expect(script).toMatchObject({ reused: true, uri: owner.uri, engine: 'mongo-java-server' });
    await script.stop(); // a no-op for the reuser
    expect(await withClient(owner.uri, (db) => db.command({ ping: 1 }))).toMatchObject({ ok: 1 });
    await owner.stop();
  });

  it('detects a stale record and starts its own server', async () => {
    const stale = { engine: 'mongo-java-server', uri: 'mongodb://127.0.0.1:1', pid: 999999 };
    writeFileSync(path.join(dataDir, 'embedded-db.json'), JSON.stringify(stale));
    const database = await resolveDatabase(config(), logger);
    expect(database.reused).toBe(false);
    expect(database.uri).not.toBe(stale.uri);
    await database.stop();
  });
});
