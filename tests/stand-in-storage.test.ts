import {
  Binary,
  Decimal128,
  Double,
  Int32,
  Long,
  MongoClient,
  ObjectId,
  type Collection,
  type Document,
} from 'mongodb';
import { startStandIn, type StandIn } from '../src/db/mongo-java-server';

// The embedded server's memory backend keeps each document as its BSON bytes and decodes a copy on
// every read (db/mongo-java-server/JourneyMongoServer.java): what is read back, updated, replaced,
// deleted and counted must stay what MongoDB answers, types and field order included.

describe('the embedded server: documents kept as bytes', () => {
  let server: StandIn;
  let client: MongoClient;
  let docs: Collection<Document>;

  beforeAll(async () => {
    server = await startStandIn({ kind: 'memory' });
    client = await MongoClient.connect(`${server.uri}/storage`);
    docs = client.db().collection('docs');
  }, 120_000);

  afterAll(async () => {
    await client?.close();
    await server?.stop();
  });

  beforeEach(() => docs.deleteMany({}));

  // Read back with the driver's own BSON types (no conversion to JS numbers).
  const raw = (filter: Document) => docs.findOne(filter, { promoteValues: false });

  it('reads back every value with its BSON type and the fields in their order', async () => {
    const id = new ObjectId();
    const stored = {
      _id: id,
      int: new Int32(7),
      long: Long.fromString('9007199254740993'),
      double: new Double(2.5),
      decimal: Decimal128.fromString('0.10'),
      at: new Date('2025-03-01T10:00:00.123Z'),
      text: '回访 ok',
      flag: true,
      none: null,
      bytes: new Binary(Buffer.from([1, 2, 3])),
      nested: { z: 1, a: [{ b: new ObjectId(id.toHexString()) }, 'x', [new Int32(1)]] },
    };
    await docs.insertOne(stored);
    const read = await raw({ _id: id });
    expect(Object.keys(read!)).toEqual(Object.keys(stored));
    expect(read).toEqual({
      ...stored,
      bytes: new Binary(Buffer.from([1, 2, 3]), 0),
      nested: { z: new Int32(1), a: [{ b: id }, 'x', [new Int32(1)]] },
    });
    expect(read!.long).toBeInstanceOf(Long);
    expect(read!.double).toBeInstanceOf(Double);
  });

  it('keeps what an update, a find-and-modify and a replacement changed', async () => {
    await docs.insertOne({ _id: 'a' as never, n: 1, list: [1], gone: true, sub: { x: 1 } });
    await docs.updateOne(
      { _id: 'a' as never },
      {
        $inc: { n: 2 },
        $push: { list: 2 } as never,
        $unset: { gone: '' },
        $set: { 'sub.y': 2, added: 1 },
      },
    );
    expect(await docs.findOne({ _id: 'a' as never })).toEqual({
      _id: 'a',
      n: 3,
      list: [1, 2],
      sub: { x: 1, y: 2 },
      added: 1,
    });
    // findOneAndUpdate answers the version before or after; the stored one is the one after.
    const before = await docs.findOneAndUpdate(
      { _id: 'a' as never },
      { $set: { n: 10 } },
      { returnDocument: 'before' },
    );
    expect(before).toMatchObject({ n: 3 });
    const after = await docs.findOneAndUpdate(
      { _id: 'a' as never },
      { $inc: { n: 1 } },
      { returnDocument: 'after' },
    );
    expect(after).toMatchObject({ n: 11 });
    await docs.replaceOne({ _id: 'a' as never }, { only: true });
    expect(await docs.findOne({ _id: 'a' as never })).toEqual({ _id: 'a', only: true });
  });

  it('upserts, deletes and reuses slots: counts, natural order and unique keys stay right', async () => {
    await docs.createIndex({ key: 1 }, { unique: true });
    await docs.insertMany([1, 2, 3, 4].map((n) => ({ _id: n as never, key: `k${n}` })));
    await docs.deleteMany({ _id: { $in: [2, 3] as never[] } });
    await docs.insertOne({ _id: 5 as never, key: 'k5' });
    await docs.updateOne({ key: 'k6' }, { $set: { v: 1 } }, { upsert: true });
    expect(await docs.countDocuments()).toBe(4);
    const ids = async (sort: Document) =>
      (await docs.find({}, { sort }).toArray()).map((doc) => doc._id);
    const natural = await ids({ $natural: 1 });
    expect(natural.filter((id) => typeof id === 'number').sort()).toEqual([1, 4, 5]);
    expect(natural).toHaveLength(4);
    expect(await ids({ $natural: -1 })).toEqual([...natural].reverse());
    await expect(docs.insertOne({ _id: 9 as never, key: 'k5' })).rejects.toThrow(/duplicate key/);
    await docs.updateOne({ key: 'k4' }, { $set: { key: 'k2' } }); // k2 was freed by the delete
    expect(await docs.findOne({ key: 'k2' })).toMatchObject({ _id: 4 });
    expect(await docs.findOne({ key: 'k4' })).toBeNull();
    expect(await docs.find({ key: { $gte: 'k5' } }, { sort: { key: 1 } }).toArray()).toEqual([
      expect.objectContaining({ _id: 5 }),
      expect.objectContaining({ key: 'k6', v: 1 }),
    ]);
  });
});
