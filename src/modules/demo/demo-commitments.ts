import type { Types } from 'mongoose';
import { systemScope } from '../access/scope';
import { KeyAccountModel } from '../accounts/account.model';
import { recordActivationOrder } from '../activation/activation-order.service';
import type { DelayReason } from '../activation/activation-rules';
import { FaultTicketModel } from '../faults/fault-ticket.model';
import { recordFaultTicket } from '../faults/fault-ticket.service';
import type { PauseReason } from '../faults/fault-ticket.state';
import { refreshCurrentStage } from '../journey/stage.service';
import { leadTimeFor, type Severity } from '../sla-policies/resolve-policy';
import {
  effectivePolicyForAccount,
  setSlaPolicy,
  slaPolicyVersions,
} from '../sla-policies/sla-policy.service';
import { DEMO_ACTOR, daysAgo, demoNow } from './demo-actor';
import { createRandom, seedOf, type Random } from './random';

const scope = systemScope('demo');
const SOURCE = 'DEMO';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const CONCURRENCY = 8;
/** How far back the demo's orders and tickets go (about 15 months). */
const HISTORY_DAYS = 455;

type DemoAccount = { _id: Types.ObjectId; externalId: string; branchCode: string };
type Event = Record<string, unknown> & { kind: string };
type Planned = { input: Record<string, unknown>; events: Event[] };
type Policy = Awaited<ReturnType<typeof effectivePolicyForAccount>>;

/**
 * How each branch performs: share of late activations, of tickets over target, of repeat faults,
 * and how slowly faults are acknowledged. Wenzhou (WZ) is the weak branch, Hangzhou (HZ) the best.
 */
const QUALITY: Record<string, { late: number; breach: number; repeat: number; ackMax: number }> = {
  HZ: { late: 0.07, breach: 0.05, repeat: 0.04, ackMax: 25 },
  NB: { late: 0.12, breach: 0.08, repeat: 0.06, ackMax: 35 },
  SX: { late: 0.14, breach: 0.1, repeat: 0.07, ackMax: 40 },
  JH: { late: 0.16, breach: 0.12, repeat: 0.08, ackMax: 45 },
  WZ: { late: 0.3, breach: 0.22, repeat: 0.14, ackMax: 90 },
};
const PRODUCTS = ['BROADBAND', 'BROADBAND', 'DEDICATED_LINE', 'DEDICATED_LINE', 'IDC', 'SD_WAN'];
const DELAY_REASONS: DelayReason[] = [
  'LINE_RESOURCE_SHORTAGE',
  'LINE_RESOURCE_SHORTAGE',
  'CAPACITY_EXPANSION',
  'INTER_PROVINCIAL',
  'CUSTOMER_SIDE',
  'OTHER',
];
const SEVERITY_MIX: Severity[] = ['CRITICAL', 'MAJOR', 'MAJOR', 'MINOR', 'MINOR', 'MINOR'];
const CHANNELS = ['NOC', 'HOTLINE', 'HOTLINE', 'ACCOUNT_MANAGER', 'MAINTENANCE_CONTRACTOR'];
const PAUSE_REASONS: PauseReason[] = [
  'CUSTOMER_UNAVAILABLE',
  'NO_ACCESS',
  'CUSTOMER_REQUESTED_DELAY',
];
const CAUSES = [
  'Fibre cut by road works',
  'Optical module failure',
  'Power outage at the customer site',
  'Misconfiguration after a change',
  'Upstream transmission fault',
];

const plus = (at: Date, ms: number) => new Date(at.getTime() + ms);
const between = (random: Random, min: number, max: number) => min + random.next() * (max - min);
const inPast = (at: Date) => at.getTime() <= demoNow().getTime();

/** A working-hours instant `days` days before the demo's reference time. */
const workingTime = (random: Random, days: number) =>
  plus(daysAgo(days), random.int(9 * 60, 17 * 60) * MINUTE);

/**
 * The demo's policy overrides, set once: Hangzhou promises 3 h for critical faults, and one
 * Ningbo account's agreement promises dedicated lines in 3 days and critical repairs in 2 h.
 */
