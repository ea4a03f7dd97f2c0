import { AppError, badInput } from '../../shared/errors';
import {
  IllegalActivationTransitionError,
  isDelayNotified,
  isOnTime,
  isOverdue,
  latenessMinutes,
  nextActivationStatus,
  originalPromisedAt,
  type ActivationAction,
  type ActivationStatus,
  type DelayReason,
} from './activation-rules';

/** A promise made to the customer, kept forever (the first one is measured). */
export type PromiseEntry = { madeAt: Date; promisedAt: Date; actorLogin: string };

/** One status change of an order. */
export type ActivationStatusEntry = {
  status: ActivationStatus;
  at: Date;
  actorLogin: string;
  /** The delay reason of a DELAYED entry. */
  reason: DelayReason | null;
};

/** A delay: why, when it was recorded and when the customer was told. */
export type DelayEntry = {
  reason: DelayReason;
  at: Date;
  notifiedAt: Date | null;
  actorLogin: string;
};

/** What the rules of an order's life need to know about it. */
export type ActivationOrderState = {
  status: ActivationStatus;
  orderedAt: Date;
  promises: PromiseEntry[];
  statusHistory: ActivationStatusEntry[];
  delays: DelayEntry[];
  dispatchConfirmedAt: Date | null;
  acceptanceReportedAt: Date | null;
  acceptanceReportRef: string | null;
  /** Lead time of the policy copied at creation; derives the promise when none was given. */
  leadTimeMinutes: number;
};

/** Something that happened to an order, as recorded by a mutation or an import. */
export type ActivationEvent =
  | { kind: 'SCHEDULE' | 'START_WORK' | 'ACTIVATE' | 'CANCEL'; at: Date }
  | { kind: 'DELAY'; at: Date; reason: DelayReason; notifiedAt: Date | null }
  | { kind: 'REPROMISE'; at: Date; promisedAt: Date }
  | { kind: 'NOTIFY_DELAY'; at: Date }
  | { kind: 'ACCEPTANCE_REPORT'; at: Date; reference: string | null };

/** The denormalised, measured fields stored on every write (measurement rules "Activation"). */
export type ActivationMeasures = {
  /** The latest promise made (what the customer now expects). */
  promisedAt: Date;
  originalPromisedAt: Date;
  activatedAt: Date | null;
  cancelledAt: Date | null;
  onTime: boolean | null;
  latenessMinutes: number | null;
  /** Earliest time the customer was told about a delay. */
  delayNotifiedAt: Date | null;
  /** The measured event (activation) that places the order in a period; null until activated. */
  measuredAt: Date | null;
};

const TARGET: Record<
  'SCHEDULE' | 'START_WORK' | 'DELAY' | 'ACTIVATE' | 'CANCEL',
  ActivationStatus
> = {
  SCHEDULE: 'SCHEDULED',
  START_WORK: 'IN_PROGRESS',
  DELAY: 'DELAYED',
  ACTIVATE: 'ACTIVATED',
  CANCEL: 'CANCELLED',
};

const same = (a: Date | null, b: Date | null) => (a?.getTime() ?? null) === (b?.getTime() ?? null);

function illegal(from: ActivationStatus, action: ActivationAction): AppError {
  return new AppError(
    'ILLEGAL_TRANSITION',
    new IllegalActivationTransitionError(from, action).message,
    'id',
  );
}

function requireLegal(status: ActivationStatus, action: ActivationAction): ActivationStatus {
  try {
    return nextActivationStatus(status, action);
  } catch (error) {
    if (error instanceof IllegalActivationTransitionError) throw illegal(status, action);
    throw error;
  }
}

function requireNotBefore(at: Date, earliest: Date, field: string, what: string): void {
  if (at.getTime() < earliest.getTime()) {
    throw badInput(field, `cannot be before ${what} (${earliest.toISOString()})`);
  }
}

