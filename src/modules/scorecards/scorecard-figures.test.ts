import { responseInputsOf } from './response-tallies';
import {
  latenessSums,
  scorecardFigures,
  ticketTallies,
  type ScorecardInputs,
} from './scorecard-figures';

const noAttributes = { attributes: [] };

// A branch's quarter, small enough to work out every figure by hand.
const inputs: ScorecardInputs = {
  responses: responseInputsOf([
    { cs1: 10, cs2: 9, cs3: 9, nps: 10, ...noAttributes },
    { cs1: 8, cs2: 8, cs3: 7, nps: 6, ...noAttributes },
    { cs1: 7, cs2: 6, cs3: 6, nps: null, ...noAttributes },
  ]),
  activationLateness: latenessSums([0, 0, 0, 120]),
  overdueActivations: 2,
  tickets: ticketTallies([
    {
      severity: 'CRITICAL',
      repairDurationMinutes: 210,
      withinSla: true,
      isRepeat: false,
      acknowledgementMinutes: 10,
    },
    {
      severity: 'CRITICAL',
      repairDurationMinutes: 300,
      withinSla: false,
      isRepeat: true,
      acknowledgementMinutes: 20,
    },
    {
      severity: 'MAJOR',
      repairDurationMinutes: 400,
      withinSla: true,
      isRepeat: false,
      acknowledgementMinutes: null,
    },
  ]),
  followUpCoverage: { value: 0.8, numerator: 8, denominator: 10, sampleSize: 10 },
  postActivation: { compliant: 3, total: 4 },
  postRepair: { compliant: 1, total: 2 },
};

