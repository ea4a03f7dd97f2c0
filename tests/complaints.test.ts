import { startTestService, stopTestService, type TestService } from './support/test-service';
import { buildWorld, ok, type World, type WorldUser } from './support/world';

// Local wall time in the branches' zone, Asia/Shanghai (UTC+8, no DST).
const at = (local: string) => new Date(`${local}:00+08:00`).toISOString();
const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();

const COMPLAINT = `id __typename status stage channel category description aboutOrderId aboutTicketId
  receivedAt firstContactedAt firstContactMinutes firstContactTargetMinutes firstContactWithinTarget
  resolvedAt outcome compensation { amount currency } confirmedAt reopenCount reopenedAt
  resolutionMinutes resolutionTargetMinutes resolvedWithinTarget nextStep minutesLeft slaState
  isRepeat repeatOf { id }
  statusHistory { status at actorLogin outcome }
  clock { kind timeZone } policyReason policyVersions { label }`;

const OPEN = `mutation Open($i: OpenComplaintInput!) { openComplaint(input: $i) { ${COMPLAINT} } }`;
const STEP = (name: string, extra = '') =>
  `mutation Step($id: ID!, $at: DateTime!${extra ? `, ${extra}` : ''}) {
    ${name}(id: $id, at: $at${extra ? ', outcome: $outcome, compensation: $compensation' : ''}) { ${COMPLAINT} }
  }`;
const CONTACT = STEP('contactComplaint');
const RESOLVE = STEP(
  'resolveComplaint',
  '$outcome: ComplaintOutcome!, $compensation: CompensationInput',
);
const CONFIRM = STEP('confirmComplaint');
const REOPEN = STEP('reopenComplaint');

