import fc from 'fast-check';
import { parsePeriod } from '../../shared/period';
import {
  type CompletedFollowUp,
  type CoverageAccount,
  coverageForPeriod,
  coverageFromVisits,
  coverageSpans,
  isActiveDuring,
  isFollowUpOverdue,
  isPostActivationCompliant,
  isPostRepairCompliant,
  quarterlyCoverage,
  visitedDuring,
} from './follow-up-rules';

const at = (iso: string): Date => new Date(iso);

// Asia/Shanghai (UTC+8) quarters of 2026, as UTC instants:
//   Q1 [2025-12-31T16:00Z, 2026-03-31T16:00Z)   Q2 [2026-03-31T16:00Z, 2026-06-30T16:00Z)
//   Q3 [2026-06-30T16:00Z, 2026-09-30T16:00Z)   Q4 [2026-09-30T16:00Z, 2026-12-31T16:00Z)
const accounts: CoverageAccount[] = [
  { id: 'A', createdAt: at('2025-06-01T00:00:00Z'), closedAt: null },
  { id: 'B', createdAt: at('2026-02-10T02:00:00Z'), closedAt: null },
  { id: 'C', createdAt: at('2025-01-01T00:00:00Z'), closedAt: at('2026-03-15T04:00:00Z') },
  // created at 00:00 on 1 July in Shanghai = the instant Q2 ends: not active in Q2
  { id: 'D', createdAt: at('2026-06-30T16:00:00Z'), closedAt: null },
];
const followUps: CompletedFollowUp[] = [
  { accountId: 'A', completedAt: at('2026-01-15T02:00:00Z') }, // Q1
  { accountId: 'A', completedAt: at('2026-05-01T02:00:00Z') }, // Q2
  { accountId: 'B', completedAt: at('2026-03-31T15:59:59Z') }, // 23:59:59 on 31 March: Q1
  { accountId: 'C', completedAt: at('2026-03-31T16:00:00Z') }, // Q2, but C closed in Q1
  { accountId: 'D', completedAt: at('2026-08-01T02:00:00Z') }, // Q3
  { accountId: 'Z', completedAt: at('2026-10-10T02:00:00Z') }, // unknown account
];

describe('isActiveDuring', () => {
  const q2 = parsePeriod('2026-Q2');

  it('needs creation strictly before the span ends', () => {
    expect(isActiveDuring({ createdAt: q2.end, closedAt: null }, q2)).toBe(false);
    const justBefore = new Date(q2.end.getTime() - 1);
    expect(isActiveDuring({ createdAt: justBefore, closedAt: null }, q2)).toBe(true);
  });

  it('keeps an account closed at the very start of the span, not one closed before', () => {
    const created = at('2025-01-01T00:00:00Z');
    expect(isActiveDuring({ createdAt: created, closedAt: q2.start }, q2)).toBe(true);
    const justBefore = new Date(q2.start.getTime() - 1);
    expect(isActiveDuring({ createdAt: created, closedAt: justBefore }, q2)).toBe(false);
  });
});

describe('quarterlyCoverage', () => {
  it('divides covered active accounts by active accounts', () => {
    // Q1: active A, B, C (C closed 15 March, after Q1 started) = 3; covered A (15 Jan), B (31 Mar
    // 23:59:59 local) = 2 → 2/3
    expect(quarterlyCoverage(accounts, followUps, parsePeriod('2026-Q1'))).toEqual({
      value: 2 / 3,
      numerator: 2,
      denominator: 3,
      sampleSize: 3,
    });
  });

  it('ignores follow-ups of accounts that are not active and of unknown accounts', () => {
    // Q2: active A, B = 2 (C closed before, D created at the end); C's visit does not count → 1/2
    expect(quarterlyCoverage(accounts, followUps, parsePeriod('2026-Q2'))).toMatchObject({
      value: 0.5,
      numerator: 1,
      denominator: 2,
    });
    // Q4: active A, B, D = 3; only the unknown account Z was visited → 0/3
    expect(quarterlyCoverage(accounts, followUps, parsePeriod('2026-Q4'))).toMatchObject({
      value: 0,
      numerator: 0,
      denominator: 3,
    });
  });

  it('has no value without active accounts', () => {
    expect(quarterlyCoverage([], followUps, parsePeriod('2026-Q1'))).toEqual({
      value: null,
      numerator: 0,
      denominator: 0,
      sampleSize: 0,
    });
  });
});

