import type { AttributeScoreRow, CompetitorScoreRow } from './survey-response.model';

/** Most attributes (or competitors) one response may score (as `recordSurveyResponse`). */
export const MAX_ATTRIBUTE_SCORES = 50;

/** The scored entries of an import cell, or why they cannot be read (naming the entry). */
export type ScoresCell<T> = { ok: true; scores: T[] } | { ok: false; reason: string };

/** The attribute scores of an import row, or why they cannot be read (naming the entry). */
export type AttributeScoresCell = ScoresCell<AttributeScoreRow>;

const SCORE = /^\s*\d+\s*$/;

// An integer 1–10 given as a number or as digits.
function score(value: unknown): number | null {
  const number =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && SCORE.test(value)
        ? Number(value)
        : NaN;
  return Number.isInteger(number) && number >= 1 && number <= 10 ? number : null;
}

/** How a cell's entries are written: the key field, then the score fields in order. */
type EntryShape<K extends string, S extends string> = {
  key: K;
  scores: readonly { field: S; article: string }[];
  /** The CSV form of one entry, e.g. KEY:performance:importance. */
  form: string;
};

type Entry = { text: string; values: Record<string, unknown> };

// CSV: entries separated by `;` with fields separated by `:` (an empty entry, e.g. after a
// trailing `;`, is skipped). NDJSON: an array of objects with the same fields.
function entriesOf(value: unknown, fields: string[], form: string): Entry[] | string {
  if (typeof value === 'string') {
    return value
      .split(';')
      .map((text) => text.trim())
      .filter((text) => text !== '')
      .map((text) => {
        const parts = text.split(':').map((part) => part.trim());
        const values = parts.length === fields.length ? parts : [];
        return { text, values: Object.fromEntries(fields.map((f, i) => [f, values[i] ?? null])) };
      });
  }
  if (Array.isArray(value)) {
    return value.map((item: unknown) => {
      const object = item && typeof item === 'object' ? (item as Record<string, unknown>) : {};
      return { text: JSON.stringify(item), values: object };
    });
  }
  return `not ${form} entries separated by ; (or an array of {${fields.join(', ')}})`;
}

/**
 * Reads a cell of scored entries. Empty means none. Scores are integers 1–10 and a key is scored
 * once; the first bad entry is named by its position (1-based) and text. Whether the keys are
 * known is checked by the caller.
 */
function parseScoredEntries<K extends string, S extends string>(
  value: unknown,
  shape: EntryShape<K, S>,
): ScoresCell<Record<K, string> & Record<S, number>> {
  type Row = Record<K, string> & Record<S, number>;
  if (value === undefined || value === null || value === '') return { ok: true, scores: [] };
  const fields = [shape.key, ...shape.scores.map((s) => s.field)];
  const entries = entriesOf(value, fields, shape.form);
  if (typeof entries === 'string') return { ok: false, reason: entries };
  if (entries.length > MAX_ATTRIBUTE_SCORES)
    return { ok: false, reason: `at most ${MAX_ATTRIBUTE_SCORES} entries` };
  const scores: Row[] = [];
  for (const [i, entry] of entries.entries()) {
    const bad = (why: string): ScoresCell<Row> => ({
      ok: false,
      reason: `entry ${i + 1} (${entry.text}) ${why}`,
    });
    const raw = entry.values[shape.key];
    const key = typeof raw === 'string' ? raw.trim() : '';
    if (key === '') return bad(`is not ${shape.form}`);
    // Keys in the stored sub-document's order, so a replayed row compares equal.
    const row: Record<string, string | number> = { [shape.key]: key };
    for (const { field, article } of shape.scores) {
      const value = score(entry.values[field]);
      if (value === null) return bad(`has ${article} ${field} that is not an integer 1–10`);
      row[field] = value;
    }
    if (scores.some((s) => s[shape.key] === key)) return bad(`scores ${key} twice`);
    scores.push(row as Row);
  }
  return { ok: true, scores };
}

/**
 * Reads the `attributes` cell of a survey-response row: `REPAIR_TIMELINESS:7:9;LINE_QUALITY:8:8`
 * in CSV, or `[{ "attribute": "REPAIR_TIMELINESS", "performance": 7, "importance": 9 }]` in NDJSON.
 */
export function parseAttributeScores(value: unknown): AttributeScoresCell {
  return parseScoredEntries(value, {
    key: 'attribute',
    scores: [
      { field: 'performance', article: 'a' },
      { field: 'importance', article: 'an' },
    ],
    form: 'KEY:performance:importance',
  });
}

/**
 * Reads the `competitors` cell of a survey-response row: `UNICOM:7:7:6;TELECOM:8:7:7` (code and
 * that competitor's CS1, CS2, CS3) in CSV, or an array of `{ competitor, cs1, cs2, cs3 }` in NDJSON.
 */
export function parseCompetitorScores(value: unknown): ScoresCell<CompetitorScoreRow> {
  return parseScoredEntries(value, {
    key: 'competitor',
    scores: [
      { field: 'cs1', article: 'a' },
      { field: 'cs2', article: 'a' },
      { field: 'cs3', article: 'a' },
    ],
    form: 'CODE:cs1:cs2:cs3',
  });
}
