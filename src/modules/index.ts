import type { Resolvers } from '../graphql/generated/resolvers-types';
import { accountResolvers } from './accounts/account.resolvers';
import { auditResolvers } from './audit/audit.resolvers';
import { authResolvers } from './auth/auth.resolvers';
import { branchResolvers } from './branches/branch.resolvers';
import { importResolvers } from './imports/import.resolvers';
import { journeyRecordResolvers } from './journey-records/journey-records.resolvers';
import { journeyResolvers } from './journey/journey.resolvers';
import { followUpResolvers } from './follow-ups/follow-up.resolvers';
import { surveyResolvers } from './surveys/survey.resolvers';
import { slaPolicyResolvers } from './sla-policies/sla-policy.resolvers';
import { activationOrderResolvers } from './activation/activation-order.resolvers';
import { faultTicketResolvers } from './faults/fault-ticket.resolvers';
import { complaintResolvers } from './complaints/complaint.resolvers';
import { scorecardResolvers } from './scorecards/scorecard.resolvers';
import { nodeResolvers } from './nodes/node.resolvers';
import { serviceReportResolvers } from './service-reports/service-report.resolvers';

/** Every domain module's resolvers; importing them also registers their mongoose models. */
export const moduleResolvers: Resolvers[] = [
  branchResolvers,
  authResolvers,
  accountResolvers,
  journeyResolvers,
  journeyRecordResolvers,
  auditResolvers,
  importResolvers,
  followUpResolvers,
  surveyResolvers,
  slaPolicyResolvers,
  activationOrderResolvers,
  faultTicketResolvers,
  complaintResolvers,
  scorecardResolvers,
  nodeResolvers,
  serviceReportResolvers,
];
