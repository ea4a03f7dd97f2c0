import { exactSums, squareLimbs, squaresOfLimbs } from './exact-sums';
import { meanConfidenceInterval, meanIntervalOfSums, meanOfSums } from './statistics';

describe('exact sums', () => {
  it('splits a square into limbs of 2^16 powers', () => {
    expect(squareLimbs(0)).toEqual([]);
    expect(squareLimbs(5)).toEqual([25]);
    // 65 537 = 1 + 1·2^16: limbs 1·1, 1·1 + 1·1, 1·1 → 1 + 2·65 536 + 65 536² = 4 295 098 369
    expect(squareLimbs(65_537)).toEqual([1, 2, 1]);
    expect(squaresOfLimbs([1, 2, 1])).toBe(4_295_098_369n);
    expect(() => squareLimbs(1.5)).toThrow(RangeError);
  });

  it('adds limbs of many values to their exact sum of squares, past 2^53', () => {
    // 210 and 300 minutes in milliseconds: 12 600 000² + 18 000 000² = 158 760 000 000 000 +
    // 324 000 000 000 000 = 482 760 000 000 000; and a year (31 536 000 000 ms) squared is
    // 994 519 296 000 000 000 000, far past 2^53.
    const values = [12_600_000, 18_000_000, 31_536_000_000];
    const limbs: number[] = [];
    for (const value of values)
      squareLimbs(value).forEach((limb, k) => (limbs[k] = (limbs[k] ?? 0) + limb));
    expect(squaresOfLimbs(limbs)).toBe(482_760_000_000_000n + 994_519_296_000_000_000_000n);
    expect(exactSums(values)).toEqual({
      n: 3,
      sum: 31_566_600_000,
      squares: 994_519_778_760_000_000_000n,
    });
  });
});

describe('mean and t-interval from exact sums', () => {
  it('equals the interval of the values themselves', () => {
    // 2, 4, 6: Σx = 12, Σx² = 56; variance (3·56 − 144) ÷ (3·2) = 4, as Σ(x − 4)² ÷ 2 = 8 ÷ 2
    const sums = exactSums([2, 4, 6]);
    expect(sums).toEqual({ n: 3, sum: 12, squares: 56n });
    expect(meanOfSums(sums, 1)).toBe(4);
    expect(meanIntervalOfSums(sums, 1)).toEqual(meanConfidenceInterval([2, 4, 6]));
    // t(0.975, 2) = 4.302653; half-width 4.302653 · 2 ÷ √3 = 4.968
    expect(meanIntervalOfSums(sums, 1)!.high).toBeCloseTo(8.968, 3);
  });

  it('works in milliseconds for minutes (scale 60 000)', () => {
    // 210 and 300 minutes: mean 255; variance (45² + 45²) ÷ 1 = 4 050; t(0.975, 1) = 12.7062;
    // half-width 12.7062 · √4 050 ÷ √2 = 12.7062 · 45 = 571.78
    const sums = exactSums([12_600_000, 18_000_000]);
    expect(meanOfSums(sums, 60_000)).toBe(255);
    const interval = meanIntervalOfSums(sums, 60_000)!;
    expect(interval.low).toBeCloseTo(255 - 571.78, 1);
    expect(interval.high).toBeCloseTo(255 + 571.78, 1);
    expect(meanIntervalOfSums(exactSums([12_600_000]), 60_000)).toBeNull();
    expect(meanOfSums(exactSums([]), 60_000)).toBeNull();
  });
});