async function seedPolicies(accounts: DemoAccount[]): Promise<void> {
  const effectiveFrom = daysAgo(HISTORY_DAYS + 60);
  const existing = await slaPolicyVersions({ actor: DEMO_ACTOR, scope: 'BRANCH', scopeKey: 'HZ' });
  if (existing.length > 0) return;
  await setSlaPolicy({
    actor: DEMO_ACTOR,
    input: {
      scope: 'BRANCH',
      scopeKey: 'HZ',
      effectiveFrom,
      name: 'Hangzhou premium repair',
      restorationTargets: [{ severity: 'CRITICAL', minutes: 180 }],
    },
  });
  const agreed = accounts.find((account) => account.branchCode === 'NB');
  if (!agreed) return;
  await setSlaPolicy({
    actor: DEMO_ACTOR,
    input: {
      scope: 'ACCOUNT',
      scopeKey: String(agreed._id),
      effectiveFrom,
      name: 'Key account agreement',
      productLeadTimes: [{ product: 'DEDICATED_LINE', minutes: 3 * 24 * 60 }],
      restorationTargets: [{ severity: 'CRITICAL', minutes: 120 }],
    },
  });
}

/**
 * One order: mostly activated before the original promise; late ones delayed with a reason. A
 * `stuck` order was placed in the last weeks and is still delayed: overdue, on the work list.
 */
function planOrder(
  random: Random,
  account: DemoAccount,
  policy: Policy,
  key: { n: number; stuck: boolean },
): Planned {
  const quality = QUALITY[account.branchCode] ?? QUALITY.SX!;
  const product = random.pick(PRODUCTS);
  const orderedAt = workingTime(
    random,
    key.stuck ? random.int(8, 30) : random.int(1, HISTORY_DAYS),
  );
  const lead = leadTimeFor(policy, product) * MINUTE;
  const requestedAt = random.chance(0.6) ? plus(orderedAt, random.int(1, 6) * DAY) : null;
  const explicit = random.chance(0.4)
    ? plus(orderedAt, lead + random.int(-1, 1) * 12 * HOUR)
    : null;
  const promise = explicit ?? plus(orderedAt, lead);
  const span = promise.getTime() - orderedAt.getTime();
  const input = {
    accountId: String(account._id),
    product,
    orderedAt,
    requestedAt,
    promisedAt: explicit,
    sourceSystem: SOURCE,
    externalId: `ORD-${account.externalId}-${key.n}`,
  };
  const events: Event[] = [];
  const add = (event: Event) => {
    if (inPast(event.at as Date)) events.push(event);
  };
  if (!key.stuck && random.chance(0.03)) {
    add({ kind: 'CANCEL', at: plus(orderedAt, random.int(1, 3) * DAY) });
    return { input, events };
  }
  add({ kind: 'SCHEDULE', at: plus(orderedAt, between(random, 0.05, 0.2) * span) });
  add({ kind: 'START_WORK', at: plus(orderedAt, between(random, 0.25, 0.4) * span) });
  const late = key.stuck || random.chance(quality.late);
  let activatedAt = plus(orderedAt, between(random, 0.45, 0.97) * span);
  if (late) {
    const delayedAt = plus(orderedAt, between(random, 0.5, 0.9) * span);
    const told = random.next();
    const notifiedAt =
      told < 0.6
        ? plus(delayedAt, HOUR)
        : told < 0.8
          ? plus(promise, random.int(2, 30) * HOUR)
          : null;
    add({
      kind: 'DELAY',
      at: delayedAt,
      reason: random.pick(DELAY_REASONS),
      notifiedAt: notifiedAt && inPast(notifiedAt) ? notifiedAt : null,
    });
    activatedAt = plus(promise, random.int(2, 6 * 24) * HOUR);
    if (random.chance(0.5)) {
      add({
        kind: 'REPROMISE',
        at: plus(delayedAt, 2 * HOUR),
        promisedAt: plus(activatedAt, HOUR),
      });
    }
  }
  // Recent orders that are still open, some of them overdue, form the branch's work list.
  if (key.stuck || !inPast(activatedAt)) return { input, events };
  add({ kind: 'ACTIVATE', at: activatedAt });
  if (random.chance(0.7)) {
    add({
      kind: 'ACCEPTANCE_REPORT',
      at: plus(activatedAt, random.int(1, 24) * HOUR),
      reference: `ATR-${key.n}`,
    });
  }
  return { input, events };
}

