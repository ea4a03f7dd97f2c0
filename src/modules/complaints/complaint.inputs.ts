import { z } from 'zod';
import { codeInput, objectIdInput, pastInstantInput } from '../../shared/inputs';
import { COMPLAINT_CATEGORIES } from './complaint.model';
import { COMPLAINT_OUTCOMES } from './complaint.state';

/** A complaint channel: a code such as HOTLINE, ACCOUNT_MANAGER, LETTER (stored upper-case). */
export const complaintChannelInput = codeInput.transform((code) => code.toUpperCase());

/** Compensation granted at a resolution: an amount ≥ 0 and an ISO 4217 currency code. */
export const compensationInput = z.object({
  amount: z.number().min(0).max(100_000_000),
  currency: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{3}$/, 'an ISO 4217 code such as CNY')
    .transform((code) => code.toUpperCase()),
});

/** `Mutation.openComplaint` input. */
export const openComplaintInput = z
  .object({
    accountId: objectIdInput,
    receivedAt: pastInstantInput,
    channel: complaintChannelInput,
    category: z.enum(COMPLAINT_CATEGORIES),
    description: z.string().trim().min(1).max(2000).optional().nullable(),
    aboutOrderId: objectIdInput.optional().nullable(),
    aboutTicketId: objectIdInput.optional().nullable(),
    sourceSystem: codeInput.optional().nullable(),
    externalId: z.string().trim().min(1).max(100).optional().nullable(),
  })
  .refine((input) => !(input.aboutOrderId && input.aboutTicketId), {
    path: ['aboutTicketId'],
    message: 'a complaint is about one order or one ticket, not both',
  });

/** A parsed `openComplaint` input. */
export type OpenComplaintInput = z.infer<typeof openComplaintInput>;

/** One event of a complaint's life, as the mutations give it. */
export const complaintEventInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.enum(['CONTACT', 'CONFIRM', 'REOPEN']), at: pastInstantInput }),
  z.object({
    kind: z.literal('RESOLVE'),
    at: pastInstantInput,
    outcome: z.enum(COMPLAINT_OUTCOMES),
    compensation: compensationInput.optional().nullable(),
  }),
]);

/** `Query.openComplaints` filter. */
export const openComplaintFilter = z
  .object({
    branchCode: z.string().optional().nullable(),
    accountManagerLogin: z.string().optional().nullable(),
    category: z.enum(COMPLAINT_CATEGORIES).optional().nullable(),
    slaState: z.enum(['ON_TRACK', 'AT_RISK', 'BREACHED', 'MET', 'MISSED']).optional().nullable(),
  })
  .optional()
  .nullable();
