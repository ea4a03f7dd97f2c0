import { actorScope, anonymousScope } from '../modules/access/scope';
import { createAccountsById } from '../modules/accounts/account.loaders';
import { createUsersById } from '../modules/auth/auth.loaders';
import type { Actor } from '../modules/auth/actor';
import { createBranchesByCode } from '../modules/branches/branch.loaders';
import { createCompetitorsByCode } from '../modules/competitors/competitor.loaders';
import { createOperationSelection } from './field-reads';
import { createNodesById } from '../modules/nodes/node.loaders';
import { createAccountRecordReader } from '../modules/journey/account-records.loaders';
import { createTimelinesByAccount } from '../modules/journey/timeline.loaders';
import { createActivationOrdersByAccount } from '../modules/activation/activation-order.loaders';
import {
  createFaultTicketsByAccount,
  createFaultTicketsById,
} from '../modules/faults/fault-ticket.loaders';
import {
  createComplaintsByAccount,
  createRepeatedComplaints,
} from '../modules/complaints/complaint.loaders';
import { createScorecardsByPeriod } from '../modules/scorecards/scorecard.loaders';
import { createSlaPoliciesById } from '../modules/sla-policies/sla-policy.loaders';
import {
  createFollowUpsByAccount,
  createFollowUpsById,
} from '../modules/follow-ups/follow-up.loaders';
import {
  createSatisfactionByAccount,
  createSurveyAttributesByKey,
  createSurveyResponsesByAccount,
} from '../modules/surveys/survey.loaders';

/** Per-request DataLoaders: one batched query per relation and tick, cached for the request. */
export function createLoaders(actor: Actor | null) {
  const scope = actor ? actorScope(actor) : anonymousScope;
  // The request's operation (set once Apollo has resolved it): list reads decode what it selects.
  const selection = createOperationSelection();
  const records = createAccountRecordReader(scope, selection);
  return {
    selection,
    accountRecords: records,
    branchesByCode: createBranchesByCode(),
    usersById: createUsersById(actor),
    accountsById: createAccountsById(scope),
    timelinesByAccount: createTimelinesByAccount(records),
    slaPoliciesById: createSlaPoliciesById(),
    activationOrdersByAccount: createActivationOrdersByAccount(scope, records),
    faultTicketsById: createFaultTicketsById(scope),
    faultTicketsByAccount: createFaultTicketsByAccount(scope, records),
    complaintsByAccount: createComplaintsByAccount(scope),
    repeatedComplaints: createRepeatedComplaints(scope),
    followUpsById: createFollowUpsById(scope),
    followUpsByAccount: createFollowUpsByAccount(scope),
    surveyResponsesByAccount: createSurveyResponsesByAccount(scope),
    satisfactionByAccount: createSatisfactionByAccount(scope),
    surveyAttributesByKey: createSurveyAttributesByKey(),
    competitorsByCode: createCompetitorsByCode(),
    scorecardsByPeriod: createScorecardsByPeriod(),
    nodesById: createNodesById(actor),
  };
}

/** The loaders of one request. */
export type Loaders = ReturnType<typeof createLoaders>;
