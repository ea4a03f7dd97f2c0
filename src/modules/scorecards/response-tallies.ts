import type { CompetitorScores, PairedResponse } from '../surveys/competitor-lead';
import { tallyIncrements, type TallyContribution } from '../rollups/rollup-families';
import {
  noScoreSums,
  scoreSums,
  type AttributeScore,
  type ScoreSums,
  type SurveyScores,
} from '../surveys/satisfaction';

/** A survey response as the scorecard reads it. */
export type ScoredResponse = SurveyScores & {
  attributes?: readonly AttributeScore[] | null;
  competitors?: readonly CompetitorScores[] | null;
};

/**
 * The satisfaction inputs of a period: the responses' overall scores (CS1–CS3) as exact sums, the NPS answers,
 * every attribute score, and per response and competitor it rated the pair of overall scores (the
 * competitor lead's pairs). Each list is in one fixed order (by its count path), whichever order
 * the responses came in, so float sums come out the same from the records and from the rollups.
 */
export type ResponseInputs = {
  /** The responses' overall scores as exact sums (see `scoreSums`). */
  scores: ScoreSums;
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

// The score sums' count paths (`s.<part>`): counted (`n`, `t`, `t3`) and weighted sums.
const SUMMED = { '1': 0, '2': 1, '3': 2 } as const;
const SQUARED = { '11': 0, '22': 1, '33': 2 } as const;

/**
 * The count paths of one response: its overall scores as exact sums (`s.n` one response, `s.t`
 * CS1 = 10, `s.t3` CS1 ≥ 8; weighted `s.1`–`s.3` the scores, `s.11`–`s.33` their squares, `s.vv`
 * the square of its index numerator; none when its scores are not whole numbers 1–10),
 * `p.<nps>` when it answered NPS, `a.<attribute>.i.<importance>` and
 * `a.<attribute>.p.<performance>` per attribute score, and `c.<competitor>.<our cs1–3>,<their
 * cs1–3>` per competitor it rated (its first rating of that competitor, as the lead reads it).
 * Only what a figure pairs is counted together (the lead's pairs), so the distinct paths stay
 * few however many responses.
 */
export function responsePaths(r: ScoredResponse): Pick<TallyContribution, 'k' | 'w'> {
  const sums = scoreSums([r]);
  const k: string[] = [];
  const w: Record<string, number> = {};
  if (sums.n === 1) {
    k.push('s.n');
    if (sums.topBox === 1) k.push('s.t');
    if (sums.top3Box === 1) k.push('s.t3');
    for (const [part, q] of Object.entries(SUMMED)) w[`s.${part}`] = sums.sums[q];
    for (const [part, q] of Object.entries(SQUARED)) w[`s.${part}`] = sums.squares[q];
    w['s.vv'] = sums.indexSquares;
  }
  if (r.nps !== null && r.nps !== undefined) k.push(`p.${scores(r.nps)}`);
  for (const a of r.attributes ?? []) {
    const attribute = code(a.attribute);
    k.push(`a.${attribute}.i.${scores(a.importance)}`, `a.${attribute}.p.${scores(a.performance)}`);
  }
  const rated = new Set<string>();
  for (const c of r.competitors ?? []) {
    if (rated.has(c.competitor)) continue;
    rated.add(c.competitor);
    k.push(`c.${code(c.competitor)}.${scores(r.cs1, r.cs2, r.cs3, c.cs1, c.cs2, c.cs3)}`);
  }
  return { k, w };
}

// One score-sum path's count into the sums.
function addScorePath(sums: ScoreSums, part: string, count: number): void {
  if (part === 'n') sums.n = count;
  else if (part === 't') sums.topBox = count;
  else if (part === 't3') sums.top3Box = count;
  else if (part === 'vv') sums.indexSquares = count;
  else if (part in SUMMED) sums.sums[SUMMED[part as keyof typeof SUMMED]] = count;
  else if (part in SQUARED) sums.squares[SQUARED[part as keyof typeof SQUARED]] = count;
}

/** The satisfaction inputs from counts of response paths (path → count). */
export function responseInputsFromCounts(counts: ReadonlyMap<string, number>): ResponseInputs {
  const inputs: ResponseInputs = {
    scores: noScoreSums(),
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
    if (kind === 's') addScorePath(inputs.scores, first, count);
    else if (kind === 'p') {
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
    for (const [path, n] of tallyIncrements(responsePaths(response)))
      counts.set(path, (counts.get(path) ?? 0) + n);
  return responseInputsFromCounts(counts);
}
