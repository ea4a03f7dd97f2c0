import type { Types } from 'mongoose';
import { systemScope } from '../access/scope';
import { KeyAccountModel } from '../accounts/account.model';
import { ActivationOrderModel } from '../activation/activation-order.model';
import { COMPLAINT_CATEGORIES, ComplaintModel } from '../complaints/complaint.model';
import { recordComplaint } from '../complaints/complaint.service';
import { COMPLAINT_OUTCOMES } from '../complaints/complaint.state';
import { FaultTicketModel } from '../faults/fault-ticket.model';
import { DEMO_ACTOR, daysAgo, demoNow } from './demo-actor';
import { createRandom, seedOf, type Random } from './random';

const scope = systemScope('demo');
const SOURCE = 'DEMO';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const CONCURRENCY = 8;
const CHANNELS = ['HOTLINE', 'HOTLINE', 'ACCOUNT_MANAGER', 'ACCOUNT_MANAGER', 'LETTER', 'ONLINE'];

/**
 * How each branch handles complaints: complaints per account over the history, share of first
 * contacts after 2 h, of resolutions after 48 h, of reopened ones. WZ is weak, HZ the best.
 */
const QUALITY: Record<string, { rate: number; lateContact: number; late: number; reopen: number }> =
  {
    HZ: { rate: 0.8, lateContact: 0.05, late: 0.05, reopen: 0.04 },
    NB: { rate: 1, lateContact: 0.1, late: 0.08, reopen: 0.06 },
    SX: { rate: 1.1, lateContact: 0.12, late: 0.1, reopen: 0.08 },
    JH: { rate: 1.2, lateContact: 0.15, late: 0.12, reopen: 0.1 },
    WZ: { rate: 1.8, lateContact: 0.35, late: 0.3, reopen: 0.18 },
  };

type DemoAccount = { _id: Types.ObjectId; externalId: string; branchCode: string };
type Linked = { _id: Types.ObjectId; at: Date };
type Event = Record<string, unknown> & { kind: string; at: Date };
type Planned = { input: Record<string, unknown>; events: Event[]; resolvedAt: Date | null };

const plus = (at: Date, ms: number) => new Date(at.getTime() + ms);
const inPast = (at: Date) => at.getTime() <= demoNow().getTime();

/** The handling of one complaint, cut at the demo's now (recent ones are still open). */
function planEvents(random: Random, branchCode: string, receivedAt: Date): Event[] {
  const quality = QUALITY[branchCode] ?? QUALITY.SX!;
  const contactAt = plus(
    receivedAt,
    (random.chance(quality.lateContact) ? random.int(130, 600) : random.int(5, 110)) * MINUTE,
  );
  const resolvedAt = plus(
    contactAt,
    (random.chance(quality.late) ? random.int(49, 120) : random.int(2, 40)) * HOUR,
  );
  const outcome = random.pick(COMPLAINT_OUTCOMES);
  const compensation =
    outcome !== 'NOT_UPHELD' && random.chance(0.3)
      ? { amount: random.int(1, 20) * 100, currency: 'CNY' }
      : null;
  const events: Event[] = [
    { kind: 'CONTACT', at: contactAt },
    { kind: 'RESOLVE', at: resolvedAt, outcome, compensation },
  ];
  if (random.chance(quality.reopen)) {
    const reopenedAt = plus(resolvedAt, random.int(1, 5) * DAY);
    events.push(
      { kind: 'REOPEN', at: reopenedAt },
      { kind: 'RESOLVE', at: plus(reopenedAt, random.int(4, 30) * HOUR), outcome: 'UPHELD' },
    );
  }
  const last = events.at(-1)!;
  if (random.chance(0.7))
    events.push({ kind: 'CONFIRM', at: plus(last.at, random.int(1, 3) * DAY) });
  return events.filter((event) => inPast(event.at));
}

function planComplaint(
  random: Random,
  account: DemoAccount,
  n: number,
  receivedAt: Date,
  about: { orders: Linked[]; tickets: Linked[] },
  category = random.pick(COMPLAINT_CATEGORIES),
): Planned {
  // Repair and activation complaints name the latest ticket or order before them, when any.
  const before = (records: Linked[]) => records.filter((r) => r.at < receivedAt).at(-1)?._id;
  const ticket = category === 'REPAIR' ? before(about.tickets) : undefined;
  const order = category === 'ACTIVATION_DELAY' ? before(about.orders) : undefined;
  const events = planEvents(random, account.branchCode, receivedAt);
  const resolved = events.filter((event) => event.kind === 'RESOLVE').at(-1);
  return {
    input: {
      accountId: String(account._id),
      receivedAt,
      channel: random.pick(CHANNELS),
      category,
      aboutTicketId: ticket ? String(ticket) : null,
      aboutOrderId: order ? String(order) : null,
      sourceSystem: SOURCE,
      externalId: `${account.externalId}-CMP${n}`,
    },
    events,
    resolvedAt: resolved && events.at(-1)!.kind !== 'REOPEN' ? resolved.at : null,
  };
}

