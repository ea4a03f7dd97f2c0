import { DateTime } from 'luxon';
import type { Period } from '../../shared/period';
import type { FollowUpPurpose } from './follow-up-kinds';
import { POST_ACTIVATION_WINDOW_DAYS, POST_REPAIR_WINDOW_DAYS } from './follow-up-rules';

/** Source system of follow-ups the cadence schedules; their externalId is a natural key. */
export const CADENCE_SOURCE = 'CADENCE';

/** A follow-up the cadence asks for: its natural key, purpose and due time. */
export type CadenceFollowUp = { externalId: string; purpose: FollowUpPurpose; dueAt: Date };

const DAY_MS = 24 * 60 * 60 * 1000;

/** After an activation: due 7 × 24 h after the activation time, keyed by the order. */
export function postActivationFollowUp(event: {
  orderId: string;
  activatedAt: Date;
}): CadenceFollowUp {
  return {
    externalId: `POST_ACTIVATION:${event.orderId}`,
    purpose: 'POST_ACTIVATION',
    dueAt: new Date(event.activatedAt.getTime() + POST_ACTIVATION_WINDOW_DAYS * DAY_MS),
  };
}

/** After a fault ticket's closure: due 3 × 24 h after closure, keyed by the ticket. */
export function postRepairFollowUp(event: { ticketId: string; closedAt: Date }): CadenceFollowUp {
  return {
    externalId: `POST_REPAIR:${event.ticketId}`,
    purpose: 'POST_REPAIR',
    dueAt: new Date(event.closedAt.getTime() + POST_REPAIR_WINDOW_DAYS * DAY_MS),
  };
}

/** Days after a complaint's resolution within which the customer is visited (soothing, 安抚). */
export const POST_COMPLAINT_FOLLOW_UP_DAYS = 3;

/**
 * After each resolution of a complaint: due 3 × 24 h after it, keyed by the complaint and the
 * resolution's number (a reopened complaint resolved again is followed up again).
 */
export function postComplaintFollowUp(event: {
  complaintId: string;
  resolution: number;
  resolvedAt: Date;
}): CadenceFollowUp {
  return {
    externalId: `POST_COMPLAINT:${event.complaintId}:${event.resolution}`,
    purpose: 'COMPLAINT',
    dueAt: new Date(event.resolvedAt.getTime() + POST_COMPLAINT_FOLLOW_UP_DAYS * DAY_MS),
  };
}

/**
 * The quarter's periodic visit of an account, keyed by account and quarter, due at 00:00 on the
 * 15th of the quarter's middle month in the quarter's time zone (mid-quarter, leaving half the
 * quarter to catch up before coverage is lost).
 */
export function periodicFollowUp(accountId: string, quarter: Period): CadenceFollowUp {
  if (quarter.kind !== 'QUARTER') throw new RangeError(`not a quarter: ${quarter.label}`);
  const dueAt = DateTime.fromJSDate(quarter.start, { zone: quarter.timeZone })
    .plus({ months: 1 })
    .set({ day: 15 })
    .toJSDate();
  return { externalId: `PERIODIC:${accountId}:${quarter.label}`, purpose: 'PERIODIC', dueAt };
}
