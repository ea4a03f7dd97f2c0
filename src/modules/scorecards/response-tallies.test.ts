import { competitorLeadFigures } from '../surveys/competitor-lead';
import { createRandom } from '../demo/random';
import { meanFigure, shareFigure } from '../../shared/figure';
import {
  importancePerformanceQuadrants,
  standardSatisfactionIndex,
  summariseResponses,
  summariseScoreSums,
} from '../surveys/satisfaction';
import { responseInputsFromCounts, responseInputsOf, responsePaths } from './response-tallies';

const first = {
  cs1: 9,
  cs2: 8,
  cs3: 7,
  nps: 10,
  attributes: [{ attribute: 'REPAIR.SPEED', importance: 9, performance: 6 }],
  competitors: [
    { competitor: 'CT', cs1: 7, cs2: 7, cs3: 6 },
    { competitor: 'CT', cs1: 1, cs2: 1, cs3: 1 }, // a second rating of CT: the lead reads the first
  ],
};
const second = { cs1: 6, cs2: 6, cs3: 5, nps: null, attributes: [], competitors: null };

describe('response tallies', () => {
  it('counts a response by its score sums, its attribute scores and its first rating of each competitor', () => {
    // CS 9, 8, 7: index numerator v = 4·9 + 3·8 + 3·7 − 10 = 71, v² = 5 041; CS1 = 9 is top-3
    // box (≥ 8), not top box (10).
    expect(responsePaths(first)).toEqual({
      k: [
        's.n',
        's.t3',
        'p.10',
        'a.REPAIR_SPEED.i.9', // the code's dot is written as `_` in a count path
        'a.REPAIR_SPEED.p.6',
        'c.CT.9,8,7,7,7,6',
      ],
      w: { 's.1': 9, 's.2': 8, 's.3': 7, 's.11': 81, 's.22': 64, 's.33': 49, 's.vv': 5041 },
    });
    // CS 6, 6, 5: v = 24 + 18 + 15 − 10 = 47, v² = 2 209; no NPS answer: no `p` path.
    expect(responsePaths(second)).toEqual({
      k: ['s.n'],
      w: { 's.1': 6, 's.2': 6, 's.3': 5, 's.11': 36, 's.22': 36, 's.33': 25, 's.vv': 2209 },
    });
    // Scores the service never stores (not whole numbers 1–10): not in the score sums.
    expect(responsePaths({ cs1: 11, cs2: 6, cs3: 5, nps: 3 })).toEqual({ k: ['p.3'], w: {} });
    expect(responsePaths({ cs1: 7.5, cs2: 6, cs3: 5 })).toEqual({ k: [], w: {} });
  });

  it('gives the same inputs from counts as from the responses, in any order', () => {
    const counts = new Map([
      ['s.n', 2],
      ['s.t3', 1],
      ['s.1', 15],
      ['s.2', 14],
      ['s.3', 12],
      ['s.11', 117],
      ['s.22', 100],
      ['s.33', 74],
      ['s.vv', 7250],
      ['c.CT.9,8,7,7,7,6', 1],
      ['a.REPAIR_SPEED.p.6', 1],
      ['p.10', 1],
      ['a.REPAIR_SPEED.i.9', 1],
    ]);
    const inputs = responseInputsOf([second, first]);
    expect(responseInputsFromCounts(counts)).toEqual(inputs);
    expect(responseInputsOf([first, second])).toEqual(inputs);
    expect(inputs).toEqual({
      // n 2; Σ CS1 9 + 6, CS2 8 + 6, CS3 7 + 5; squares 81 + 36, 64 + 36, 49 + 25; Σ v² 5 041 +
      // 2 209; one CS1 ≥ 8, none = 10.
      scores: {
        n: 2,
        sums: [15, 14, 12],
        squares: [117, 100, 74],
        indexSquares: 7250,
        topBox: 0,
        top3Box: 1,
      },
      nps: [10],
      attributeScores: [{ attribute: 'REPAIR.SPEED', importance: 9, performance: 6 }],
      competitorPairs: [
        { cs1: 9, cs2: 8, cs3: 7, competitors: [{ competitor: 'CT', cs1: 7, cs2: 7, cs3: 6 }] },
      ],
    });
  });

  it('keeps every satisfaction figure of the responses themselves', () => {
    const inputs = responseInputsOf([first, second]);
    // CS1 mean (9 + 6) ÷ 2 = 7.5; lead pair: ours (0.4·9 + 0.3·8 + 0.3·7 − 1) ÷ 9 × 100 = 78.89,
    // CT's (0.4·7 + 0.3·7 + 0.3·6 − 1) ÷ 9 × 100 = 63.33: difference 15.56 (one pair: withheld).
    expect(summariseScoreSums(inputs.scores, inputs.nps).cs1.value).toBe(7.5);
    // NPS: one answer, 10 (a promoter): (1 − 0) ÷ 1 × 100 = 100.
    expect(summariseScoreSums(inputs.scores, inputs.nps).nps.value).toBe(100);
    expect(summariseScoreSums(inputs.scores, inputs.nps)).toEqual(
      summariseResponses([first, second]),
    );
    expect(competitorLeadFigures(inputs.competitorPairs)).toEqual(
      competitorLeadFigures([first, second]),
    );
    expect(importancePerformanceQuadrants(inputs.attributeScores, 1)).toEqual(
      importancePerformanceQuadrants([...first.attributes, ...second.attributes], 1),
    );
  });

  it('counts NPS and attribute scores apart from what they came with: the same figures', () => {
    // Three responses: NPS 10, 3 and none; one attribute scored (9, 4) and (7, 8).
    const responses = [
      {
        cs1: 10,
        cs2: 9,
        cs3: 9,
        nps: 10,
        attributes: [{ attribute: 'A', importance: 9, performance: 4 }],
      },
      {
        cs1: 7,
        cs2: 7,
        cs3: 8,
        nps: 3,
        attributes: [{ attribute: 'A', importance: 7, performance: 8 }],
      },
      { cs1: 10, cs2: 9, cs3: 9, nps: null },
    ];
    const inputs = responseInputsOf(responses);
    expect(inputs.scores.n).toBe(3);
    expect(inputs.nps).toEqual([3, 10]);
    // Importances 7, 9 and performances 4, 8 paired by rank: (7, 4), (9, 8).
    expect(inputs.attributeScores).toEqual([
      { attribute: 'A', importance: 7, performance: 4 },
      { attribute: 'A', importance: 9, performance: 8 },
    ]);
    const summary = summariseScoreSums(inputs.scores, inputs.nps);
    // NPS over the two answers: promoters 1 (10), detractors 1 (3): (1 − 1) ÷ 2 × 100 = 0.
    expect(summary.nps).toMatchObject({ value: 0, sampleSize: 2, numerator: 0, denominator: 2 });
    // CS1 mean (10 + 10 + 7) ÷ 3 = 9.
    expect(summary.cs1.value).toBe(9);
    expect(summary).toEqual(summariseResponses(responses));
    // Attribute A: importance (9 + 7) ÷ 2 = 8, performance (4 + 8) ÷ 2 = 6, 2 responses.
    expect(importancePerformanceQuadrants(inputs.attributeScores, 1)).toEqual([
      { attribute: 'A', importance: 8, performance: 6, responses: 2, quadrant: 'KEEP_UP' },
    ]);
  });

  it('gives the figures of the rule from the sums, to the bit in any order of the responses', () => {
    const random = createRandom(7);
    for (let set = 0; set < 200; set += 1) {
      const responses = Array.from({ length: random.int(0, 60) }, () => ({
        cs1: random.int(1, 10),
        cs2: random.int(6, 10),
        cs3: random.int(7, 10),
        nps: random.int(0, 10),
      }));
      const inputs = responseInputsOf(responses);
      const fromSums = summariseScoreSums(inputs.scores, inputs.nps);
      // Any order of the same responses (as rollups add them): the same bits.
      expect(summariseResponses([...responses].reverse())).toEqual(fromSums);
      expect(summariseScoreSums(responseInputsOf([...responses].reverse()).scores, [])).toEqual({
        ...fromSums,
        nps: summariseResponses([], []).nps,
      });
      // The rule's own definition over the listed responses: means of each response's value.
      const scale = { min: 1, max: 10 };
      const byRule = {
        satisfactionIndex: meanFigure(
          responses.map((r) =>
            standardSatisfactionIndex({ cs1Mean: r.cs1, cs2Mean: r.cs2, cs3Mean: r.cs3 }),
          ),
          { min: 0, max: 100 },
        ),
        cs1: meanFigure(
          responses.map((r) => r.cs1),
          scale,
        ),
        cs2: meanFigure(
          responses.map((r) => r.cs2),
          scale,
        ),
        cs3: meanFigure(
          responses.map((r) => r.cs3),
          scale,
        ),
        topBoxShare: shareFigure(responses.filter((r) => r.cs1 === 10).length, responses.length),
        top3BoxShare: shareFigure(responses.filter((r) => r.cs1 >= 8).length, responses.length),
      };
      for (const key of Object.keys(byRule) as (keyof typeof byRule)[])
        for (const field of ['value', 'low', 'high'] as const) {
          const [got, want] = [fromSums[key][field], byRule[key][field]];
          if (want === null) expect([key, field, got]).toEqual([key, field, null]);
          else expect(Math.abs(got! - want)).toBeLessThan(1e-9);
        }
    }
  });
});
