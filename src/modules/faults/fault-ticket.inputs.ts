import { z } from 'zod';
import { codeInput, objectIdInput, pastInstantInput } from '../../shared/inputs';
import { SEVERITIES } from '../sla-policies/resolve-policy';
import { REPORT_CHANNELS } from './fault-ticket.model';
import { PAUSE_REASONS } from './fault-ticket.state';

/** `Mutation.openFaultTicket` input. */
export const openFaultTicketInput = z.object({
  accountId: objectIdInput,
  serviceRef: z.string().trim().min(1).max(100),
  severity: z.enum(SEVERITIES),
  channel: z.enum(REPORT_CHANNELS),
  reportedAt: pastInstantInput,
  interProvincial: z.boolean().optional().nullable(),
  sourceSystem: codeInput.optional().nullable(),
  externalId: z.string().trim().min(1).max(100).optional().nullable(),
});

/** A parsed `openFaultTicket` input. */
export type OpenFaultTicketInput = z.infer<typeof openFaultTicketInput>;

/** One event of a ticket's life, as the mutations (or an import) give it. */
export const faultEventInput = z.discriminatedUnion('kind', [
  z.object({
    kind: z.enum(['ACKNOWLEDGE', 'START_WORK', 'RESUME', 'RESTORE', 'CLOSE', 'REOPEN']),
    at: pastInstantInput,
  }),
  z.object({ kind: z.literal('PAUSE'), at: pastInstantInput, reason: z.enum(PAUSE_REASONS) }),
  z.object({
    kind: z.literal('RECORD_PAUSE'),
    from: pastInstantInput,
    to: pastInstantInput,
    reason: z.enum(PAUSE_REASONS),
  }),
  z.object({
    kind: z.literal('CHANGE_SEVERITY'),
    at: pastInstantInput,
    severity: z.enum(SEVERITIES),
  }),
  z.object({
    kind: z.literal('RECORD_CAUSE'),
    cause: z.string().trim().min(1).max(2000),
    explainedAt: pastInstantInput.nullable().default(null),
  }),
]);

/** `Query.openFaultTickets` filter. */
export const openFaultTicketFilter = z
  .object({
    branchCode: z.string().optional().nullable(),
    accountManagerLogin: z.string().optional().nullable(),
    slaState: z.enum(['ON_TRACK', 'AT_RISK', 'BREACHED', 'MET', 'MISSED']).optional().nullable(),
    severity: z.enum(SEVERITIES).optional().nullable(),
  })
  .optional()
  .nullable();
