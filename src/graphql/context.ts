import type { Logger } from '../config/logger';
import type { Actor } from '../modules/auth/actor';
import type { Loaders } from './loaders';

/** Per-request state handed to every resolver. */
export type GraphQLContext = {
  requestId: string;
  logger: Logger;
  /** The authenticated caller; null for anonymous requests. */
  actor: Actor | null;
  loaders: Loaders;
  /** The media type the answer is sent as, negotiated from the request's `Accept` header. */
  responseMediaType: string | null;
};
