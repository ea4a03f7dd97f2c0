import mongoose from 'mongoose';
import { checkKeptLists } from '../src/modules/journey/kept-lists-check';
import { DEMO_TEST_NOW, loadTestDemoData } from './support/demo';
import { captureCommands } from './support/command-counter';
import { scanningFilters } from './support/keyed-filters';
import { startTestService, stopTestService, type TestService } from './support/test-service';
import { issueTokenFor, ok } from './support/world';

// The open-work lists read one kept document per kind and branch, then the records by `_id`
// (src/modules/open-work). They must list exactly the open records, follow every write, and,
// once a branch's document is built, issue no read the stand-in answers by scanning.

type Ids = { edges: { node: { id: string } }[] };

const LISTS = `query Lists($branch: String!, $before: DateTime!, $login: String) {
  openFaultTickets(filter: { accountManagerLogin: $login }, first: 100) { edges { node { id } } }
  atRiskFaultTickets(branchCode: $branch, first: 100) { edges { node { id } } }
  openActivationOrders(filter: { branchCode: $branch }, first: 100) { edges { node { id } } }
  overdueActivationOrders(branchCode: $branch, first: 100) { edges { node { id } } }
  openComplaints(filter: { accountManagerLogin: $login }, first: 100) { edges { node { id } } }
  followUpsDue(branchCode: $branch, before: $before, accountManagerLogin: $login, first: 100) {
    edges { node { id } }
  }
}`;

const ALL_OPEN = `query AllOpen {
  openFaultTickets(first: 100) { edges { node { id } } }
  openActivationOrders(first: 100) { edges { node { id } } }
  openComplaints(first: 100) { edges { node { id } } }
}`;

const ids = (connection: Ids) => connection.edges.map((edge) => edge.node.id).sort();
const hex = (rows: { _id: unknown }[]) => rows.map((row) => String(row._id)).sort();
const collection = (name: string) => mongoose.connection.db!.collection(name);

