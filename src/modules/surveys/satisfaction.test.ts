import fc from 'fast-check';
import { round } from '../../shared/statistics';
import {
  type AttributeScore,
  importancePerformanceQuadrants,
  standardSatisfactionIndex,
  summariseResponses,
  type SurveyScores,
} from './satisfaction';

// CS1 = {10, 8, 7}, CS2 = {9, 8, 6}, CS3 = {9, 7, 6}
const threeResponses: SurveyScores[] = [
  { cs1: 10, cs2: 9, cs3: 9 },
  { cs1: 8, cs2: 8, cs3: 7 },
  { cs1: 7, cs2: 6, cs3: 6 },
];

const score = fc.integer({ min: 1, max: 10 });
const responsesArb = fc.array(fc.record({ cs1: score, cs2: score, cs3: score }), {
  minLength: 1,
  maxLength: 60,
});

describe('standardSatisfactionIndex', () => {
  it('computes the worked example', () => {
    // means: CS1 = 25/3 = 8.3333, CS2 = 23/3 = 7.6667, CS3 = 22/3 = 7.3333
    // 0.4·8.3333 + 0.3·7.6667 + 0.3·7.3333 = 3.3333 + 2.3 + 2.2 = 7.8333
    // (7.8333 − 1) ÷ 9 × 100 = 6.8333 ÷ 9 × 100 = 75.93
    const index = standardSatisfactionIndex({ cs1Mean: 25 / 3, cs2Mean: 23 / 3, cs3Mean: 22 / 3 });
    expect(round(index, 2)).toBe(75.93);
  });

  it('maps the ends of the scale to 0 and 100', () => {
    // (0.4 + 0.3 + 0.3 − 1) ÷ 9 = 0; (4 + 3 + 3 − 1) ÷ 9 = 1
    expect(standardSatisfactionIndex({ cs1Mean: 1, cs2Mean: 1, cs3Mean: 1 })).toBeCloseTo(0, 10);
    expect(standardSatisfactionIndex({ cs1Mean: 10, cs2Mean: 10, cs3Mean: 10 })).toBeCloseTo(
      100,
      10,
    );
  });

  it('weighs CS1 more than CS2 and CS3', () => {
    // (0.4·10 + 0.3·1 + 0.3·1 − 1) ÷ 9 × 100 = 3.6 ÷ 9 × 100 = 40
    // (0.4·1 + 0.3·10 + 0.3·1 − 1) ÷ 9 × 100 = 2.7 ÷ 9 × 100 = 30
    expect(standardSatisfactionIndex({ cs1Mean: 10, cs2Mean: 1, cs3Mean: 1 })).toBeCloseTo(40, 10);
    expect(standardSatisfactionIndex({ cs1Mean: 1, cs2Mean: 10, cs3Mean: 1 })).toBeCloseTo(30, 10);
  });
});

