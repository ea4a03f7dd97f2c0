import { startTestService, stopTestService, type TestService } from './support/test-service';

// Issue 11: a client's mistake is answered as one, never as a server fault (HTTP level).
describe('HTTP answers to client mistakes', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService();
  });
  afterAll(() => stopTestService(service));

  async function post(body: string | Buffer, headers: Record<string, string> = {}) {
    const response = await fetch(`${service.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
    const json = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
    return { status: response.status, code: json.errors?.[0]?.extensions?.code, response };
  }
  const syntaxError = JSON.stringify({ query: '{ me ' });
  const GRAPHQL_RESPONSE = 'application/graphql-response+json';

  it('answers a syntax error 200 to an application/json client, with the parse code', async () => {
    expect(await post(syntaxError, { accept: 'application/json' })).toMatchObject({
      status: 200,
      code: 'GRAPHQL_PARSE_FAILED',
    });
  });

  it('answers a syntax error 400 to an application/graphql-response+json client', async () => {
    const answer = await post(syntaxError, { accept: GRAPHQL_RESPONSE });
    expect(answer).toMatchObject({ status: 400, code: 'GRAPHQL_PARSE_FAILED' });
    expect(answer.response.headers.get('content-type')).toMatch(GRAPHQL_RESPONSE);
  });

  it('refuses a body that is not valid UTF-8 with 400', async () => {
    const invalid = Buffer.concat([
      Buffer.from('{"query":"{ '),
      Buffer.from([0xff, 0xfe]),
      Buffer.from(' }"}'),
    ]);
    expect(await post(invalid)).toMatchObject({ status: 400, code: 'BAD_REQUEST' });
  });

  it('answers a missing token and a wrong token alike: 401 UNAUTHENTICATED', async () => {
    const query = JSON.stringify({ query: '{ me { login } }' });
    const missing = await post(query);
    const wrong = await post(query, { authorization: 'Bearer jrn_wrong' });
    for (const answer of [missing, wrong]) {
      expect(answer).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
      expect(answer.response.headers.get('www-authenticate')).toBe('Bearer');
    }
  });

  it('answers a variable that does not coerce as BAD_USER_INPUT, not as a server fault', async () => {
    const query = 'mutation($i: ScheduleFollowUpInput!) { scheduleFollowUp(input: $i) { id } }';
    const variables = { i: { accountId: 'x', purpose: 'NOPE', channel: 'PHONE', dueAt: 'x' } };
    const answer = await post(JSON.stringify({ query, variables }), {
      accept: 'application/graphql-response+json',
    });
    expect(answer).toMatchObject({ status: 400, code: 'BAD_USER_INPUT' });
  });

  it('answers unknown paths with JSON 404, whatever the method', async () => {
    for (const [method, path] of [
      ['GET', '/nope'],
      ['POST', '/graphql/extra'],
      ['DELETE', '/healthz/x'],
    ] as const) {
      const response = await fetch(`${service.url}${path}`, { method });
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/application\/json/);
      const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
      expect(body.errors[0]!.extensions.code).toBe('NOT_FOUND');
    }
  });
});
