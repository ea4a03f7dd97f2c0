import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import express, { type Request, type Router } from 'express';
import { projectRoot } from '../shared/project-root';

const FIRST_QUERY = `# Reference data needs no token. For everything else, put your token in the
# Headers tab below: {"Authorization": "Bearer <token>"}
query FirstQuery {
  branches {
    code
    name
    timeZone
  }
}
`;

type GraphiQLOptions = { title: string; endpoint: string; defaultQuery: string; headers: string };

// Loaded untyped on purpose: the package's typings pull in graphql-yoga's, whose fetch types
// replace Node's global ones (a Buffer stops being a valid fetch body across the project).
const { renderGraphiQL } = createRequire(__filename)('@graphql-yoga/render-graphiql') as {
  renderGraphiQL(options: GraphiQLOptions): string;
};

// GraphiQL with its scripts, styles and editor workers inlined (no CDN: intranet browsers are
// often offline). Rendered once, on first use: the page is about 9 MB.
let graphiqlPage: string | undefined;
const graphiql = () =>
  (graphiqlPage ??= renderGraphiQL({
    title: 'Journey GraphiQL',
    endpoint: '/graphql',
    defaultQuery: FIRST_QUERY,
    headers: '{"Authorization": "Bearer <token>"}',
  }));

/** The guides that ship with the service, by file name (README.md first). */
function guideNames(): string[] {
  const docs = readdirSync(path.join(projectRoot(), 'docs')).filter((f) => f.endsWith('.md'));
  return ['README.md', ...docs.sort()];
}

function guidePath(name: string): string {
  const root = projectRoot();
  return name === 'README.md' ? path.join(root, name) : path.join(root, 'docs', name);
}

const homePage = () => `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>Journey</title></head>
  <body style="font-family: sans-serif; max-width: 40em; margin: 2em auto">
    <h1>Journey</h1>
    <p>The key-account service-journey API of the CRM.</p>
    <ul>
      <li><a href="/graphiql">GraphiQL</a>: try the GraphQL API at <code>/graphql</code></li>
      <li>Guides: ${guideNames()
        .map((name) => `<a href="/docs/${name}">${name}</a>`)
        .join(', ')}</li>
      <li><a href="/healthz">Liveness</a> and <a href="/readyz">readiness</a></li>
    </ul>
  </body>
</html>
`;

const wantsHtml = (req: Request) =>
  req.accepts(['application/json', 'application/graphql-response+json', 'text/html']) ===
  'text/html';

/**
 * The pages a person opens in a browser: `/` (links to the IDE, the guides and health),
 * `/graphiql`, the guides as Markdown under `/docs/`, and a browser's plain `GET /graphql`
 * sent on to the IDE.
 */
export function pagesRouter(): Router {
  const router = express.Router();
  router.get('/', (_req, res) => {
    res.type('html').send(homePage());
  });
  router.get('/graphiql', (_req, res) => {
    res.type('html').send(graphiql());
  });
  router.get('/docs/:name', (req, res, next) => {
    const name = String(req.params.name);
    if (!guideNames().includes(name)) return next();
    res.type('text/markdown; charset=utf-8').sendFile(guidePath(name));
  });
  router.get('/graphql', (req, res, next) => {
    if (req.query.query === undefined && wantsHtml(req)) return res.redirect('/graphiql');
    next();
  });
  return router;
}
