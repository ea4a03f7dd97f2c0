import { squareLimbs, squaresOfLimbs } from '../../shared/exact-sums';
import {
  bucketId,
  registerRollupFamily,
  tallyKey,
  tallyKeyValue,
} from '../rollups/rollup-families';
import { neededSlots, type TallyNeed } from '../rollups/rollup-tally';
import type { NestedCounts, RollupDoc } from '../rollups/rollup.model';
import {
  acknowledgementMs,
  repairMinutesOf,
  repairMs,
  type RepairTally,
  type TicketTallies,
  type TierTally,
} from './scorecard-figures';

// Fault tickets counted in a tally per branch and month, bounded whatever the number of tickets:
// repair durations are wanted for MTTR and its interval (exact sums) and for the p90 (nearest
// rank). Durations are exact values (milliseconds), so one key per value would grow with the
// tickets; instead they are counted per range of minutes (`c`), and the exact values are kept
// per range (`d`, in a family of their own) for the reader to fetch only the range holding the
// p90's rank.

/** Width of a range of repair minutes (values of one range are read together for the p90). */
export const RANGE_MINUTES = 60;

/** The range a repair duration (minutes) is counted in. */
export const rangeOf = (minutes: number) => Math.floor(minutes / RANGE_MINUTES);

const date = (value: unknown): Date | null => (value instanceof Date ? value : null);

/** One value's weighted paths in exact sums: the value at `sum`, its square's limbs under `limbs`. */
const exactSumPaths = (sum: string, limbs: string, ms: number): Record<string, number> => ({
  [sum]: ms,
  ...Object.fromEntries(squareLimbs(ms).map((limb, i) => [`${limbs}.${i}`, limb])),
});

/**
 * Tickets finally restored in a month, per severity: tickets (`n`), within SLA (`w`), repeats
 * (`r`), and repair durations: tickets per range of minutes (`c.<severity>.<range>`), their sum
 * in milliseconds (`s.<severity>`, weighted) and their squares' limbs (`q.<severity>.<limb>`,
 * weighted; see `exact-sums`); acknowledgement times likewise: how many (`k.n`), their sum in
 * milliseconds (`k.s`, weighted) and its squares' limbs (`k.q.<limb>`, weighted). A key per
 * acknowledgement minute (as before) grew with the tickets. The exact minutes are in
 * `repairMinutes` (below).
 */
registerRollupFamily({
  name: 'tickets',
  source: 'FaultTicket',
  tally: true,
  quarters: true,
  fields: [
    'measuredAt',
    'severity',
    'repairDurationMinutes',
    'withinSla',
    'repeatOfTicketId',
    'acknowledgementMinutes',
  ],
  contribute: (r) => {
    const measuredAt = date(r.measuredAt);
    if (measuredAt === null) return undefined;
    const s = tallyKey(r.severity);
    const k = [`n.${s}`];
    if (r.withinSla) k.push(`w.${s}`);
    if (r.repeatOfTicketId != null) k.push(`r.${s}`);
    const w: Record<string, number> = {};
    const acknowledged = acknowledgementMs(r.acknowledgementMinutes);
    if (acknowledged !== null) {
      k.push('k.n');
      Object.assign(w, exactSumPaths('k.s', 'k.q', acknowledged));
    }
    const minutes = repairMinutesOf(r.repairDurationMinutes);
    if (minutes !== null) {
      const range = rangeOf(minutes);
      k.push(`c.${s}.${range}`);
      Object.assign(w, exactSumPaths(`s.${s}`, `q.${s}`, repairMs(minutes)));
    }
    return { at: measuredAt, value: Object.keys(w).length === 0 ? k : { k, w } };
  },
});

/**
 * The exact repair minutes of the tickets finally restored in a month, per severity and range
 * (`d.<severity>.<range>.<minutes>`), read only for the range holding a p90's rank. Apart from
 * the `tickets` counts because they are most of those documents' bytes and they grow with the
 * tickets: the stand-in decodes the whole of every document it reads, however little the read
 * projects, so the counts every cold card reads would carry them.
 */
registerRollupFamily({
  name: 'repairMinutes',
  source: 'FaultTicket',
  tally: true,
  quarters: true,
  fields: ['measuredAt', 'severity', 'repairDurationMinutes'],
  contribute: (r) => {
    const measuredAt = date(r.measuredAt);
    const minutes = repairMinutesOf(r.repairDurationMinutes);
    if (measuredAt === null || minutes === null) return undefined;
    return {
      at: measuredAt,
      value: [rangeValuePath(tallyKey(r.severity), rangeOf(minutes), minutes)],
    };
  },
});

/** A tally's key as written by `String(value)`, from a count path's segment. */
const tallyKeyOf = (segment: string) => segment.replaceAll('_', '.');

/** A tier's tallies as counted, with the counts per range its p90 is found from. */
export type CountedTier = TierTally & { ranges: Map<number, number>; limbs: number[] };

/**
 * Ticket tallies from the `tickets` family's counts (exact values `d` left out: see
 * `repairPlace`); each tier's p90 is null until its value is read.
 */
