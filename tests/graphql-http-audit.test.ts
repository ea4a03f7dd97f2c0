import { serverAudits } from 'graphql-http';
import { startTestService, stopTestService, type TestService } from './support/test-service';

// The GraphQL-over-HTTP specification's audits, run against the real service.
describe('GraphQL over HTTP compliance', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService();
  });
  afterAll(() => stopTestService(service));

  it('passes every MUST audit of graphql-http', async () => {
    const audits = serverAudits({ url: () => `${service.url}/graphql` });
    const failures: string[] = [];
    for (const audit of audits) {
      if (!audit.name.startsWith('MUST')) continue;
      const result = await audit.fn();
      if (result.status !== 'ok') failures.push(`${audit.name}: ${result.reason}`);
    }
    expect(audits.filter((a) => a.name.startsWith('MUST')).length).toBeGreaterThanOrEqual(13);
    expect(failures).toEqual([]);
  });
});
