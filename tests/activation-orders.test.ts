import { onLifecycle, type LifecycleEvents } from '../src/modules/journey/lifecycle-hooks';
import { startTestService, stopTestService, type TestService } from './support/test-service';
import {
  buildWorld,
  createAccount,
  createBranch,
  createUser,
  ok,
  type World,
} from './support/world';

// Local wall time in Asia/Shanghai (UTC+8, no DST).
const at = (local: string) => new Date(`${local}:00+08:00`).toISOString();
const daysFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

const ORDER = `id status product stage occurredAt orderedAt requestedAt
  promisedAt originalPromisedAt promiseDerived leadTimeMinutes promiseGapMinutes
  promises { madeAt promisedAt actorLogin }
  statusHistory { status at actorLogin delayReason }
  activatedAt cancelledAt onTime latenessMinutes overdue
  delays { reason at notifiedAt actorLogin } delayReason delayNotifiedAt delayNotified
  dispatchConfirmedAt acceptanceReportedAt acceptanceReportRef
  sourceSystem externalId policyReason policyVersions { label }`;

const ARG_TYPES: Record<string, string> = {
  id: 'ID!',
  at: 'DateTime!',
  promisedAt: 'DateTime!',
  reason: 'DelayReason!',
  notifiedAt: 'DateTime',
  reference: 'String',
};

type Order = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const completed: LifecycleEvents['activationCompleted'][] = [];
const measured: LifecycleEvents['measuredRecordWritten'][] = [];
onLifecycle('activationCompleted', async (event) => {
  completed.push(event);
});
onLifecycle('measuredRecordWritten', async (event) => {
  measured.push(event);
});

