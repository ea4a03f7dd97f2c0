import fc from 'fast-check';
import {
  compareNumbers,
  mean,
  meanConfidenceInterval,
  meanIntervalOfCounts,
  meanOfCounts,
  percentile,
  round,
  wilsonInterval,
} from './statistics';

describe('mean', () => {
  it('is null for no values', () => {
    expect(mean([])).toBeNull();
  });

  it('averages the values', () => {
    // (1 + 2 + 3 + 4) / 4 = 10 / 4 = 2.5
    expect(mean([1, 2, 3, 4])).toBe(2.5);
  });
});

describe('wilsonInterval', () => {
  it('computes 8 successes out of 10 by hand', () => {
    // p̂ = 0.8, z = 1.959964, z² = 3.841459
    // d      = 1 + z²/n = 1 + 0.3841459 = 1.3841459
    // centre = (p̂ + z²/2n) / d = (0.8 + 0.1920729) / 1.3841459 = 0.7167402
    // half   = z/d · √(p̂(1−p̂)/n + z²/4n²) = 1.4160106 · √(0.016 + 0.0096036)
    //        = 1.4160106 · 0.1600114 = 0.2265777
    // low = 0.7167402 − 0.2265777 = 0.4901625; high = 0.7167402 + 0.2265777 = 0.9433179
    const interval = wilsonInterval(8, 10);
    expect(interval?.low).toBeCloseTo(0.4901625, 6);
    expect(interval?.high).toBeCloseTo(0.9433178, 6);
  });

  it('is null when there is no sample', () => {
    expect(wilsonInterval(0, 0)).toBeNull();
  });

  it('pins the bound at 0 or 1 when every or no answer is a success', () => {
    // 0/5: high = (z²/2n)·2/d = 2·0.3841459 / (1 + 0.7682918) = 0.7682918 / 1.7682918 = 0.4344825
    expect(wilsonInterval(0, 5)).toEqual({ low: 0, high: expect.closeTo(0.4344825, 6) });
    // 5/5 mirrors 0/5: low = 1 − 0.4344825 = 0.5655175
    expect(wilsonInterval(5, 5)).toEqual({ low: expect.closeTo(0.5655175, 6), high: 1 });
  });

  it('gives exactly 0 and 1 at the extremes for every sample size up to 2000', () => {
    // computing centre ∓ half at p̂ = 0 or 1 leaves rounding noise (e.g. 1e-17) for many n
    for (let n = 1; n <= 2000; n += 1) {
      expect(wilsonInterval(0, n)?.low).toBe(0);
      expect(wilsonInterval(n, n)?.high).toBe(1);
    }
  });

  it('uses the given z', () => {
    // z = 1: d = 1.1; centre = (0.5 + 0.05)/1.1 = 0.5; half = (1/1.1)·√(0.025 + 0.0025) = 0.1507557
    const interval = wilsonInterval(5, 10, 1);
    expect(interval?.low).toBeCloseTo(0.3492443, 6);
    expect(interval?.high).toBeCloseTo(0.6507557, 6);
  });

  it.each([
    [11, 10],
    [-1, 10],
    [1.5, 10],
  ])('rejects %d successes out of %d', (successes, n) => {
    expect(() => wilsonInterval(successes, n)).toThrow(RangeError);
  });

  it('stays within [0, 1] and contains p̂ (property)', () => {
    const samples = fc
      .integer({ min: 1, max: 5000 })
      .chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n)));
    fc.assert(
      fc.property(samples, ([successes, n]) => {
        const interval = wilsonInterval(successes, n);
        const p = successes / n;
        expect(interval).not.toBeNull();
        if (!interval) return;
        expect(interval.low).toBeGreaterThanOrEqual(0);
        expect(interval.low).toBeLessThanOrEqual(p);
        expect(interval.high).toBeGreaterThanOrEqual(p);
        expect(interval.high).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe('meanConfidenceInterval', () => {
  it('computes a small sample by hand', () => {
    // values 2, 4, 6: mean 4; s² = ((−2)² + 0² + 2²) / (3 − 1) = 8 / 2 = 4; s = 2
    // se = 2 / √3 = 1.1547005; t₀.₉₇₅,₂ = 4.3026527; half = 4.3026527 · 1.1547005 = 4.9682754
    // → [4 − 4.9682754, 4 + 4.9682754] = [−0.9682754, 8.9682754]
    const interval = meanConfidenceInterval([2, 4, 6]);
    expect(interval?.low).toBeCloseTo(-0.9682754, 6);
    expect(interval?.high).toBeCloseTo(8.9682754, 6);
  });

  it('uses the requested confidence', () => {
    // 90 %: t₀.₉₅,₂ = 2.9199856; half = 2.9199856 · 1.1547005 = 3.3717089
    const interval = meanConfidenceInterval([2, 4, 6], 0.9);
    expect(interval?.low).toBeCloseTo(0.6282911, 6);
    expect(interval?.high).toBeCloseTo(7.3717089, 6);
  });

  it('needs at least two values', () => {
    expect(meanConfidenceInterval([])).toBeNull();
    expect(meanConfidenceInterval([7])).toBeNull();
  });

  it('collapses to the mean when there is no spread', () => {
    expect(meanConfidenceInterval([8, 8, 8, 8])).toEqual({ low: 8, high: 8 });
  });

  it('rejects a confidence outside (0, 1)', () => {
    expect(() => meanConfidenceInterval([1, 2], 95)).toThrow(RangeError);
    expect(() => meanConfidenceInterval([1, 2], 0)).toThrow(RangeError);
  });

  it('is centred on the mean and contains it (property)', () => {
    const samples = fc.array(fc.integer({ min: 1, max: 10 }), { minLength: 2, maxLength: 200 });
    fc.assert(
      fc.property(samples, (values) => {
        const interval = meanConfidenceInterval(values);
        const centre = mean(values) ?? Number.NaN;
        expect(interval).not.toBeNull();
        if (!interval) return;
        expect(interval.low).toBeLessThanOrEqual(centre + 1e-9);
        expect(interval.high).toBeGreaterThanOrEqual(centre - 1e-9);
        expect((interval.low + interval.high) / 2).toBeCloseTo(centre, 9);
      }),
    );
  });
});

describe('mean and interval of counted values', () => {
  it('computes values given by their counts by hand', () => {
    // 2 twice and 5 once: mean (2 + 2 + 5) / 3 = 3; s² = ((−1)² + (−1)² + 2²) / 2 = 3; se = 1;
    // t₀.₉₇₅,₂ = 4.3026527 → [3 − 4.3026527, 3 + 4.3026527]
    const counts = [[2, 2] as const, [5, 1] as const];
    expect(meanOfCounts(counts)).toBe(3);
    const interval = meanIntervalOfCounts(counts);
    expect(interval?.low).toBeCloseTo(-1.3026527, 6);
    expect(interval?.high).toBeCloseTo(7.3026527, 6);
    expect(meanOfCounts([])).toBeNull();
    expect(meanIntervalOfCounts([[7, 1]])).toBeNull();
  });

  it('is the mean and interval of the values listed, to the bit (property)', () => {
    const counted = fc.array(
      fc.tuple(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.integer({ min: 1, max: 5 })),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(counted, (counts) => {
        const values = counts.flatMap(([x, n]) => Array<number>(n).fill(x));
        expect(meanOfCounts(counts)).toBe(mean(values));
        expect(meanIntervalOfCounts(counts)).toEqual(meanConfidenceInterval(values));
      }),
    );
  });
});

describe('percentile (nearest rank)', () => {
  const oneToTen = [10, 3, 1, 7, 2, 9, 4, 8, 6, 5];

  it('p90 of 1..10 is the 9th smallest value', () => {
    // rank = ⌈90 · 10 / 100⌉ = ⌈9⌉ = 9 → 9
    expect(percentile(oneToTen, 90)).toBe(9);
  });

  it('rounds the rank up', () => {
    // p91: ⌈9.1⌉ = 10 → 10; p50 of 5 values: ⌈2.5⌉ = 3 → 3rd smallest of 1..5 = 3
    expect(percentile(oneToTen, 91)).toBe(10);
    expect(percentile([5, 1, 3, 2, 4], 50)).toBe(3);
  });

  it('does not push an exact rank up through float error', () => {
    // p7 of 1..100: rank = 7 · 100 / 100 = 7 → 7 (7/100·100 = 7.000000000000001 would give 8)
    const oneToHundred = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(oneToHundred, 7)).toBe(7);
  });

  it('returns the smallest value for p0 and the largest for p100', () => {
    expect(percentile(oneToTen, 0)).toBe(1);
    expect(percentile(oneToTen, 100)).toBe(10);
  });

  it('is null for no values and rejects p outside 0–100', () => {
    expect(percentile([], 90)).toBeNull();
    expect(() => percentile(oneToTen, 0.9 * 1000)).toThrow(RangeError);
    expect(() => percentile(oneToTen, -1)).toThrow(RangeError);
  });

  it('returns an observed value with at least p % of values at or below it (property)', () => {
    const values = fc.array(fc.integer({ min: -1000, max: 1000 }), {
      minLength: 1,
      maxLength: 100,
    });
    const ps = fc.integer({ min: 1, max: 100 });
    fc.assert(
      fc.property(values, ps, (xs, p) => {
        const result = percentile(xs, p) ?? Number.NaN;
        expect(xs).toContain(result);
        expect(xs.filter((x) => x <= result).length * 100).toBeGreaterThanOrEqual(p * xs.length);
        expect(xs.filter((x) => x < result).length * 100).toBeLessThan(p * xs.length);
      }),
    );
  });
});

describe('round', () => {
  it.each([
    [75.92592592, 2, 75.93],
    [1.005, 2, 1.01],
    [2.345, 2, 2.35],
    [-2.5, 0, -3],
    [-1.005, 2, -1.01],
    [123.456, 0, 123],
    [0.0000001, 2, 0],
    [1e21, 2, 1e21],
  ])('round(%d, %d) = %d', (value, places, expected) => {
    expect(round(value, places)).toBe(expected);
  });

  it('rejects negative or fractional places', () => {
    expect(() => round(1, -1)).toThrow(RangeError);
    expect(() => round(1, 1.5)).toThrow(RangeError);
  });
});

describe('compareNumbers', () => {
  it('treats float noise as equal', () => {
    // (7.2 + 7.4 + 7.6) / 3 evaluates to 7.400000000000001 in binary floating point
    expect(compareNumbers(7.4, (7.2 + 7.4 + 7.6) / 3)).toBe(0);
  });

  it('orders real differences', () => {
    expect(compareNumbers(1, 1.000001)).toBe(-1);
    expect(compareNumbers(1.000001, 1)).toBe(1);
  });
});
