import { z } from 'zod';
import { codeInput } from '../../shared/inputs';

/** `Mutation.upsertCompetitor` input. */
export const competitorInput = z.object({
  code: codeInput,
  name: z.string().trim().min(1).max(200),
});