/** One ticket: mostly restored within its target; breaches, pauses, reopens and causes mixed in. */
function planTicket(
  random: Random,
  account: DemoAccount,
  policy: Policy,
  key: { n: number; serviceRef: string; reportedAt: Date; open?: boolean },
): Planned & { restoredAt: Date | null } {
  const quality = QUALITY[account.branchCode] ?? QUALITY.SX!;
  const severity = random.pick(SEVERITY_MIX);
  const target = policy.restorationTargets[severity] * MINUTE;
  const { reportedAt } = key;
  const input = {
    accountId: String(account._id),
    serviceRef: key.serviceRef,
    severity,
    channel: random.pick(CHANNELS),
    reportedAt,
    interProvincial: random.chance(0.05),
    sourceSystem: SOURCE,
    externalId: `TT-${account.externalId}-${key.n}`,
  };
  const events: Event[] = [];
  const ackAt = plus(reportedAt, random.int(2, quality.ackMax) * MINUTE);
  const startAt = plus(ackAt, random.int(5, 30) * MINUTE);
  const repair =
    (random.chance(quality.breach) ? between(random, 1.05, 2) : between(random, 0.15, 0.9)) *
    target;
  const pause = random.chance(0.2) ? random.int(20, 180) * MINUTE : 0;
  // Work takes at least a minute after it starts; a pause adds to the wall time, not the clock.
  const worked = Math.max(repair, startAt.getTime() - reportedAt.getTime() + MINUTE);
  const restoredAt = plus(reportedAt, worked + pause);
  if (key.open || !inPast(restoredAt)) {
    // Still being repaired: on the branch's at-risk list.
    for (const event of [
      { kind: 'ACKNOWLEDGE', at: ackAt },
      { kind: 'START_WORK', at: startAt },
    ]) {
      if (inPast(event.at)) events.push(event);
    }
    return { input, events, restoredAt: null };
  }
  events.push({ kind: 'ACKNOWLEDGE', at: ackAt }, { kind: 'START_WORK', at: startAt });
  if (random.chance(0.05)) {
    const changed = severity === 'CRITICAL' ? 'MAJOR' : 'CRITICAL';
    events.push({ kind: 'CHANGE_SEVERITY', at: startAt, severity: changed });
  }
  if (pause > 0) {
    const pausedAt = plus(startAt, (restoredAt.getTime() - startAt.getTime() - pause) / 2);
    events.push(
      { kind: 'PAUSE', at: pausedAt, reason: random.pick(PAUSE_REASONS) },
      { kind: 'RESUME', at: plus(pausedAt, pause) },
    );
  }
  events.push({ kind: 'RESTORE', at: restoredAt });
  let finalRestoredAt = restoredAt;
  if (random.chance(0.03)) {
    const reopenedAt = plus(restoredAt, random.int(2, 48) * HOUR);
    const again = plus(reopenedAt, random.int(30, 240) * MINUTE);
    if (inPast(again)) {
      events.push({ kind: 'REOPEN', at: reopenedAt }, { kind: 'RESTORE', at: again });
      finalRestoredAt = again;
    }
  }
  const closedAt = plus(finalRestoredAt, random.int(1, 24) * HOUR);
  if (random.chance(0.85) && inPast(closedAt)) events.push({ kind: 'CLOSE', at: closedAt });
  if (random.chance(0.7)) {
    const explainedAt = plus(finalRestoredAt, random.int(1, 48) * HOUR);
    events.push({
      kind: 'RECORD_CAUSE',
      cause: random.pick(CAUSES),
      explainedAt: random.chance(0.6) && inPast(explainedAt) ? explainedAt : null,
    });
  }
  return { input, events, restoredAt: finalRestoredAt };
}

