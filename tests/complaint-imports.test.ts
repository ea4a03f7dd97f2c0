import { startTestService, stopTestService, type TestService } from './support/test-service';
import { buildWorld, ok, type World } from './support/world';

// Local wall time in the branches' zone, Asia/Shanghai (UTC+8, no DST).
const at = (local: string) => `${local}:00+08:00`;
const iso = (local: string) => new Date(at(local)).toISOString();

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const IMPORT = `mutation Import($rows: [JSONObject!]!) {
  importRecords(kind: "complaints", sourceSystem: "CRM", rows: $rows) {
    read inserted updated unchanged rejected results { index status id field reason }
  }
}`;
const FIELDS = `status stage channel category description aboutTicketId receivedAt firstContactedAt
  firstContactMinutes firstContactWithinTarget resolvedAt outcome compensation { amount currency }
  confirmedAt reopenCount reopenedAt resolutionMinutes resolvedWithinTarget slaState
  firstContactTargetMinutes resolutionTargetMinutes policyReason
  statusHistory { status at actorLogin outcome }`;

describe('complaint imports', () => {
  let service: TestService;
  let world: World;
  let ticketId: string;
  beforeAll(async () => {
    service = await startTestService();
    world = await buildWorld(service);
    const ticket = await ok(
      service,
      world.tokens.intA,
      `mutation($i: OpenFaultTicketInput!) { openFaultTicket(input: $i) { id } }`,
      {
        i: {
          accountId: world.accounts.own,
          serviceRef: 'L-9',
          severity: 'MINOR',
          channel: 'NOC',
          reportedAt: iso('2026-02-01T08:00'),
          sourceSystem: 'OSS',
          externalId: 'T-9',
        },
      },
    );
    ticketId = ticket.openFaultTicket.id;
  });
  afterAll(() => stopTestService(service));

  const importRows = async (rows: Row[]) =>
    (await ok(service, world.tokens.intA, IMPORT, { rows })).importRecords as Row;
  const complaint = async (id: string) =>
    (
      await ok(service, world.tokens.intA, `query($id: ID!) { complaint(id: $id) { ${FIELDS} } }`, {
        id,
      })
    ).complaint as Row;

  const ROW = {
    externalId: 'C-1',
    accountExternalId: 'A1',
    receivedAt: at('2026-02-02T09:00'),
    channel: 'letter',
    category: 'REPAIR',
    description: 'the repair took too long',
    aboutTicketExternalId: 'T-9',
    contactedAt: at('2026-02-02T10:00'),
    resolvedAt: at('2026-02-03T09:00'),
    reopenedAt: at('2026-02-04T09:00'),
    finalResolvedAt: at('2026-02-05T09:00'),
    outcome: 'UPHELD',
    compensationAmount: '150',
    compensationCurrency: 'CNY',
  };

  it('stores the complaint the mutations build, field for field', async () => {
    // Through the mutations, by the same integration user.
    const opened = await ok(
      service,
      world.tokens.intA,
      `mutation($i: OpenComplaintInput!) { openComplaint(input: $i) { id } }`,
      {
        i: {
          accountId: world.accounts.own,
          receivedAt: iso('2026-02-02T09:00'),
          channel: 'letter',
          category: 'REPAIR',
          description: 'the repair took too long',
          aboutTicketId: ticketId,
        },
      },
    );
    const id = opened.openComplaint.id as string;
    const step = (name: string, variables: Row, extra = '') =>
      ok(
        service,
        world.tokens.intA,
        `mutation($id: ID!, $at: DateTime!${'c' in variables ? ', $c: CompensationInput' : ''}) {
          r: ${name}(id: $id, at: $at${extra}) { id } }`,
        { id, ...variables },
      );
    await step('contactComplaint', { at: iso('2026-02-02T10:00') });
    await step('resolveComplaint', { at: iso('2026-02-03T09:00') }, ', outcome: UPHELD');
    await step('reopenComplaint', { at: iso('2026-02-04T09:00') });
    await step(
      'resolveComplaint',
      { at: iso('2026-02-05T09:00'), c: { amount: 150, currency: 'CNY' } },
      ', outcome: UPHELD, compensation: $c',
    );

    const result = await importRows([ROW]);
    expect(result).toMatchObject({ read: 1, inserted: 1, rejected: 0 });
    const imported = await complaint(result.results[0].id);
    expect(imported).toEqual(await complaint(id));
    // Hand-worked: contact 60 min; resolution 1440 (02 09:00 → 03 09:00) + 1440 (04 → 05) = 2880,
    // exactly the 2880-minute target: within.
    expect(imported).toMatchObject({
      status: 'RESOLVED',
      stage: 'FAULT_REPORTING',
      channel: 'LETTER',
      firstContactMinutes: 60,
      resolutionMinutes: 2880,
      resolvedWithinTarget: true,
      reopenCount: 1,
      compensation: { amount: 150, currency: 'CNY' },
      aboutTicketId: ticketId,
    });
  });

  it('is unchanged when replayed, and follows up each resolution once', async () => {
    const again = await importRows([ROW]);
    expect(again).toMatchObject({ read: 1, unchanged: 1 });
    const id = again.results[0].id as string;
    const followUps = await ok(
      service,
      world.tokens.intA,
      `query($id: ID!) { node(id: $id) { ... on KeyAccount {
        followUps(first: 100) { edges { node { followsComplaintId dueAt } } } } } }`,
      { id: world.accounts.own },
    );
    const mine = followUps.node.followUps.edges
      .map((e: Row) => e.node)
      .filter((f: Row) => f.followsComplaintId === id)
      .map((f: Row) => f.dueAt)
      .sort();
    expect(mine).toEqual([iso('2026-02-06T09:00'), iso('2026-02-08T09:00')]);
  });

  it('takes the history column over the single times, and corrects a moved resolution', async () => {
    const row = {
      ...ROW,
      externalId: 'C-2',
      aboutTicketExternalId: '',
      contactedAt: '',
      reopenedAt: '',
      finalResolvedAt: '',
      compensationAmount: '',
      compensationCurrency: '',
      statusHistory: `CONTACTED@${at('2026-02-02T09:30')};RESOLVED:NOT_UPHELD@${at('2026-02-02T12:00')};CONFIRMED@${at('2026-02-03T12:00')}`,
    };
    const first = await importRows([row]);
    const id = first.results[0].id as string;
    expect(await complaint(id)).toMatchObject({
      status: 'CONFIRMED',
      stage: 'CONSULTING',
      outcome: 'NOT_UPHELD',
      confirmedAt: iso('2026-02-03T12:00'),
      resolutionMinutes: 180,
    });
    const moved = await importRows([
      {
        ...row,
        statusHistory: `CONTACTED@${at('2026-02-02T09:30')};RESOLVED:NOT_UPHELD@${at('2026-02-02T13:00')}`,
      },
    ]);
    expect(moved).toMatchObject({ updated: 1 });
    expect(await complaint(id)).toMatchObject({ status: 'RESOLVED', resolutionMinutes: 240 });
    const followUps = await ok(
      service,
      world.tokens.intA,
      `query($id: ID!) { node(id: $id) { ... on KeyAccount {
        followUps(first: 100) { edges { node { followsComplaintId dueAt } } } } } }`,
      { id: world.accounts.own },
    );
    // Still one follow-up for the one resolution, due 3 days after its corrected time.
    expect(
      followUps.node.followUps.edges
        .map((e: Row) => e.node)
        .filter((f: Row) => f.followsComplaintId === id)
        .map((f: Row) => f.dueAt),
    ).toEqual([iso('2026-02-05T13:00')]);
  });

  it('rejects impossible rows naming the column, with the mutations’ messages', async () => {
    const base = { ...ROW, aboutTicketExternalId: '' };
    const rows = [
      { ...base, externalId: 'R-1', outcome: '' },
      {
        ...base,
        externalId: 'R-2',
        contactedAt: '',
        resolvedAt: '',
        reopenedAt: '',
        finalResolvedAt: '',
        statusHistory: `RESOLVED:UPHELD@${at('2026-02-03T09:00')}`,
      },
      { ...base, externalId: 'R-3', aboutTicketExternalId: 'NOPE' },
      { ...base, externalId: 'R-4', compensationCurrency: 'yuan' },
      { ...base, externalId: 'R-5', channel: 'by phone!' },
      { ...base, externalId: 'R-6', contactedAt: at('2026-02-02T08:00') },
      { ...base, externalId: 'R-7', accountExternalId: 'B1' },
    ];
    const result = await importRows(rows);
    expect(result).toMatchObject({ read: 7, rejected: 7 });
    expect(result.results.map((r: Row) => r.field)).toEqual([
      'outcome',
      'statusHistory',
      'aboutTicketExternalId',
      'compensationCurrency',
      'channel',
      'contactedAt',
      'accountExternalId',
    ]);
    expect(result.results[1].reason).toMatch(
      /entry 1: cannot resolve a complaint that is RECEIVED/,
    );
    expect(result.results[5].reason).toMatch(/cannot be before the last status change/);
    // The mutation says the channel rule in the same words.
    const mutation = await service.graphql(
      `mutation($i: OpenComplaintInput!) { openComplaint(input: $i) { id } }`,
      {
        i: {
          accountId: world.accounts.own,
          receivedAt: iso('2026-02-02T09:00'),
          channel: 'by phone!',
          category: 'OTHER',
        },
      },
      world.tokens.intA,
    );
    expect(mutation.errors?.[0]?.message).toBe(`input.${result.results[4].reason}`);
  });
});
