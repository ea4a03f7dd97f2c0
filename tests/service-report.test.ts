import { startTestService, stopTestService, type TestService } from './support/test-service';
import { buildWorld, createAccount, ok, type World } from './support/world';

// An account's service report for 2026-Q3 (Asia/Shanghai), built by hand through the API; every
// expected figure is worked out below from the records. Default policy: 24 × 7, restoration
// targets CRITICAL 240 min, MAJOR 480 min, MINOR 1440 min, acknowledgement 30 min.

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const Q = '2026-Q3';
const at = (local: string) => `${local}:00+08:00`;
const iso = (local: string) => new Date(at(local)).toISOString();

const FIGURE = 'value sampleSize numerator denominator';
const REPORT = `query ServiceReport($id: ID!, $p: String!) {
  accountServiceReport(accountId: $id, period: $p) {
    account { id name } period periodStart periodEnd generatedAt
    activation {
      activated { id originalPromisedAt activatedAt latenessMinutes onTime delayNotified
        delays { reason notifiedAt } }
      open { id overdue delayNotified delayReason }
      onTimeRate { ${FIGURE} } latenessMinutes { ${FIGURE} }
      delayNotifiedRate { ${FIGURE} } delayReasons { reason orders }
    }
    faults {
      restored { id severity repairDurationMinutes targetMinutes withinSla isRepeat
        repeatOf { id } cause causeExplained pauses { from to reason } }
      open { id slaState }
      withinSlaRate { ${FIGURE} }
      tiers { severity tickets withinSlaRate { ${FIGURE} } mttrMinutes { ${FIGURE} }
        repeatRate { ${FIGURE} } }
      acknowledgementMinutes { ${FIGURE} } repeatRate { ${FIGURE} }
      causeExplainedRate { ${FIGURE} } pausedTickets
    }
    followUps {
      followUps { purpose status completedAt dueAt }
      completed coverage { ${FIGURE} }
      postActivationFollowUpRate { ${FIGURE} } postRepairFollowUpRate { ${FIGURE} }
    }
    satisfaction {
      responses { cs1 cs2 cs3 }
      account { responses satisfactionIndex { ${FIGURE} } topBoxShare { ${FIGURE} } }
      branch { branch { code } responses satisfactionIndex { ${FIGURE} } }
    }
    branchScorecard { branch { code } activationOnTimeRate { ${FIGURE} } faultWithinSlaRate { ${FIGURE} } }
  }
}`;

