import { shareFigure, type Figure } from '../../shared/figure';
import type { Period } from '../../shared/period';
import { activationTimeFigures } from '../activation/activation-order.state';
import type { DelayReason } from '../activation/activation-rules';
import {
  complaintFigures,
  finalResolution,
  type MeasuredComplaint,
} from '../complaints/complaint-rules';
import {
  coverageForPeriod,
  isPostActivationCompliant,
  isPostRepairCompliant,
} from '../follow-ups/follow-up-rules';
import {
  latenessSums,
  scorecardFigures,
  ticketTallies,
  type MeasuredTicket,
  type ScorecardFigures,
  type ScorecardInputs,
} from '../scorecards/scorecard-figures';
import { responseInputsOf, type ScoredResponse } from '../scorecards/response-tallies';

/** An activation order as the report measures it (stored measured fields). */
export type ReportOrder = Parameters<typeof activationTimeFigures>[0] & {
  activatedAt: Date | null;
  delays: { reason: DelayReason }[];
};

/** A fault ticket as the report measures it: restored ones carry their stored measures. */
export type ReportTicket = Omit<
  MeasuredTicket,
  'isRepeat' | 'repairDurationMinutes' | 'withinSla'
> & {
  repairDurationMinutes: number | null;
  withinSla: boolean | null;
  repeatOfTicketId: unknown;
  causeExplainedAt: Date | null;
  closedAt: Date | null;
  pauseCount: number;
};

/** The account's records of a period, as the report reads them. */
export type ReportRecords = {
  account: { id: string; openedAt: Date; closedAt: Date | null };
  /** Activated in the period. */
  activated: ReportOrder[];
  /** Placed before the period's end, still open. */
  open: ReportOrder[];
  /** Finally restored in the period. */
  restored: ReportTicket[];
  /** Closed (customer confirmed) in the period; may overlap `restored`. */
  closed: { closedAt: Date }[];
  /** Completion times of the account's follow-ups from the period's first quarter on. */
  completions: Date[];
  responses: ScoredResponse[];
  /** Received or finally resolved in the period. */
  complaints: MeasuredComplaint[];
};

/** A delay reason and how many of the report's orders had it. */
export type DelayReasonCount = { reason: DelayReason; orders: number };

/** The report's figures: the scorecard's own figures over the account, plus the report's counts. */
export type ReportFigures = {
  scorecard: ScorecardFigures;
  delayNotifiedRate: Figure;
  delayReasons: DelayReasonCount[];
  repeatRate: Figure;
  causeExplainedRate: Figure;
  pausedTickets: number;
  complaints: { received: number; firstContactRate: Figure; resolutionRate: Figure };
};

const inPeriod = (at: Date | null, period: Period) =>
  at !== null && at >= period.start && at < period.end;

// The complaint rules' own rates, over this account's complaints of the period.
function complaintRates(complaints: readonly MeasuredComplaint[], period: Period, now: Date) {
  const received = complaints.filter((c) => inPeriod(c.receivedAt, period));
  const figures = complaintFigures({
    received,
    resolved: complaints.filter((c) => inPeriod(finalResolution(c.history), period)),
    activeAccounts: 1,
    asOf: period.end < now ? period.end : now,
  });
  return {
    received: received.length,
    firstContactRate: figures.complaintFirstContactRate,
    resolutionRate: figures.complaintResolutionRate,
  };
}

const count = <T>(rows: readonly T[], keep: (row: T) => boolean) => rows.filter(keep).length;

/**
 * The scorecard's inputs for one account: the same rules as a branch's card (measurement rules
 * "Branch scorecard"), fed with this account's records only.
 */
export function accountScorecardInputs(
  records: ReportRecords,
  period: Period,
  now: Date,
): ScorecardInputs {
  const completions = records.completions.map((completedAt) => ({
    accountId: records.account.id,
    completedAt,
  }));
  const compliance = (instants: Date[], rule: (at: Date, done: Date[]) => boolean) => ({
    compliant: count(instants, (at) => rule(at, records.completions)),
    total: instants.length,
  });
  const asOf = period.end < now ? period.end : now;
  return {
    responses: responseInputsOf(records.responses),
    activationLateness: latenessSums(records.activated.map((order) => order.latenessMinutes)),
    overdueActivations: count(records.open, (order) => activationTimeFigures(order, asOf).overdue),
    tickets: ticketTallies(
      records.restored.map((ticket) => ({
        severity: ticket.severity,
        repairDurationMinutes: ticket.repairDurationMinutes ?? 0,
        withinSla: ticket.withinSla === true,
        isRepeat: ticket.repeatOfTicketId != null,
        acknowledgementMinutes: ticket.acknowledgementMinutes,
      })),
    ),
    followUpCoverage: coverageForPeriod(
      period,
      [
        {
          id: records.account.id,
          createdAt: records.account.openedAt,
          closedAt: records.account.closedAt,
        },
      ],
      completions,
    ),
    postActivation: compliance(
      records.activated.flatMap((order) => (order.activatedAt ? [order.activatedAt] : [])),
      isPostActivationCompliant,
    ),
    postRepair: compliance(
      records.closed.map((ticket) => ticket.closedAt),
      isPostRepairCompliant,
    ),
  };
}

// Each order counts once per reason, however often it was delayed for it.
function delayReasonCounts(orders: readonly ReportOrder[]): DelayReasonCount[] {
  const counts = new Map<DelayReason, number>();
  for (const order of orders) {
    for (const reason of new Set(order.delays.map((delay) => delay.reason))) {
      counts.set(reason, (counts.get(reason) ?? 0) + 1);
    }
  }
  return [...counts]
    .map(([reason, orders]) => ({ reason, orders }))
    .sort((a, b) => b.orders - a.orders || (a.reason < b.reason ? -1 : 1));
}

/** Every figure of an account's service report for a period, as of `now`. */
export function serviceReportFigures(
  records: ReportRecords,
  period: Period,
  now: Date,
): ReportFigures {
  const orders = [...records.activated, ...records.open];
  const told = orders
    .map((order) => activationTimeFigures(order, now).delayNotified)
    .filter((notified): notified is boolean => notified !== null);
  const restored = records.restored;
  return {
    scorecard: scorecardFigures(accountScorecardInputs(records, period, now)),
    delayNotifiedRate: shareFigure(count(told, Boolean), told.length),
    delayReasons: delayReasonCounts(orders),
    repeatRate: shareFigure(
      count(restored, (t) => t.repeatOfTicketId != null),
      restored.length,
    ),
    causeExplainedRate: shareFigure(
      count(restored, (t) => t.causeExplainedAt != null),
      restored.length,
    ),
    pausedTickets: count(restored, (t) => t.pauseCount > 0),
    complaints: complaintRates(records.complaints, period, now),
  };
}
