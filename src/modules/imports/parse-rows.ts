import type { z } from 'zod';
import type { ImportOutcome } from './import-kind';

/** A rejected row naming the offending column. */
export const rejected = (field: string | null, reason: string): ImportOutcome => ({
  status: 'REJECTED',
  field,
  reason: field ? `${field}: ${reason}` : reason,
});

/** Validates every row with the kind's schema; invalid rows get their outcome at once. */
export function parseRows<S extends z.ZodType>(schema: S, raw: Record<string, unknown>[]) {
  const valid: { index: number; row: z.infer<S> }[] = [];
  const outcomes = new Map<number, ImportOutcome>();
  raw.forEach((value, index) => {
    const parsed = schema.safeParse(value);
    if (parsed.success) valid.push({ index, row: parsed.data });
    else {
      const issue = parsed.error.issues[0]!;
      outcomes.set(index, rejected(issue.path.map(String).join('.') || null, issue.message));
    }
  });
  return { valid, outcomes };
}
