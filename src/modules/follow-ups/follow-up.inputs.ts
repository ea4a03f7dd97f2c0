import { z } from 'zod';
import { codeInput, objectIdInput, pastInstantInput } from '../../shared/inputs';
import { FOLLOW_UP_CHANNELS, FOLLOW_UP_PURPOSES } from './follow-up-kinds';

const text = (max: number) => z.string().trim().min(1).max(max);

/** `Mutation.scheduleFollowUp` input. */
export const scheduleFollowUpInput = z.object({
  accountId: z.string().min(1),
  purpose: z.enum(FOLLOW_UP_PURPOSES),
  channel: z.enum(FOLLOW_UP_CHANNELS),
  dueAt: z.date(),
  sourceSystem: codeInput
    .refine((code) => code !== 'CADENCE', 'CADENCE is reserved for scheduled cadence')
    .nullish(),
  externalId: text(100).nullish(),
  followsOrderId: objectIdInput.nullish(),
  followsTicketId: objectIdInput.nullish(),
});

/** Arguments of `Mutation.completeFollowUp` besides the id. */
export const completeFollowUpArgs = z.object({
  at: pastInstantInput,
  outcome: text(2000).nullish(),
  performedBy: text(200).nullish(),
  issuesRaised: z.array(text(500)).max(50).nullish(),
  raiseConsultation: z.object({ topic: text(500) }).nullish(),
});

/** The time argument of `missFollowUp` / `cancelFollowUp`. */
export const transitionArgs = z.object({ at: pastInstantInput });