describe('summariseResponses', () => {
  const summary = summariseResponses(threeResponses);

  it('gives the index of the worked example with a clamped t-interval', () => {
    // per-response indices: (4 + 2.7 + 2.7 − 1)/9·100 = 93.3333, (3.2 + 2.4 + 2.1 − 1)/9·100 =
    // 74.4444, (2.8 + 1.8 + 1.8 − 1)/9·100 = 60; mean = 227.7778 / 3 = 75.9259 → 75.93
    // deviations 17.4074, −1.4815, −15.9259; s² = (303.0178 + 2.1948 + 253.6351) / 2 = 279.4239
    // s = 16.7160; se = 16.7160 / √3 = 9.6510; half = 4.3027 · 9.6510 = 41.5248
    // → [34.4011, 117.4507]; the high end is clamped to the scale's 100
    const figure = summary.satisfactionIndex;
    expect(round(figure.value ?? Number.NaN, 2)).toBe(75.93);
    expect(figure.sampleSize).toBe(3);
    expect(figure.numerator).toBeNull();
    expect(figure.denominator).toBeNull();
    expect(figure.low).toBeCloseTo(34.4011, 4);
    expect(figure.high).toBe(100);
  });

  it('gives the CS means with t-intervals clamped to 1–10', () => {
    // CS1 {10, 8, 7}: mean 8.3333; s² = (2.7778 + 0.1111 + 1.7778) / 2 = 2.3333
    // se = √(2.3333 / 3) = 0.8819; half = 4.3027 · 0.8819 = 3.7946 → [4.5388, 12.1279 → 10]
    expect(summary.cs1).toEqual({
      value: expect.closeTo(8.3333, 4),
      sampleSize: 3,
      numerator: null,
      denominator: null,
      low: expect.closeTo(4.5388, 4),
      high: 10,
    });
    // CS2 {9, 8, 6}: mean 7.6667, same spread → [3.8721, 11.4612 → 10]
    expect(summary.cs2.value).toBeCloseTo(7.6667, 4);
    expect(summary.cs2.low).toBeCloseTo(3.8721, 4);
    // CS3 {9, 7, 6}: mean 7.3333, same spread → [3.5388, 11.1279 → 10]
    expect(summary.cs3.value).toBeCloseTo(7.3333, 4);
    expect(summary.cs3.low).toBeCloseTo(3.5388, 4);
  });

  it('gives top-box and top-3-box shares with Wilson intervals', () => {
    // top box: CS1 = 10 once → 1/3. Wilson: d = 1 + 3.841459/3 = 2.2804863;
    // centre = (0.3333333 + 0.6402431) / 2.2804863 = 0.4269162;
    // half = (1.959964 / 2.2804863) · √(0.0740741 + 0.1067072) = 0.8594500 · 0.4251838 = 0.3654242
    // → [0.0614920, 0.7923404]
    expect(summary.topBoxShare).toEqual({
      value: 1 / 3,
      sampleSize: 3,
      numerator: 1,
      denominator: 3,
      low: expect.closeTo(0.061492, 6),
      high: expect.closeTo(0.7923404, 6),
    });
    // top 3 box: CS1 ∈ {8, 9, 10} → 10 and 8 → 2/3 (7 is not); same half-width,
    // centre = (0.6666667 + 0.6402431) / 2.2804863 = 0.5730838 → [0.2076596, 0.9385081]
    expect(summary.top3BoxShare).toEqual({
      value: 2 / 3,
      sampleSize: 3,
      numerator: 2,
      denominator: 3,
      low: expect.closeTo(0.2076596, 6),
      high: expect.closeTo(0.9385081, 6),
    });
  });

  it('has no NPS when nobody answered it', () => {
    expect(summary.nps).toEqual({
      value: null,
      sampleSize: 0,
      numerator: 0,
      denominator: 0,
      low: null,
      high: null,
    });
  });

  it('is empty but well-formed for no responses', () => {
    const empty = summariseResponses([]);
    expect(empty.satisfactionIndex).toEqual({
      value: null,
      sampleSize: 0,
      numerator: null,
      denominator: null,
      low: null,
      high: null,
    });
    expect(empty.topBoxShare).toMatchObject({ value: null, numerator: 0, denominator: 0 });
    expect(empty.topBoxShare.low).toBeNull();
  });

  it('gives a value but no t-interval for a single response', () => {
    const single = summariseResponses([{ cs1: 9, cs2: 9, cs3: 9 }]);
    // (0.4·9 + 0.3·9 + 0.3·9 − 1) ÷ 9 × 100 = 8 ÷ 9 × 100 = 88.8889
    expect(single.satisfactionIndex.value).toBeCloseTo(88.8889, 4);
    expect(single.satisfactionIndex.low).toBeNull();
    expect(single.cs1.high).toBeNull();
  });

  it('equals the index of the means and stays within 0–100 (property)', () => {
    fc.assert(
      fc.property(responsesArb, (responses) => {
        const s = summariseResponses(responses);
        const index = s.satisfactionIndex.value ?? Number.NaN;
        const ofMeans = standardSatisfactionIndex({
          cs1Mean: s.cs1.value ?? Number.NaN,
          cs2Mean: s.cs2.value ?? Number.NaN,
          cs3Mean: s.cs3.value ?? Number.NaN,
        });
        expect(index).toBeCloseTo(ofMeans, 9);
        expect(index).toBeGreaterThanOrEqual(-1e-9);
        expect(index).toBeLessThanOrEqual(100 + 1e-9);
        expect(s.satisfactionIndex.low ?? 0).toBeGreaterThanOrEqual(0);
        expect(s.satisfactionIndex.high ?? 100).toBeLessThanOrEqual(100);
      }),
    );
  });
});

describe('summariseResponses: NPS', () => {
  const withNps = (...answers: (number | null | undefined)[]): SurveyScores[] =>
    answers.map((nps) => ({ cs1: 8, cs2: 8, cs3: 8, nps }));

  it('counts only answered questions; 9–10 promote, 0–6 detract, 7–8 are passive', () => {
    // answered: 10, 9, 8, 7, 6, 0 → 6; promoters 10, 9 → 2; detractors 6, 0 → 2
    // NPS = 2/6·100 − 2/6·100 = 0; numerator 2 − 2 = 0, denominator 6
    expect(summariseResponses(withNps(10, 9, 8, 7, 6, 0, null, undefined)).nps).toEqual({
      value: 0,
      sampleSize: 6,
      numerator: 0,
      denominator: 6,
      low: null,
      high: null,
    });
  });

  it('is positive when promoters outnumber detractors', () => {
    // 10, 10, 9 promote, 7 passive: (3 − 0) / 4 · 100 = 75
    expect(summariseResponses(withNps(10, 10, 9, 7)).nps).toMatchObject({
      value: 75,
      numerator: 3,
      denominator: 4,
    });
  });

  it('reaches −100 when everyone detracts', () => {
    // 0, 3, 6 all detract: (0 − 3) / 3 · 100 = −100
    expect(summariseResponses(withNps(0, 3, 6)).nps).toMatchObject({ value: -100, numerator: -3 });
  });

  it('mixes: 5 promoters, 2 passives, 3 detractors out of 10 answered', () => {
    // (5 − 3) / 10 · 100 = 20
    const nps = summariseResponses(withNps(9, 9, 10, 10, 10, 7, 8, 0, 5, 6, null)).nps;
    expect(nps).toMatchObject({ value: 20, numerator: 2, denominator: 10, sampleSize: 10 });
  });
});

