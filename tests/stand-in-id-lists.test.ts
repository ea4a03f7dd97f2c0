import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Double, Long, MongoClient, ObjectId, type Collection, type Document } from 'mongodb';
import { startStandIn, type StandIn, type StandInStorage } from '../src/db/mongo-java-server';

// The embedded server's launcher matches a bare `_id $in` of plain ids (ObjectIds, strings) by a
// set instead of value by value (db/mongo-java-server/JourneyMongoServer.java): the answers must
// stay MongoDB's. Lists with other values, and queries with more than the `_id` condition, take
// the server's own matching; both are covered here, on both stores.

const dir = mkdtempSync(join(tmpdir(), 'journey-id-lists-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each<[string, StandInStorage]>([
  ['memory', { kind: 'memory' }],
  ['H2', { kind: 'h2', file: join(dir, 'id-lists.mv.db') }],
])('the embedded server (%s): `_id $in` reads', (_store, storage) => {
  let server: StandIn;
  let client: MongoClient;
  let docs: Collection<Document>;
  const [a, b, c] = [new ObjectId(), new ObjectId(), new ObjectId()];

  beforeAll(async () => {
    server = await startStandIn(storage);
    client = await MongoClient.connect(`${server.uri}/id_lists`);
    docs = client.db().collection('docs');
    await docs.insertMany([
      { _id: a, n: 1 },
      { _id: b, n: 2 },
      { _id: c, n: 3 },
      { _id: a.toHexString() as never, n: 4 },
      { _id: 'x' as never, n: 5 },
      { _id: 7 as never, n: 6 },
      { _id: { k: 1 } as never, n: 7 },
    ]);
  }, 120_000);

  afterAll(async () => {
    await client?.close();
    await server?.stop();
  });

  const found = async (filter: Document) =>
    (await docs.find(filter).toArray()).map((doc) => doc.n as number).sort((x, y) => x - y);

  it('finds exactly the listed ObjectIds and strings, never an ObjectId by its hex string', async () => {
    expect(await found({ _id: { $in: [a, c] } })).toEqual([1, 3]);
    expect(await found({ _id: { $in: [a.toHexString()] } })).toEqual([4]);
    expect(await found({ _id: { $in: ['x', b, 'missing', new ObjectId()] } })).toEqual([2, 5]);
    expect(await found({ _id: { $in: [] } })).toEqual([]);
  });

  it('matches other ids as MongoDB does: numbers by value, documents by content', async () => {
    expect(await found({ _id: { $in: [new Double(7), a] } })).toEqual([1, 6]);
    expect(await found({ _id: { $in: [Long.fromNumber(7)] } })).toEqual([6]);
    expect(await found({ _id: { $in: [{ k: 1 }, 'x'] } })).toEqual([5, 7]);
  });

  it('applies the other conditions of a query beside the id list', async () => {
    expect(await found({ _id: { $in: [a, b, c] }, n: { $gt: 1 } })).toEqual([2, 3]);
    expect(await found({ _id: { $in: [a, b], $nin: [b] } })).toEqual([1]);
  });

  it('reads and updates by id lists many times over, each list answered on its own', async () => {
    for (let round = 0; round < 3; round += 1) {
      expect(await found({ _id: { $in: [a] } })).toEqual([1]);
      expect(await found({ _id: { $in: [b, c] } })).toEqual([2, 3]);
    }
    await docs.updateMany({ _id: { $in: [b, 'x'] } } as never, { $inc: { n: 10 } });
    expect(await found({ _id: { $in: [b, 'x', c] } })).toEqual([3, 12, 15]);
  });
});

// The H2 store's unique indexes order their keys by H2's own order with each key's serialized
// form remembered (the launcher's RememberedKeyOrder): a store written with H2's own comparison
// (as every store before it was), then reopened (keys read back from the file), still finds every
// key by `_id`, by an id list and by a unique key, and still refuses a duplicate.
describe('the embedded server (H2): a store written in H2 key order, then reopened', () => {
  const file = join(dir, 'reopened.mv.db');
  const ids: unknown[] = Array.from({ length: 3000 }, (_, i) =>
    i % 3 === 0 ? new ObjectId() : i % 3 === 1 ? `k${(i * 7919) % 3001}` : i * 1000,
  );
  const open = async (h2KeyOrder: boolean) => {
    const server = await startStandIn({ kind: 'h2', file, h2KeyOrder });
    const client = await MongoClient.connect(`${server.uri}/reopened`);
    return { server, client, docs: client.db().collection('docs') };
  };

  it('finds every document by its id and unique key, and refuses duplicates', async () => {
    const first = await open(true);
    await first.docs.createIndex({ code: 1, n: 1 }, { unique: true });
    await first.docs.insertMany(ids.map((_id, n) => ({ _id, n, code: `c${n % 10}` })) as never);
    await first.client.close();
    await first.server.stop();

    const again = await open(false);
    try {
      const { docs } = again;
      for (const n of [0, 1, 2, 1234, 2998, 2999]) {
        expect((await docs.findOne({ _id: ids[n] } as never))?.n).toBe(n);
        expect((await docs.findOne({ code: `c${n % 10}`, n }))?._id).toEqual(ids[n]);
      }
      const listed = await docs.find({ _id: { $in: ids } } as never).toArray();
      expect(listed.map((doc) => doc.n as number).sort((x, y) => x - y)).toEqual(
        ids.map((_, n) => n),
      );
      await expect(docs.insertOne({ _id: ids[7], n: -1 } as never)).rejects.toThrow(/duplicate/i);
      await expect(docs.insertOne({ code: 'c5', n: 5 })).rejects.toThrow(/duplicate/i);
    } finally {
      await again.client.close();
      await again.server.stop();
    }
  }, 120_000);
});
