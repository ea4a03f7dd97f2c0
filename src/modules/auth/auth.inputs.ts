import { z } from 'zod';
import { codeInput } from '../../shared/inputs';
import { BRANCH_ROLES, ROLES } from './actor';

/** `Mutation.createUser` input. */
export const createUserInput = z
  .object({
    login: z
      .string()
      .trim()
      .min(2)
      .max(64)
      .regex(/^[a-z0-9._-]+$/i, 'letters, digits, . _ and - only'),
    name: z.string().trim().min(1).max(200),
    role: z.enum(ROLES),
    branchCode: codeInput.optional().nullable(),
    sourceSystem: codeInput.optional().nullable(),
  })
  .refine((u) => !BRANCH_ROLES.includes(u.role) || !!u.branchCode, {
    path: ['branchCode'],
    message: 'required for BRANCH_HEAD and ACCOUNT_MANAGER',
  })
  .refine((u) => u.role !== 'INTEGRATION' || !!u.sourceSystem, {
    path: ['sourceSystem'],
    message: 'required for INTEGRATION',
  });

/** `Mutation.issueToken` input. */
export const issueTokenInput = z.object({
  login: z.string().min(1),
  label: z.string().max(200).optional().nullable(),
  // A token that expired before it was issued would be useless: a typo, not a wish.
  expiresAt: z
    .date()
    .refine((date) => date > new Date(), 'must be in the future')
    .nullish(),
});
