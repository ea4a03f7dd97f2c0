import { AppError, badInput } from '../../shared/errors';
import type { JourneyStage } from '../journey/journey-stage';
import type { Severity } from '../sla-policies/resolve-policy';
import {
  acknowledgementMinutes,
  IllegalTransitionError,
  isOpenFaultStatus,
  nextFaultStatus,
  pauseIntervalsFromHistory,
  sortStatusHistory,
  type FaultAction,
  type FaultStatus,
} from './fault-lifecycle';
import {
  outageIntervals,
  repairDurationMinutes,
  slaState,
  type Interval,
  type SlaClock,
  type SlaState,
} from './sla-clock';

/** Why a ticket waits for the customer (the SLA clock is paused meanwhile). */
export const PAUSE_REASONS = [
  'CUSTOMER_UNAVAILABLE',
  'NO_ACCESS',
  'CUSTOMER_REQUESTED_DELAY',
] as const;

/** A pause reason. */
export type PauseReason = (typeof PAUSE_REASONS)[number];

/** One status change of a ticket: what it entered, when, who recorded it. */
export type FaultStatusEntry = {
  status: FaultStatus;
  at: Date;
  actorLogin: string;
  /** The pause reason of a PENDING_CUSTOMER entry. */
  reason: PauseReason | null;
};

/** A pause reported after the fact (it may overlap others; the union counts). */
export type RecordedPause = { from: Date; to: Date; reason: PauseReason; actorLogin: string };

/** One severity the ticket had from `at` on. */
export type SeverityEntry = { severity: Severity; at: Date; actorLogin: string };

/** The policy values copied into the ticket when it was reported. */
export type TicketSla = {
  targets: Record<Severity, number>;
  acknowledgementTargetMinutes: number;
  clock: SlaClock;
};

/** What the rules of a ticket's life need to know about it. */
export type FaultTicketState = {
  status: FaultStatus;
  reportedAt: Date;
  severity: Severity;
  severityHistory: SeverityEntry[];
  statusHistory: FaultStatusEntry[];
  recordedPauses: RecordedPause[];
  cause: string | null;
  causeExplainedAt: Date | null;
  sla: TicketSla;
};

type StatusAction = Exclude<FaultAction, 'PAUSE'>;

/** Something that happened to a ticket, as recorded by a mutation or an import. */
export type FaultEvent =
  | { kind: StatusAction; at: Date }
  | { kind: 'PAUSE'; at: Date; reason: PauseReason }
  | { kind: 'RECORD_PAUSE'; from: Date; to: Date; reason: PauseReason }
  | { kind: 'CHANGE_SEVERITY'; at: Date; severity: Severity }
  | { kind: 'RECORD_CAUSE'; cause: string; explainedAt: Date | null };

/** The status each action leads to (whatever the status it starts from). */
const TARGET: Record<FaultAction, FaultStatus> = {
  ACKNOWLEDGE: 'ACKNOWLEDGED',
  START_WORK: 'IN_PROGRESS',
  PAUSE: 'PENDING_CUSTOMER',
  RESUME: 'IN_PROGRESS',
  RESTORE: 'RESTORED',
  CLOSE: 'CLOSED',
  REOPEN: 'REOPENED',
};

const same = (a: Date | null, b: Date | null) => (a?.getTime() ?? null) === (b?.getTime() ?? null);

const latest = (dates: readonly Date[], floor: Date): Date =>
  dates.reduce((max, at) => (at.getTime() > max.getTime() ? at : max), floor);

function requireNotBefore(at: Date, earliest: Date, field: string, what: string): void {
  if (at.getTime() < earliest.getTime()) {
    throw badInput(field, `cannot be before ${what} (${earliest.toISOString()})`);
  }
}

/** Whether the event was already applied (integrations replay): same change, same instant. */
function isReplay(state: FaultTicketState, event: FaultEvent): boolean {
  switch (event.kind) {
    case 'RECORD_PAUSE':
      return state.recordedPauses.some((p) => same(p.from, event.from) && same(p.to, event.to));
    case 'CHANGE_SEVERITY':
      return (
        state.severity === event.severity ||
        state.severityHistory.some((s) => s.severity === event.severity && same(s.at, event.at))
      );
    case 'RECORD_CAUSE':
      return (
        state.cause === event.cause &&
        (event.explainedAt === null || same(state.causeExplainedAt, event.explainedAt))
      );
    default:
      return state.statusHistory.some(
        (entry) => entry.status === TARGET[event.kind] && same(entry.at, event.at),
      );
  }
}

