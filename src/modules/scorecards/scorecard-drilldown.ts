import { findConnection, type PageArgs } from '../../db/keyset-pagination';
import { quartersOf, type Period } from '../../shared/period';
import { actorScope } from '../access/scope';
import { KeyAccountModel, type KeyAccountDoc } from '../accounts/account.model';
import {
  ActivationOrderModel,
  type ActivationOrderDoc,
} from '../activation/activation-order.model';
import { requireActor, type Actor } from '../auth/actor';
import { branchPeriod, requireReadableBranch } from '../branches/branch-period';
import { ComplaintModel, type ComplaintDoc } from '../complaints/complaint.model';
import { FaultTicketModel, type FaultTicketDoc } from '../faults/fault-ticket.model';
import { FollowUpModel } from '../follow-ups/follow-up.model';
import { SurveyResponseModel, type SurveyResponseRow } from '../surveys/survey-response.model';

/** Which card a drill-down starts from. */
export type CardRef = { branchCode: string; period: string };

async function context(actor: Actor | null, card: CardRef) {
  const scope = actorScope(requireActor(actor));
  const branch = await requireReadableBranch(actor, card.branchCode);
  return { scope, period: branchPeriod(branch, card.period) };
}

const within = (period: Period) => ({ $gte: period.start, $lt: period.end });

/** The records behind `activationOnTimeRate`'s misses: activations of the period done late. */
export async function lateActivations(actor: Actor | null, card: CardRef, args: PageArgs) {
  const { scope, period } = await context(actor, card);
  return findConnection<ActivationOrderDoc>(ActivationOrderModel, {
    scope,
    filter: {
      branchCode: card.branchCode,
      status: 'ACTIVATED',
      onTime: false,
      measuredAt: within(period),
    },
    sort: [{ field: 'measuredAt', direction: 1 }],
    args,
  });
}

/** The records behind `faultWithinSlaRate`'s misses: tickets restored in the period outside SLA. */
export async function missedSlaTickets(actor: Actor | null, card: CardRef, args: PageArgs) {
  const { scope, period } = await context(actor, card);
  return findConnection<FaultTicketDoc>(FaultTicketModel, {
    scope,
    filter: { branchCode: card.branchCode, withinSla: false, measuredAt: within(period) },
    sort: [{ field: 'measuredAt', direction: 1 }],
    args,
  });
}

/** The complaints received in the period (behind first contact and complaints per 100). */
export async function receivedComplaints(actor: Actor | null, card: CardRef, args: PageArgs) {
  const { scope, period } = await context(actor, card);
  return findConnection<ComplaintDoc>(ComplaintModel, {
    scope,
    filter: { branchCode: card.branchCode, receivedAt: within(period) },
    sort: [{ field: 'receivedAt', direction: 1 }],
    args,
  });
}

/** The complaints finally resolved in the period (behind the resolution rate). */
export async function resolvedComplaints(actor: Actor | null, card: CardRef, args: PageArgs) {
  const { scope, period } = await context(actor, card);
  return findConnection<ComplaintDoc>(ComplaintModel, {
    scope,
    filter: { branchCode: card.branchCode, measuredAt: within(period) },
    sort: [{ field: 'measuredAt', direction: 1 }],
    args,
  });
}

/** The responses behind the satisfaction figures. */
export async function periodSurveyResponses(actor: Actor | null, card: CardRef, args: PageArgs) {
  const { scope, period } = await context(actor, card);
  return findConnection<SurveyResponseRow>(SurveyResponseModel, {
    scope,
    filter: { branchCode: card.branchCode, respondedAt: within(period) },
    sort: [{ field: 'respondedAt', direction: 1 }],
    args,
  });
}

/** The paired responses behind the competitor lead: those that rated `competitor` (or any). */
export async function competitorResponses(
  actor: Actor | null,
  card: CardRef,
  args: PageArgs & { competitor?: string | null },
) {
  const { scope, period } = await context(actor, card);
  const rated = args.competitor
    ? { 'competitors.competitor': args.competitor }
    : { 'competitors.0': { $exists: true } };
  return findConnection<SurveyResponseRow>(SurveyResponseModel, {
    scope,
    filter: { branchCode: card.branchCode, respondedAt: within(period), ...rated },
    sort: [{ field: 'respondedAt', direction: 1 }],
    args,
  });
}

/**
 * The accounts behind `followUpCoverage`'s gap: active during the coverage span (the quarter; for
 * a month its quarter up to the month's end; for a year the year) without a completed follow-up.
 */
export async function accountsWithoutFollowUp(actor: Actor | null, card: CardRef, args: PageArgs) {
  const { scope, period } = await context(actor, card);
  const span =
    period.kind === 'MONTH' ? { start: quartersOf(period)[0]!.start, end: period.end } : period;
  const followedUp = await FollowUpModel.distinct('accountId', {
    branchCode: card.branchCode,
    status: 'COMPLETED',
    completedAt: { $gte: span.start, $lt: span.end },
  }).setOptions({ scope });
  return findConnection<KeyAccountDoc>(KeyAccountModel, {
    scope,
    filter: {
      branchCode: card.branchCode,
      openedAt: { $lt: span.end },
      $or: [{ closedAt: null }, { closedAt: { $gte: span.start } }],
      _id: { $nin: followedUp },
    },
    sort: [{ field: 'name', direction: 1 }],
    args,
  });
}