describe('accountServiceReport', () => {
  let service: TestService;
  let world: World;
  let accountId: string;
  const ids: Record<string, string> = {};
  const admin = (query: string, variables?: Record<string, unknown>) =>
    ok(service, service.adminToken, query, variables);
  async function order(key: string, ordered: string, promised: string) {
    const data = await admin(
      'mutation($i: CreateActivationOrderInput!) { createActivationOrder(input: $i) { id } }',
      { i: { accountId, product: 'BROADBAND', orderedAt: at(ordered), promisedAt: at(promised) } },
    );
    ids[key] = data.createActivationOrder.id;
  }
  const delay = (key: string, reason: string, when: string, notified?: string) =>
    admin(
      `mutation($id: ID!, $r: DelayReason!, $at: DateTime!, $n: DateTime) {
        delayActivationOrder(id: $id, reason: $r, at: $at, notifiedAt: $n) { id } }`,
      { id: ids[key], r: reason, at: at(when), n: notified ? at(notified) : null },
    );
  async function ticket(key: string, severity: string, serviceRef: string, reported: string) {
    const data = await admin(
      'mutation($i: OpenFaultTicketInput!) { openFaultTicket(input: $i) { id } }',
      { i: { accountId, serviceRef, severity, channel: 'HOTLINE', reportedAt: at(reported) } },
    );
    ids[key] = data.openFaultTicket.id;
  }
  const step = (name: string, key: string, when: string) =>
    admin(`mutation($id: ID!, $at: DateTime!) { ${name}(id: $id, at: $at) { id } }`, {
      id: ids[key],
      at: at(when),
    });
  const cause = (key: string, text: string, explained?: string) =>
    admin(
      `mutation($id: ID!, $c: String!, $e: DateTime) {
        recordFaultCause(id: $id, cause: $c, explainedAt: $e) { id } }`,
      { id: ids[key], c: text, e: explained ? at(explained) : null },
    );
  async function respond(account: string, when: string, cs: [number, number, number]) {
    await admin(
      'mutation($i: RecordSurveyResponseInput!) { recordSurveyResponse(input: $i) { id } }',
      {
        i: {
          accountId: account,
          respondedAt: at(when),
          channel: 'PHONE',
          cs1: cs[0],
          cs2: cs[1],
          cs3: cs[2],
        },
      },
    );
  }
  async function cadenceFollowUp(purpose: string, dueLocal: string): Promise<string> {
    const data = await admin(
      `query($id: ID!) { keyAccount(id: $id) { followUps(first: 50) {
        edges { node { id purpose dueAt } } } } }`,
      { id: accountId },
    );
    const found = data.keyAccount.followUps.edges
      .map((edge: Row) => edge.node)
      .find((node: Row) => node.purpose === purpose && node.dueAt === iso(dueLocal));
    if (!found) throw new Error(`no ${purpose} follow-up due ${dueLocal}`);
    return found.id;
  }

  beforeAll(async () => {
    service = await startTestService();
    world = await buildWorld(service);
    accountId = await createAccount(service, {
      externalId: 'R1',
      branchCode: 'BA',
      accountManagerLogin: 'mgrA1',
      openedAt: at('2025-01-01T00:00'),
    });

    // Orders. O1 on time; O2 told of its delay before the promise, 2 days late; O3 delay not
    // told, 36 h late; O4 still open, past its promise, told after it; O5 activated in Q2.
    await order('O1', '2026-07-01T09:00', '2026-07-10T18:00');
    await step('activateOrder', 'O1', '2026-07-10T12:00');
    await order('O2', '2026-07-05T09:00', '2026-07-15T18:00');
    await delay('O2', 'LINE_RESOURCE_SHORTAGE', '2026-07-12T10:00', '2026-07-12T11:00');
    await step('activateOrder', 'O2', '2026-07-17T18:00');
    await order('O3', '2026-08-01T09:00', '2026-08-10T18:00');
    await delay('O3', 'CAPACITY_EXPANSION', '2026-08-11T09:00');
    await step('activateOrder', 'O3', '2026-08-12T06:00');
    await order('O4', '2026-09-20T09:00', '2026-09-25T18:00');
    await delay('O4', 'LINE_RESOURCE_SHORTAGE', '2026-09-24T10:00', '2026-09-26T10:00');
    await order('O5', '2026-06-01T09:00', '2026-06-05T18:00');
    await step('activateOrder', 'O5', '2026-06-04T18:00');

    // Tickets. T1 MAJOR on L-1: 10:00–14:00 = 240 min. T2 MAJOR on L-1, 18 days after T1's
    // restoration (a repeat): 10:00–20:30 = 630 min, paused 11:00–13:00 → 510 min. T3 CRITICAL
    // 08:00–13:00 = 300 min. T4 MINOR still open.
    await ticket('T1', 'MAJOR', 'L-1', '2026-07-02T10:00');
    await step('acknowledgeFaultTicket', 'T1', '2026-07-02T10:20');
    await step('restoreFaultTicket', 'T1', '2026-07-02T14:00');
    await cause('T1', 'Fibre cut by road works', '2026-07-02T15:00');
    await ticket('T2', 'MAJOR', 'L-1', '2026-07-20T10:00');
    await step('acknowledgeFaultTicket', 'T2', '2026-07-20T10:40');
    await step('startFaultWork', 'T2', '2026-07-20T10:50');
    await admin(
      `mutation($id: ID!, $at: DateTime!) {
        pauseFaultTicket(id: $id, at: $at, reason: CUSTOMER_UNAVAILABLE) { id } }`,
      { id: ids.T2, at: at('2026-07-20T11:00') },
    );
    await step('resumeFaultTicket', 'T2', '2026-07-20T13:00');
    await step('restoreFaultTicket', 'T2', '2026-07-20T20:30');
    await cause('T2', 'Faulty line card');
    await step('closeFaultTicket', 'T2', '2026-07-21T09:00');
    await ticket('T3', 'CRITICAL', 'L-2', '2026-08-05T08:00');
    await step('acknowledgeFaultTicket', 'T3', '2026-08-05T08:05');
    await step('restoreFaultTicket', 'T3', '2026-08-05T13:00');
    await cause('T3', 'Power failure at the exchange', '2026-08-05T14:00');
    await ticket('T4', 'MINOR', 'L-3', '2026-09-28T10:00');

    // Follow-ups the cadence scheduled: after O1 (due 07-17 12:00) completed 07-14; after O2
    // (due 07-24 18:00) completed 07-22; after T2's closure (due 07-24 09:00) left scheduled;
    // after O3 (due 08-19 06:00) missed; after O5 (due 06-11) outside the quarter.
    const complete = (id: string, when: string) =>
      admin('mutation($id: ID!, $at: DateTime!) { completeFollowUp(id: $id, at: $at) { id } }', {
        id,
        at: at(when),
      });
    await complete(
      await cadenceFollowUp('POST_ACTIVATION', '2026-07-17T12:00'),
      '2026-07-14T10:00',
    );
    await complete(
      await cadenceFollowUp('POST_ACTIVATION', '2026-07-24T18:00'),
      '2026-07-22T10:00',
    );
    await admin('mutation($id: ID!, $at: DateTime!) { missFollowUp(id: $id, at: $at) { id } }', {
      id: await cadenceFollowUp('POST_ACTIVATION', '2026-08-19T06:00'),
      at: at('2026-08-20T09:00'),
    });

    // Survey answers: the account's two, and one of another account of the branch.
    await respond(accountId, '2026-07-25T10:00', [9, 8, 7]);
    await respond(accountId, '2026-08-25T10:00', [10, 9, 8]);
    await respond(world.accounts.sameBranch, '2026-08-10T10:00', [6, 6, 6]);
  }, 120_000);
  afterAll(() => stopTestService(service));

  const report = async (token: string | undefined, id = accountId, period = Q) => {
    const { data, errors } = await service.graphql<Row>(REPORT, { id, p: period }, token);
    return { data, errors };
  };

  it('lists the quarter’s records of every section with figures worked out by hand', async () => {
    const { data, errors } = await report(world.tokens.mgrA1);
    expect(errors).toBeUndefined();
    const r = data!.accountServiceReport;
    expect(r.period).toBe(Q);
    expect(r.periodStart).toBe(iso('2026-07-01T00:00'));
    expect(r.periodEnd).toBe(iso('2026-10-01T00:00'));

    // Activation: O1, O2, O3 activated in Q3 (O5 was in Q2); O4 open.
    const a = r.activation;
    expect(a.activated.map((o: Row) => o.id)).toEqual([ids.O1, ids.O2, ids.O3]);
    expect(a.activated.map((o: Row) => o.latenessMinutes)).toEqual([0, 2 * 24 * 60, 36 * 60]);
    expect(a.open.map((o: Row) => [o.id, o.overdue, o.delayNotified])).toEqual([
      [ids.O4, true, false],
    ]);
    // On time 1 of 3; mean lateness (0 + 2880 + 2160) ÷ 3 = 1680 minutes.
    expect(a.onTimeRate).toMatchObject({ value: 1 / 3, numerator: 1, denominator: 3 });
    expect(a.latenessMinutes).toMatchObject({ value: (0 + 2880 + 2160) / 3, sampleSize: 3 });
    // Something to tell: O2 (told 07-12 11:00 before 07-15 18:00), O3 (never), O4 (told 09-26,
    // after 09-25 18:00): 1 of 3. O1 had nothing to tell.
    expect(a.delayNotifiedRate).toMatchObject({ value: 1 / 3, numerator: 1, denominator: 3 });
    expect(a.delayReasons).toEqual([
      { reason: 'LINE_RESOURCE_SHORTAGE', orders: 2 },
      { reason: 'CAPACITY_EXPANSION', orders: 1 },
    ]);

    // Faults: T1 240 ≤ 480 met; T2 630 − 120 = 510 > 480 missed, a repeat of T1; T3 300 > 240.
    const f = r.faults;
    expect(
      f.restored.map((t: Row) => [t.id, t.repairDurationMinutes, t.targetMinutes, t.withinSla]),
    ).toEqual([
      [ids.T1, 240, 480, true],
      [ids.T2, 630 - 120, 480, false],
      [ids.T3, 300, 240, false],
    ]);
    expect(f.restored[1].repeatOf).toEqual({ id: ids.T1 });
    expect(f.restored.map((t: Row) => t.causeExplained)).toEqual([true, false, true]);
    expect(f.restored[1].pauses).toEqual([
      {
        from: iso('2026-07-20T11:00'),
        to: iso('2026-07-20T13:00'),
        reason: 'CUSTOMER_UNAVAILABLE',
      },
    ]);
    expect(f.open.map((t: Row) => t.id)).toEqual([ids.T4]);
    expect(f.withinSlaRate).toMatchObject({ value: 1 / 3, numerator: 1, denominator: 3 });
    const tier = (severity: string) => f.tiers.find((t: Row) => t.severity === severity);
    expect(tier('CRITICAL')).toMatchObject({
      tickets: 1,
      withinSlaRate: { value: 0, numerator: 0, denominator: 1 },
      mttrMinutes: { value: 300, sampleSize: 1 },
    });
    expect(tier('MAJOR')).toMatchObject({
      tickets: 2,
      withinSlaRate: { value: 1 / 2 },
      mttrMinutes: { value: (240 + 510) / 2, sampleSize: 2 },
      repeatRate: { value: 1 / 2, numerator: 1, denominator: 2 },
    });
    expect(tier('MINOR')).toMatchObject({ tickets: 0, withinSlaRate: { value: null } });
    // Acknowledged after 20, 40 and 5 minutes.
    expect(f.acknowledgementMinutes.value).toBeCloseTo((20 + 40 + 5) / 3, 9);
    expect(f.repeatRate).toMatchObject({ value: 1 / 3, numerator: 1, denominator: 3 });
    expect(f.causeExplainedRate).toMatchObject({ value: 2 / 3, numerator: 2, denominator: 3 });
    expect(f.pausedTickets).toBe(1);

    // Follow-ups: completed 07-14 and 07-22; due in Q3 and not completed: after T2 (07-24 09:00,
    // scheduled) and after O3 (08-19 06:00, missed).
    const u = r.followUps;
    expect(u.followUps.map((x: Row) => [x.purpose, x.status])).toEqual([
      ['POST_ACTIVATION', 'COMPLETED'],
      ['POST_ACTIVATION', 'COMPLETED'],
      ['POST_REPAIR', 'SCHEDULED'],
      ['POST_ACTIVATION', 'MISSED'],
    ]);
    expect(u.completed).toBe(2);
    // Visited in Q3 while active: 1 of 1 account.
    expect(u.coverage).toMatchObject({ value: 1, numerator: 1, denominator: 1 });
    // O1 (07-10 12:00 → 07-14 ✓), O2 (07-17 18:00 → 07-22 ✓), O3 (08-12 06:00, none by 08-19 ✗).
    expect(u.postActivationFollowUpRate).toMatchObject({
      value: 2 / 3,
      numerator: 2,
      denominator: 3,
    });
    // T2 closed 07-21 09:00, visited 07-22 10:00, within 3 days.
    expect(u.postRepairFollowUpRate).toMatchObject({ value: 1, numerator: 1, denominator: 1 });

    // Satisfaction: index per response (0.4·CS1 + 0.3·CS2 + 0.3·CS3 − 1) ÷ 9 × 100.
    const index = (cs1: number, cs2: number, cs3: number) =>
      ((0.4 * cs1 + 0.3 * cs2 + 0.3 * cs3 - 1) / 9) * 100;
    const s = r.satisfaction;
    expect(s.responses).toEqual([
      { cs1: 9, cs2: 8, cs3: 7 },
      { cs1: 10, cs2: 9, cs3: 8 },
    ]);
    expect(s.account.responses).toBe(2);
    // (78.89 + 90) ÷ 2 = 84.44
    expect(s.account.satisfactionIndex.value).toBeCloseTo(
      (index(9, 8, 7) + index(10, 9, 8)) / 2,
      9,
    );
    expect(s.account.topBoxShare).toMatchObject({ value: 1 / 2, numerator: 1, denominator: 2 });
    expect(s.branch.branch.code).toBe('BA');
    expect(s.branch.responses).toBe(3);
    // (78.89 + 90 + 55.56) ÷ 3 = 74.81
    expect(s.branch.satisfactionIndex.value).toBeCloseTo(
      (index(9, 8, 7) + index(10, 9, 8) + index(6, 6, 6)) / 3,
      9,
    );

    // The branch's card: this account holds all of BA's activations and tickets of the quarter.
    expect(r.branchScorecard.branch.code).toBe('BA');
    expect(r.branchScorecard.activationOnTimeRate).toEqual(a.onTimeRate);
    expect(r.branchScorecard.faultWithinSlaRate).toEqual(f.withinSlaRate);
  });

  it('measures the account’s complaints by the complaint rules', async () => {
    // A second account of BA, so the follow-ups after each resolution stay out of the first.
    // Default targets: first contact 120 min, resolution 48 h = 2880 min, 24 × 7.
    const id = await createAccount(service, {
      externalId: 'R2',
      branchCode: 'BA',
      accountManagerLogin: 'mgrA1',
      openedAt: at('2025-01-01T00:00'),
    });
    const complaint = async (category: string, received: string) =>
      (
        await admin('mutation($i: OpenComplaintInput!) { openComplaint(input: $i) { id } }', {
          i: { accountId: id, receivedAt: at(received), channel: 'HOTLINE', category },
        })
      ).openComplaint.id as string;
    const move = (name: string, complaintId: string, when: string) =>
      admin(`mutation($id: ID!, $at: DateTime!) { ${name}(id: $id, at: $at) { id } }`, {
        id: complaintId,
        at: at(when),
      });
    const resolve = (complaintId: string, when: string) =>
      admin(
        `mutation($id: ID!, $at: DateTime!) {
          resolveComplaint(id: $id, at: $at, outcome: UPHELD) { id } }`,
        { id: complaintId, at: at(when) },
      );
    // C1: contacted after 60 min (met), resolved after 23 h (within).
    const c1 = await complaint('REPAIR', '2026-07-21T10:00');
    await move('contactComplaint', c1, '2026-07-21T11:00');
    await resolve(c1, '2026-07-22T09:00');
    await move('confirmComplaint', c1, '2026-07-22T12:00');
    // C2: same category 15 days after C1's resolution (a repeat); contacted after 180 min
    // (missed); resolved after 24 h, reopened a day later, resolved 24 h after that:
    // 1440 + 1440 = 2880 ≤ 2880, within.
    const c2 = await complaint('REPAIR', '2026-08-06T09:00');
    await move('contactComplaint', c2, '2026-08-06T12:00');
    await resolve(c2, '2026-08-07T09:00');
    await move('reopenComplaint', c2, '2026-08-08T09:00');
    await resolve(c2, '2026-08-09T09:00');
    // C3: received 4 h before the quarter ends, never contacted: 240 > 120 at its end, missed.
    const c3 = await complaint('BILLING', '2026-09-30T20:00');

    const { accountServiceReport: r } = await admin(
      `query($id: ID!, $p: String!) { accountServiceReport(accountId: $id, period: $p) {
        complaints { complaints { id isRepeat resolutionMinutes } received repeats
          firstContactRate { ${FIGURE} } resolutionRate { ${FIGURE} } }
        branchScorecard { complaintFirstContactRate { ${FIGURE} }
          complaintResolutionRate { ${FIGURE} } } } }`,
      { id, p: Q },
    );
    const c = r.complaints;
    expect(c.complaints.map((x: Row) => [x.id, x.isRepeat])).toEqual([
      [c1, false],
      [c2, true],
      [c3, false],
    ]);
    expect(c.complaints[1].resolutionMinutes).toBe(1440 + 1440);
    expect(c.received).toBe(3);
    expect(c.repeats).toBe(1);
    // Met 1 (C1) of 3 decided (C2 and C3 missed).
    expect(c.firstContactRate).toMatchObject({ value: 1 / 3, numerator: 1, denominator: 3 });
    // Resolved in Q3: C1 (1380 min) and C2 (2880 min), both within 2880.
    expect(c.resolutionRate).toMatchObject({ value: 1, numerator: 2, denominator: 2 });
    // BA's card, by the same rules: these are all of BA's complaints of the quarter.
    expect(r.branchScorecard.complaintFirstContactRate).toEqual(c.firstContactRate);
    expect(r.branchScorecard.complaintResolutionRate).toEqual(c.resolutionRate);
  });

  it('answers another branch’s account like a missing one, and every reader of the branch', async () => {
    const missing = 'fedcba9876543210fedcba98';
    expect(await report(world.tokens.mgrB1)).toEqual({ data: { accountServiceReport: null } });
    expect(await report(world.tokens.mgrA1, missing)).toEqual({
      data: { accountServiceReport: null },
    });
    expect(await report(world.tokens.headB)).toEqual(await report(world.tokens.headB, missing));
    for (const reader of ['mgrA2', 'headA', 'hq', 'intA'] as const) {
      const { data, errors } = await report(world.tokens[reader]);
      expect(errors).toBeUndefined();
      expect(data!.accountServiceReport.account.id).toBe(accountId);
    }
  });

  it('refuses a bad period for any id and asks for a token', async () => {
    for (const id of [accountId, world.accounts.otherBranch]) {
      const { errors } = await report(world.tokens.mgrA1, id, '2026-Q5');
      expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'period' });
    }
    const anonymous = await report(undefined);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