function applyStatusChange<S extends FaultTicketState>(
  state: S,
  event: Extract<FaultEvent, { at: Date; kind: FaultAction }>,
  actorLogin: string,
): S {
  let status: FaultStatus;
  try {
    status = nextFaultStatus(state.status, event.kind);
  } catch (error) {
    if (!(error instanceof IllegalTransitionError)) throw error;
    throw new AppError('ILLEGAL_TRANSITION', error.message, 'id');
  }
  const last = latest(
    state.statusHistory.map((entry) => entry.at),
    state.reportedAt,
  );
  requireNotBefore(event.at, last, 'at', 'the last status change');
  const reason = event.kind === 'PAUSE' ? event.reason : null;
  return {
    ...state,
    status,
    statusHistory: [...state.statusHistory, { status, at: event.at, actorLogin, reason }],
  };
}

/**
 * Applies one event under the ticket's rules; returns null for a replay (already applied), which
 * callers answer with the ticket unchanged. Throws ILLEGAL_TRANSITION (naming the statuses that
 * allow the action) or BAD_USER_INPUT (field `at`, `to`, …) for times that run backwards.
 * A pause recorded after the fact is accepted in any status.
 */
export function applyFaultEvent<S extends FaultTicketState>(
  state: S,
  event: FaultEvent,
  actorLogin: string,
): S | null {
  if (isReplay(state, event)) return null;
  switch (event.kind) {
    case 'RECORD_PAUSE':
      if (event.to.getTime() <= event.from.getTime()) throw badInput('to', 'must be after from');
      return {
        ...state,
        recordedPauses: [
          ...state.recordedPauses,
          { from: event.from, to: event.to, reason: event.reason, actorLogin },
        ],
      };
    case 'CHANGE_SEVERITY': {
      const last = latest(
        state.severityHistory.map((entry) => entry.at),
        state.reportedAt,
      );
      requireNotBefore(event.at, last, 'at', 'the last severity change');
      return {
        ...state,
        severity: event.severity,
        severityHistory: [
          ...state.severityHistory,
          { severity: event.severity, at: event.at, actorLogin },
        ],
      };
    }
    case 'RECORD_CAUSE':
      if (event.explainedAt) {
        requireNotBefore(event.explainedAt, state.reportedAt, 'explainedAt', 'the report');
      }
      // A report without an explanation time keeps an explanation already recorded.
      return {
        ...state,
        cause: event.cause,
        causeExplainedAt: event.explainedAt ?? state.causeExplainedAt,
      };
    default:
      return applyStatusChange(state, event, actorLogin);
  }
}

/** Every figure of a ticket (measurement rules "Fault repair"); time-dependent ones as of `now`. */
export type FaultMeasures = {
  open: boolean;
  stage: JourneyStage;
  /** Clock minutes so far: the repair duration once restored, the running figure while open. */
  elapsedMinutes: number;
  /** Null while open. */
  repairDurationMinutes: number | null;
  /** Target of the current (final) severity under the copied policy. */
  targetMinutes: number;
  /** Target − elapsed on the policy's clock while open (negative once breached); null after. */
  minutesLeft: number | null;
  /** Null while open. */
  withinSla: boolean | null;
  slaState: SlaState;
  acknowledgedAt: Date | null;
  acknowledgementMinutes: number | null;
  acknowledgedWithinTarget: boolean | null;
  firstRestoredAt: Date | null;
  /** Restoration after the last reopen; null while open. */
  finalRestoredAt: Date | null;
  closedAt: Date | null;
  reopenCount: number;
  /** The measured event (final restoration) that places the ticket in a period. */
  measuredAt: Date | null;
  outages: Interval[];
  pauses: Interval[];
};