describe('coverageForPeriod', () => {
  it('gives a quarter its own coverage', () => {
    // Q3: active A, B, D = 3; covered D (1 Aug) → 1/3
    expect(coverageForPeriod(parsePeriod('2026-Q3'), accounts, followUps)).toMatchObject({
      value: 1 / 3,
      numerator: 1,
      denominator: 3,
    });
  });

  it('gives a month the coverage of its quarter up to the month end', () => {
    // 2026-02: [Q1 start, 2026-02-28T16:00Z): active A, B, C = 3; covered A only (B's visit is
    // on 31 March) → 1/3
    expect(coverageForPeriod(parsePeriod('2026-02'), accounts, followUps)).toEqual({
      value: 1 / 3,
      numerator: 1,
      denominator: 3,
      sampleSize: 3,
    });
    // 2026-04: [Q2 start, 2026-04-30T16:00Z): active A, B; A's visit is on 1 May → 0/2
    expect(coverageForPeriod(parsePeriod('2026-04'), accounts, followUps)).toMatchObject({
      value: 0,
      denominator: 2,
    });
    // 2026-05: the same quarter up to 31 May now includes A's visit → 1/2
    expect(coverageForPeriod(parsePeriod('2026-05'), accounts, followUps)).toMatchObject({
      value: 0.5,
      numerator: 1,
    });
  });

  it('gives a year the mean of its quarters, not the pooled ratio', () => {
    // quarters 2/3, 1/2, 1/3, 0 → (4/6 + 3/6 + 2/6 + 0) / 4 = (9/6) / 4 = 0.375
    // (pooled it would be (2 + 1 + 1 + 0) / (3 + 2 + 3 + 3) = 4/11 = 0.3636)
    expect(coverageForPeriod(parsePeriod('2026'), accounts, followUps)).toEqual({
      value: expect.closeTo(0.375, 12),
      numerator: null,
      denominator: null,
      sampleSize: 4,
    });
  });

  it('leaves quarters without active accounts out of the year', () => {
    // E exists from 1 Aug: Q1 and Q2 have no active account; Q3 1/1, Q4 0/1 → (1 + 0) / 2 = 0.5
    const late: CoverageAccount[] = [
      { id: 'E', createdAt: at('2026-08-01T00:00:00Z'), closedAt: null },
    ];
    const visits: CompletedFollowUp[] = [
      { accountId: 'E', completedAt: at('2026-09-01T00:00:00Z') },
    ];
    expect(coverageForPeriod(parsePeriod('2026'), late, visits)).toEqual({
      value: 0.5,
      numerator: null,
      denominator: null,
      sampleSize: 2,
    });
    expect(coverageForPeriod(parsePeriod('2026'), [], visits)).toMatchObject({
      value: null,
      sampleSize: 0,
    });
  });

  it("uses the period's own time zone", () => {
    // In New York Q1 ends 2026-04-01T04:00Z, so B's visit (2026-03-31T15:59:59Z) and C's
    // (16:00Z) both fall in Q1: active A, B, C, all visited → 3/3
    const q1 = parsePeriod('2026-Q1', 'America/New_York');
    expect(coverageForPeriod(q1, accounts, followUps).value).toBe(1);
  });

  it("equals the quarter's figure in the quarter's last month (property)", () => {
    const instant = fc
      .integer({ min: Date.parse('2025-10-01T00:00:00Z'), max: Date.parse('2026-05-01T00:00:00Z') })
      .map((ms) => new Date(ms));
    const account = fc.record({
      id: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
      createdAt: instant,
      closedAt: fc.option(instant, { nil: null }),
    });
    const visit = fc.record({
      accountId: fc.constantFrom('a', 'b', 'c', 'x'),
      completedAt: instant,
    });
    fc.assert(
      fc.property(
        fc.array(account, { maxLength: 8 }),
        fc.array(visit, { maxLength: 12 }),
        (as, vs) => {
          const month = coverageForPeriod(parsePeriod('2026-03'), as, vs);
          expect(month).toEqual(coverageForPeriod(parsePeriod('2026-Q1'), as, vs));
          if (month.value !== null) expect(month.value).toBeLessThanOrEqual(1);
        },
      ),
    );
  });
});

