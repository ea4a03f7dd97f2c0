import {
  derivedStatus,
  planImportedState,
  type StoredFollowUpState,
} from './follow-up-import-rules';

const at = (iso: string) => new Date(iso);
const none = { completedAt: null, missedAt: null, cancelledAt: null };
const stored = (fields: Partial<StoredFollowUpState>): StoredFollowUpState => ({
  status: 'SCHEDULED',
  ...none,
  ...fields,
});

describe('derivedStatus', () => {
  it('is the state whose instant the row gives, else SCHEDULED', () => {
    expect(derivedStatus(none)).toBe('SCHEDULED');
    expect(derivedStatus({ ...none, completedAt: at('2026-03-01T10:00:00Z') })).toBe('COMPLETED');
    expect(derivedStatus({ ...none, missedAt: at('2026-03-01T10:00:00Z') })).toBe('MISSED');
    expect(derivedStatus({ ...none, cancelledAt: at('2026-03-01T10:00:00Z') })).toBe('CANCELLED');
  });
});

describe('planImportedState', () => {
  it('derives COMPLETED from a completion time', () => {
    const completedAt = at('2026-03-01T10:00:00Z');
    expect(planImportedState({ status: null, ...none, completedAt }, null)).toEqual({
      ok: true,
      status: 'COMPLETED',
      times: { ...none, completedAt },
    });
  });

  it.each([
    ['COMPLETED', {}, 'completedAt', /needs completedAt/],
    ['MISSED', {}, 'missedAt', /needs missedAt/],
    ['CANCELLED', {}, 'cancelledAt', /needs cancelledAt/],
    ['SCHEDULED', { completedAt: at('2026-03-01T10:00:00Z') }, 'completedAt', /not allowed/],
    [
      'MISSED',
      { missedAt: at('2026-03-01T10:00:00Z'), completedAt: at('2026-03-02T10:00:00Z') },
      'completedAt',
      /not allowed for a MISSED/,
    ],
    [
      'CANCELLED',
      { cancelledAt: at('2026-03-01T10:00:00Z'), missedAt: at('2026-03-01T09:00:00Z') },
      'missedAt',
      /not allowed/,
    ],
  ] as const)('rejects an inconsistent %s row %j naming %s', (status, times, field, reason) => {
    const plan = planImportedState({ status, ...none, ...times }, null);
    expect(plan).toMatchObject({ ok: false, field });
    expect(plan.ok === false && plan.reason).toMatch(reason);
  });

  it('accepts a late visit (missed, then completed after the miss) and refuses one before it', () => {
    const missedAt = at('2026-03-08T00:00:00Z');
    const late = planImportedState(
      { status: 'COMPLETED', ...none, missedAt, completedAt: at('2026-03-20T00:00:00Z') },
      null,
    );
    expect(late).toMatchObject({ ok: true, status: 'COMPLETED' });
    const backwards = planImportedState(
      { status: 'COMPLETED', ...none, missedAt, completedAt: at('2026-03-07T23:59:59Z') },
      null,
    );
    expect(backwards).toMatchObject({ ok: false, field: 'completedAt' });
  });

  it('keeps the stored miss when a missed visit is completed late by an import', () => {
    const missedAt = at('2026-03-08T00:00:00Z');
    const completedAt = at('2026-03-20T00:00:00Z');
    const plan = planImportedState(
      { status: null, ...none, completedAt },
      stored({ status: 'MISSED', missedAt }),
    );
    expect(plan).toEqual({
      ok: true,
      status: 'COMPLETED',
      times: { ...none, completedAt, missedAt },
    });
  });

  it('moves a stored follow-up forward or corrects it, never back', () => {
    const completedAt = at('2026-03-20T00:00:00Z');
    const completed = stored({ status: 'COMPLETED', completedAt });
    expect(planImportedState({ status: null, ...none }, completed)).toMatchObject({
      ok: false,
      field: 'status',
      reason: 'the follow-up is COMPLETED; an import cannot make it SCHEDULED',
    });
    const corrected = at('2026-03-21T00:00:00Z');
    expect(
      planImportedState({ status: null, ...none, completedAt: corrected }, completed),
    ).toMatchObject({
      ok: true,
      status: 'COMPLETED',
    });
    expect(
      planImportedState(
        { status: 'CANCELLED', ...none, cancelledAt: completedAt },
        stored({ status: 'MISSED', missedAt: completedAt }),
      ),
    ).toMatchObject({ ok: false, field: 'status' });
    expect(
      planImportedState({ status: 'MISSED', ...none, missedAt: completedAt }, stored({})),
    ).toMatchObject({ ok: true, status: 'MISSED' });
  });
});