describe('scorecardFigures', () => {
  const card = scorecardFigures(inputs);

  it('computes the satisfaction figures', () => {
    // CS1 mean 25/3 = 8.3333, CS2 23/3 = 7.6667, CS3 22/3 = 7.3333
    // index = (0.4·8.3333 + 0.3·7.6667 + 0.3·7.3333 − 1) ÷ 9 × 100 = (3.3333 + 2.3 + 2.2 − 1) ÷ 9 × 100 = 75.93
    expect(card.satisfactionIndex.value).toBeCloseTo(75.9259, 3);
    expect(card.satisfactionIndex.sampleSize).toBe(3);
    expect(card.responses).toBe(3);
    expect(card.topBoxShare).toMatchObject({ value: 1 / 3, numerator: 1, denominator: 3 }); // one CS1 = 10
    expect(card.top3BoxShare).toMatchObject({ value: 2 / 3, numerator: 2, denominator: 3 }); // 10 and 8
    // NPS over the two who answered: 1 promoter (10) − 1 detractor (6) = 0
    expect(card.nps).toMatchObject({ value: 0, sampleSize: 2 });
  });

  it('computes activation figures from lateness (0 = on time)', () => {
    expect(card.activationOnTimeRate).toMatchObject({ value: 0.75, numerator: 3, denominator: 4 }); // 3 of 4
    expect(card.activationLatenessMinutes.value).toBe(30); // (0 + 0 + 0 + 120) ÷ 4
    expect(card.overdueActivations).toBe(2);
  });

  it('keeps lateness as exact sums of milliseconds, the interval from them', () => {
    // 0, 30 and 90 minutes: 0, 1 800 000 and 5 400 000 ms; one on time.
    // Σ = 7 200 000; Σx² = 1.8e6² + 5.4e6² = 3.24e12 + 2.916e13 = 3.24e13.
    const sums = latenessSums([0, 30, 90]);
    expect(sums).toEqual({ n: 3, sum: 7_200_000, squares: 32_400_000_000_000n, onTime: 1 });
    // Not a number ≥ 0 (never stored by the service): counted as on time, 0 ms.
    expect(latenessSums([null, -5])).toEqual({ n: 2, sum: 0, squares: 0n, onTime: 2 });
    const figure = scorecardFigures({
      ...inputs,
      activationLateness: sums,
    }).activationLatenessMinutes;
    // Mean 7 200 000 ÷ (3 · 60 000) = 40; variance (3 · 3.24e13 − 7.2e6²) ÷ (3 · 2) ÷ 60 000²
    // = 4.536e13 ÷ 6 ÷ 3.6e9 = 2 100 (as (40² + 10² + 50²) ÷ 2); t(0.975, 2) = 4.3027:
    // 40 ± 4.3027 · √(2 100 ÷ 3) = 40 ± 113.84, clamped at 0 below.
    expect(figure.value).toBe(40);
    expect(figure.low).toBe(0);
    expect(figure.high).toBeCloseTo(153.84, 2);
  });

  it('keeps acknowledgement times as exact sums of milliseconds, the interval from them', () => {
    // The fixture's tickets: acknowledged after 10 and 20 minutes (600 000 and 1 200 000 ms),
    // one not acknowledged (not counted). Σ = 1 800 000; Σx² = 3.6e11 + 1.44e12 = 1.8e12.
    expect(inputs.tickets.acknowledgements).toEqual({
      n: 2,
      sum: 1_800_000,
      squares: 1_800_000_000_000n,
    });
    // Not a number ≥ 0 (never stored by the service): not counted, as not acknowledged.
    const odd = {
      severity: 'MINOR' as const,
      repairDurationMinutes: 5,
      withinSla: true,
      isRepeat: false,
    };
    expect(
      ticketTallies([
        { ...odd, acknowledgementMinutes: -5 },
        { ...odd, acknowledgementMinutes: Number.NaN },
        { ...odd, acknowledgementMinutes: 0.5 },
      ]).acknowledgements,
    ).toEqual({ n: 1, sum: 30_000, squares: 900_000_000n }); // 0.5 min = 30 000 ms
    // Mean 1 800 000 ÷ (2 · 60 000) = 15; variance (2 · 1.8e12 − 1.8e6²) ÷ (2 · 1) ÷ 60 000²
    // = 3.6e11 ÷ 2 ÷ 3.6e9 = 50 (as (5² + 5²) ÷ 1); t(0.975, 1) = 12.7062:
    // 15 ± 12.7062 · √(50 ÷ 2) = 15 ± 63.531, clamped at 0 below.
    const figure = card.acknowledgementMinutes;
    expect(figure).toMatchObject({ value: 15, sampleSize: 2, low: 0 });
    expect(figure.high).toBeCloseTo(78.531, 3);
  });

  it('computes repair figures per tier and overall', () => {
    expect(card.faultWithinSlaRate).toMatchObject({ value: 2 / 3, numerator: 2, denominator: 3 });
    const [critical, major, minor] = card.tiers;
    expect(critical).toMatchObject({ severity: 'CRITICAL', tickets: 2 });
    expect(critical!.withinSlaRate.value).toBe(0.5); // 1 of 2
    expect(critical!.mttrMinutes.value).toBe(255); // (210 + 300) ÷ 2
    expect(critical!.p90Minutes.value).toBe(300); // nearest rank ⌈0.9 × 2⌉ = 2nd of [210, 300]
    expect(critical!.repeatRate.value).toBe(0.5);
    expect(major).toMatchObject({ severity: 'MAJOR', tickets: 1 });
    expect(major!.mttrMinutes.value).toBe(400);
    expect(minor).toMatchObject({ severity: 'MINOR', tickets: 0 });
    expect(minor!.withinSlaRate.value).toBeNull(); // no data is not 0
    expect(card.acknowledgementMinutes).toMatchObject({ value: 15, sampleSize: 2 }); // (10 + 20) ÷ 2
  });

  it('computes follow-up compliance', () => {
    expect(card.followUpCoverage).toMatchObject({ value: 0.8, numerator: 8, denominator: 10 });
    expect(card.postActivationFollowUpRate.value).toBe(0.75); // 3 of 4
    expect(card.postRepairFollowUpRate.value).toBe(0.5); // 1 of 2
  });

  it('weighs the composite 40/20/25/15', () => {
    // 0.40·75.9259 + 0.20·75 + 0.25·66.6667 + 0.15·80 = 30.3704 + 15 + 16.6667 + 12 = 74.0370
    expect(card.compositeScore.value).toBeCloseTo(74.037, 3);
    expect(card.compositeScore.sampleSize).toBe(4);
  });

  it('rescales the composite over the components with data', () => {
    const partial = scorecardFigures({
      ...inputs,
      activationLateness: latenessSums([]),
      tickets: ticketTallies([]),
    });
    // (0.40·75.9259 + 0.15·80) ÷ (0.40 + 0.15) = 42.3704 ÷ 0.55 = 77.0370
    expect(partial.compositeScore.value).toBeCloseTo(77.037, 3);
    expect(partial.compositeScore.sampleSize).toBe(2);
    expect(partial.activationOnTimeRate.value).toBeNull();
  });
});
