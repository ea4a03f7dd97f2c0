import { z } from 'zod';
import { codeInput, objectIdInput, pastInstantInput } from '../../shared/inputs';
import { normalizeProduct } from '../sla-policies/resolve-policy';
import { DELAY_REASONS } from './activation-rules';

const externalId = z.string().trim().min(1).max(100);

/** `Mutation.createActivationOrder` input. */
export const createActivationOrderInput = z
  .object({
    accountId: objectIdInput,
    product: codeInput.transform(normalizeProduct),
    orderedAt: pastInstantInput,
    requestedAt: z.date().optional().nullable(),
    promisedAt: z.date().optional().nullable(),
    sourceSystem: codeInput.optional().nullable(),
    externalId: externalId.optional().nullable(),
  })
  .superRefine((input, ctx) => {
    for (const field of ['requestedAt', 'promisedAt'] as const) {
      const value = input[field];
      if (value && value.getTime() < input.orderedAt.getTime()) {
        ctx.addIssue({ code: 'custom', path: [field], message: 'cannot be before orderedAt' });
      }
    }
  });

/** A parsed `createActivationOrder` input. */
export type CreateActivationOrderInput = z.infer<typeof createActivationOrderInput>;

/** One event of an order's life, as the mutations (or an import) give it. */
export const activationEventInput = z.discriminatedUnion('kind', [
  z.object({
    kind: z.enum(['SCHEDULE', 'START_WORK', 'ACTIVATE', 'CANCEL', 'NOTIFY_DELAY']),
    at: pastInstantInput,
  }),
  z.object({
    kind: z.literal('DELAY'),
    at: pastInstantInput,
    reason: z.enum(DELAY_REASONS),
    notifiedAt: pastInstantInput.nullable().default(null),
  }),
  z.object({ kind: z.literal('REPROMISE'), at: pastInstantInput, promisedAt: z.date() }),
  z.object({
    kind: z.literal('ACCEPTANCE_REPORT'),
    at: pastInstantInput,
    reference: z.string().trim().min(1).max(200).nullable().default(null),
  }),
]);

/** `Query.openActivationOrders` filter. */
export const openActivationOrderFilter = z
  .object({
    branchCode: z.string().optional().nullable(),
    accountManagerLogin: z.string().optional().nullable(),
    overdue: z.boolean().optional().nullable(),
  })
  .optional()
  .nullable();
