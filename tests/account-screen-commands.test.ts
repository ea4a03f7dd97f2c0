import { getNamedType, isLeafType, isNonNullType, isObjectType } from 'graphql';
import type { GraphQLField, GraphQLNamedType } from 'graphql';
import mongoose from 'mongoose';
import { buildSchema } from '../src/graphql/schema';
import { BranchModel } from '../src/modules/branches/branch.model';
import { UserModel } from '../src/modules/auth/user.model';
import { journeySources } from '../src/modules/journey/journey-registry';
import {
  FaultTicketModel,
  RESTORED_FAULT_STATUSES,
} from '../src/modules/faults/fault-ticket.model';
import { loadTestDemoData } from './support/demo';
import { ACCOUNT_SCREEN } from './support/account-screen';
import { startTestService, stopTestService, type TestService } from './support/test-service';
import { issueTokenFor, ok } from './support/world';
import { isKeyed, uniqueKeysOf } from './support/keyed-filters';

// The account manager's screen (docs/account-managers.md, "AccountManagerScreen") reaches every
// document through the only filters mongo-java-server answers from an index (see keyed-filters).

type Command = { commandName: string; command: Record<string, unknown> };
type Row = { __typename: string; id: string } & Record<string, unknown>;
type Filter = Record<string, unknown>;

// The filter a read command selects its documents by (an aggregation: its leading `$match`).
function filterOf({ commandName, command }: Command): Filter | null {
  if (commandName === 'find') return (command.filter as Filter | undefined) ?? {};
  const first = (command.pipeline as Filter[] | undefined)?.[0];
  return (first?.$match as Filter | undefined) ?? null;
}

// Fields that can be asked for without arguments.
const askable = (field: GraphQLField<unknown, unknown>) =>
  !field.args.some((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined);

// A selection of `field` alone: a leaf by name, an object with its leaves.
function selectionOf(field: GraphQLField<unknown, unknown>): string {
  const named: GraphQLNamedType = getNamedType(field.type);
  if (isLeafType(named)) return field.name;
  if (!isObjectType(named)) return `${field.name} { __typename }`;
  const leaves = Object.values(named.getFields())
    .filter((inner) => askable(inner) && isLeafType(getNamedType(inner.type)))
    .map((inner) => inner.name);
  return `${field.name} { __typename ${leaves.join(' ')} }`;
}

// Values computed from the time of the request (minutes left, the end of an open outage) differ
// between two requests by the time between them: compared to within a minute.
const ISO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;
function sameAnswer(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) < 1;
  if (typeof a === 'string' && typeof b === 'string' && ISO_TIME.test(a) && ISO_TIME.test(b)) {
    return Math.abs(Date.parse(a) - Date.parse(b)) < 60_000;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => sameAnswer(item, b[i]));
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((k) => sameAnswer((a as never)[k], (b as never)[k]));
  }
  return a === b;
}

