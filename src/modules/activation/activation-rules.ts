/** Every status of an activation order. */
export const ACTIVATION_STATUSES = [
  'RECEIVED',
  'SCHEDULED',
  'IN_PROGRESS',
  'DELAYED',
  'ACTIVATED',
  'CANCELLED',
] as const;

/** Status of an activation order. */
export type ActivationStatus = (typeof ACTIVATION_STATUSES)[number];

/** A promise of activation made to the customer: when it was made and what it promised. */
export type ActivationPromise = { madeAt: Date; promisedAt: Date };

const MS_PER_MINUTE = 60_000;

/** Order time plus the policy's promised lead time (wall-clock minutes, 24 × 7). */
export function derivePromisedAt(orderedAt: Date, leadTimeMinutes: number): Date {
  if (!(Number.isFinite(leadTimeMinutes) && leadTimeMinutes >= 0)) {
    throw new RangeError(`leadTimeMinutes must be a non-negative number, got ${leadTimeMinutes}`);
  }
  return new Date(timeOf(orderedAt) + leadTimeMinutes * MS_PER_MINUTE);
}

/**
 * The original promised time used for measurement: the first promise made (earliest `madeAt`;
 * at the same instant, the first listed), or the derived one when none was given. Later
 * re-promises stay history and never replace it.
 */
export function originalPromisedAt(args: {
  promises: readonly ActivationPromise[];
  orderedAt: Date;
  leadTimeMinutes: number;
}): Date {
  const first = args.promises.reduce<ActivationPromise | null>(
    (earliest, next) =>
      earliest === null || timeOf(next.madeAt) < timeOf(earliest.madeAt) ? next : earliest,
    null,
  );
  return first?.promisedAt ?? derivePromisedAt(args.orderedAt, args.leadTimeMinutes);
}

/** On time ⇔ activated at or before the original promised time. */
export function isOnTime(activatedAt: Date, originalPromisedAt: Date): boolean {
  return timeOf(activatedAt) <= timeOf(originalPromisedAt);
}

/** max(0, activated − original promise) in exact minutes; null while not activated. */
export function latenessMinutes(activatedAt: Date | null, originalPromisedAt: Date): number | null {
  if (activatedAt === null) return null;
  return Math.max(0, timeOf(activatedAt) - timeOf(originalPromisedAt)) / MS_PER_MINUTE;
}

/** True while the order is neither activated nor cancelled. */
export function isOpenActivationStatus(status: ActivationStatus): boolean {
  return status !== 'ACTIVATED' && status !== 'CANCELLED';
}

/** An open order whose original promised time has passed (now strictly after it). */
export function isOverdue(args: {
  status: ActivationStatus;
  originalPromisedAt: Date;
  now: Date;
}): boolean {
  return isOpenActivationStatus(args.status) && timeOf(args.now) > timeOf(args.originalPromisedAt);
}

/**
 * A delay is notified when the customer was told before the promised time passed, i.e. at or
 * before it — the same boundary as on-time and overdue.
 */
export function isDelayNotified(args: {
  notifiedAt: Date | null;
  originalPromisedAt: Date;
}): boolean {
  if (args.notifiedAt === null) return false;
  return timeOf(args.notifiedAt) <= timeOf(args.originalPromisedAt);
}

function timeOf(date: Date): number {
  const ms = date.getTime();
  if (Number.isNaN(ms)) throw new RangeError('invalid date');
  return ms;
}
