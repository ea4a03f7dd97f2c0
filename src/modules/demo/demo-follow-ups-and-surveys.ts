import mongoose, { type Types } from 'mongoose';
import { AppError } from '../../shared/errors';
import { periodContaining, previousPeriod, type Period } from '../../shared/period';
import { systemScope } from '../access/scope';
import { KeyAccountModel } from '../accounts/account.model';
import { schedulePeriodicFollowUps } from '../follow-ups/follow-up-cadence.service';
import { FollowUpModel, type FollowUpRow } from '../follow-ups/follow-up.model';
import { completeFollowUp, missFollowUp } from '../follow-ups/follow-up.service';
import {
  DEFAULT_SURVEY_ATTRIBUTES,
  ensureAttributeCatalogue,
} from '../surveys/attribute-catalogue.service';
import { CompetitorModel } from '../competitors/competitor.model';
import { recordSurveyResponse } from '../surveys/survey.service';
import { DEMO_ACTOR, demoNow } from './demo-actor';
import { createRandom, type Random } from './random';

const scope = systemScope('demo');
const DAY_MS = 86_400_000;
const TIME_ZONE = 'Asia/Shanghai';
const CONCURRENCY = 16;

/** Quarters with follow-ups: the current one and the five before it. */
const QUARTERS = 6;

// Share of visits missed per branch: Wenzhou is the weak branch of the demo province.
const MISS_RATE: Record<string, number> = { HZ: 0.08, NB: 0.1, WZ: 0.3, SX: 0.12, JH: 0.15 };

// How well each branch serves beyond what is measured here (added to every score level).
const BRANCH_LEVEL: Record<string, number> = { HZ: 0.2, NB: 0.3, WZ: -0.6, SX: 0, JH: 0 };

// How much each bad experience lowers the customer's scores (on the 1–10 scale).
const PENALTY = { lateActivation: 0.9, slaMissedTicket: 1.1, missedFollowUp: 0.6 };

// Which attribute a kind of bad experience hurts most.
const HURTS: Record<keyof typeof PENALTY, string> = {
  lateActivation: 'ACTIVATION_TIMELINESS',
  slaMissedTicket: 'REPAIR_TIMELINESS',
  missedFollowUp: 'FOLLOW_UP_REGULARITY',
};

// The demo's competitors: how respondents score them (1–10) per branch, and how often they are
// asked about. Hangzhou and Ningbo lead, Wenzhou trails; BROADNET is rated too rarely for a lead.
const COMPETITORS = [
  { code: 'UNICOM', name: 'China Unicom', level: 7.4, asked: 0.6 },
  { code: 'TELECOM', name: 'China Telecom', level: 7.7, asked: 0.5 },
  { code: 'BROADNET', name: 'China Broadnet', level: 7.0, asked: 0.01 },
] as const;
const COMPETITOR_LEVEL: Record<string, number> = { HZ: 0, NB: -0.2, WZ: 0.8, SX: 0.3, JH: 0.4 };

type Experience = Record<keyof typeof PENALTY, number>;
type Row = Record<string, unknown>;
type AnyModel = (typeof mongoose.models)[string];
type DemoAccount = { _id: Types.ObjectId; externalId: string; branchCode: string };

// Seeds from natural keys, so records never depend on generated ObjectIds.
const seedOf = (text: string) =>
  [...text].reduce((hash, ch) => Math.imul(hash ^ ch.charCodeAt(0), 16777619), 2166136261);

const clamp = (value: number, min: number, max: number) =>
  Math.min(max, Math.max(min, Math.round(value)));

const noise = (random: Random, spread: number) => (random.next() + random.next() - 1) * spread;

function demoQuarters(): Period[] {
  const quarters = [periodContaining(demoNow(), 'QUARTER', TIME_ZONE)];
  while (quarters.length < QUARTERS) quarters.unshift(previousPeriod(quarters[0]!));
  return quarters;
}

// Work on independent items a few at a time: the outcome does not depend on the order (every
// decision is seeded by a natural key), and the demo loads several times faster.
async function inBatches<T>(items: readonly T[], work: (item: T) => Promise<void>) {
  for (let i = 0; i < items.length; i += CONCURRENCY) {
    await Promise.all(items.slice(i, i + CONCURRENCY).map(work));
  }
}