export function ticketsOf(counts: Map<string, number>): {
  tallies: TicketTallies;
  tiers: Map<string, CountedTier>;
} {
  const tiers = new Map<string, CountedTier>();
  const acknowledged = { n: 0, sum: 0, limbs: [] as number[] };
  const tier = (severity: string): CountedTier => {
    const found = tiers.get(severity) ?? {
      tickets: 0,
      withinSla: 0,
      repeats: 0,
      repair: { n: 0, sum: 0, squares: 0n, p90: null },
      ranges: new Map(),
      limbs: [],
    };
    tiers.set(severity, found);
    return found;
  };
  for (const [path, n] of counts) {
    const [kind, first, second] = path.split('.') as [string, string, string | undefined];
    const severity = tallyKeyOf(first);
    if (kind === 'k') {
      if (first === 'n') acknowledged.n = n;
      else if (first === 's') acknowledged.sum = n;
      else acknowledged.limbs[Number(second)] = n;
    } else if (kind === 'n') tier(severity).tickets = n;
    else if (kind === 'w') tier(severity).withinSla = n;
    else if (kind === 'r') tier(severity).repeats = n;
    else if (kind === 'c') tier(severity).ranges.set(Number(second), n);
    else if (kind === 's') tier(severity).repair.sum = n;
    else if (kind === 'q') tier(severity).limbs[Number(second)] = n;
  }
  const acknowledgements = {
    n: acknowledged.n,
    sum: acknowledged.sum,
    squares: squaresOfLimbs([...acknowledged.limbs].map((limb) => limb ?? 0)),
  };
  const tallies: TicketTallies = { tiers: {}, acknowledgements };
  for (const [severity, counted] of tiers) {
    const n = [...counted.ranges.values()].reduce((total, count) => total + count, 0);
    const squares = squaresOfLimbs([...counted.limbs].map((limb) => limb ?? 0));
    counted.repair = { ...counted.repair, n, squares } satisfies RepairTally;
    const { tickets, withinSla, repeats, repair } = counted;
    tallies.tiers[severity] = { tickets, withinSla, repeats, repair };
  }
  return { tallies, tiers };
}

/**
 * Where the p90 (nearest rank: the ⌈90·n/100⌉-th smallest) of counts per range lies: its range
 * and its rank among that range's values; null when nothing was counted.
 */
export function repairPlace(ranges: ReadonlyMap<number, number>): {
  range: number;
  rank: number;
} | null {
  const n = [...ranges.values()].reduce((total, count) => total + count, 0);
  if (n === 0) return null;
  const rank = Math.max(1, Math.ceil((90 * n) / 100));
  let below = 0;
  for (const [range, count] of [...ranges].sort(([a], [b]) => a - b)) {
    if (below + count >= rank) return { range, rank: rank - below };
    below += count;
  }
  return null;
}

/** The `rank`-th smallest value of counts per value (`tallyKey` segments); null past the end. */
export function nthValue(counts: ReadonlyMap<string, number>, rank: number): number | null {
  let seen = 0;
  const values = [...counts]
    .map(([key, count]): [number, number] => [tallyKeyValue(key), count])
    .sort(([a], [b]) => a - b);
  for (const [value, count] of values) {
    seen += count;
    if (seen >= rank) return value;
  }
  return null;
}

/** A p90 whose value is read second: the range holding its rank, in a branch's months. */
export type RepairWanted = { code: string; severity: string; range: number; months: string[] };

/** The path of a range's exact repair minutes in a `repairMinutes` bucket. */
export const rangePath = (severity: string, range: number) => `d.${tallyKey(severity)}.${range}`;

// The path counting one exact value (`severity`: a tally key already).
const rangeValuePath = (severity: string, range: number, minutes: number) =>
  `d.${severity}.${range}.${tallyKey(minutes)}`;

/** How many tickets of a severity a tickets bucket counts in a range of minutes. */
export function rangeCount(doc: RollupDoc | undefined, severity: string, range: number): number {
  const counts = (doc?.t?.c as NestedCounts | undefined)?.[tallyKey(severity)];
  const n = typeof counts === 'object' ? counts[String(range)] : undefined;
  return typeof n === 'number' ? n : 0;
}

/**
 * The `repairMinutes` documents holding the wanted ranges' exact minutes, each with the paths it is
 * read for: the ranges' counts in the months whose counts are read (`months`), and in every month
 * or quarter the period is cut in (`cuts`, as `monthNeeds` gives them) the edge hours it reads.
 */
export function repairReads(
  wanted: RepairWanted[],
  cuts: ReadonlyMap<string, TallyNeed>,
): Map<string, Set<string>> {
  const reads = new Map<string, Set<string>>();
  const add = (id: string, path: string) => reads.set(id, (reads.get(id) ?? new Set()).add(path));
  for (const { code, severity, range, months } of wanted) {
    for (const month of months)
      add(bucketId('repairMinutes', code, month), `t.${rangePath(severity, range)}`);
    for (const [label, need] of cuts)
      for (const edge of ['0', '1'] as const)
        for (const slot of neededSlots(need, edge))
          add(bucketId('repairMinutes', code, label), `e${edge}.${slot}`);
  }
  return reads;
}
