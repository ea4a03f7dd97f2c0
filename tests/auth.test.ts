import { statSync } from 'node:fs';
import path from 'node:path';
import mongoose from 'mongoose';
import { startTestService, stopTestService, type TestService } from './support/test-service';
import { createBranch, createUser, ok } from './support/world';

describe('authentication and tokens', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService();
    await createBranch(service, 'BA');
  });
  afterAll(() => stopTestService(service));

  const me = (token?: string) =>
    service.graphql<{ me: { login: string; role: string } }>(
      '{ me { login role branch { code } } }',
      {},
      token,
    );

  it('bootstraps one ADMIN whose token is in an owner-only file', async () => {
    const file = path.join(service.dataDir, 'initial-admin-token');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect((await me(service.adminToken)).data?.me).toMatchObject({
      login: 'admin',
      role: 'ADMIN',
    });
  });

  it('lets a new user call the API with the token returned once', async () => {
    const token = await createUser(service, 'anna', { role: 'ACCOUNT_MANAGER', branchCode: 'BA' });
    expect(token).toMatch(/^jrn_[A-Za-z0-9_-]{43}$/);
    expect((await me(token)).data?.me).toMatchObject({ login: 'anna', role: 'ACCOUNT_MANAGER' });
  });

  it('refuses a revoked token, and revoking twice is harmless', async () => {
    await createUser(service, 'bob', { role: 'HQ_ANALYST' });
    const issued = await ok(
      service,
      service.adminToken,
      'mutation { issueToken(input: { login: "bob", label: "laptop" }) { token apiToken { id label } } }',
    );
    const { token, apiToken } = issued.issueToken;
    expect((await me(token)).data?.me.login).toBe('bob');
    for (let i = 0; i < 2; i += 1) {
      await ok(
        service,
        service.adminToken,
        'mutation($id: ID!) { revokeToken(id: $id) { revokedAt } }',
        { id: apiToken.id },
      );
    }
    const refused = await me(token);
    expect(refused.status).toBe(401);
    expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses an expired token', async () => {
    await createUser(service, 'carl', { role: 'HQ_ANALYST' });
    const issued = await ok(
      service,
      service.adminToken,
      'mutation { issueToken(input: { login: "carl", expiresAt: "2030-01-01T00:00:00Z" }) { token apiToken { id } } }',
    );
    // A token cannot be issued already expired; its expiry passes, as time would.
    await mongoose.connection
      .db!.collection('apitokens')
      .updateOne(
        { _id: new mongoose.Types.ObjectId(issued.issueToken.apiToken.id as string) },
        { $set: { expiresAt: new Date('2020-01-01T00:00:00Z') } },
      );
    expect((await me(issued.issueToken.token)).errors?.[0]?.extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('refuses unknown and malformed tokens the same way', async () => {
    for (const header of ['Bearer jrn_unknown', 'Basic abc', 'Bearer']) {
      const response = await fetch(`${service.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: header },
        body: JSON.stringify({ query: '{ me { login } }' }),
      });
      const body = (await response.json()) as {
        errors: { message: string; extensions: { code: string } }[];
      };
      expect(body.errors[0]?.extensions.code).toBe('UNAUTHENTICATED');
      expect(body.errors[0]?.message).toBe('Invalid, revoked or expired token');
    }
  });

  it('answers UNAUTHENTICATED without a token and FORBIDDEN for admin work by others', async () => {
    expect((await me()).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const analyst = await createUser(service, 'dora', { role: 'HQ_ANALYST' });
    const result = await service.graphql(
      'mutation { createBranch(input: { code: "ZZ", name: "Z" }) { code } }',
      {},
      analyst,
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await service.graphql('{ branch(code: "ZZ") { code } }')).data).toEqual({
      branch: null,
    });
  });

  it('validates user input with the field named', async () => {
    const result = await service.graphql(
      'mutation { createUser(input: { login: "eve", name: "Eve", role: ACCOUNT_MANAGER }) { token } }',
      {},
      service.adminToken,
    );
    expect(result.errors?.[0]?.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.branchCode',
    });
    const duplicate = await service.graphql(
      'mutation { createUser(input: { login: "anna", name: "Again", role: HQ_ANALYST }) { token } }',
      {},
      service.adminToken,
    );
    expect(duplicate.errors?.[0]?.extensions).toEqual({ code: 'CONFLICT', field: 'input.login' });
  });
});
