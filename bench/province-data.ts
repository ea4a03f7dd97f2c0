import mongoose, { Types } from 'mongoose';
import { startStandIn } from '../src/db/mongo-java-server';
import { journeySources } from '../src/modules/journey/journey-registry';
import { startDemoService } from './bench-database';

// A province for the account screen: the demo data, then 20 branches, 20 000 more accounts (1 000
// per branch) and 20 records per account (400 000), cloned from the demo's own records so every
// field a screen shows is there. Written with raw driver bulk inserts (the service's writes would
// take hours on the stand-in); the directories and lists kept on write are dropped afterwards and
// rebuilt on first read, as after any load behind the service's back.
const BRANCHES = 20;
const ACCOUNTS = Number(process.env.BENCH_PROVINCE_ACCOUNTS ?? 20_000);
const BATCH = 5_000;
// Records per account, per GraphQL type (20 in all); other types get none.
const PER_ACCOUNT: Record<string, number> = {
  ActivationOrder: 3,
  FaultTicket: 5,
  FollowUp: 4,
  SurveyResponse: 2,
  Consultation: 2,
  BusinessHandling: 2,
  BillingInteraction: 1,
  MaintenanceRecord: 1,
};
const YEAR_MS = 365 * 86_400_000;
const MONTH_MS = 30 * 86_400_000;

type Doc = Record<string, unknown> & { _id: Types.ObjectId };

const db = () => mongoose.connection.db!;

// A document with every date in it (nested too) moved by `ms`.
function shifted(value: unknown, ms: number): unknown {
  if (value instanceof Date) return new Date(value.getTime() + ms);
  if (Array.isArray(value)) return value.map((item) => shifted(item, ms));
  if (value && typeof value === 'object' && value.constructor === Object) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shifted(v, ms)]));
  }
  return value;
}

async function branchCodes(): Promise<string[]> {
  const branches = db().collection('branches');
  const codes = (await branches.find({}).toArray()).map((b) => String(b.code));
  const extra = Array.from({ length: BRANCHES - codes.length }, (_, i) => `P${i + 1}`);
  if (extra.length > 0) {
    await branches.insertMany(
      extra.map((code) => ({ code, name: `Province ${code}`, timeZone: 'Asia/Shanghai' })),
    );
  }
  return [...codes, ...extra];
}

async function insertAll(collection: string, docs: Doc[]): Promise<void> {
  for (let i = 0; i < docs.length; i += BATCH) {
    await db()
      .collection(collection)
      .insertMany(docs.slice(i, i + BATCH), { ordered: false });
  }
}

/** Adds the province to the database the service runs on; returns the records written. */
async function addProvince(): Promise<number> {
  const codes = await branchCodes();
  const manager = await db().collection('users').findOne({ login: 'am.hz1' });
  const accountTemplate = (await db().collection('keyaccounts').findOne({}))!;
  const now = Date.now();
  const accounts: Doc[] = Array.from({ length: ACCOUNTS }, (_, i) => ({
    ...accountTemplate,
    _id: new Types.ObjectId(),
    externalId: `PROVINCE-${i}`,
    // Sorted before the demo's own accounts, so the screen's first pages are province accounts.
    name: `Bench ${String(i).padStart(5, '0')}`,
    branchCode: codes[i % codes.length]!,
    accountManagerId: manager!._id,
  }));
  await insertAll('keyaccounts', accounts);
  let written = 0;
  for (const source of journeySources()) {
    const count = PER_ACCOUNT[source.typename] ?? 0;
    const template = await source.model.collection.findOne({});
    if (count === 0 || !template) continue;
    let n = 0;
    const templateAt = (template.journeyAt as Date).getTime();
    const records: Doc[] = accounts.flatMap((account) =>
      Array.from({ length: count }, () => {
        // Spread over the past year; every time of the record moves alike, so its facts still hold.
        const shift = now - MONTH_MS - ((n * 7919 * 60_000) % YEAR_MS) - templateAt;
        n += 1;
        return {
          ...(shifted(template, shift) as Doc),
          _id: new Types.ObjectId(),
          externalId: `PROVINCE-${source.typename}-${n}`,
          accountId: account._id,
          branchCode: account.branchCode,
        };
      }),
    );
    await insertAll(source.model.collection.collectionName, records);
    written += records.length;
  }
  // Written behind the service's back: what it keeps on write is rebuilt on first read.
  await db().collection('branchdirectories').deleteMany({});
  await db().collection('accountrecords').deleteMany({});
  await db().collection('openwork').deleteMany({});
  return written;
}

/**
 * The service with the demo data and the province, on a fresh memory-backend stand-in (as
 * `bench:scorecards`), or on MONGODB_URI when set.
 */
export async function startProvinceService() {
  const standIn = process.env.MONGODB_URI ? null : await startStandIn({ kind: 'memory' });
  const saved = process.env.MONGODB_URI;
  if (standIn) process.env.MONGODB_URI = standIn.uri;
  try {
    const service = await startDemoService();
    const started = Date.now();
    const records = await addProvince();
    const label =
      `province (${BRANCHES} branches, +${ACCOUNTS} accounts, +${records} records, ` +
      `loaded in ${Math.round((Date.now() - started) / 1000)} s)`;
    return {
      ...service,
      label,
      stop: async () => {
        await service.stop();
        await standIn?.stop();
      },
    };
  } finally {
    if (standIn) process.env.MONGODB_URI = saved;
  }
}
