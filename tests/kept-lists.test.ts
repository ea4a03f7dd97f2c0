import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import mongoose from 'mongoose';
import { nameAccounts } from '../src/modules/accounts/branch-directory';
import { upsertBranch } from '../src/modules/branches/branch.service';
import { consequenceKind } from '../src/modules/consequences/consequence-kinds';
import { checkKeptLists } from '../src/modules/journey/kept-lists-check';
import { captureCommands } from './support/command-counter';
import {
  startTestService,
  stopTestService,
  testServerUri,
  type TestService,
} from './support/test-service';
import { buildWorld, ok, type World } from './support/world';

// The lists kept for the account screen (each account's records, each branch's accounts) agree
// with the records after writes that add records and move them on the timeline; the check (and
// `npm run lists:check`) reports a planted difference of each kind, and a list dropped is rebuilt
// on its next read. Every suite also ends with this check (tests/support/test-service.ts).

const SCHEDULE = `mutation($i: ScheduleFollowUpInput!) { scheduleFollowUp(input: $i) { id } }`;
const COMPLETE = `mutation($id: ID!, $at: DateTime!) { completeFollowUp(id: $id, at: $at) { id } }`;
const SCREEN = `{ keyAccounts(first: 10) { totalCount edges { node { id name
  timeline(first: 5) { edges { node { __typename id occurredAt } } } } } } }`;

type Screen = {
  keyAccounts: {
    totalCount: number;
    edges: {
      node: { id: string; name: string; timeline: { edges: { node: { id: string } }[] } };
    }[];
  };
};

