import { competitorLeadFigures } from '../surveys/competitor-lead';
import { createRandom } from '../demo/random';
import { meanFigure, shareFigure } from '../../shared/figure';
import {
  importancePerformanceQuadrants,
  standardSatisfactionIndex,
  summariseResponses,
  summariseScoreRuns,
} from '../surveys/satisfaction';
import {
  responseCount,
  responseInputsFromCounts,
  responseInputsOf,
  responsePaths,
} from './response-tallies';

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
  it('counts a response by its scores, its attribute scores and its first rating of each competitor', () => {
    expect(responsePaths(first)).toEqual([
      's.9,8,7',
      'p.10',
      'a.REPAIR_SPEED.i.9', // the code's dot is written as `_` in a count path
      'a.REPAIR_SPEED.p.6',
      'c.CT.9,8,7,7,7,6',
    ]);
    // No NPS answer: no `p` path.
    expect(responsePaths(second)).toEqual(['s.6,6,5']);
  });

  it('gives the same inputs from counts as from the responses, in any order', () => {
    const counts = new Map([
      ['s.6,6,5', 1],
      ['c.CT.9,8,7,7,7,6', 1],
      ['a.REPAIR_SPEED.p.6', 1],
      ['s.9,8,7', 1],
      ['p.10', 1],
      ['a.REPAIR_SPEED.i.9', 1],
    ]);
    const inputs = responseInputsOf([second, first]);
    expect(responseInputsFromCounts(counts)).toEqual(inputs);
    expect(responseInputsOf([first, second])).toEqual(inputs);
    expect(inputs).toEqual({
      responses: [
        { cs1: 6, cs2: 6, cs3: 5, count: 1 },
        { cs1: 9, cs2: 8, cs3: 7, count: 1 },
      ],
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
    expect(summariseScoreRuns(inputs.responses, inputs.nps).cs1.value).toBe(7.5);
    // NPS: one answer, 10 (a promoter): (1 − 0) ÷ 1 × 100 = 100.
    expect(summariseScoreRuns(inputs.responses, inputs.nps).nps.value).toBe(100);
    expect(summariseScoreRuns(inputs.responses, inputs.nps)).toEqual(
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
    // CS triples in path order: 10,9,9 (twice) sorts before 7,7,8 (by text, as the counts are
    // read); one run per distinct triple.
    expect(inputs.responses).toEqual([
      { cs1: 10, cs2: 9, cs3: 9, count: 2 },
      { cs1: 7, cs2: 7, cs3: 8, count: 1 },
    ]);
    expect(responseCount(inputs)).toBe(3);
    expect(inputs.nps).toEqual([3, 10]);
    // Importances 7, 9 and performances 4, 8 paired by rank: (7, 4), (9, 8).
    expect(inputs.attributeScores).toEqual([
      { attribute: 'A', importance: 7, performance: 4 },
      { attribute: 'A', importance: 9, performance: 8 },
    ]);
    const summary = summariseScoreRuns(inputs.responses, inputs.nps);
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

  it('gives the figures of the listed responses to the bit from runs of equal scores', () => {
    // Index values are fractions ((0.4·cs1 + 0.3·cs2 + 0.3·cs3 − 1) ÷ 9 × 100), so their sums
    // depend on the order of additions: a run must add its value once per response, in order.
    const random = createRandom(7);
    for (let set = 0; set < 200; set += 1) {
      const responses = Array.from({ length: random.int(0, 60) }, () => ({
        cs1: random.int(1, 10),
        cs2: random.int(6, 10),
        cs3: random.int(7, 10),
        nps: random.int(0, 10),
      }));
      const inputs = responseInputsOf(responses);
      const listed = inputs.responses.flatMap(({ count, ...scores }) =>
        Array.from({ length: count }, () => scores),
      );
      expect(listed).toHaveLength(responses.length);
      const fromRuns = summariseScoreRuns(inputs.responses, inputs.nps);
      // The rule's own definition over the listed values: means of each response's value.
      const index = (r: { cs1: number; cs2: number; cs3: number }) =>
        standardSatisfactionIndex({ cs1Mean: r.cs1, cs2Mean: r.cs2, cs3Mean: r.cs3 });
      const scale = { min: 1, max: 10 };
      const fromList = {
        satisfactionIndex: meanFigure(listed.map(index), { min: 0, max: 100 }),
        cs1: meanFigure(
          listed.map((r) => r.cs1),
          scale,
        ),
        cs2: meanFigure(
          listed.map((r) => r.cs2),
          scale,
        ),
        cs3: meanFigure(
          listed.map((r) => r.cs3),
          scale,
        ),
        topBoxShare: shareFigure(listed.filter((r) => r.cs1 === 10).length, listed.length),
        top3BoxShare: shareFigure(listed.filter((r) => r.cs1 >= 8).length, listed.length),
      };
      for (const key of Object.keys(fromList) as (keyof typeof fromList)[])
        for (const field of ['value', 'low', 'high', 'sampleSize', 'numerator'] as const)
          expect([key, field, fromRuns[key][field]]).toEqual([key, field, fromList[key][field]]);
      expect(fromRuns).toEqual(summariseResponses(listed, inputs.nps));
    }
  });
});
