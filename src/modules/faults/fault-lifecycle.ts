import type { Interval } from './sla-clock';

/** Every status of a fault ticket, in lifecycle order (TMF621-style). */
export const FAULT_STATUSES = [
  'REPORTED',
  'ACKNOWLEDGED',
  'IN_PROGRESS',
  'PENDING_CUSTOMER',
  'RESTORED',
  'CLOSED',
  'REOPENED',
] as const;

/** Status of a fault ticket. */
export type FaultStatus = (typeof FAULT_STATUSES)[number];

/** Every action that moves a fault ticket from one status to another. */
export const FAULT_ACTIONS = [
  'ACKNOWLEDGE',
  'START_WORK',
  'PAUSE',
  'RESUME',
  'RESTORE',
  'CLOSE',
  'REOPEN',
] as const;

/** An action applied to a fault ticket. */
export type FaultAction = (typeof FAULT_ACTIONS)[number];

/** One entry of a ticket's status history: the status it entered and when. */
export type FaultStatusEvent = { status: FaultStatus; at: Date };

/** The fields of a ticket needed to recognise a repeat fault. */
export type RepeatFaultCandidate = {
  id: string;
  accountId: string;
  serviceRef: string;
  reportedAt: Date;
  /** Restoration after the last reopen; null while the ticket has never been (finally) restored. */
  finalRestoredAt: Date | null;
};

/**
 * Legal transitions: status → action → next status. Anything not listed is illegal.
 * - Work starts only after an acknowledgement, so the acknowledgement time is always measured.
 * - A pause (waiting for the customer) only interrupts work in progress; a reopened ticket is
 *   acknowledged or worked on before it can be paused again.
 * - A reopened ticket may be acknowledged again, taken straight into work, or restored at once
 *   (e.g. the customer's check succeeded after all).
 */
export const FAULT_TRANSITIONS: Readonly<
  Record<FaultStatus, Readonly<Partial<Record<FaultAction, FaultStatus>>>>
> = {
  REPORTED: { ACKNOWLEDGE: 'ACKNOWLEDGED' },
  ACKNOWLEDGED: { START_WORK: 'IN_PROGRESS', RESTORE: 'RESTORED' },
  IN_PROGRESS: { PAUSE: 'PENDING_CUSTOMER', RESTORE: 'RESTORED' },
  // Restoring while paused ends the pause: the pause interval closes at the restoration.
  PENDING_CUSTOMER: { RESUME: 'IN_PROGRESS', RESTORE: 'RESTORED' },
  RESTORED: { CLOSE: 'CLOSED', REOPEN: 'REOPENED' },
  CLOSED: { REOPEN: 'REOPENED' },
  REOPENED: { ACKNOWLEDGE: 'ACKNOWLEDGED', START_WORK: 'IN_PROGRESS', RESTORE: 'RESTORED' },
};

/** Thrown when an action is applied to a ticket in a status that does not allow it. */
export class IllegalTransitionError extends Error {
  constructor(
    readonly from: FaultStatus,
    readonly action: FaultAction,
  ) {
    const allowed = statusesAllowing(action);
    super(`cannot ${action} a ticket in status ${from}; allowed from ${allowed.join(', ')}`);
    this.name = 'IllegalTransitionError';
  }
}

/** The statuses from which `action` is legal, in lifecycle order. */
export function statusesAllowing(action: FaultAction): FaultStatus[] {
  return FAULT_STATUSES.filter((status) => FAULT_TRANSITIONS[status][action] !== undefined);
}

/** The status a ticket enters when `action` is applied; throws IllegalTransitionError if illegal. */
export function nextFaultStatus(current: FaultStatus, action: FaultAction): FaultStatus {
  const next = FAULT_TRANSITIONS[current][action];
  if (next === undefined) throw new IllegalTransitionError(current, action);
  return next;
}

/** True while the service is not restored: every status except RESTORED and CLOSED. */
export function isOpenFaultStatus(status: FaultStatus): boolean {
  return status !== 'RESTORED' && status !== 'CLOSED';
}

