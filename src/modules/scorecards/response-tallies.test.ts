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
      's.9,8,7,10',
      'a.REPAIR_SPEED.9,6', // the code's dot is written as `_` in a count path
      'c.CT.9,8,7,7,7,6',
    ]);
    expect(responsePaths(second)).toEqual(['s.6,6,5,null']);
  });

  it('gives the same inputs from counts as from the responses, in any order', () => {
    const counts = new Map([
      ['s.6,6,5,null', 1],
      ['c.CT.9,8,7,7,7,6', 1],
      ['s.9,8,7,10', 1],
      ['a.REPAIR_SPEED.9,6', 1],
    ]);
    const inputs = responseInputsOf([second, first]);
    expect(responseInputsFromCounts(counts)).toEqual(inputs);
    expect(responseInputsOf([first, second])).toEqual(inputs);
    expect(inputs).toEqual({
      responses: [
        { cs1: 6, cs2: 6, cs3: 5, nps: null },
        { cs1: 9, cs2: 8, cs3: 7, nps: 10 },
      ],
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
    expect(summariseResponses(inputs.responses).cs1.value).toBe(7.5);
    expect(summariseResponses(inputs.responses)).toEqual(summariseResponses([first, second]));
    expect(competitorLeadFigures(inputs.competitorPairs)).toEqual(
      competitorLeadFigures([first, second]),
    );
    expect(importancePerformanceQuadrants(inputs.attributeScores, 1)).toEqual(
      importancePerformanceQuadrants([...first.attributes, ...second.attributes], 1),
    );
  });
});
