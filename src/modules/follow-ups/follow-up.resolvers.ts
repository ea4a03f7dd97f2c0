import type { Resolvers } from '../../graphql/generated/resolvers-types';
import { actorScope } from '../access/scope';
import { requireActor } from '../auth/actor';
import { declareFieldReads } from '../../graphql/field-reads';
import { journeyEventFields, journeyEventReads } from '../journey/journey.resolvers';
// Also registers the cadence's lifecycle handlers at start.
import { schedulePeriodicFollowUps } from './follow-up-cadence.service';
import { followUpCompliance } from './follow-up-compliance.service';
import { isFollowUpOverdue } from './follow-up-rules';
import {
  cancelFollowUp,
  completeFollowUp,
  findFollowUp,
  listFollowUpsDue,
  missFollowUp,
  scheduleFollowUp,
} from './follow-up.service';

const idOrNull = (id: unknown) => (id ? String(id) : null);

declareFieldReads('FollowUp', {
  ...journeyEventReads,
  overdue: ['status', 'dueAt'],
  scheduledBy: ['recordedBy'],
  raisedConsultationId: ['raisedConsultationId'],
  followsOrderId: ['followsOrderId'],
  followsTicketId: ['followsTicketId'],
  followsComplaintId: ['followsComplaintId'],
});

export const followUpResolvers: Resolvers = {
  Query: {
    followUp: (_p, { id }, { actor }) => findFollowUp(actorScope(requireActor(actor)), id),
    followUpsDue: (_p, { branchCode, before, accountManagerLogin, first, after }, { actor }) =>
      listFollowUpsDue({ actor, branchCode, before, accountManagerLogin, args: { first, after } }),
    followUpCompliance: (_p, { branchCode, period }, { actor }) =>
      followUpCompliance({ actor, branchCode, period }),
  },
  Mutation: {
    scheduleFollowUp: (_p, { input }, { actor }) => scheduleFollowUp({ actor, input }),
    completeFollowUp: (_p, { id, ...args }, { actor }) => completeFollowUp({ actor, id, args }),
    missFollowUp: (_p, { id, at }, { actor }) => missFollowUp({ actor, id, at }),
    cancelFollowUp: (_p, { id, at }, { actor }) => cancelFollowUp({ actor, id, at }),
    schedulePeriodicFollowUps: (_p, { quarter, branchCode }, { actor }) =>
      schedulePeriodicFollowUps({ actor, quarter, branchCode }),
  },
  KeyAccount: {
    followUps: (account, args, { loaders }) =>
      loaders.followUpsByAccount(args).load(String(account._id)),
  },
  FollowUp: {
    ...journeyEventFields,
    overdue: (followUp) =>
      isFollowUpOverdue({ status: followUp.status, dueAt: followUp.dueAt, now: new Date() }),
    scheduledBy: (followUp) => followUp.recordedBy,
    raisedConsultationId: (followUp) => idOrNull(followUp.raisedConsultationId),
    followsOrderId: (followUp) => idOrNull(followUp.followsOrderId),
    followsTicketId: (followUp) => idOrNull(followUp.followsTicketId),
    followsComplaintId: (followUp) => idOrNull(followUp.followsComplaintId),
  },
  FollowUpCompliance: {
    branch: async (report, _args, { loaders }) =>
      (await loaders.branchesByCode.load(report.branchCode))!,
    period: (report) => report.period.label,
    periodStart: (report) => report.period.start,
    periodEnd: (report) => report.period.end,
  },
};