const MS_PER_MINUTE = 60_000;
/** How long after a final restoration a new fault on the same service counts as a repeat. */
export const REPEAT_WINDOW_MS = 30 * 24 * 60 * MS_PER_MINUTE;

/** Acknowledged − reported in exact wall-clock minutes (24 × 7); throws if acknowledged first. */
export function acknowledgementMinutes(reportedAt: Date, acknowledgedAt: Date): number {
  const ms = timeOf(acknowledgedAt) - timeOf(reportedAt);
  // A negative figure would silently pull the branch mean down; bad data must be fixed upstream.
  if (ms < 0) throw new RangeError('acknowledgedAt is before reportedAt');
  return ms / MS_PER_MINUTE;
}

/**
 * The earlier ticket that `ticket` repeats, or null: same account and service reference, finally
 * restored, and `ticket` reported within 30 × 24 h after that restoration (both ends inclusive).
 * With several candidates, the one restored last wins (ties: reported last, then highest id).
 */
export function findRepeatOf<T extends RepeatFaultCandidate>(
  ticket: RepeatFaultCandidate,
  earlierTickets: readonly T[],
): T | null {
  const candidates = earlierTickets.filter((earlier) => isRepeatOf(ticket, earlier));
  return candidates.reduce<T | null>(
    (best, next) => (best === null || isMoreRecent(next, best) ? next : best),
    null,
  );
}

function isRepeatOf(ticket: RepeatFaultCandidate, earlier: RepeatFaultCandidate): boolean {
  if (earlier.id === ticket.id || earlier.finalRestoredAt === null) return false;
  if (earlier.accountId !== ticket.accountId || earlier.serviceRef !== ticket.serviceRef) {
    return false;
  }
  const gap = timeOf(ticket.reportedAt) - timeOf(earlier.finalRestoredAt);
  return gap >= 0 && gap <= REPEAT_WINDOW_MS;
}

function isMoreRecent(a: RepeatFaultCandidate, b: RepeatFaultCandidate): boolean {
  // Both are restored: only such tickets pass isRepeatOf.
  const byRestoration = (a.finalRestoredAt?.getTime() ?? 0) - (b.finalRestoredAt?.getTime() ?? 0);
  if (byRestoration !== 0) return byRestoration > 0;
  const byReport = a.reportedAt.getTime() - b.reportedAt.getTime();
  if (byReport !== 0) return byReport > 0;
  return a.id > b.id;
}

/** A copy of a status history sorted by time; events at the same instant keep their order. */
export function sortStatusHistory(history: readonly FaultStatusEvent[]): FaultStatusEvent[] {
  history.forEach((event) => timeOf(event.at));
  // Array.prototype.sort is stable, so same-instant events keep their recorded order.
  return [...history].sort((a, b) => a.at.getTime() - b.at.getTime());
}

/**
 * Pauses (waiting for the customer) derived from a status history: each span spent in
 * PENDING_CUSTOMER, ending at the next event of another status. A pause still running ends at
 * `now`, or is dropped when `now` is omitted. Empty spans are dropped.
 */
export function pauseIntervalsFromHistory(
  history: readonly FaultStatusEvent[],
  now?: Date,
): Interval[] {
  const pauses: Interval[] = [];
  let pausedSince: Date | null = null;
  for (const event of sortStatusHistory(history)) {
    if (event.status === 'PENDING_CUSTOMER') {
      // A repeated PENDING_CUSTOMER event continues the running pause.
      pausedSince ??= event.at;
    } else if (pausedSince !== null) {
      pauses.push({ start: pausedSince, end: event.at });
      pausedSince = null;
    }
  }
  if (pausedSince !== null && now !== undefined) {
    timeOf(now);
    pauses.push({ start: pausedSince, end: now });
  }
  return pauses.filter((pause) => pause.end.getTime() > pause.start.getTime());
}

function timeOf(date: Date): number {
  const ms = date.getTime();
  if (Number.isNaN(ms)) throw new RangeError('invalid date');
  return ms;
}
