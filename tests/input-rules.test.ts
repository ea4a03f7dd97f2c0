import mongoose from 'mongoose';
import { snapshotWritesSettled } from '../src/modules/scorecards/scorecard-snapshots';
import { startTestService, stopTestService, type TestService } from './support/test-service';
import { buildWorld, ok, type World } from './support/world';

// Issue 11: every input case that reached an internal error, or was accepted though implausible,
// now answers BAD_USER_INPUT naming the field, and stores nothing.
describe('input rules through the API', () => {
  let service: TestService;
  let world: World;
  beforeAll(async () => {
    service = await startTestService();
    world = await buildWorld(service);
  });
  afterAll(() => stopTestService(service));

  const base64 = (value: string) => Buffer.from(value).toString('base64url');
  const ancient = '1900-01-01T00:00:00Z';

  async function refused(query: string, variables: Record<string, unknown>, field: string) {
    const answer = await service.graphql(query, variables, world.tokens.admin);
    expect(answer.status).toBe(200);
    expect(answer.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field });
    return answer.errors![0]!.message;
  }

  describe('times outside the supported range (1990-01-01 to 10 years ahead)', () => {
    it('refuses a fault ticket reported in 1900', async () => {
      const message = await refused(
        'mutation($i: OpenFaultTicketInput!) { openFaultTicket(input: $i) { id } }',
        {
          i: {
            accountId: world.accounts.own,
            serviceRef: 'L-1',
            severity: 'MAJOR',
            channel: 'HOTLINE',
            reportedAt: ancient,
          },
        },
        'input.reportedAt',
      );
      expect(message).toBe(
        'input.reportedAt: must be between 1990-01-01T00:00:00.000Z and 10 years from now',
      );
    });

    it('refuses an activation order ordered in 1900', async () => {
      await refused(
        'mutation($i: CreateActivationOrderInput!) { createActivationOrder(input: $i) { id } }',
        { i: { accountId: world.accounts.own, product: 'BROADBAND', orderedAt: ancient } },
        'input.orderedAt',
      );
    });

    it('refuses slaPolicyFor at 1900', async () => {
      await refused(
        'query($a: ID!, $at: DateTime) { slaPolicyFor(accountId: $a, at: $at) { reason } }',
        { a: world.accounts.own, at: ancient },
        'at',
      );
    });

    it('refuses completing a follow-up at 0001-01-01 and closing an account in 2099', async () => {
      await refused(
        'mutation($id: ID!, $at: DateTime!) { completeFollowUp(id: $id, at: $at) { id } }',
        { id: '0123456789abcdef01234567', at: '0001-01-01T00:00:00Z' },
        'at',
      );
      await refused(
        'mutation($id: ID!, $at: DateTime!) { closeKeyAccount(id: $id, at: $at) { id } }',
        { id: world.accounts.own, at: '2099-01-01T00:00:00Z' },
        'at',
      );
    });

    it('refuses an account closed in the future (within the range): closing is a fact', async () => {
      const nextYear = new Date(Date.now() + 365 * 86_400_000).toISOString();
      await refused(
        'mutation($id: ID!, $at: DateTime!) { closeKeyAccount(id: $id, at: $at) { id } }',
        { id: world.accounts.own, at: nextYear },
        'at',
      );
    });

    it('refuses an account opened in 9999', async () => {
      await refused(
        'mutation($i: CreateKeyAccountInput!) { createKeyAccount(input: $i) { id } }',
        {
          i: {
            externalId: 'FAR',
            sourceSystem: 'CRM',
            name: 'Far',
            branchCode: 'BA',
            accountManagerLogin: 'mgrA1',
            openedAt: '9999-01-01T00:00:00Z',
          },
        },
        'input.openedAt',
      );
      const stored = await mongoose.connection.db!.collection('keyaccounts').countDocuments({
        externalId: 'FAR',
      });
      expect(stored).toBe(0);
    });

    it('refuses a period label before 1990 or more than 10 years ahead', async () => {
      for (const period of ['1989', '2999-Q1'])
        await refused(
          'query($p: String!) { scorecardRanking(period: $p) { rank } }',
          { p: period },
          'period',
        );
    });
  });

  describe('tampered cursors', () => {
    const lists = [
      'query($c: String) { openFaultTickets(after: $c) { totalCount } }',
      'query($c: String) { openActivationOrders(after: $c) { totalCount } }',
      'query($c: String) { atRiskFaultTickets(branchCode: "BA", after: $c) { totalCount } }',
    ];
    it('refuses an in-memory cursor with an impossible instant on every list', async () => {
      for (const query of lists) await refused(query, { c: 'WzFlMjAsMCwiYSJd' }, 'after');
    });

    it('refuses a keyset cursor carrying an operator object', async () => {
      const cursor = base64(JSON.stringify([{ $gt: '' }, { $oid: '0123456789abcdef01234567' }]));
      await refused(
        'query($c: String) { keyAccounts(after: $c) { edges { cursor } } }',
        { c: cursor },
        'after',
      );
      const regex = base64(
        JSON.stringify([
          { $regularExpression: { pattern: '.*', options: '' } },
          { $oid: '0123456789abcdef01234567' },
        ]),
      );
      await refused(
        'query($c: String) { keyAccounts(before: $c, last: 2) { edges { cursor } } }',
        { c: regex },
        'before',
      );
    });
  });

  describe('bounded scorecard work per request', () => {
    it('computes at most 12 periods per request and stores no snapshot of an empty period', async () => {
      const periods = Array.from({ length: 15 }, (_, i) => `${2000 + i}`);
      const query = `query { ${periods
        .map((p, i) => `p${i}: scorecardRanking(period: "${p}") { rank }`)
        .join(' ')} }`;
      const answer = await service.graphql<Record<string, unknown>>(query, {}, world.tokens.mgrA1);
      expect(answer.status).toBe(200);
      // The first 12 periods are answered (one card, branch BA's); the 3 beyond are refused.
      const answered = periods.filter((_, i) => answer.data?.[`p${i}`] !== null);
      expect(answered).toEqual(periods.slice(0, 12));
      expect(answer.errors?.map((e) => [e.extensions?.code, e.extensions?.field])).toEqual([
        ['BAD_USER_INPUT', 'period'],
        ['BAD_USER_INPUT', 'period'],
        ['BAD_USER_INPUT', 'period'],
      ]);
      // Closed periods long before any record: computed, but nothing stored.
      await snapshotWritesSettled();
      const snapshots = await mongoose.connection
        .db!.collection('scorecardsnapshots')
        .countDocuments({ period: { $in: periods } });
      expect(snapshots).toBe(0);
    });

    it('counts a period asked by many fields once', async () => {
      const query = `query { ${Array.from(
        { length: 15 },
        (_, i) => `p${i}: scorecardRanking(period: "2001") { rank }`,
      ).join(' ')} }`;
      const answer = await service.graphql(query, {}, world.tokens.hq);
      expect(answer.errors).toBeUndefined();
    });
  });

  describe('implausible values', () => {
    it('refuses a token that expires in the past', async () => {
      await refused(
        'mutation($i: IssueTokenInput!) { issueToken(input: $i) { token } }',
        { i: { login: 'mgrA1', expiresAt: '2020-01-01T00:00:00Z' } },
        'input.expiresAt',
      );
    });

    it('refuses scorecard targets outside what the figure can be', async () => {
      for (const [figure, target] of [
        ['followUpCoverage', -1],
        ['satisfactionIndex', 1e308],
        ['nps', 101],
      ] as const) {
        await refused(
          'mutation($i: ScorecardTargetInput!) { setScorecardTarget(input: $i) { target } }',
          { i: { branchCode: 'BA', period: '2025-Q1', figure, target } },
          'input.target',
        );
      }
    });

    it('refuses NUL and other control characters in names and ids', async () => {
      await refused(
        'mutation($i: CreateKeyAccountInput!) { createKeyAccount(input: $i) { id } }',
        {
          i: {
            externalId: 'X\u0000',
            sourceSystem: 'CRM',
            name: 'Nul',
            branchCode: 'BA',
            accountManagerLogin: 'mgrA1',
          },
        },
        'input.externalId',
      );
      await refused(
        'mutation($id: ID!, $i: UpdateKeyAccountInput!) { updateKeyAccount(id: $id, input: $i) { id } }',
        { id: world.accounts.own, i: { name: 'Bell\u0007' } },
        'input.name',
      );
      await refused(
        'query($id: ID!) { keyAccount(id: $id) { id } }',
        { id: `${world.accounts.own}\u0000` },
        'id',
      );
    });

    it('still accepts line breaks and tabs in free text', async () => {
      const data = await ok(
        service,
        world.tokens.admin,
        'mutation($id: ID!, $i: UpdateKeyAccountInput!) { updateKeyAccount(id: $id, input: $i) { name } }',
        { id: world.accounts.own, i: { name: 'Two\tparts' } },
      );
      expect(data.updateKeyAccount.name).toBe('Two\tparts');
    });
  });
});
