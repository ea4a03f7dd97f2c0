import { Types } from 'mongoose';
import {
  emitLifecycle,
  onLifecycle,
  type LifecycleEvents,
} from '../src/modules/journey/lifecycle-hooks';
import { countCommands } from './support/command-counter';
import { startTestService, stopTestService, type TestService } from './support/test-service';
import {
  buildWorld,
  createBranch,
  createUser,
  ok,
  type World,
  type WorldUser,
} from './support/world';

const FOLLOW_UP_FIELDS = `id __typename purpose channel status dueAt overdue completedAt missedAt
  cancelledAt occurredAt sourceSystem externalId performedBy completedBy scheduledBy outcome
  issuesRaised raisedConsultationId followsOrderId followsTicketId stage account { id }`;

const SCHEDULE = `mutation($i: ScheduleFollowUpInput!) { scheduleFollowUp(input: $i) { ${FOLLOW_UP_FIELDS} } }`;
const COMPLETE = `mutation($id: ID!, $at: DateTime!, $outcome: String, $issues: [String!],
  $raise: RaiseConsultationInput) {
  completeFollowUp(id: $id, at: $at, outcome: $outcome, issuesRaised: $issues,
    raiseConsultation: $raise) { ${FOLLOW_UP_FIELDS} } }`;
const MISS = `mutation($id: ID!, $at: DateTime!) { missFollowUp(id: $id, at: $at) { ${FOLLOW_UP_FIELDS} } }`;
const CANCEL = `mutation($id: ID!, $at: DateTime!) { cancelFollowUp(id: $id, at: $at) { ${FOLLOW_UP_FIELDS} } }`;
const PERIODIC = `mutation($q: String!, $b: String) {
  schedulePeriodicFollowUps(quarter: $q, branchCode: $b) { quarter scheduled alreadyScheduled } }`;
const ACCOUNT_FOLLOW_UPS = `query($id: ID!, $status: FollowUpStatus) { keyAccount(id: $id) {
  followUps(first: 100, status: $status) { edges { node { ${FOLLOW_UP_FIELDS} } } } } }`;
const DUE = `query($b: String!, $before: DateTime!, $m: String, $first: Int, $after: String) {
  followUpsDue(branchCode: $b, before: $before, accountManagerLogin: $m, first: $first, after: $after) {
    edges { cursor node { id dueAt status account { id } } } pageInfo { hasNextPage endCursor } } }`;
const COMPLIANCE = `query($b: String!, $p: String!) { followUpCompliance(branchCode: $b, period: $p) {
  branch { code } period periodStart periodEnd
  quarterlyCoverage { value numerator denominator sampleSize low high } } }`;

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const DAY = 86_400_000;

