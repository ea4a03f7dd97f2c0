import { z } from 'zod';
import { JOURNEY_STAGES } from '../journey/journey-stage';
import { contactEmail } from './account-rules';

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => text(max).optional().nullable();

const contact = z.object({
  name: text(200),
  role: optionalText(100),
  phone: optionalText(50),
  email: contactEmail.optional().nullable(),
});

/** A parsed `createKeyAccount` input. */
export type CreateKeyAccountInput = z.infer<typeof createKeyAccountInput>;

/** `Mutation.createKeyAccount` input. */
export const createKeyAccountInput = z.object({
  externalId: text(100),
  sourceSystem: text(50),
  name: text(300),
  branchCode: text(32),
  accountManagerLogin: text(64),
  industry: optionalText(100),
  tier: optionalText(50),
  contacts: z.array(contact).max(50).optional().nullable(),
  openedAt: z.date().optional().nullable(),
});

/** `Mutation.updateKeyAccount` input: only the fields given change. */
export const updateKeyAccountInput = z
  .object({
    name: text(300).optional(),
    industry: optionalText(100),
    tier: optionalText(50),
    contacts: z.array(contact).max(50).optional(),
  })
  .refine((value) => Object.keys(value).length > 0, 'give at least one field to change');

/** `Query.keyAccounts` filter. */
export const keyAccountFilter = z
  .object({
    branchCode: z.string().optional().nullable(),
    accountManagerLogin: z.string().optional().nullable(),
    stage: z.enum(JOURNEY_STAGES).optional().nullable(),
    tier: z.string().optional().nullable(),
    industry: z.string().optional().nullable(),
    status: z.enum(['ACTIVE', 'CLOSED']).optional().nullable(),
    nameContains: z.string().max(100).optional().nullable(),
  })
  .optional()
  .nullable();
