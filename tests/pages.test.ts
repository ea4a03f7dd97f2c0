import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startTestService, stopTestService, type TestService } from './support/test-service';

// What a person sees in a browser: a home page, an IDE that needs no internet, the guides.
describe('browser pages', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService();
  });
  afterAll(() => stopTestService(service));

  const get = (route: string, headers: Record<string, string> = { accept: 'text/html' }) =>
    fetch(`${service.url}${route}`, { headers, redirect: 'manual' });

  it('GET / links the IDE, every guide and the health checks', async () => {
    const response = await get('/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await response.text();
    for (const link of [
      '/graphiql',
      '/docs/README.md',
      '/docs/account-managers.md',
      '/docs/measurement-rules.md',
      '/healthz',
      '/readyz',
    ]) {
      expect(html).toContain(`href="${link}"`);
    }
  });

  it('serves GraphiQL with everything inlined: no script, style or font from elsewhere', async () => {
    const response = await get('/graphiql');
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<title>Journey GraphiQL</title>');
    expect(html).toContain('"endpoint":"/graphql"');
    expect(html).not.toMatch(/<(script|link|img|iframe)[^>]+(src|href)=["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/url\(["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/@import/i);
  });

  it("sends a browser's GET /graphql to the IDE, not to a CDN-hosted landing page", async () => {
    const response = await get('/graphql');
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/graphiql');
    // A client's GET with a query still gets GraphQL (with the header CSRF prevention asks for).
    const query = await get(`/graphql?query=${encodeURIComponent('{ branches { code } }')}`, {
      accept: 'application/json',
      'apollo-require-preflight': 'true',
    });
    expect(query.status).toBe(200);
    expect(await query.json()).toEqual({ data: { branches: [] } });
  });

  it('serves the guides as Markdown, and nothing else from the repository', async () => {
    const response = await get('/docs/account-managers.md');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/markdown/);
    const file = readFileSync(path.join(__dirname, '..', 'docs', 'account-managers.md'), 'utf8');
    expect(await response.text()).toBe(file);
    expect((await get('/docs/package.json')).status).toBe(404);
    expect((await get('/docs/..%2Fpackage.json')).status).toBe(404);
  });
});