describe('activation orders', () => {
  let service: TestService;
  let world: World;
  beforeAll(async () => {
    service = await startTestService();
    world = await buildWorld(service);
  });
  afterAll(() => stopTestService(service));

  const admin = () => world.tokens.admin;
  const mutationText = (name: string, args: Record<string, unknown>) => {
    const names = Object.keys(args);
    const declared = names.map((n) => `$${n}: ${ARG_TYPES[n]}`).join(', ');
    const passed = names.map((n) => `${n}: $${n}`).join(', ');
    return `mutation(${declared}) { r: ${name}(${passed}) { ${ORDER} } }`;
  };
  const attempt = (token: string, name: string, args: Record<string, unknown>) =>
    service.graphql<{ r: Order }>(mutationText(name, args), args, token);
  const act = async (name: string, args: Record<string, unknown>, token = admin()) =>
    (await ok<{ r: Order }>(service, token, mutationText(name, args), args)).r;
  const createText = `mutation($i: CreateActivationOrderInput!) { r: createActivationOrder(input: $i) { ${ORDER} } }`;
  const create = async (input: Record<string, unknown>, token = admin()) =>
    (
      await ok<{ r: Order }>(service, token, createText, {
        i: { accountId: world.accounts.own, product: 'BROADBAND', ...input },
      })
    ).r;
  const read = async (id: string, token = admin()) =>
    (
      await ok<{ o: Order | null }>(
        service,
        token,
        `query($id: ID!) { o: activationOrder(id: $id) { ${ORDER} } }`,
        { id },
      )
    ).o;

  describe('promises', () => {
    it('derives the promise from the policy lead time per product when none is given', async () => {
      const broadband = await create({ orderedAt: at('2025-03-03T09:00') });
      // 72 h after Mon 09:00 = Thu 09:00.
      expect(broadband).toMatchObject({
        status: 'RECEIVED',
        stage: 'ACTIVATION',
        occurredAt: at('2025-03-03T09:00'),
        promiseDerived: true,
        leadTimeMinutes: 4320,
        promisedAt: at('2025-03-06T09:00'),
        originalPromisedAt: at('2025-03-06T09:00'),
        policyReason: 'default v1',
        policyVersions: [{ label: 'default v1' }],
        sourceSystem: 'JOURNEY',
      });
      expect(broadband.externalId).toBe(broadband.id);
      // Dedicated line: 5 days; an unknown product: the 72 h fallback; case-insensitive codes.
      const line = await create({ product: 'dedicated_line', orderedAt: at('2025-03-03T09:00') });
      expect(line).toMatchObject({
        product: 'DEDICATED_LINE',
        leadTimeMinutes: 7200,
        promisedAt: at('2025-03-08T09:00'),
      });
      const idc = await create({ product: 'IDC', orderedAt: at('2025-03-03T09:00') });
      expect(idc).toMatchObject({ leadTimeMinutes: 4320, promisedAt: at('2025-03-06T09:00') });
    });

    it('keeps an explicit promise and reports the gap to what the customer asked for', async () => {
      const order = await create({
        orderedAt: at('2025-03-03T09:00'),
        requestedAt: at('2025-03-04T18:00'),
        promisedAt: at('2025-03-05T18:00'),
      });
      // Promised 03-05 18:00 − requested 03-04 18:00 = 24 h = 1440 min later than asked.
      expect(order).toMatchObject({
        promiseDerived: false,
        promisedAt: at('2025-03-05T18:00'),
        promiseGapMinutes: 1440,
      });
      expect(order.promises).toEqual([
        { madeAt: at('2025-03-03T09:00'), promisedAt: at('2025-03-05T18:00'), actorLogin: 'admin' },
      ]);
    });

    it('measures a re-promised order that met only its new date as late against the original', async () => {
      const { id } = await create({
        orderedAt: at('2025-03-03T09:00'),
        promisedAt: at('2025-03-06T18:00'),
      });
      const repromised = await act('repromiseActivationOrder', {
        id,
        promisedAt: at('2025-03-08T18:00'),
        at: at('2025-03-05T10:00'),
      });
      expect(repromised).toMatchObject({
        promisedAt: at('2025-03-08T18:00'),
        originalPromisedAt: at('2025-03-06T18:00'),
      });
      const activated = await act('activateOrder', { id, at: at('2025-03-08T12:00') });
      // Before the new promise (03-08 18:00) but after the original (03-06 18:00):
      // 03-06 18:00 → 03-08 12:00 = 42 h = 2520 minutes late.
      expect(activated).toMatchObject({
        status: 'ACTIVATED',
        activatedAt: at('2025-03-08T12:00'),
        promisedAt: at('2025-03-08T18:00'),
        originalPromisedAt: at('2025-03-06T18:00'),
        onTime: false,
        latenessMinutes: 2520,
        overdue: false,
      });
      expect(activated.promises).toHaveLength(2);
    });

    it('refuses a re-promise that runs backwards or lies before the moment it is made', async () => {
      const { id } = await create({ orderedAt: at('2025-03-03T09:00') });
      const past = await attempt(admin(), 'repromiseActivationOrder', {
        id,
        promisedAt: at('2025-03-04T09:00'),
        at: at('2025-03-05T09:00'),
      });
      expect(past.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'promisedAt' });
      const early = await attempt(admin(), 'repromiseActivationOrder', {
        id,
        promisedAt: at('2025-03-09T09:00'),
        at: at('2025-03-03T08:00'),
      });
      expect(early.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'at' });
    });
  });

  describe('transitions', () => {
    it('walks RECEIVED → SCHEDULED → IN_PROGRESS → DELAYED → SCHEDULED → IN_PROGRESS → ACTIVATED', async () => {
      const { id } = await create({ orderedAt: at('2025-04-01T09:00') });
      expect(
        await act('scheduleActivationOrder', { id, at: at('2025-04-01T10:00') }),
      ).toMatchObject({
        status: 'SCHEDULED',
        dispatchConfirmedAt: at('2025-04-01T10:00'),
      });
      expect((await act('startActivationWork', { id, at: at('2025-04-02T09:00') })).status).toBe(
        'IN_PROGRESS',
      );
      const delayed = await act('delayActivationOrder', {
        id,
        reason: 'LINE_RESOURCE_SHORTAGE',
        at: at('2025-04-02T15:00'),
        notifiedAt: at('2025-04-02T16:00'),
      });
      expect(delayed).toMatchObject({ status: 'DELAYED', delayReason: 'LINE_RESOURCE_SHORTAGE' });
      expect(
        (await act('scheduleActivationOrder', { id, at: at('2025-04-03T09:00') }))
          .dispatchConfirmedAt,
      ).toBe(at('2025-04-01T10:00'));
      await act('startActivationWork', { id, at: at('2025-04-03T10:00') });
      const done = await act('activateOrder', { id, at: at('2025-04-03T16:00') });
      // Derived promise 04-01 09:00 + 72 h = 04-04 09:00; activated 04-03 16:00: on time.
      expect(done).toMatchObject({
        status: 'ACTIVATED',
        onTime: true,
        latenessMinutes: 0,
        delayNotified: true,
      });
      expect(done.statusHistory.map((e: { status: string }) => e.status)).toEqual([
        'RECEIVED',
        'SCHEDULED',
        'IN_PROGRESS',
        'DELAYED',
        'SCHEDULED',
        'IN_PROGRESS',
        'ACTIVATED',
      ]);
      expect(done.statusHistory[3]).toEqual({
        status: 'DELAYED',
        at: at('2025-04-02T15:00'),
        actorLogin: 'admin',
        delayReason: 'LINE_RESOURCE_SHORTAGE',
      });
      const report = await act('recordAcceptanceReport', {
        id,
        at: at('2025-04-03T17:00'),
        reference: 'ATR-1',
      });
      expect(report).toMatchObject({
        acceptanceReportedAt: at('2025-04-03T17:00'),
        acceptanceReportRef: 'ATR-1',
      });
    });

    it('takes shortcuts: straight into work, delayed twice, activated from RECEIVED, cancelled', async () => {
      const a = await create({ orderedAt: at('2025-04-01T09:00') });
      expect(
        (await act('startActivationWork', { id: a.id, at: at('2025-04-01T10:00') })).status,
      ).toBe('IN_PROGRESS');
      const b = await create({ orderedAt: at('2025-04-01T09:00') });
      await act('delayActivationOrder', {
        id: b.id,
        reason: 'CAPACITY_EXPANSION',
        at: at('2025-04-01T10:00'),
      });
      const twice = await act('delayActivationOrder', {
        id: b.id,
        reason: 'INTER_PROVINCIAL',
        at: at('2025-04-02T10:00'),
      });
      expect(twice.delays.map((d: { reason: string }) => d.reason)).toEqual([
        'CAPACITY_EXPANSION',
        'INTER_PROVINCIAL',
      ]);
      expect(twice.delayReason).toBe('INTER_PROVINCIAL');
      expect(
        (await act('startActivationWork', { id: b.id, at: at('2025-04-02T11:00') })).status,
      ).toBe('IN_PROGRESS');
      const c = await create({ orderedAt: at('2025-04-01T09:00') });
      expect((await act('activateOrder', { id: c.id, at: at('2025-04-01T18:00') })).status).toBe(
        'ACTIVATED',
      );
      const d = await create({ orderedAt: at('2025-04-01T09:00') });
      await act('delayActivationOrder', {
        id: d.id,
        reason: 'CUSTOMER_SIDE',
        at: at('2025-04-01T10:00'),
      });
      const cancelled = await act('cancelActivationOrder', {
        id: d.id,
        at: at('2025-04-02T10:00'),
      });
      expect(cancelled).toMatchObject({
        status: 'CANCELLED',
        cancelledAt: at('2025-04-02T10:00'),
        onTime: null,
        latenessMinutes: null,
        overdue: false,
      });
    });

    it('allows every other legal edge, and a re-promise in every open status', async () => {
      const step = (name: string, hour: number, extra: Record<string, unknown> = {}) => ({
        name,
        args: { at: at(`2025-04-04T${String(hour).padStart(2, '0')}:00`), ...extra },
      });
      const delay = (hour: number) => step('delayActivationOrder', hour, { reason: 'OTHER' });
      const repromise = (hour: number) =>
        step('repromiseActivationOrder', hour, { promisedAt: at('2025-04-20T09:00') });
      const paths: [ReturnType<typeof step>[], string[]][] = [
        [[step('cancelActivationOrder', 10)], ['CANCELLED']],
        [
          [step('scheduleActivationOrder', 10), repromise(11), delay(12)],
          ['SCHEDULED', 'SCHEDULED', 'DELAYED'],
        ],
        [
          [step('scheduleActivationOrder', 10), step('activateOrder', 11)],
          ['SCHEDULED', 'ACTIVATED'],
        ],
        [
          [step('scheduleActivationOrder', 10), step('cancelActivationOrder', 11)],
          ['SCHEDULED', 'CANCELLED'],
        ],
        [
          [step('startActivationWork', 10), repromise(11), step('cancelActivationOrder', 12)],
          ['IN_PROGRESS', 'IN_PROGRESS', 'CANCELLED'],
        ],
        [
          [delay(10), repromise(11), step('activateOrder', 12)],
          ['DELAYED', 'DELAYED', 'ACTIVATED'],
        ],
      ];
      for (const [steps, statuses] of paths) {
        const { id } = await create({ orderedAt: at('2025-04-04T09:00') });
        const seen: string[] = [];
        for (const { name, args } of steps) seen.push((await act(name, { id, ...args })).status);
        expect(seen).toEqual(statuses);
      }
    });

    it('refuses illegal transitions with ILLEGAL_TRANSITION naming the allowed statuses', async () => {
      const { id } = await create({ orderedAt: at('2025-04-05T09:00') });
      const refused = async (name: string, args: Record<string, unknown>, message: string) => {
        const result = await attempt(admin(), name, { id, ...args });
        expect(result.errors?.[0]?.message).toBe(message);
        expect(result.errors?.[0]?.extensions).toEqual({ code: 'ILLEGAL_TRANSITION', field: 'id' });
      };
      await refused(
        'recordAcceptanceReport',
        { at: at('2025-04-05T10:00') },
        'cannot record an acceptance report for an order in status RECEIVED; allowed from ACTIVATED',
      );
      await refused(
        'notifyActivationDelay',
        { at: at('2025-04-05T10:00') },
        'cannot NOTIFY_DELAY an order without a delay; record it with delayActivationOrder first',
      );
      await act('startActivationWork', { id, at: at('2025-04-05T10:00') });
      await refused(
        'scheduleActivationOrder',
        { at: at('2025-04-05T11:00') },
        'cannot SCHEDULE an order in status IN_PROGRESS; allowed from RECEIVED, DELAYED',
      );
      await refused(
        'startActivationWork',
        { at: at('2025-04-05T11:00') },
        'cannot START_WORK an order in status IN_PROGRESS; allowed from RECEIVED, SCHEDULED, DELAYED',
      );
      await act('activateOrder', { id, at: at('2025-04-06T09:00') });
      // The same activation again is a replay; another time is not.
      expect(
        (await act('activateOrder', { id, at: at('2025-04-06T09:00') })).statusHistory,
      ).toHaveLength(3);
      await refused(
        'activateOrder',
        { at: at('2025-04-06T10:00') },
        'cannot ACTIVATE an order in status ACTIVATED; allowed from RECEIVED, SCHEDULED, IN_PROGRESS, DELAYED',
      );
      await refused(
        'repromiseActivationOrder',
        { promisedAt: at('2025-04-09T09:00'), at: at('2025-04-06T10:00') },
        'cannot REPROMISE an order in status ACTIVATED; allowed from RECEIVED, SCHEDULED, IN_PROGRESS, DELAYED',
      );
      await refused(
        'cancelActivationOrder',
        { at: at('2025-04-06T10:00') },
        'cannot CANCEL an order in status ACTIVATED; allowed from RECEIVED, SCHEDULED, IN_PROGRESS, DELAYED',
      );
      await refused(
        'delayActivationOrder',
        { reason: 'OTHER', at: at('2025-04-06T10:00') },
        'cannot DELAY an order in status ACTIVATED; allowed from RECEIVED, SCHEDULED, IN_PROGRESS, DELAYED',
      );
    });

    it('refuses times that run backwards or lie in the future (BAD_USER_INPUT naming the field)', async () => {
      const { id } = await create({ orderedAt: at('2025-04-07T09:00') });
      await act('scheduleActivationOrder', { id, at: at('2025-04-07T12:00') });
      const early = await attempt(admin(), 'activateOrder', { id, at: at('2025-04-07T11:00') });
      expect(early.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'at' });
      expect(early.errors?.[0]?.message).toMatch(/^at: cannot be before the last status change/);
      const future = await attempt(admin(), 'activateOrder', { id, at: daysFromNow(1) });
      expect(future.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'at' });
      const bad = async (input: Record<string, unknown>, field: string) => {
        const result = await service.graphql(
          createText,
          { i: { accountId: world.accounts.own, product: 'BROADBAND', ...input } },
          admin(),
        );
        expect(result.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field });
      };
      await bad({ orderedAt: daysFromNow(1) }, 'input.orderedAt');
      await bad(
        { orderedAt: at('2025-04-07T09:00'), requestedAt: at('2025-04-06T09:00') },
        'input.requestedAt',
      );
      await bad(
        { orderedAt: at('2025-04-07T09:00'), promisedAt: at('2025-04-06T09:00') },
        'input.promisedAt',
      );
      await bad({ orderedAt: at('2025-04-07T09:00'), product: 'broad band' }, 'input.product');
    });
  });

  describe('computed fields', () => {
    it('tells whether a delay was notified before the original promise passed', async () => {
      // Promise: 05-01 09:00 + 72 h = 05-04 09:00.
      const told = await create({ orderedAt: at('2025-05-01T09:00') });
      const notified = await act('delayActivationOrder', {
        id: told.id,
        reason: 'LINE_RESOURCE_SHORTAGE',
        at: at('2025-05-02T09:00'),
        notifiedAt: at('2025-05-02T10:00'),
      });
      expect(notified).toMatchObject({
        delayNotified: true,
        delayNotifiedAt: at('2025-05-02T10:00'),
      });
      const late = await create({ orderedAt: at('2025-05-01T09:00') });
      await act('delayActivationOrder', {
        id: late.id,
        reason: 'CAPACITY_EXPANSION',
        at: at('2025-05-03T09:00'),
      });
      const after = await act('notifyActivationDelay', { id: late.id, at: at('2025-05-04T09:01') });
      // Told one minute after the promise passed: not notified in time.
      expect(after).toMatchObject({
        delayNotified: false,
        delayNotifiedAt: at('2025-05-04T09:01'),
      });
      const again = await attempt(admin(), 'notifyActivationDelay', {
        id: late.id,
        at: at('2025-05-05T09:00'),
      });
      expect(again.errors?.[0]?.extensions?.code).toBe('ILLEGAL_TRANSITION');
      // Late without any delay recorded: the customer was not told.
      const silent = await create({ orderedAt: at('2025-05-01T09:00') });
      expect(
        (await act('activateOrder', { id: silent.id, at: at('2025-05-05T09:00') })).delayNotified,
      ).toBe(false);
      // On time without a delay: nothing to tell.
      const fine = await create({ orderedAt: at('2025-05-01T09:00') });
      expect(
        (await act('activateOrder', { id: fine.id, at: at('2025-05-02T09:00') })).delayNotified,
      ).toBeNull();
    });

    it('marks open orders past their original promise as overdue, as of now', async () => {
      const past = await create({ orderedAt: at('2025-05-10T09:00') });
      expect(past).toMatchObject({ overdue: true, delayNotified: false });
      const future = await create({ orderedAt: daysFromNow(-1), promisedAt: daysFromNow(10) });
      expect(future).toMatchObject({ overdue: false, delayNotified: null });
    });
  });

  describe('lifecycle events and replays', () => {
    it('announces an activation and a measured change once, and replays a creation', async () => {
      const input = { orderedAt: at('2025-06-01T09:00'), sourceSystem: 'BSS', externalId: 'ORD-1' };
      const first = await create(input);
      expect(await create(input)).toMatchObject({
        id: first.id,
        externalId: 'ORD-1',
        sourceSystem: 'BSS',
      });
      const clash = await service.graphql(
        createText,
        { i: { accountId: world.accounts.own, product: 'IDC', ...input } },
        admin(),
      );
      expect(clash.errors?.[0]?.extensions).toEqual({
        code: 'CONFLICT',
        field: 'input.externalId',
      });
      completed.length = 0;
      measured.length = 0;
      await act('startActivationWork', { id: first.id, at: at('2025-06-01T10:00') });
      expect(measured).toEqual([]); // open: in no period yet
      await act('activateOrder', { id: first.id, at: at('2025-06-02T09:00') });
      await act('activateOrder', { id: first.id, at: at('2025-06-02T09:00') });
      expect(completed).toHaveLength(1);
      expect(completed[0]).toMatchObject({
        branchCode: 'BA',
        activatedAt: new Date(at('2025-06-02T09:00')),
      });
      expect(String(completed[0]!.orderId)).toBe(first.id);
      expect(measured).toEqual([
        { branchCode: 'BA', eventTimes: [new Date(at('2025-06-02T09:00'))] },
      ]);
      await act('recordAcceptanceReport', { id: first.id, at: at('2025-06-02T10:00') });
      expect(measured).toHaveLength(1); // not a measured field
    });
  });

  describe('access', () => {
    it('hides other branches (NOT_FOUND) and refuses changes to other managers\u2019 accounts (FORBIDDEN)', async () => {
      const other = await create({
        accountId: world.accounts.otherBranch,
        orderedAt: at('2025-07-01T09:00'),
      });
      const colleague = await create({
        accountId: world.accounts.sameBranch,
        orderedAt: at('2025-07-01T09:00'),
      });
      const { mgrA1, headA, hq } = world.tokens;
      expect(await read(other.id, mgrA1)).toBeNull();
      const hidden = await attempt(mgrA1, 'activateOrder', {
        id: other.id,
        at: at('2025-07-02T09:00'),
      });
      expect(hidden.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect((await read(colleague.id, mgrA1))?.id).toBe(colleague.id);
      const forbidden = await attempt(mgrA1, 'activateOrder', {
        id: colleague.id,
        at: at('2025-07-02T09:00'),
      });
      expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(
        (await attempt(hq, 'activateOrder', { id: colleague.id, at: at('2025-07-02T09:00') }))
          .errors?.[0]?.extensions?.code,
      ).toBe('FORBIDDEN');
      const notVisible = await service.graphql(
        createText,
        {
          i: {
            accountId: world.accounts.otherBranch,
            product: 'IDC',
            orderedAt: at('2025-07-01T09:00'),
          },
        },
        mgrA1,
      );
      expect(notVisible.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect(
        (await act('activateOrder', { id: colleague.id, at: at('2025-07-02T09:00') }, headA))
          .status,
      ).toBe('ACTIVATED');
      const mine = await create({ orderedAt: at('2025-07-01T09:00') }, mgrA1);
      expect(mine.statusHistory[0].actorLogin).toBe('mgrA1');
    });
  });

  describe('lists', () => {
    let tokens: { headC: string; mgrC: string };
    const ids: Record<string, string> = {};
    let accountId = '';
    beforeAll(async () => {
      await createBranch(service, 'BC');
      tokens = {
        headC: await createUser(service, 'headC', { role: 'BRANCH_HEAD', branchCode: 'BC' }),
        mgrC: await createUser(service, 'mgrC', { role: 'ACCOUNT_MANAGER', branchCode: 'BC' }),
      };
      await createUser(service, 'mgrD', { role: 'ACCOUNT_MANAGER', branchCode: 'BC' });
      accountId = await createAccount(service, {
        externalId: 'C1',
        branchCode: 'BC',
        accountManagerLogin: 'mgrC',
      });
      const other = await createAccount(service, {
        externalId: 'D1',
        branchCode: 'BC',
        accountManagerLogin: 'mgrD',
      });
      const plan: [string, string, string, string | null][] = [
        // key, account, orderedAt, explicit promise
        ['overdue-10d', accountId, daysFromNow(-20), daysFromNow(-10)],
        ['overdue-2d', accountId, daysFromNow(-5), daysFromNow(-2)],
        ['future', accountId, daysFromNow(-1), daysFromNow(5)],
        ['other-overdue-5d', other, daysFromNow(-9), daysFromNow(-5)],
      ];
      for (const [key, account, orderedAt, promisedAt] of plan) {
        ids[key] = (await create({ accountId: account, orderedAt, promisedAt })).id;
      }
      const activated = await create({
        accountId,
        orderedAt: daysFromNow(-20),
        promisedAt: daysFromNow(-18),
      });
      await act('activateOrder', { id: activated.id, at: daysFromNow(-17) });
    });
    const idsOf = (connection: { edges: { node: { id: string } }[] }) =>
      connection.edges.map(
        (edge) => Object.entries(ids).find(([, id]) => id === edge.node.id)?.[0],
      );

    it('lists a manager\u2019s open orders by original promise, filtered by overdue', async () => {
      const list = async (filter: Record<string, unknown>) =>
        (
          await ok(
            service,
            tokens.mgrC,
            `query($f: OpenActivationOrderFilter) { openActivationOrders(filter: $f) { totalCount edges { node { id overdue } } } }`,
            { f: filter },
          )
        ).openActivationOrders;
      const mine = await list({ accountManagerLogin: 'mgrC' });
      expect(idsOf(mine)).toEqual(['overdue-10d', 'overdue-2d', 'future']);
      expect(mine.totalCount).toBe(3);
      expect(idsOf(await list({ accountManagerLogin: 'mgrC', overdue: false }))).toEqual([
        'future',
      ]);
      expect(idsOf(await list({ branchCode: 'BC', overdue: true }))).toEqual([
        'overdue-10d',
        'other-overdue-5d',
        'overdue-2d',
      ]);
    });

    it('gives branch heads overdueActivationOrders, most overdue first, paged', async () => {
      const page = async (after: string | null) =>
        (
          await ok(
            service,
            tokens.headC,
            `query($after: String) { overdueActivationOrders(branchCode: "BC", first: 2, after: $after) { totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } }`,
            { after },
          )
        ).overdueActivationOrders;
      const first = await page(null);
      expect(idsOf(first)).toEqual(['overdue-10d', 'other-overdue-5d']);
      expect(first).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });
      const second = await page(first.pageInfo.endCursor);
      expect(idsOf(second)).toEqual(['overdue-2d']);
      const outsider = await ok(
        service,
        world.tokens.mgrA1,
        `{ overdueActivationOrders(branchCode: "BC") { edges { node { id } } } }`,
      );
      expect(outsider.overdueActivationOrders.edges).toEqual([]);
    });

    it('shows orders on the account, its timeline, and ACTIVATION as its stage while one is open', async () => {
      const data = await ok(
        service,
        tokens.mgrC,
        `query($id: ID!) { keyAccount(id: $id) {
          currentStage
          activationOrders(first: 2) { edges { node { id orderedAt } } pageInfo { hasNextPage } }
          timeline(stages: [ACTIVATION], first: 10) { edges { node { __typename id } } }
        } }`,
        { id: accountId },
      );
      expect(data.keyAccount.currentStage).toBe('ACTIVATION');
      expect(idsOf(data.keyAccount.activationOrders)).toEqual(['future', 'overdue-2d']);
      expect(data.keyAccount.activationOrders.pageInfo.hasNextPage).toBe(true);
      expect(data.keyAccount.timeline.edges).toHaveLength(4);
      expect(data.keyAccount.timeline.edges[0].node).toEqual({
        __typename: 'ActivationOrder',
        id: ids.future,
      });
    });
  });
});
