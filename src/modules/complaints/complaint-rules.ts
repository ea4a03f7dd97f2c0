import { shareFigure, type Figure } from '../../shared/figure';
import { clockMinutes, type Interval, type SlaClock } from '../faults/sla-clock';

/** Statuses of a complaint (投诉) in lifecycle order. */
export const COMPLAINT_STATUSES = [
  'RECEIVED',
  'CONTACTED',
  'RESOLVED',
  'CONFIRMED',
  'REOPENED',
] as const;

/** Status of a complaint. */
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

/** Actions that move a complaint, and the statuses each may start from. */
export const COMPLAINT_TRANSITIONS: Readonly<
  Record<
    'contact' | 'resolve' | 'confirm' | 'reopen',
    { from: ComplaintStatus[]; to: ComplaintStatus }
  >
> = {
  contact: { from: ['RECEIVED'], to: 'CONTACTED' },
  // A complaint is resolved after someone spoke to the customer (first contact comes first).
  resolve: { from: ['CONTACTED', 'REOPENED'], to: 'RESOLVED' },
  confirm: { from: ['RESOLVED'], to: 'CONFIRMED' },
  reopen: { from: ['RESOLVED', 'CONFIRMED'], to: 'REOPENED' },
};

/** One entry of a complaint's status history. */
export type ComplaintEvent = { status: ComplaintStatus; at: Date };

/** Targets of the SLA policy in force when the complaint was received, in clock minutes. */
export type ComplaintTargets = { firstContactMinutes: number; resolutionMinutes: number };

/** Defaults of the measurement rules: first contact within 2 h, resolution within 48 h. */
export const DEFAULT_COMPLAINT_TARGETS: ComplaintTargets = {
  firstContactMinutes: 2 * 60,
  resolutionMinutes: 48 * 60,
};

/** Days after a resolution within which a complaint of the same account and category repeats. */
export const REPEAT_COMPLAINT_DAYS = 30;

const DAY_MS = 86_400_000;

/** Whether `action` may be applied to a complaint in `status`. */
export function canApply(action: keyof typeof COMPLAINT_TRANSITIONS, status: ComplaintStatus) {
  return COMPLAINT_TRANSITIONS[action].from.includes(status);
}

const byTime = (history: readonly ComplaintEvent[]) =>
  [...history].sort((a, b) => a.at.getTime() - b.at.getTime());

/**
 * Handling intervals: from receipt to the first resolution; after each reopening, from the reopening
 * to the next resolution (the clock resumes at the reopening, as for faults). An interval still
 * open ends at `now`, or is dropped without it.
 */
export function handlingIntervals(history: readonly ComplaintEvent[], now?: Date): Interval[] {
  const intervals: Interval[] = [];
  let openSince: Date | null = null;
  for (const { status, at } of byTime(history)) {
    if ((status === 'RECEIVED' || status === 'REOPENED') && openSince === null) openSince = at;
    if (status === 'RESOLVED' && openSince !== null) {
      intervals.push({ start: openSince, end: at });
      openSince = null;
    }
  }
  if (openSince !== null && now) intervals.push({ start: openSince, end: now });
  return intervals;
}

/** The final resolution time: the last RESOLVED when nothing reopened it after; else null. */
export function finalResolution(history: readonly ComplaintEvent[]): Date | null {
  const sorted = byTime(history);
  const last = sorted.findLast((e) => e.status === 'RESOLVED' || e.status === 'REOPENED');
  return last?.status === 'RESOLVED' ? last.at : null;
}

/** A complaint as its figures see it. */
export type MeasuredComplaint = {
  accountId: string;
  category: string;
  receivedAt: Date;
  firstContactedAt: Date | null;
  history: ComplaintEvent[];
  targets: ComplaintTargets;
  clock: SlaClock;
};

/**
 * First contact against its target: MET when contacted within it, MISSED when contacted later or
 * still without contact past it at `asOf`; PENDING while uncontacted and within target (not yet
 * decided, so it is counted in neither part of the rate).
 */
export function firstContactOutcome(
  complaint: MeasuredComplaint,
  asOf: Date,
): 'MET' | 'MISSED' | 'PENDING' {
  const until = complaint.firstContactedAt ?? asOf;
  const minutes = clockMinutes([{ start: complaint.receivedAt, end: until }], complaint.clock);
  if (minutes <= complaint.targets.firstContactMinutes) {
    return complaint.firstContactedAt ? 'MET' : 'PENDING';
  }
  return 'MISSED';
}

/** Resolution time in clock minutes (handling intervals); null while not finally resolved. */
export function resolutionMinutes(complaint: MeasuredComplaint): number | null {
  if (!finalResolution(complaint.history)) return null;
  return clockMinutes(handlingIntervals(complaint.history), complaint.clock);
}

/**
 * The earlier complaint `complaint` repeats: same account and category, received within 30 days
 * after the earlier one's final resolution (the most recently resolved such one); else null.
 */
export function repeatedComplaint<C extends MeasuredComplaint>(
  complaint: MeasuredComplaint,
  others: readonly C[],
): C | null {
  const received = complaint.receivedAt.getTime();
  let found: { earlier: C; resolved: number } | null = null;
  for (const earlier of others) {
    if (earlier === complaint) continue;
    if (earlier.accountId !== complaint.accountId || earlier.category !== complaint.category)
      continue;
    const resolved = finalResolution(earlier.history)?.getTime();
    if (resolved === undefined) continue;
    if (received < resolved || received > resolved + REPEAT_COMPLAINT_DAYS * DAY_MS) continue;
    if (!found || resolved > found.resolved) found = { earlier, resolved };
  }
  return found?.earlier ?? null;
}

/** Whether `complaint` repeats an earlier one (see `repeatedComplaint`). */
export function isRepeatComplaint(
  complaint: MeasuredComplaint,
  others: readonly MeasuredComplaint[],
): boolean {
  return repeatedComplaint(complaint, others) !== null;
}

/** The complaint figures of a branch and period. */
export type ComplaintFigures = {
  complaintFirstContactRate: Figure;
  complaintResolutionRate: Figure;
  complaintsPer100Accounts: Figure;
};

/**
 * Complaint figures per measurement rules "Complaints": first contact within target over the
 * complaints received in the period (pending ones left out), resolution within target over those
 * finally resolved in it, and complaints received per 100 accounts active at the period's end.
 */
export function complaintFigures(args: {
  received: readonly MeasuredComplaint[];
  resolved: readonly MeasuredComplaint[];
  activeAccounts: number;
  asOf: Date;
}): ComplaintFigures {
  const outcomes = args.received.map((c) => firstContactOutcome(c, args.asOf));
  const decided = outcomes.filter((o) => o !== 'PENDING');
  const withinTarget = args.resolved.filter(
    (c) => (resolutionMinutes(c) ?? Infinity) <= c.targets.resolutionMinutes,
  );
  const count = args.received.length;
  return {
    complaintFirstContactRate: shareFigure(
      decided.filter((o) => o === 'MET').length,
      decided.length,
    ),
    complaintResolutionRate: shareFigure(withinTarget.length, args.resolved.length),
    complaintsPer100Accounts: {
      value: args.activeAccounts === 0 ? null : (count / args.activeAccounts) * 100,
      sampleSize: count,
      numerator: count,
      denominator: args.activeAccounts,
      low: null,
      high: null,
    },
  };
}
