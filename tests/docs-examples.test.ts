import path from 'node:path';
import { periodContaining, previousPeriod } from '../src/shared/period';
import { DEMO_TEST_NOW, loadTestDemoData } from './support/demo';
import { docExamples, type DocExample } from './support/doc-examples';
import { startTestService, stopTestService, type TestService } from './support/test-service';
import { ok } from './support/world';

// Every GraphQL example of README.md and docs/ is one named operation and runs, as the user its
// header names, against the demo data without errors; where it reads, it finds data.

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const ROOT = path.join(__dirname, '..');
const examples = docExamples(ROOT);
const WEEK_MS = 7 * 86_400_000;

const quarter = periodContaining(DEMO_TEST_NOW, 'QUARTER');

/** The placeholders a doc may use in `# variables:`, and how a reader (and this test) fills them. */
const PLACEHOLDERS: Record<string, (service: TestService, arg: string) => Promise<string>> = {
  'the current quarter': async () => quarter.label,
  'the last closed quarter': async () => previousPeriod(quarter).label,
  now: async () => new Date().toISOString(),
  'a week from now': async () => new Date(Date.now() + WEEK_MS).toISOString(),
  'an account of': async (service, login) =>
    first(
      await ok<Row>(
        service,
        service.adminToken,
        `query($login: String!) { keyAccounts(first: 1, filter: { accountManagerLogin: $login }) {
          edges { node { id } } } }`,
        { login },
      ),
      'keyAccounts',
    ),
  'an open activation order of': async (service, login) =>
    first(
      await ok<Row>(
        service,
        service.adminToken,
        `query($login: String!) { openActivationOrders(first: 1,
          filter: { accountManagerLogin: $login }) { edges { node { id } } } }`,
        { login },
      ),
      'openActivationOrders',
    ),
  'a scheduled follow-up of': async (service, login) => {
    const { keyAccounts } = await ok<Row>(
      service,
      service.adminToken,
      `query($login: String!) { keyAccounts(first: 1, filter: { accountManagerLogin: $login }) {
        edges { node { branch { code } } } } }`,
      { login },
    );
    const branchCode = keyAccounts.edges[0].node.branch.code;
    return first(
      await ok<Row>(
        service,
        service.adminToken,
        `query($b: String!, $login: String, $before: DateTime!) { followUpsDue(branchCode: $b,
          before: $before, accountManagerLogin: $login, first: 1) { edges { node { id } } } }`,
        { b: branchCode, login, before: new Date(Date.now() + 365 * 86_400_000).toISOString() },
      ),
      'followUpsDue',
    );
  },
};

function first(data: Row, field: string): string {
  const id = data[field]?.edges?.[0]?.node?.id;
  if (typeof id !== 'string') throw new Error(`the demo data has no ${field} to fill in`);
  return id;
}

async function resolveValue(service: TestService, value: unknown): Promise<unknown> {
  if (typeof value !== 'string') return value;
  const match = /^<(.+)>$/.exec(value);
  if (!match) return value;
  for (const [name, resolve] of Object.entries(PLACEHOLDERS)) {
    if (match[1] === name) return resolve(service, '');
    if (match[1]!.startsWith(`${name} `)) return resolve(service, match[1]!.slice(name.length + 1));
  }
  throw new Error(`unknown placeholder ${value}: use one of ${Object.keys(PLACEHOLDERS)}`);
}

/** Root fields that came back empty: null, an empty list, or a connection without edges. */
function emptyFields(data: Row): string[] {
  return Object.entries(data)
    .filter(([, value]) => {
      if (value === null) return true;
      if (Array.isArray(value)) return value.length === 0;
      if (Array.isArray(value?.edges)) return value.edges.length === 0;
      return false;
    })
    .map(([field]) => field);
}

const where = (example: DocExample) => `${example.file}:${example.line}`;

describe('GraphQL examples of the docs', () => {
  let service: TestService;
  const tokens = new Map<string, string>();

  const tokenOf = async (user: string): Promise<string | undefined> => {
    if (user === 'none') return undefined;
    if (user === 'admin') return service.adminToken;
    if (!tokens.has(user)) {
      const { issueToken } = await ok<Row>(
        service,
        service.adminToken,
        'mutation($login: String!) { issueToken(input: { login: $login }) { token } }',
        { login: user },
      );
      tokens.set(user, issueToken.token);
    }
    return tokens.get(user);
  };

  beforeAll(async () => {
    service = await startTestService();
    await loadTestDemoData();
  }, 300_000);
  afterAll(() => stopTestService(service));

  it('finds examples in README.md and in every guide', () => {
    const files = new Set(examples.map((e) => e.file));
    for (const file of ['README.md', 'docs/account-managers.md', 'docs/branch-heads.md']) {
      expect(files).toContain(file);
    }
  });

  describe.each(examples.map((e) => [where(e), e] as const))('%s', (_, example) => {
    it('is one named operation with a user', () => {
      expect(example.syntaxError).toBeNull();
      expect(example.operations).toHaveLength(1);
      expect(example.operations[0]).toMatch(/^[A-Z]\w+$/);
      expect(example.user).not.toBeNull();
    });

    it('runs against the demo data without errors, and finds data', async () => {
      const variables: Record<string, unknown> = {};
      for (const [name, value] of Object.entries(example.variables)) {
        variables[name] = await resolveValue(service, value);
      }
      const token = await tokenOf(example.user ?? 'none');
      const result = await service.graphql<Row>(example.source, variables, token);
      expect(result.errors).toBeUndefined();
      expect(emptyFields(result.data ?? {})).toEqual([]);
    });
  });
});
