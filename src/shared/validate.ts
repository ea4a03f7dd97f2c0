import type { z } from 'zod';
import { fromZodError } from './errors';

/** Parses input at the boundary; a failure becomes BAD_USER_INPUT naming the field. */
export function validate<S extends z.ZodType>(
  schema: S,
  value: unknown,
  prefix = 'input',
): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw fromZodError(parsed.error, prefix);
  return parsed.data;
}
