import { startTestService, stopTestService, type TestService } from './support/test-service';
import { buildWorld, type World } from './support/world';
import { ACCOUNT_SCREEN } from './support/account-screen';

// The largest documented query: the account manager's screen over a full page of 100 accounts.
// Cost, by the model in src/graphql/query-cost.ts (objects count 1, a page counts per item):
// keyAccounts 1 + 100 × (pageInfo 1 + edges 1 + node 1 + branch 1 + accountManager 1
//   + 3 lists × (1 + 5 × (edges 1 + node 1))) = 1 + 100 × (5 + 3 × 11) = 3 801.

type Refusal = {
  status: number;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
  data?: unknown;
};

describe('query limits', () => {
  let service: TestService;
  let world: World;
  beforeAll(async () => {
    service = await startTestService();
    world = await buildWorld(service);
  });
  afterAll(() => stopTestService(service));

  const send = (query: string, variables?: Record<string, unknown>) =>
    service.graphql(query, variables, world.tokens.mgrA1) as Promise<Refusal>;

  function expectRefused(result: Refusal, limit: string, max: number, actual: number) {
    expect(result.status).toBe(400);
    expect(result.data).toBeUndefined();
    expect(result.errors).toHaveLength(1);
    const [error] = result.errors!;
    expect(error!.extensions).toEqual({
      code: 'QUERY_LIMIT_EXCEEDED',
      limit,
      max,
      actual,
      exceededBy: actual - max,
    });
    expect(error!.message).toContain(`over the ${limit} limit of ${max.toLocaleString('en-US')}`);
    expect(error!.message).toContain(`by ${(actual - max).toLocaleString('en-US')}`);
    expect(error!.message).not.toMatch(/syntax error/i);
  }

  it('runs the largest documented query (100 accounts, 5 of each list)', async () => {
    const result = await send(ACCOUNT_SCREEN);
    expect(result.status).toBe(200);
    expect(result.errors).toBeUndefined();
    expect(result.data).toMatchObject({ keyAccounts: { totalCount: 2 } });
  });

  // 1 + 100 × (edges 1 + node 1 + timeline (1 + 100 × (edges 1 + node 1))) = 1 + 100 × 203.
  const TOO_COSTLY = `query TooMuch($n: Int) {
    keyAccounts(first: $n) { edges { node { id timeline(first: $n) { edges { node { id } } } } } }
  }`;

  it('refuses 100 accounts × 100 events by cost, also when the page sizes are variables', async () => {
    expectRefused(await send(TOO_COSTLY, { n: 100 }), 'cost', 10_000, 20_301);
    const literal = TOO_COSTLY.replace('($n: Int)', '').replaceAll('$n', '100');
    expectRefused(await send(literal), 'cost', 10_000, 20_301);
  });

  it('refuses a query deeper than 15 levels, saying how deep it is', async () => {
    // keyAccounts → edges → node → timeline → edges → node → account, repeated: 7 levels a turn.
    const turn = (inner: string) =>
      `timeline(first: 1) { edges { node { account { ${inner} } } } }`;
    const deep = `query Deep { keyAccounts(first: 1) { edges { node { ${turn(turn(turn('name')))} } } } }`;
    // keyAccounts 1, edges 2, node 3, then 4 levels per turn (timeline, edges, node, account), name.
    expectRefused(await send(deep), 'depth', 15, 3 + 4 + 4 + 4 + 1);
  });

  it('refuses 16 aliases by one', async () => {
    const aliases = Array.from({ length: 16 }, (_, i) => `a${i}: apiVersion`).join(' ');
    expectRefused(await send(`query Aliases { ${aliases} }`), 'aliases', 15, 16);
  });

  it('refuses 51 directives by one', async () => {
    const fields = Array.from({ length: 51 }, () => 'apiVersion @include(if: true)').join(' ');
    expectRefused(await send(`query Directives { ${fields} }`), 'directives', 50, 51);
  });

  it('refuses a document of more than 2 000 tokens with its exact token count', async () => {
    // `query Long {` is 3 tokens, each `apiVersion` 1, the closing brace 1.
    const fields = Array.from({ length: 2100 }, () => 'apiVersion').join(' ');
    expectRefused(await send(`query Long { ${fields} }`), 'tokens', 2000, 3 + 2100 + 1);
  });
});
