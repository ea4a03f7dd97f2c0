import mongoose, { Types } from 'mongoose';
import { createRandom, type Random } from '../src/modules/demo/random';
import { ScorecardSnapshotModel } from '../src/modules/scorecards/scorecard.model';
import { rankedScorecards } from '../src/modules/scorecards/scorecard.service';
import { openBenchDatabase, timed } from './bench-database';

// A synthetic province: 20 branches, 20 000 accounts and a year (2026) of measured records.
const BRANCHES = 20;
const ACCOUNTS = 20_000;
const YEAR_START = Date.parse('2026-01-01T00:00:00+08:00');
const YEAR_MS = 365 * 86_400_000;
const QUARTER = '2026-Q2';
const NOW = new Date('2026-12-15T00:00:00+08:00');
const SEVERITIES = ['CRITICAL', 'MAJOR', 'MINOR'] as const;
const TARGETS = { CRITICAL: 240, MAJOR: 480, MINOR: 1440 };

const codeOf = (b: number) => `B${String(b).padStart(2, '0')}`;
const at = (random: Random) => new Date(YEAR_START + random.next() * YEAR_MS);

function account(random: Random, i: number) {
  return {
    _id: new Types.ObjectId(),
    sourceSystem: 'BENCH',
    externalId: `A${i}`,
    name: `Account ${i}`,
    branchCode: codeOf(i % BRANCHES),
    accountManagerId: new Types.ObjectId(),
    status: 'ACTIVE',
    openedAt: new Date(YEAR_START - random.int(30, 900) * 86_400_000),
    closedAt: null,
    currentStage: 'CONSULTING',
    contacts: [],
  };
}

function recordsOf(random: Random, a: ReturnType<typeof account>) {
  let n = 0;
  const base = () => ({
    accountId: a._id,
    branchCode: a.branchCode,
    sourceSystem: 'BENCH',
    externalId: `${a.externalId}-${(n += 1)}`,
  });
  const orders = [0, 1].map(() => {
    const orderedAt = at(random);
    const promised = new Date(orderedAt.getTime() + 72 * 3_600_000);
    const lateness = random.chance(0.15) ? random.int(60, 5000) : 0;
    const activatedAt = new Date(
      promised.getTime() - random.int(0, 60) * 60_000 + lateness * 60_000,
    );
    return {
      ...base(),
      status: 'ACTIVATED',
      orderedAt,
      originalPromisedAt: promised,
      activatedAt,
      measuredAt: activatedAt,
      latenessMinutes: lateness,
      onTime: lateness === 0,
      cancelledAt: null,
      journeyAt: orderedAt,
      stage: 'ACTIVATION',
    };
  });
  const tickets = [0, 1, 2, 3].map(() => {
    const severity = random.pick(SEVERITIES);
    const duration = random.int(30, TARGETS[severity] * 1.6);
    const restoredAt = at(random);
    return {
      ...base(),
      severity,
      status: 'CLOSED',
      repairDurationMinutes: duration,
      withinSla: duration <= TARGETS[severity],
      repeatOfTicketId: random.chance(0.05) ? new Types.ObjectId() : null,
      acknowledgementMinutes: random.int(1, 60),
      measuredAt: restoredAt,
      finalRestoredAt: restoredAt,
      closedAt: new Date(restoredAt.getTime() + 3_600_000),
      journeyAt: restoredAt,
      stage: 'REPAIR',
    };
  });
  const followUps = [0, 1, 2, 3].map((q) => {
    const completedAt = new Date(YEAR_START + (q + random.next()) * (YEAR_MS / 4));
    const done = random.chance(0.8);
    return {
      ...base(),
      status: done ? 'COMPLETED' : 'MISSED',
      purpose: 'PERIODIC',
      completedAt: done ? completedAt : null,
      dueAt: completedAt,
      journeyAt: completedAt,
      stage: 'FOLLOW_UP',
    };
  });
  const surveys = random.chance(0.5)
    ? [
        {
          ...base(),
          respondedAt: at(random),
          cs1: random.int(5, 10),
          cs2: random.int(5, 10),
          cs3: random.int(4, 10),
          nps: random.int(0, 10),
          attributes: [
            {
              attribute: 'REPAIR_TIMELINESS',
              importance: random.int(6, 10),
              performance: random.int(4, 10),
            },
          ],
          journeyAt: NOW,
          stage: 'SURVEY',
        },
      ]
    : [];
  return { orders, tickets, followUps, surveys };
}

async function insertProvince(seed: number): Promise<number> {
  const random = createRandom(seed);
  const db = mongoose.connection.db!;
  let records = 0;
  for (let start = 0; start < ACCOUNTS; start += 2000) {
    const accounts = Array.from({ length: 2000 }, (_, k) =>
      account(random, seed * ACCOUNTS + start + k),
    );
    const batches = accounts.map((a) => recordsOf(random, a));
    const insert = async (name: string, docs: object[]) => {
      if (docs.length) await db.collection(name).insertMany(docs);
      records += docs.length;
    };
    await insert('keyaccounts', accounts);
    await insert(
      'activationorders',
      batches.flatMap((b) => b.orders),
    );
    await insert(
      'faulttickets',
      batches.flatMap((b) => b.tickets),
    );
    await insert(
      'followups',
      batches.flatMap((b) => b.followUps),
    );
    await insert(
      'surveyresponses',
      batches.flatMap((b) => b.surveys),
    );
  }
  return records;
}

async function measure(label: string) {
  await ScorecardSnapshotModel.deleteMany({});
  const cold = await timed(() => rankedScorecards(QUARTER, NOW));
  const warm = await timed(() => rankedScorecards(QUARTER, NOW));
  console.log(`${label}: cold ${cold.toFixed(0)} ms, from snapshots ${warm.toFixed(0)} ms`);
  return { cold, warm };
}

/** `npm run bench:scorecards`: scorecardRanking for a quarter, cold and from snapshots, at 1× and 2× data. */
export async function main(): Promise<void> {
  const database = await openBenchDatabase('bench_scorecards');
  try {
    const db = mongoose.connection.db!;
    await db.collection('branches').insertMany(
      Array.from({ length: BRANCHES }, (_, b) => ({
        code: codeOf(b),
        name: `Branch ${b}`,
        timeZone: 'Asia/Shanghai',
      })),
    );
    const once = await insertProvince(1);
    console.log(
      `database: ${database.label}; ${BRANCHES} branches, ${ACCOUNTS} accounts, ${once} records (a year)`,
    );
    const single = await measure('1× data');
    const twice = once + (await insertProvince(2));
    console.log(`doubled: ${ACCOUNTS * 2} accounts, ${twice} records`);
    const double = await measure('2× data');
    console.log(
      JSON.stringify({
        records: once,
        coldMs: Math.round(single.cold),
        warmMs: Math.round(single.warm),
        doubledColdMs: Math.round(double.cold),
        doubledWarmMs: Math.round(double.warm),
        coldGrowth: Number((double.cold / single.cold).toFixed(2)),
      }),
    );
  } finally {
    await database.close();
  }
}

if (require.main === module) {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