describe('the account screen kept lists', () => {
  let service: TestService;
  let world: World;
  const followUps: string[] = [];
  const db = () => mongoose.connection.db!;

  beforeAll(async () => {
    service = await startTestService();
    world = await buildWorld(service);
    for (const dueAt of ['2026-03-02T09:00:00Z', '2026-03-09T09:00:00Z']) {
      const { scheduleFollowUp } = await ok(service, world.tokens.mgrA1, SCHEDULE, {
        i: { accountId: world.accounts.own, purpose: 'OTHER', channel: 'PHONE', dueAt },
      });
      followUps.push(scheduleFollowUp.id as string);
    }
    // Completed later than it was due: it moves on the timeline.
    await ok(service, world.tokens.mgrA1, COMPLETE, {
      id: followUps[0],
      at: '2026-03-20T10:00:00Z',
    });
  });
  afterAll(() => stopTestService(service));

  const screen = () => ok<Screen>(service, world.tokens.mgrA1, SCREEN);

  it('agree with the records after records are added and moved', async () => {
    const { keyAccounts } = await screen();
    expect(keyAccounts.totalCount).toBe(2);
    const own = keyAccounts.edges.find(({ node }) => node.id === world.accounts.own)!;
    // Newest first: the completed visit (20 March) before the one due on 9 March.
    expect(own.node.timeline.edges.map(({ node }) => node.id)).toEqual(followUps);
    expect(await checkKeptLists()).toEqual([]);
  });

  type Entry = { j: Date; x: boolean; r: number };
  // The listing consequence of a follow-up write (as the write stores it), applied.
  const applyEntries = (items: { recordId: mongoose.Types.ObjectId; entry: Entry }[]) =>
    consequenceKind('accountRecordEntry').apply(
      items.map(({ recordId, entry }) => ({
        id: new mongoose.Types.ObjectId(),
        recordId,
        source: 'FollowUp',
        args: {
          typename: 'FollowUp',
          accountId: new mongoose.Types.ObjectId(world.accounts.own),
          entry,
        },
      })),
    );
  const storedEntry = async (id: string) => {
    const doc = await db()
      .collection('accountrecords')
      .findOne({ _id: new mongoose.Types.ObjectId(world.accounts.own) });
    return (doc?.lists as Record<string, Record<string, Entry>>).FollowUp?.[id];
  };

  it('keep the newer entry when an older one is replayed late, alone or racing it', async () => {
    // The first follow-up was listed when scheduled (revision 0, due 2 March), then again when
    // completed (revision 1, 20 March): the scheduling's listing replayed now (a sweep that read
    // it before the completion) changes nothing.
    const completed = followUps[0]!;
    const listed = await storedEntry(completed);
    expect(listed).toEqual({ x: false, r: 1, j: new Date('2026-03-20T10:00:00Z') });
    await applyEntries([
      {
        recordId: new mongoose.Types.ObjectId(completed),
        entry: { j: new Date('2026-03-02T09:00:00Z'), x: true, r: 0 },
      },
    ]);
    expect(await storedEntry(completed)).toEqual(listed);
    expect(await checkKeptLists()).toEqual([]);

    // Two writers of one account's list at once, the newer entry's first: whichever order their
    // writes reach the database in, the newer entry stays (the version guard makes the older
    // writer, which decided against the list before the newer write, read again).
    const strays = Array.from({ length: 10 }, () => new mongoose.Types.ObjectId());
    const at = (day: number) => new Date(Date.UTC(2026, 3, day));
    await Promise.all(
      strays.flatMap((recordId) => [
        applyEntries([{ recordId, entry: { j: at(2), x: true, r: 2 } }]),
        applyEntries([{ recordId, entry: { j: at(1), x: true, r: 1 } }]),
      ]),
    );
    for (const recordId of strays) {
      expect(await storedEntry(recordId.toHexString())).toEqual({ j: at(2), x: true, r: 2 });
    }
    await db()
      .collection('accountrecords')
      .updateOne(
        { _id: new mongoose.Types.ObjectId(world.accounts.own) },
        {
          $unset: Object.fromEntries(
            strays.map((id) => [`lists.FollowUp.${id.toHexString()}`, '']),
          ),
        },
      );
    expect(await checkKeptLists()).toEqual([]);
  });

  it("keep an account's current name when a rename's naming lands before an older read's", async () => {
    // An older writer read the account before the rename; the rename and its own naming finish;
    // then the older writer writes the name it read. Its entry must not be the one that stays.
    const RENAME = `mutation($id: ID!, $i: UpdateKeyAccountInput!) {
      updateKeyAccount(id: $id, input: $i) { id } }`;
    const id = new mongoose.Types.ObjectId(world.accounts.own);
    const before = await db().collection('keyaccounts').findOne({ _id: id });
    const named = async () =>
      (await db()
        .collection('branchdirectories')
        .findOne({ _id: before!.branchCode as never }))!.accounts[id.toHexString()];
    const staleRead = { _id: id, branchCode: before!.branchCode as string, name: before!.name };
    await ok(service, world.tokens.mgrA1, RENAME, { id: id.toHexString(), i: { name: 'Renamed' } });
    expect(await named()).toBe('Renamed');

    await nameAccounts([staleRead]);
    expect(await named()).toBe('Renamed');
    expect(await checkKeptLists()).toEqual([]);

    await ok(service, world.tokens.mgrA1, RENAME, {
      id: id.toHexString(),
      i: { name: before!.name },
    });
    expect(await named()).toBe(before!.name);
  });

  it('reports each kind of planted difference (the npm command exits 1), and a dropped list is rebuilt', async () => {
    const accountId = new mongoose.Types.ObjectId(world.accounts.own);
    const [moved, removed] = followUps;
    const stray = new mongoose.Types.ObjectId().toHexString();
    const manager = await db().collection('users').findOne({ login: 'mgrA2' });
    await db()
      .collection('accountrecords')
      .updateOne(
        { _id: accountId },
        {
          $set: {
            [`lists.FollowUp.${moved}.j`]: new Date('2020-01-01T00:00:00Z'),
            [`lists.Consultation.${stray}`]: { j: new Date('2026-01-01T00:00:00Z') },
          },
          $unset: { [`lists.FollowUp.${removed}`]: '' },
        },
      );
    await db()
      .collection('branchdirectories')
      .updateOne({ _id: 'BA' } as never, {
        $set: {
          [`accounts.${world.accounts.own}`]: 'Wrong',
          'branch.name': 'Wrong',
          [`users.${String(manager!._id)}.name`]: 'Wrong',
        },
      });

    const differences = await checkKeptLists();
    expect(differences.map((d) => [d.id, d.item, d.stored === null, d.expected === null])).toEqual(
      expect.arrayContaining([
        [`accountrecords:${world.accounts.own}`, `FollowUp.${moved}`, false, false],
        [`accountrecords:${world.accounts.own}`, `FollowUp.${removed}`, true, false],
        [`accountrecords:${world.accounts.own}`, `Consultation.${stray}`, false, true],
        ['branchdirectories:BA', `accounts.${world.accounts.own}`, false, false],
        ['branchdirectories:BA', 'branch', false, false],
        ['branchdirectories:BA', `users.${String(manager!._id)}`, false, false],
      ]),
    );
    expect(differences).toHaveLength(6);

    const url = new URL(testServerUri());
    url.pathname = `/${db().databaseName}`;
    const failed = await promisify(execFile)('npx', ['tsx', path.join('scripts', 'lists.ts')], {
      env: { ...process.env, MONGODB_URI: url.toString(), DATA_DIR: service.dataDir },
    }).catch((error: { code: number; stdout: string }) => error);
    expect('code' in failed ? failed.code : 0).toBe(1);
    expect(failed.stdout).toContain(stray);

    // Dropped, the lists are rebuilt from the records on their next read.
    await db().collection('accountrecords').deleteOne({ _id: accountId });
    await db()
      .collection('branchdirectories')
      .deleteOne({ _id: 'BA' } as never);
    const { keyAccounts } = await screen();
    expect(keyAccounts.edges.map(({ node }) => node.name)).toContain('Account A1');
    const own = keyAccounts.edges.find(({ node }) => node.id === world.accounts.own)!;
    expect(own.node.timeline.edges.map(({ node }) => node.id)).toEqual(followUps);
    expect(await checkKeptLists()).toEqual([]);
  });

  // A branch's directory holds a copy of the branch, kept by every write of the branch, and of its
  // users, copied at their creation, so a page of its accounts shows their branch and managers
  // without reading them; a directory older than the copies gets them on its first read.
  it("shows a branch's accounts with the branch as it is now and their managers, from its directory", async () => {
    const PAGE = `{ keyAccounts(first: 10) { edges { node {
      branch { id code name timeZone } accountManager { id login name } } } } }`;
    type Page = { keyAccounts: { edges: { node: Record<string, Record<string, string>> }[] } };
    // What the page shows, and how many reads of branches and users it made (authenticating the
    // caller reads one user).
    const pageOf = async () => {
      let page: Page | undefined;
      const sent = await captureCommands(async () => {
        page = await ok<Page>(service, world.tokens.mgrA1, PAGE);
      });
      const nodes = page!.keyAccounts.edges.map(({ node }) => node);
      const reads = (collection: string) => sent.filter((c) => c.collection === collection).length;
      return {
        branches: new Set(nodes.map((node) => JSON.stringify(node.branch))),
        managers: new Set(nodes.map((node) => node.accountManager!.login)),
        reads: [reads('branches'), reads('users')],
      };
    };
    const stored = await db().collection('branches').findOne({ code: 'BA' });
    const shown = (name: string, timeZone: string) =>
      new Set([JSON.stringify({ id: String(stored!._id), code: 'BA', name, timeZone })]);
    const managers = new Set(['mgrA1', 'mgrA2']);

    await upsertBranch({ code: 'BA', name: 'Branch A, renamed', timeZone: 'Asia/Urumqi' });
    expect(await pageOf()).toEqual({
      branches: shown('Branch A, renamed', 'Asia/Urumqi'),
      managers,
      reads: [0, 1],
    });
    expect(await checkKeptLists()).toEqual([]);

    // A directory kept before it held the branch and its users: they are read on its first
    // page, and copied for the next.
    await upsertBranch({ code: 'BA', name: 'Branch A', timeZone: stored!.timeZone as string });
    await db()
      .collection('branchdirectories')
      .updateOne({ _id: 'BA' } as never, { $unset: { branch: '', users: '' } });
    const branches = shown('Branch A', stored!.timeZone as string);
    const first = await pageOf();
    expect(first).toEqual({ branches, managers, reads: [expect.any(Number), expect.any(Number)] });
    expect(first.reads[0]).toBeGreaterThan(0);
    expect(first.reads[1]).toBeGreaterThan(1);
    expect(await pageOf()).toEqual({ branches, managers, reads: [0, 1] });
    expect(await checkKeptLists()).toEqual([]);
  });

  it('opens the directory of a branch an upsert creates, and only then', async () => {
    // A new branch: its directory is complete (no rebuild on its first page) and holds its copy.
    await upsertBranch({ code: 'BN', name: 'Branch N', timeZone: 'Asia/Shanghai' });
    const opened = await db()
      .collection('branchdirectories')
      .findOne({ _id: 'BN' } as never);
    expect(opened).toMatchObject({
      complete: true,
      branch: { code: 'BN', name: 'Branch N', timeZone: 'Asia/Shanghai' },
    });
    // An existing branch is updated, not opened again (opening copies the branch's users).
    const sent = await captureCommands(() =>
      upsertBranch({ code: 'BN', name: 'Branch N, renamed', timeZone: 'Asia/Shanghai' }),
    );
    expect(sent.filter((c) => c.collection === 'users')).toEqual([]);
    expect(await checkKeptLists()).toEqual([]);
  });

  it("reads the stored entries of many accounts in parts, each projected to its accounts' entries", async () => {
    // 250 accounts with two follow-ups each, listed in one application: the guard read of the
    // stored entries (version and the entries being written) goes in parts of at most 20
    // accounts, each part projected to the entries of its own accounts only.
    const { ObjectId } = mongoose.Types;
    const accounts = Array.from({ length: 250 }, () => new ObjectId());
    const records = accounts.flatMap((accountId) =>
      [0, 1].map(() => ({ accountId, recordId: new ObjectId() })),
    );
    const apply = (r: number) =>
      consequenceKind('accountRecordEntry').apply(
        records.map(({ accountId, recordId }) => ({
          id: new ObjectId(),
          recordId,
          source: 'FollowUp',
          args: { typename: 'FollowUp', accountId, entry: { j: new Date(2026, 2, 2), x: true, r } },
        })),
      );
    try {
      await apply(0);
      const sent = await captureCommands(() => apply(1));
      const reads = sent.filter((c) => c.name === 'find' && c.collection === 'accountrecords');
      const idsOf = (body: Record<string, unknown>) =>
        ((body.filter as { _id: { $in: mongoose.Types.ObjectId[] } })._id.$in ?? []).map(String);
      expect(reads.map(({ body }) => idsOf(body).length).sort((a, b) => a - b)).toEqual([
        10,
        ...Array(12).fill(20),
      ]);
      for (const { body } of reads) {
        const ids = new Set(idsOf(body));
        const own = records.filter(({ accountId }) => ids.has(String(accountId)));
        expect(Object.keys(body.projection as object).sort()).toEqual(
          ['v', ...own.map(({ recordId }) => `lists.FollowUp.${String(recordId)}`)].sort(),
        );
      }
      const stored = await db()
        .collection('accountrecords')
        .find({ _id: { $in: accounts } })
        .toArray();
      expect(
        stored.flatMap((doc) => Object.values(doc.lists.FollowUp as Record<string, Entry>)),
      ).toEqual(records.map(() => expect.objectContaining({ r: 1 })));
    } finally {
      await db()
        .collection('accountrecords')
        .deleteMany({ _id: { $in: accounts } });
    }
  });

  // The screen's orders and tickets are answered from the lists' shown fields (a settled ticket's
  // SLA state from its stored measures): after the records change, the lists say what the records
  // say, the screen reads neither collection, and it answers as whole records do.
  it("show an order's and a settled ticket's fields from the list as they change", async () => {
    const mgr = (query: string, variables: Record<string, unknown>) =>
      ok(service, world.tokens.mgrA1, query, variables);
    const accountId = world.accounts.own;
    const { order } = await mgr(
      `mutation($i: CreateActivationOrderInput!) { order: createActivationOrder(input: $i) { id } }`,
      { i: { accountId, product: 'BROADBAND', orderedAt: '2026-03-01T10:00:00+08:00' } },
    );
    const { ticket } = await mgr(
      `mutation($i: OpenFaultTicketInput!) { ticket: openFaultTicket(input: $i) { id } }`,
      {
        i: {
          accountId,
          serviceRef: 'CIRCUIT-1',
          severity: 'MINOR',
          channel: 'HOTLINE',
          reportedAt: '2026-03-02T10:00:00+08:00',
        },
      },
    );
    const [orderId, ticketId] = [(order as { id: string }).id, (ticket as { id: string }).id];
    await mgr(
      `mutation($id: ID!) { repromiseActivationOrder(id: $id, promisedAt: "2026-04-20T10:00:00+08:00", at: "2026-03-05T10:00:00+08:00") { id } }`,
      { id: orderId },
    );
    await mgr(
      `mutation($id: ID!) { changeFaultSeverity(id: $id, severity: CRITICAL, at: "2026-03-02T11:00:00+08:00") { id } }`,
      { id: ticketId },
    );
    await mgr(
      `mutation($id: ID!) { acknowledgeFaultTicket(id: $id, at: "2026-03-02T10:30:00+08:00") { id } }`,
      { id: ticketId },
    );
    await mgr(
      `mutation($id: ID!) { restoreFaultTicket(id: $id, at: "2026-03-03T10:00:00+08:00") { id } }`,
      { id: ticketId },
    );
    expect(await checkKeptLists()).toEqual([]);

    const ORDER = 'product status promisedAt overdue';
    const TICKET = 'severity status slaState minutesLeft';
    const reads: string[] = [];
    const listen = (e: { commandName: string; command: Record<string, unknown> }) =>
      reads.push(String(e.command[e.commandName]));
    const client = mongoose.connection.getClient();
    client.on('commandStarted', listen);
    const page = await mgr(
      `query($id: ID!) { keyAccount(id: $id) {
        activationOrders(first: 1) { edges { node { id ${ORDER} } } }
        faultTickets(first: 1) { edges { node { id ${TICKET} } } } } }`,
      { id: accountId },
    ).finally(() => client.off('commandStarted', listen));
    expect(reads).not.toContain('activationorders');
    expect(reads).not.toContain('faulttickets');
    type Page = { edges: { node: Record<string, unknown> }[] };
    const listed = page.keyAccount as { activationOrders: Page; faultTickets: Page };
    // Order: the new promise; ticket: the new severity, restored within the critical target.
    expect(listed.activationOrders.edges[0]!.node).toEqual({
      id: orderId,
      product: 'BROADBAND',
      status: 'RECEIVED',
      promisedAt: '2026-04-20T02:00:00.000Z',
      overdue: true,
    });
    // As whole records answer them (`nodes` reads records whole).
    for (const [id, type, fields, list] of [
      [orderId, 'ActivationOrder', ORDER, listed.activationOrders],
      [ticketId, 'FaultTicket', TICKET, listed.faultTickets],
    ] as const) {
      const whole = await mgr(
        `query($ids: [ID!]!) { nodes(ids: $ids) { ... on ${type} { id ${fields} } } }`,
        { ids: [id] },
      );
      expect(whole.nodes).toEqual([list.edges[0]!.node]);
    }
    expect(listed.faultTickets.edges[0]!.node).toMatchObject({
      severity: 'CRITICAL',
      status: 'RESTORED',
      minutesLeft: null,
    });

    // A shown field changed behind the lists' back is a difference.
    await db()
      .collection('faulttickets')
      .updateOne({ _id: new mongoose.Types.ObjectId(ticketId) }, { $set: { severity: 'MAJOR' } });
    expect((await checkKeptLists()).map((d) => d.item)).toEqual([`FaultTicket.${ticketId}`]);
    await db()
      .collection('faulttickets')
      .updateOne(
        { _id: new mongoose.Types.ObjectId(ticketId) },
        { $set: { severity: 'CRITICAL' } },
      );
  });
});