describe('follow-up visits', () => {
  let service: TestService;
  let world: World;
  const measured: LifecycleEvents['measuredRecordWritten'][] = [];

  const as = (user: WorldUser, query: string, variables: Record<string, unknown> = {}) =>
    ok<Row>(service, world.tokens[user], query, variables);
  const attempt = (user: WorldUser, query: string, variables: Record<string, unknown> = {}) =>
    service.graphql<Row>(query, variables, world.tokens[user]);
  const schedule = async (
    user: WorldUser,
    accountId: string,
    dueAt: string,
    extra: Record<string, unknown> = {},
  ): Promise<Row> =>
    (
      await as(user, SCHEDULE, {
        i: { accountId, purpose: 'OTHER', channel: 'PHONE', dueAt, ...extra },
      })
    ).scheduleFollowUp;
  const followUpsOf = async (accountId: string, status?: string): Promise<Row[]> =>
    (
      await as('admin', ACCOUNT_FOLLOW_UPS, { id: accountId, status })
    ).keyAccount.followUps.edges.map((e: Row) => e.node);

  // An account of `manager` in `branchCode`, opened at `openedAt` (default now).
  const openAccount = async (
    branchCode: string,
    manager: string,
    externalId: string,
    openedAt?: string,
  ): Promise<string> => {
    const data = await ok<Row>(
      service,
      service.adminToken,
      'mutation($i: CreateKeyAccountInput!) { createKeyAccount(input: $i) { id } }',
      {
        i: {
          externalId,
          sourceSystem: 'CRM',
          name: externalId,
          branchCode,
          accountManagerLogin: manager,
          openedAt,
        },
      },
    );
    return data.createKeyAccount.id as string;
  };

  beforeAll(async () => {
    service = await startTestService();
    world = await buildWorld(service);
    onLifecycle('measuredRecordWritten', async (event) => {
      measured.push(event);
    });
  });
  afterAll(() => stopTestService(service));

  describe('cadence', () => {
    it('schedules exactly one post-activation follow-up however often the activation is replayed', async () => {
      const event = {
        orderId: new Types.ObjectId(),
        accountId: new Types.ObjectId(world.accounts.own),
        branchCode: 'BA',
        activatedAt: new Date('2026-03-29T10:00:00Z'),
      };
      await emitLifecycle('activationCompleted', event);
      await emitLifecycle('activationCompleted', event);
      // Concurrent replays race on the unique natural key: still one.
      await Promise.all([
        emitLifecycle('activationCompleted', event),
        emitLifecycle('activationCompleted', event),
      ]);
      const followUps = (await followUpsOf(world.accounts.own)).filter(
        (f) => f.purpose === 'POST_ACTIVATION',
      );
      expect(followUps).toHaveLength(1);
      expect(followUps[0]).toMatchObject({
        status: 'SCHEDULED',
        channel: 'PHONE',
        sourceSystem: 'CADENCE',
        externalId: `POST_ACTIVATION:${event.orderId.toHexString()}`,
        followsOrderId: event.orderId.toHexString(),
        // 29 March 10:00 UTC + 7 × 24 h
        dueAt: '2026-04-05T10:00:00.000Z',
        scheduledBy: 'system:follow-up-cadence',
      });
    });

    it('schedules exactly one post-repair follow-up when a closure is replayed', async () => {
      const event = {
        ticketId: new Types.ObjectId(),
        accountId: new Types.ObjectId(world.accounts.sameBranch),
        branchCode: 'BA',
        closedAt: new Date('2026-05-01T08:00:00Z'),
      };
      await emitLifecycle('faultTicketClosed', event);
      await emitLifecycle('faultTicketClosed', event);
      const followUps = (await followUpsOf(world.accounts.sameBranch)).filter(
        (f) => f.purpose === 'POST_REPAIR',
      );
      expect(followUps).toHaveLength(1);
      expect(followUps[0]).toMatchObject({
        externalId: `POST_REPAIR:${event.ticketId.toHexString()}`,
        followsTicketId: event.ticketId.toHexString(),
        // 1 May 08:00 UTC + 3 × 24 h
        dueAt: '2026-05-04T08:00:00.000Z',
      });
    });

    it('schedules one post-activation follow-up when an order is activated twice through the API', async () => {
      const order = (
        await as(
          'mgrA1',
          `mutation($i: CreateActivationOrderInput!) { createActivationOrder(input: $i) { id } }`,
          {
            i: {
              accountId: world.accounts.own,
              product: 'BROADBAND',
              orderedAt: '2026-04-01T09:00:00+08:00',
              promisedAt: '2026-04-04T09:00:00+08:00',
            },
          },
        )
      ).createActivationOrder;
      const activate = `mutation($id: ID!) {
        activateOrder(id: $id, at: "2026-04-03T16:00:00+08:00") { status } }`;
      await as('mgrA1', activate, { id: order.id });
      await as('mgrA1', activate, { id: order.id });
      const followUps = (await followUpsOf(world.accounts.own)).filter(
        (f) => f.followsOrderId === order.id,
      );
      // 3 April 16:00 (+08:00) + 7 × 24 h = 10 April 16:00 (+08:00)
      expect(followUps).toEqual([
        expect.objectContaining({ purpose: 'POST_ACTIVATION', dueAt: '2026-04-10T08:00:00.000Z' }),
      ]);
    });

    it('schedules one post-repair follow-up when a ticket is closed twice through the API', async () => {
      const ticket = (
        await as(
          'mgrA1',
          `mutation($i: OpenFaultTicketInput!) { openFaultTicket(input: $i) { id } }`,
          {
            i: {
              accountId: world.accounts.own,
              serviceRef: 'CIRCUIT-FU',
              severity: 'MAJOR',
              channel: 'NOC',
              reportedAt: '2026-05-05T10:00:00+08:00',
            },
          },
        )
      ).openFaultTicket;
      const step = (name: string, at: string) =>
        as('mgrA1', `mutation($id: ID!, $at: DateTime!) { ${name}(id: $id, at: $at) { id } }`, {
          id: ticket.id,
          at,
        });
      await step('acknowledgeFaultTicket', '2026-05-05T10:05:00+08:00');
      await step('restoreFaultTicket', '2026-05-05T14:00:00+08:00');
      await step('closeFaultTicket', '2026-05-06T09:00:00+08:00');
      await step('closeFaultTicket', '2026-05-06T09:00:00+08:00');
      const followUps = (await followUpsOf(world.accounts.own)).filter(
        (f) => f.followsTicketId === ticket.id,
      );
      // 6 May 09:00 (+08:00) + 3 × 24 h = 9 May 09:00 (+08:00)
      expect(followUps).toEqual([
        expect.objectContaining({ purpose: 'POST_REPAIR', dueAt: '2026-05-09T01:00:00.000Z' }),
      ]);
    });

    it('moves the due time of a still-scheduled cadence follow-up when the event time is corrected', async () => {
      const event = {
        orderId: new Types.ObjectId(),
        accountId: new Types.ObjectId(world.accounts.otherBranch),
        branchCode: 'BB',
        activatedAt: new Date('2026-06-01T00:00:00Z'),
      };
      await emitLifecycle('activationCompleted', event);
      await emitLifecycle('activationCompleted', {
        ...event,
        activatedAt: new Date('2026-06-02T00:00:00Z'),
      });
      const followUps = (await followUpsOf(world.accounts.otherBranch)).filter(
        (f) => f.followsOrderId === event.orderId.toHexString(),
      );
      expect(followUps.map((f) => f.dueAt)).toEqual(['2026-06-09T00:00:00.000Z']);
    });

    it('schedules one periodic follow-up per active account and quarter, idempotently', async () => {
      await createBranch(service, 'BP');
      await createUser(service, 'mgrP', { role: 'ACCOUNT_MANAGER', branchCode: 'BP' });
      const early = await openAccount('BP', 'mgrP', 'P1', '2025-06-01T00:00:00+08:00');
      // Opened as 2025-Q3 begins: not active in Q2.
      await openAccount('BP', 'mgrP', 'P2', '2025-07-01T00:00:00+08:00');
      const first = await as('admin', PERIODIC, { q: '2025-Q2', b: 'BP' });
      expect(first.schedulePeriodicFollowUps).toEqual({
        quarter: '2025-Q2',
        scheduled: 1,
        alreadyScheduled: 0,
      });
      const again = await as('admin', PERIODIC, { q: '2025-Q2', b: 'BP' });
      expect(again.schedulePeriodicFollowUps).toEqual({
        quarter: '2025-Q2',
        scheduled: 0,
        alreadyScheduled: 1,
      });
      const periodic = (await followUpsOf(early)).filter((f) => f.purpose === 'PERIODIC');
      expect(periodic).toHaveLength(1);
      // 15 May 2025 00:00 in Shanghai (UTC+8)
      expect(periodic[0]).toMatchObject({
        dueAt: '2025-05-14T16:00:00.000Z',
        externalId: `PERIODIC:${early}:2025-Q2`,
        overdue: true,
      });
      const q3 = await as('admin', PERIODIC, { q: '2025-Q3', b: 'BP' });
      expect(q3.schedulePeriodicFollowUps).toMatchObject({ scheduled: 2, alreadyScheduled: 0 });
    });

    it('lets a branch head schedule periodic follow-ups for their own branch only', async () => {
      const own = await as('headA', PERIODIC, { q: '2026-Q4' });
      // own and sameBranch, both opened now (within 2026-Q4)
      expect(own.schedulePeriodicFollowUps).toEqual({
        quarter: '2026-Q4',
        scheduled: 2,
        alreadyScheduled: 0,
      });
      const other = await attempt('headA', PERIODIC, { q: '2026-Q4', b: 'BB' });
      expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const manager = await attempt('mgrA1', PERIODIC, { q: '2026-Q4', b: 'BA' });
      expect(manager.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const month = await attempt('admin', PERIODIC, { q: '2026-05' });
      expect(month.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'quarter' });
      // All branches: BA already done, BB's one account and BP's two are new.
      const all = await as('admin', PERIODIC, { q: '2026-Q4' });
      expect(all.schedulePeriodicFollowUps).toEqual({
        quarter: '2026-Q4',
        scheduled: 3,
        alreadyScheduled: 2,
      });
    });
  });

  describe('states', () => {
    it('completes a follow-up, replays the completion harmlessly and refuses to re-time it', async () => {
      const past = new Date(Date.now() - 2 * DAY).toISOString();
      const scheduled = await schedule('mgrA1', world.accounts.own, past);
      expect(scheduled).toMatchObject({
        status: 'SCHEDULED',
        overdue: true,
        occurredAt: scheduled.dueAt,
        sourceSystem: 'JOURNEY',
        externalId: scheduled.id,
        scheduledBy: 'mgrA1',
        stage: 'FOLLOW_UP',
      });
      const at = new Date(Date.now() - DAY).toISOString();
      const before = measured.length;
      const done = (
        await as('mgrA1', COMPLETE, { id: scheduled.id, at, outcome: 'happy', issues: ['SLA'] })
      ).completeFollowUp;
      expect(done).toMatchObject({
        status: 'COMPLETED',
        overdue: false,
        completedAt: at,
        occurredAt: at,
        outcome: 'happy',
        issuesRaised: ['SLA'],
        performedBy: 'mgrA1',
        completedBy: 'mgrA1',
      });
      expect(measured.slice(before)).toEqual([{ branchCode: 'BA', eventTimes: [new Date(at)] }]);
      const replay = (await as('mgrA1', COMPLETE, { id: scheduled.id, at })).completeFollowUp;
      expect(replay).toEqual(done);
      expect(measured).toHaveLength(before + 1);
      const retimed = await attempt('mgrA1', COMPLETE, {
        id: scheduled.id,
        at: new Date(Date.now() - 3 * DAY).toISOString(),
      });
      expect(retimed.errors?.[0]?.extensions?.code).toBe('ILLEGAL_TRANSITION');
      const missed = await attempt('mgrA1', MISS, { id: scheduled.id, at });
      expect(missed.errors?.[0]?.extensions?.code).toBe('ILLEGAL_TRANSITION');
    });

    it('completes a missed follow-up late, but never a cancelled one', async () => {
      const due = '2026-02-01T00:00:00.000Z';
      const missable = await schedule('mgrA1', world.accounts.own, due);
      const missed = (await as('mgrA1', MISS, { id: missable.id, at: '2026-02-02T00:00:00Z' }))
        .missFollowUp;
      expect(missed).toMatchObject({ status: 'MISSED', overdue: false, occurredAt: due });
      const late = (await as('mgrA1', COMPLETE, { id: missable.id, at: '2026-02-20T00:00:00Z' }))
        .completeFollowUp;
      expect(late).toMatchObject({
        status: 'COMPLETED',
        missedAt: '2026-02-02T00:00:00.000Z',
        completedAt: '2026-02-20T00:00:00.000Z',
      });
      const cancellable = await schedule('mgrA1', world.accounts.own, due);
      const cancelled = (await as('mgrA1', CANCEL, { id: cancellable.id, at: due })).cancelFollowUp;
      expect(cancelled.status).toBe('CANCELLED');
      const revived = await attempt('mgrA1', COMPLETE, { id: cancellable.id, at: due });
      expect(revived.errors?.[0]?.extensions?.code).toBe('ILLEGAL_TRANSITION');
    });

    it('refuses a completion in the future, naming the argument', async () => {
      const followUp = await schedule('mgrA1', world.accounts.own, '2026-03-01T00:00:00Z');
      const result = await attempt('mgrA1', COMPLETE, {
        id: followUp.id,
        at: new Date(Date.now() + DAY).toISOString(),
      });
      expect(result.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'at' });
      expect((await as('mgrA1', `{ followUp(id: "${followUp.id}") { status } }`)).followUp).toEqual(
        { status: 'SCHEDULED' },
      );
    });

    it('opens one consultation for an issue raised, also when the completion is replayed', async () => {
      const followUp = await schedule('mgrA1', world.accounts.own, '2026-03-01T00:00:00Z');
      const at = '2026-03-02T03:00:00.000Z';
      const raise = { topic: 'Wants a bandwidth upgrade quote' };
      const done = (await as('mgrA1', COMPLETE, { id: followUp.id, at, raise })).completeFollowUp;
      expect(done.raisedConsultationId).toEqual(expect.any(String));
      const replay = (await as('mgrA1', COMPLETE, { id: followUp.id, at, raise })).completeFollowUp;
      expect(replay.raisedConsultationId).toBe(done.raisedConsultationId);
      const timeline = await as(
        'mgrA1',
        `query($id: ID!) { keyAccount(id: $id) { timeline(first: 100, stages: [CONSULTING]) {
          edges { node { id ... on Consultation { topic channel askedAt } } } } } }`,
        { id: world.accounts.own },
      );
      const consultations = timeline.keyAccount.timeline.edges
        .map((e: Row) => e.node)
        .filter((n: Row) => n.topic === raise.topic);
      expect(consultations).toEqual([
        {
          id: done.raisedConsultationId,
          topic: raise.topic,
          channel: 'ACCOUNT_MANAGER',
          askedAt: at,
        },
      ]);
    });
  });

  describe('work list', () => {
    it('lists scheduled follow-ups due before the instant, earliest first, paged', async () => {
      await createBranch(service, 'BW');
      await createUser(service, 'mgrW1', { role: 'ACCOUNT_MANAGER', branchCode: 'BW' });
      await createUser(service, 'mgrW2', { role: 'ACCOUNT_MANAGER', branchCode: 'BW' });
      const w1 = await openAccount('BW', 'mgrW1', 'W1');
      const w2 = await openAccount('BW', 'mgrW2', 'W2');
      const c = await schedule('admin', w1, '2026-04-03T00:00:00Z');
      const a = await schedule('admin', w2, '2026-04-01T00:00:00Z');
      const b = await schedule('admin', w1, '2026-04-02T00:00:00Z');
      await schedule('admin', w1, '2026-04-10T00:00:00Z'); // due on the cut-off: not before it
      const done = await schedule('admin', w2, '2026-03-01T00:00:00Z');
      await as('admin', COMPLETE, { id: done.id, at: '2026-03-01T00:00:00Z' });

      const before = '2026-04-10T00:00:00Z';
      const all = (await as('admin', DUE, { b: 'BW', before })).followUpsDue;
      expect(all.edges.map((e: Row) => e.node.id)).toEqual([a.id, b.id, c.id]);
      const page1 = (await as('hq', DUE, { b: 'BW', before, first: 2 })).followUpsDue;
      expect(page1.edges.map((e: Row) => e.node.id)).toEqual([a.id, b.id]);
      expect(page1.pageInfo.hasNextPage).toBe(true);
      const page2 = (
        await as('hq', DUE, { b: 'BW', before, first: 2, after: page1.pageInfo.endCursor })
      ).followUpsDue;
      expect(page2.edges.map((e: Row) => e.node.id)).toEqual([c.id]);
      expect(page2.pageInfo.hasNextPage).toBe(false);
      const mine = (await as('admin', DUE, { b: 'BW', before, m: 'mgrW1' })).followUpsDue;
      expect(mine.edges.map((e: Row) => e.node.id)).toEqual([b.id, c.id]);
      const nobody = (await as('admin', DUE, { b: 'BW', before, m: 'nobody' })).followUpsDue;
      expect(nobody.edges).toEqual([]);
    });

    it('is scoped: a branch role asking for another branch is FORBIDDEN', async () => {
      const before = new Date(Date.now() + 365 * DAY).toISOString();
      const own = (await as('mgrA1', DUE, { b: 'BA', before })).followUpsDue;
      expect(own.edges.length).toBeGreaterThan(0);
      for (const edge of own.edges) {
        expect([world.accounts.own, world.accounts.sameBranch]).toContain(edge.node.account.id);
      }
      for (const user of ['mgrA1', 'headA'] as const) {
        const other = await attempt(user, DUE, { b: 'BB', before });
        expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      }
      const unknown = await attempt('admin', DUE, { b: 'ZZ', before });
      expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    });
  });

  describe('access', () => {
    let ids: Record<'own' | 'sameBranch' | 'otherBranch', string>;
    beforeAll(async () => {
      ids = {
        own: (await schedule('admin', world.accounts.own, '2026-07-01T00:00:00Z')).id,
        sameBranch: (await schedule('admin', world.accounts.sameBranch, '2026-07-01T00:00:00Z')).id,
        otherBranch: (await schedule('admin', world.accounts.otherBranch, '2026-07-01T00:00:00Z'))
          .id,
      };
    });

    it.each([
      ['own', null],
      ['sameBranch', 'FORBIDDEN'],
      ['otherBranch', 'NOT_FOUND'],
    ] as const)('mgrA1 schedules on the %s account: %s', async (which, code) => {
      const result = await attempt('mgrA1', SCHEDULE, {
        i: {
          accountId: world.accounts[which],
          purpose: 'OTHER',
          channel: 'SMS',
          dueAt: '2026-08-01T00:00:00Z',
        },
      });
      expect(result.errors?.[0]?.extensions?.code ?? null).toBe(code);
    });

    it.each([
      ['own', null],
      ['sameBranch', 'FORBIDDEN'],
      ['otherBranch', 'NOT_FOUND'],
    ] as const)('mgrA1 completes a follow-up of the %s account: %s', async (which, code) => {
      const result = await attempt('mgrA1', COMPLETE, {
        id: ids[which],
        at: '2026-07-02T00:00:00Z',
      });
      expect(result.errors?.[0]?.extensions?.code ?? null).toBe(code);
    });

    it.each([
      ['own', true],
      ['sameBranch', true],
      ['otherBranch', false],
    ] as const)('mgrA1 reads a follow-up of the %s account: %s', async (which, visible) => {
      const result = await as('mgrA1', `query($id: ID!) { followUp(id: $id) { id } }`, {
        id: ids[which],
      });
      expect(Boolean(result.followUp)).toBe(visible);
    });

    it('lets HQ read but not schedule', async () => {
      const read = await as('hq', `query($id: ID!) { followUp(id: $id) { id } }`, {
        id: ids.otherBranch,
      });
      expect(read.followUp).toEqual({ id: ids.otherBranch });
      const write = await attempt('hq', SCHEDULE, {
        i: {
          accountId: world.accounts.own,
          purpose: 'OTHER',
          channel: 'SMS',
          dueAt: '2026-08-01T00:00:00Z',
        },
      });
      expect(write.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });
  });

  it('puts follow-ups on the account timeline, at their completion or due time', async () => {
    const followUp = await schedule('mgrA1', world.accounts.own, '2026-09-01T00:00:00Z');
    await as('mgrA1', COMPLETE, { id: followUp.id, at: '2026-09-03T00:00:00Z' });
    const timeline = await as(
      'mgrA2',
      `query($id: ID!) { keyAccount(id: $id) { timeline(first: 100, stages: [FOLLOW_UP]) {
        edges { node { __typename id occurredAt stage } } } } }`,
      { id: world.accounts.own },
    );
    const nodes = timeline.keyAccount.timeline.edges.map((e: Row) => e.node);
    expect(nodes.every((n: Row) => n.__typename === 'FollowUp' && n.stage === 'FOLLOW_UP')).toBe(
      true,
    );
    expect(nodes).toContainEqual({
      __typename: 'FollowUp',
      id: followUp.id,
      occurredAt: '2026-09-03T00:00:00.000Z',
      stage: 'FOLLOW_UP',
    });
  });

  it('computes quarterly coverage per the measurement rules for quarters, months and years', async () => {
    await createBranch(service, 'BC');
    await createUser(service, 'mgrC', { role: 'ACCOUNT_MANAGER', branchCode: 'BC' });
    const opened = '2025-01-01T00:00:00+08:00';
    const x = await openAccount('BC', 'mgrC', 'CX', opened);
    await openAccount('BC', 'mgrC', 'CY', opened);
    const z = await openAccount('BC', 'mgrC', 'CZ', opened);
    await ok(
      service,
      service.adminToken,
      'mutation($id: ID!) { closeKeyAccount(id: $id, at: "2026-01-20T00:00:00+08:00") { id } }',
      {
        id: z,
      },
    );
    const visit = async (accountId: string, at: string) => {
      const followUp = await schedule('admin', accountId, at);
      await as('admin', COMPLETE, { id: followUp.id, at });
    };
    await visit(x, '2026-02-10T10:00:00+08:00');
    await visit(z, '2026-01-15T10:00:00+08:00');
    // A scheduled but never completed visit counts for nothing.
    await schedule('admin', x, '2026-05-15T00:00:00+08:00');

    const coverage = async (period: string) =>
      (await as('hq', COMPLIANCE, { b: 'BC', p: period })).followUpCompliance;
    // 2026-Q1: X, Y, Z active (Z closed in it); X and Z visited → 2 ÷ 3.
    const q1 = await coverage('2026-Q1');
    expect(q1).toMatchObject({
      branch: { code: 'BC' },
      period: '2026-Q1',
      periodStart: '2025-12-31T16:00:00.000Z',
      periodEnd: '2026-03-31T16:00:00.000Z',
    });
    expect(q1.quarterlyCoverage).toMatchObject({ numerator: 2, denominator: 3, sampleSize: 3 });
    expect(q1.quarterlyCoverage.value).toBeCloseTo(2 / 3, 10);
    expect(q1.quarterlyCoverage.low).toBeLessThan(2 / 3);
    expect(q1.quarterlyCoverage.high).toBeGreaterThan(2 / 3);
    // 2026-01: Q1 from its start to the end of January; only Z was visited by then → 1 ÷ 3.
    const january = (await coverage('2026-01')).quarterlyCoverage;
    expect(january).toMatchObject({ numerator: 1, denominator: 3 });
    // 2026-Q2: X and Y active, nobody visited → 0 ÷ 2.
    expect((await coverage('2026-Q2')).quarterlyCoverage).toMatchObject({
      value: 0,
      numerator: 0,
      denominator: 2,
    });
    // 2026: mean of Q1 2/3, Q2 0, Q3 0, Q4 0 = 1/6; four quarters, no ratio parts.
    const year = (await coverage('2026')).quarterlyCoverage;
    expect(year).toMatchObject({ numerator: null, denominator: null, sampleSize: 4, low: null });
    expect(year.value).toBeCloseTo(1 / 6, 10);
    const bad = await attempt('hq', COMPLIANCE, { b: 'BC', p: '2026-Q5' });
    expect(bad.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'period' });
    const forbidden = await attempt('headA', COMPLIANCE, { b: 'BC', p: '2026-Q1' });
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('batches KeyAccount.followUps: the same number of commands for 1 and for 3 accounts', async () => {
    const query = `query($n: Int!) { keyAccounts(first: $n) {
      edges { node { id followUps(first: 3) { edges { node { id account { id } } } }
        scheduled: followUps(first: 3, status: SCHEDULED) { edges { node { id } } } } } } }`;
    const one = await countCommands(() => as('admin', query, { n: 1 }));
    const three = await countCommands(() => as('admin', query, { n: 3 }));
    expect(three.total).toBe(one.total);
    expect(three.byName.aggregate).toBe(2); // one per distinct argument set
  });
});