// Seeded by the account's external id, purpose and due time: the cadence's own keys hold
// generated ids (orders, tickets, accounts), which differ on every load.
async function closeFollowUp(followUp: FollowUpRow, accountKey: string): Promise<void> {
  const seed = `${accountKey}:${followUp.purpose}:${followUp.dueAt.toISOString()}`;
  const random = createRandom(seedOf(seed));
  const id = String(followUp._id);
  const due = followUp.dueAt.getTime();
  // About half of the visits due in the last three weeks are still open: the work list.
  if (demoNow().getTime() - due < 21 * DAY_MS && random.chance(0.5)) return;
  if (random.chance(MISS_RATE[followUp.branchCode] ?? 0.12)) {
    const missedAt = Math.min(due + 7 * DAY_MS, demoNow().getTime());
    await missFollowUp({ actor: DEMO_ACTOR, id, at: new Date(missedAt) });
    const late = due + random.int(10, 30) * DAY_MS;
    if (random.chance(0.25) && late <= demoNow().getTime()) {
      await completeFollowUp({ actor: DEMO_ACTOR, id, args: { at: new Date(late) } });
    }
    return;
  }
  // Periodic visits spread around mid-quarter; event follow-ups come before their due time.
  const offsetDays =
    followUp.purpose === 'PERIODIC' ? random.int(-35, 30) : -random.int(0, 5) - random.next();
  const at = Math.min(due + offsetDays * DAY_MS, demoNow().getTime());
  await completeFollowUp({
    actor: DEMO_ACTOR,
    id,
    args: {
      at: new Date(at),
      outcome: random.pick(['Satisfied', 'Satisfied', 'Minor concerns', 'Asked for a quote']),
    },
  });
}

/**
 * Closes the demo's scheduled follow-ups that are due: most completed around their due time
 * (post-activation and post-repair ones mostly within their window), some missed — more in the
 * weak branch — and a few of those made late. Decisions are seeded by the follow-up's natural
 * key; only SCHEDULED follow-ups are touched, so a second run changes nothing.
 */
async function closeDueFollowUps(): Promise<void> {
  const due = await FollowUpModel.find({ status: 'SCHEDULED', dueAt: { $lte: demoNow() } }, null, {
    scope,
  }).lean<FollowUpRow[]>();
  const accounts = await KeyAccountModel.find({}, { externalId: 1 }, { scope }).lean<
    { _id: Types.ObjectId; externalId: string }[]
  >();
  const keyOf = new Map(accounts.map((a) => [String(a._id), a.externalId]));
  await inBatches(due, (followUp) =>
    closeFollowUp(followUp, keyOf.get(String(followUp.accountId)) ?? String(followUp.accountId)),
  );
}

// Counts of bad experiences per account and quarter, read from issue 4's collections when they
// exist (by collection, not by import: this step must not depend on their modules).
async function experiences(quarters: Period[]): Promise<Map<string, Experience>> {
  const tally = new Map<string, Experience>();
  const add = (accountId: unknown, at: Date | null, kind: keyof Experience) => {
    const quarter = at && quarters.find((q) => at >= q.start && at < q.end);
    if (!quarter) return;
    const key = `${String(accountId)}:${quarter.label}`;
    const entry = tally.get(key) ?? { lateActivation: 0, slaMissedTicket: 0, missedFollowUp: 0 };
    entry[kind] += 1;
    tally.set(key, entry);
  };
  const read = async (model: AnyModel | undefined, filter: object, time: string) =>
    (await model?.find(filter, { accountId: 1, [time]: 1 }, { scope }).lean<Row[]>()) ?? [];
  const { ActivationOrder, FaultTicket } = mongoose.models;
  for (const row of await read(ActivationOrder, { onTime: false }, 'activatedAt')) {
    add(row.accountId, row.activatedAt as Date | null, 'lateActivation');
  }
  for (const row of await read(FaultTicket, { withinSla: false }, 'measuredAt')) {
    add(row.accountId, row.measuredAt as Date | null, 'slaMissedTicket');
  }
  for (const row of await read(FollowUpModel, { status: 'MISSED' }, 'dueAt')) {
    add(row.accountId, row.dueAt as Date | null, 'missedFollowUp');
  }
  return tally;
}

function attributeScores(random: Random, level: number, experience: Experience) {
  const chosen = DEFAULT_SURVEY_ATTRIBUTES.filter(() => random.chance(0.6));
  return chosen.map(({ key }) => {
    const hurt = (Object.keys(HURTS) as (keyof Experience)[]).reduce(
      (sum, kind) => sum + (HURTS[kind] === key ? 1.5 * experience[kind] : 0),
      0,
    );
    // Importance is a trait of the attribute (timeliness matters most), not of the mood.
    const importance = key.endsWith('TIMELINESS') || key === 'LINE_QUALITY' ? 9 : 7;
    return {
      attribute: key,
      importance: clamp(importance + noise(random, 1.5), 1, 10),
      performance: clamp(level - hurt + noise(random, 2), 1, 10),
    };
  });
}

