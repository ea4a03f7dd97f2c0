import { GraphQLError } from 'graphql';
import { isDatabaseUnavailable } from '../db/unavailable';
import { AppError, UNAVAILABLE_MESSAGE } from '../shared/errors';
import { authenticate } from '../modules/auth/auth.service';
import type { Actor } from '../modules/auth/actor';

/** The caller of a GraphQL request; a bad token is answered 401 before any resolver runs. */
export async function authenticateRequest(header: string | undefined): Promise<Actor | null> {
  try {
    return await authenticate(header);
  } catch (error) {
    if (error instanceof AppError) {
      throw new GraphQLError(error.message, { extensions: error.extensions });
    }
    if (isDatabaseUnavailable(error)) {
      throw new GraphQLError(UNAVAILABLE_MESSAGE, {
        extensions: { code: 'SERVICE_UNAVAILABLE', http: { status: 503 } },
      });
    }
    throw error;
  }
}
