import { meanFigureOfCounts, shareFigure, type Figure, type Range } from '../../shared/figure';
import { compareNumbers, mean, type Counted } from '../../shared/statistics';

export type { Figure } from '../../shared/figure';

/** Means of the three overall questions over the same respondents. */
export type CsMeans = { cs1Mean: number; cs2Mean: number; cs3Mean: number };

/** One response's overall scores (validated upstream: CS 1–10, optional NPS 0–10). */
export type SurveyScores = { cs1: number; cs2: number; cs3: number; nps?: number | null };

/** Responses with the same overall scores: the scores once, and how many gave them. */
export type ScoreRun = { cs1: number; cs2: number; cs3: number; count: number };

/** Satisfaction figures of a set of responses; shares are fractions 0–1, NPS is −100..100. */
export type SatisfactionSummary = {
  satisfactionIndex: Figure;
  cs1: Figure;
  cs2: Figure;
  cs3: Figure;
  topBoxShare: Figure;
  top3BoxShare: Figure;
  nps: Figure;
};

/** One response's importance and performance score for one attribute (1–10). */
export type AttributeScore = { attribute: string; importance: number; performance: number };

/** Importance–performance quadrant (measurement rules "Satisfaction"). */
export type IpaQuadrant = 'IMPROVE_URGENTLY' | 'KEEP_UP' | 'LOW_PRIORITY' | 'POSSIBLE_OVERKILL';

/** An attribute's mean scores over its responses and the quadrant they fall in. */
export type AttributeQuadrant = {
  attribute: string;
  importance: number;
  performance: number;
  responses: number;
  quadrant: IpaQuadrant;
};

/** Attributes with fewer responses than this in the period take no part in the quadrants. */
export const IPA_MIN_RESPONSES = 5;

const INDEX_RANGE: Range = { min: 0, max: 100 };
const SCORE_RANGE: Range = { min: 1, max: 10 };

const isTopBox = (cs1: number): boolean => cs1 === 10;
const isTop3Box = (cs1: number): boolean => cs1 >= 8;

/** Standard satisfaction index (0–100) = (0.4·CS1 + 0.3·CS2 + 0.3·CS3 − 1) ÷ 9 × 100. */
export function standardSatisfactionIndex({ cs1Mean, cs2Mean, cs3Mean }: CsMeans): number {
  return ((0.4 * cs1Mean + 0.3 * cs2Mean + 0.3 * cs3Mean - 1) / 9) * 100;
}

/** The NPS answers of responses (those that answered the optional question). */
export const npsAnswersOf = (responses: readonly SurveyScores[]): number[] =>
  responses.flatMap((r) => (r.nps === null || r.nps === undefined ? [] : [r.nps]));

/**
 * The satisfaction figures of a set of responses (and their NPS answers, when known apart). The
 * index is the mean of per-response indices, which equals the index of the means (the index is
 * linear) and gives it a t-interval.
 */
export function summariseResponses(
  responses: readonly SurveyScores[],
  npsAnswers: readonly number[] = npsAnswersOf(responses),
): SatisfactionSummary {
  return summariseScoreRuns(
    responses.map(({ cs1, cs2, cs3 }) => ({ cs1, cs2, cs3, count: 1 })),
    npsAnswers,
  );
}

/**
 * `summariseResponses` of responses given as runs (each run's scores `count` times, in the order
 * given): every mean adds each value once per response in the same order (`meanFigureOfCounts`),
 * so the same figures to the bit, computed once per run.
 */
export function summariseScoreRuns(
  runs: readonly ScoreRun[],
  npsAnswers: readonly number[],
): SatisfactionSummary {
  const column = (key: 'cs1' | 'cs2' | 'cs3') => runs.map((r): Counted => [r[key], r.count]);
  const indices = runs.map((r): Counted => [
    standardSatisfactionIndex({ cs1Mean: r.cs1, cs2Mean: r.cs2, cs3Mean: r.cs3 }),
    r.count,
  ]);
  const responses = runs.reduce((total, r) => total + r.count, 0);
  const withCs1 = (predicate: (cs1: number) => boolean) =>
    runs.reduce((total, r) => total + (predicate(r.cs1) ? r.count : 0), 0);
  return {
    satisfactionIndex: meanFigureOfCounts(indices, INDEX_RANGE),
    cs1: meanFigureOfCounts(column('cs1'), SCORE_RANGE),
    cs2: meanFigureOfCounts(column('cs2'), SCORE_RANGE),
    cs3: meanFigureOfCounts(column('cs3'), SCORE_RANGE),
    topBoxShare: shareFigure(withCs1(isTopBox), responses),
    top3BoxShare: shareFigure(withCs1(isTop3Box), responses),
    nps: npsFigure(npsAnswers),
  };
}

/**
 * Importance–performance quadrants over the attributes with ≥ `minResponses` responses, split
 * at the mean of those attributes' means (each attribute weighs the same, however many
 * responses it has); a value equal to the split, within float noise, counts as high.
 */
export function importancePerformanceQuadrants(
  rows: readonly AttributeScore[],
  minResponses = IPA_MIN_RESPONSES,
): AttributeQuadrant[] {
  const attributes = attributeMeans(rows).filter((a) => a.responses >= minResponses);
  const importanceSplit = mean(attributes.map((a) => a.importance)) ?? 0;
  const performanceSplit = mean(attributes.map((a) => a.performance)) ?? 0;
  return attributes
    .map((a) => ({
      ...a,
      quadrant: quadrantOf(
        compareNumbers(a.importance, importanceSplit) >= 0,
        compareNumbers(a.performance, performanceSplit) >= 0,
      ),
    }))
    .sort((a, b) => (a.attribute < b.attribute ? -1 : a.attribute > b.attribute ? 1 : 0));
}

// NPS counts only respondents who answered the optional question; no interval is given
// because it is a difference of two dependent shares.
function npsFigure(answers: readonly number[]): Figure {
  const net = count(answers, (score) => score >= 9) - count(answers, (score) => score <= 6);
  return {
    value: answers.length === 0 ? null : (net / answers.length) * 100,
    sampleSize: answers.length,
    numerator: net,
    denominator: answers.length,
    low: null,
    high: null,
  };
}

function attributeMeans(rows: readonly AttributeScore[]): Omit<AttributeQuadrant, 'quadrant'>[] {
  const totals = new Map<string, { importance: number; performance: number; responses: number }>();
  for (const row of rows) {
    const total = totals.get(row.attribute) ?? { importance: 0, performance: 0, responses: 0 };
    total.importance += row.importance;
    total.performance += row.performance;
    total.responses += 1;
    totals.set(row.attribute, total);
  }
  return [...totals].map(([attribute, t]) => ({
    attribute,
    importance: t.importance / t.responses,
    performance: t.performance / t.responses,
    responses: t.responses,
  }));
}

function quadrantOf(highImportance: boolean, highPerformance: boolean): IpaQuadrant {
  if (highImportance) return highPerformance ? 'KEEP_UP' : 'IMPROVE_URGENTLY';
  return highPerformance ? 'POSSIBLE_OVERKILL' : 'LOW_PRIORITY';
}

function count(values: readonly number[], predicate: (value: number) => boolean): number {
  return values.filter(predicate).length;
}
