import tQuantile from '@stdlib/stats-base-dists-t-quantile';

/** Standard normal quantile z₀.₉₇₅, for two-sided 95 % intervals. */
export const Z_95 = 1.959963984540054;

/** A two-sided confidence interval [low, high]. */
export type Interval = { low: number; high: number };

/** Arithmetic mean; null when there are no values. */
export function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : sum(values) / values.length;
}

/**
 * Wilson score interval for a proportion `successes / n`; null when n = 0. Chosen over the
 * normal (Wald) interval because branch samples are small and shares are often near 0 or 1.
 */
export function wilsonInterval(successes: number, n: number, z: number = Z_95): Interval | null {
  if (!Number.isInteger(n) || !Number.isInteger(successes) || successes < 0 || successes > n) {
    throw new RangeError(`wilsonInterval needs integers 0 ≤ successes ≤ n, got ${successes}/${n}`);
  }
  if (n === 0) return null;
  const p = successes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const halfWidth = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // At p̂ = 0 or 1 the bound is exactly 0 or 1; computing it would leave rounding noise.
  return {
    low: successes === 0 ? 0 : Math.max(0, centre - halfWidth),
    high: successes === n ? 1 : Math.min(1, centre + halfWidth),
  };
}

/**
 * Student-t confidence interval for the mean, using the sample standard deviation (n − 1);
 * null when fewer than two values (no spread can be estimated).
 */
export function meanConfidenceInterval(
  values: readonly number[],
  confidence = 0.95,
): Interval | null {
  return meanIntervalOfCounts(
    values.map((x): ValueCount => [x, 1]),
    confidence,
  );
}

/** A value and how many times it occurs. */
export type ValueCount = readonly [value: number, count: number];

/**
 * `meanConfidenceInterval` of the values listed by their counts (each value `count` times, in the
 * order given): the same additions in the same order, so the same interval to the bit, without
 * listing every value.
 */
export function meanIntervalOfCounts(
  counts: readonly ValueCount[],
  confidence = 0.95,
): Interval | null {
  if (!(confidence > 0 && confidence < 1)) {
    throw new RangeError(`confidence must be between 0 and 1, got ${confidence}`);
  }
  const n = countOf(counts);
  if (n < 2) return null;
  const centre = sumOfCounts(counts) / n;
  const variance = sumOfCounts(counts, (x) => (x - centre) ** 2) / (n - 1);
  return tInterval(centre, variance, n, confidence);
}

/** `mean` of the values listed by their counts (see `meanIntervalOfCounts`). */
export function meanOfCounts(counts: readonly ValueCount[]): number | null {
  const n = countOf(counts);
  return n === 0 ? null : sumOfCounts(counts) / n;
}

const countOf = (counts: readonly ValueCount[]) =>
  counts.reduce((total, [, count]) => total + count, 0);

// Σ f(x) over every listed value, added one by one in order (as `sum` adds a list).
function sumOfCounts(counts: readonly ValueCount[], f = (x: number) => x): number {
  let total = 0;
  for (const [x, count] of counts) {
    const term = f(x);
    for (let i = 0; i < count; i += 1) total += term;
  }
  return total;
}

/** Whole numbers summed exactly: their count, sum and sum of squares (see `exact-sums`). */
export type ExactSums = { n: number; sum: number; squares: bigint };

/**
 * `meanConfidenceInterval` of values known by their exact sums, each value being a whole number
 * of `1/scale` units (milliseconds for minutes: scale 60 000). The sample variance (n − 1) is
 * (n·Σx² − (Σx)²) ÷ (n(n − 1)), its numerator computed exactly, so however the sums were
 * gathered the interval is the same to the bit.
 */
export function meanIntervalOfSums(
  { n, sum: total, squares }: ExactSums,
  scale: number,
  confidence = 0.95,
): Interval | null {
  if (!(confidence > 0 && confidence < 1)) {
    throw new RangeError(`confidence must be between 0 and 1, got ${confidence}`);
  }
  if (n < 2) return null;
  const spread = BigInt(n) * squares - BigInt(total) ** 2n;
  const variance = Number(spread) / (n * (n - 1)) / (scale * scale);
  return tInterval(meanOfSums({ n, sum: total, squares }, scale)!, variance, n, confidence);
}

/** The mean of values known by their exact sums (see `meanIntervalOfSums`); null when none. */
export function meanOfSums({ n, sum: total }: ExactSums, scale: number): number | null {
  return n === 0 ? null : total / (n * scale);
}

function tInterval(centre: number, variance: number, n: number, confidence: number): Interval {
  const t = tQuantile(1 - (1 - confidence) / 2, n - 1);
  const halfWidth = (t * Math.sqrt(variance)) / Math.sqrt(n);
  return { low: centre - halfWidth, high: centre + halfWidth };
}

/**
 * Percentile `p` (0–100) by the nearest-rank method: the smallest value such that at least p %
 * of the values are ≤ it, i.e. the ⌈p·n/100⌉-th smallest. Chosen because the result is always
 * an observed value (a real repair duration), easy to check by hand; no interpolation.
 * Null when there are no values.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile needs 0 ≤ p ≤ 100, got ${p}`);
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  // p·n first, then ÷ 100: p/100·n would turn p7 of 100 values into rank 7.000000000000001 → 8.
  const rank = Math.max(1, Math.ceil((p * sorted.length) / 100));
  return sorted[rank - 1] ?? null;
}

/**
 * Rounds half away from zero to `places` decimals, on the decimal digits as written
 * (1.005 → 1.01), for presentation only: figures are stored and compared unrounded.
 */
export function round(value: number, places = 2): number {
  if (!Number.isInteger(places) || places < 0) {
    throw new RangeError(`places must be a non-negative integer, got ${places}`);
  }
  if (!Number.isFinite(value)) return value;
  const shifted = shiftDecimal(value, places);
  return shiftDecimal(Math.sign(shifted) * Math.round(Math.abs(shifted)), -places);
}

/** Default tolerance of `compareNumbers`: far above float noise, far below a visible difference. */
export const FLOAT_TOLERANCE = 1e-9;

/**
 * Compares two numbers treating differences within `tolerance` as equal (−1, 0 or 1), so that
 * values equal on paper but computed along different paths (7.4 vs 7.400000000000001) tie.
 */
export function compareNumbers(a: number, b: number, tolerance = FLOAT_TOLERANCE): -1 | 0 | 1 {
  if (Math.abs(a - b) <= tolerance) return 0;
  return a < b ? -1 : 1;
}

function sum(values: readonly number[]): number {
  return values.reduce((total, x) => total + x, 0);
}

// Moves the decimal point through the exponent of the shortest decimal representation, so no
// binary multiplication error creeps in (1.005 × 100 would give 100.49999999999999).
function shiftDecimal(value: number, places: number): number {
  const [mantissa, exponent] = value.toExponential().split('e');
  return Number(`${mantissa}e${Number(exponent) + places}`);
}
