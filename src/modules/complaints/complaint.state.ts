import { AppError, badInput } from '../../shared/errors';
import { clockMinutes, slaState, type SlaClock, type SlaState } from '../faults/sla-clock';
import {
  canApply,
  COMPLAINT_TRANSITIONS,
  finalResolution,
  firstContactOutcome,
  handlingIntervals,
  type ComplaintStatus,
} from './complaint-rules';

/** How a complaint was decided (投诉处理结论). */
export const COMPLAINT_OUTCOMES = ['UPHELD', 'PARTLY_UPHELD', 'NOT_UPHELD'] as const;

/** A complaint outcome. */
export type ComplaintOutcome = (typeof COMPLAINT_OUTCOMES)[number];

/** Compensation granted at a resolution. */
export type Compensation = { amount: number; currency: string };

/** One status change of a complaint; a RESOLVED entry carries that resolution's outcome. */
export type ComplaintStatusEntry = {
  status: ComplaintStatus;
  at: Date;
  actorLogin: string;
  outcome: ComplaintOutcome | null;
};

/** The policy values copied into the complaint when it was received. */
export type ComplaintSla = {
  firstContactMinutes: number;
  resolutionMinutes: number;
  clock: SlaClock;
};

/** What the rules of a complaint's life need to know about it. */
export type ComplaintState = {
  status: ComplaintStatus;
  receivedAt: Date;
  statusHistory: ComplaintStatusEntry[];
  /** Outcome of the latest resolution. */
  outcome: ComplaintOutcome | null;
  /** Compensation of the latest resolution that granted one. */
  compensation: Compensation | null;
  sla: ComplaintSla;
};

/** Something that happened to a complaint, as a mutation or an import records it. */
export type ComplaintEvent =
  | { kind: 'CONTACT' | 'CONFIRM' | 'REOPEN'; at: Date }
  | {
      kind: 'RESOLVE';
      at: Date;
      outcome: ComplaintOutcome;
      compensation?: Compensation | null;
    };

/** The action of the rules each event kind is. */
const ACTION = {
  CONTACT: 'contact',
  RESOLVE: 'resolve',
  CONFIRM: 'confirm',
  REOPEN: 'reopen',
} as const;

const same = (a: Date, b: Date) => a.getTime() === b.getTime();

/** Whether the event was already applied (integrations replay): same change, same instant. */
function isReplay(state: ComplaintState, event: ComplaintEvent): boolean {
  const status = COMPLAINT_TRANSITIONS[ACTION[event.kind]].to;
  return state.statusHistory.some(
    (entry) =>
      entry.status === status &&
      same(entry.at, event.at) &&
      (event.kind !== 'RESOLVE' || entry.outcome === event.outcome),
  );
}

/**
 * Applies one event under the rules (complaint-rules.ts); returns null for a replay, which callers
 * answer with the complaint unchanged. Throws ILLEGAL_TRANSITION naming the statuses that allow
 * the action, or BAD_USER_INPUT on `at` for a time before the last status change.
 */
export function applyComplaintEvent<S extends ComplaintState>(
  state: S,
  event: ComplaintEvent,
  actorLogin: string,
): S | null {
  if (isReplay(state, event)) return null;
  const action = ACTION[event.kind];
  if (!canApply(action, state.status)) {
    const allowed = COMPLAINT_TRANSITIONS[action].from.join(' or ');
    throw new AppError(
      'ILLEGAL_TRANSITION',
      `cannot ${action} a complaint that is ${state.status} (only from ${allowed})`,
      'id',
    );
  }
  const last = state.statusHistory.at(-1)?.at ?? state.receivedAt;
  if (event.at.getTime() < last.getTime()) {
    throw badInput('at', `cannot be before the last status change (${last.toISOString()})`);
  }
  const status = COMPLAINT_TRANSITIONS[action].to;
  const outcome = event.kind === 'RESOLVE' ? event.outcome : null;
  return {
    ...state,
    status,
    statusHistory: [...state.statusHistory, { status, at: event.at, actorLogin, outcome }],
    outcome: outcome ?? state.outcome,
    compensation: (event.kind === 'RESOLVE' && event.compensation) || state.compensation,
  };
}

/** A new complaint, RECEIVED at `receivedAt`. */
export function receivedComplaint(options: {
  receivedAt: Date;
  sla: ComplaintSla;
  actorLogin: string;
}): ComplaintState {
  const { receivedAt: at, sla, actorLogin } = options;
  return {
    status: 'RECEIVED',
    receivedAt: at,
    statusHistory: [{ status: 'RECEIVED', at, actorLogin, outcome: null }],
    outcome: null,
    compensation: null,
    sla,
  };
}

/** Statuses in which a complaint waits for the operator (on the open-complaint work list). */
export const OPEN_COMPLAINT_STATUSES: ComplaintStatus[] = ['RECEIVED', 'CONTACTED', 'REOPENED'];

