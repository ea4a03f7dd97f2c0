import { clearListCache } from '../src/modules/journey/account-records';
import { journeySources } from '../src/modules/journey/journey-registry';
import { countCommands } from './support/command-counter';
import { createMutation, RECORD_KINDS } from './support/record-kinds';
import { startTestService, stopTestService, type TestService } from './support/test-service';
import { createAccount, createBranch, createUser, ok } from './support/world';

const QUERY = `query($n: Int!) {
  keyAccounts(first: $n) {
    edges { node {
      id name currentStage
      branch { code name }
      accountManager { login branch { code } }
      timeline(first: 5) { edges { node { __typename id occurredAt account { id } } } }
    } }
  }
}`;

describe('no N+1: nested fields are batched per request', () => {
  let service: TestService;
  let token: string;

  beforeAll(async () => {
    service = await startTestService();
    await createBranch(service, 'BA');
    await createBranch(service, 'BB');
    token = await createUser(service, 'head', { role: 'HQ_ANALYST' });
    for (const login of ['m1', 'm2', 'm3']) {
      await createUser(service, login, {
        role: 'ACCOUNT_MANAGER',
        branchCode: login === 'm3' ? 'BB' : 'BA',
      });
    }
    for (let i = 0; i < 50; i += 1) {
      const id = await createAccount(service, {
        externalId: `N${String(i).padStart(2, '0')}`,
        branchCode: i % 3 === 2 ? 'BB' : 'BA',
        accountManagerLogin: ['m1', 'm2', 'm3'][i % 3]!,
      });
      for (const kind of RECORD_KINDS.slice(0, 2 + (i % 3))) {
        await ok(service, service.adminToken, createMutation(kind), {
          i: { ...kind.input, accountId: id },
        });
      }
    }
  });
  afterAll(() => stopTestService(service));

  // The accounts' lists are kept decoded between requests (account-records-cache): each size is
  // counted cold (nothing kept) and warm (the same request again), and the cache changes no count.
  it('issues the same number of database commands for 5 and for 50 accounts', async () => {
    const counted = async (n: number) => {
      let answer: { keyAccounts: { edges: unknown[] } } = { keyAccounts: { edges: [] } };
      clearListCache();
      const cold = await countCommands(async () => {
        answer = await ok(service, token, QUERY, { n });
      });
      const warm = await countCommands(() => ok(service, token, QUERY, { n }));
      expect(answer.keyAccounts.edges).toHaveLength(n);
      return { cold, warm };
    };
    const five = await counted(5);
    const fifty = await counted(50);
    // authentication (token, user) + accounts page + branches + users + one timeline aggregate
    // per record collection + accounts of the timeline events: constant in N.
    for (const state of ['cold', 'warm'] as const) {
      expect(fifty[state].total).toBe(five[state].total);
      expect(fifty[state].byName).toEqual(five[state].byName);
      // Measured: 6 finds and one timeline aggregate per record collection, at both sizes (10
      // with the 4 collections of the journey-records module; each module's collection adds one).
      expect(fifty[state].total).toBeLessThanOrEqual(6 + journeySources().length);
    }
    expect(fifty.warm.total).toBe(fifty.cold.total);
  });
});
