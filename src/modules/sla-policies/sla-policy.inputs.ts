import { z } from 'zod';
import { codeInput } from '../../shared/inputs';
import { clockMinutes } from '../faults/sla-clock';
import {
  normalizeProduct,
  POLICY_SCOPES,
  SEVERITIES,
  toSlaClock,
  type PolicyClock,
} from './resolve-policy';

// Up to a year: anything longer is a typo, not a commitment.
const minutes = z
  .number()
  .int()
  .min(1)
  .max(366 * 24 * 60);
const localTime = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'must be HH:mm');
const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD');
const uniqueBy =
  <T>(key: (item: T) => string) =>
  (items: T[]) =>
    new Set(items.map(key)).size === items.length;

const clockInput = z
  .object({
    kind: z.enum(['TWENTY_FOUR_SEVEN', 'BUSINESS_HOURS']),
    weekdays: z.array(z.number().int().min(1).max(7)).min(1).max(7).optional().nullable(),
    open: localTime.optional().nullable(),
    close: localTime.optional().nullable(),
    breaks: z
      .array(z.object({ start: localTime, end: localTime }))
      .max(10)
      .optional()
      .nullable(),
    holidays: z.array(localDate).max(400).optional().nullable(),
  })
  .transform((clock, ctx): PolicyClock => {
    if (clock.kind === 'TWENTY_FOUR_SEVEN') return { kind: 'TWENTY_FOUR_SEVEN' };
    for (const field of ['weekdays', 'open', 'close'] as const) {
      if (clock[field] == null) {
        ctx.addIssue({ code: 'custom', path: [field], message: 'required for BUSINESS_HOURS' });
      }
    }
    const hours: PolicyClock = {
      kind: 'BUSINESS_HOURS',
      weekdays: [...new Set(clock.weekdays ?? [])].sort((a, b) => a - b),
      open: clock.open ?? '',
      close: clock.close ?? '',
      breaks: clock.breaks ?? [],
      holidays: clock.holidays ?? [],
    };
    if (clock.weekdays && clock.open && clock.close) {
      try {
        clockMinutes([], toSlaClock(hours, 'UTC')); // the clock's own checks (open < close, …)
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
      }
    }
    return hours;
  });

/** `Mutation.setSlaPolicy` input: a new version of the policy at one level. */
export const setSlaPolicyInput = z.object({
  scope: z.enum(POLICY_SCOPES),
  scopeKey: z.string().trim().min(1).max(64).optional().nullable(),
  effectiveFrom: z.date(),
  name: z.string().trim().min(1).max(200).optional().nullable(),
  productLeadTimes: z
    .array(z.object({ product: codeInput.transform(normalizeProduct), minutes }))
    .max(50)
    .refine(
      uniqueBy((entry: { product: string }) => entry.product),
      'each product at most once',
    )
    .optional()
    .nullable(),
  otherProductsLeadMinutes: minutes.optional().nullable(),
  restorationTargets: z
    .array(z.object({ severity: z.enum(SEVERITIES), minutes }))
    .refine(
      uniqueBy((entry: { severity: string }) => entry.severity),
      'each severity at most once',
    )
    .optional()
    .nullable(),
  acknowledgementTargetMinutes: minutes.optional().nullable(),
  complaintFirstContactMinutes: minutes.optional().nullable(),
  complaintResolutionMinutes: minutes.optional().nullable(),
  clock: clockInput.optional().nullable(),
});

/** A parsed `setSlaPolicy` input. */
export type SetSlaPolicyInput = z.infer<typeof setSlaPolicyInput>;