// One complaint of the last day still being handled, on the accounts numbered 3, 9, 15 of each
// branch (their first manager's): every branch's work list has some.
function openComplaint(random: Random, account: DemoAccount, n: number): Planned | null {
  if (Number(account.externalId.split('-').at(-1)) % 6 !== 3) return null;
  const receivedAt = plus(demoNow(), -random.int(60, 30 * 60) * MINUTE);
  const contactAt = plus(receivedAt, random.int(20, 100) * MINUTE);
  return {
    input: {
      accountId: String(account._id),
      receivedAt,
      channel: 'HOTLINE',
      category: random.pick(COMPLAINT_CATEGORIES),
      sourceSystem: SOURCE,
      externalId: `${account.externalId}-CMP${n}`,
    },
    events: inPast(contactAt) ? [{ kind: 'CONTACT', at: contactAt }] : [],
    resolvedAt: null,
  };
}

type References = { orders: Linked[]; tickets: Linked[] };

async function referencesOf(account: DemoAccount): Promise<References> {
  const [orders, tickets] = await Promise.all([
    ActivationOrderModel.find({ accountId: account._id }, { orderedAt: 1 }, { scope }).lean<
      { _id: Types.ObjectId; orderedAt: Date }[]
    >(),
    FaultTicketModel.find({ accountId: account._id }, { reportedAt: 1 }, { scope }).lean<
      { _id: Types.ObjectId; reportedAt: Date }[]
    >(),
  ]);
  const byTime = (rows: Linked[]) => rows.sort((a, b) => a.at.getTime() - b.at.getTime());
  return {
    orders: byTime(orders.map((o) => ({ _id: o._id, at: o.orderedAt }))),
    tickets: byTime(tickets.map((t) => ({ _id: t._id, at: t.reportedAt }))),
  };
}

function planAccount(random: Random, account: DemoAccount, about: References): Planned[] {
  const quality = QUALITY[account.branchCode] ?? QUALITY.SX!;
  const count = Math.floor(quality.rate) + (random.chance(quality.rate % 1) ? 1 : 0);
  const planned: Planned[] = [];
  for (let i = 0; i < count; i += 1) {
    const receivedAt = plus(daysAgo(random.int(2, 400)), random.int(0, 24 * 60 - 1) * MINUTE);
    const complaint = planComplaint(random, account, planned.length + 1, receivedAt, about);
    planned.push(complaint);
    // Now and then the customer complains again about the same thing within 30 days.
    const again = complaint.resolvedAt && plus(complaint.resolvedAt, random.int(2, 25) * DAY);
    if (again && inPast(again) && random.chance(0.2)) {
      const category = complaint.input.category as (typeof COMPLAINT_CATEGORIES)[number];
      planned.push(planComplaint(random, account, planned.length + 1, again, about, category));
    }
  }
  const open = openComplaint(random, account, planned.length + 1);
  return open ? [...planned, open] : planned;
}

async function seedAccount(account: DemoAccount): Promise<void> {
  const random = createRandom(seedOf(`complaints:${account.externalId}`));
  const planned = planAccount(random, account, await referencesOf(account));
  const last = planned.at(-1)?.input.externalId;
  if (!last) return;
  const done = await ComplaintModel.exists({ sourceSystem: SOURCE, externalId: last }).setOptions({
    scope,
  });
  if (done) return;
  // Through the service (the mutations' rules); one written by an interrupted run is replayed
  // unchanged.
  for (const { input, events } of planned) {
    await recordComplaint({ actor: DEMO_ACTOR, input, events });
  }
}

/**
 * Demo complaints for every demo account over about 13 months, written through the services
 * with the demo actor: most contacted within 2 h and resolved within 48 h, some late (more in
 * WZ), some reopened, some repeated, the most recent ones still open. Idempotent: accounts
 * already seeded are skipped, and a replayed complaint is returned unchanged.
 */
export async function seedComplaints(): Promise<void> {
  const accounts = await KeyAccountModel.find(
    { sourceSystem: 'CRM' },
    { _id: 1, externalId: 1, branchCode: 1 },
    { scope },
  )
    .sort({ externalId: 1 })
    .lean<DemoAccount[]>();
  for (let i = 0; i < accounts.length; i += CONCURRENCY) {
    await Promise.all(accounts.slice(i, i + CONCURRENCY).map(seedAccount));
  }
}
