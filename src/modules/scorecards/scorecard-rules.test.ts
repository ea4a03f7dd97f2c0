import fc from 'fast-check';
import {
  compositeInterval,
  compositeScore,
  DEFAULT_COMPOSITE_WEIGHTS,
  INSUFFICIENT_SAMPLE_RESPONSES,
  rankBranches,
  type RankingRow,
  targetDifference,
} from './scorecard-rules';

describe('compositeScore', () => {
  const all = {
    satisfactionIndex: 75.93,
    activationOnTimeRate: 0.9,
    faultWithinSlaRate: 0.8,
    followUpCoverage: 0.5,
  };

  it('weighs all four components with the default weights', () => {
    // 0.40·75.93 + 0.20·90 + 0.25·80 + 0.15·50 = 30.372 + 18 + 20 + 7.5 = 75.872 over weight 1
    const score = compositeScore(all);
    expect(score.value).toBeCloseTo(75.872, 9);
    expect(score.usedWeight).toBeCloseTo(1, 12);
  });

  it('rescales the remaining weights when a component is missing', () => {
    // no fault tickets: weights 0.40 + 0.20 + 0.15 = 0.75
    // (0.40·75.93 + 0.20·90 + 0.15·50) / 0.75 = (30.372 + 18 + 7.5) / 0.75 = 55.872 / 0.75 = 74.496
    const score = compositeScore({ ...all, faultWithinSlaRate: null });
    expect(score.value).toBeCloseTo(74.496, 9);
    expect(score.usedWeight).toBeCloseTo(0.75, 12);
  });

  it('is the component itself when only one is present', () => {
    // 0.40·62.5 / 0.40 = 62.5
    const onlySatisfaction = {
      satisfactionIndex: 62.5,
      activationOnTimeRate: null,
      faultWithinSlaRate: null,
      followUpCoverage: null,
    };
    expect(compositeScore(onlySatisfaction)).toEqual({ value: 62.5, usedWeight: 0.4 });
  });

  it('is null when every component is missing', () => {
    const none = {
      satisfactionIndex: null,
      activationOnTimeRate: null,
      faultWithinSlaRate: null,
      followUpCoverage: null,
    };
    expect(compositeScore(none)).toEqual({ value: null, usedWeight: 0 });
  });

  it('takes configured weights in any unit', () => {
    // percent weights 40/20/25/15 give the same value; usedWeight is 40 + 20 + 15 = 75
    const percent = {
      satisfactionIndex: 40,
      activationOnTimeRate: 20,
      faultWithinSlaRate: 25,
      followUpCoverage: 15,
    };
    const score = compositeScore({ ...all, faultWithinSlaRate: null }, percent);
    expect(score.value).toBeCloseTo(74.496, 9);
    expect(score.usedWeight).toBe(75);
    // satisfaction-only weights ignore the rates: 1·60 / 1 = 60
    const satisfactionOnly = {
      satisfactionIndex: 1,
      activationOnTimeRate: 0,
      faultWithinSlaRate: 0,
      followUpCoverage: 0,
    };
    expect(compositeScore({ ...all, satisfactionIndex: 60 }, satisfactionOnly)).toEqual({
      value: 60,
      usedWeight: 1,
    });
  });

  it('rejects a negative weight', () => {
    const weights = { ...DEFAULT_COMPOSITE_WEIGHTS, followUpCoverage: -0.15 };
    expect(() => compositeScore(all, weights)).toThrow(RangeError);
  });

  it('lies between the smallest and the largest present component (property)', () => {
    const rate = fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null });
    const components = fc.record({
      satisfactionIndex: fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: null }),
      activationOnTimeRate: rate,
      faultWithinSlaRate: rate,
      followUpCoverage: rate,
    });
    fc.assert(
      fc.property(components, (c) => {
        const present = [
          c.satisfactionIndex,
          ...[c.activationOnTimeRate, c.faultWithinSlaRate, c.followUpCoverage].map((r) =>
            r === null ? null : r * 100,
          ),
        ].filter((x): x is number => x !== null);
        const { value } = compositeScore(c);
        if (present.length === 0) {
          expect(value).toBeNull();
          return;
        }
        expect(value).not.toBeNull();
        expect(value ?? Number.NaN).toBeGreaterThanOrEqual(Math.min(...present) - 1e-9);
        expect(value ?? Number.NaN).toBeLessThanOrEqual(Math.max(...present) + 1e-9);
      }),
    );
  });
});

