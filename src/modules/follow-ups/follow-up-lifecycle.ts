/** States of a follow-up visit. */
export const FOLLOW_UP_STATUSES = ['SCHEDULED', 'COMPLETED', 'MISSED', 'CANCELLED'] as const;

/** One state of a follow-up visit. */
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

/** What can be done to a follow-up. */
export type FollowUpAction = 'COMPLETE' | 'MISS' | 'CANCEL';

/** The parts of a follow-up a transition looks at. */
export type FollowUpState = {
  status: FollowUpStatus;
  completedAt: Date | null;
  missedAt: Date | null;
  cancelledAt: Date | null;
};

/** The time field each action records. */
export const ACTION_TIME_FIELD = {
  COMPLETE: 'completedAt',
  MISS: 'missedAt',
  CANCEL: 'cancelledAt',
} as const satisfies Record<FollowUpAction, keyof FollowUpState>;

/**
 * What a transition does: `apply` moves to `status`; `replay` is the same action at the same
 * time as already recorded (nothing to do); `illegal` is refused with a reason.
 */
export type TransitionPlan =
  | { kind: 'apply'; status: FollowUpStatus }
  | { kind: 'replay' }
  | { kind: 'illegal'; reason: string };

const TARGET: Record<FollowUpAction, FollowUpStatus> = {
  COMPLETE: 'COMPLETED',
  MISS: 'MISSED',
  CANCEL: 'CANCELLED',
};

// A missed visit may still be made late (it then counts where its completion time falls);
// completed and cancelled follow-ups are final.
const ALLOWED: Record<FollowUpStatus, readonly FollowUpAction[]> = {
  SCHEDULED: ['COMPLETE', 'MISS', 'CANCEL'],
  MISSED: ['COMPLETE'],
  COMPLETED: [],
  CANCELLED: [],
};

/**
 * Plans an action on a follow-up: SCHEDULED → COMPLETED | MISSED | CANCELLED, MISSED → COMPLETED
 * (late completion). Repeating the action that produced the current state at the same instant
 * is a replay; at another instant it is illegal (the recorded time is not silently changed).
 */
export function planTransition(
  state: FollowUpState,
  action: FollowUpAction,
  at: Date,
): TransitionPlan {
  const target = TARGET[action];
  if (state.status === target) {
    const recorded = state[ACTION_TIME_FIELD[action]];
    if (recorded && recorded.getTime() === at.getTime()) return { kind: 'replay' };
    return {
      kind: 'illegal',
      reason: `already ${target}${recorded ? ` at ${recorded.toISOString()}` : ''}`,
    };
  }
  if (!ALLOWED[state.status].includes(action)) {
    return { kind: 'illegal', reason: `a ${state.status} follow-up cannot become ${target}` };
  }
  return { kind: 'apply', status: target };
}
