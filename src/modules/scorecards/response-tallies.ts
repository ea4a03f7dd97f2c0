import type { CompetitorScores, PairedResponse } from '../surveys/competitor-lead';
import type { AttributeScore, SurveyScores } from '../surveys/satisfaction';

/** A survey response as the scorecard reads it. */
export type ScoredResponse = SurveyScores & {
  attributes?: readonly AttributeScore[] | null;
  competitors?: readonly CompetitorScores[] | null;
};

/**
 * The satisfaction inputs of a period: each response's overall scores, every attribute score, and
 * per response and competitor it rated the pair of overall scores (the competitor lead's pairs).
 * Each list is in one fixed order (by its count path), whichever order the responses came in, so
 * float sums come out the same from the records and from the rollups.
 */
export type ResponseInputs = {
  responses: SurveyScores[];
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
 * The count paths of one response: `s.<cs1>,<cs2>,<cs3>,<nps>`, `a.<attribute>.<importance>,
 * <performance>` per attribute score, `c.<competitor>.<our cs1–3>,<their cs1–3>` per competitor
 * it rated (its first rating of that competitor, as the lead reads it).
 */
export function responsePaths(r: ScoredResponse): string[] {
  const paths = [`s.${scores(r.cs1, r.cs2, r.cs3, r.nps)}`];
  for (const a of r.attributes ?? [])
    paths.push(`a.${code(a.attribute)}.${scores(a.importance, a.performance)}`);
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
  const inputs: ResponseInputs = { responses: [], attributeScores: [], competitorPairs: [] };
  const sorted = [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  // Each path is parsed once, whatever its count.
  const repeat = <T>(list: T[], count: number, make: () => T) => {
    for (let i = 0; i < count; i += 1) list.push(make());
  };
  for (const [path, count] of sorted) {
    const [kind, first, second] = path.split('.') as [string, string, string | undefined];
    if (kind === 's') {
      const [cs1, cs2, cs3, nps] = numbers(first) as [number, number, number, number | null];
      repeat(inputs.responses, count, () => ({ cs1, cs2, cs3, nps }));
    } else if (kind === 'a') {
      const [importance, performance] = numbers(second!) as [number, number];
      const attribute = uncode(first);
      repeat(inputs.attributeScores, count, () => ({ attribute, importance, performance }));
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
  return inputs;
}

/** The satisfaction inputs of a list of responses (the same as from their rollup counts). */
export function responseInputsOf(responses: readonly ScoredResponse[]): ResponseInputs {
  const counts = new Map<string, number>();
  for (const response of responses)
    for (const path of responsePaths(response)) counts.set(path, (counts.get(path) ?? 0) + 1);
  return responseInputsFromCounts(counts);
}
