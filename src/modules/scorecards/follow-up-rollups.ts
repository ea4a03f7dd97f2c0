import mongoose from 'mongoose';
import { squareLimbs, squaresOfLimbs } from '../../shared/exact-sums';
import { isPostActivationCompliant, isPostRepairCompliant } from '../follow-ups/follow-up-rules';
import {
  contributionsOf,
  projectionOf,
  registerRollupContext,
  registerRollupFamily,
  type RollupContext,
  type SourceRecord,
} from '../rollups/rollup-families';
import { refreshRollups, registerRollupDependants } from '../rollups/rollup.service';
import { latenessMs, type LatenessSums } from './scorecard-figures';
import { RollupModel, type RollupDoc } from '../rollups/rollup.model';
import { addToGroup } from '../../shared/groups';

// Follow-up compliance decided on write. Whether an activation (or a ticket's closure) had a
// completed follow-up of its account within 7 (3) days depends on other records, so its refresh
// reads the account's completion instants, kept per account under a key (`visits|<branch>|
// <account>`), and a follow-up's refresh re-refreshes the account's activations and closures whose
// window holds its old or new instant, listed per account too (`followed|<branch>|<account>`).
// Then a period needs only counts: activations and closures (compliant or not) per month (and
// coverage per account and quarter, see `coverage-rollups`): a bounded read, however many records.
// Kept per account because the stand-in cannot find an account's records by a range query
// without scanning; on MongoDB the same lookups could be indexed queries.

/** A compliance figure's counts: compliant events ÷ events. */
export type Compliance = { compliant: number; total: number };

const date = (value: unknown): Date | null => (value instanceof Date ? value : null);
const id = (value: unknown): string | null => (value == null ? null : String(value));

/** The key of a record's account: `<branch>|<account id>`, or null without an account. */
const accountKey = (r: SourceRecord): string | null => {
  const account = id(r.accountId);
  return account === null ? null : `${String(r.branchCode)}|${account}`;
};
const keyed = (prefix: string) => (r: SourceRecord) => {
  const key = accountKey(r);
  return key === null ? null : `${prefix}|${key}`;
};

/** Instants of the account's completions (ascending), as a record's context. */
export const completionsOf = (context: unknown): Date[] => (context as Date[] | undefined) ?? [];

const activatedAt = (r: SourceRecord) => (r.status === 'ACTIVATED' ? date(r.measuredAt) : null);
const closedAt = (r: SourceRecord) => (r.status === 'CLOSED' ? date(r.closedAt) : null);
const completedAt = (r: SourceRecord) => (r.status === 'COMPLETED' ? date(r.completedAt) : null);

/**
 * Activations measured in a month: how many (`n`), on time (`o`: lateness 0), their lateness in
 * milliseconds summed exactly (`s`, weighted) with its squares' limbs (`q.<limb>`, weighted; see
 * `exact-sums`): on-time rate, mean lateness and its interval; and post-activation follow-up
 * (`p`: compliant). Bounded whatever the activations (a key per lateness minute was not).
 */
registerRollupFamily({
  name: 'activations',
  source: 'ActivationOrder',
  tally: true,
  quarters: true,
  fields: ['status', 'measuredAt', 'latenessMinutes', 'activatedAt', 'accountId'],
  contribute: (r, context) => {
    const measuredAt = activatedAt(r);
    if (measuredAt === null) return undefined;
    const ms = latenessMs(r.latenessMinutes);
    const k = ms === 0 ? ['n', 'o'] : ['n'];
    const at = date(r.activatedAt);
    if (at !== null && isPostActivationCompliant(at, completionsOf(context))) k.push('p');
    const limbs = squareLimbs(ms).map((limb, i): [string, number] => [`q.${i}`, limb]);
    return { at: measuredAt, value: { k, w: { s: ms, ...Object.fromEntries(limbs) } } };
  },
});

/** Tickets closed in a month (`n`) and those with a post-repair follow-up (`c`). */
registerRollupFamily({
  name: 'closures',
  source: 'FaultTicket',
  tally: true,
  quarters: true,
  fields: ['status', 'closedAt', 'accountId'],
  contribute: (r, context) => {
    const at = closedAt(r);
    if (at === null) return undefined;
    return {
      at,
      value: isPostRepairCompliant(at, completionsOf(context)) ? ['n', 'c'] : ['n'],
    };
  },
});

/** Each account's completion instants (by follow-up id): compliance's and coverage's context. */
registerRollupFamily({
  name: 'visits',
  source: 'FollowUp',
  fields: ['status', 'completedAt', 'accountId'],
  bucketOf: keyed('visits'),
  contribute: (r) => {
    const at = completedAt(r);
    return at === null ? undefined : { at, value: at };
  },
});

/** An activation or closure instant in an account's list: what a completion can make compliant. */
type Followed = { k: 'a' | 'r'; t: Date };

registerRollupFamily({
  name: 'followedActivations',
  source: 'ActivationOrder',
  fields: ['status', 'measuredAt', 'activatedAt', 'accountId'],
  bucketOf: keyed('followed'),
  contribute: (r) => {
    const at = activatedAt(r) && date(r.activatedAt);
    return at === null ? undefined : { at, value: { k: 'a', t: at } satisfies Followed };
  },
});

registerRollupFamily({
  name: 'followedClosures',
  source: 'FaultTicket',
  fields: ['status', 'closedAt', 'accountId'],
  bucketOf: keyed('followed'),
  contribute: (r) => {
    const at = closedAt(r);
    return at === null ? undefined : { at, value: { k: 'r', t: at } satisfies Followed };
  },
});

