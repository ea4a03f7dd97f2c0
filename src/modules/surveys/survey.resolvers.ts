import type { GraphQLContext } from '../../graphql/context';
import type { Resolvers } from '../../graphql/generated/resolvers-types';
import { notFound } from '../../shared/errors';
import { listCompetitors, upsertCompetitor } from '../competitors/competitor.service';
import { declareFieldReads } from '../../graphql/field-reads';
import { journeyEventFields, journeyEventReads } from '../journey/journey.resolvers';
import { listSurveyAttributes, upsertSurveyAttribute } from './attribute-catalogue.service';
import { standardSatisfactionIndex } from './satisfaction';
import { branchSatisfaction } from './satisfaction.service';
import { recordSurveyResponse } from './survey.service';

// The listed competitor of a code; competitors are never removed from the list.
const competitorOf = async (
  row: { competitor: string },
  _args: unknown,
  { loaders }: GraphQLContext,
) => {
  const competitor = await loaders.competitorsByCode.load(row.competitor);
  if (!competitor) throw notFound('competitor');
  return competitor;
};

// The catalogue's label of an attribute scored or analysed; null once it left the catalogue.
const labelOf = async (row: { attribute: string }, _args: unknown, { loaders }: GraphQLContext) =>
  (await loaders.surveyAttributesByKey.load(row.attribute))?.label ?? null;

declareFieldReads('SurveyResponse', {
  ...journeyEventReads,
  satisfactionIndex: ['cs1', 'cs2', 'cs3'],
  followUp: ['followUpId'],
});

export const surveyResolvers: Resolvers = {
  Query: {
    surveyAttributes: (_p, { includeInactive }) => listSurveyAttributes(includeInactive ?? false),
    satisfaction: (_p, { branchCode, period }, { actor }) =>
      branchSatisfaction({ actor, branchCode, period }),
    competitors: () => listCompetitors(),
  },
  Mutation: {
    recordSurveyResponse: (_p, { input }, { actor }) => recordSurveyResponse({ actor, input }),
    upsertSurveyAttribute: (_p, { input }, { actor }) => upsertSurveyAttribute({ actor, input }),
    upsertCompetitor: (_p, { input }, { actor }) => upsertCompetitor({ actor, input }),
  },
  KeyAccount: {
    surveyResponses: (account, args, { loaders }) =>
      loaders.surveyResponsesByAccount(args).load(String(account._id)),
    satisfaction: (account, { period }, { loaders }) =>
      loaders.satisfactionByAccount(period).load(account),
  },
  SurveyResponse: {
    ...journeyEventFields,
    satisfactionIndex: (response) =>
      standardSatisfactionIndex({
        cs1Mean: response.cs1,
        cs2Mean: response.cs2,
        cs3Mean: response.cs3,
      }),
    followUp: (response, _args, { loaders }) =>
      response.followUpId ? loaders.followUpsById.load(String(response.followUpId)) : null,
  },
  SurveyAttribute: { id: (attribute) => String(attribute._id) },
  AttributeScore: { label: labelOf },
  CompetitorScore: { competitor: competitorOf },
  CompetitorLead: { competitor: competitorOf },
  Competitor: { id: (competitor) => String(competitor._id) },
  AttributeQuadrant: { label: labelOf },
  SatisfactionSummary: {
    branch: async (report, _args, { loaders }) =>
      (await loaders.branchesByCode.load(report.branchCode))!,
    account: async (report, _args, { loaders }) => {
      if (!report.accountId) return null;
      const account = await loaders.accountsById.load(String(report.accountId));
      if (!account) throw notFound('key account');
      return account;
    },
    leadCompetitor: (report, _args, context) =>
      report.leadCompetitor
        ? competitorOf({ competitor: report.leadCompetitor }, null, context)
        : null,
    period: (report) => report.period.label,
    periodStart: (report) => report.period.start,
    periodEnd: (report) => report.period.end,
  },
};
