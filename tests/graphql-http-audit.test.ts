import { serverAudits } from 'graphql-http';
import { startTestService, stopTestService, type TestService } from './support/test-service';

// The GraphQL-over-HTTP specification's audits, run against the real service.
describe('GraphQL over HTTP compliance', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService();
  });
  afterAll(() => stopTestService(service));

  async function failuresOf(level: 'MUST' | 'SHOULD') {
    const audits = serverAudits({ url: () => `${service.url}/graphql` }).filter((audit) =>
      audit.name.startsWith(level),
    );
    const failures: string[] = [];
    for (const audit of audits) {
      const result = await audit.fn();
      if (result.status !== 'ok') failures.push(`${audit.name}: ${result.reason}`);
    }
    return { count: audits.length, failures };
  }

  it('passes every MUST audit of graphql-http', async () => {
    const { count, failures } = await failuresOf('MUST');
    expect(count).toBeGreaterThanOrEqual(13);
    expect(failures).toEqual([]);
  });

  // Includes 200 for parse, validation and coercion errors when the client accepts only
  // application/json, and 400 for them under application/graphql-response+json.
  it('passes every SHOULD audit of graphql-http', async () => {
    const { count, failures } = await failuresOf('SHOULD');
    expect(count).toBeGreaterThanOrEqual(23);
    expect(failures).toEqual([]);
  });
});
