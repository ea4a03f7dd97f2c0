import { z } from 'zod';
import { codeInput, timeZoneInput } from '../../shared/inputs';

/** `Mutation.createBranch` input. */
export const createBranchInput = z.object({
  code: codeInput,
  name: z.string().trim().min(1).max(200),
  timeZone: timeZoneInput.optional().nullable(),
});
