import {
  meanIntervalOfCounts,
  meanIntervalOfSums,
  meanOfCounts,
  meanOfSums,
  wilsonInterval,
  type ValueCount,
  type ExactSums,
} from './statistics';

/**
 * A reported figure with what it was computed from: ratios carry numerator and denominator,
 * means only a sample size; low/high is a 95 % confidence interval where one applies.
 */
export type Figure = {
  value: number | null;
  sampleSize: number;
  numerator: number | null;
  denominator: number | null;
  low: number | null;
  high: number | null;
};

/** The ends of a measurement scale (a confidence interval never passes them). */
export type Range = { min: number; max: number };

const clamp = (value: number, { min, max }: Range): number => Math.min(max, Math.max(min, value));

/** A mean with its Student-t interval, clamped to the scale (a small sample's interval can pass it). */
export function meanFigure(
  values: readonly number[],
  range: Range = { min: -Infinity, max: Infinity },
): Figure {
  return meanFigureOfCounts(
    values.map((x): ValueCount => [x, 1]),
    range,
  );
}

/**
 * `meanFigure` of values listed by their counts (each value `count` times, in the order given):
 * the same figure to the bit, without listing every value.
 */
export function meanFigureOfCounts(
  counts: readonly ValueCount[],
  range: Range = { min: -Infinity, max: Infinity },
): Figure {
  const interval = meanIntervalOfCounts(counts);
  return {
    value: meanOfCounts(counts),
    sampleSize: counts.reduce((total, [, count]) => total + count, 0),
    numerator: null,
    denominator: null,
    low: interval && clamp(interval.low, range),
    high: interval && clamp(interval.high, range),
  };
}

/** `meanFigure` of whole numbers of `1/scale` units known by their exact sums (`meanIntervalOfSums`). */
export function meanFigureOfSums(sums: ExactSums, scale: number, range: Range): Figure {
  const interval = meanIntervalOfSums(sums, scale);
  return {
    value: meanOfSums(sums, scale),
    sampleSize: sums.n,
    numerator: null,
    denominator: null,
    low: interval && clamp(interval.low, range),
    high: interval && clamp(interval.high, range),
  };
}

/** A share (0–1) with its Wilson interval; null value when there is nothing to share. */
export function shareFigure(successes: number, n: number): Figure {
  const interval = wilsonInterval(successes, n);
  return {
    value: n === 0 ? null : successes / n,
    sampleSize: n,
    numerator: successes,
    denominator: n,
    low: interval?.low ?? null,
    high: interval?.high ?? null,
  };
}