/** The tickets of one account: a few circuits, and now and then a repeat on the same one. */
function planTickets(random: Random, account: DemoAccount, policy: Policy): Planned[] {
  const quality = QUALITY[account.branchCode] ?? QUALITY.SX!;
  const circuits = Array.from(
    { length: random.int(3, 5) },
    (_, i) => `${account.externalId}-C${i + 1}`,
  );
  const planned: Planned[] = [];
  for (let i = random.int(3, 8); i > 0; i -= 1) {
    const reportedAt = plus(
      daysAgo(random.int(0, HISTORY_DAYS)),
      random.int(0, 24 * 60 - 1) * MINUTE,
    );
    if (!inPast(reportedAt)) continue;
    const serviceRef = random.pick(circuits);
    const ticket = planTicket(random, account, policy, {
      n: planned.length + 1,
      serviceRef,
      reportedAt,
    });
    planned.push(ticket);
    const repeatAt = ticket.restoredAt && plus(ticket.restoredAt, random.int(1, 25) * DAY);
    if (repeatAt && inPast(repeatAt) && random.chance(quality.repeat)) {
      planned.push(
        planTicket(random, account, policy, {
          n: planned.length + 1,
          serviceRef,
          reportedAt: repeatAt,
        }),
      );
    }
  }
  // A few tickets still being repaired, more where repairs are slow.
  if (random.chance(0.05 + quality.breach)) {
    const reportedAt = plus(demoNow(), -random.int(30, 20 * 60) * MINUTE);
    const serviceRef = random.pick(circuits);
    planned.push(
      planTicket(random, account, policy, {
        n: planned.length + 1,
        serviceRef,
        reportedAt,
        open: true,
      }),
    );
  }
  return planned;
}

async function seedAccount(account: DemoAccount): Promise<void> {
  const random = createRandom(seedOf(`commitments:${account.externalId}`));
  // Demo policies are effective over the whole history, so one resolution serves every record.
  const policy = await effectivePolicyForAccount(account, demoNow());
  const count = random.int(4, 8);
  const stuck = random.chance((QUALITY[account.branchCode]?.late ?? 0.15) * 1.5);
  const orders = Array.from({ length: count + (stuck ? 1 : 0) }, (_, i) =>
    planOrder(random, account, policy, { n: i + 1, stuck: i === count }),
  );
  const tickets = planTickets(random, account, policy);
  const lastTicket = tickets.at(-1)?.input.externalId;
  const done = await FaultTicketModel.exists({
    sourceSystem: SOURCE,
    externalId: lastTicket,
  }).setOptions({ scope });
  if (done) return;
  // Every record goes through the services (same rules as the API); a replay of a record
  // already written by an interrupted run returns it unchanged.
  for (const { input, events } of orders) {
    await recordActivationOrder({ actor: DEMO_ACTOR, input, events, refreshStage: false });
  }
  for (const { input, events } of tickets) {
    await recordFaultTicket({ actor: DEMO_ACTOR, input, events, refreshStage: false });
  }
  await refreshCurrentStage(account._id);
}

/**
 * Demo activation orders and fault tickets for every demo account over about 15 months, written
 * through the services with the demo actor: most orders on time, about one in seven late with a
 * delay reason (mostly notified), a few still open and overdue; most tickets within target, some
 * breaches, pauses, reopens and repeats on the same circuit; branch quality differs (WZ worst,
 * HZ best). Idempotent: accounts already seeded are skipped.
 */
export async function seedCommitments(): Promise<void> {
  const accounts = await KeyAccountModel.find(
    { sourceSystem: 'CRM' },
    { _id: 1, externalId: 1, branchCode: 1 },
    { scope },
  )
    .sort({ externalId: 1 })
    .lean<DemoAccount[]>();
  await seedPolicies(accounts);
  // Accounts are independent (each decision is seeded by its natural key): a few at a time.
  for (let i = 0; i < accounts.length; i += CONCURRENCY) {
    await Promise.all(accounts.slice(i, i + CONCURRENCY).map(seedAccount));
  }
}
