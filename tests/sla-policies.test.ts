import { startTestService, stopTestService, type TestService } from './support/test-service';
import { buildWorld, createAccount, ok, type World } from './support/world';

const at = (local: string) => new Date(`${local}:00+08:00`).toISOString();

const POLICY = `id scope scopeKey version label effectiveFrom name createdBy
  productLeadTimes { product minutes } otherProductsLeadMinutes
  restorationTargets { severity minutes } acknowledgementTargetMinutes
  clock { kind timeZone weekdays open close breaks { start end } holidays }`;
const EFFECTIVE = `reason at account { id }
  versions { label } sources { field policy { label } }
  productLeadTimes { product minutes } otherProductsLeadMinutes
  restorationTargets { severity minutes } acknowledgementTargetMinutes
  clock { kind timeZone weekdays open close breaks { start end } holidays }`;
const SET = `mutation($i: SetSlaPolicyInput!) { setSlaPolicy(input: $i) { ${POLICY} } }`;

const BUSINESS_HOURS = {
  kind: 'BUSINESS_HOURS',
  weekdays: [5, 1, 2, 3, 4],
  open: '09:00',
  close: '18:00',
  breaks: [{ start: '12:00', end: '13:00' }],
  holidays: ['2025-05-01'],
};

describe('SLA policies', () => {
  let service: TestService;
  let world: World;
  beforeAll(async () => {
    service = await startTestService();
    world = await buildWorld(service);
  });
  afterAll(() => stopTestService(service));

  const setPolicy = (token: string, input: Record<string, unknown>) =>
    service.graphql<{ setSlaPolicy: Record<string, unknown> }>(SET, { i: input }, token);
  const policyFor = async (accountId: string, when: string, token = world.tokens.admin) =>
    (
      await ok(
        service,
        token,
        `query($id: ID!, $at: DateTime) { slaPolicyFor(accountId: $id, at: $at) { ${EFFECTIVE} } }`,
        { id: accountId, at: when },
      )
    ).slaPolicyFor;
  const newAccount = (externalId: string, branchCode = 'BA', manager = 'mgrA1') =>
    createAccount(service, { externalId, branchCode, accountManagerLogin: manager });

  it('starts with default policy v1 (72 h broadband, 5 days dedicated line, 4/8/24 h, 30 min, 24 × 7)', async () => {
    const { slaPolicyVersions } = await ok(
      service,
      world.tokens.mgrB1,
      `{ slaPolicyVersions(scope: DEFAULT) { ${POLICY} } }`,
    );
    expect(slaPolicyVersions).toEqual([
      {
        id: expect.any(String),
        scope: 'DEFAULT',
        scopeKey: 'default',
        version: 1,
        label: 'default v1',
        effectiveFrom: '1970-01-01T00:00:00.000Z',
        name: 'Standard service commitments',
        createdBy: 'system:bootstrap',
        productLeadTimes: [
          { product: 'BROADBAND', minutes: 4320 },
          { product: 'DEDICATED_LINE', minutes: 7200 },
        ],
        otherProductsLeadMinutes: 4320,
        restorationTargets: [
          { severity: 'CRITICAL', minutes: 240 },
          { severity: 'MAJOR', minutes: 480 },
          { severity: 'MINOR', minutes: 1440 },
        ],
        acknowledgementTargetMinutes: 30,
        clock: {
          kind: 'TWENTY_FOUR_SEVEN',
          timeZone: null,
          weekdays: null,
          open: null,
          close: null,
          breaks: null,
          holidays: null,
        },
      },
    ]);
    const effective = await policyFor(
      world.accounts.own,
      at('2025-01-01T00:00'),
      world.tokens.mgrA1,
    );
    expect(effective).toMatchObject({
      reason: 'default v1',
      account: { id: world.accounts.own },
      clock: { kind: 'TWENTY_FOUR_SEVEN', timeZone: 'Asia/Shanghai' },
    });
  });

  it('resolves account agreement over branch over default, value by value, and says why', async () => {
    const accountId = await newAccount('RES-1');
    const branch = await setPolicy(world.tokens.admin, {
      scope: 'BRANCH',
      scopeKey: 'BA',
      effectiveFrom: at('2025-01-01T00:00'),
      restorationTargets: [{ severity: 'MINOR', minutes: 720 }],
      clock: BUSINESS_HOURS,
    });
    expect(branch.errors).toBeUndefined();
    expect(branch.data?.setSlaPolicy).toMatchObject({
      version: 1,
      label: 'branch BA v1',
      clock: { kind: 'BUSINESS_HOURS', timeZone: null, weekdays: [1, 2, 3, 4, 5] },
    });
    const agreement = await setPolicy(world.tokens.headA, {
      scope: 'ACCOUNT',
      scopeKey: accountId,
      effectiveFrom: at('2025-02-01T00:00'),
      name: 'Agreement 2025-017',
      productLeadTimes: [{ product: 'dedicated_line', minutes: 2880 }],
      restorationTargets: [{ severity: 'CRITICAL', minutes: 180 }],
    });
    expect(agreement.data?.setSlaPolicy).toMatchObject({
      label: 'account agreement v1',
      createdBy: 'headA',
      productLeadTimes: [{ product: 'DEDICATED_LINE', minutes: 2880 }],
    });

    const effective = await policyFor(accountId, at('2025-03-01T00:00'));
    expect(effective.reason).toBe(
      'account agreement v1 overrides branch BA v1 overrides default v1',
    );
    expect(effective.versions.map((v: { label: string }) => v.label)).toEqual([
      'account agreement v1',
      'branch BA v1',
      'default v1',
    ]);
    expect(effective.restorationTargets).toEqual([
      { severity: 'CRITICAL', minutes: 180 },
      { severity: 'MAJOR', minutes: 480 },
      { severity: 'MINOR', minutes: 720 },
    ]);
    expect(effective.productLeadTimes).toEqual([
      { product: 'BROADBAND', minutes: 4320 },
      { product: 'DEDICATED_LINE', minutes: 2880 },
    ]);
    expect(effective.clock).toEqual({
      ...BUSINESS_HOURS,
      weekdays: [1, 2, 3, 4, 5],
      timeZone: 'Asia/Shanghai',
    });
    const source = (field: string) =>
      effective.sources.find((s: { field: string }) => s.field === field)?.policy.label;
    expect(source('restorationTargets.CRITICAL')).toBe('account agreement v1');
    expect(source('restorationTargets.MAJOR')).toBe('default v1');
    expect(source('restorationTargets.MINOR')).toBe('branch BA v1');
    expect(source('clock')).toBe('branch BA v1');
    expect(source('productLeadTimes.BROADBAND')).toBe('default v1');

    // Before the agreement took effect only the branch override applies; before that, the default.
    expect((await policyFor(accountId, at('2025-01-15T00:00'))).reason).toBe(
      'branch BA v1 overrides default v1',
    );
    expect((await policyFor(accountId, at('2024-12-31T00:00'))).reason).toBe('default v1');
    // Other accounts of the branch get the branch override; other branches the default.
    expect((await policyFor(world.accounts.sameBranch, at('2025-03-01T00:00'))).reason).toBe(
      'branch BA v1 overrides default v1',
    );
    expect((await policyFor(world.accounts.otherBranch, at('2025-03-01T00:00'))).reason).toBe(
      'default v1',
    );
  });

  it('measures a ticket and an order against the version in force when they were opened', async () => {
    // Branch BB has no override, so this test does not depend on the one above.
    const accountId = await newAccount('VER-1', 'BB', 'mgrB1');
    await setPolicy(world.tokens.admin, {
      scope: 'ACCOUNT',
      scopeKey: accountId,
      effectiveFrom: at('2025-01-01T00:00'),
      restorationTargets: [{ severity: 'CRITICAL', minutes: 300 }],
      productLeadTimes: [{ product: 'BROADBAND', minutes: 2880 }],
    });
    const ticket = await ok(
      service,
      world.tokens.admin,
      `mutation($i: OpenFaultTicketInput!) { openFaultTicket(input: $i) { id targetMinutes policyReason } }`,
      {
        i: {
          accountId,
          serviceRef: 'V-1',
          severity: 'CRITICAL',
          channel: 'HOTLINE',
          reportedAt: at('2025-06-01T10:00'),
        },
      },
    );
    const order = await ok(
      service,
      world.tokens.admin,
      `mutation($i: CreateActivationOrderInput!) { createActivationOrder(input: $i) { id promisedAt leadTimeMinutes } }`,
      { i: { accountId, product: 'BROADBAND', orderedAt: at('2025-06-01T10:00') } },
    );
    expect(ticket.openFaultTicket).toMatchObject({
      targetMinutes: 300,
      policyReason: 'account agreement v1 overrides default v1',
    });
    // 48 h after 06-01 10:00.
    expect(order.createActivationOrder).toMatchObject({
      leadTimeMinutes: 2880,
      promisedAt: at('2025-06-03T10:00'),
    });

    // v2, even back-dated before both records, changes nothing already stored.
    const v2 = await setPolicy(world.tokens.admin, {
      scope: 'ACCOUNT',
      scopeKey: accountId,
      effectiveFrom: at('2025-01-01T00:00'),
      restorationTargets: [{ severity: 'CRITICAL', minutes: 120 }],
    });
    expect(v2.data?.setSlaPolicy).toMatchObject({ version: 2 });
    const stored = await ok(
      service,
      world.tokens.admin,
      `query($t: ID!, $o: ID!) {
        faultTicket(id: $t) { targetMinutes policyVersions { label } }
        activationOrder(id: $o) { promisedAt leadTimeMinutes }
      }`,
      { t: ticket.openFaultTicket.id, o: order.createActivationOrder.id },
    );
    expect(stored.faultTicket).toEqual({
      targetMinutes: 300,
      policyVersions: [{ label: 'account agreement v1' }, { label: 'default v1' }],
    });
    expect(stored.activationOrder).toEqual({
      promisedAt: at('2025-06-03T10:00'),
      leadTimeMinutes: 2880,
    });
    // A ticket opened now at the same instant gets v2's target; v2 sets no lead time, so the
    // broadband lead time falls through to the default (72 h).
    const later = await ok(
      service,
      world.tokens.admin,
      `mutation($i: OpenFaultTicketInput!) { openFaultTicket(input: $i) { targetMinutes policyReason } }`,
      {
        i: {
          accountId,
          serviceRef: 'V-2',
          severity: 'CRITICAL',
          channel: 'HOTLINE',
          reportedAt: at('2025-06-01T10:00'),
        },
      },
    );
    expect(later.openFaultTicket).toEqual({
      targetMinutes: 120,
      policyReason: 'account agreement v2 overrides default v1',
    });
    const versions = await ok(
      service,
      world.tokens.mgrB1,
      `query($key: String) { slaPolicyVersions(scope: ACCOUNT, scopeKey: $key) { version restorationTargets { minutes } } }`,
      { key: accountId },
    );
    expect(versions.slaPolicyVersions).toEqual([
      { version: 2, restorationTargets: [{ minutes: 120 }] },
      { version: 1, restorationTargets: [{ minutes: 300 }] },
    ]);
  });

  it('lets only ADMIN set default and branch policies, and ADMIN or the branch head account agreements', async () => {
    const accountId = await newAccount('PERM-1');
    const code = async (token: string, input: Record<string, unknown>) =>
      (await setPolicy(token, { effectiveFrom: at('2025-01-01T00:00'), ...input })).errors?.[0]
        ?.extensions?.code;
    const agreement = { scope: 'ACCOUNT', scopeKey: accountId, acknowledgementTargetMinutes: 15 };
    expect(await code(world.tokens.mgrA1, agreement)).toBe('FORBIDDEN');
    expect(await code(world.tokens.hq, agreement)).toBe('FORBIDDEN');
    expect(await code(world.tokens.headB, agreement)).toBe('NOT_FOUND');
    expect(
      await code(world.tokens.headA, {
        scope: 'BRANCH',
        scopeKey: 'BA',
        acknowledgementTargetMinutes: 15,
      }),
    ).toBe('FORBIDDEN');
    expect(
      await code(world.tokens.headA, { scope: 'DEFAULT', acknowledgementTargetMinutes: 15 }),
    ).toBe('FORBIDDEN');
    expect(await code(world.tokens.headA, agreement)).toBeUndefined();
    expect(await code(world.tokens.admin, { scope: 'BRANCH', scopeKey: 'NOPE' })).toBe('NOT_FOUND');
    // Reading follows the same scope.
    const hidden = await service.graphql(
      `query($id: ID!) { slaPolicyFor(accountId: $id) { reason } }`,
      { id: world.accounts.otherBranch },
      world.tokens.mgrA1,
    );
    expect(hidden.data?.slaPolicyFor).toBeNull();
    const branchB = await service.graphql(
      `{ slaPolicyVersions(scope: BRANCH, scopeKey: "BB") { version } }`,
      {},
      world.tokens.mgrA1,
    );
    expect(branchB.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('validates policies: a complete default, sane business hours, unique tiers', async () => {
    const field = async (input: Record<string, unknown>) =>
      (await setPolicy(world.tokens.admin, { effectiveFrom: at('2025-01-01T00:00'), ...input }))
        .errors?.[0]?.extensions;
    expect(await field({ scope: 'DEFAULT', acknowledgementTargetMinutes: 20 })).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.otherProductsLeadMinutes',
    });
    expect(
      await field({
        scope: 'BRANCH',
        scopeKey: 'BA',
        clock: { kind: 'BUSINESS_HOURS', weekdays: [1] },
      }),
    ).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.clock.open',
    });
    expect(
      await field({
        scope: 'BRANCH',
        scopeKey: 'BA',
        clock: { kind: 'BUSINESS_HOURS', weekdays: [1], open: '18:00', close: '09:00' },
      }),
    ).toEqual({ code: 'BAD_USER_INPUT', field: 'input.clock' });
    expect(
      await field({
        scope: 'BRANCH',
        scopeKey: 'BA',
        restorationTargets: [
          { severity: 'MAJOR', minutes: 60 },
          { severity: 'MAJOR', minutes: 90 },
        ],
      }),
    ).toEqual({ code: 'BAD_USER_INPUT', field: 'input.restorationTargets' });
    expect(
      await field({ scope: 'BRANCH', scopeKey: 'BA', acknowledgementTargetMinutes: 0 }),
    ).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.acknowledgementTargetMinutes',
    });
    expect(await field({ scope: 'ACCOUNT' })).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.scopeKey',
    });
    // A complete default v2 is accepted and applies from its effective date.
    const v2 = await setPolicy(world.tokens.admin, {
      scope: 'DEFAULT',
      effectiveFrom: at('2030-01-01T00:00'),
      productLeadTimes: [{ product: 'BROADBAND', minutes: 2880 }],
      otherProductsLeadMinutes: 2880,
      restorationTargets: [
        { severity: 'CRITICAL', minutes: 180 },
        { severity: 'MAJOR', minutes: 360 },
        { severity: 'MINOR', minutes: 1440 },
      ],
      acknowledgementTargetMinutes: 20,
      clock: { kind: 'TWENTY_FOUR_SEVEN' },
    });
    expect(v2.data?.setSlaPolicy).toMatchObject({ version: 2, label: 'default v2' });
    expect((await policyFor(world.accounts.otherBranch, at('2030-02-01T00:00'))).reason).toBe(
      'default v2',
    );
    const audit = await ok(
      service,
      world.tokens.admin,
      `query($id: ID!) { auditTrail(entityId: $id) { edges { node { action actorLogin } } } }`,
      { id: v2.data?.setSlaPolicy.id },
    );
    expect(audit.auditTrail.edges).toEqual([
      { node: { action: 'setSlaPolicy', actorLogin: 'admin' } },
    ]);
  });
});