const lastStatusAt = (state: ActivationOrderState): Date =>
  state.statusHistory.reduce(
    (latest, entry) => (entry.at.getTime() > latest.getTime() ? entry.at : latest),
    state.orderedAt,
  );

/** Whether the event was already applied (integrations replay): same transition, same instant. */
function isReplay(state: ActivationOrderState, event: ActivationEvent): boolean {
  switch (event.kind) {
    case 'REPROMISE':
      return state.promises.some(
        (p) => same(p.madeAt, event.at) && same(p.promisedAt, event.promisedAt),
      );
    case 'NOTIFY_DELAY':
      return same(state.delays.at(-1)?.notifiedAt ?? null, event.at);
    case 'ACCEPTANCE_REPORT':
      return same(state.acceptanceReportedAt, event.at);
    default:
      return state.statusHistory.some(
        (entry) =>
          entry.status === TARGET[event.kind] &&
          same(entry.at, event.at) &&
          (event.kind !== 'DELAY' || entry.reason === event.reason),
      );
  }
}

function applyStatusChange<S extends ActivationOrderState>(
  state: S,
  event: Extract<ActivationEvent, { kind: keyof typeof TARGET }>,
  actorLogin: string,
): S {
  const status = requireLegal(state.status, event.kind);
  requireNotBefore(event.at, lastStatusAt(state), 'at', 'the last status change');
  const reason = event.kind === 'DELAY' ? event.reason : null;
  const next: S = {
    ...state,
    status,
    statusHistory: [...state.statusHistory, { status, at: event.at, actorLogin, reason }],
  };
  if (event.kind === 'SCHEDULE') next.dispatchConfirmedAt = state.dispatchConfirmedAt ?? event.at;
  if (event.kind === 'DELAY') {
    if (event.notifiedAt)
      requireNotBefore(event.notifiedAt, state.orderedAt, 'notifiedAt', 'the order');
    next.delays = [
      ...state.delays,
      { reason: event.reason, at: event.at, notifiedAt: event.notifiedAt, actorLogin },
    ];
  }
  return next;
}

function applyRepromise<S extends ActivationOrderState>(
  state: S,
  event: Extract<ActivationEvent, { kind: 'REPROMISE' }>,
  actorLogin: string,
): S {
  requireLegal(state.status, 'REPROMISE');
  const lastMade = state.promises.reduce(
    (latest, p) => (p.madeAt.getTime() > latest.getTime() ? p.madeAt : latest),
    state.orderedAt,
  );
  requireNotBefore(event.at, lastMade, 'at', 'the previous promise');
  requireNotBefore(event.promisedAt, event.at, 'promisedAt', 'the moment it is made');
  return {
    ...state,
    promises: [...state.promises, { madeAt: event.at, promisedAt: event.promisedAt, actorLogin }],
  };
}

function applyNotification<S extends ActivationOrderState>(
  state: S,
  event: Extract<ActivationEvent, { kind: 'NOTIFY_DELAY' }>,
): S {
  const latest = state.delays.at(-1);
  if (!latest) {
    throw new AppError(
      'ILLEGAL_TRANSITION',
      'cannot NOTIFY_DELAY an order without a delay; record it with delayActivationOrder first',
      'id',
    );
  }
  if (latest.notifiedAt) {
    throw new AppError(
      'ILLEGAL_TRANSITION',
      `the latest delay was already notified at ${latest.notifiedAt.toISOString()}`,
      'id',
    );
  }
  requireNotBefore(event.at, state.orderedAt, 'at', 'the order');
  return { ...state, delays: [...state.delays.slice(0, -1), { ...latest, notifiedAt: event.at }] };
}

