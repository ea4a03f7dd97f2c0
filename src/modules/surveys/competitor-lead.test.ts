import { round } from '../../shared/statistics';
import { competitorLeadFigures, type PairedResponse } from './competitor-lead';

// With CS1 = CS2 = CS3 = s a response index is (s − 1) ÷ 9 × 100: 10 → 100, 7 → 66.6667,
// 4 → 33.3333.
const same = (s: number) => ({ cs1: s, cs2: s, cs3: s });
const rated = (competitor: string, s: number) => ({ competitor, ...same(s) });

// Six responses rate A (7), four rate B (10, the strongest but too few), five rate C (4).
const responses: PairedResponse[] = [
  { ...same(10), competitors: [rated('A', 7), rated('B', 10), rated('C', 4)] },
  { ...same(10), competitors: [rated('A', 7), rated('B', 10), rated('C', 4)] },
  { ...same(10), competitors: [rated('A', 7), rated('B', 10), rated('C', 4)] },
  { ...same(10), competitors: [rated('A', 7), rated('B', 10), rated('C', 4)] },
  { ...same(7), competitors: [rated('A', 7), rated('C', 4)] },
  { ...same(7), competitors: [rated('A', 7)] },
  { ...same(1), competitors: [] },
];

describe('competitorLeadFigures', () => {
  const figures = competitorLeadFigures(responses);
  const byCode = (code: string) => figures.competitorLeads.find((c) => c.competitor === code)!;

  it('takes the lead over the strongest competitor with at least 5 pairs', () => {
    // A: differences 100 − 66.6667 = 33.3333 (×4) and 66.6667 − 66.6667 = 0 (×2)
    // mean = 4 · 33.3333 / 6 = 22.2222; C's index 33.3333 < A's 66.6667; B has 4 pairs only.
    expect(figures.leadCompetitor).toBe('A');
    expect(round(figures.lead.value!, 4)).toBe(22.2222);
    expect(figures.lead.sampleSize).toBe(6);
  });

  it('gives the paired t-interval', () => {
    // deviations 11.1111 (×4), −22.2222 (×2); s² = (4 · 123.4568 + 2 · 493.8272) / 5 = 296.2963
    // s = 17.2133; se = 17.2133 / √6 = 7.0273; t₀.₉₇₅,₅ = 2.5706; half = 18.0644
    expect(round(figures.lead.low!, 2)).toBe(round(22.2222 - 18.0644, 2));
    expect(round(figures.lead.high!, 2)).toBe(round(22.2222 + 18.0644, 2));
  });

  it('shows a competitor with fewer than 5 pairs without a value', () => {
    expect(byCode('B').lead).toMatchObject({ value: null, sampleSize: 4, low: null, high: null });
    expect(byCode('B').competitorIndex.value).toBeNull();
  });

  it('computes the lead over a weaker competitor too', () => {
    // C: differences 100 − 33.3333 = 66.6667 (×4) and 66.6667 − 33.3333 = 33.3333 → mean
    // (4 · 66.6667 + 33.3333) / 5 = 300 / 5 = 60
    expect(round(byCode('C').lead.value!, 4)).toBe(60);
    expect(round(byCode('C').competitorIndex.value!, 4)).toBe(33.3333);
    expect(figures.competitorLeads.map((c) => c.competitor)).toEqual(['A', 'B', 'C']);
  });

  it('breaks a tie of the strongest by the smaller code, and has no lead without pairs', () => {
    const tie = Array.from({ length: 5 }, () => ({
      ...same(10),
      competitors: [rated('Y', 7), rated('X', 7)],
    }));
    expect(competitorLeadFigures(tie).leadCompetitor).toBe('X');
    const none = competitorLeadFigures([{ ...same(10) }]);
    expect(none.lead).toMatchObject({ value: null, sampleSize: 0 });
    expect(none.leadCompetitor).toBeNull();
  });
});
