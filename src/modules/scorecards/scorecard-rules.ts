import { compareNumbers } from '../../shared/statistics';

/** Weights of the composite score's components (configuration; need not sum to 1). */
export type CompositeWeights = {
  satisfactionIndex: number;
  activationOnTimeRate: number;
  faultWithinSlaRate: number;
  followUpCoverage: number;
};

/** Rule weights: satisfaction 40 %, activation 20 %, fault repair 25 %, follow-ups 15 %. */
export const DEFAULT_COMPOSITE_WEIGHTS: Readonly<CompositeWeights> = {
  satisfactionIndex: 0.4,
  activationOnTimeRate: 0.2,
  faultWithinSlaRate: 0.25,
  followUpCoverage: 0.15,
};

/** Composite inputs: the index on 0–100, the rates as fractions 0–1; null = no data. */
export type CompositeComponents = {
  satisfactionIndex: number | null;
  activationOnTimeRate: number | null;
  faultWithinSlaRate: number | null;
  followUpCoverage: number | null;
};

/** Composite score (0–100, null when no component has data) and the weight it rests on. */
export type CompositeScore = { value: number | null; usedWeight: number };

/** Branches with fewer survey responses than this in the period have an insufficient sample. */
export const INSUFFICIENT_SAMPLE_RESPONSES = 10;

/** What ranking needs to know about a branch's scorecard. */
export type RankingRow = {
  branchCode: string;
  compositeScore: number | null;
  topBoxShare: number | null;
  responses: number;
};

/** A ranking row with its place (1..n, distinct) and whether its sample is insufficient. */
export type RankedRow<T extends RankingRow> = T & { rank: number; insufficientSample: boolean };

// Multiplier bringing each component onto 0–100.
const SCALE: Record<keyof CompositeWeights, number> = {
  satisfactionIndex: 1,
  activationOnTimeRate: 100,
  faultWithinSlaRate: 100,
  followUpCoverage: 100,
};

/**
 * Weighted mean of the available components on 0–100. A missing component is left out and the
 * remaining weights are rescaled; `usedWeight` is the sum of the weights actually used (in the
 * weights' own unit), so callers can show how much of the score rests on data.
 */
export function compositeScore(
  components: CompositeComponents,
  weights: Readonly<CompositeWeights> = DEFAULT_COMPOSITE_WEIGHTS,
): CompositeScore {
  let weighted = 0;
  let usedWeight = 0;
  for (const key of Object.keys(SCALE) as (keyof CompositeWeights)[]) {
    const weight = weights[key];
    if (!(Number.isFinite(weight) && weight >= 0)) {
      throw new RangeError(`composite weight ${key} must be a non-negative number, got ${weight}`);
    }
    const component = components[key];
    if (component === null || weight === 0) continue;
    weighted += weight * component * SCALE[key];
    usedWeight += weight;
  }
  return { value: usedWeight === 0 ? null : weighted / usedWeight, usedWeight };
}

/** A component's 95 % interval on its own scale; null when none applies. */
export type ComponentIntervals = {
  [K in keyof CompositeWeights]: { low: number; high: number } | null;
};

/**
 * 95 % interval of the composite score, propagated from the components' intervals as if they were
 * independent: each interval's half-width (high − low) ÷ 2 is taken as 1.96 standard errors, so the
 * composite's half-width is √Σ (wᵢ ÷ W · halfᵢ)² over the components with data (W = their weight).
 * A component with data but no interval (one response, quarters averaged) adds no width. Clamped to
 * 0–100; null when the composite is null.
 */
export function compositeInterval(
  components: CompositeComponents,
  intervals: ComponentIntervals,
  weights: Readonly<CompositeWeights> = DEFAULT_COMPOSITE_WEIGHTS,
): { low: number; high: number } | null {
  const { value, usedWeight } = compositeScore(components, weights);
  if (value === null) return null;
  let squares = 0;
  for (const key of Object.keys(SCALE) as (keyof CompositeWeights)[]) {
    const interval = intervals[key];
    if (components[key] === null || interval === null) continue;
    const half = ((interval.high - interval.low) / 2) * SCALE[key];
    squares += ((weights[key] / usedWeight) * half) ** 2;
  }
  const half = Math.sqrt(squares);
  return { low: Math.max(0, value - half), high: Math.min(100, value + half) };
}

/**
 * Ranks branches 1..n without shared places: branches with enough responses first, then
 * insufficient-sample ones; within each group composite score descending, ties by top-box share
 * descending, then branch code ascending; a missing score or share sorts after any value.
 * Scores equal up to float noise count as tied.
 */
export function rankBranches<T extends RankingRow>(rows: readonly T[]): RankedRow<T>[] {
  return rows
    .map((row) => ({ ...row, insufficientSample: row.responses < INSUFFICIENT_SAMPLE_RESPONSES }))
    .sort(
      (a, b) =>
        Number(a.insufficientSample) - Number(b.insufficientSample) ||
        descendingNullsLast(a.compositeScore, b.compositeScore) ||
        descendingNullsLast(a.topBoxShare, b.topBoxShare) ||
        (a.branchCode < b.branchCode ? -1 : a.branchCode > b.branchCode ? 1 : 0),
    )
    .map((row, index) => ({ ...row, rank: index + 1 }));
}

/** Actual minus target (positive = better than target for higher-is-better figures). */
export function targetDifference(actual: number | null, target: number | null): number | null {
  return actual === null || target === null ? null : actual - target;
}

function descendingNullsLast(a: number | null, b: number | null): number {
  if (a === null || b === null) return Number(a === null) - Number(b === null);
  return compareNumbers(b, a);
}
