import { planTransition, type FollowUpState } from './follow-up-lifecycle';

const at = new Date('2026-03-10T02:00:00Z');
const later = new Date('2026-03-11T02:00:00Z');
const state = (overrides: Partial<FollowUpState> = {}): FollowUpState => ({
  status: 'SCHEDULED',
  completedAt: null,
  missedAt: null,
  cancelledAt: null,
  ...overrides,
});

describe('planTransition', () => {
  it('lets a scheduled follow-up be completed, missed or cancelled', () => {
    expect(planTransition(state(), 'COMPLETE', at)).toEqual({ kind: 'apply', status: 'COMPLETED' });
    expect(planTransition(state(), 'MISS', at)).toEqual({ kind: 'apply', status: 'MISSED' });
    expect(planTransition(state(), 'CANCEL', at)).toEqual({ kind: 'apply', status: 'CANCELLED' });
  });

  it('lets a missed follow-up be completed late, but not cancelled', () => {
    const missed = state({ status: 'MISSED', missedAt: at });
    expect(planTransition(missed, 'COMPLETE', later)).toEqual({
      kind: 'apply',
      status: 'COMPLETED',
    });
    expect(planTransition(missed, 'CANCEL', later).kind).toBe('illegal');
  });

  it('treats the same action at the same instant as a replay', () => {
    expect(planTransition(state({ status: 'COMPLETED', completedAt: at }), 'COMPLETE', at)).toEqual(
      { kind: 'replay' },
    );
    expect(planTransition(state({ status: 'MISSED', missedAt: at }), 'MISS', at)).toEqual({
      kind: 'replay',
    });
    expect(planTransition(state({ status: 'CANCELLED', cancelledAt: at }), 'CANCEL', at)).toEqual({
      kind: 'replay',
    });
  });

  it('refuses to change a recorded time by repeating the action at another instant', () => {
    const plan = planTransition(state({ status: 'COMPLETED', completedAt: at }), 'COMPLETE', later);
    expect(plan).toEqual({ kind: 'illegal', reason: `already COMPLETED at ${at.toISOString()}` });
  });

  it('keeps completed and cancelled follow-ups final', () => {
    const completed = state({ status: 'COMPLETED', completedAt: at });
    const cancelled = state({ status: 'CANCELLED', cancelledAt: at });
    for (const action of ['MISS', 'CANCEL'] as const) {
      expect(planTransition(completed, action, later).kind).toBe('illegal');
    }
    for (const action of ['COMPLETE', 'MISS'] as const) {
      expect(planTransition(cancelled, action, later).kind).toBe('illegal');
    }
  });
});
