import mongoose from 'mongoose';
import { giveTargetsKeyIds } from '../src/modules/scorecards/scorecard-targets';
import { startTestService, stopTestService, type TestService } from './support/test-service';
import { buildWorld, ok, type World } from './support/world';

// A hand-built quarter (2026-Q1, Asia/Shanghai) of two branches; every figure is worked out below.
// BA: accounts X1, X2 (opened 2025); BB: account Y1. The world's own accounts open "now" (after the
// quarter), so they are not active in it and do not count.
const Q = '2026-Q1';
const t = (local: string) => `${local}+08:00`;

const CARD = `query($b: String!, $p: String!) { branchScorecard(branchCode: $b, period: $p) {
  branch { code } period rank insufficientSample responses overdueActivations
  satisfactionIndex { value sampleSize previous target } cs1 { value } cs2 { value } cs3 { value }
  topBoxShare { value numerator denominator } top3BoxShare { value } nps { value sampleSize }
  activationOnTimeRate { value numerator denominator low high target }
  activationLatenessMinutes { value sampleSize }
  faultWithinSlaRate { value numerator denominator }
  tiers { severity tickets withinSlaRate { value } mttrMinutes { value } p90Minutes { value } repeatRate { value } }
  acknowledgementMinutes { value sampleSize }
  followUpCoverage { value numerator denominator } postActivationFollowUpRate { value numerator denominator }
  postRepairFollowUpRate { value numerator denominator }
  compositeScore { value sampleSize }
} }`;