/** Every figure of a complaint (measurement rules "Complaints"); open ones as of `now`. */
export type ComplaintMeasures = {
  open: boolean;
  firstContactedAt: Date | null;
  /** Receipt to first contact in minutes on the policy's clock; null until contacted. */
  firstContactMinutes: number | null;
  /** First contacted within target; null until contacted. */
  firstContactWithinTarget: boolean | null;
  /** MET, MISSED or PENDING (uncontacted, within target) as of `now`. */
  firstContact: 'MET' | 'MISSED' | 'PENDING';
  /** The final resolution (nothing reopened it after); null otherwise. Places it in a period. */
  resolvedAt: Date | null;
  /** Handling time (receipt to final resolution, resumed at reopenings) on the policy's clock. */
  resolutionMinutes: number | null;
  resolvedWithinTarget: boolean | null;
  /** Customer confirmation of the final resolution; null unless CONFIRMED. */
  confirmedAt: Date | null;
  reopenCount: number;
  lastReopenedAt: Date | null;
  /** Handling minutes so far (the resolution time once resolved). */
  elapsedMinutes: number;
  /** The step the operator owes: first contact, then resolution; null once resolved. */
  nextStep: 'FIRST_CONTACT' | 'RESOLUTION' | null;
  /** Target of the step owed (the resolution target once resolved), in clock minutes. */
  targetMinutes: number;
  /** Target − elapsed of the step owed (negative once breached); null once resolved. */
  minutesLeft: number | null;
  slaState: SlaState;
};

const firstAt = (state: ComplaintState, status: ComplaintStatus) =>
  state.statusHistory.find((entry) => entry.status === status)?.at ?? null;

/** The figures of a complaint as of `now` (only open complaints depend on it). */
export function measureComplaint(state: ComplaintState, now: Date): ComplaintMeasures {
  const { sla, statusHistory } = state;
  const open = OPEN_COMPLAINT_STATUSES.includes(state.status);
  const firstContactedAt = firstAt(state, 'CONTACTED');
  const firstContactMinutes = firstContactedAt
    ? clockMinutes([{ start: state.receivedAt, end: firstContactedAt }], sla.clock)
    : null;
  const resolvedAt = finalResolution(statusHistory);
  const elapsedMinutes = clockMinutes(
    handlingIntervals(statusHistory, open ? now : undefined),
    sla.clock,
  );
  const resolutionMinutes = resolvedAt ? elapsedMinutes : null;
  const nextStep = !open ? null : firstContactedAt ? 'RESOLUTION' : 'FIRST_CONTACT';
  const stepElapsed =
    nextStep === 'FIRST_CONTACT'
      ? clockMinutes([{ start: state.receivedAt, end: now }], sla.clock)
      : elapsedMinutes;
  const targetMinutes =
    nextStep === 'FIRST_CONTACT' ? sla.firstContactMinutes : sla.resolutionMinutes;
  const reopenings = statusHistory.filter((entry) => entry.status === 'REOPENED');
  return {
    open,
    firstContactedAt,
    firstContactMinutes,
    firstContactWithinTarget:
      firstContactMinutes === null ? null : firstContactMinutes <= sla.firstContactMinutes,
    firstContact: firstContactOutcome(
      {
        accountId: '',
        category: '',
        receivedAt: state.receivedAt,
        firstContactedAt,
        history: statusHistory,
        targets: sla,
        clock: sla.clock,
      },
      now,
    ),
    resolvedAt,
    resolutionMinutes,
    resolvedWithinTarget:
      resolutionMinutes === null ? null : resolutionMinutes <= sla.resolutionMinutes,
    confirmedAt: state.status === 'CONFIRMED' ? (statusHistory.at(-1)?.at ?? null) : null,
    reopenCount: reopenings.length,
    lastReopenedAt: reopenings.at(-1)?.at ?? null,
    elapsedMinutes: stepElapsed,
    nextStep,
    targetMinutes,
    minutesLeft: open ? targetMinutes - stepElapsed : null,
    slaState: slaState({ open, elapsedMinutes: stepElapsed, targetMinutes }),
  };
}

/** The measured fields stored on every write (those that do not depend on `now`). */
export function storedComplaintMeasures(state: ComplaintState) {
  // `now` only matters for open complaints, whose time-dependent figures are not stored.
  const m = measureComplaint(state, state.receivedAt);
  return {
    firstContactedAt: m.firstContactedAt,
    firstContactMinutes: m.firstContactMinutes,
    firstContactWithinTarget: m.firstContactWithinTarget,
    resolvedAt: m.resolvedAt,
    resolutionMinutes: m.resolutionMinutes,
    resolvedWithinTarget: m.resolvedWithinTarget,
    confirmedAt: m.confirmedAt,
    reopenCount: m.reopenCount,
    lastReopenedAt: m.lastReopenedAt,
    /** Places the complaint among the resolved ones of a period. */
    measuredAt: m.resolvedAt,
  };
}

/** A complaint's stored measured fields. */
export type StoredComplaintMeasures = ReturnType<typeof storedComplaintMeasures>;

/** How many times the complaint has been resolved (each resolution is followed up once). */
export const resolutionCount = (state: Pick<ComplaintState, 'statusHistory'>) =>
  state.statusHistory.filter((entry) => entry.status === 'RESOLVED').length;
