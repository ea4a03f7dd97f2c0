import { competitorLeadFigures } from '../surveys/competitor-lead';
import { importancePerformanceQuadrants, summariseResponses } from '../surveys/satisfaction';
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
        { cs1: 6, cs2: 6, cs3: 5 },
        { cs1: 9, cs2: 8, cs3: 7 },
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
    expect(summariseResponses(inputs.responses, inputs.nps).cs1.value).toBe(7.5);
    // NPS: one answer, 10 (a promoter): (1 − 0) ÷ 1 × 100 = 100.
    expect(summariseResponses(inputs.responses, inputs.nps).nps.value).toBe(100);
    expect(summariseResponses(inputs.responses, inputs.nps)).toEqual(
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
    // CS triples in path order: 10,9,9 sorts before 7,7,8 (by text, as the counts are read).
    expect(inputs.responses).toEqual([
      { cs1: 10, cs2: 9, cs3: 9 },
      { cs1: 10, cs2: 9, cs3: 9 },
      { cs1: 7, cs2: 7, cs3: 8 },
    ]);
    expect(inputs.nps).toEqual([3, 10]);
    // Importances 7, 9 and performances 4, 8 paired by rank: (7, 4), (9, 8).
    expect(inputs.attributeScores).toEqual([
      { attribute: 'A', importance: 7, performance: 4 },
      { attribute: 'A', importance: 9, performance: 8 },
    ]);
    const summary = summariseResponses(inputs.responses, inputs.nps);
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
});
