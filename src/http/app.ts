import { randomUUID } from 'node:crypto';
import type { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type ErrorRequestHandler } from 'express';
import { pinoHttp } from 'pino-http';
import type { Logger } from '../config/logger';
import type { GraphQLContext } from '../graphql/context';
import { createLoaders } from '../graphql/loaders';
import { authenticateRequest } from '../graphql/authenticate';
import { webAppRouter } from '../modules/web-app/web-app.router';
import { pagesRouter } from './pages';
import { scorecardExportRouter } from './scorecard-export';

/** JSON for every error that reaches Express (malformed JSON, oversize bodies); never HTML. */
const jsonErrors: ErrorRequestHandler = (error, req, res, _next) => {
  const status = Number(error?.status ?? error?.statusCode ?? 500);
  const known = status >= 400 && status < 500;
  if (!known) req.log?.error({ err: error }, 'unhandled HTTP error');
  const message =
    error?.type === 'entity.parse.failed'
      ? 'Malformed JSON in request body'
      : known
        ? String(error?.message ?? 'Bad request')
        : 'Internal server error';
  res.status(known ? status : 500).json({
    errors: [{ message, extensions: { code: known ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR' } }],
  });
};

/** The Express application: health, readiness, GraphQL, the CSV export and the web app. */
export function createApp(options: {
  apollo: ApolloServer<GraphQLContext>;
  logger: Logger;
  isReady(): Promise<boolean>;
}): express.Express {
  const { apollo, logger, isReady } = options;
  const app = express();
  app.disable('x-powered-by');
  app.use(
    pinoHttp({
      logger,
      genReqId: (req, res) => {
        const given = req.headers['x-request-id'];
        const id = typeof given === 'string' && given.length <= 128 ? given : randomUUID();
        res.setHeader('x-request-id', id);
        return id;
      },
    }),
  );
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const ready = await isReady();
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'database unreachable' });
  });
  app.use(pagesRouter());
  app.use(
    '/graphql',
    express.json({ limit: '2mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const actor = await authenticateRequest(req.headers.authorization);
        return { requestId: String(req.id), logger: req.log, actor, loaders: createLoaders(actor) };
      },
    }),
  );
  app.use(scorecardExportRouter());
  app.use(webAppRouter());
  app.use(jsonErrors);
  return app;
}
