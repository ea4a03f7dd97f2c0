import type { Server } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import type { Config } from '../config/env';
import type { Logger } from '../config/logger';
import type { GraphQLContext } from './context';
import { compiledExecution } from './compiled-executor';
import { createFormatError, serviceUnavailableStatus } from './format-error';
import { requestErrorStatusPlugin } from './http-status.plugin';
import { operationSelectionPlugin } from './operation-selection.plugin';
import { queryLimitsOf, queryProtection } from './query-protection';
import { buildSchema } from './schema';

/** Builds the Apollo server with its security limits and error masking. */
export function createApollo(options: {
  config: Config;
  logger: Logger;
  httpServer: Server;
}): ApolloServer<GraphQLContext> {
  const { config, logger, httpServer } = options;
  const protection = queryProtection(queryLimitsOf(config));
  return new ApolloServer<GraphQLContext>({
    gateway: compiledExecution(buildSchema()),
    introspection: config.GRAPHQL_INTROSPECTION ?? config.NODE_ENV !== 'production',
    includeStacktraceInErrorResponses: false,
    // The service drains and closes everything itself on SIGTERM/SIGINT (src/main.ts); Apollo's
    // own handlers would stop it a second time and re-raise the signal, hanging the shutdown.
    stopOnTerminationSignals: false,
    hideSchemaDetailsFromClientErrors: true,
    formatError: createFormatError(logger),
    parseOptions: protection.parseOptions,
    validationRules: protection.validationRules,
    plugins: [
      ...protection.plugins,
      requestErrorStatusPlugin(),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      serviceUnavailableStatus,
      // Apollo's landing page loads Sandbox from a CDN (blank offline); the service serves
      // GraphiQL itself at /graphiql (src/http/pages.ts).
      ApolloServerPluginLandingPageDisabled(),
      // The service sets no cache hints; the plugin's per-field hook wrapped every resolver of
      // every request (a tenth of the account screen's time) to compute a policy never sent.
      ApolloServerPluginCacheControlDisabled(),
      operationSelectionPlugin,
    ],
    logger,
  });
}
