import mongoose from 'mongoose';
import { startTestService, stopTestService, type TestService } from './support/test-service';
import { buildWorld, ok, type World } from './support/world';

// Issue 11: the mutation and the import of the same facts follow one rule, with one message, and
// creation is idempotent. Each case the issue lists, through the API.

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const IMPORT = `mutation($kind: String!, $source: String!, $rows: [JSONObject!]!) {
  importRecords(kind: $kind, sourceSystem: $source, rows: $rows) {
    inserted rejected results { status field reason }
  }
}`;
const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();

describe('one rule for every write', () => {
  let service: TestService;
  let world: World;
  beforeAll(async () => {
    service = await startTestService();
    world = await buildWorld(service);
  });
  afterAll(() => stopTestService(service));

  const importRows = async (kind: string, rows: Row[], token = world.tokens.admin) =>
    (await ok<Row>(service, token, IMPORT, { kind, source: 'CRM', rows })).importRecords;
  const firstError = async (query: string, variables: Row, token = world.tokens.admin) => {
    const answer = await service.graphql(query, variables, token);
    expect(answer.errors).toHaveLength(1);
    return { ...answer.errors![0]!.extensions, message: answer.errors![0]!.message };
  };
  const auditCount = () => mongoose.connection.db!.collection('auditentries').countDocuments();

  describe('key accounts', () => {
    const CREATE =
      'mutation($i: CreateKeyAccountInput!) { createKeyAccount(input: $i) { id name } }';
    const facts = {
      externalId: 'REPLAY-1',
      sourceSystem: 'CRM',
      name: 'Replay Ltd',
      branchCode: 'BA',
      accountManagerLogin: 'mgrA1',
      openedAt: '2025-01-02T03:04:05Z',
    };

    it('returns the existing account when a creation is replayed with the same facts', async () => {
      const first = (await ok<Row>(service, world.tokens.admin, CREATE, { i: facts }))
        .createKeyAccount;
      const audits = await auditCount();
      const again = (await ok<Row>(service, world.tokens.admin, CREATE, { i: facts }))
        .createKeyAccount;
      expect(again).toEqual(first);
      expect(await auditCount()).toBe(audits); // a replay records nothing
    });

    it('answers different facts with CONFLICT naming the existing id (within scope)', async () => {
      const first = (await ok<Row>(service, world.tokens.admin, CREATE, { i: facts }))
        .createKeyAccount;
      const error = await firstError(CREATE, { i: { ...facts, name: 'Other Ltd' } });
      expect(error).toEqual({
        code: 'CONFLICT',
        field: 'input.externalId',
        message: `another key account (id ${first.id}) has this sourceSystem and externalId`,
      });
    });

    it('does not name the id of another branch’s account', async () => {
      const error = await firstError(
        CREATE,
        { i: { ...facts, branchCode: 'BB', accountManagerLogin: 'mgrB1' } },
        world.tokens.headB,
      );
      expect(error).toEqual({
        code: 'CONFLICT',
        field: 'input.externalId',
        message: 'another key account has this sourceSystem and externalId',
      });
    });

    it('refuses an INTEGRATION user as account manager on both paths, with one message', async () => {
      const mutation = await firstError(CREATE, {
        i: { ...facts, externalId: 'INT-MGR', accountManagerLogin: 'intA' },
      });
      const imported = await importRows('accounts', [
        { externalId: 'INT-MGR', name: 'X', branchCode: 'BA', accountManagerLogin: 'intA' },
      ]);
      expect(mutation).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.accountManagerLogin',
      });
      expect(mutation.message).toBe(
        'input.accountManagerLogin: no account manager intA in branch BA',
      );
      expect(imported.results[0]).toEqual({
        status: 'REJECTED',
        field: 'accountManagerLogin',
        reason: 'accountManagerLogin: no account manager intA in branch BA',
      });
    });

    it('refuses a contact e-mail that is not one on both paths, with one message', async () => {
      const mutation = await firstError(CREATE, {
        i: { ...facts, externalId: 'MAIL', contacts: [{ name: 'C', email: 'not-an-email' }] },
      });
      const imported = await importRows('accounts', [
        {
          externalId: 'MAIL',
          name: 'X',
          branchCode: 'BA',
          accountManagerLogin: 'mgrA1',
          contactName: 'C',
          contactEmail: 'not-an-email',
        },
      ]);
      expect(mutation.field).toBe('input.contacts.0.email');
      expect(imported.results[0].field).toBe('contactEmail');
      const rule = (message: string) => message.slice(message.indexOf(': ') + 2);
      expect(rule(imported.results[0].reason)).toBe(rule(mutation.message as string));
    });
  });

  describe('follow-ups', () => {
    const SCHEDULE = 'mutation($i: ScheduleFollowUpInput!) { scheduleFollowUp(input: $i) { id } }';
    const schedule = (input: Row, token = world.tokens.admin) =>
      ok<Row>(service, token, SCHEDULE, {
        i: {
          accountId: world.accounts.own,
          purpose: 'PERIODIC',
          channel: 'PHONE',
          dueAt: hoursAgo(5),
          ...input,
        },
      });

    it('refuses a completion before the miss, as the import does', async () => {
      const { id } = (await schedule({})).scheduleFollowUp;
      const missedAt = hoursAgo(3);
      await ok(
        service,
        world.tokens.admin,
        'mutation($id: ID!, $at: DateTime!) { missFollowUp(id: $id, at: $at) { id } }',
        { id, at: missedAt },
      );
      const error = await firstError(
        'mutation($id: ID!, $at: DateTime!) { completeFollowUp(id: $id, at: $at) { id } }',
        { id, at: hoursAgo(4) },
      );
      const reason = `cannot be before missedAt ${new Date(missedAt).toISOString()} (a late visit comes after its miss)`;
      expect(error).toEqual({ code: 'BAD_USER_INPUT', field: 'at', message: `at: ${reason}` });
      const imported = await importRows('follow-ups', [
        {
          externalId: 'LATE-1',
          accountExternalId: 'A1',
          purpose: 'PERIODIC',
          channel: 'PHONE',
          dueAt: hoursAgo(5),
          missedAt,
          completedAt: hoursAgo(4),
        },
      ]);
      expect(imported.results[0]).toEqual({
        status: 'REJECTED',
        field: 'completedAt',
        reason: `completedAt: ${reason}`,
      });
    });

    it('refuses following another branch’s order exactly like a missing one', async () => {
      const order = await ok<Row>(
        service,
        world.tokens.admin,
        'mutation($i: CreateActivationOrderInput!) { createActivationOrder(input: $i) { id } }',
        {
          i: {
            accountId: world.accounts.otherBranch,
            product: 'BROADBAND',
            orderedAt: hoursAgo(10),
          },
        },
      );
      const otherId = order.createActivationOrder.id as string;
      const missingId = 'fedcba9876543210fedcba98';
      const attempt = async (id: string) => {
        const answer = await service.graphql(
          SCHEDULE,
          {
            i: {
              accountId: world.accounts.own,
              purpose: 'POST_ACTIVATION',
              channel: 'PHONE',
              dueAt: hoursAgo(5),
              followsOrderId: id,
            },
          },
          world.tokens.mgrA1,
        );
        return JSON.stringify(answer).replaceAll(id, '<id>');
      };
      const hidden = await attempt(otherId);
      expect(hidden).toBe(await attempt(missingId));
      expect(hidden).toContain('"field":"input.followsOrderId"');
      expect(hidden).toContain('input.followsOrderId: no activation order <id>');
    });

    it('refuses a fault ticket that does not exist', async () => {
      const error = await firstError(SCHEDULE, {
        i: {
          accountId: world.accounts.own,
          purpose: 'POST_REPAIR',
          channel: 'PHONE',
          dueAt: hoursAgo(5),
          followsTicketId: 'fedcba9876543210fedcba98',
        },
      });
      expect(error).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'input.followsTicketId',
        message: 'input.followsTicketId: no fault ticket fedcba9876543210fedcba98',
      });
    });
  });

  it('says a score rule the same way on the mutation and in the import', async () => {
    const mutation = await firstError(
      'mutation($i: RecordSurveyResponseInput!) { recordSurveyResponse(input: $i) { id } }',
      {
        i: {
          accountId: world.accounts.own,
          respondedAt: hoursAgo(1),
          channel: 'PHONE',
          cs1: 11,
          cs2: 5,
          cs3: 5,
        },
      },
    );
    const imported = await importRows('survey-responses', [
      {
        externalId: 'S-11',
        accountExternalId: 'A1',
        respondedAt: hoursAgo(1),
        channel: 'PHONE',
        cs1: '11',
        cs2: '5',
        cs3: '5',
      },
    ]);
    expect(mutation).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.cs1',
      message: 'input.cs1: must be an integer 1–10',
    });
    expect(imported.results[0]).toEqual({
      status: 'REJECTED',
      field: 'cs1',
      reason: 'cs1: must be an integer 1–10',
    });
  });
});