describe('importancePerformanceQuadrants', () => {
  const scores = (attribute: string, importance: number[], performance: number[]) =>
    importance.map((imp, i): AttributeScore => ({
      attribute,
      importance: imp,
      performance: performance[i] ?? 0,
    }));
  const ten = (value: number): number[] => Array.from({ length: 10 }, () => value);

  // attribute means (importance, performance):
  //   Billing     (10, 6)  10 responses: performance (5 + 7 + 8·6) / 10 = 6
  //   Repair      (7, 7)   importance (6 + 8 + 7 + 7 + 7) / 5 = 7, performance (5 + 9 + 7 + 7 + 7) / 5 = 7
  //   Activation  (7, 6)
  //   Consulting  (6, 10)
  //   Maintenance (5, 6)
  //   Hotline     (10, 1)  only 4 responses: excluded
  // splits = mean of attribute means: importance (10 + 7 + 7 + 6 + 5) / 5 = 7,
  //                                   performance (6 + 7 + 6 + 10 + 6) / 5 = 7
  // (with Hotline: importance 45/6 = 7.5; pooled over responses: 225/30 = 7.5 — both would
  //  make Repair and Activation low-importance)
  const rows: AttributeScore[] = [
    ...scores('Billing', ten(10), [5, 7, 6, 6, 6, 6, 6, 6, 6, 6]),
    ...scores('Repair', [6, 8, 7, 7, 7], [5, 9, 7, 7, 7]),
    ...scores('Activation', [7, 7, 7, 7, 7], [6, 6, 6, 6, 6]),
    ...scores('Consulting', [6, 6, 6, 6, 6], [10, 10, 10, 10, 10]),
    ...scores('Maintenance', [5, 5, 5, 5, 5], [6, 6, 6, 6, 6]),
    ...scores('Hotline', [10, 10, 10, 10], [1, 1, 1, 1]),
  ];

  it('splits at the mean of attribute means; equal to the mean counts as high', () => {
    expect(importancePerformanceQuadrants(rows)).toEqual([
      // importance 7 = split → high; performance 6 < 7 → low
      {
        attribute: 'Activation',
        importance: 7,
        performance: 6,
        responses: 5,
        quadrant: 'IMPROVE_URGENTLY',
      },
      {
        attribute: 'Billing',
        importance: 10,
        performance: 6,
        responses: 10,
        quadrant: 'IMPROVE_URGENTLY',
      },
      {
        attribute: 'Consulting',
        importance: 6,
        performance: 10,
        responses: 5,
        quadrant: 'POSSIBLE_OVERKILL',
      },
      {
        attribute: 'Maintenance',
        importance: 5,
        performance: 6,
        responses: 5,
        quadrant: 'LOW_PRIORITY',
      },
      // both equal to the split → high & high
      { attribute: 'Repair', importance: 7, performance: 7, responses: 5, quadrant: 'KEEP_UP' },
    ]);
  });

  it('lets an attribute below the threshold move the split when the threshold is lowered', () => {
    // minResponses 4 keeps Hotline: importance split 45/6 = 7.5 → Repair (7) is low importance;
    // performance split (35 + 1) / 6 = 6 → Repair (7) high → POSSIBLE_OVERKILL
    const quadrants = importancePerformanceQuadrants(rows, 4);
    expect(quadrants.find((q) => q.attribute === 'Hotline')?.quadrant).toBe('IMPROVE_URGENTLY');
    expect(quadrants.find((q) => q.attribute === 'Repair')?.quadrant).toBe('POSSIBLE_OVERKILL');
  });

  it('treats a mean equal to the split up to float noise as high', () => {
    // importance means 36/5 = 7.2, 37/5 = 7.4, 38/5 = 7.6; split (7.2 + 7.4 + 7.6) / 3 evaluates
    // to 7.400000000000001, so B (7.4) is only "below" it by rounding: it counts as high.
    const tied = [
      ...scores('A', [7, 7, 7, 8, 7], [8, 8, 8, 8, 8]),
      ...scores('B', [7, 7, 8, 8, 7], [8, 8, 8, 8, 8]),
      ...scores('C', [8, 8, 7, 8, 7], [8, 8, 8, 8, 8]),
    ];
    expect(importancePerformanceQuadrants(tied).map((q) => q.quadrant)).toEqual([
      'POSSIBLE_OVERKILL',
      'KEEP_UP',
      'KEEP_UP',
    ]);
  });

  it('returns nothing when no attribute has enough responses', () => {
    expect(importancePerformanceQuadrants(scores('Hotline', [9, 9, 9, 9], [3, 3, 3, 3]))).toEqual(
      [],
    );
    expect(importancePerformanceQuadrants([])).toEqual([]);
  });
});
