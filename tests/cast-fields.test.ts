import mongoose, { Types, type Model } from 'mongoose';
import { BSON } from 'mongodb';
import { castFields } from '../src/db/cast-fields';
import { KeyAccountModel } from '../src/modules/accounts/account.model';
import { FaultTicketModel } from '../src/modules/faults/fault-ticket.model';
import { FollowUpModel } from '../src/modules/follow-ups/follow-up.model';
import { freshDatabaseUri } from './support/test-service';

// Import batches and the cadence send their upserts with the driver, each record cast by
// castFields and its pending consequences added as they are: the stored records must be what
// mongoose's own bulk upsert of the same fields stores (types cast, defaults, version key), field
// by field as the audit's diff and the import's replay check compare them.

type Doc = Record<string, unknown>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyModel = Model<any>;

const at = (iso: string) => new Date(iso);

// Values as a caller might hand them over uncast (ids as hex, instants as strings, a number as
// text), nested entries without their defaults, and most optional fields left out.
const ticket = (): Doc => ({
  accountId: new Types.ObjectId().toHexString(),
  branchCode: 'BA',
  stage: 'FAULT_REPAIR',
  journeyAt: '2026-03-02T10:00:00Z',
  serviceRef: 'CIR-1',
  channel: 'NOC',
  reportedAt: at('2026-03-02T10:00:00Z'),
  severity: 'MAJOR',
  status: 'CLOSED',
  statusHistory: [
    { status: 'ACKNOWLEDGED', at: '2026-03-02T10:05:00Z', actorLogin: 'oss' },
    { status: 'CLOSED', at: at('2026-03-02T13:00:00Z'), actorLogin: 'oss', reason: null },
  ],
  severityHistory: [{ severity: 'MAJOR', at: at('2026-03-02T10:00:00Z'), actorLogin: 'oss' }],
  sla: { targets: { CRITICAL: 240, MAJOR: '480', MINOR: 1440 }, acknowledgementTargetMinutes: 15 },
  policyVersionIds: [new Types.ObjectId().toHexString()],
  closedAt: at('2026-03-02T13:00:00Z'),
  recordedBy: 'oss',
});

const followUp = (): Doc => ({
  accountId: new Types.ObjectId(),
  branchCode: 'BA',
  stage: 'FOLLOW_UP',
  status: 'SCHEDULED',
  journeyAt: at('2026-03-09T13:00:00Z'),
  recordedBy: 'system:follow-up-cadence',
  purpose: 'POST_REPAIR',
  channel: 'PHONE',
  dueAt: at('2026-03-09T13:00:00Z'),
  followsTicketId: new Types.ObjectId(),
});

const account = (): Doc => ({
  name: 'Cast Ltd',
  branchCode: 'BA',
  accountManagerId: new Types.ObjectId().toHexString(),
  contacts: [{ name: 'Ann' }],
  openedAt: '2025-01-02T03:04:05Z',
});

// Each field as the audit's diff compares it: its stored value with its types.
const fieldByField = (doc: Doc) =>
  Object.fromEntries(
    Object.keys(doc)
      .filter((key) => !['_id', 'externalId'].includes(key))
      .sort()
      .map((key) => [key, BSON.EJSON.stringify(doc[key] as never, { relaxed: false })]),
  );

describe('castFields: records written with the driver as mongoose would store them', () => {
  beforeAll(async () => {
    await mongoose.connect(freshDatabaseUri());
    // Indexes first: the stand-in may fail a write racing the creation of its collection's indexes.
    await Promise.all([FaultTicketModel, FollowUpModel, KeyAccountModel].map((m) => m.init()));
  });
  afterAll(async () => {
    await mongoose.connection.db?.dropDatabase();
    await mongoose.disconnect();
  });

  const stored = (model: AnyModel, externalId: string) =>
    model.collection.findOne({ sourceSystem: 'CAST', externalId }) as Promise<Doc>;

  it.each([
    ['a fault ticket', FaultTicketModel, ticket],
    ['a follow-up', FollowUpModel, followUp],
    ['a key account', KeyAccountModel, account],
  ] as const)('inserts %s as a bulk upsert through mongoose does', async (_, model, fields) => {
    const now = new Date();
    const given = fields();
    const record = (externalId: string) => ({
      _id: new Types.ObjectId(),
      sourceSystem: 'CAST',
      externalId,
      ...given,
      createdAt: now,
      updatedAt: now,
      revision: 1,
    });
    const filter = (externalId: string) => ({ sourceSystem: 'CAST', externalId });
    const pending = [{ _id: new Types.ObjectId(), kind: 'audit', args: { n: 1 }, at: now }];
    const viaMongoose = record('M');
    await (model as AnyModel).bulkWrite([
      {
        updateOne: {
          filter: filter('M'),
          update: { $setOnInsert: { ...viaMongoose, pendingConsequences: pending } },
          upsert: true,
          timestamps: false,
        },
      },
    ]);
    await model.collection.bulkWrite([
      {
        updateOne: {
          filter: filter('D'),
          update: {
            $setOnInsert: {
              ...castFields(model as AnyModel, record('D'), { insert: true }),
              pendingConsequences: pending,
            },
          },
          upsert: true,
        },
      },
    ]);
    const [expected, actual] = [await stored(model, 'M'), await stored(model, 'D')];
    expect(fieldByField(actual)).toEqual(fieldByField(expected));
    expect(actual.accountId ?? actual.accountManagerId).toBeInstanceOf(Types.ObjectId);
  });

  it('sets only the given fields of an update, cast as mongoose casts a $set', async () => {
    const base = { _id: new Types.ObjectId(), sourceSystem: 'CAST', ...ticket() };
    const [one, two] = [new Types.ObjectId(), new Types.ObjectId()];
    await FaultTicketModel.collection.insertMany([
      { ...base, _id: one, externalId: 'U1' },
      { ...base, _id: two, externalId: 'U2' },
    ] as never);
    const set = {
      status: 'REOPENED',
      statusHistory: [{ status: 'REOPENED', at: '2026-03-03T10:00:00Z', actorLogin: 'oss' }],
      reopenCount: '1',
      updatedAt: new Date(),
    };
    await FaultTicketModel.bulkWrite([
      { updateOne: { filter: { _id: one }, update: { $set: set }, timestamps: false } },
    ]);
    await FaultTicketModel.collection.bulkWrite([
      {
        updateOne: {
          filter: { _id: two },
          update: { $set: castFields(FaultTicketModel, set, { insert: false }) },
        },
      },
    ]);
    const [expected, actual] = [
      await stored(FaultTicketModel, 'U1'),
      await stored(FaultTicketModel, 'U2'),
    ];
    expect(fieldByField(actual)).toEqual(fieldByField(expected));
    expect(Object.keys(castFields(FaultTicketModel, set, { insert: false })).sort()).toEqual(
      Object.keys(set).sort(),
    );
  });
});