describe('coverage from the accounts visited per span', () => {
  it('measures a month over its quarter to date and a year over its quarters', () => {
    // 2026-02 in Shanghai: one span, 1 Jan 00:00 +08 (31 Dec 16:00Z) to 1 Mar 00:00 +08.
    expect(coverageSpans(parsePeriod('2026-02'))).toEqual([
      { start: at('2025-12-31T16:00:00Z'), end: at('2026-02-28T16:00:00Z') },
    ]);
    expect(coverageSpans(parsePeriod('2026')).map((span) => span.start)).toEqual([
      at('2025-12-31T16:00:00Z'),
      at('2026-03-31T16:00:00Z'),
      at('2026-06-30T16:00:00Z'),
      at('2026-09-30T16:00:00Z'),
    ]);
  });

  it('gives the same figures as the completions themselves', () => {
    // Visited A in Q1, none in Q2, D in Q3, none in Q4: the year's mean is
    // (1/3 + 0/2 + 1/3 + 0/3) / 4 = (2/3) / 4 = 1/6 (Q1 active A, B, C; Q2 A, B; Q3 and Q4
    // A, B, D).
    const visited = [new Set(['A']), new Set<string>(), new Set(['D']), new Set<string>()];
    const year = coverageFromVisits(parsePeriod('2026'), accounts, visited);
    const spans = coverageSpans(parsePeriod('2026'));
    expect(spans.map((span) => quarterlyCoverage(accounts, [], span).denominator)).toEqual([
      3, 2, 3, 3,
    ]);
    expect(year).toEqual({
      value: expect.closeTo(1 / 6, 12),
      numerator: null,
      denominator: null,
      sampleSize: 4,
    });
    for (const label of ['2026-Q1', '2026-02', '2026-05', '2026']) {
      const period = parsePeriod(label);
      const fromVisits = coverageSpans(period).map((span) => visitedDuring(followUps, span));
      expect(coverageFromVisits(period, accounts, fromVisits)).toEqual(
        coverageForPeriod(period, accounts, followUps),
      );
    }
  });
});

describe('post-activation and post-repair compliance', () => {
  const activatedAt = at('2026-03-01T02:00:00Z');

  it('accepts a follow-up exactly 7 days after activation, not one second later', () => {
    // 2026-03-01T02:00:00Z + 7 × 24 h = 2026-03-08T02:00:00Z
    expect(isPostActivationCompliant(activatedAt, [at('2026-03-08T02:00:00Z')])).toBe(true);
    expect(isPostActivationCompliant(activatedAt, [at('2026-03-08T02:00:01Z')])).toBe(false);
  });

  it('accepts a follow-up at the activation instant, not one before it', () => {
    expect(isPostActivationCompliant(activatedAt, [activatedAt])).toBe(true);
    expect(isPostActivationCompliant(activatedAt, [at('2026-03-01T01:59:59Z')])).toBe(false);
    expect(isPostActivationCompliant(activatedAt, [])).toBe(false);
  });

  it('is compliant when any one of several follow-ups is in the window', () => {
    const completions = [
      at('2026-02-20T00:00:00Z'),
      at('2026-03-04T09:00:00Z'),
      at('2026-04-01T00:00:00Z'),
    ];
    expect(isPostActivationCompliant(activatedAt, completions)).toBe(true);
  });

  it('counts days as 24 hours even across a DST change', () => {
    // Europe/Berlin moves to summer time on 29 March; 7 × 24 h after 2026-03-25T12:00Z is
    // 2026-04-01T12:00Z (14:00 local, one wall-clock hour later than the activation's 13:00)
    expect(
      isPostActivationCompliant(at('2026-03-25T12:00:00Z'), [at('2026-04-01T12:00:00Z')]),
    ).toBe(true);
    expect(
      isPostActivationCompliant(at('2026-03-25T12:00:00Z'), [at('2026-04-01T12:00:01Z')]),
    ).toBe(false);
  });

  it('accepts a follow-up exactly 3 days after closure, not one second later', () => {
    // 2026-03-01T02:00:00Z + 3 × 24 h = 2026-03-04T02:00:00Z
    const closedAt = at('2026-03-01T02:00:00Z');
    expect(isPostRepairCompliant(closedAt, [at('2026-03-04T02:00:00Z')])).toBe(true);
    expect(isPostRepairCompliant(closedAt, [at('2026-03-04T02:00:01Z')])).toBe(false);
    // a follow-up 5 days later would satisfy the 7-day rule but not the 3-day one
    expect(isPostRepairCompliant(closedAt, [at('2026-03-06T02:00:00Z')])).toBe(false);
  });
});

describe('isFollowUpOverdue', () => {
  const dueAt = at('2026-03-10T08:00:00Z');

  it('is overdue when still scheduled after its due time', () => {
    expect(isFollowUpOverdue({ status: 'SCHEDULED', dueAt, now: at('2026-03-10T08:00:01Z') })).toBe(
      true,
    );
  });

  it('is not overdue at the due time itself', () => {
    expect(isFollowUpOverdue({ status: 'SCHEDULED', dueAt, now: dueAt })).toBe(false);
  });

  it('is never overdue once completed or cancelled', () => {
    const now = at('2026-04-01T00:00:00Z');
    expect(isFollowUpOverdue({ status: 'COMPLETED', dueAt, now })).toBe(false);
    expect(isFollowUpOverdue({ status: 'CANCELLED', dueAt, now })).toBe(false);
  });
});