describe('open-work lists', () => {
  let service: TestService;
  let managerToken: string;
  const variables = {
    branch: 'HZ',
    before: new Date(DEMO_TEST_NOW.getTime() + 30 * 86_400_000).toISOString(),
    login: 'am.hz1',
  };

  beforeAll(async () => {
    service = await startTestService();
    await loadTestDemoData();
    managerToken = await issueTokenFor(service, 'am.hz1');
  }, 300_000);
  afterAll(() => stopTestService(service));

  const listed = async () =>
    ids(
      (
        await ok<{ openFaultTickets: Ids }>(
          service,
          managerToken,
          'query { openFaultTickets(first: 100) { edges { node { id } } } }',
        )
      ).openFaultTickets,
    );

  it('list exactly the open records of every branch (checked against the records themselves)', async () => {
    const lists = await ok<Record<string, Ids>>(service, service.adminToken, ALL_OPEN);
    const [tickets, orders, complaints] = await Promise.all([
      collection('faulttickets')
        .find({ status: { $nin: ['RESTORED', 'CLOSED'] } })
        .toArray(),
      collection('activationorders')
        .find({ status: { $nin: ['ACTIVATED', 'CANCELLED'] } })
        .toArray(),
      collection('complaints')
        .find({ status: { $in: ['RECEIVED', 'CONTACTED', 'REOPENED'] } })
        .toArray(),
    ]);
    // The demo has open work of each kind, fewer than a page of each.
    for (const rows of [tickets, orders, complaints]) {
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.length).toBeLessThanOrEqual(100);
    }
    expect(ids(lists.openFaultTickets!)).toEqual(hex(tickets));
    expect(ids(lists.openActivationOrders!)).toEqual(hex(orders));
    expect(ids(lists.openComplaints!)).toEqual(hex(complaints));
  });

  it('issue no read the stand-in answers by scanning once a branch is built', async () => {
    await ok(service, managerToken, LISTS, variables); // builds HZ's documents on first use
    let lists: Record<string, Ids> = {};
    const commands = await captureCommands(async () => {
      lists = await ok<Record<string, Ids>>(service, managerToken, LISTS, variables);
    });
    // am.hz1 has open tickets and visits due in the demo: the reads below did find records.
    expect(lists.openFaultTickets!.edges.length).toBeGreaterThan(0);
    expect(lists.followUpsDue!.edges.length).toBeGreaterThan(0);
    const collections = new Set(commands.map((c) => String(c.collection)));
    expect(collections).toContain('openwork');
    expect(await scanningFilters(commands)).toEqual([]);
  });

  it('follow each write: a ticket leaves when restored and is back when reopened', async () => {
    const before = await listed();
    const id = before[0]!;
    const restore = `mutation($id: ID!, $at: DateTime!) { restoreFaultTicket(id: $id, at: $at) { id } }`;
    await ok(service, service.adminToken, restore, { id, at: new Date().toISOString() });
    expect(await listed()).toEqual(before.filter((other) => other !== id));
    const reopen = `mutation($id: ID!, $at: DateTime!) { reopenFaultTicket(id: $id, at: $at) { id } }`;
    await ok(service, service.adminToken, reopen, { id, at: new Date().toISOString() });
    expect(await listed()).toEqual(before);
  });

  it('follow each write: a ticket reported after the build is listed, and leaves when restored', async () => {
    const { keyAccounts } = await ok<{ keyAccounts: Ids }>(
      service,
      managerToken,
      'query { keyAccounts(first: 1) { edges { node { id } } } }',
    );
    const accountId = keyAccounts.edges[0]!.node.id;
    const { openFaultTicket: ticket } = await ok<{ openFaultTicket: { id: string } }>(
      service,
      managerToken,
      `mutation($i: OpenFaultTicketInput!) { openFaultTicket(input: $i) { id } }`,
      {
        i: {
          accountId,
          serviceRef: 'OPEN-WORK-1',
          severity: 'MAJOR',
          channel: 'HOTLINE',
          reportedAt: new Date().toISOString(),
        },
      },
    );
    expect(await listed()).toContain(ticket.id);
    for (const step of ['acknowledgeFaultTicket', 'restoreFaultTicket']) {
      const mutation = `mutation($id: ID!, $at: DateTime!) { ${step}(id: $id, at: $at) { id } }`;
      await ok(service, managerToken, mutation, { id: ticket.id, at: new Date().toISOString() });
    }
    expect(await listed()).not.toContain(ticket.id);
    // Un-named in the kept document, not only skipped by the reader.
    const kept = await collection('openwork').findOne({ _id: 'FaultTicket:HZ' as never });
    expect(Object.keys(kept!.ids)).not.toContain(ticket.id);
  });

  it('follow each write: a visit scheduled after the build is due, and leaves its document when made', async () => {
    const { keyAccounts } = await ok<{ keyAccounts: Ids }>(
      service,
      managerToken,
      'query { keyAccounts(first: 1) { edges { node { id } } } }',
    );
    const { scheduleFollowUp: visit } = await ok<{ scheduleFollowUp: { id: string } }>(
      service,
      managerToken,
      `mutation($i: ScheduleFollowUpInput!) { scheduleFollowUp(input: $i) { id } }`,
      {
        i: {
          accountId: keyAccounts.edges[0]!.node.id,
          purpose: 'POST_REPAIR',
          channel: 'PHONE',
          dueAt: DEMO_TEST_NOW.toISOString(),
        },
      },
    );
    const due = async () =>
      ids((await ok<{ followUpsDue: Ids }>(service, managerToken, LISTS, variables)).followUpsDue);
    expect(await due()).toContain(visit.id);
    const complete = `mutation($id: ID!, $at: DateTime!) { completeFollowUp(id: $id, at: $at) { id } }`;
    await ok(service, managerToken, complete, { id: visit.id, at: new Date().toISOString() });
    expect(await due()).not.toContain(visit.id);
    const kept = await collection('openwork').findOne({ _id: 'FollowUp:HZ' as never });
    expect(Object.keys(kept!.ids)).not.toContain(visit.id);
  });

  it('skip an entry whose record is no longer open there', async () => {
    const closed = await collection('faulttickets').findOne({ branchCode: 'HZ', status: 'CLOSED' });
    expect(closed).not.toBeNull();
    // As a build racing the ticket's closing could leave it.
    await collection('openwork').updateOne(
      { _id: 'FaultTicket:HZ' as never },
      { $set: { [`ids.${String(closed!._id)}`]: 1 } },
    );
    const { atRiskFaultTickets, openFaultTickets } = await ok<Record<string, Ids>>(
      service,
      managerToken,
      `query { openFaultTickets(first: 100) { edges { node { id } } }
        atRiskFaultTickets(branchCode: "HZ", first: 100) { edges { node { id } } } }`,
    );
    expect(ids(openFaultTickets!)).not.toContain(String(closed!._id));
    expect(ids(atRiskFaultTickets!)).not.toContain(String(closed!._id));
  });

  it('are compared with the records by the kept-lists check, which names an open record left out', async () => {
    expect(await checkKeptLists()).toEqual([]);
    const kept = await collection('openwork').findOne({ _id: 'FaultTicket:HZ' as never });
    const left = Object.keys(kept!.ids)[0]!;
    await collection('openwork').updateOne(
      { _id: 'FaultTicket:HZ' as never },
      { $unset: { [`ids.${left}`]: '' } },
    );
    try {
      expect(await checkKeptLists()).toEqual([
        { id: 'openwork:FaultTicket:HZ', item: left, stored: null, expected: 1 },
      ]);
    } finally {
      await collection('openwork').updateOne(
        { _id: 'FaultTicket:HZ' as never },
        { $set: { [`ids.${left}`]: 1 } },
      );
    }
  });
});