describe('the account screen issues no query the stand-in answers by scanning', () => {
  let service: TestService;
  let token: string;

  beforeAll(async () => {
    // No periodic sweep: its reads (which scan) would be counted as the screen's.
    service = await startTestService({ CONSEQUENCE_SWEEP_INTERVAL_MS: '0' });
    await loadTestDemoData();
    token = await issueTokenFor(service, 'am.hz1');
  }, 300_000);
  afterAll(() => stopTestService(service));

  it('knows a scan when it sees one', () => {
    const unique = [['sourceSystem', 'externalId']];
    expect(isKeyed({ _id: new mongoose.Types.ObjectId() }, unique)).toBe(true);
    expect(isKeyed({ _id: { $in: [] } }, unique)).toBe(true);
    expect(isKeyed({ sourceSystem: 'CRM', externalId: 'x' }, unique)).toBe(true);
    expect(isKeyed({ _id: { $in: [] }, branchCode: 'HZ' }, unique)).toBe(false);
    expect(isKeyed({ _id: { $in: [] }, $and: [{ branchCode: 'HZ' }] }, unique)).toBe(false);
    expect(isKeyed({ sourceSystem: 'CRM', externalId: 'x', branchCode: 'HZ' }, unique)).toBe(false);
    expect(isKeyed({ sourceSystem: 'CRM', externalId: { $in: ['x'] } }, unique)).toBe(false);
    expect(isKeyed({ accountId: { $in: [] } }, unique)).toBe(false);
    expect(isKeyed({}, unique)).toBe(false);
  });

  // Runs `work` and returns what it read, with the reads the stand-in would answer by scanning.
  async function readsOf<T>(work: () => Promise<T>) {
    const commands: Command[] = [];
    const client = mongoose.connection.getClient();
    const listen = (event: Command) => commands.push(event);
    client.on('commandStarted', listen);
    let answer: T;
    try {
      answer = await work();
    } finally {
      client.off('commandStarted', listen);
    }
    const reads = commands.filter((c) =>
      ['find', 'aggregate', 'count', 'distinct'].includes(c.commandName),
    );
    const scanning = [];
    for (const read of reads) {
      const collection = String(read.command[read.commandName]);
      const filter = filterOf(read);
      if (!filter || !isKeyed(filter, await uniqueKeysOf(collection))) {
        scanning.push({ commandName: read.commandName, collection, filter });
      }
    }
    return {
      answer,
      collections: new Set(reads.map((c) => String(c.command[c.commandName]))),
      scanning,
    };
  }

  it.each([20, 100])('keyAccounts(first: %i) with orders, tickets and timeline', async (first) => {
    type Accounts = { node: { timeline: { edges: unknown[] } } }[];
    const { answer, collections, scanning } = await readsOf(() =>
      ok<{ keyAccounts: { totalCount: number; edges: Accounts } }>(service, token, ACCOUNT_SCREEN, {
        first,
      }),
    );
    // The demo's Hangzhou branch has 16 accounts, each with a timeline.
    expect(answer.keyAccounts.totalCount).toBe(16);
    expect(answer.keyAccounts.edges).toHaveLength(16);
    expect(answer.keyAccounts.edges.every(({ node }) => node.timeline.edges.length > 0)).toBe(true);
    // The page, its accounts and their records are all read by key.
    for (const name of ['branchdirectories', 'keyaccounts', 'accountrecords', 'faulttickets']) {
      expect(collections).toContain(name);
    }
    expect(scanning).toEqual([]);
  });

  type Screen = { keyAccounts: { edges: { node: Record<string, { edges: { node: Row }[] }> }[] } };

  // The screen's commands in the order they start and are answered (`start <collection>`, `done
  // <collection>`), the collections read, the commands themselves and the screen's answer.
  async function screenEvents() {
    // Once before, so that the pool holds the connections the screen's widest wave needs.
    await ok(service, token, ACCOUNT_SCREEN, { first: 20 });
    const events: string[] = [];
    const names = new Map<number, string>();
    const commands: Command[] = [];
    const client = mongoose.connection.getClient();
    const started = (e: Command & { requestId: number }) => {
      names.set(e.requestId, String(e.command[e.commandName]));
      events.push(`start ${names.get(e.requestId)}`);
      commands.push(e);
    };
    const done = (e: { requestId: number }) => events.push(`done ${names.get(e.requestId)}`);
    client.on('commandStarted', started);
    client.on('commandSucceeded', done);
    let answer: Screen;
    try {
      answer = await ok<Screen>(service, token, ACCOUNT_SCREEN, { first: 20 });
    } finally {
      client.off('commandStarted', started);
      client.off('commandSucceeded', done);
    }
    return { events, collections: new Set(names.values()), commands, answer };
  }

  // The accounts' listed records are asked for with the accounts themselves (their ids come from
  // the directory), not once the accounts have arrived; their branch is the directory's copy.
  it('reads the lists in the same wave as the accounts, and no branch', async () => {
    const { events, answer } = await screenEvents();
    // Every command of the screen is a read answered in its turn; the wave of the accounts is
    // every read started before the accounts' read is answered.
    const accounts = events.indexOf('start keyaccounts');
    expect(accounts).toBeGreaterThan(-1);
    const answered = events.findIndex((e, i) => i > accounts && e.startsWith('done'));
    const wave = events.slice(accounts, answered);
    expect(wave).toEqual(expect.arrayContaining(['start keyaccounts', 'start accountrecords']));
    expect(events.filter((event) => event === 'start accountrecords')).toHaveLength(1);
    expect(events).not.toContain('start branches');
    // The branch as stored, on every account of the page.
    const stored = await BranchModel.collection.findOne({ code: 'HZ' });
    const expected = { id: String(stored!._id), code: 'HZ', name: stored!.name as string };
    for (const { node } of answer.keyAccounts.edges) expect(node.branch).toEqual(expected);
  });

  // The screen selects of its records only what the accounts' lists hold (type, id, stage, time
  // and the kinds' shown fields: an order's product, status and promises, a ticket's severity,
  // status and stored measures), so orders, settled tickets and the timeline's follow-ups,
  // surveys and the like are answered from the lists; only the open tickets (whose SLA state
  // needs their history) are read, once, with that state.
  it("reads only the page's open tickets of its records", async () => {
    const { events, collections, commands, answer } = await screenEvents();
    expect(collections).toEqual(
      new Set([
        'apitokens',
        'users',
        'branchdirectories',
        'keyaccounts',
        'accountrecords',
        'faulttickets',
      ]),
    );
    expect(events.filter((event) => event === 'start faulttickets')).toHaveLength(1);
    const read = commands.find((c) => c.command.find === 'faulttickets')!;
    const ids = ((read.command.filter as Filter)._id as { $in: unknown[] }).$in;
    const tickets = answer.keyAccounts.edges.flatMap(({ node }) =>
      node.faultTickets!.edges.map((edge) => edge.node),
    );
    const isOpen = (status: unknown) => !RESTORED_FAULT_STATUSES.includes(status as never);
    const open = tickets.filter((ticket) => isOpen(ticket.status)).map((ticket) => ticket.id);
    // The demo's Hangzhou accounts have open tickets among their newest five, and settled ones.
    expect(open.length).toBeGreaterThan(0);
    expect(open.length).toBeLessThan(tickets.length);
    // Every open ticket of the page is read (the timeline's may add others), and only open ones.
    expect(ids.map(String)).toEqual(expect.arrayContaining(open));
    const stored = await FaultTicketModel.collection
      .find({ _id: { $in: ids as never[] } }, { projection: { status: 1 } })
      .toArray();
    expect(stored.filter((ticket) => !isOpen(ticket.status))).toEqual([]);
  });

  type Named = { totalCount: number; edges: { node: { id: string; name: string } }[] };
  const ACCOUNT_SCREEN_MANAGERS = `{ keyAccounts(first: 100) { edges { node {
    id accountManager { id login name } } } } }`;
  const LIST = `query($filter: KeyAccountFilter, $first: Int, $after: String) {
    keyAccounts(filter: $filter, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { id name } } } }`;
  const namesOf = (page: Named) => page.edges.map(({ node }) => node.name);

  // Filtered lists of one branch come from its directory and its accounts read by `_id`; they
  // answer what the database's own query answers (a province-wide reader's list, which scans).
  it.each([
    ['the documented "my accounts"', { accountManagerLogin: 'am.hz1' }, true],
    ['a stage', { stage: 'REPAIR' }, false],
    ['a tier', { tier: 'A' }, true],
    ['a name', { nameContains: 'hang' }, true],
    ['a status and an unknown manager', { status: 'ACTIVE', accountManagerLogin: 'nobody' }, false],
  ])('keyAccounts filtered by %s', async (_label, filter, someMatch) => {
    const { answer, scanning } = await readsOf(() =>
      ok<{ keyAccounts: Named }>(service, token, LIST, { filter, first: 100 }),
    );
    expect(scanning).toEqual([]);
    const province = await ok<{ keyAccounts: Named }>(service, service.adminToken, LIST, {
      filter,
      first: 100,
    });
    const hangzhou = new Set(
      (
        await ok<{ keyAccounts: Named }>(service, service.adminToken, LIST, {
          filter: { branchCode: 'HZ' },
          first: 100,
        })
      ).keyAccounts.edges.map(({ node }) => node.id),
    );
    const expected = province.keyAccounts.edges.filter(({ node }) => hangzhou.has(node.id));
    expect(answer.keyAccounts.edges).toEqual(expected);
    expect(answer.keyAccounts.totalCount).toBe(expected.length);
    if (someMatch) expect(expected.length).toBeGreaterThan(0);
  });

  // The caller's own user, read to authenticate the request, is not read again as the manager of
  // the accounts they manage (the demo's Hangzhou accounts have three managers, am.hz1 among
  // them); the other managers are the branch directory's copies of its users.
  it('reads no manager of the page: the caller as authenticated, the others from the directory', async () => {
    const userReads: { _id: unknown }[] = [];
    const listen = (e: Command) => {
      if (e.command.find === 'users') userReads.push(e.command.filter as { _id: unknown });
    };
    const client = mongoose.connection.getClient();
    client.on('commandStarted', listen);
    type Managed = { keyAccounts: { edges: { node: { accountManager: Row } }[] } };
    const answer = await ok<Managed>(service, token, ACCOUNT_SCREEN_MANAGERS).finally(() =>
      client.off('commandStarted', listen),
    );
    const managers = answer.keyAccounts.edges.map(({ node }) => node.accountManager);
    expect(new Set(managers.map((manager) => manager.login))).toEqual(
      new Set(['am.hz1', 'am.hz2', 'am.hz3']),
    );
    // The users as stored.
    for (const manager of managers) {
      const stored = await UserModel.collection.findOne({ login: manager.login });
      expect(manager).toEqual({
        id: String(stored!._id),
        login: stored!.login,
        name: stored!.name,
      });
    }
    // Only the authentication's read (by the caller's id).
    expect(userReads).toHaveLength(1);
  });

  it('reads the next page of accounts by key', async () => {
    const first = await ok<{ keyAccounts: Named & { pageInfo: { endCursor: string } } }>(
      service,
      token,
      LIST,
      { filter: { accountManagerLogin: 'am.hz1' }, first: 100 },
    );
    const all = namesOf(first.keyAccounts);
    expect(all.length).toBeGreaterThan(3);
    const page1 = await ok<{ keyAccounts: Named & { pageInfo: { endCursor: string } } }>(
      service,
      token,
      LIST,
      { filter: { accountManagerLogin: 'am.hz1' }, first: 2 },
    );
    const { answer, scanning } = await readsOf(() =>
      ok<{ keyAccounts: Named }>(service, token, LIST, {
        filter: { accountManagerLogin: 'am.hz1' },
        first: 100,
        after: page1.keyAccounts.pageInfo.endCursor,
      }),
    );
    expect(scanning).toEqual([]);
    expect([...namesOf(page1.keyAccounts), ...namesOf(answer.keyAccounts)]).toEqual(all);
  });

  type Paged = {
    totalCount: number;
    edges: { cursor: string; node: { id: string; name: string } }[];
    pageInfo: Record<string, unknown>;
  };
  const PAGE = `query($filter: KeyAccountFilter, $first: Int, $last: Int, $after: String, $before: String) {
    keyAccounts(filter: $filter, first: $first, last: $last, after: $after, before: $before) {
      totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { id name } } } }`;
  // [arguments, expected edges, hasNextPage, hasPreviousPage] (findConnection's rules)
  type PageCase = [Record<string, unknown>, Paged['edges'], boolean, boolean];

  // A page as `findConnection` answers `args`: `edges`, page info around them, the total.
  function expectPage(
    page: Paged,
    [args, edges, hasNextPage, hasPreviousPage]: PageCase,
    total: number,
  ) {
    expect({ args, edges: page.edges }).toEqual({ args, edges });
    expect({ args, ...page.pageInfo }).toEqual({
      args,
      hasNextPage,
      hasPreviousPage,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    });
    expect(page.totalCount).toBe(total);
  }

  // Backward pages (and forward pages before a cursor) of a branch: from its directory too, with
  // the edges, cursors and page info of the database's own query (a province-wide list, which
  // scans), filtered to the branch's accounts.
  it('reads backward pages of a branch by key, as the database query pages them', async () => {
    const filter = { tier: 'A' };
    const province = (
      await ok<{ keyAccounts: Paged }>(service, service.adminToken, PAGE, { filter, first: 100 })
    ).keyAccounts;
    const mine = (await ok<{ keyAccounts: Paged }>(service, token, PAGE, { filter, first: 100 }))
      .keyAccounts;
    const inBranch = new Set(mine.edges.map(({ node }) => node.id));
    const all = province.edges.filter(({ node }) => inBranch.has(node.id));
    expect(all.length).toBeGreaterThan(4);
    // The same cursors as the database's pages: the branch's list is the province's, filtered.
    expect(mine.edges).toEqual(all);
    const at = (i: number) => all[i]!.cursor;
    const cases: PageCase[] = [
      [{ last: 2 }, all.slice(-2), false, true],
      [{ last: 2, before: at(3) }, all.slice(1, 3), true, true],
      [{ last: 3, before: at(2) }, all.slice(0, 2), true, false],
      [{ last: 0, before: at(2) }, [], true, true],
      [{ first: 10, before: at(3) }, all.slice(0, 3), false, false],
      [{ first: 1, after: at(0), before: at(3) }, all.slice(1, 2), true, true],
    ];
    for (const pageCase of cases) {
      const { answer, scanning } = await readsOf(() =>
        ok<{ keyAccounts: Paged }>(service, token, PAGE, { filter, ...pageCase[0] }),
      );
      expect(scanning).toEqual([]);
      expectPage(answer.keyAccounts, pageCase, all.length);
    }
  });

  // A province-wide reader's list, whole or by name: the branches' directories merged, with the
  // edges, cursors and page info of the database's own query (sorted by name, then id), which
  // scans every account. Only the branches (one document each) are read by a scan.
  it('reads province-wide pages from the directories, as the database query pages them', async () => {
    const sorted = await mongoose.connection
      .db!.collection('keyaccounts')
      .find({}, { projection: { name: 1 } })
      .sort({ name: 1, _id: 1 })
      .toArray();
    for (const [filter, stored] of [
      [undefined, sorted],
      // "GROUP" in any case: the demo's groups of every branch.
      [{ nameContains: 'GROUP' }, sorted.filter(({ name }) => /group/i.test(name as string))],
    ] as const) {
      const read = async (args: Record<string, unknown>) => {
        const { answer, scanning } = await readsOf(() =>
          ok<{ keyAccounts: Paged }>(service, service.adminToken, PAGE, { filter, ...args }),
        );
        expect(scanning.map(({ collection }) => collection)).toEqual(['branches']);
        return answer.keyAccounts;
      };
      const whole = await read({ first: 100 });
      const all = whole.edges;
      expect(stored.length).toBeGreaterThan(4);
      expect(stored.length).toBeLessThan(100);
      expect(all.map(({ node }) => [node.id, node.name])).toEqual(
        stored.map(({ _id, name }) => [String(_id), name]),
      );
      const at = (i: number) => all[i]!.cursor;
      const cases: PageCase[] = [
        [{ first: 2 }, all.slice(0, 2), true, false],
        [{ first: 2, after: at(1) }, all.slice(2, 4), true, true],
        [{ first: 100, after: at(all.length - 2) }, all.slice(-1), false, true],
        [{ last: 2 }, all.slice(-2), false, true],
        [{ last: 2, before: at(3) }, all.slice(1, 3), true, true],
        [{ last: 3, before: at(2) }, all.slice(0, 2), true, false],
        [{ first: 1, after: at(0), before: at(3) }, all.slice(1, 2), true, true],
      ];
      for (const pageCase of cases) expectPage(await read(pageCase[0]), pageCase, stored.length);
    }
  });

  type Page = {
    pageInfo: { endCursor: string };
    edges: { node: { id: string; stage?: string } }[];
  };
  type Lists = { activationOrders: Page; faultTickets: Page; timeline: Page };
  const LISTS = (args: string, timelineArgs = args) => `query($id: ID!) { keyAccount(id: $id) {
    activationOrders(${args}) { pageInfo { endCursor } edges { node { id } } }
    faultTickets(${args}) { pageInfo { endCursor } edges { node { id } } }
    timeline(${timelineArgs}) { pageInfo { endCursor } edges { node { id stage } } } } }`;
  const idsOf = (page: Page) => page.edges.map(({ node }) => node.id);

  it("reads later pages of an account's orders, tickets and timeline, and stage-filtered timelines, by key", async () => {
    const { keyAccounts } = await ok<{ keyAccounts: Named }>(service, token, LIST, { first: 100 });
    // The Hangzhou account with the most of both orders and tickets.
    let id = '';
    let whole: Lists | null = null;
    for (const { node } of keyAccounts.edges) {
      const lists = (
        await ok<{ keyAccount: Lists }>(service, token, LISTS('first: 100'), { id: node.id })
      ).keyAccount;
      const size = (l: Lists) =>
        Math.min(l.activationOrders.edges.length, l.faultTickets.edges.length);
      if (!whole || size(lists) > size(whole)) [id, whole] = [node.id, lists];
    }
    expect(
      Math.min(whole!.activationOrders.edges.length, whole!.faultTickets.edges.length),
    ).toBeGreaterThan(2);
    const first = (await ok<{ keyAccount: Lists }>(service, token, LISTS('first: 2'), { id }))
      .keyAccount;
    const later = await readsOf(async () => {
      const pages: Partial<Lists> = {};
      for (const list of ['activationOrders', 'faultTickets', 'timeline'] as const) {
        const after = JSON.stringify(first[list].pageInfo.endCursor);
        const answer = await ok<{ keyAccount: Lists }>(
          service,
          token,
          LISTS(`first: 100, after: ${after}`),
          { id },
        );
        pages[list] = answer.keyAccount[list];
      }
      return pages as Lists;
    });
    expect(later.scanning).toEqual([]);
    for (const list of ['activationOrders', 'faultTickets', 'timeline'] as const) {
      expect([...idsOf(first[list]), ...idsOf(later.answer[list])].slice(0, 100)).toEqual(
        idsOf(whole![list]),
      );
    }
    for (const stages of [['ACTIVATION'], ['FAULT_REPORTING'], ['REPAIR', 'FOLLOW_UP']]) {
      const filtered = await readsOf(() =>
        ok<{ keyAccount: Lists }>(
          service,
          token,
          LISTS('first: 3', `first: 3, stages: [${stages.join(', ')}]`),
          { id },
        ),
      );
      expect(filtered.scanning).toEqual([]);
      const expected = whole!.timeline.edges
        .filter(({ node }) => stages.includes(node.stage!))
        .slice(0, 3);
      expect(filtered.answer.keyAccount.timeline.edges).toEqual(expected);
    }
  });

  // A list's next page is known from the account's listed records (no record read past the
  // page): a page as long as the whole list ends it, one shorter does not.
  it("says whether an account's orders, tickets and timeline go on", async () => {
    const { keyAccounts } = await ok<{ keyAccounts: Named }>(service, token, LIST, { first: 100 });
    const lists = ['activationOrders', 'faultTickets', 'timeline'] as const;
    const goesOn = (list: string, first: number) => `query($id: ID!) { keyAccount(id: $id) {
      ${list}(first: ${first}) { pageInfo { hasNextPage } edges { node { id } } } } }`;
    type Ends = { keyAccount: Record<string, { pageInfo: { hasNextPage: boolean } } & Page> };
    let checked = 0;
    for (const { node } of keyAccounts.edges.slice(0, 4)) {
      const whole = (await ok<{ keyAccount: Lists }>(service, token, LISTS('first: 100'), node))
        .keyAccount;
      for (const list of lists) {
        const length = whole[list].edges.length;
        if (length === 0 || length === 100) continue;
        const all = await ok<Ends>(service, token, goesOn(list, length), node);
        const fewer = await ok<Ends>(service, token, goesOn(list, length - 1), node);
        expect(all.keyAccount[list]!.pageInfo.hasNextPage).toBe(false);
        expect(idsOf(all.keyAccount[list]!)).toEqual(idsOf(whole[list]));
        expect(fewer.keyAccount[list]!.pageInfo.hasNextPage).toBe(true);
        expect(idsOf(fewer.keyAccount[list]!)).toEqual(idsOf(whole[list]).slice(0, length - 1));
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(6);
  });

  // The screen's records are read with only the fields the operation selects (field-reads.ts):
  // each field of each record type, asked for alone through the screen's lists, answers as it
  // does through `nodes`, which reads whole records.
  it('answers every field of a listed record as a whole record does', async () => {
    const schema = buildSchema();
    const types = schema.getPossibleTypes(schema.getType('JourneyEvent') as never);
    // Accounts holding the newest records of each type, so that every type is on their timelines.
    const accountIds = new Set<string>();
    for (const source of journeySources()) {
      const newest = await source.model.collection
        .find({}, { projection: { accountId: 1 } })
        .sort({ journeyAt: -1 })
        .limit(2)
        .toArray();
      newest.forEach((record) => accountIds.add(String(record.accountId)));
    }
    const compared: string[] = [];
    for (const type of types) {
      for (const field of Object.values(type.getFields()).filter(askable)) {
        const fragment = `... on ${type.name} { ${selectionOf(field)} }`;
        const listed = await ok<{
          nodes: { timeline: { edges: { node: Row }[] } }[];
        }>(
          service,
          service.adminToken,
          `query($ids: [ID!]!) { nodes(ids: $ids) { ... on KeyAccount {
              timeline(first: 30) { edges { node { __typename id ${fragment} } } } } } }`,
          { ids: [...accountIds] },
        );
        const rows = listed.nodes
          .flatMap((account) => account.timeline.edges.map((edge) => edge.node))
          .filter((row) => row.__typename === type.name)
          .slice(0, 100);
        if (rows.length === 0) continue;
        const whole = await ok<{ nodes: Row[] }>(
          service,
          service.adminToken,
          `query($ids: [ID!]!) { nodes(ids: $ids) { __typename id ${fragment} } }`,
          { ids: rows.map((row) => row.id) },
        );
        const name = `${type.name}.${field.name}`;
        const differing = rows.filter((row, i) => !sameAnswer(row, whole.nodes[i]));
        expect({ name, differing }).toEqual({ name, differing: [] });
        compared.push(name);
      }
    }
    // Every record type was met, and the screen's own fields are among those compared.
    expect(new Set(compared.map((name) => name.split('.')[0]))).toEqual(
      new Set(types.map((type) => type.name)),
    );
    expect(compared).toEqual(
      expect.arrayContaining([
        'FaultTicket.minutesLeft',
        'ActivationOrder.overdue',
        'FollowUp.stage',
      ]),
    );
  }, 300_000);
});
