import type { CompetitorScores, PairedResponse } from '../surveys/competitor-lead';
import type { AttributeScore, ScoreRun, SurveyScores } from '../surveys/satisfaction';

/** A survey response as the scorecard reads it. */
export type ScoredResponse = SurveyScores & {
  attributes?: readonly AttributeScore[] | null;
  competitors?: readonly CompetitorScores[] | null;
};

/**
 * The satisfaction inputs of a period: each response's overall scores (CS1–CS3), the NPS answers,
 * every attribute score, and per response and competitor it rated the pair of overall scores (the
 * competitor lead's pairs). Each list is in one fixed order (by its count path), whichever order
 * the responses came in, so float sums come out the same from the records and from the rollups.
 */
export type ResponseInputs = {
  /** The responses' overall scores, each distinct triple once with how many gave it. */
  responses: ScoreRun[];
  /** The NPS answers of the responses that answered it, ascending. */
  nps: number[];
  /**
   * The attribute scores; per attribute each importance paired with a performance by rank (the
   * figures read only their sums and counts per attribute, whatever the pairs).
   */
  attributeScores: AttributeScore[];
  competitorPairs: PairedResponse[];
};

// Count path segments: `.` separates them, so a code with a dot is written with `_` instead.
const code = (value: string) => value.replaceAll('.', '_');
const uncode = (segment: string) => segment.replaceAll('_', '.');
const scores = (...values: unknown[]) => code(values.map((v) => String(v ?? null)).join(','));
const numbers = (segment: string) =>
  uncode(segment)
    .split(',')
    .map((v) => (v === 'null' ? null : Number(v)));

/**
 * The count paths of one response: `s.<cs1>,<cs2>,<cs3>`, `p.<nps>` when it answered NPS,
 * `a.<attribute>.i.<importance>` and `a.<attribute>.p.<performance>` per attribute score, and
 * `c.<competitor>.<our cs1–3>,<their cs1–3>` per competitor it rated (its first rating of that
 * competitor, as the lead reads it). Only what a figure pairs is counted together (CS1–CS3 for
 * the index, ours and theirs for the lead), so the distinct paths stay few however many responses.
 */
export function responsePaths(r: ScoredResponse): string[] {
  const paths = [`s.${scores(r.cs1, r.cs2, r.cs3)}`];
  if (r.nps !== null && r.nps !== undefined) paths.push(`p.${scores(r.nps)}`);
  for (const a of r.attributes ?? []) {
    const attribute = code(a.attribute);
    paths.push(
      `a.${attribute}.i.${scores(a.importance)}`,
      `a.${attribute}.p.${scores(a.performance)}`,
    );
  }
  const rated = new Set<string>();
  for (const c of r.competitors ?? []) {
    if (rated.has(c.competitor)) continue;
    rated.add(c.competitor);
    paths.push(`c.${code(c.competitor)}.${scores(r.cs1, r.cs2, r.cs3, c.cs1, c.cs2, c.cs3)}`);
  }
  return paths;
}

/** The satisfaction inputs from counts of response paths (path → count). */
export function responseInputsFromCounts(counts: ReadonlyMap<string, number>): ResponseInputs {
  const inputs: ResponseInputs = {
    responses: [],
    nps: [],
    attributeScores: [],
    competitorPairs: [],
  };
  const sorted = [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  // Each path is parsed once, whatever its count.
  const repeat = <T>(list: T[], count: number, make: () => T) => {
    for (let i = 0; i < count; i += 1) list.push(make());
  };
  const attributes = new Map<string, { i: number[]; p: number[] }>();
  for (const [path, count] of sorted) {
    const [kind, first, second, third] = path.split('.') as [string, string, string?, string?];
    if (kind === 's') {
      const [cs1, cs2, cs3] = numbers(first) as [number, number, number];
      inputs.responses.push({ cs1, cs2, cs3, count });
    } else if (kind === 'p') {
      const [nps] = numbers(first) as [number];
      repeat(inputs.nps, count, () => nps);
    } else if (kind === 'a') {
      const attribute = uncode(first);
      const scored = attributes.get(attribute) ?? { i: [], p: [] };
      attributes.set(attribute, scored);
      const [score] = numbers(third!) as [number];
      repeat(second === 'i' ? scored.i : scored.p, count, () => score);
    } else if (kind === 'c') {
      const [cs1, cs2, cs3, t1, t2, t3] = numbers(second!) as number[];
      const competitor = { competitor: uncode(first), cs1: t1!, cs2: t2!, cs3: t3! };
      repeat(inputs.competitorPairs, count, () => ({
        cs1: cs1!,
        cs2: cs2!,
        cs3: cs3!,
        competitors: [{ ...competitor }],
      }));
    }
  }
  const ascending = (a: number, b: number) => a - b;
  inputs.nps.sort(ascending);
  for (const { i, p } of attributes.values()) for (const list of [i, p]) list.sort(ascending);
  for (const [attribute, { i, p }] of attributes)
    i.forEach((importance, rank) =>
      inputs.attributeScores.push({ attribute, importance, performance: p[rank]! }),
    );
  return inputs;
}

/** The satisfaction inputs of a list of responses (the same as from their rollup counts). */
export function responseInputsOf(responses: readonly ScoredResponse[]): ResponseInputs {
  const counts = new Map<string, number>();
  for (const response of responses)
    for (const path of responsePaths(response)) counts.set(path, (counts.get(path) ?? 0) + 1);
  return responseInputsFromCounts(counts);
}

/** How many responses the inputs hold. */
export const responseCount = (inputs: ResponseInputs): number =>
  inputs.responses.reduce((total, run) => total + run.count, 0);
