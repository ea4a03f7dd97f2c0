import { DateTime } from 'luxon';
import type { Actor } from '../auth/actor';

/** The service itself, writing the demo data set through the same services people use. */
export const DEMO_ACTOR: Actor = {
  userId: 'system',
  login: 'system:demo',
  role: 'ADMIN',
  branchCode: null,
  sourceSystem: 'DEMO',
};

/**
 * What a demo data set is laid out around: `now`, the instant it was first loaded (open work is
 * open as of then), and `day`, the start of that day in the demo province's time zone (history is
 * laid out in whole days before it, so working hours stay working hours).
 */
export type DemoClock = { now: Date; day: Date };

const DAY_MS = 86_400_000;

/** The demo clock for a set first loaded at `now`. */
export function demoClockAt(now: Date): DemoClock {
  const day = DateTime.fromJSDate(now, { zone: 'Asia/Shanghai' }).startOf('day').toJSDate();
  return { now, day };
}

// The clock of the load in progress. Demo steps run one after the other in one process and read
// it instead of taking it through every helper; loadDemoData sets it before the first step.
let current: DemoClock | null = null;

/** Sets the clock the demo steps read (loadDemoData does, before running them). */
export function setDemoClock(clock: DemoClock): void {
  current = clock;
}

function clock(): DemoClock {
  if (!current) throw new Error('demo clock not set: load the demo data through loadDemoData');
  return current;
}

/** The demo's "now": generated records never lie after it. */
export const demoNow = (): Date => clock().now;

/** An instant `days` days (fractional) before the start of the demo's day. */
export const daysAgo = (days: number): Date => new Date(clock().day.getTime() - days * DAY_MS);
