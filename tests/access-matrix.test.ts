import {
  createMutation,
  RECORD_KINDS,
  updateMutation,
  type RecordKindCase,
} from './support/record-kinds';
import { startTestService, stopTestService, type TestService } from './support/test-service';
import { buildWorld, ok, type World, type WorldUser } from './support/world';

type Which = keyof World['accounts'];
type Access = 'read-write' | 'read-only' | 'none';

// The expected matrix, written out by hand from the roles' definitions (not derived from the code).
const EXPECTED: Record<Exclude<WorldUser, 'mgrA2' | 'headB' | 'mgrB1'>, Record<Which, Access>> = {
  admin: { own: 'read-write', sameBranch: 'read-write', otherBranch: 'read-write' },
  hq: { own: 'read-only', sameBranch: 'read-only', otherBranch: 'read-only' },
  headA: { own: 'read-write', sameBranch: 'read-write', otherBranch: 'none' },
  mgrA1: { own: 'read-write', sameBranch: 'read-only', otherBranch: 'none' },
  intAll: { own: 'read-write', sameBranch: 'read-write', otherBranch: 'read-write' },
  intA: { own: 'read-write', sameBranch: 'read-write', otherBranch: 'none' },
};
const ROLES = Object.keys(EXPECTED) as (keyof typeof EXPECTED)[];
const WHICH: Which[] = ['own', 'sameBranch', 'otherBranch'];
const cases = ROLES.flatMap((user) =>
  WHICH.map((which) => ({ user, which, access: EXPECTED[user][which] })),
);
const deniedCode = (access: Access) => (access === 'none' ? 'NOT_FOUND' : 'FORBIDDEN');

describe('access matrix: role × (own, same-branch, other-branch account) × (read, write)', () => {
  let service: TestService;
  let world: World;
  // Records created by the admin on every account, per kind: recordIds[kind][which].
  const recordIds: Record<string, Record<Which, string>> = {};
  let crossings = 0;

  beforeAll(async () => {
    service = await startTestService();
    world = await buildWorld(service);
    for (const kind of RECORD_KINDS) {
      recordIds[kind.typename] = {} as Record<Which, string>;
      for (const which of WHICH) {
        const data = await ok(service, service.adminToken, createMutation(kind), {
          i: { ...kind.input, accountId: world.accounts[which] },
        });
        recordIds[kind.typename]![which] = data[kind.create].id;
      }
    }
  });
  afterAll(async () => {
    // The headline of the issue: no read or write crossed a branch it should not have.
    expect(crossings).toBe(0);
    await stopTestService(service);
  });

  const call = (user: WorldUser, query: string, variables: Record<string, unknown>) =>
    service.graphql<Record<string, any>>(query, variables, world.tokens[user]); // eslint-disable-line @typescript-eslint/no-explicit-any

  describe.each(cases)('$user on the $which account ($access)', ({ user, which, access }) => {
    const readable = access !== 'none';
    const writable = access === 'read-write';

    it('reads the account by id only when allowed, and its timeline with every record kind', async () => {
      const result = await call(
        user,
        `query($id: ID!) { keyAccount(id: $id) { id timeline(first: 50) { edges { node { __typename id account { id } } } } } }`,
        { id: world.accounts[which] },
      );
      expect(result.errors).toBeUndefined();
      const account = result.data?.keyAccount;
      if (!readable && account) crossings += 1;
      expect(Boolean(account)).toBe(readable);
      if (!account) return;
      // Every record the admin made on this account is on its timeline (others may add more).
      const seen = account.timeline.edges.map((e: { node: { id: string } }) => e.node.id);
      for (const kind of RECORD_KINDS) expect(seen).toContain(recordIds[kind.typename]![which]);
      for (const edge of account.timeline.edges)
        expect(edge.node.account.id).toBe(world.accounts[which]);
    });

    it('sees the account in keyAccounts only when allowed, whatever the filter', async () => {
      const result = await call(user, `{ keyAccounts(first: 100) { edges { node { id } } } }`, {});
      const ids =
        result.data?.keyAccounts.edges.map((e: { node: { id: string } }) => e.node.id) ?? [];
      const seen = ids.includes(world.accounts[which]);
      if (!readable && seen) crossings += 1;
      expect(seen).toBe(readable);
      const filtered = await call(
        user,
        `{ keyAccounts(filter: { branchCode: "BB" }) { totalCount } }`,
        {},
      );
      const expectedBB = EXPECTED[user].otherBranch === 'none' ? 0 : 1;
      expect(filtered.data?.keyAccounts.totalCount).toBe(expectedBB);
    });

    it('changes the account only when allowed', async () => {
      const result = await call(
        user,
        `mutation($id: ID!) { updateKeyAccount(id: $id, input: { tier: "A" }) { id } }`,
        { id: world.accounts[which] },
      );
      if (writable) expect(result.errors).toBeUndefined();
      else {
        if (!result.errors) crossings += 1;
        expect(result.errors?.[0]?.extensions?.code).toBe(deniedCode(access));
      }
    });

    it.each(RECORD_KINDS.map((kind) => [kind.typename, kind] as [string, RecordKindCase]))(
      'creates and updates a %s only when allowed',
      async (_name, kind) => {
        const created = await call(user, createMutation(kind), {
          i: { ...kind.input, accountId: world.accounts[which] },
        });
        const updated = await call(user, updateMutation(kind), {
          id: recordIds[kind.typename]![which],
          i: kind.change,
        });
        for (const result of [created, updated]) {
          if (writable) expect(result.errors).toBeUndefined();
          else {
            if (!result.errors) crossings += 1;
            expect(result.errors?.[0]?.extensions?.code).toBe(deniedCode(access));
          }
        }
      },
    );

    it('reads audit trails of the account only when allowed', async () => {
      const result = await call(
        user,
        `query($id: ID!) { auditTrail(entityId: $id) { edges { node { action } } } }`,
        {
          id: world.accounts[which],
        },
      );
      if (user === 'intAll' || user === 'intA') {
        expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
        return;
      }
      const entries = result.data?.auditTrail.edges.length ?? 0;
      if (!readable && entries > 0) crossings += 1;
      expect(entries > 0).toBe(readable);
    });
  });

  it('refuses every account-linked read without a token', async () => {
    const result = await service.graphql(`{ keyAccounts { totalCount } }`);
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const single = await service.graphql(`query($id: ID!) { keyAccount(id: $id) { id } }`, {
      id: world.accounts.own,
    });
    expect(single.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
