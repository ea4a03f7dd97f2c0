import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, type ParseOptions, type ValidationContext } from 'graphql';
import type { Config } from '../config/env';
import { queryCost } from './query-cost';
import { QueryLimitError, type QueryLimit } from './query-limits';

/** The limits every operation is checked against (see docs/account-managers.md "Limits"). */
export type QueryLimits = Record<QueryLimit, number>;

/** The limits in force for a configuration. */
export function queryLimitsOf(config: Config): QueryLimits {
  return {
    tokens: 2000,
    depth: config.GRAPHQL_MAX_DEPTH,
    aliases: 15,
    directives: 50,
    cost: config.GRAPHQL_MAX_COST,
  };
}

// GraphQL Armor reports "<Kind> limit of <max> exceeded, found <actual>."; it is turned into the
// project's coded error, so clients get which limit and by how much (and never "Syntax Error").
function reportAs(limit: QueryLimit, max: number) {
  return (context: ValidationContext | null, error: GraphQLError) => {
    const found = /found (\d+)/.exec(error.message);
    context?.reportError(new QueryLimitError(limit, max, found ? Number(found[1]) : max + 1));
  };
}

const armorRule = (limit: QueryLimit, max: number) => ({
  n: max,
  propagateOnRejection: false,
  onReject: [reportAs(limit, max)],
});

/**
 * Parse options, validation rules and Apollo plugins enforcing the limits. Depth, aliases and
 * directives are GraphQL Armor's. Tokens are GraphQL's own parser limit (it stops parsing at the
 * limit; the answer counts the document's tokens, see `queryLimitErrorOf`). Cost is ours: Armor's
 * cost model ignores page sizes passed as variables (as Relay and Apollo clients pass them) and
 * grows by 1.5× per level of nesting, which refused the documented 100-account page with its
 * 5-event timelines.
 */
export function queryProtection(limits: QueryLimits) {
  const armor = new ApolloArmor({
    maxDepth: armorRule('depth', limits.depth),
    maxAliases: armorRule('aliases', limits.aliases),
    maxDirectives: armorRule('directives', limits.directives),
    costLimit: { enabled: false },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: true },
  }).protect();
  const limitsPlugin: ApolloServerPlugin = {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operationName, request }) {
          let cost: number;
          try {
            cost = queryCost({ schema, document, operationName, variables: request.variables });
          } catch (error) {
            // Variables that do not coerce (an unknown enum value, a string for an Int): the
            // operation never runs, and execution answers that as BAD_USER_INPUT, not as a fault.
            if (error instanceof GraphQLError) return;
            throw error;
          }
          if (cost > limits.cost) throw new QueryLimitError('cost', limits.cost, cost);
        },
      };
    },
  };
  const parseOptions: ParseOptions = { maxTokens: limits.tokens };
  return {
    parseOptions,
    validationRules: armor.validationRules,
    plugins: [...armor.plugins, limitsPlugin],
  };
}
