import {
  canApply,
  complaintFigures,
  DEFAULT_COMPLAINT_TARGETS,
  finalResolution,
  firstContactOutcome,
  handlingIntervals,
  isRepeatComplaint,
  resolutionMinutes,
  type ComplaintEvent,
  type MeasuredComplaint,
} from './complaint-rules';

const at = (iso: string) => new Date(`2026-03-${iso}Z`);
const event = (status: ComplaintEvent['status'], iso: string): ComplaintEvent => ({
  status,
  at: at(iso),
});

function complaint(
  accountId: string,
  category: string,
  history: ComplaintEvent[],
): MeasuredComplaint {
  const contact = history.find((e) => e.status === 'CONTACTED');
  return {
    accountId,
    category,
    receivedAt: history[0]!.at,
    firstContactedAt: contact?.at ?? null,
    history,
    targets: DEFAULT_COMPLAINT_TARGETS, // 120 min first contact, 2880 min resolution
    clock: { kind: 'TWENTY_FOUR_SEVEN' },
  };
}

// March 2026 on a 24 × 7 clock, measured at the month's end.
const ASOF = new Date('2026-04-01T00:00:00Z');
const c1 = complaint('X', 'BILLING', [
  event('RECEIVED', '01T00:00:00'),
  event('CONTACTED', '01T01:30:00'), // 90 min ≤ 120: met
  event('RESOLVED', '02T00:00:00'), // 1440 min ≤ 2880: within
]);
const c2 = complaint('X', 'REPAIR', [
  event('RECEIVED', '03T00:00:00'),
  event('CONTACTED', '03T03:00:00'), // 180 min: missed
  event('RESOLVED', '06T00:00:00'), // 3 days = 4320 min: outside
]);
const c3 = complaint('Y', 'BILLING', [
  event('RECEIVED', '10T00:00:00'),
  event('CONTACTED', '10T01:00:00'), // 60 min: met
  event('RESOLVED', '11T00:00:00'), // 1440 min
  event('REOPENED', '15T00:00:00'),
  event('RESOLVED', '16T12:00:00'), // + 2160 min
]);
const c4 = complaint('Z', 'OTHER', [event('RECEIVED', '31T23:00:00')]); // 60 min, no contact yet
const c5 = complaint('X', 'BILLING', [event('RECEIVED', '20T00:00:00')]); // never contacted

describe('complaint rules', () => {
  it('resumes the resolution clock at a reopening', () => {
    // 1440 (10th → 11th) + 2160 (15th 00:00 → 16th 12:00) = 3600 min > 2880; counted from
    // receipt to the final resolution it would be 6.5 days = 9360 min.
    expect(handlingIntervals(c3.history)).toHaveLength(2);
    expect(resolutionMinutes(c3)).toBe(1440 + 2160);
    expect(finalResolution(c3.history)).toEqual(at('16T12:00:00'));
    const reopened = { ...c3, history: c3.history.slice(0, 4) };
    expect(resolutionMinutes(reopened)).toBeNull(); // open again: not resolved
  });

  it('judges first contact: met, missed, missed without contact, pending', () => {
    expect(firstContactOutcome(c1, ASOF)).toBe('MET');
    expect(firstContactOutcome(c2, ASOF)).toBe('MISSED');
    expect(firstContactOutcome(c5, ASOF)).toBe('MISSED'); // 12 days without contact
    expect(firstContactOutcome(c4, ASOF)).toBe('PENDING'); // 60 min so far
  });

  it('recognises a repeat: same account and category within 30 days after resolution', () => {
    const all = [c1, c2, c3, c4, c5];
    // c5: account X, BILLING, received 18 days after c1 was resolved (2nd → 20th)
    expect(isRepeatComplaint(c5, all)).toBe(true);
    expect(isRepeatComplaint(c2, all)).toBe(false); // X but REPAIR
    expect(isRepeatComplaint(c3, all)).toBe(false); // BILLING but account Y
    const late = complaint('X', 'BILLING', [
      { status: 'RECEIVED', at: new Date('2026-04-02T00:00:01Z') }, // 31 days after the 2nd
    ]);
    expect(isRepeatComplaint(late, [c1])).toBe(false);
  });

  it('computes the scorecard figures', () => {
    const figures = complaintFigures({
      received: [c1, c2, c3, c4, c5],
      resolved: [c1, c2, c3],
      activeAccounts: 40,
      asOf: ASOF,
    });
    // first contact: met c1, c3; missed c2, c5; c4 pending (left out) → 2 / 4
    expect(figures.complaintFirstContactRate).toMatchObject({
      value: 0.5,
      numerator: 2,
      denominator: 4,
    });
    // resolution: c1 1440 ≤ 2880; c2 4320 and c3 3600 (reopened) over → 1 / 3
    expect(figures.complaintResolutionRate).toMatchObject({ numerator: 1, denominator: 3 });
    expect(figures.complaintResolutionRate.value).toBeCloseTo(1 / 3, 12);
    // 5 received ÷ 40 active accounts × 100 = 12.5
    expect(figures.complaintsPer100Accounts).toMatchObject({ value: 12.5, numerator: 5 });
  });

  it('allows only the lifecycle received → contacted → resolved → confirmed, and reopen', () => {
    expect(canApply('contact', 'RECEIVED')).toBe(true);
    expect(canApply('resolve', 'RECEIVED')).toBe(false);
    expect(canApply('confirm', 'RESOLVED')).toBe(true);
    expect(canApply('reopen', 'CONFIRMED')).toBe(true);
    expect(canApply('reopen', 'CONTACTED')).toBe(false);
    expect(canApply('resolve', 'REOPENED')).toBe(true);
  });
});
