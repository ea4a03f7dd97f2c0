import { startStandIn, type StandIn } from '../src/db/mongo-java-server';
import { startTestService, stopTestService, type TestService } from './support/test-service';

async function status(url: string): Promise<number> {
  return (await fetch(url)).status;
}

async function waitForStatus(url: string, wanted: number, timeoutMs = 20000): Promise<number> {
  const until = Date.now() + timeoutMs;
  let last = await status(url);
  while (last !== wanted && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    last = await status(url);
  }
  return last;
}

describe('health and readiness', () => {
  let service: TestService | undefined;
  afterEach(async () => {
    await stopTestService(service);
    service = undefined;
  });

  it('answers /healthz and /readyz with 200 while the database is up', async () => {
    service = await startTestService();
    expect(await status(`${service.url}/healthz`)).toBe(200);
    expect(await status(`${service.url}/readyz`)).toBe(200);
  });

  it('turns /readyz to 503 when the database goes away and back to 200 when it returns', async () => {
    // A database of this test's own, so stopping it does not disturb other test files.
    let own: StandIn = await startStandIn({ kind: 'memory' });
    service = await startTestService({ MONGODB_URI: `${own.uri}/readiness` });
    expect(await status(`${service.url}/readyz`)).toBe(200);

    await own.stop();
    expect(await waitForStatus(`${service.url}/readyz`, 503)).toBe(503);
    expect(await status(`${service.url}/healthz`)).toBe(200);
    // Requests meanwhile: a coded 503 (retry later), never a hang or a 500.
    const during = await service.graphql('{ branches { code } }', {}, service.adminToken);
    expect(during.status).toBe(503);
    expect(during.errors).toEqual([
      expect.objectContaining({ extensions: { code: 'SERVICE_UNAVAILABLE' } }),
    ]);

    own = await startStandIn({ kind: 'memory' }, own.port);
    expect(await waitForStatus(`${service.url}/readyz`, 200)).toBe(200);
    await stopTestService(service);
    service = undefined;
    await own.stop();
  });

  it('answers malformed JSON with a JSON error, never an HTML page', async () => {
    service = await startTestService();
    const response = await fetch(`${service.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]?.extensions.code).toBe('BAD_REQUEST');
  });
});
