import {
  getNamedType,
  isCompositeType,
  type DocumentNode,
  type GraphQLField,
  type GraphQLSchema,
} from 'graphql';
import { getComplexity, type ComplexityEstimatorArgs } from 'graphql-query-complexity';
import { DEFAULT_PAGE_SIZE } from '../db/keyset-pagination';

/** How many items a list field may return, from its arguments (variables already applied). */
function listSize(field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): number {
  for (const name of ['first', 'last']) {
    const value = args[name];
    if (typeof value === 'number' && value >= 0) return value;
  }
  if (Array.isArray(args.ids)) return args.ids.length;
  // A connection without a page size returns the default page.
  return getNamedType(field.type).name.endsWith('Connection') ? DEFAULT_PAGE_SIZE : 1;
}

/**
 * The cost model: every object the answer may hold costs 1 (scalars are free), and what a
 * paginated field selects counts once per item of its page. So `keyAccounts(first: 100) {
 * edges { node { branch { code } } } }` costs 1 + 100 × (edges 1 + node 1 + branch 1) = 301,
 * whether the page size is written in the query or passed as a variable.
 */
export function objectCountEstimator({ field, args, childComplexity }: ComplexityEstimatorArgs) {
  const own = isCompositeType(getNamedType(field.type)) ? 1 : 0;
  return own + listSize(field, args) * childComplexity;
}

/** The cost of the operation that will run, with the request's variables. */
export function queryCost(options: {
  schema: GraphQLSchema;
  document: DocumentNode;
  operationName?: string | null;
  variables?: Record<string, unknown>;
}): number {
  return getComplexity({
    schema: options.schema,
    query: options.document,
    operationName: options.operationName ?? undefined,
    variables: options.variables ?? {},
    estimators: [objectCountEstimator],
  });
}
