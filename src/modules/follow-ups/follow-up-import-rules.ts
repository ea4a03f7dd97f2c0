import type { FollowUpStatus } from './follow-up-lifecycle';

/** The instants of a follow-up's lifecycle. */
export type FollowUpTimes = {
  completedAt: Date | null;
  missedAt: Date | null;
  cancelledAt: Date | null;
};

/** What an imported row says about a follow-up's state (`status` null = derive it). */
export type ImportedFollowUpState = FollowUpTimes & { status: FollowUpStatus | null };

/** The stored state an imported row is compared with. */
export type StoredFollowUpState = FollowUpTimes & { status: FollowUpStatus };

/** The state to write, or why the row is rejected (naming the column). */
export type ImportedStatePlan =
  | { ok: true; status: FollowUpStatus; times: FollowUpTimes }
  | { ok: false; field: string; reason: string };

type TimeField = keyof FollowUpTimes;

// The instant each state needs, and the instants it may carry (a late visit keeps its miss).
const NEEDS: Record<FollowUpStatus, TimeField | null> = {
  SCHEDULED: null,
  COMPLETED: 'completedAt',
  MISSED: 'missedAt',
  CANCELLED: 'cancelledAt',
};
const ALLOWS: Record<FollowUpStatus, readonly TimeField[]> = {
  SCHEDULED: [],
  COMPLETED: ['completedAt', 'missedAt'],
  MISSED: ['missedAt'],
  CANCELLED: ['cancelledAt'],
};

// Where an import may take a stored follow-up: forward along the lifecycle, or the same state
// with corrected details; never back (a completed visit is not reopened by a nightly file).
const REACHABLE: Record<FollowUpStatus, readonly FollowUpStatus[]> = {
  SCHEDULED: ['SCHEDULED', 'COMPLETED', 'MISSED', 'CANCELLED'],
  MISSED: ['MISSED', 'COMPLETED'],
  COMPLETED: ['COMPLETED'],
  CANCELLED: ['CANCELLED'],
};

/** Why a completion time breaks the late-visit rule (a late visit comes after its miss), or null. */
export function lateVisitViolation(times: {
  missedAt: Date | null;
  completedAt: Date | null;
}): string | null {
  if (!times.missedAt || !times.completedAt || times.completedAt >= times.missedAt) return null;
  return `cannot be before missedAt ${times.missedAt.toISOString()} (a late visit comes after its miss)`;
}

/**
 * Why a follow-up may not name this activation order or fault ticket, or null: it must exist (one
 * the caller may not see counts as missing) and be of the follow-up's own account.
 */
export function followedRecordViolation(
  what: 'activation order' | 'fault ticket',
  label: string,
  linked: { accountId: { toString(): string } } | null | undefined,
  accountId: { toString(): string },
): string | null {
  if (!linked) return `no ${what} ${label}`;
  if (String(linked.accountId) !== String(accountId))
    return `the ${what} ${label} is of another account`;
  return null;
}

/** The status a row means when it gives none: the state whose instant it gives, else SCHEDULED. */
export function derivedStatus(row: FollowUpTimes): FollowUpStatus {
  if (row.completedAt) return 'COMPLETED';
  if (row.missedAt) return 'MISSED';
  if (row.cancelledAt) return 'CANCELLED';
  return 'SCHEDULED';
}

/**
 * Checks an imported follow-up's state as the lifecycle would have produced it: each state has
 * its instant (COMPLETED completedAt, MISSED missedAt, CANCELLED cancelledAt) and no other, except
 * that a visit completed late keeps the instant it was missed; a miss cannot come after the late
 * completion; and a stored follow-up only moves forward (SCHEDULED → any, MISSED → COMPLETED) or
 * keeps its state with corrected details. A COMPLETED row without missedAt keeps a stored miss.
 */
export function planImportedState(
  row: ImportedFollowUpState,
  stored: StoredFollowUpState | null,
): ImportedStatePlan {
  const status = row.status ?? derivedStatus(row);
  const keptMiss =
    status === 'COMPLETED' && !row.missedAt && stored && stored.status !== 'SCHEDULED'
      ? stored.missedAt
      : null;
  const times: FollowUpTimes = {
    completedAt: row.completedAt,
    missedAt: row.missedAt ?? keptMiss,
    cancelledAt: row.cancelledAt,
  };
  const needed = NEEDS[status];
  if (needed && !times[needed]) {
    return { ok: false, field: needed, reason: `a ${status} follow-up needs ${needed}` };
  }
  const extra = (['completedAt', 'missedAt', 'cancelledAt'] as const).find(
    (field) => times[field] && !ALLOWS[status].includes(field),
  );
  if (extra) return { ok: false, field: extra, reason: `not allowed for a ${status} follow-up` };
  const late = lateVisitViolation(times);
  if (late) return { ok: false, field: 'completedAt', reason: late };
  if (stored && !REACHABLE[stored.status].includes(status)) {
    return {
      ok: false,
      field: 'status',
      reason: `the follow-up is ${stored.status}; an import cannot make it ${status}`,
    };
  }
  return { ok: true, status, times };
}
