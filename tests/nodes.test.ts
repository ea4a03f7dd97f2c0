import { countCommands } from './support/command-counter';
import { createMutation, RECORD_KINDS } from './support/record-kinds';
import { startTestService, stopTestService, type TestService } from './support/test-service';
import { buildWorld, ok, type World, type WorldUser } from './support/world';

type Which = keyof World['accounts'];
// Who sees which account, written out from the roles (same as the access matrix).
const SEES: Record<'admin' | 'hq' | 'headA' | 'mgrA1' | 'intA' | 'headB', Which[]> = {
  admin: ['own', 'sameBranch', 'otherBranch'],
  hq: ['own', 'sameBranch', 'otherBranch'],
  headA: ['own', 'sameBranch'],
  mgrA1: ['own', 'sameBranch'],
  intA: ['own', 'sameBranch'],
  headB: ['otherBranch'],
};
const WHICH: Which[] = ['own', 'sameBranch', 'otherBranch'];

const NODE = `query Node($id: ID!) { node(id: $id) { __typename id } }`;
const NODES = `query Nodes($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`;

describe('Relay object identification: node and nodes', () => {
  let service: TestService;
  let world: World;
  // Per account: the ids of the account and of one record of every kind on it, with their types.
  const objects: Record<Which, { id: string; __typename: string }[]> = {
    own: [],
    sameBranch: [],
    otherBranch: [],
  };

  beforeAll(async () => {
    service = await startTestService();
    world = await buildWorld(service);
    for (const which of WHICH) {
      const accountId = world.accounts[which];
      objects[which].push({ id: accountId, __typename: 'KeyAccount' });
      for (const kind of RECORD_KINDS) {
        const data = await ok(service, service.adminToken, createMutation(kind), {
          i: { ...kind.input, accountId },
        });
        objects[which].push({ id: data[kind.create].id, __typename: kind.typename });
      }
      const order = await ok(
        service,
        service.adminToken,
        `mutation Order($i: CreateActivationOrderInput!) { createActivationOrder(input: $i) { id } }`,
        { i: { accountId, product: 'BROADBAND', orderedAt: '2026-03-01T10:00:00+08:00' } },
      );
      objects[which].push({ id: order.createActivationOrder.id, __typename: 'ActivationOrder' });
    }
  });
  afterAll(() => stopTestService(service));

  const as = (user: WorldUser, query: string, variables: Record<string, unknown>) =>
    service.graphql<Record<string, any>>(query, variables, world.tokens[user]); // eslint-disable-line @typescript-eslint/no-explicit-any

  describe.each(Object.entries(SEES))('%s', (user, visible) => {
    it.each(WHICH)(
      'fetches the %s account and its records by id, or null out of scope',
      async (which) => {
        for (const object of objects[which]) {
          const result = await as(user as WorldUser, NODE, { id: object.id });
          expect(result.errors).toBeUndefined();
          expect(result.data?.node).toEqual(visible.includes(which) ? object : null);
        }
      },
    );
  });

  it('answers nodes in the order asked, null where out of scope, unknown or not an id', async () => {
    const own = objects.own[0]!;
    const other = objects.otherBranch[1]!;
    const unknown = '0123456789abcdef01234567';
    const result = await as('mgrA1', NODES, {
      ids: [other.id, own.id, unknown, 'garbage', own.id],
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?.nodes).toEqual([null, own, null, null, own]);
  });

  it('reads all ids of a request with one find per Node collection, whatever their number', async () => {
    const few = objects.own.slice(0, 2).map((o) => o.id);
    const many = WHICH.flatMap((which) => objects[which].map((o) => o.id));
    const cost = async (ids: string[]) =>
      (await countCommands(() => as('admin', NODES, { ids }))).byName.find;
    expect(await cost(many)).toBe(await cost(few));
    const answer = await as('admin', NODES, { ids: many });
    expect(answer.data?.nodes.map((n: { id: string }) => n.id)).toEqual(many);
  });

  it('refuses more than 100 ids with the argument named, and answers the rest', async () => {
    const ids = Array.from({ length: 101 }, () => objects.own[0]!.id);
    const result = await as(
      'admin',
      `query Many($ids: [ID!]!) { nodes(ids: $ids) { id } me { login } }`,
      {
        ids,
      },
    );
    expect(result.data).toEqual({ nodes: null, me: { login: 'admin' } });
    expect(result.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'ids' });
  });

  it('gives branches an id that node resolves, also without a token (branches are public)', async () => {
    const listed = await service.graphql<{ branches: { id: string; code: string }[] }>(
      'query Branches { branches { id code } }',
    );
    const ba = listed.data!.branches.find((b) => b.code === 'BA')!;
    const found = await service.graphql(
      'query BranchNode($id: ID!) { node(id: $id) { ... on Branch { code } } }',
      { id: ba.id },
    );
    expect(found.data).toEqual({ node: { code: 'BA' } });
  });

  it('shows users to those who may read their branch, and tokens to ADMIN only', async () => {
    const me = await as('mgrB1', 'query Me { me { id } }', {});
    const userId = me.data?.me.id as string;
    const USER = 'query User($id: ID!) { node(id: $id) { ... on User { login } } }';
    expect((await as('headB', USER, { id: userId })).data?.node).toEqual({ login: 'mgrB1' });
    expect((await as('hq', USER, { id: userId })).data?.node).toEqual({ login: 'mgrB1' });
    expect((await as('mgrA1', USER, { id: userId })).data?.node).toBeNull();
    const tokens = await as('admin', 'query T { apiTokens(login: "mgrB1") { id } }', {});
    const tokenId = tokens.data?.apiTokens[0].id as string;
    expect((await as('admin', NODE, { id: tokenId })).data?.node).toEqual({
      __typename: 'ApiToken',
      id: tokenId,
    });
    expect((await as('hq', NODE, { id: tokenId })).data?.node).toBeNull();
  });

  it('identifies a branch scorecard by branch and period, scoped like branchScorecard', async () => {
    const card = await as(
      'headA',
      'query Card { branchScorecard(branchCode: "BA", period: "2026-Q1") { id period } }',
      {},
    );
    const id = card.data?.branchScorecard.id as string;
    const CARD =
      'query CardNode($id: ID!) { node(id: $id) { ... on BranchScorecard { id period branch { code } } } }';
    expect((await as('headA', CARD, { id })).data?.node).toEqual({
      id,
      period: '2026-Q1',
      branch: { code: 'BA' },
    });
    expect((await as('headB', CARD, { id })).data?.node).toBeNull();
  });
});