// A stream of its own, so adding competitor answers left the demo's other scores unchanged.
function competitorScores(key: string, branchCode: string) {
  const random = createRandom(seedOf(`competitors:${key}`));
  return COMPETITORS.filter(({ asked }) => random.chance(asked)).map(({ code, level }) => {
    const cs1 = clamp(level + (COMPETITOR_LEVEL[branchCode] ?? 0) + noise(random, 1.6), 1, 10);
    const cs2 = clamp(cs1 - random.int(0, 1) + noise(random, 0.6), 1, 10);
    return { competitor: code, cs1, cs2, cs3: clamp(cs2 + noise(random, 0.6), 1, 10) };
  });
}

async function respondFor(
  account: DemoAccount,
  quarter: Period,
  experience: Experience,
): Promise<void> {
  const random = createRandom(seedOf(`survey:${account.externalId}:${quarter.label}`));
  const count = random.chance(0.4) ? 2 : 1;
  for (let n = 1; n <= count; n += 1) {
    const start = quarter.start.getTime();
    const end = Math.min(quarter.end.getTime(), demoNow().getTime());
    if (end <= start) return;
    const respondedAt = new Date(start + random.next() * (end - start));
    const penalty = (Object.keys(PENALTY) as (keyof Experience)[]).reduce(
      (sum, kind) => sum + PENALTY[kind] * experience[kind],
      0,
    );
    const level = 8.5 + (BRANCH_LEVEL[account.branchCode] ?? 0) - penalty + noise(random, 1.6);
    const cs1 = clamp(level, 1, 10);
    // Against expectation and against the ideal operator score a little lower than overall.
    const cs2 = clamp(cs1 - random.int(0, 1) + noise(random, 0.6), 1, 10);
    const cs3 = clamp(cs2 - random.int(0, 1) + noise(random, 0.6), 1, 10);
    await recordSurveyResponse({
      actor: DEMO_ACTOR,
      input: {
        accountId: String(account._id),
        respondedAt,
        channel: random.pick(['PHONE', 'PHONE', 'IVR', 'WEB', 'SMS']),
        cs1,
        cs2,
        cs3,
        nps: random.chance(0.7) ? clamp(level + noise(random, 1.5), 0, 10) : null,
        attributes: attributeScores(random, level, experience),
        competitors: competitorScores(
          `${account.externalId}:${quarter.label}:${n}`,
          account.branchCode,
        ),
        comment:
          cs1 <= 5 ? random.pick(['Repairs take too long', 'Nobody told us of the delay']) : null,
        sourceSystem: 'DEMO',
        externalId: `SURVEY:${account.externalId}:${quarter.label}:${n}`,
      },
    }).catch((error: unknown) => {
      // Already recorded by an earlier run.
      if (!(error instanceof AppError && error.code === 'CONFLICT')) throw error;
    });
  }
}

/**
 * Demo follow-ups and surveys: a periodic follow-up per account and quarter over the last six
 * quarters, most completed and some missed (more in the weak branch), the due post-activation and
 * post-repair follow-ups closed the same way, and 1–2 survey responses per quarter for about
 * two thirds of the accounts, scoring lower where the account saw late activations, repairs
 * outside their SLA or missed visits; many also score competitors (UNICOM, TELECOM, rarely
 * BROADNET), whom some branches lead and others trail. Runs after the accounts and commitments steps; idempotent.
 */
export async function seedFollowUpsAndSurveys(): Promise<void> {
  await ensureAttributeCatalogue();
  await CompetitorModel.bulkWrite(
    COMPETITORS.map(({ code, name }) => ({
      updateOne: { filter: { code }, update: { $setOnInsert: { name } }, upsert: true },
    })),
  );
  const quarters = demoQuarters();
  for (const quarter of quarters) {
    await schedulePeriodicFollowUps({ actor: DEMO_ACTOR, quarter: quarter.label });
  }
  await closeDueFollowUps();
  const tally = await experiences(quarters);
  const accounts = await KeyAccountModel.find(
    { status: 'ACTIVE' },
    { _id: 1, externalId: 1, branchCode: 1 },
    { scope },
  )
    .sort({ externalId: 1 })
    .lean<DemoAccount[]>();
  const sampled = accounts.filter((account) =>
    createRandom(seedOf(`surveyed:${account.externalId}`)).chance(0.65),
  );
  // Every response has a natural key, so a run interrupted half-way is completed by the next.
  await inBatches(sampled, async (account) => {
    for (const quarter of quarters) {
      const experience = tally.get(`${String(account._id)}:${quarter.label}`) ?? {
        lateActivation: 0,
        slaMissedTicket: 0,
        missedFollowUp: 0,
      };
      await respondFor(account, quarter, experience);
    }
  });
}
