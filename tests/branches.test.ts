import { getIntrospectionQuery } from 'graphql';
import { seedDemoBranches } from '../src/modules/demo/demo-seed';
import { DEMO_BRANCHES } from '../src/modules/demo/demo-data';
import { startTestService, stopTestService, type TestService } from './support/test-service';

describe('branches', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService();
    await seedDemoBranches();
    await seedDemoBranches(); // idempotent: a second load adds nothing
  });
  afterAll(() => stopTestService(service));

  it('lists the demo branches by code, each once', async () => {
    const result = await service.graphql<{ branches: { code: string; timeZone: string }[] }>(
      '{ branches { code name timeZone } }',
    );
    const codes = DEMO_BRANCHES.map((b) => b.code).sort();
    expect(result.data?.branches.map((b) => b.code)).toEqual(codes);
    expect(result.data?.branches[0]?.timeZone).toBe('Asia/Shanghai');
  });

  it('finds one branch by code, null for an unknown code', async () => {
    const found = await service.graphql(
      '{ a: branch(code: "HZ") { name } b: branch(code: "XX") { name } }',
    );
    expect(found.data).toEqual({ a: { name: 'Hangzhou Branch' }, b: null });
  });

  it('still answers the standard introspection query within the depth limit', async () => {
    const result = await service.graphql(getIntrospectionQuery());
    expect(result.errors).toBeUndefined();
    expect(result.data).toHaveProperty('__schema');
  });

  it('rejects too many aliases', async () => {
    const aliases = Array.from({ length: 20 }, (_, i) => `a${i}: apiVersion`).join(' ');
    const result = await service.graphql(`{ ${aliases} }`);
    expect(result.errors?.[0]?.message).toMatch(/alias/i);
  });

  it('does not suggest field names to clients', async () => {
    const result = await service.graphql('{ branchez { code } }');
    expect(result.errors?.[0]?.message).not.toMatch(/Did you mean/);
  });
});
