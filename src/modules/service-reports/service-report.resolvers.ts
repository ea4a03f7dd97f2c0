import type { Resolvers } from '../../graphql/generated/resolvers-types';
import { branchScorecard } from '../scorecards/scorecard.service';
import { branchSatisfaction } from '../surveys/satisfaction.service';
import { accountServiceReport } from './service-report.service';

// The sections are views of one computed report: each resolves its fields from it.
export const serviceReportResolvers: Resolvers = {
  Query: {
    accountServiceReport: (_p, { accountId, period }, { actor }) =>
      accountServiceReport({ actor, accountId, period }),
  },
  AccountServiceReport: {
    period: (report) => report.period.label,
    periodStart: (report) => report.period.start,
    periodEnd: (report) => report.period.end,
    activation: (report) => report,
    faults: (report) => report,
    followUps: (report) => report,
    complaints: (report) => report,
    satisfaction: (report) => report,
    branchScorecard: (report, _args, { actor, loaders }) =>
      branchScorecard({
        actor,
        branchCode: report.account.branchCode,
        period: report.period.label,
        cardsOf: (label) => loaders.scorecardsByPeriod.load(label),
      }),
  },
  ServiceReportActivation: {
    activated: (report) => report.activated,
    open: (report) => report.openOrders,
    onTimeRate: (report) => report.figures.scorecard.activationOnTimeRate,
    latenessMinutes: (report) => report.figures.scorecard.activationLatenessMinutes,
    delayNotifiedRate: (report) => report.figures.delayNotifiedRate,
    delayReasons: (report) => report.figures.delayReasons,
  },
  ServiceReportFaults: {
    restored: (report) => report.restored,
    open: (report) => report.openTickets,
    withinSlaRate: (report) => report.figures.scorecard.faultWithinSlaRate,
    tiers: (report) => report.figures.scorecard.tiers,
    acknowledgementMinutes: (report) => report.figures.scorecard.acknowledgementMinutes,
    repeatRate: (report) => report.figures.repeatRate,
    causeExplainedRate: (report) => report.figures.causeExplainedRate,
    pausedTickets: (report) => report.figures.pausedTickets,
  },
  ServiceReportFollowUps: {
    followUps: (report) => report.followUps,
    completed: (report) => report.followUps.filter((f) => f.status === 'COMPLETED').length,
    coverage: (report) => report.figures.scorecard.followUpCoverage,
    postActivationFollowUpRate: (report) => report.figures.scorecard.postActivationFollowUpRate,
    postRepairFollowUpRate: (report) => report.figures.scorecard.postRepairFollowUpRate,
  },
  ServiceReportComplaints: {
    complaints: (report) => report.complaints,
    received: (report) => report.figures.complaints.received,
    firstContactRate: (report) => report.figures.complaints.firstContactRate,
    resolutionRate: (report) => report.figures.complaints.resolutionRate,
    // The same batched lookup `Complaint.repeatOf` uses, so asking both costs one query.
    repeats: async (report, _args, { loaders }) =>
      (await loaders.repeatedComplaints.loadMany(report.complaints)).filter(
        (earlier) => earlier != null,
      ).length,
  },
  ServiceReportSatisfaction: {
    responses: (report) => report.responses,
    account: (report, _args, { loaders }) =>
      loaders.satisfactionByAccount(report.period.label).load(report.account),
    branch: (report, _args, { actor }) =>
      branchSatisfaction({
        actor,
        branchCode: report.account.branchCode,
        period: report.period.label,
      }),
  },
};
