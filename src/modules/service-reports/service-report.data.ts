import type { Period } from '../../shared/period';
import { quartersOf } from '../../shared/period';
import type { Scope } from '../access/scope';
import type { KeyAccountDoc } from '../accounts/account.model';
import {
  ActivationOrderModel,
  CLOSED_ACTIVATION_STATUSES,
  type ActivationOrderDoc,
} from '../activation/activation-order.model';
import {
  FaultTicketModel,
  RESTORED_FAULT_STATUSES,
  type FaultTicketDoc,
} from '../faults/fault-ticket.model';
import { POST_ACTIVATION_WINDOW_DAYS } from '../follow-ups/follow-up-rules';
import { complaintsOfAccountInPeriod } from '../complaints/complaint-lists.service';
import type { ComplaintDoc } from '../complaints/complaint.model';
import { FollowUpModel, type FollowUpRow } from '../follow-ups/follow-up.model';
import { SurveyResponseModel, type SurveyResponseRow } from '../surveys/survey-response.model';

const DAY_MS = 86_400_000;

/** The account's stored records a service report is made of (one bounded read per collection). */
export type ReportRows = {
  orders: ActivationOrderDoc[];
  tickets: FaultTicketDoc[];
  followUps: FollowUpRow[];
  responses: SurveyResponseRow[];
  complaints: ComplaintDoc[];
};

const inPeriod = (period: Period) => ({ $gte: period.start, $lt: period.end });

// Every read is one account's (accountId equality) within the caller's scope, so its size is that
// account's records of the period, whatever the branch holds.

/** Orders activated in the period, and orders placed before its end that are still open. */
function ordersOf(scope: Scope, accountId: KeyAccountDoc['_id'], period: Period) {
  return ActivationOrderModel.find(
    {
      accountId,
      $or: [
        { status: 'ACTIVATED', measuredAt: inPeriod(period) },
        { status: { $nin: CLOSED_ACTIVATION_STATUSES }, orderedAt: { $lt: period.end } },
      ],
    },
    null,
    { scope },
  ).lean<ActivationOrderDoc[]>();
}

/** Tickets restored or closed in the period, and tickets reported before its end still open. */
function ticketsOf(scope: Scope, accountId: KeyAccountDoc['_id'], period: Period) {
  return FaultTicketModel.find(
    {
      accountId,
      $or: [
        { measuredAt: inPeriod(period) },
        { status: 'CLOSED', closedAt: inPeriod(period) },
        { status: { $nin: RESTORED_FAULT_STATUSES }, reportedAt: { $lt: period.end } },
      ],
    },
    null,
    { scope },
  ).lean<FaultTicketDoc[]>();
}

// Completions from the first quarter's start (coverage) to a week after the period (the
// post-activation window of an activation late in the period), and visits due in the period.
function followUpsOf(scope: Scope, accountId: KeyAccountDoc['_id'], period: Period) {
  const from = quartersOf(period)[0]!.start;
  const until = new Date(period.end.getTime() + POST_ACTIVATION_WINDOW_DAYS * DAY_MS);
  return FollowUpModel.find(
    {
      accountId,
      $or: [
        { status: 'COMPLETED', completedAt: { $gte: from, $lt: until } },
        { dueAt: inPeriod(period) },
      ],
    },
    null,
    { scope },
  ).lean<FollowUpRow[]>();
}

function responsesOf(scope: Scope, accountId: KeyAccountDoc['_id'], period: Period) {
  return SurveyResponseModel.find({ accountId, respondedAt: inPeriod(period) }, null, {
    scope,
  }).lean<SurveyResponseRow[]>();
}

/** The account's records a report of `period` needs: five finds, run together. */
export async function loadReportRows(
  scope: Scope,
  account: KeyAccountDoc,
  period: Period,
): Promise<ReportRows> {
  const [orders, tickets, followUps, responses, complaints] = await Promise.all([
    ordersOf(scope, account._id, period),
    ticketsOf(scope, account._id, period),
    followUpsOf(scope, account._id, period),
    responsesOf(scope, account._id, period),
    complaintsOfAccountInPeriod(scope, account._id, period),
  ]);
  return { orders, tickets, followUps, responses, complaints };
}
