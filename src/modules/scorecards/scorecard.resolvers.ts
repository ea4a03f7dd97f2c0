import type { Resolvers } from '../../graphql/generated/resolvers-types';
import {
  accountsWithoutFollowUp,
  competitorResponses,
  lateActivations,
  missedSlaTickets,
  periodSurveyResponses,
  receivedComplaints,
  resolvedComplaints,
} from './scorecard-drilldown';
import { compositeNodeId } from '../nodes/node-id';
import { branchScorecard, scorecardRanking, setScorecardTarget } from './scorecard.service';

export const scorecardResolvers: Resolvers = {
  Query: {
    branchScorecard: (_parent, args, { actor, loaders }) =>
      branchScorecard({
        actor,
        ...args,
        cardsOf: (label) => loaders.scorecardsByPeriod.load(label),
      }),
    scorecardRanking: (_parent, { period }, { actor, loaders }) =>
      scorecardRanking({
        actor,
        period,
        cardsOf: (label) => loaders.scorecardsByPeriod.load(label),
      }),
  },
  Mutation: {
    setScorecardTarget: (_parent, { input }, { actor }) => setScorecardTarget({ actor, input }),
  },
  BranchScorecard: {
    id: (card) => compositeNodeId('BranchScorecard', card.branchCode, card.period),
    branch: async (card, _args, { loaders }) =>
      (await loaders.branchesByCode.load(card.branchCode))!,
    lateActivations: (card, args, { actor }) => lateActivations(actor, card, args),
    missedSlaTickets: (card, args, { actor }) => missedSlaTickets(actor, card, args),
    accountsWithoutFollowUp: (card, args, { actor }) => accountsWithoutFollowUp(actor, card, args),
    surveyResponses: (card, args, { actor }) => periodSurveyResponses(actor, card, args),
    competitorResponses: (card, args, { actor }) => competitorResponses(actor, card, args),
    receivedComplaints: (card, args, { actor }) => receivedComplaints(actor, card, args),
    resolvedComplaints: (card, args, { actor }) => resolvedComplaints(actor, card, args),
    leadCompetitor: (card, _args, { loaders }) =>
      card.leadCompetitor ? loaders.competitorsByCode.load(card.leadCompetitor) : null,
  },
};