async function byIds(ids: string[]): Promise<RollupDoc[]> {
  if (ids.length === 0) return [];
  return (await RollupModel.collection
    .find({ _id: { $in: ids } } as never)
    .toArray()) as unknown as RollupDoc[];
}

const ascending = (dates: Date[]) => [...dates].sort((a, b) => a.getTime() - b.getTime());

/** The completion instants of each account (`<branch>|<account>`), from the records. */
async function completionsFromRecords(): Promise<Map<string, Date[]>> {
  const byAccount = new Map<string, Date[]>();
  const cursor = mongoose
    .model('FollowUp')
    .collection.find({ status: 'COMPLETED' }, { projection: projectionOf('FollowUp') });
  for await (const record of cursor)
    for (const { bucket, value } of contributionsOf('FollowUp', record as SourceRecord))
      if (bucket.startsWith('visits|')) {
        const key = bucket.slice('visits|'.length);
        addToGroup(byAccount, key, value as Date);
      }
  for (const [key, dates] of byAccount) byAccount.set(key, ascending(dates));
  return byAccount;
}

/**
 * The completion instants of an account (`keyOf` a record: `<branch>|<account id>`, or null when
 * the record needs none) as a record's context, read from the account's `visits` document.
 */
export const completionsContext = (keyOf: (r: SourceRecord) => string | null): RollupContext => ({
  keyOf,
  read: async (keys) =>
    new Map(
      (await byIds(keys.map((key) => `visits|${key}`))).map((doc) => [
        doc._id.slice('visits|'.length),
        ascending(Object.values(doc.items ?? {}) as Date[]),
      ]),
    ),
  readAll: completionsFromRecords,
});
// Only records whose compliance is counted read their account's completions (an open ticket's
// refresh reads nothing more).
const accountCompletions = (counted: (r: SourceRecord) => Date | null) =>
  completionsContext((r) => (counted(r) === null ? null : accountKey(r)));
registerRollupContext('ActivationOrder', accountCompletions(activatedAt));
registerRollupContext('FaultTicket', accountCompletions(closedAt));

/** The instant a follow-up's contribution map notes for its account, if any. */
const visitOf = (buckets: Record<string, unknown>) =>
  Object.entries(buckets).find(([bucket]) => bucket.startsWith('visits|'));

/**
 * The activations and closures of an account whose compliance an instant of a completion can
 * decide (the same rules as the figures), given the account's list.
 */
export function followedWithin(doc: RollupDoc | undefined, instants: Date[]) {
  const orders: string[] = [];
  const tickets: string[] = [];
  for (const [recordId, value] of Object.entries(doc?.items ?? {})) {
    const { k, t } = value as Followed;
    const rule = k === 'a' ? isPostActivationCompliant : isPostRepairCompliant;
    if (instants.some((instant) => rule(t, [instant])))
      (k === 'a' ? orders : tickets).push(recordId);
  }
  return { orders, tickets };
}

// A follow-up whose completion moved: its account's activations and closures near the old and
// new instants, and the account's coverage, are refreshed, after its new instant is in the
// account's list and before its membership says it moved (a refresh stopped before that finds
// the same move again).
registerRollupDependants('FollowUp', async (moves) => {
  const instants = new Map<string, Date[]>();
  const accounts = new Set<string>();
  for (const { from, to } of moves) {
    const noted = [visitOf(from), visitOf(to)];
    if (JSON.stringify(noted[0]) === JSON.stringify(noted[1])) continue;
    for (const visit of noted) {
      if (!visit) continue;
      const key = visit[0].slice('visits|'.length);
      addToGroup(instants, `followed|${key}`, new Date(visit[1] as Date));
      accounts.add(key.slice(key.indexOf('|') + 1));
    }
  }
  if (instants.size === 0) return;
  const docs = new Map((await byIds([...instants.keys()])).map((doc) => [doc._id, doc]));
  const orders: string[] = [];
  const tickets: string[] = [];
  for (const [key, at] of instants) {
    const found = followedWithin(docs.get(key), at);
    orders.push(...found.orders);
    tickets.push(...found.tickets);
  }
  const objectIds = (ids: string[]) => ids.map((i) => new mongoose.Types.ObjectId(i));
  await refreshRollups('ActivationOrder', objectIds(orders));
  await refreshRollups('FaultTicket', objectIds(tickets));
  await refreshRollups('KeyAccount', objectIds([...accounts]));
});

/** Post-activation compliance and lateness from the `activations` family's counts. */
export function activationsOf(counts: Map<string, number>): {
  lateness: LatenessSums;
  postActivation: Compliance;
} {
  const limbs: number[] = [];
  for (const [path, n] of counts) if (path.startsWith('q.')) limbs[Number(path.slice(2))] = n;
  const n = counts.get('n') ?? 0;
  const lateness: LatenessSums = {
    n,
    sum: counts.get('s') ?? 0,
    squares: squaresOfLimbs(limbs.map((limb) => limb ?? 0)),
    onTime: counts.get('o') ?? 0,
  };
  return { lateness, postActivation: { compliant: counts.get('p') ?? 0, total: n } };
}

/** Post-repair compliance from the `closures` family's counts. */
export const closuresOf = (counts: Map<string, number>): Compliance => ({
  compliant: counts.get('c') ?? 0,
  total: counts.get('n') ?? 0,
});
