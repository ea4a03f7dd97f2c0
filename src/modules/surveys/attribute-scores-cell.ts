import type { AttributeScoreRow } from './survey-response.model';

/** Most attributes one response may score (as `recordSurveyResponse`). */
export const MAX_ATTRIBUTE_SCORES = 50;

/** The attribute scores of an import row, or why they cannot be read (naming the entry). */
export type AttributeScoresCell =
  { ok: true; scores: AttributeScoreRow[] } | { ok: false; reason: string };

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

type Entry = { text: string; attribute: unknown; performance: unknown; importance: unknown };

// CSV: `KEY:performance:importance` entries separated by `;` (an empty entry, e.g. after a
// trailing `;`, is skipped). NDJSON: an array of {attribute, performance, importance}.
function entriesOf(value: unknown): Entry[] | string {
  if (typeof value === 'string') {
    return value
      .split(';')
      .map((text) => text.trim())
      .filter((text) => text !== '')
      .map((text) => {
        const parts = text.split(':').map((part) => part.trim());
        return parts.length === 3
          ? { text, attribute: parts[0], performance: parts[1], importance: parts[2] }
          : { text, attribute: null, performance: null, importance: null };
      });
  }
  if (Array.isArray(value)) {
    return value.map((item: unknown) => {
      const object = item && typeof item === 'object' ? (item as Record<string, unknown>) : {};
      return {
        text: JSON.stringify(item),
        attribute: object.attribute,
        performance: object.performance,
        importance: object.importance,
      };
    });
  }
  return 'not KEY:performance:importance entries separated by ; (or an array of {attribute, performance, importance})';
}

/**
 * Reads the `attributes` cell of a survey-response row: `REPAIR_TIMELINESS:7:9;LINE_QUALITY:8:8`
 * in CSV, or `[{ "attribute": "REPAIR_TIMELINESS", "performance": 7, "importance": 9 }]` in NDJSON.
 * Empty means none. Scores are integers 1–10 and an attribute is scored once; the first bad entry
 * is named by its position (1-based) and text. Whether the keys are in the catalogue is checked
 * by the caller.
 */
export function parseAttributeScores(value: unknown): AttributeScoresCell {
  if (value === undefined || value === null || value === '') return { ok: true, scores: [] };
  const entries = entriesOf(value);
  if (typeof entries === 'string') return { ok: false, reason: entries };
  if (entries.length > MAX_ATTRIBUTE_SCORES)
    return { ok: false, reason: `at most ${MAX_ATTRIBUTE_SCORES} entries` };
  const scores: AttributeScoreRow[] = [];
  for (const [i, entry] of entries.entries()) {
    const bad = (why: string): AttributeScoresCell => ({
      ok: false,
      reason: `entry ${i + 1} (${entry.text}) ${why}`,
    });
    const attribute = typeof entry.attribute === 'string' ? entry.attribute.trim() : '';
    if (attribute === '') return bad('is not KEY:performance:importance');
    const performance = score(entry.performance);
    if (performance === null) return bad('has a performance that is not an integer 1–10');
    const importance = score(entry.importance);
    if (importance === null) return bad('has an importance that is not an integer 1–10');
    if (scores.some((s) => s.attribute === attribute)) return bad(`scores ${attribute} twice`);
    // Keys in the stored sub-document's order, so a replayed row compares equal.
    scores.push({ attribute, performance, importance });
  }
  return { ok: true, scores };
}