type Complaint = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('complaints', () => {
  let service: TestService;
  let world: World;
  beforeAll(async () => {
    service = await startTestService();
    world = await buildWorld(service);
  });
  afterAll(() => stopTestService(service));

  const as = (user: WorldUser) => world.tokens[user];
  const open = async (input: Record<string, unknown>, user: WorldUser = 'mgrA1') =>
    (
      await ok(service, as(user), OPEN, {
        i: { accountId: world.accounts.own, channel: 'hotline', category: 'BILLING', ...input },
      })
    ).openComplaint as Complaint;
  const step = async (
    mutation: string,
    variables: Record<string, unknown>,
    user: WorldUser = 'mgrA1',
  ) => {
    const data = await ok(service, as(user), mutation, variables);
    return Object.values(data)[0] as Complaint;
  };
  const errorOf = async (query: string, variables: Record<string, unknown>, user: WorldUser) => {
    const result = await service.graphql(query, variables, as(user));
    return result.errors?.[0]?.extensions;
  };

  it('follows received → contacted → resolved → confirmed → reopened → resolved, clock resuming at the reopening', async () => {
    const received = await open({
      receivedAt: at('2026-03-02T09:00'),
      description: 'double charge',
    });
    expect(received).toMatchObject({
      __typename: 'Complaint',
      status: 'RECEIVED',
      stage: 'CONSULTING',
      channel: 'HOTLINE',
      firstContactTargetMinutes: 120, // the rules' default: no policy version sets it
      resolutionTargetMinutes: 2880,
      nextStep: 'FIRST_CONTACT',
      clock: { kind: 'TWENTY_FOUR_SEVEN' },
      policyReason: 'default v1',
      isRepeat: false,
    });
    // Months ago and never contacted: past its 120-minute target, so missed already.
    expect(received.firstContactWithinTarget).toBe(false);
    expect(received.slaState).toBe('BREACHED');
    const id = received.id;
    const contacted = await step(CONTACT, { id, at: at('2026-03-02T10:30') });
    // 09:00 → 10:30 = 90 min ≤ 120
    expect(contacted).toMatchObject({
      status: 'CONTACTED',
      firstContactMinutes: 90,
      firstContactWithinTarget: true,
      nextStep: 'RESOLUTION',
    });
    const resolved = await step(RESOLVE, {
      id,
      at: at('2026-03-03T09:00'),
      outcome: 'PARTLY_UPHELD',
      compensation: { amount: 200, currency: 'cny' },
    });
    // 03-02 09:00 → 03-03 09:00 = 1440 min
    expect(resolved).toMatchObject({
      status: 'RESOLVED',
      resolvedAt: at('2026-03-03T09:00'),
      resolutionMinutes: 1440,
      resolvedWithinTarget: true,
      outcome: 'PARTLY_UPHELD',
      compensation: { amount: 200, currency: 'CNY' },
      nextStep: null,
      minutesLeft: null,
      slaState: 'MET',
    });
    const confirmed = await step(CONFIRM, { id, at: at('2026-03-04T09:00') });
    expect(confirmed).toMatchObject({ status: 'CONFIRMED', confirmedAt: at('2026-03-04T09:00') });
    const reopened = await step(REOPEN, { id, at: at('2026-03-05T09:00') });
    expect(reopened).toMatchObject({
      status: 'REOPENED',
      reopenCount: 1,
      reopenedAt: at('2026-03-05T09:00'),
      resolvedAt: null,
      resolutionMinutes: null,
      confirmedAt: null,
      nextStep: 'RESOLUTION',
    });
    const again = await step(RESOLVE, {
      id,
      at: at('2026-03-06T03:00'),
      outcome: 'UPHELD',
    });
    // 1440 + (03-05 09:00 → 03-06 03:00 = 1080) = 2520 ≤ 2880; compensation of the first kept.
    expect(again).toMatchObject({
      status: 'RESOLVED',
      resolutionMinutes: 2520,
      resolvedWithinTarget: true,
      outcome: 'UPHELD',
      compensation: { amount: 200, currency: 'CNY' },
    });
    expect(again.statusHistory.map((e: Complaint) => [e.status, e.outcome])).toEqual([
      ['RECEIVED', null],
      ['CONTACTED', null],
      ['RESOLVED', 'PARTLY_UPHELD'],
      ['CONFIRMED', null],
      ['REOPENED', null],
      ['RESOLVED', 'UPHELD'],
    ]);
    expect(again.statusHistory.every((e: Complaint) => e.actorLogin === 'mgrA1')).toBe(true);

    // One COMPLAINT follow-up per resolution, due 3 × 24 h after it, naming the complaint.
    const followUps = await ok(
      service,
      as('mgrA1'),
      `query F($id: ID!) { node(id: $id) { ... on KeyAccount {
        followUps(first: 50) { edges { node { purpose dueAt followsComplaintId sourceSystem } } }
      } } }`,
      { id: world.accounts.own },
    );
    const mine = followUps.node.followUps.edges
      .map((e: Complaint) => e.node)
      .filter((f: Complaint) => f.followsComplaintId === id);
    expect(mine.map((f: Complaint) => [f.purpose, f.dueAt, f.sourceSystem]).sort()).toEqual([
      ['COMPLAINT', at('2026-03-06T09:00'), 'CADENCE'],
      ['COMPLAINT', at('2026-03-09T03:00'), 'CADENCE'],
    ]);

    // Audited: one entry per change, the newest first.
    const trail = await ok(
      service,
      as('headA'),
      `query T($id: ID!) { auditTrail(entityId: $id) { edges { node { action actorLogin } } } }`,
      { id },
    );
    expect(trail.auditTrail.edges.map((e: Complaint) => e.node.action)).toEqual([
      'resolveComplaint',
      'reopenComplaint',
      'confirmComplaint',
      'resolveComplaint',
      'contactComplaint',
      'openComplaint',
    ]);

    // A replay changes nothing: no new audit entry, no new follow-up.
    const replay = await step(RESOLVE, { id, at: at('2026-03-06T03:00'), outcome: 'UPHELD' });
    expect(replay.statusHistory).toHaveLength(6);
    const trailAfter = await ok(
      service,
      as('headA'),
      `query T($id: ID!) { auditTrail(entityId: $id) { edges { node { action } } } }`,
      { id },
    );
    expect(trailAfter.auditTrail.edges).toHaveLength(6);
  });

  it('refuses illegal transitions and times that run backwards, naming the field', async () => {
    const { id } = await open({ receivedAt: at('2026-03-10T09:00') });
    expect(
      await errorOf(RESOLVE, { id, at: at('2026-03-10T10:00'), outcome: 'UPHELD' }, 'mgrA1'),
    ).toMatchObject({ code: 'ILLEGAL_TRANSITION', field: 'id' });
    expect(await errorOf(CONTACT, { id, at: at('2026-03-10T08:00') }, 'mgrA1')).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'at',
    });
    expect(
      await errorOf(CONTACT, { id, at: new Date(Date.now() + 3_600_000).toISOString() }, 'mgrA1'),
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'at' });
    await step(CONTACT, { id, at: at('2026-03-10T09:30') });
    expect(
      await errorOf(
        RESOLVE,
        {
          id,
          at: at('2026-03-10T10:00'),
          outcome: 'UPHELD',
          compensation: { amount: -5, currency: 'CNY' },
        },
        'mgrA1',
      ),
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'compensation.amount' });
  });

  it('validates the opening with coded errors naming the field', async () => {
    const base = {
      accountId: world.accounts.own,
      receivedAt: at('2026-03-10T09:00'),
      channel: 'HOTLINE',
      category: 'BILLING',
    };
    const refused = (i: Record<string, unknown>) => errorOf(OPEN, { i }, 'mgrA1');
    expect(await refused({ ...base, channel: 'by phone!' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.channel',
    });
    expect(
      await refused({
        ...base,
        aboutOrderId: '0123456789abcdef01234567',
        aboutTicketId: '0123456789abcdef01234567',
      }),
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.aboutTicketId' });
    expect(await refused({ ...base, aboutTicketId: '0123456789abcdef01234567' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.aboutTicketId',
    });
  });

  it('takes the stage of the order or ticket it is about, and refuses another account’s', async () => {
    const ticket = await ok(
      service,
      as('mgrA1'),
      `mutation($i: OpenFaultTicketInput!) { openFaultTicket(input: $i) { id stage } }`,
      {
        i: {
          accountId: world.accounts.own,
          serviceRef: 'L-1',
          severity: 'MAJOR',
          channel: 'HOTLINE',
          reportedAt: at('2026-03-11T08:00'),
        },
      },
    );
    const order = await ok(
      service,
      as('headA'),
      `mutation($i: CreateActivationOrderInput!) { createActivationOrder(input: $i) { id } }`,
      {
        i: {
          accountId: world.accounts.sameBranch,
          product: 'BROADBAND',
          orderedAt: at('2026-03-11T08:00'),
        },
      },
    );
    const aboutTicket = await open({
      receivedAt: at('2026-03-11T09:00'),
      category: 'REPAIR',
      aboutTicketId: ticket.openFaultTicket.id,
    });
    expect(aboutTicket).toMatchObject({
      stage: ticket.openFaultTicket.stage,
      aboutTicketId: ticket.openFaultTicket.id,
    });
    const aboutOrder = await open(
      {
        accountId: world.accounts.sameBranch,
        receivedAt: at('2026-03-11T09:00'),
        category: 'ACTIVATION_DELAY',
        aboutOrderId: order.createActivationOrder.id,
      },
      'headA',
    );
    expect(aboutOrder.stage).toBe('ACTIVATION');
    expect(
      await errorOf(
        OPEN,
        {
          i: {
            accountId: world.accounts.own,
            receivedAt: at('2026-03-11T09:00'),
            channel: 'HOTLINE',
            category: 'ACTIVATION_DELAY',
            aboutOrderId: order.createActivationOrder.id,
          },
        },
        'mgrA1',
      ),
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.aboutOrderId' });

    // On the account's timeline, filtered by stage like every record.
    const timeline = await ok(
      service,
      as('mgrA1'),
      `query($id: ID!) { node(id: $id) { ... on KeyAccount {
        timeline(first: 50, stages: [REPAIR, FAULT_REPORTING]) { edges { node { __typename id stage } } }
      } } }`,
      { id: world.accounts.own },
    );
    expect(timeline.node.timeline.edges.map((e: Complaint) => e.node)).toContainEqual({
      __typename: 'Complaint',
      id: aboutTicket.id,
      stage: ticket.openFaultTicket.stage,
    });
  });

  it('is scoped: another branch sees nothing, a reader may not change, out of scope looks missing', async () => {
    const { id } = await open({ receivedAt: at('2026-03-12T09:00') });
    const QUERY = `query Q($id: ID!) { complaint(id: $id) { id } node(id: $id) { id } }`;
    const seen = await service.graphql<Complaint>(QUERY, { id }, as('headB'));
    expect(seen.data).toEqual({ complaint: null, node: null });
    expect((await ok(service, as('hq'), QUERY, { id })).complaint).toEqual({ id });
    const missing = '0123456789abcdef01234567';
    expect(await errorOf(CONTACT, { id, at: at('2026-03-12T10:00') }, 'headB')).toEqual(
      await errorOf(CONTACT, { id: missing, at: at('2026-03-12T10:00') }, 'headB'),
    );
    expect(await errorOf(CONTACT, { id, at: at('2026-03-12T10:00') }, 'mgrA2')).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await errorOf(CONTACT, { id, at: at('2026-03-12T10:00') }, 'hq')).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(
      (
        await errorOf(
          OPEN,
          {
            i: {
              accountId: world.accounts.otherBranch,
              receivedAt: at('2026-03-12T09:00'),
              channel: 'HOTLINE',
              category: 'OTHER',
            },
          },
          'mgrA1',
        )
      )?.code,
    ).toBe('NOT_FOUND');
  });

  it('marks a repeat (same account and category within 30 days after resolution) as of the latest facts', async () => {
    const first = await open(
      {
        accountId: world.accounts.sameBranch,
        receivedAt: at('2026-04-01T09:00'),
        category: 'NETWORK_QUALITY',
      },
      'headA',
    );
    await step(CONTACT, { id: first.id, at: at('2026-04-01T10:00') }, 'headA');
    await step(RESOLVE, { id: first.id, at: at('2026-04-02T09:00'), outcome: 'UPHELD' }, 'headA');
    // Received 29 days after the resolution: a repeat.
    const repeat = await open(
      {
        accountId: world.accounts.sameBranch,
        receivedAt: at('2026-05-01T09:00'),
        category: 'NETWORK_QUALITY',
      },
      'headA',
    );
    expect(repeat).toMatchObject({ isRepeat: true, repeatOf: { id: first.id } });
    // Another category, or 31 days after: not a repeat.
    const other = await open(
      {
        accountId: world.accounts.sameBranch,
        receivedAt: at('2026-05-01T09:00'),
        category: 'BILLING',
      },
      'headA',
    );
    expect(other.isRepeat).toBe(false);
    const late = await open(
      {
        accountId: world.accounts.sameBranch,
        receivedAt: at('2026-05-03T09:00'),
        category: 'NETWORK_QUALITY',
      },
      'headA',
    );
    expect(late).toMatchObject({ isRepeat: false, repeatOf: null });
    // The first one reopened: no longer finally resolved, so nothing repeats it.
    await step(REOPEN, { id: first.id, at: at('2026-05-02T09:00') }, 'headA');
    const reread = await ok(
      service,
      as('headA'),
      `query($id: ID!) { complaint(id: $id) { isRepeat } }`,
      {
        id: repeat.id,
      },
    );
    expect(reread.complaint.isRepeat).toBe(false);
  });

  it('copies complaint targets from the policy version in force at receipt', async () => {
    await ok(
      service,
      service.adminToken,
      `mutation($i: SetSlaPolicyInput!) { setSlaPolicy(input: $i) { id } }`,
      {
        i: {
          scope: 'BRANCH',
          scopeKey: 'BB',
          effectiveFrom: at('2026-06-01T00:00'),
          complaintFirstContactMinutes: 60,
        },
      },
    );
    const before = await open(
      { accountId: world.accounts.otherBranch, receivedAt: at('2026-05-31T23:00') },
      'headB',
    );
    const after = await open(
      { accountId: world.accounts.otherBranch, receivedAt: at('2026-06-01T09:00') },
      'headB',
    );
    expect([before.firstContactTargetMinutes, before.resolutionTargetMinutes]).toEqual([120, 2880]);
    expect([after.firstContactTargetMinutes, after.resolutionTargetMinutes]).toEqual([60, 2880]);
    expect(after.policyVersions.map((p: Complaint) => p.label)).toEqual([
      'branch BB v1',
      'default v1',
    ]);
    const effective = await ok(
      service,
      as('headB'),
      `query($id: ID!, $at: DateTime) { slaPolicyFor(accountId: $id, at: $at) {
        complaintFirstContactMinutes complaintResolutionMinutes sources { field }
      } }`,
      { id: world.accounts.otherBranch, at: at('2026-06-02T00:00') },
    );
    expect(effective.slaPolicyFor).toMatchObject({
      complaintFirstContactMinutes: 60,
      complaintResolutionMinutes: 2880,
    });
    const fields = effective.slaPolicyFor.sources.map((s: Complaint) => s.field);
    expect(fields).toContain('complaintFirstContactMinutes');
    expect(fields).not.toContain('complaintResolutionMinutes');
  });

  it('lists open complaints with the time left of the step owed, least first', async () => {
    // Received 1 h ago (uncontacted: 60 of 120 min left), 10 h ago and contacted (2880 − 600 left),
    // 3 h ago and uncontacted (breached: −60).
    const fresh = await open({ receivedAt: hoursAgo(1), category: 'OTHER' });
    const contacted = await open({ receivedAt: hoursAgo(10), category: 'OTHER' });
    await step(CONTACT, { id: contacted.id, at: hoursAgo(9) });
    const late = await open({ receivedAt: hoursAgo(3), category: 'OTHER' });
    const LIST = `query L($f: OpenComplaintFilter) { openComplaints(filter: $f, first: 100) {
      totalCount edges { node { id nextStep minutesLeft slaState } } } }`;
    const list = await ok(service, as('mgrA1'), LIST, { f: { category: 'OTHER' } });
    const rows = list.openComplaints.edges.map((e: Complaint) => e.node);
    const mine = rows.filter((r: Complaint) => [fresh.id, contacted.id, late.id].includes(r.id));
    expect(mine.map((r: Complaint) => [r.id, r.nextStep, r.slaState])).toEqual([
      [late.id, 'FIRST_CONTACT', 'BREACHED'],
      [fresh.id, 'FIRST_CONTACT', 'ON_TRACK'],
      [contacted.id, 'RESOLUTION', 'ON_TRACK'],
    ]);
    expect(mine[0].minutesLeft).toBeCloseTo(-60, 0);
    expect(mine[1].minutesLeft).toBeCloseTo(60, 0);
    expect(mine[2].minutesLeft).toBeCloseTo(2280, 0);
    const breached = await ok(service, as('mgrA1'), LIST, {
      f: { category: 'OTHER', slaState: 'BREACHED' },
    });
    expect(breached.openComplaints.edges.map((e: Complaint) => e.node.id)).toContain(late.id);
    expect(breached.openComplaints.edges.map((e: Complaint) => e.node.id)).not.toContain(fresh.id);
    // Another branch's head sees none of them.
    const other = await ok(service, as('headB'), LIST, { f: { category: 'OTHER' } });
    expect(other.openComplaints.totalCount).toBe(0);
  });

  it('applies a resolution raced by five identical requests exactly once', async () => {
    const { id } = await open({ receivedAt: at('2026-03-25T09:00') });
    await step(CONTACT, { id, at: at('2026-03-25T09:30') });
    const variables = { id, at: at('2026-03-25T12:00'), outcome: 'UPHELD' };
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => service.graphql(RESOLVE, variables, as('mgrA1'))),
    );
    expect(answers.map((answer) => answer.errors)).toEqual(Array(5).fill(undefined));
    const data = await ok(
      service,
      as('mgrA1'),
      `query($id: ID!, $account: ID!) {
        complaint(id: $id) { statusHistory { status } }
        node(id: $account) { ... on KeyAccount {
          followUps(first: 100) { edges { node { followsComplaintId } } } } }
        auditTrail(entityId: $id) { edges { node { action } } }
      }`,
      { id, account: world.accounts.own },
    );
    expect(data.complaint.statusHistory.map((e: Complaint) => e.status)).toEqual([
      'RECEIVED',
      'CONTACTED',
      'RESOLVED',
    ]);
    const followUps = data.node.followUps.edges.filter(
      (e: Complaint) => e.node.followsComplaintId === id,
    );
    expect(followUps).toHaveLength(1);
    expect(data.auditTrail.edges.map((e: Complaint) => e.node.action)).toEqual([
      'resolveComplaint',
      'contactComplaint',
      'openComplaint',
    ]);
  });

  it('returns the stored complaint on a replayed opening and CONFLICT on other facts', async () => {
    const input = {
      receivedAt: at('2026-03-20T09:00'),
      sourceSystem: 'CRM',
      externalId: 'CMP-1',
    };
    const first = await open(input, 'intA');
    const again = await open(input, 'intA');
    expect(again.id).toBe(first.id);
    expect(
      await errorOf(
        OPEN,
        {
          i: {
            ...input,
            accountId: world.accounts.own,
            channel: 'HOTLINE',
            category: 'REPAIR',
          },
        },
        'intA',
      ),
    ).toMatchObject({ code: 'CONFLICT', field: 'input.externalId' });
  });
});
