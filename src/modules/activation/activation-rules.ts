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

/** Why an activation is delayed. */
export const DELAY_REASONS = [
  'LINE_RESOURCE_SHORTAGE',
  'CAPACITY_EXPANSION',
  'INTER_PROVINCIAL',
  'CUSTOMER_SIDE',
  'OTHER',
] as const;

/** The reason code of a delay. */
export type DelayReason = (typeof DELAY_REASONS)[number];

/** Every action applied to an activation order. */
export const ACTIVATION_ACTIONS = [
  'SCHEDULE',
  'START_WORK',
  'DELAY',
  'REPROMISE',
  'ACTIVATE',
  'CANCEL',
] as const;

/** An action applied to an activation order. */
export type ActivationAction = (typeof ACTIVATION_ACTIONS)[number];

/**
 * Legal actions: status → action → next status; anything not listed is illegal.
 * - Any open order may be activated at once (imports often only know the activation).
 * - A delayed order may be delayed again (a further reason), rescheduled or taken into work.
 * - A re-promise keeps the status; it is legal while the order is open.
 * - ACTIVATED and CANCELLED are final.
 */
export const ACTIVATION_TRANSITIONS: Readonly<
  Record<ActivationStatus, Readonly<Partial<Record<ActivationAction, ActivationStatus>>>>
> = {
  RECEIVED: {
    SCHEDULE: 'SCHEDULED',
    START_WORK: 'IN_PROGRESS',
    DELAY: 'DELAYED',
    REPROMISE: 'RECEIVED',
    ACTIVATE: 'ACTIVATED',
    CANCEL: 'CANCELLED',
  },
  SCHEDULED: {
    START_WORK: 'IN_PROGRESS',
    DELAY: 'DELAYED',
    REPROMISE: 'SCHEDULED',
    ACTIVATE: 'ACTIVATED',
    CANCEL: 'CANCELLED',
  },
  IN_PROGRESS: {
    DELAY: 'DELAYED',
    REPROMISE: 'IN_PROGRESS',
    ACTIVATE: 'ACTIVATED',
    CANCEL: 'CANCELLED',
  },
  DELAYED: {
    SCHEDULE: 'SCHEDULED',
    START_WORK: 'IN_PROGRESS',
    DELAY: 'DELAYED',
    REPROMISE: 'DELAYED',
    ACTIVATE: 'ACTIVATED',
    CANCEL: 'CANCELLED',
  },
  ACTIVATED: {},
  CANCELLED: {},
};

/** The statuses from which `action` is legal, in lifecycle order. */
export function activationStatusesAllowing(action: ActivationAction): ActivationStatus[] {
  return ACTIVATION_STATUSES.filter((status) => ACTIVATION_TRANSITIONS[status][action]);
}

/** Thrown when an action is applied to an order in a status that does not allow it. */
export class IllegalActivationTransitionError extends Error {
  constructor(
    readonly from: ActivationStatus,
    readonly action: ActivationAction,
  ) {
    const allowed = activationStatusesAllowing(action);
    super(`cannot ${action} an order in status ${from}; allowed from ${allowed.join(', ')}`);
    this.name = 'IllegalActivationTransitionError';
  }
}

/** The status an order enters when `action` is applied; throws if the action is illegal. */
export function nextActivationStatus(
  current: ActivationStatus,
  action: ActivationAction,
): ActivationStatus {
  const next = ACTIVATION_TRANSITIONS[current][action];
  if (next === undefined) throw new IllegalActivationTransitionError(current, action);
  return next;
}
