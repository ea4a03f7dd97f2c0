import { randomUUID } from 'node:crypto';
import type { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type ErrorRequestHandler } from 'express';
import { pinoHttp } from 'pino-http';
import type { Logger } from '../config/logger';
import { isDatabaseUnavailable } from '../db/unavailable';
import { UNAVAILABLE_MESSAGE } from '../shared/errors';
import type { GraphQLContext } from '../graphql/context';
import { createLoaders } from '../graphql/loaders';
import { authenticateRequest } from '../graphql/authenticate';
import { RESPONSE_MEDIA_TYPES } from '../graphql/http-status.plugin';
import { webAppRouter } from '../modules/web-app/web-app.router';
import { pagesRouter } from './pages';
import { scorecardExportRouter } from './scorecard-export';

/** JSON for every error that reaches Express (malformed JSON, oversize bodies); never HTML. */
const jsonErrors: ErrorRequestHandler = (error, req, res, _next) => {
  if (isDatabaseUnavailable(error)) {
    req.log?.warn({ err: error }, 'database unavailable');
    res.status(503).json({
      errors: [{ message: UNAVAILABLE_MESSAGE, extensions: { code: 'SERVICE_UNAVAILABLE' } }],
    });
    return;
  }
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

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Refuses a body that is not valid UTF-8 (JSON must be) instead of reading it with U+FFFD. */
function requireUtf8(_req: unknown, _res: unknown, body: Buffer): void {
  try {
    utf8.decode(body);
  } catch {
    throw Object.assign(new Error('Request body is not valid UTF-8'), { status: 400 });
  }
}

/** The last route: any unknown path answers JSON, like every other error. */
const notFoundJson: express.RequestHandler = (_req, res) => {
  res.status(404).json({ errors: [{ message: 'Not found', extensions: { code: 'NOT_FOUND' } }] });
};

/** The Express application: health, readiness, GraphQL, the CSV export and the web app. */
export function createApp(options: {
  apollo: ApolloServer<GraphQLContext>;
  logger: Logger;
  isReady(): Promise<boolean>;
  /** False once the process cannot recover by itself (its embedded database cannot be restarted). */
  isAlive(): boolean;
}): express.Express {
  const { apollo, logger, isReady, isAlive } = options;
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
    const alive = isAlive();
    res.status(alive ? 200 : 503).json({ status: alive ? 'ok' : 'database cannot be restarted' });
  });
  app.get('/readyz', async (_req, res) => {
    const ready = await isReady();
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'database unreachable' });
  });
  app.use(pagesRouter());
  // Exactly /graphql: a longer path is unknown (JSON 404), not a GraphQL request.
  app.all(
    '/graphql',
    express.json({ limit: '2mb', verify: requireUtf8 }),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const actor = await authenticateRequest(req.headers.authorization);
        return {
          requestId: String(req.id),
          logger: req.log,
          actor,
          loaders: createLoaders(actor),
          // Apollo negotiates the same way, preferring application/json on a tie.
          responseMediaType: req.accepts(RESPONSE_MEDIA_TYPES) || null,
        };
      },
    }),
  );
  app.use(scorecardExportRouter());
  app.use(webAppRouter());
  app.use(notFoundJson);
  app.use(jsonErrors);
  return app;
}
