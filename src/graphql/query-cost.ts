import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isListType,
  type DocumentNode,
  type GraphQLField,
  type GraphQLSchema,
} from 'graphql';
import { getComplexity, type ComplexityEstimatorArgs } from 'graphql-query-complexity';
import { DEFAULT_PAGE_SIZE } from '../db/keyset-pagination';

/**
 * What a list without a page size is counted as: such lists are short (a ticket's status history,
 * a scorecard's tiers) or bounded by the province (the ranking's branches, 5 in the demo data);
 * 10 keeps a ranking of branches with their drill-down pages from passing as one branch.
 */
export const UNPAGED_LIST_ESTIMATE = 10;

/** How many items a list or connection may return, from its arguments (variables applied). */
function listSize(field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): number {
  for (const name of ['first', 'last']) {
    const value = args[name];
    if (typeof value === 'number' && value >= 0) return value;
  }
  if (Array.isArray(args.ids)) return args.ids.length;
  // A connection without a page size returns the default page.
  if (getNamedType(field.type).name.endsWith('Connection')) return DEFAULT_PAGE_SIZE;
  return UNPAGED_LIST_ESTIMATE;
}

/**
 * The cost model: every object the answer may hold costs 1 (scalars are free), and what a
 * paginated field selects counts once per item of its page. So `keyAccounts(first: 100) {
 * edges { node { branch { code } } } }` costs 1 + 100 × (edges 1 + node 1 + branch 1) = 301,
 * whether the page size is written in the query or passed as a variable. A connection's `edges`
 * list is its page (counted once, at the connection); other lists without a page size count as
 * `UNPAGED_LIST_ESTIMATE` items.
 */
export function objectCountEstimator({
  type,
  field,
  args,
  childComplexity,
}: ComplexityEstimatorArgs) {
  // Introspection reads the schema, not data (its size is bounded by the token limit).
  if (type.name.startsWith('__') || field.name.startsWith('__')) return 0;
  if (!isCompositeType(getNamedType(field.type))) return 0; // scalars and lists of them are free
  if (getNamedType(field.type).name.endsWith('Connection')) {
    return 1 + listSize(field, args) * childComplexity; // the connection, then its page
  }
  // A connection's edges are its page, already counted at the connection.
  const isEdges = field.name === 'edges' && type.name.endsWith('Connection');
  if (!isListType(getNullableType(field.type)) || isEdges) return 1 + childComplexity;
  return listSize(field, args) * (1 + childComplexity);
}

// Costs per parsed document (Apollo reuses the parsed document of a repeated query) and schema,
// by operation and variables: a screen asked again is not walked again.
const known = new WeakMap<DocumentNode, WeakMap<GraphQLSchema, Map<string, number>>>();

/** The cost of the operation that will run, with the request's variables. */
export function queryCost(options: {
  schema: GraphQLSchema;
  document: DocumentNode;
  operationName?: string | null;
  variables?: Record<string, unknown>;
}): number {
  const bySchema = known.get(options.document) ?? new WeakMap();
  known.set(options.document, bySchema);
  const costs = bySchema.get(options.schema) ?? new Map<string, number>();
  bySchema.set(options.schema, costs);
  const key = JSON.stringify([options.operationName ?? null, options.variables ?? {}]);
  let cost = costs.get(key);
  if (cost === undefined) {
    cost = getComplexity({
      schema: options.schema,
      query: options.document,
      operationName: options.operationName ?? undefined,
      variables: options.variables ?? {},
      estimators: [objectCountEstimator],
    });
    // Bounded: one entry per distinct variables of this document (a long-lived screen's few).
    if (costs.size >= 100) costs.clear();
    costs.set(key, cost);
  }
  return cost;
}
