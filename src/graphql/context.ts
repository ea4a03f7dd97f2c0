import type { Logger } from '../config/logger';

/** Per-request state handed to every resolver. */
export type GraphQLContext = {
  requestId: string;
  logger: Logger;
};
