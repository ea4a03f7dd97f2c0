import type { ExactSums } from './statistics';

// Sums of whole numbers kept exactly in documents whose counters are doubles (MongoDB `$inc`):
// a double holds every integer below 2^53, so a sum stays exact while it stays below that. A
// value's square does not (a day in milliseconds squared is about 2^63), so squares are kept as
// limbs: the value's base-2^16 digits d₀…d₃ (any integer below 2^53 has at most four) give
// x² = Σₖ 2^(16k) · Σ_{i+j=k} dᵢdⱼ, and each limb Σ_{i+j=k} dᵢdⱼ is below 4 · 2^32: a bucket
// can add 2^19 values to a limb before it could lose a unit.

const DIGIT = 2 ** 16;

function digits(value: number): number[] {
  if (!Number.isSafeInteger(value) || value < 0)
    throw new RangeError(`exact sums need whole numbers from 0 to 2^53, got ${value}`);
  const out: number[] = [];
  for (let rest = value; rest > 0; rest = Math.floor(rest / DIGIT)) out.push(rest % DIGIT);
  return out;
}

/** The limbs of a value's square (index k: the limb of 2^(16k)); zeros included up to the last. */
export function squareLimbs(value: number): number[] {
  const d = digits(value);
  const limbs = Array<number>(Math.max(0, 2 * d.length - 1)).fill(0);
  for (let i = 0; i < d.length; i += 1)
    for (let j = 0; j < d.length; j += 1) limbs[i + j]! += d[i]! * d[j]!;
  return limbs;
}

/** The exact sum of squares from summed limbs (index k: the sum of every value's limb k). */
export function squaresOfLimbs(limbs: readonly number[]): bigint {
  return limbs.reduce((total, limb, k) => total + BigInt(limb) * BigInt(DIGIT) ** BigInt(k), 0n);
}

/** The exact sums of whole numbers (count, sum, sum of squares). */
export function exactSums(values: readonly number[]): ExactSums {
  let sum = 0;
  let squares = 0n;
  for (const value of values) {
    digits(value);
    sum += value;
    squares += BigInt(value) ** 2n;
  }
  return { n: values.length, sum, squares };
}