describe('rankBranches', () => {
  const rows: RankingRow[] = [
    { branchCode: 'B03', compositeScore: 80, topBoxShare: 0.3, responses: 20 },
    { branchCode: 'B04', compositeScore: 90, topBoxShare: 0.1, responses: 5 }, // insufficient
    { branchCode: 'B01', compositeScore: 80, topBoxShare: 0.3, responses: 15 },
    { branchCode: 'B05', compositeScore: null, topBoxShare: 0.9, responses: 30 },
    { branchCode: 'B02', compositeScore: 80, topBoxShare: 0.5, responses: 12 },
    { branchCode: 'B07', compositeScore: 60, topBoxShare: null, responses: 9 }, // insufficient
    { branchCode: 'B06', compositeScore: 70, topBoxShare: 0.2, responses: 10 }, // exactly 10: enough
  ];

  it('orders by composite, then top-box share, then code; insufficient samples last', () => {
    // sufficient: 80s first — B02 (top box 0.5) before B01 and B03 (0.3 each, by code) — then
    // B06 (70), then B05 (no composite); insufficient: B04 (90) before B07 (60)
    expect(rankBranches(rows).map((r) => [r.rank, r.branchCode, r.insufficientSample])).toEqual([
      [1, 'B02', false],
      [2, 'B01', false],
      [3, 'B03', false],
      [4, 'B06', false],
      [5, 'B05', false],
      [6, 'B04', true],
      [7, 'B07', true],
    ]);
  });

  it('keeps the rows’ other fields and does not reorder the input', () => {
    const extended = rows.map((r) => ({ ...r, branchName: `name of ${r.branchCode}` }));
    const ranked = rankBranches(extended);
    expect(ranked[0]).toMatchObject({
      branchCode: 'B02',
      branchName: 'name of B02',
      responses: 12,
    });
    expect(extended.map((r) => r.branchCode)).toEqual([
      'B03',
      'B04',
      'B01',
      'B05',
      'B02',
      'B07',
      'B06',
    ]);
    expect(extended[0]).not.toHaveProperty('rank');
  });

  it('treats composites equal up to float noise as tied', () => {
    // 0.1 + 0.2 evaluates to 0.30000000000000004 > 0.3, but the two are equal on paper: the
    // higher top-box share (0.4) decides
    const ranked = rankBranches([
      { branchCode: 'X1', compositeScore: 0.1 + 0.2, topBoxShare: 0.2, responses: 50 },
      { branchCode: 'X2', compositeScore: 0.3, topBoxShare: 0.4, responses: 50 },
    ]);
    expect(ranked.map((r) => r.branchCode)).toEqual(['X2', 'X1']);
  });

  it('gives distinct ranks 1..n independent of input order (property)', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(rows, { minLength: rows.length }), (shuffled) => {
        const ranked = rankBranches(shuffled);
        expect(ranked.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5, 6, 7]);
        expect(ranked.map((r) => r.branchCode)).toEqual([
          'B02',
          'B01',
          'B03',
          'B06',
          'B05',
          'B04',
          'B07',
        ]);
      }),
    );
  });

  it('puts every sufficient branch before every insufficient one (property)', () => {
    const row = fc.record({
      branchCode: fc.string({ minLength: 1, maxLength: 4 }),
      compositeScore: fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: null }),
      topBoxShare: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
      responses: fc.integer({ min: 0, max: 2 * INSUFFICIENT_SAMPLE_RESPONSES }),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 30 }), (input) => {
        const flags = rankBranches(input).map((r) => r.insufficientSample);
        expect(flags).toEqual([...flags].sort((a, b) => Number(a) - Number(b)));
        expect(flags.filter(Boolean).length).toBe(
          input.filter((r) => r.responses < INSUFFICIENT_SAMPLE_RESPONSES).length,
        );
      }),
    );
  });
});

describe('targetDifference', () => {
  it('is actual minus target', () => {
    // 75.93 − 80 = −4.07; 0.95 − 0.9 = 0.05
    expect(targetDifference(75.93, 80)).toBeCloseTo(-4.07, 12);
    expect(targetDifference(0.95, 0.9)).toBeCloseTo(0.05, 12);
  });

  it('is null without an actual or a target', () => {
    expect(targetDifference(null, 80)).toBeNull();
    expect(targetDifference(75, null)).toBeNull();
  });
});

describe('compositeInterval', () => {
  const values = {
    satisfactionIndex: 80,
    activationOnTimeRate: 0.5,
    faultWithinSlaRate: 0.75,
    followUpCoverage: 0.5,
  };
  const intervals = {
    satisfactionIndex: { low: 74, high: 86 }, // half-width 6 points
    activationOnTimeRate: { low: 0.1, high: 0.9 }, // half-width 40 points
    faultWithinSlaRate: { low: 0.65, high: 0.85 }, // half-width 10 points
    followUpCoverage: null, // averaged quarters: no interval
  };

  it('propagates the half-widths of the components with their weights', () => {
    // value 0.4·80 + 0.2·50 + 0.25·75 + 0.15·50 = 32 + 10 + 18.75 + 7.5 = 68.25
    // half √((0.4·6)² + (0.2·40)² + (0.25·10)²) = √(5.76 + 64 + 6.25) = √76.01 = 8.71837
    const interval = compositeInterval(values, intervals);
    expect(interval?.low).toBeCloseTo(68.25 - 8.71837, 4);
    expect(interval?.high).toBeCloseTo(68.25 + 8.71837, 4);
  });

  it('rescales the weights over the components with data', () => {
    // no tickets: W = 0.75, value (32 + 10 + 7.5) ÷ 0.75 = 66
    // half √((0.4 ÷ 0.75 · 6)² + (0.2 ÷ 0.75 · 40)²) = √(3.2² + 10.6667²) = √124.0178 = 11.13632
    const interval = compositeInterval({ ...values, faultWithinSlaRate: null }, intervals);
    expect(interval?.low).toBeCloseTo(66 - 11.13632, 4);
    expect(interval?.high).toBeCloseTo(66 + 11.13632, 4);
  });

  it('stays within 0–100 and is null without a composite', () => {
    const only = {
      satisfactionIndex: 98,
      activationOnTimeRate: null,
      faultWithinSlaRate: null,
      followUpCoverage: null,
    };
    // 98 ± 5 → [93, 103], cut at 100
    expect(
      compositeInterval(only, { ...intervals, satisfactionIndex: { low: 93, high: 103 } }),
    ).toEqual({ low: 93, high: 100 });
    const none = { ...only, satisfactionIndex: null };
    expect(compositeInterval(none, intervals)).toBeNull();
  });
});
