import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import type { GraphQLContext } from './context';

/** The two response media types of the GraphQL-over-HTTP specification. */
export const RESPONSE_MEDIA_TYPES = ['application/json', 'application/graphql-response+json'];

// Request errors: the document did not parse or validate, or the variables did not coerce.
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
]);

/**
 * Statuses of request errors per the GraphQL-over-HTTP specification: 400 for a client that
 * accepts `application/graphql-response+json` (Apollo's default), but 200 for a client that only
 * understands `application/json`, which reads the error from the body.
 */
export function requestErrorStatusPlugin(): ApolloServerPlugin<GraphQLContext> {
  const listener: GraphQLRequestListener<GraphQLContext> = {
    async willSendResponse({ contextValue, response }) {
      if (contextValue.responseMediaType !== 'application/json') return;
      if (response.http.status !== 400 || response.body.kind !== 'single') return;
      const { data, errors } = response.body.singleResult;
      const requestError =
        data === undefined &&
        (errors ?? []).every((e) => REQUEST_ERROR_CODES.has(String(e.extensions?.code)));
      if (requestError) response.http.status = 200;
    },
  };
  return { requestDidStart: async () => listener };
}
