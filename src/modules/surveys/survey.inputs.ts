import { z } from 'zod';
import { codeInput, objectIdInput, pastInstantInput } from '../../shared/inputs';
import { JOURNEY_STAGES } from '../journey/journey-stage';

const text = (max: number) => z.string().trim().min(1).max(max);

/**
 * An integer on a scale, with one message for every way to miss it; `coerce` reads digits too
 * (import cells). The mutation and the import use this one definition.
 */
export function scale(min: number, max: number, options: { coerce?: boolean } = {}) {
  const message = `must be an integer ${min}–${max}`;
  const number = options.coerce
    ? z.coerce.number({ error: message })
    : z.number({ error: message });
  return number.int(message).min(min, message).max(max, message);
}

/** A CS or attribute score: an integer 1–10 (measurement rules "Satisfaction"). */
const score = scale(1, 10);

/** One attribute's performance and importance in a response. */
const attributeScoreInput = z.object({
  attribute: text(64),
  performance: score,
  importance: score,
});

// An item scored twice in one response would count twice in its means.
function scoredOnce<T extends Record<K, string>, K extends string>(item: z.ZodType<T>, key: K) {
  return z
    .array(item)
    .max(50)
    .superRefine((items, ctx) => {
      const seen = new Set<string>();
      items.forEach((entry, i) => {
        if (seen.has(entry[key])) {
          ctx.addIssue({ code: 'custom', path: [i, key], message: 'scored twice' });
        }
        seen.add(entry[key]);
      });
    });
}

const attributeScores = scoredOnce(attributeScoreInput, 'attribute');

/** A respondent's CS1–CS3 for a competitor (measurement rules "Competitor lead"). */
const competitorScores = scoredOnce(
  z.object({ competitor: codeInput, cs1: score, cs2: score, cs3: score }),
  'competitor',
);

/** `Mutation.recordSurveyResponse` input. */
export const recordSurveyResponseInput = z.object({
  accountId: z.string().min(1),
  respondedAt: pastInstantInput,
  channel: text(50),
  respondent: text(200).nullish(),
  cs1: score,
  cs2: score,
  cs3: score,
  nps: scale(0, 10).nullish(),
  attributes: attributeScores.nullish(),
  competitors: competitorScores.nullish(),
  comment: text(4000).nullish(),
  followUpId: objectIdInput.nullish(),
  sourceSystem: codeInput.nullish(),
  externalId: text(100).nullish(),
});

/** `Mutation.upsertSurveyAttribute` input. */
export const surveyAttributeInput = z.object({
  key: z
    .string()
    .regex(/^[A-Z][A-Z0-9_]{1,63}$/, 'upper-case letters, digits and _ (2–64), e.g. LINE_QUALITY'),
  label: text(200),
  stage: z.enum(JOURNEY_STAGES),
  description: z.string().trim().max(1000).nullish(),
  active: z.boolean().nullish(),
});
