import type { TestService as FullTestService } from './test-service';

/** What the helpers need of a service: in-process or a separate process (kill tests). */
type TestService = Pick<FullTestService, 'graphql' | 'adminToken'>;

/** A two-branch world: every role, three accounts (two in branch BA, one in BB). */
export type World = {
  tokens: Record<WorldUser, string>;
  accounts: { own: string; sameBranch: string; otherBranch: string };
};

/** The users of the world; `mgrA1` manages the `own` account. */
export type WorldUser =
  'admin' | 'hq' | 'headA' | 'mgrA1' | 'mgrA2' | 'headB' | 'mgrB1' | 'intAll' | 'intA';

const USERS: Record<
  Exclude<WorldUser, 'admin'>,
  { role: string; branchCode?: string; sourceSystem?: string }
> = {
  hq: { role: 'HQ_ANALYST' },
  headA: { role: 'BRANCH_HEAD', branchCode: 'BA' },
  mgrA1: { role: 'ACCOUNT_MANAGER', branchCode: 'BA' },
  mgrA2: { role: 'ACCOUNT_MANAGER', branchCode: 'BA' },
  headB: { role: 'BRANCH_HEAD', branchCode: 'BB' },
  mgrB1: { role: 'ACCOUNT_MANAGER', branchCode: 'BB' },
  intAll: { role: 'INTEGRATION', sourceSystem: 'CRM' },
  intA: { role: 'INTEGRATION', branchCode: 'BA', sourceSystem: 'CRM' },
};

/** Runs a GraphQL operation and fails the test on any error. */
export async function ok<T = Record<string, any>>( // eslint-disable-line @typescript-eslint/no-explicit-any
  service: TestService,
  token: string,
  query: string,
  variables?: Record<string, unknown>,
): Promise<T> {
  const result = await service.graphql<T>(query, variables, token);
  if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
  return result.data as T;
}

/** A new API token of an existing user, issued by the admin. */
export async function issueTokenFor(service: TestService, login: string): Promise<string> {
  const { issueToken } = await ok<{ issueToken: { token: string } }>(
    service,
    service.adminToken,
    'mutation($l: String!) { issueToken(input: { login: $l }) { token } }',
    { l: login },
  );
  return issueToken.token;
}

/** Creates a branch (idempotent per service). */
export async function createBranch(service: TestService, code: string): Promise<void> {
  await ok(
    service,
    service.adminToken,
    'mutation($i: CreateBranchInput!) { createBranch(input: $i) { code } }',
    {
      i: { code, name: `Branch ${code}` },
    },
  );
}

/** Creates a user and returns its token. */
export async function createUser(
  service: TestService,
  login: string,
  fields: { role: string; branchCode?: string; sourceSystem?: string },
): Promise<string> {
  const data = await ok(
    service,
    service.adminToken,
    'mutation($i: CreateUserInput!) { createUser(input: $i) { token } }',
    { i: { login, name: login, ...fields } },
  );
  return data.createUser.token as string;
}

/** Creates a key account and returns its id. */
export async function createAccount(
  service: TestService,
  input: {
    externalId: string;
    branchCode: string;
    accountManagerLogin: string;
    name?: string;
    openedAt?: string;
  },
): Promise<string> {
  const data = await ok(
    service,
    service.adminToken,
    'mutation($i: CreateKeyAccountInput!) { createKeyAccount(input: $i) { id } }',
    { i: { sourceSystem: 'CRM', name: `Account ${input.externalId}`, ...input } },
  );
  return data.createKeyAccount.id as string;
}

/** Builds the world on a fresh service. */
export async function buildWorld(service: TestService): Promise<World> {
  await createBranch(service, 'BA');
  await createBranch(service, 'BB');
  const tokens = { admin: service.adminToken } as Record<WorldUser, string>;
  for (const [login, fields] of Object.entries(USERS)) {
    tokens[login as WorldUser] = await createUser(service, login, fields);
  }
  const accounts = {
    own: await createAccount(service, {
      externalId: 'A1',
      branchCode: 'BA',
      accountManagerLogin: 'mgrA1',
    }),
    sameBranch: await createAccount(service, {
      externalId: 'A2',
      branchCode: 'BA',
      accountManagerLogin: 'mgrA2',
    }),
    otherBranch: await createAccount(service, {
      externalId: 'B1',
      branchCode: 'BB',
      accountManagerLogin: 'mgrB1',
    }),
  };
  return { tokens, accounts };
}
