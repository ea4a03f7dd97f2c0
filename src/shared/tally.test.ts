import { percentile } from './statistics';
import { mergeTallies, tallyOf, tallyPercentile, tallySize, tallyValues } from './tally';

describe('tallies', () => {
  it('counts each exact value', () => {
    // 30 twice, 45 once, 12.5 once
    expect(tallyOf([30, 45, 30, 12.5])).toEqual({ '30': 2, '45': 1, '12.5': 1 });
    expect(tallySize(tallyOf([30, 45, 30, 12.5]))).toBe(4);
  });

  it('merges by adding counts, and drops values counted zero times', () => {
    // {30: 2, 45: 1} + {30: 1, 60: 4} = {30: 3, 45: 1, 60: 4}
    expect(mergeTallies({ '30': 2, '45': 1 }, { '30': 1, '60': 4 })).toEqual({
      '30': 3,
      '45': 1,
      '60': 4,
    });
    // a record taken away: {30: 1} + {30: -1} = {}
    expect(mergeTallies({ '30': 1, '45': 2 }, { '30': -1 })).toEqual({ '45': 2 });
  });

  it('lists the values ascending, each as often as counted', () => {
    expect(tallyValues({ '60': 1, '5': 2, '12.5': 1 })).toEqual([5, 5, 12.5, 60]);
    expect(tallyValues({})).toEqual([]);
  });

  it('finds the nearest-rank percentile by walking the counts', () => {
    // values 10 ×3, 20 ×5, 90 ×2 (n = 10): p90 rank ⌈0.9 × 10⌉ = 9; cumulative counts 3, 8, 10
    // → the 9th smallest is 90. p50 rank ⌈5⌉ = 5 → 20. p30 rank 3 → 10. p0 rank max(1, 0) = 1 → 10.
    const tally = { '20': 5, '90': 2, '10': 3 };
    expect(tallyPercentile(tally, 90)).toBe(90);
    expect(tallyPercentile(tally, 50)).toBe(20);
    expect(tallyPercentile(tally, 30)).toBe(10);
    expect(tallyPercentile(tally, 0)).toBe(10);
    expect(tallyPercentile({}, 90)).toBeNull();
    expect(() => tallyPercentile(tally, 101)).toThrow(RangeError);
  });

  it('gives the percentile of the same values, however they were gathered', () => {
    const values = [300, 210, 45, 45, 1200, 75.5, 300, 60, 45, 90, 15, 600];
    for (const p of [7, 50, 90, 95, 100]) {
      const split = mergeTallies(tallyOf(values.slice(0, 5)), tallyOf(values.slice(5)));
      expect(tallyPercentile(split, p)).toBe(percentile(values, p));
    }
  });
});
