import { unwrapResolverError } from '@apollo/server/errors';
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import { isDatabaseUnavailable } from '../db/unavailable';
import { AppError, UNAVAILABLE_MESSAGE, type ErrorCode } from '../shared/errors';
import type { Logger } from '../config/logger';
import { QueryLimitError, queryLimitErrorOf } from './query-limits';

// Exhaustive: adding a code without deciding how it is presented fails to compile.
const PRESENTED: Record<ErrorCode, true> = {
  BAD_USER_INPUT: true,
  NOT_FOUND: true,
  UNAUTHENTICATED: true,
  FORBIDDEN: true,
  CONFLICT: true,
  ILLEGAL_TRANSITION: true,
  SERVICE_UNAVAILABLE: true,
};

// Errors produced by GraphQL itself (parse, validation, coercion, armor limits) are safe to show.
const GRAPHQL_OWN_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'UNAUTHENTICATED', // raised while building the context (bad token)
]);

/** Passes the project's coded errors through, masks everything else and logs it in full. */
export function createFormatError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    // The database being away is the client's business only as "retry later" (HTTP 503).
    if (isDatabaseUnavailable(original) || formatted.extensions?.code === 'SERVICE_UNAVAILABLE') {
      logger.warn({ err: original, path: formatted.path }, 'database unavailable');
      return {
        message: UNAVAILABLE_MESSAGE,
        path: formatted.path,
        locations: formatted.locations,
        extensions: { code: 'SERVICE_UNAVAILABLE' },
      };
    }
    if (original instanceof AppError && PRESENTED[original.code]) {
      return {
        message: original.message,
        path: formatted.path,
        locations: formatted.locations,
        extensions: { code: original.code, ...(original.field ? { field: original.field } : {}) },
      };
    }
    // A refused operation (too costly, deep, long …), also when Apollo wrapped it as a parse or
    // validation error: which limit and by how much.
    const limit = queryLimitErrorOf(error);
    if (limit) {
      return {
        message: limit.message,
        extensions: QueryLimitError.details(limit.limit, limit.max, limit.actual),
      };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && GRAPHQL_OWN_CODES.has(code) && original === error) {
      return { ...formatted, extensions: { code } };
    }
    logger.error({ err: original, path: formatted.path }, 'unexpected error in GraphQL operation');
    return {
      message: 'Internal server error',
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}

/**
 * HTTP 503 for an operation that failed because the database was unreachable, so load balancers
 * and clients see "retry later" rather than a 200 with errors or a 500.
 */
export const serviceUnavailableStatus: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (response.body.kind !== 'single') return;
        const errors = response.body.singleResult.errors ?? [];
        if (errors.some((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE')) {
          response.http.status = 503;
        }
      },
    };
  },
};