/** The figures of a ticket as of `now` (only open tickets depend on it). */
export function measureFaultTicket(state: FaultTicketState, now: Date): FaultMeasures {
  const open = isOpenFaultStatus(state.status);
  const history = state.statusHistory;
  const until = open ? now : undefined;
  const outages = outageIntervals(history, until);
  const pauses = [
    ...pauseIntervalsFromHistory(history, until),
    ...state.recordedPauses.map((p) => ({ start: p.from, end: p.to })),
  ];
  const elapsedMinutes = repairDurationMinutes({ outages, pauses, clock: state.sla.clock });
  const targetMinutes = state.sla.targets[state.severity];
  const first = (status: FaultStatus) => history.find((entry) => entry.status === status)?.at;
  const last = (status: FaultStatus) => history.findLast((entry) => entry.status === status)?.at;
  const acknowledgedAt = first('ACKNOWLEDGED') ?? null;
  const ackMinutes = acknowledgedAt
    ? acknowledgementMinutes(state.reportedAt, acknowledgedAt)
    : null;
  const finalRestoredAt = open ? null : (last('RESTORED') ?? null);
  return {
    open,
    stage: state.status === 'REPORTED' ? 'FAULT_REPORTING' : 'REPAIR',
    elapsedMinutes,
    repairDurationMinutes: open ? null : elapsedMinutes,
    targetMinutes,
    minutesLeft: open ? targetMinutes - elapsedMinutes : null,
    withinSla: open ? null : elapsedMinutes <= targetMinutes,
    slaState: slaState({ open, elapsedMinutes, targetMinutes }),
    acknowledgedAt,
    acknowledgementMinutes: ackMinutes,
    acknowledgedWithinTarget:
      ackMinutes === null ? null : ackMinutes <= state.sla.acknowledgementTargetMinutes,
    firstRestoredAt: first('RESTORED') ?? null,
    finalRestoredAt,
    closedAt: state.status === 'CLOSED' ? (last('CLOSED') ?? null) : null,
    reopenCount: history.filter((entry) => entry.status === 'REOPENED').length,
    measuredAt: finalRestoredAt,
    outages,
    pauses,
  };
}

/** The measured fields stored on every write (those that do not depend on `now`). */
export function storedFaultMeasures(state: FaultTicketState) {
  // `now` only matters for open tickets, whose time-dependent figures are not stored.
  const m = measureFaultTicket(state, state.reportedAt);
  return {
    stage: m.stage,
    targetMinutes: m.targetMinutes,
    repairDurationMinutes: m.repairDurationMinutes,
    withinSla: m.withinSla,
    acknowledgedAt: m.acknowledgedAt,
    acknowledgementMinutes: m.acknowledgementMinutes,
    firstRestoredAt: m.firstRestoredAt,
    finalRestoredAt: m.finalRestoredAt,
    closedAt: m.closedAt,
    reopenCount: m.reopenCount,
    measuredAt: m.measuredAt,
  };
}

/** A ticket's SLA state and minutes left (see `FaultMeasures`). */
export type SlaFigures = Pick<FaultMeasures, 'slaState' | 'minutesLeft'>;

/**
 * A settled (restored or closed) ticket's SLA state and minutes left from its stored measures:
 * the figures `measureFaultTicket` gives it, which no longer depend on `now` (the repair duration
 * stored is the elapsed time it measures). Null for an open ticket or one without them.
 */
export function settledSlaFigures(ticket: {
  status?: unknown;
  repairDurationMinutes?: unknown;
  targetMinutes?: unknown;
}): SlaFigures | null {
  const { status, repairDurationMinutes: elapsed, targetMinutes } = ticket;
  if (typeof status !== 'string' || isOpenFaultStatus(status as FaultStatus)) return null;
  if (typeof elapsed !== 'number' || typeof targetMinutes !== 'number') return null;
  return {
    slaState: slaState({ open: false, elapsedMinutes: elapsed, targetMinutes }),
    minutesLeft: null,
  };
}

/** A ticket's stored measured fields. */
export type StoredFaultMeasures = ReturnType<typeof storedFaultMeasures>;

/** A pause as the API lists it: from the status history or recorded after the fact. */
export type PauseView = {
  from: Date;
  /** Null while the ticket is still waiting for the customer. */
  to: Date | null;
  reason: PauseReason | null;
  recorded: boolean;
};

/** Every pause of a ticket, by start time: PENDING_CUSTOMER spans and recorded pauses. */
export function listPauses(state: Pick<FaultTicketState, 'statusHistory' | 'recordedPauses'>) {
  const pauses: PauseView[] = [];
  let running: PauseView | null = null;
  for (const entry of sortStatusHistory(state.statusHistory) as FaultStatusEntry[]) {
    if (entry.status === 'PENDING_CUSTOMER') {
      running ??= { from: entry.at, to: null, reason: entry.reason, recorded: false };
    } else if (running) {
      pauses.push({ ...running, to: entry.at });
      running = null;
    }
  }
  if (running) pauses.push(running);
  const recorded = state.recordedPauses.map((p) => ({
    from: p.from,
    to: p.to,
    reason: p.reason,
    recorded: true,
  }));
  return [...pauses, ...recorded].sort((a, b) => a.from.getTime() - b.from.getTime());
}
