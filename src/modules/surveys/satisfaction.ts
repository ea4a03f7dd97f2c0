import { meanFigureOfSums, shareFigure, type Figure, type Range } from '../../shared/figure';
import { compareNumbers, mean } from '../../shared/statistics';

export type { Figure } from '../../shared/figure';

/** Means of the three overall questions over the same respondents. */
export type CsMeans = { cs1Mean: number; cs2Mean: number; cs3Mean: number };

/** One response's overall scores (validated upstream: CS 1–10, optional NPS 0–10). */
export type SurveyScores = { cs1: number; cs2: number; cs3: number; nps?: number | null };

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
 * The overall scores of a set of responses as exact sums, whatever their number: how many (`n`),
 * per question Σ score and Σ score², Σ v² of each response's index numerator v = 4·CS1 + 3·CS2 +
 * 3·CS3 − 10 (its index is v·10/9; Σ v follows from the score sums), and how many gave CS1 = 10
 * and CS1 ≥ 8. Scores are whole numbers 1–10, so every sum is exact in any order.
 */
export type ScoreSums = {
  n: number;
  sums: [number, number, number];
  squares: [number, number, number];
  indexSquares: number;
  topBox: number;
  top3Box: number;
};

/** Scores the service accepts (whole numbers 1–10): only such responses are summed. */
const isScore = (value: unknown): value is number =>
  Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 10;

/** A response's index numerator v = 4·CS1 + 3·CS2 + 3·CS3 − 10 (the index is v·10/9). */
export const indexNumerator = (r: SurveyScores): number => 4 * r.cs1 + 3 * r.cs2 + 3 * r.cs3 - 10;

/** The score sums of nothing. */
export const noScoreSums = (): ScoreSums => ({
  n: 0,
  sums: [0, 0, 0],
  squares: [0, 0, 0],
  indexSquares: 0,
  topBox: 0,
  top3Box: 0,
});

/**
 * The score sums of responses. A response whose CS scores are not whole numbers 1–10 (the service
 * never stores one) is not counted in them.
 */
export function scoreSums(responses: readonly SurveyScores[]): ScoreSums {
  const sums = noScoreSums();
  for (const r of responses) {
    if (!isScore(r.cs1) || !isScore(r.cs2) || !isScore(r.cs3)) continue;
    sums.n += 1;
    [r.cs1, r.cs2, r.cs3].forEach((score, q) => {
      sums.sums[q]! += score;
      sums.squares[q]! += score * score;
    });
    sums.indexSquares += indexNumerator(r) ** 2;
    if (isTopBox(r.cs1)) sums.topBox += 1;
    if (isTop3Box(r.cs1)) sums.top3Box += 1;
  }
  return sums;
}

/**
 * The satisfaction figures of a set of responses (and their NPS answers, when known apart); see
 * `summariseScoreSums`.
 */
export function summariseResponses(
  responses: readonly SurveyScores[],
  npsAnswers: readonly number[] = npsAnswersOf(responses),
): SatisfactionSummary {
  return summariseScoreSums(scoreSums(responses), npsAnswers);
}

/**
 * The satisfaction figures of responses known by their score sums. The index is the mean of
 * per-response indices, which equals the index of the means (the index is linear) and gives it a
 * t-interval; means and intervals come from exact sums (`meanFigureOfSums`: the sample variance
 * from n·Σx² − (Σx)², computed exactly), so however the sums were gathered, the same figures to
 * the bit. Indices are counted in ninths (v·10 ninths = v·10/9).
 */
export function summariseScoreSums(
  scores: ScoreSums,
  npsAnswers: readonly number[],
): SatisfactionSummary {
  const { n } = scores;
  const question = (q: 0 | 1 | 2) =>
    meanFigureOfSums(
      { n, sum: scores.sums[q], squares: BigInt(scores.squares[q]) },
      1,
      SCORE_RANGE,
    );
  const [s1, s2, s3] = scores.sums;
  const indexSum = 4 * s1 + 3 * s2 + 3 * s3 - 10 * n;
  const ninths = { n, sum: 10 * indexSum, squares: 100n * BigInt(scores.indexSquares) };
  return {
    satisfactionIndex: meanFigureOfSums(ninths, 9, INDEX_RANGE),
    cs1: question(0),
    cs2: question(1),
    cs3: question(2),
    topBoxShare: shareFigure(scores.topBox, n),
    top3BoxShare: shareFigure(scores.top3Box, n),
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
