import mongoose from 'mongoose';
import { systemScope } from '../src/modules/access/scope';
import { checkKeptLists } from '../src/modules/journey/kept-lists-check';
import { nameAsRead, openRecordsInScope } from '../src/modules/open-work/open-work';
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

  it("follow each write: a reopened ticket stays listed when an older read's un-naming lands after its naming", async () => {
    const before = await listed();
    const ticket = await collection('faulttickets').findOne({
      _id: new mongoose.Types.ObjectId(before[0]!),
    });
    // The ticket as an applier read it while it was restored, writing after the reopening's own
    // naming: its un-naming must not be what stays.
    await nameAsRead('FaultTicket', [
      { _id: ticket!._id, branchCode: ticket!.branchCode, status: 'RESTORED' },
    ]);
    expect(await listed()).toEqual(before);
    expect(await checkKeptLists()).toEqual([]);
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

  const scheduleVisit = async (dueAt: Date) => {
    const { keyAccounts } = await ok<{ keyAccounts: Ids }>(
      service,
      managerToken,
      'query { keyAccounts(first: 1) { edges { node { id } } } }',
    );
    const { scheduleFollowUp } = await ok<{ scheduleFollowUp: { id: string } }>(
      service,
      managerToken,
      `mutation($i: ScheduleFollowUpInput!) { scheduleFollowUp(input: $i) { id } }`,
      {
        i: {
          accountId: keyAccounts.edges[0]!.node.id,
          purpose: 'POST_REPAIR',
          channel: 'PHONE',
          dueAt: dueAt.toISOString(),
        },
      },
    );
    return scheduleFollowUp.id;
  };
  const dueBefore = async (before: Date) =>
    ids(
      (
        await ok<{ followUpsDue: Ids }>(service, managerToken, LISTS, {
          ...variables,
          before: before.toISOString(),
        })
      ).followUpsDue,
    );
  const named = async (key: string) =>
    Object.keys((await collection('openwork').findOne({ _id: key as never }))?.ids ?? {});

  it('follow each write: a visit scheduled after the build is due, named in the part of its due month, and leaves it when made', async () => {
    // Due 15 Nov 2026 00:00 +08:00 = 14 Nov 16:00 UTC: the part of UTC month 2026-11.
    const visit = await scheduleVisit(DEMO_TEST_NOW);
    expect(await dueBefore(new Date(variables.before))).toContain(visit);
    const branch = await collection('openwork').findOne({ _id: 'FollowUp:HZ' as never });
    expect(branch!.parts).toMatchObject({ '2026-11': 1 });
    expect(branch!.ids).toBeUndefined(); // the branch's document names parts, not visits
    expect(await named('FollowUp:HZ:2026-11')).toContain(visit);
    const complete = `mutation($id: ID!, $at: DateTime!) { completeFollowUp(id: $id, at: $at) { id } }`;
    await ok(service, managerToken, complete, { id: visit, at: new Date().toISOString() });
    expect(await dueBefore(new Date(variables.before))).not.toContain(visit);
    expect(await named('FollowUp:HZ:2026-11')).not.toContain(visit);
  });

  it('read, for visits due before an instant, only the parts of the months up to it', async () => {
    // Due 10 Feb 2027 12:00 UTC: part 2027-02, after a list ending 20 Nov 2026 (parts ≤ 2026-11).
    const later = await scheduleVisit(new Date('2027-02-10T12:00:00Z'));
    let listed: string[] = [];
    const commands = await captureCommands(async () => {
      listed = await dueBefore(new Date('2026-11-20T00:00:00Z'));
    });
    expect(listed).not.toContain(later);
    expect(listed.length).toBeGreaterThan(0);
    const partsRead = commands
      .filter((c) => c.collection === 'openwork' && c.name === 'find')
      .flatMap((c) => JSON.stringify(c.body.filter).match(/FollowUp:HZ:\d{4}-\d{2}/g) ?? []);
    expect(partsRead).toContain('FollowUp:HZ:2026-11');
    expect(partsRead).not.toContain('FollowUp:HZ:2027-02');
    expect(await dueBefore(new Date('2027-03-01T00:00:00Z'))).toContain(later);
  });

  it('list a visit left named in the month it was moved out of only from its own month', async () => {
    const visit = await scheduleVisit(DEMO_TEST_NOW); // part 2026-11
    // As a move of its due time from October leaves it.
    await collection('openwork').updateOne(
      { _id: 'FollowUp:HZ' as never },
      { $set: { 'parts.2026-10': 1 } },
    );
    await collection('openwork').updateOne(
      { _id: 'FollowUp:HZ:2026-10' as never },
      { $set: { [`ids.${visit}`]: 1 } },
      { upsert: true },
    );
    const open = async (end: Date | null) =>
      hex(await openRecordsInScope('FollowUp', systemScope('test'), 'HZ', end));
    expect(await open(new Date('2026-10-31T00:00:00Z'))).not.toContain(visit);
    expect((await open(null)).filter((id) => id === visit)).toEqual([visit]);
  });

  it('build again, into parts, a branch whose visits were named before they were split', async () => {
    const before = await dueBefore(new Date(variables.before));
    expect(before.length).toBeGreaterThan(0);
    // The layout of before the split: the branch's document names every open visit itself.
    const parts = await collection('openwork')
      .find({ _id: { $regex: '^FollowUp:HZ:' } as never })
      .toArray();
    const all = Object.fromEntries(
      parts.flatMap((part) => Object.keys(part.ids ?? {}).map((id) => [id, 1])),
    );
    await collection('openwork').deleteMany({ _id: { $in: parts.map((part) => part._id) } });
    await collection('openwork').replaceOne(
      { _id: 'FollowUp:HZ' as never },
      {
        ids: all,
        complete: true,
      },
    );
    expect(await dueBefore(new Date(variables.before))).toEqual(before);
    const branch = await collection('openwork').findOne({ _id: 'FollowUp:HZ' as never });
    expect(branch).toMatchObject({ complete: true, layout: 2 });
    expect(branch!.ids).toBeUndefined();
    expect(await checkKeptLists()).toEqual([]);
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

  it('are compared with the records by the kept-lists check, which names a visit left out of its part, and a part left out of its branch', async () => {
    const visit = await scheduleVisit(DEMO_TEST_NOW); // part 2026-11
    expect(await checkKeptLists()).toEqual([]);
    await collection('openwork').updateOne(
      { _id: 'FollowUp:HZ:2026-11' as never },
      { $unset: { [`ids.${visit}`]: '' } },
    );
    await collection('openwork').updateOne(
      { _id: 'FollowUp:HZ' as never },
      { $unset: { 'parts.2026-11': '' } },
    );
    try {
      expect(await checkKeptLists()).toEqual(
        expect.arrayContaining([
          { id: 'openwork:FollowUp:HZ', item: 'parts.2026-11', stored: null, expected: 1 },
          { id: 'openwork:FollowUp:HZ:2026-11', item: visit, stored: null, expected: 1 },
        ]),
      );
      // One difference for the part, however many visits it holds.
      const partMissing = (await checkKeptLists()).filter((d) => d.item === 'parts.2026-11');
      expect(partMissing).toHaveLength(1);
    } finally {
      await collection('openwork').updateOne(
        { _id: 'FollowUp:HZ' as never },
        { $set: { 'parts.2026-11': 1 } },
      );
      await collection('openwork').updateOne(
        { _id: 'FollowUp:HZ:2026-11' as never },
        { $set: { [`ids.${visit}`]: 1 } },
      );
    }
    expect(await checkKeptLists()).toEqual([]);
  });
});
