import { upsertBranch } from '../src/modules/branches/branch.service';
import { seedCommitments } from '../src/modules/demo/demo-commitments';
import { DEMO_BRANCHES } from '../src/modules/demo/demo-data';
import { seedPeopleAndAccounts } from '../src/modules/demo/demo-people';
import { useTestDemoClock } from './support/demo';
import { startTestService, stopTestService, type TestService } from './support/test-service';
import { ok } from './support/world';

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const ACCOUNTS = `query($b: String!) { keyAccounts(first: 20, filter: { branchCode: $b }) {
  edges { node { id } } } }`;
// One query per account keeps each within the cost limit.
const RECORDS = `query($id: ID!) { keyAccount(id: $id) {
  activationOrders(first: 10) { edges { node { status onTime delayReason delayNotified overdue } } }
  faultTickets(first: 20) { edges { node { status withinSla isRepeat severity reopenCount } } }
} }`;

describe('demo commitments', () => {
  let service: TestService;
  const byBranch: Record<string, { orders: Row[]; tickets: Row[] }> = {};
  const records = async () => {
    for (const { code } of DEMO_BRANCHES) {
      const accounts = (await ok<Row>(service, service.adminToken, ACCOUNTS, { b: code }))
        .keyAccounts.edges;
      byBranch[code] = { orders: [], tickets: [] };
      for (const { node } of accounts) {
        const { keyAccount } = await ok<Row>(service, service.adminToken, RECORDS, { id: node.id });
        byBranch[code].orders.push(...keyAccount.activationOrders.edges.map((e: Row) => e.node));
        byBranch[code].tickets.push(...keyAccount.faultTickets.edges.map((e: Row) => e.node));
      }
    }
    return JSON.stringify(byBranch);
  };

  let firstLoad = '';
  beforeAll(async () => {
    service = await startTestService();
    useTestDemoClock();
    for (const branch of DEMO_BRANCHES) await upsertBranch(branch);
    await seedPeopleAndAccounts();
    await seedCommitments();
    firstLoad = await records();
    await seedCommitments(); // idempotent: a second run adds and changes nothing
  }, 300_000);
  afterAll(() => stopTestService(service));

  const share = (rows: Row[], test: (row: Row) => boolean) =>
    rows.filter(test).length / Math.max(1, rows.length);

  it('adds nothing on a second run', async () => {
    expect(await records()).toBe(firstLoad);
  });

  it('looks like a real province: mostly on time and within SLA, WZ worse than HZ', () => {
    const all = Object.values(byBranch);
    const activated = all.flatMap((b) => b.orders).filter((o) => o.status === 'ACTIVATED');
    const restored = all.flatMap((b) => b.tickets).filter((t) => t.withinSla !== null);
    expect(activated.length).toBeGreaterThan(300);
    expect(restored.length).toBeGreaterThan(300);
    const onTime = share(activated, (o) => o.onTime);
    expect(onTime).toBeGreaterThan(0.75);
    expect(onTime).toBeLessThan(0.95);
    expect(share(restored, (t) => t.withinSla)).toBeGreaterThan(0.8);
    const rate = (code: string) =>
      share(
        byBranch[code]!.orders.filter((o) => o.status === 'ACTIVATED'),
        (o) => o.onTime,
      );
    const sla = (code: string) =>
      share(
        byBranch[code]!.tickets.filter((t) => t.withinSla !== null),
        (t) => t.withinSla,
      );
    expect(rate('HZ')).toBeGreaterThan(rate('WZ'));
    expect(sla('HZ')).toBeGreaterThan(sla('WZ'));
  });

  it('has late orders with reasons (mostly notified), overdue open ones, repeats, reopens and every tier', () => {
    const orders = Object.values(byBranch).flatMap((b) => b.orders);
    const tickets = Object.values(byBranch).flatMap((b) => b.tickets);
    const late = orders.filter((o) => o.onTime === false);
    expect(share(late, (o) => o.delayReason !== null)).toBeGreaterThan(0.9);
    expect(share(late, (o) => o.delayNotified === true)).toBeGreaterThan(0.4);
    expect(orders.filter((o) => o.overdue).length).toBeGreaterThan(0);
    expect(orders.some((o) => o.status === 'CANCELLED')).toBe(true);
    expect(tickets.filter((t) => t.isRepeat).length).toBeGreaterThan(5);
    expect(tickets.filter((t) => t.reopenCount > 0).length).toBeGreaterThan(0);
    expect(new Set(tickets.map((t) => t.severity))).toEqual(
      new Set(['CRITICAL', 'MAJOR', 'MINOR']),
    );
  });

  it('explains the demo policy overrides', async () => {
    const data = await ok<Row>(
      service,
      service.adminToken,
      `{ keyAccounts(first: 1, filter: { branchCode: "HZ" }) { edges { node { id } } } }`,
    );
    const id = data.keyAccounts.edges[0].node.id;
    const policy = await ok<Row>(
      service,
      service.adminToken,
      `query($id: ID!) { slaPolicyFor(accountId: $id) { reason } }`,
      {
        id,
      },
    );
    expect(policy.slaPolicyFor.reason).toBe('branch HZ v1 overrides default v1');
  });
});
