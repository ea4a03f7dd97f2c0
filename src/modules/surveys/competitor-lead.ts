import { meanFigure, type Figure, type Range } from '../../shared/figure';
import { standardSatisfactionIndex, type SurveyScores } from './satisfaction';

/** A respondent's overall scores (1–10) for one competitor, by its code. */
export type CompetitorScores = { competitor: string; cs1: number; cs2: number; cs3: number };

/** A response as the lead sees it: our scores and those it gave competitors. */
export type PairedResponse = SurveyScores & { competitors?: readonly CompetitorScores[] | null };

/** Lead over one competitor: its mean response index and our paired difference. */
export type CompetitorLeadFigures = {
  competitor: string;
  competitorIndex: Figure;
  lead: Figure;
};

/** The scorecard's lead (over the strongest competitor) and the lead over each competitor. */
export type LeadFigures = {
  lead: Figure;
  /** Code of the strongest competitor the lead is taken over; null when there is none. */
  leadCompetitor: string | null;
  competitorLeads: CompetitorLeadFigures[];
};

/** Competitors with fewer paired responses than this get no lead value. */
export const LEAD_MIN_PAIRS = 5;

const INDEX_RANGE: Range = { min: 0, max: 100 };
const LEAD_RANGE: Range = { min: -100, max: 100 };

const responseIndex = (s: { cs1: number; cs2: number; cs3: number }): number =>
  standardSatisfactionIndex({ cs1Mean: s.cs1, cs2Mean: s.cs2, cs3Mean: s.cs3 });

// Below the minimum the sample size is still shown, so a reader sees why there is no value.
function withheld(figure: Figure, pairs: number): Figure {
  return pairs >= LEAD_MIN_PAIRS ? figure : { ...figure, value: null, low: null, high: null };
}

/** The lead over one competitor from the responses that rated it (measurement rules). */
function leadOver(competitor: string, responses: readonly PairedResponse[]): CompetitorLeadFigures {
  const ours: number[] = [];
  const theirs: number[] = [];
  for (const response of responses) {
    const rated = response.competitors?.find((c) => c.competitor === competitor);
    if (!rated) continue;
    ours.push(responseIndex(response));
    theirs.push(responseIndex(rated));
  }
  const differences = ours.map((index, i) => index - theirs[i]!);
  return {
    competitor,
    competitorIndex: withheld(meanFigure(theirs, INDEX_RANGE), theirs.length),
    lead: withheld(meanFigure(differences, LEAD_RANGE), differences.length),
  };
}

/**
 * Lead (领先) per measurement rules "Competitor lead": per competitor the mean paired difference
 * of response indexes (ours − theirs) over the responses that rated it, with a t-interval; the
 * lead is the one over the strongest competitor with enough pairs (highest mean index, tie: the
 * smaller code). Competitors are listed by code.
 */
export function competitorLeadFigures(responses: readonly PairedResponse[]): LeadFigures {
  const codes = [
    ...new Set(responses.flatMap((r) => (r.competitors ?? []).map((c) => c.competitor))),
  ];
  const competitorLeads = codes.sort().map((code) => leadOver(code, responses));
  const strongest = competitorLeads
    .filter((c) => c.competitorIndex.value !== null)
    .reduce<CompetitorLeadFigures | null>(
      (best, c) =>
        best === null || c.competitorIndex.value! > best.competitorIndex.value! ? c : best,
      null,
    );
  return {
    lead: strongest?.lead ?? { ...meanFigure([]), sampleSize: 0 },
    leadCompetitor: strongest?.competitor ?? null,
    competitorLeads,
  };
}
