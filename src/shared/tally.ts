/**
 * A tally: how often each exact value occurred (value → count). It holds everything a mean, a
 * Student-t interval, a share or a nearest-rank percentile needs, and stops growing once values
 * repeat. Keys are the values as `String(value)` writes them; counts of 0 mean absent.
 */
export type Tally = Record<string, number>;

/** The tally of a list of values. */
export function tallyOf(values: readonly number[]): Tally {
  const tally: Tally = {};
  for (const value of values) tally[String(value)] = (tally[String(value)] ?? 0) + 1;
  return tally;
}

/** The sum of tallies (counts added per value; values counted 0 times left out). */
export function mergeTallies(...tallies: readonly Tally[]): Tally {
  const merged: Tally = {};
  for (const tally of tallies)
    for (const [value, count] of Object.entries(tally))
      merged[value] = (merged[value] ?? 0) + count;
  for (const [value, count] of Object.entries(merged)) if (count === 0) delete merged[value];
  return merged;
}

/** How many values a tally counts. */
export function tallySize(tally: Tally): number {
  return Object.values(tally).reduce((total, count) => total + count, 0);
}

// Ascending by value: the one order every path uses, so float sums come out bit for bit the same
// however the values were gathered.
function entries(tally: Tally): [number, number][] {
  return Object.entries(tally)
    .filter(([, count]) => count > 0)
    .map(([value, count]): [number, number] => [Number(value), count])
    .sort((a, b) => a[0] - b[0]);
}

/** Every counted value, ascending, each as often as it was counted. */
export function tallyValues(tally: Tally): number[] {
  return entries(tally).flatMap(([value, count]) => Array<number>(count).fill(value));
}

/** Every counted value, ascending, with its count: `tallyValues` without listing each one. */
export const tallyCounts = (tally: Tally): [number, number][] => entries(tally);

/**
 * Percentile `p` (0–100) by the nearest rank, as `percentile` of the same values: the
 * ⌈p·n/100⌉-th smallest, found by walking the counts in value order. Null when empty.
 */
export function tallyPercentile(tally: Tally, p: number): number | null {
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile needs 0 ≤ p ≤ 100, got ${p}`);
  const sorted = entries(tally);
  const n = sorted.reduce((total, [, count]) => total + count, 0);
  if (n === 0) return null;
  const rank = Math.max(1, Math.ceil((p * n) / 100));
  let seen = 0;
  for (const [value, count] of sorted) {
    seen += count;
    if (seen >= rank) return value;
  }
  return null;
}