function applyAcceptance<S extends ActivationOrderState>(
  state: S,
  event: Extract<ActivationEvent, { kind: 'ACCEPTANCE_REPORT' }>,
): S {
  if (state.status !== 'ACTIVATED') {
    throw new AppError(
      'ILLEGAL_TRANSITION',
      `cannot record an acceptance report for an order in status ${state.status}; allowed from ACTIVATED`,
      'id',
    );
  }
  if (state.acceptanceReportedAt) {
    throw new AppError(
      'ILLEGAL_TRANSITION',
      `the acceptance report was already recorded at ${state.acceptanceReportedAt.toISOString()}`,
      'id',
    );
  }
  requireNotBefore(event.at, lastStatusAt(state), 'at', 'the activation');
  return { ...state, acceptanceReportedAt: event.at, acceptanceReportRef: event.reference };
}

/**
 * Applies one event under the order's rules; returns null for a replay (the same transition at
 * the same instant), which callers answer with the order unchanged. Throws ILLEGAL_TRANSITION
 * (naming the statuses that allow the action) or BAD_USER_INPUT for times that run backwards.
 */
export function applyActivationEvent<S extends ActivationOrderState>(
  state: S,
  event: ActivationEvent,
  actorLogin: string,
): S | null {
  if (isReplay(state, event)) return null;
  switch (event.kind) {
    case 'REPROMISE':
      return applyRepromise(state, event, actorLogin);
    case 'NOTIFY_DELAY':
      return applyNotification(state, event);
    case 'ACCEPTANCE_REPORT':
      return applyAcceptance(state, event);
    default:
      return applyStatusChange(state, event, actorLogin);
  }
}

/** The measured fields of an order (stored on every write so scorecards can aggregate them). */
export function measureActivationOrder(state: ActivationOrderState): ActivationMeasures {
  const original = originalPromisedAt({
    promises: state.promises,
    orderedAt: state.orderedAt,
    leadTimeMinutes: state.leadTimeMinutes,
  });
  const latestPromise = state.promises.reduce<PromiseEntry | null>(
    (latest, p) => (latest === null || p.madeAt.getTime() >= latest.madeAt.getTime() ? p : latest),
    null,
  );
  const entryAt = (status: ActivationStatus) =>
    state.statusHistory.find((entry) => entry.status === status)?.at ?? null;
  const activatedAt = entryAt('ACTIVATED');
  const notified = state.delays
    .map((delay) => delay.notifiedAt)
    .filter((at): at is Date => at !== null)
    .sort((a, b) => a.getTime() - b.getTime());
  return {
    promisedAt: latestPromise?.promisedAt ?? original,
    originalPromisedAt: original,
    activatedAt,
    cancelledAt: entryAt('CANCELLED'),
    onTime: activatedAt ? isOnTime(activatedAt, original) : null,
    latenessMinutes: latenessMinutes(activatedAt, original),
    delayNotifiedAt: notified[0] ?? null,
    measuredAt: activatedAt,
  };
}

/**
 * The read-time figures that depend on `now`: overdue (open and past the original promise) and
 * whether a delay was notified — null while there is nothing to notify (no delay recorded, not
 * late, not overdue), else whether the customer was told before the original promise passed.
 */
export function activationTimeFigures(
  order: Pick<ActivationOrderState, 'status' | 'delays'> &
    Pick<ActivationMeasures, 'originalPromisedAt' | 'latenessMinutes' | 'delayNotifiedAt'>,
  now: Date,
): { overdue: boolean; delayNotified: boolean | null } {
  const overdue = isOverdue({
    status: order.status,
    originalPromisedAt: order.originalPromisedAt,
    now,
  });
  const delayed = order.delays.length > 0 || (order.latenessMinutes ?? 0) > 0 || overdue;
  return {
    overdue,
    delayNotified: delayed
      ? isDelayNotified({
          notifiedAt: order.delayNotifiedAt,
          originalPromisedAt: order.originalPromisedAt,
        })
      : null,
  };
}

/** Original promise − what the customer asked for, in minutes; null when they asked nothing. */
export function promiseGapMinutes(
  order: Pick<ActivationMeasures, 'originalPromisedAt'> & { requestedAt: Date | null },
): number | null {
  if (!order.requestedAt) return null;
  return (order.originalPromisedAt.getTime() - order.requestedAt.getTime()) / 60_000;
}