describe('branch scorecards over a hand-built quarter', () => {
  let service: TestService;
  let world: World;
  const ids: Record<string, string> = {};
  const admin = (query: string, variables?: Record<string, unknown>) =>
    ok(service, service.adminToken, query, variables);

  async function account(key: string, branchCode: string, manager: string) {
    const data = await admin(
      'mutation($i: CreateKeyAccountInput!) { createKeyAccount(input: $i) { id } }',
      {
        i: {
          externalId: key,
          sourceSystem: 'CRM',
          name: key,
          branchCode,
          accountManagerLogin: manager,
          openedAt: '2025-01-01T00:00:00+08:00',
        },
      },
    );
    ids[key] = data.createKeyAccount.id;
  }
  const response = (
    key: string,
    respondedAt: string,
    cs: [number, number, number],
    nps: number | null,
  ) =>
    admin('mutation($i: RecordSurveyResponseInput!) { recordSurveyResponse(input: $i) { id } }', {
      i: {
        accountId: ids[key],
        respondedAt: t(respondedAt),
        channel: 'PHONE',
        cs1: cs[0],
        cs2: cs[1],
        cs3: cs[2],
        nps,
      },
    });
  const scheduled = async (key: string, purpose: string) => {
    const data = await admin(
      'query($id: ID!) { keyAccount(id: $id) { followUps(status: SCHEDULED) { edges { node { id purpose } } } } }',
      { id: ids[key] },
    );
    return data.keyAccount.followUps.edges
      .map((e: { node: { id: string; purpose: string } }) => e.node)
      .find((n: { purpose: string }) => n.purpose === purpose).id as string;
  };
  const complete = (id: string, at: string) =>
    admin('mutation($id: ID!, $at: DateTime!) { completeFollowUp(id: $id, at: $at) { id } }', {
      id,
      at: t(at),
    });
  const order = async (
    key: string,
    orderedAt: string,
    promisedAt: string,
    activatedAt: string | null,
  ) => {
    const data = await admin(
      'mutation($i: CreateActivationOrderInput!) { createActivationOrder(input: $i) { id } }',
      {
        i: {
          accountId: ids[key],
          product: 'BROADBAND',
          orderedAt: t(orderedAt),
          promisedAt: t(promisedAt),
        },
      },
    );
    if (activatedAt)
      await admin('mutation($id: ID!, $at: DateTime!) { activateOrder(id: $id, at: $at) { id } }', {
        id: data.createActivationOrder.id,
        at: t(activatedAt),
      });
  };
  const ticket = async (
    open: Record<string, unknown>,
    rest: [string, Record<string, unknown>][],
  ) => {
    const data = await admin(
      'mutation($i: OpenFaultTicketInput!) { openFaultTicket(input: $i) { id } }',
      { i: open },
    );
    for (const [mutation, args] of rest) {
      const names = Object.keys(args);
      const signature = names
        .map((n) => `$${n}: ${n === 'reason' ? 'PauseReason!' : 'DateTime!'}`)
        .join(', ');
      await admin(
        `mutation($id: ID!, ${signature}) { ${mutation}(id: $id, ${names.map((n) => `${n}: $${n}`).join(', ')}) { id } }`,
        { id: data.openFaultTicket.id, ...args },
      );
    }
  };

  beforeAll(async () => {
    service = await startTestService();
    world = await buildWorld(service);
    await account('X1', 'BA', 'mgrA1');
    await account('X2', 'BA', 'mgrA2');
    await account('Y1', 'BB', 'mgrB1');
    // BA responses: r0 = 10/10/10 (NPS 10), r1–r4 = 9/8/8 (NPS 9), r5–r9 = 9/8/8 (NPS 7).
    await response('X1', '2026-02-01T10:00:00', [10, 10, 10], 10);
    for (let i = 1; i <= 9; i += 1)
      await response(i % 2 ? 'X1' : 'X2', `2026-02-0${i}T12:00:00`, [9, 8, 8], i <= 4 ? 9 : 7);
    await response('X1', '2025-11-15T10:00:00', [6, 6, 6], null); // 2025-Q4, the previous quarter
    // BB: two responses only (insufficient sample): 10/10/10 and 8/8/8.
    await response('Y1', '2026-02-15T10:00:00', [10, 10, 10], null);
    await response('Y1', '2026-02-16T10:00:00', [8, 8, 8], null);

    // T1 on X1: 10:00 → 15:00, paused 11:00–12:00 and (recorded) 11:30–12:30: 300 − 90 = 210 ≤ 240.
    const base = { accountId: '', serviceRef: 'CIR-1', severity: 'CRITICAL', channel: 'HOTLINE' };
    await ticket({ ...base, accountId: ids.X1, reportedAt: t('2026-01-10T10:00:00') }, [
      ['acknowledgeFaultTicket', { at: t('2026-01-10T10:10:00') }],
      ['startFaultWork', { at: t('2026-01-10T10:30:00') }],
      ['pauseFaultTicket', { at: t('2026-01-10T11:00:00'), reason: 'NO_ACCESS' }],
      ['resumeFaultTicket', { at: t('2026-01-10T12:00:00') }],
      [
        'recordFaultPause',
        { from: t('2026-01-10T11:30:00'), to: t('2026-01-10T12:30:00'), reason: 'NO_ACCESS' },
      ],
      ['restoreFaultTicket', { at: t('2026-01-10T15:00:00') }],
      ['closeFaultTicket', { at: t('2026-01-10T17:00:00') }],
    ]);
    // T2 on X1, same circuit 10 days after T1's restoration (a repeat): 10:00 → 15:00 = 300 > 240.
    await ticket({ ...base, accountId: ids.X1, reportedAt: t('2026-01-20T10:00:00') }, [
      ['acknowledgeFaultTicket', { at: t('2026-01-20T10:20:00') }],
      ['restoreFaultTicket', { at: t('2026-01-20T15:00:00') }],
    ]);
    await complete(await scheduled('X1', 'POST_REPAIR'), '2026-01-12T10:00:00'); // within 3 days of T1's closure

    await order('X1', '2026-02-05T09:00:00', '2026-02-10T18:00:00', '2026-02-10T12:00:00'); // on time
    await order('X2', '2026-02-15T09:00:00', '2026-02-18T18:00:00', '2026-02-18T20:00:00'); // 120 min late
    await order('X1', '2026-03-01T09:00:00', '2026-03-04T18:00:00', null); // open past its promise
    await complete(await scheduled('X1', 'POST_ACTIVATION'), '2026-02-12T10:00:00'); // within 7 days

    const periodic = await admin(
      'mutation($i: ScheduleFollowUpInput!) { scheduleFollowUp(input: $i) { id } }',
      {
        i: {
          accountId: ids.Y1,
          purpose: 'PERIODIC',
          channel: 'PHONE',
          dueAt: t('2026-03-01T09:00:00'),
        },
      },
    );
    await complete(periodic.scheduleFollowUp.id, '2026-03-01T10:00:00');
  }, 120_000);
  afterAll(() => stopTestService(service));

  const card = async (branch: string, token = service.adminToken) =>
    (await ok(service, token, CARD, { b: branch, p: Q })).branchScorecard;

  it('matches the hand arithmetic for branch BA', async () => {
    const ba = await card('BA');
    // CS1 (10 + 9·9) ÷ 10 = 9.1; CS2 = CS3 = (10 + 9·8) ÷ 10 = 8.2
    expect([ba.cs1.value, ba.cs2.value, ba.cs3.value]).toEqual(
      [9.1, 8.2, 8.2].map((v) => expect.closeTo(v, 10)),
    );
    // (0.4·9.1 + 0.3·8.2 + 0.3·8.2 − 1) ÷ 9 × 100 = (3.64 + 4.92 − 1) ÷ 9 × 100 = 84.00
    expect(ba.satisfactionIndex).toMatchObject({ value: expect.closeTo(84, 6), sampleSize: 10 });
    expect(ba.satisfactionIndex.previous).toBeCloseTo(((6 - 1) / 9) * 100, 6); // 2025-Q4: one 6/6/6 = 55.56
    expect(ba.topBoxShare).toEqual({ value: 0.1, numerator: 1, denominator: 10 }); // one CS1 = 10
    expect(ba.top3BoxShare.value).toBe(1); // all CS1 ≥ 8
    expect(ba.nps).toEqual({ value: 50, sampleSize: 10 }); // 5 promoters, 5 passives: 50 % − 0 %
    expect(ba.responses).toBe(10);

    // Activations: X1 on time, X2 120 min late → 1/2; lateness (0 + 120) ÷ 2 = 60
    expect(ba.activationOnTimeRate).toMatchObject({ value: 0.5, numerator: 1, denominator: 2 });
    // Wilson, p̂ = 0.5, n = 2, z = 1.96: centre 0.5, half = 1.96·√(0.125 + 0.2401) ÷ 2.9207 = 0.4055
    expect(ba.activationOnTimeRate.low).toBeCloseTo(0.0945, 3);
    expect(ba.activationOnTimeRate.high).toBeCloseTo(0.9055, 3);
    expect(ba.activationLatenessMinutes).toEqual({ value: 60, sampleSize: 2 });
    expect(ba.overdueActivations).toBe(1); // ordered 03-01, promised 03-04, open at the quarter's end

    // Tickets: T1 210 (met), T2 300 (missed, repeat of T1)
    expect(ba.faultWithinSlaRate).toEqual({ value: 0.5, numerator: 1, denominator: 2 });
    expect(ba.tiers).toEqual([
      {
        severity: 'CRITICAL',
        tickets: 2,
        withinSlaRate: { value: 0.5 },
        mttrMinutes: { value: 255 },
        p90Minutes: { value: 300 },
        repeatRate: { value: 0.5 },
      },
      {
        severity: 'MAJOR',
        tickets: 0,
        withinSlaRate: { value: null },
        mttrMinutes: { value: null },
        p90Minutes: { value: null },
        repeatRate: { value: null },
      },
      {
        severity: 'MINOR',
        tickets: 0,
        withinSlaRate: { value: null },
        mttrMinutes: { value: null },
        p90Minutes: { value: null },
        repeatRate: { value: null },
      },
    ]);
    expect(ba.acknowledgementMinutes).toEqual({ value: 15, sampleSize: 2 }); // (10 + 20) ÷ 2

    // Follow-ups: X1 visited in the quarter, X2 not → 1/2; X1's activation followed up on day 2,
    // X2's never → 1/2; T1 closed 01-10 17:00 and followed up 01-12 10:00 → 1/1
    expect(ba.followUpCoverage).toEqual({ value: 0.5, numerator: 1, denominator: 2 });
    expect(ba.postActivationFollowUpRate).toEqual({ value: 0.5, numerator: 1, denominator: 2 });
    expect(ba.postRepairFollowUpRate).toEqual({ value: 1, numerator: 1, denominator: 1 });

    // 0.40·84 + 0.20·50 + 0.25·50 + 0.15·50 = 33.6 + 10 + 12.5 + 7.5 = 63.6
    expect(ba.compositeScore).toEqual({ value: expect.closeTo(63.6, 6), sampleSize: 4 });
    expect(ba).toMatchObject({ rank: 1, insufficientSample: false });
  });

  it('matches the hand arithmetic for branch BB and ranks it after BA for its small sample', async () => {
    const bb = await card('BB');
    // CS means 9, 9, 9 → (9 − 1) ÷ 9 × 100 = 88.89; top box 1/2
    expect(bb.satisfactionIndex.value).toBeCloseTo(88.8889, 3);
    expect(bb.topBoxShare.value).toBe(0.5);
    expect(bb.activationOnTimeRate.value).toBeNull();
    expect(bb.faultWithinSlaRate.value).toBeNull();
    expect(bb.followUpCoverage).toEqual({ value: 1, numerator: 1, denominator: 1 });
    // Only satisfaction and coverage have data: (0.40·88.889 + 0.15·100) ÷ 0.55 = 50.556 ÷ 0.55 = 91.92
    expect(bb.compositeScore).toEqual({ value: expect.closeTo(91.9192, 3), sampleSize: 2 });
    // A higher composite, but 2 < 10 responses: ranked after every branch with enough.
    expect(bb).toMatchObject({ rank: 2, insufficientSample: true });
  });

  it('breaks a tie (no data at all) by top-box share, then branch code', async () => {
    const ranking = await admin(
      '{ scorecardRanking(period: "2024-Q1") { rank branch { code } compositeScore { value } } }',
    );
    expect(ranking.scorecardRanking).toEqual([
      { rank: 1, branch: { code: 'BA' }, compositeScore: { value: null } },
      { rank: 2, branch: { code: 'BB' }, compositeScore: { value: null } },
    ]);
  });

  it('shows targets set by HQ, and only HQ and admins set them', async () => {
    const set = 'mutation($i: ScorecardTargetInput!) { setScorecardTarget(input: $i) { target } }';
    const input = { branchCode: 'BA', period: Q, figure: 'activationOnTimeRate', target: 0.9 };
    const byHead = await service.graphql(set, { i: input }, world.tokens.headA);
    expect(byHead.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    await ok(service, world.tokens.hq, set, { i: input });
    expect((await card('BA')).activationOnTimeRate.target).toBe(0.9);
  });

  it('gives targets stored before key ids their key id, once, keeping a copy made before', async () => {
    const targets = mongoose.connection.db!.collection('scorecardtargets');
    await targets.createIndex({ branchCode: 1, period: 1, figure: 1 }, { unique: true });
    const old = (figure: string, target: number) => ({
      _id: new mongoose.Types.ObjectId(),
      ...{ branchCode: 'BB', period: Q, figure, target, setBy: 'hq' },
    });
    await targets.insertMany([old('nps', 30), old('cs1', 8)] as never);
    // A copy of cs1 made before a crash, the original not yet removed (index gone by then).
    await targets.dropIndex('branchCode_1_period_1_figure_1');
    await targets.insertOne({
      _id: `BB|${Q}|cs1`,
      branchCode: 'BB',
      period: Q,
      figure: 'cs1',
      target: 8,
      setBy: 'hq',
    } as never);
    await targets.createIndex(
      { branchCode: 1, period: 1, figure: 1 },
      { unique: false, name: 'branchCode_1_period_1_figure_1' },
    );
    await giveTargetsKeyIds();
    await giveTargetsKeyIds();
    const left = await targets.find({ branchCode: 'BB', period: Q }).sort({ _id: 1 }).toArray();
    expect(left.map(({ _id, target }) => [_id, target])).toEqual([
      [`BB|${Q}|cs1`, 8],
      [`BB|${Q}|nps`, 30],
    ]);
    expect((await targets.indexes()).map((i) => i.name)).not.toContain(
      'branchCode_1_period_1_figure_1',
    );
    const shown = await admin(
      `{ branchScorecard(branchCode: "BB", period: "${Q}") { nps { target } cs1 { target } } }`,
    );
    expect(shown.branchScorecard).toEqual({ nps: { target: 30 }, cs1: { target: 8 } });
  });

  it('scopes cards: a branch head reads only their own branch; HQ reads all', async () => {
    expect((await card('BA', world.tokens.headA)).branch.code).toBe('BA');
    const other = await service.graphql(CARD, { b: 'BB', p: Q }, world.tokens.headA);
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const headRanking = await ok(
      service,
      world.tokens.headA,
      `{ scorecardRanking(period: "${Q}") { branch { code } rank } }`,
    );
    expect(headRanking.scorecardRanking).toEqual([{ branch: { code: 'BA' }, rank: 1 }]);
    const hqRanking = await ok(
      service,
      world.tokens.hq,
      `{ scorecardRanking(period: "${Q}") { branch { code } } }`,
    );
    expect(
      hqRanking.scorecardRanking.map((c: { branch: { code: string } }) => c.branch.code),
    ).toEqual(['BA', 'BB']);
  });

  it('drills each figure down to its records', async () => {
    const drill = await admin(`{ branchScorecard(branchCode: "BA", period: "${Q}") {
      lateActivations { edges { node { latenessMinutes } } }
      missedSlaTickets { edges { node { repairDurationMinutes } } }
      accountsWithoutFollowUp { edges { node { name } } }
      surveyResponses(first: 100) { edges { node { id } } }
    } }`);
    const card = drill.branchScorecard;
    expect(card.lateActivations.edges.map((e: { node: unknown }) => e.node)).toEqual([
      { latenessMinutes: 120 },
    ]);
    expect(card.missedSlaTickets.edges.map((e: { node: unknown }) => e.node)).toEqual([
      { repairDurationMinutes: 300 },
    ]);
    expect(card.accountsWithoutFollowUp.edges.map((e: { node: unknown }) => e.node)).toEqual([
      { name: 'X2' },
    ]);
    expect(card.surveyResponses.edges).toHaveLength(10);
  });

  it('serves a closed quarter from its snapshot and recomputes it after a late record', async () => {
    const before = await card('BA');
    const snapshot = await admin(
      `{ branchScorecard(branchCode: "BA", period: "${Q}") { computedAt } }`,
    );
    const again = await admin(
      `{ branchScorecard(branchCode: "BA", period: "${Q}") { computedAt } }`,
    );
    expect(again.branchScorecard.computedAt).toBe(snapshot.branchScorecard.computedAt); // from the snapshot
    await response('X2', '2026-03-20T10:00:00', [10, 10, 10], null); // arrives late for 2026-Q1
    const after = await card('BA');
    expect(after.responses).toBe(before.responses + 1);
    expect(after.topBoxShare).toEqual({ value: 2 / 11, numerator: 2, denominator: 11 });
  });

  it('exports the ranking as CSV with the same token and scope', async () => {
    const response = await fetch(`${service.url}/scorecards/${Q}.csv`, {
      headers: { authorization: `Bearer ${world.tokens.hq}` },
    });
    expect(response.headers.get('content-type')).toMatch(/text\/csv/);
    const lines = (await response.text()).trim().split('\n');
    expect(lines).toHaveLength(3); // header, BA, BB
    expect(lines[1]!.split(',').slice(0, 3)).toEqual(['1', 'BA', Q]);
    const anonymous = await fetch(`${service.url}/scorecards/${Q}.csv`);
    expect(anonymous.status).toBe(401);
    const bad = await fetch(`${service.url}/scorecards/2026-Q9.csv`, {
      headers: { authorization: `Bearer ${world.tokens.hq}` },
    });
    expect(bad.status).toBe(400);
  });

  it("exports one branch's row with ?branch=, scoped like branchScorecard", async () => {
    const csv = (branch: string, token: string) =>
      fetch(`${service.url}/scorecards/${Q}.csv?branch=${branch}`, {
        headers: { authorization: `Bearer ${token}` },
      });
    const own = await csv('BB', world.tokens.headB);
    const lines = (await own.text()).trim().split('\n');
    expect(lines).toHaveLength(2); // header, BB
    expect(lines[1]!.split(',').slice(0, 3)).toEqual(['2', 'BB', Q]);
    expect((await csv('BA', world.tokens.headB)).status).toBe(403); // FORBIDDEN, as the query
  });
});
