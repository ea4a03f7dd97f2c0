import { startTestService, stopTestService, type TestService } from './support/test-service';
import { buildWorld, createAccount, ok, type World } from './support/world';

describe('key accounts, journey records and the timeline', () => {
  let service: TestService;
  let world: World;
  beforeAll(async () => {
    service = await startTestService();
    world = await buildWorld(service);
  });
  afterAll(() => stopTestService(service));

  const asAdmin = (query: string, variables?: Record<string, unknown>) =>
    ok(service, service.adminToken, query, variables);

  it('pages keyAccounts forwards and backwards over a stable name order', async () => {
    for (const name of ['Delta', 'alpha', 'Charlie', 'Bravo', 'Echo']) {
      await createAccount(service, {
        externalId: `P-${name}`,
        branchCode: 'BB',
        accountManagerLogin: 'mgrB1',
        name: `Page ${name}`,
      });
    }
    const page = (args: string) =>
      asAdmin(
        `{ keyAccounts(filter: { nameContains: "page " } ${args}) { totalCount edges { cursor node { name } } pageInfo { hasNextPage hasPreviousPage endCursor startCursor } } }`,
      );
    const first = (await page(', first: 2')).keyAccounts;
    // Byte order of names: "Page Bravo" < "Page Charlie" < "Page Delta" < "Page Echo" < "Page alpha".
    expect(first.totalCount).toBe(5);
    expect(first.edges.map((e: { node: { name: string } }) => e.node.name)).toEqual([
      'Page Bravo',
      'Page Charlie',
    ]);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const second = (await page(`, first: 3, after: "${first.pageInfo.endCursor}"`)).keyAccounts;
    expect(second.edges.map((e: { node: { name: string } }) => e.node.name)).toEqual([
      'Page Delta',
      'Page Echo',
      'Page alpha',
    ]);
    expect(second.pageInfo.hasNextPage).toBe(false);
    const back = (await page(`, last: 2, before: "${second.pageInfo.endCursor}"`)).keyAccounts;
    expect(back.edges.map((e: { node: { name: string } }) => e.node.name)).toEqual([
      'Page Delta',
      'Page Echo',
    ]);
    expect(back.pageInfo.hasPreviousPage).toBe(true);
    const bad = await service.graphql(
      '{ keyAccounts(first: 101) { totalCount } }',
      {},
      service.adminToken,
    );
    expect(bad.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'first' });
    const badCursor = await service.graphql(
      '{ keyAccounts(after: "nonsense") { totalCount } }',
      {},
      service.adminToken,
    );
    expect(badCursor.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('filters by manager, tier, industry, status and stage', async () => {
    const id = await createAccount(service, {
      externalId: 'F1',
      branchCode: 'BA',
      accountManagerLogin: 'mgrA2',
    });
    await asAdmin(
      'mutation($id: ID!) { updateKeyAccount(id: $id, input: { tier: "S", industry: "Energy" }) { id } }',
      { id },
    );
    const found = await asAdmin(
      '{ keyAccounts(filter: { accountManagerLogin: "mgrA2", tier: "S", industry: "Energy", status: ACTIVE }) { edges { node { id } } } }',
    );
    expect(found.keyAccounts.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([id]);
    await asAdmin(
      'mutation($id: ID!, $at: DateTime!) { closeKeyAccount(id: $id, at: $at) { status closedAt } }',
      { id, at: new Date().toISOString() },
    );
    const closed = await asAdmin('{ keyAccounts(filter: { status: CLOSED }) { totalCount } }');
    expect(closed.keyAccounts.totalCount).toBe(1);
    const inMaintenance = await asAdmin(
      '{ keyAccounts(filter: { stage: MAINTENANCE }) { totalCount } }',
    );
    expect(inMaintenance.keyAccounts.totalCount).toBe(0);
  });

  it('rejects a duplicate integration key and an unknown manager with the field named', async () => {
    const duplicate = await service.graphql(
      'mutation { createKeyAccount(input: { externalId: "A1", sourceSystem: "CRM", name: "x", branchCode: "BA", accountManagerLogin: "mgrA1" }) { id } }',
      {},
      service.adminToken,
    );
    expect(duplicate.errors?.[0]?.extensions).toEqual({
      code: 'CONFLICT',
      field: 'input.externalId',
    });
    const wrongBranch = await service.graphql(
      'mutation { createKeyAccount(input: { externalId: "X9", sourceSystem: "CRM", name: "x", branchCode: "BA", accountManagerLogin: "mgrB1" }) { id } }',
      {},
      service.adminToken,
    );
    expect(wrongBranch.errors?.[0]?.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.accountManagerLogin',
    });
  });

  it('lets only the branch head or an admin reassign the manager, and audits it', async () => {
    const id = await createAccount(service, {
      externalId: 'R1',
      branchCode: 'BA',
      accountManagerLogin: 'mgrA1',
    });
    const reassign = `mutation($id: ID!) { reassignAccountManager(id: $id, accountManagerLogin: "mgrA2") { accountManager { login } } }`;
    const byManager = await service.graphql(reassign, { id }, world.tokens.mgrA1);
    expect(byManager.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const byHead = await ok(service, world.tokens.headA, reassign, { id });
    expect(byHead.reassignAccountManager.accountManager.login).toBe('mgrA2');
    const trail = await ok(
      service,
      world.tokens.headA,
      `query($id: ID!) { auditTrail(entityId: $id) { edges { node { action actorLogin changes { field before after } } } } }`,
      { id },
    );
    const latest = trail.auditTrail.edges[0].node;
    expect(latest.action).toBe('reassignAccountManager');
    expect(latest.actorLogin).toBe('headA');
    expect(latest.changes).toHaveLength(1);
    expect(latest.changes[0].field).toBe('accountManagerId');
    expect(latest.changes[0].before).not.toBe(latest.changes[0].after);
  });

  it('rejects times that run backwards and stores nothing', async () => {
    const id = await createAccount(service, {
      externalId: 'T0',
      branchCode: 'BA',
      accountManagerLogin: 'mgrA1',
    });
    const result = await service.graphql(
      'mutation($i: ConsultationInput!) { createConsultation(input: $i) { id } }',
      {
        i: {
          accountId: id,
          channel: 'HOTLINE',
          topic: 'x',
          askedAt: '2026-03-01T10:00:00+08:00',
          answeredAt: '2026-03-01T09:59:00+08:00',
        },
      },
      world.tokens.mgrA1,
    );
    expect(result.errors?.[0]?.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.answeredAt',
    });
    const missing = await service.graphql(
      'mutation($i: MaintenanceRecordInput!) { createMaintenanceRecord(input: $i) { id } }',
      { i: { accountId: id, planned: true, performedBy: 'OWN_STAFF' } },
      world.tokens.mgrA1,
    );
    expect(missing.errors?.[0]?.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.startAt',
    });
    const timeline = await asAdmin(
      'query($id: ID!) { keyAccount(id: $id) { timeline { edges { cursor } } } }',
      { id },
    );
    expect(timeline.keyAccount.timeline.edges).toHaveLength(0);
  });

  it('merges every record newest first, pages it and filters by stage; the current stage follows', async () => {
    const id = await createAccount(service, {
      externalId: 'T1',
      branchCode: 'BA',
      accountManagerLogin: 'mgrA1',
    });
    const stageOf = async () =>
      (await asAdmin('query($id: ID!) { keyAccount(id: $id) { currentStage } }', { id })).keyAccount
        .currentStage;
    expect(await stageOf()).toBe('CONSULTING'); // no records yet
    const record = (mutation: string, type: string, input: Record<string, unknown>) =>
      ok(service, world.tokens.mgrA1, `mutation($i: ${type}!) { ${mutation}(input: $i) { id } }`, {
        i: { accountId: id, ...input },
      });
    await record('createBusinessHandling', 'BusinessHandlingInput', {
      kind: 'NEW_CONTRACT',
      channel: 'ONLINE',
      submittedAt: '2026-02-01T10:00:00+08:00',
    });
    await record('createConsultation', 'ConsultationInput', {
      channel: 'EMAIL',
      askedAt: '2026-01-15T10:00:00+08:00',
      topic: 'first contact',
    });
    expect(await stageOf()).toBe('CONTRACT'); // the most recent record is the contract
    await record('createMaintenanceRecord', 'MaintenanceRecordInput', {
      planned: false,
      performedBy: 'CONTRACTOR',
      startAt: '2026-04-01T10:00:00+08:00',
      notifiedAt: '2026-03-30T10:00:00+08:00',
    });
    await record('createBillingInteraction', 'BillingInteractionInput', {
      kind: 'INQUIRY',
      channel: 'HOTLINE',
      openedAt: '2026-03-01T10:00:00+08:00',
    });
    expect(await stageOf()).toBe('MAINTENANCE');

    const timeline = (args: string) =>
      asAdmin(
        `query($id: ID!) { keyAccount(id: $id) { timeline(${args}) { edges { cursor node { __typename stage occurredAt ... on MaintenanceRecord { notifiedInAdvance } } } pageInfo { hasNextPage endCursor } } } }`,
        { id },
      );
    const page1 = (await timeline('first: 3')).keyAccount.timeline;
    expect(page1.edges.map((e: { node: { __typename: string } }) => e.node.__typename)).toEqual([
      'MaintenanceRecord',
      'BillingInteraction',
      'BusinessHandling',
    ]);
    expect(page1.edges[0].node.notifiedInAdvance).toBe(true);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = (await timeline(`first: 3, after: "${page1.pageInfo.endCursor}"`)).keyAccount
      .timeline;
    expect(page2.edges.map((e: { node: { occurredAt: string } }) => e.node.occurredAt)).toEqual([
      '2026-01-15T02:00:00.000Z',
    ]);
    expect(page2.pageInfo.hasNextPage).toBe(false);
    const billingOnly = (await timeline('stages: [BILLING, CONSULTING]')).keyAccount.timeline;
    expect(billingOnly.edges.map((e: { node: { stage: string } }) => e.node.stage)).toEqual([
      'BILLING',
      'CONSULTING',
    ]);
  });

  it('updates a record, keeps times in order and records before/after in the audit trail', async () => {
    const id = await createAccount(service, {
      externalId: 'U1',
      branchCode: 'BA',
      accountManagerLogin: 'mgrA1',
    });
    const created = await ok(
      service,
      world.tokens.mgrA1,
      'mutation($i: ConsultationInput!) { createConsultation(input: $i) { id } }',
      {
        i: { accountId: id, channel: 'HOTLINE', topic: 'x', askedAt: '2026-03-01T10:00:00+08:00' },
      },
    );
    const recordId = created.createConsultation.id;
    const backwards = await service.graphql(
      'mutation($id: ID!) { updateConsultation(id: $id, input: { answeredAt: "2026-03-01T09:00:00+08:00" }) { id } }',
      { id: recordId },
      world.tokens.mgrA1,
    );
    expect(backwards.errors?.[0]?.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.answeredAt',
    });
    const updated = await ok(
      service,
      world.tokens.mgrA1,
      'mutation($id: ID!) { updateConsultation(id: $id, input: { answeredAt: "2026-03-01T10:45:00+08:00", resolved: true }) { responseMinutes resolved } }',
      { id: recordId },
    );
    expect(updated.updateConsultation).toEqual({ responseMinutes: 45, resolved: true }); // 10:00 → 10:45
    const trail = await asAdmin(
      'query($id: ID!) { auditTrail(entityId: $id) { edges { node { action changes { field before after } } } } }',
      { id: recordId },
    );
    const change = trail.auditTrail.edges[0].node;
    expect(change.action).toBe('updateConsultation');
    expect(change.changes).toEqual([
      { field: 'answeredAt', before: null, after: '"2026-03-01T02:45:00.000Z"' },
      { field: 'resolved', before: 'false', after: 'true' },
    ]);
  });
});
