import mongoose from 'mongoose';
import { FollowUpModel } from '../src/modules/follow-ups/follow-up.model';
import { consequenceKind } from '../src/modules/consequences/consequence-kinds';
import { clearListCache } from '../src/modules/journey/account-records';
import { clearDirectoryCache } from '../src/modules/accounts/branch-directory';
import { KeyAccountModel } from '../src/modules/accounts/account.model';
import { clearPagedAccounts } from '../src/modules/accounts/directory-pages';
import { relist } from './support/kept-lists';
import { startTestService, stopTestService, type TestService } from './support/test-service';
import { buildWorld, createAccount, ok, type World } from './support/world';

// The account screen keeps the accounts' lists it has decoded (src/modules/journey/
// account-records-cache.ts) and serves one only while its stored version is the one it was read
// at; and each branch's directory as decoded and sorted, and each account on its pages as decoded,
// served only while the document read is the same to the byte (src/db/decoded-cache.ts). The caches learn nothing from writes (another
// process's writes never reach them), so every change below must be seen on the very next
// request, and a warm answer is a cold one.

const SCHEDULE = `mutation($i: ScheduleFollowUpInput!) { scheduleFollowUp(input: $i) { id } }`;
const COMPLETE = `mutation($id: ID!, $at: DateTime!) { completeFollowUp(id: $id, at: $at) { id } }`;
const SCREEN = `{ keyAccounts(first: 10) { edges { node { id
  timeline(first: 5) { edges { node { __typename id occurredAt } } } } } } }`;
const NODE = `query($id: ID!) { node(id: $id) { ... on KeyAccount { id
  timeline(first: 5) { edges { node { id occurredAt } } } } } }`;

type Event = { id: string; occurredAt: string };
type Screen = {
  keyAccounts: { edges: { node: { id: string; timeline: { edges: { node: Event }[] } } }[] };
};

describe("the account screen's cache of decoded lists", () => {
  let service: TestService;
  let world: World;
  const db = () => mongoose.connection.db!;

  beforeAll(async () => {
    service = await startTestService();
    world = await buildWorld(service);
  });
  afterAll(() => stopTestService(service));

  const schedule = async (accountId: string, dueAt: string) =>
    (
      await ok(service, world.tokens.mgrA1, SCHEDULE, {
        i: { accountId, purpose: 'OTHER', channel: 'PHONE', dueAt },
      })
    ).scheduleFollowUp.id as string;
  const timelineOf = async (accountId: string) => {
    const { keyAccounts } = await ok<Screen>(service, world.tokens.mgrA1, SCREEN);
    const account = keyAccounts.edges.find(({ node }) => node.id === accountId)!;
    return account.node.timeline.edges.map(({ node }) => node);
  };

  it('shows a record written after the list was cached on the next request', async () => {
    const first = await schedule(world.accounts.own, '2026-03-02T09:00:00Z');
    expect((await timelineOf(world.accounts.own)).map((e) => e.id)).toEqual([first]);
    const second = await schedule(world.accounts.own, '2026-03-09T09:00:00Z');
    expect((await timelineOf(world.accounts.own)).map((e) => e.id)).toEqual([second, first]);
    // Completed after both were due: it moves to the top.
    await ok(service, world.tokens.mgrA1, COMPLETE, { id: first, at: '2026-03-20T10:00:00Z' });
    expect(await timelineOf(world.accounts.own)).toEqual([
      { __typename: 'FollowUp', id: first, occurredAt: '2026-03-20T10:00:00.000Z' },
      { __typename: 'FollowUp', id: second, occurredAt: '2026-03-09T09:00:00.000Z' },
    ]);
  });

  // The repair of a list (docs/operations.md): delete it, and it is rebuilt from the records on
  // its next read, here by another instance (its rebuild, done as it does it: the record listed
  // again, the list marked complete), after the record moved behind the services' back. The
  // rebuilt list says something else than this process's cached one after as many writes (one):
  // a version that counted writes would be the same again, and the cached list would be served.
  it('does not serve a list cached before another instance deleted and rebuilt it', async () => {
    const accountId = await createAccount(service, {
      externalId: 'A3',
      branchCode: 'BA',
      accountManagerLogin: 'mgrA1',
    });
    const id = await schedule(accountId, '2026-04-02T09:00:00Z');
    expect(await timelineOf(accountId)).toEqual([
      { __typename: 'FollowUp', id, occurredAt: '2026-04-02T09:00:00.000Z' },
    ]);
    const moved = new Date('2026-04-05T09:00:00Z');
    const recordId = new mongoose.Types.ObjectId(id);
    await FollowUpModel.collection.updateOne(
      { _id: recordId },
      { $set: { dueAt: moved, journeyAt: moved } },
    );
    const _id = new mongoose.Types.ObjectId(accountId);
    await db().collection('accountrecords').deleteOne({ _id });
    await relist(FollowUpModel, [recordId]);
    await consequenceKind('accountRecordsOpened').apply([
      { id: new mongoose.Types.ObjectId(), recordId: _id, source: 'KeyAccount', args: null },
    ]);
    expect(await timelineOf(accountId)).toEqual([
      { __typename: 'FollowUp', id, occurredAt: '2026-04-05T09:00:00.000Z' },
    ]);
  });

  it('applies the access scope to every request, cached or not', async () => {
    const { own } = world.accounts;
    await timelineOf(own);
    // Cached by mgrA1's read: another branch's manager still finds no such account.
    const other = await ok(service, world.tokens.mgrB1, NODE, { id: own });
    expect(other.node).toBeNull();
    const same = await ok(service, world.tokens.headA, NODE, { id: own });
    expect(same.node.timeline.edges).toHaveLength(2);
  });

  // Another instance renames an account: the write, then its consequence renaming it in the
  // branch's directory. The directory read next has other bytes, so the page is in the new order
  // at once (the names shown come from the accounts, the order from the directory). The same for
  // a province-wide reader, whose list merges every branch's directory: the merge kept from the
  // page before is not served once one directory reads otherwise.
  it.each([
    ["a branch's directory", () => world.tokens.mgrA1, 'Aaa first by name'],
    ["the province's merged list", () => service.adminToken, 'AAA first in the province'],
  ])(
    'does not serve %s kept before another instance renamed an account',
    async (_, token, name) => {
      const PAGE = `{ keyAccounts(first: 100) { totalCount edges { node { id name } } } }`;
      type Page = { keyAccounts: { totalCount: number; edges: { node: { id: string } }[] } };
      const before = (await ok<Page>(service, token(), PAGE)).keyAccounts;
      const last = before.edges.at(-1)!.node.id;
      expect(before.edges[0]!.node.id).not.toBe(last);
      const _id = new mongoose.Types.ObjectId(last);
      const { branchCode } = (await KeyAccountModel.collection.findOne({ _id }))!;
      await KeyAccountModel.collection.updateOne({ _id }, { $set: { name } });
      await db()
        .collection('branchdirectories')
        .updateOne({ _id: branchCode } as never, { $set: { [`accounts.${last}`]: name } });
      const after = (await ok<Page>(service, token(), PAGE)).keyAccounts;
      expect(after.edges[0]!.node).toEqual({ id: last, name });
      expect(after.totalCount).toBe(before.totalCount);
    },
  );

  // Another instance changes an account (its tier) after this one decoded it for a page.
  it('does not serve an account kept before another instance changed it', async () => {
    const PAGE = `{ keyAccounts(first: 50) { edges { node { id tier } } } }`;
    type Page = { keyAccounts: { edges: { node: { id: string; tier: string } }[] } };
    const tierOf = async (id: string) =>
      (await ok<Page>(service, world.tokens.mgrA1, PAGE)).keyAccounts.edges.find(
        ({ node }) => node.id === id,
      )!.node.tier;
    const id = world.accounts.own;
    const tier = await tierOf(id);
    const other = tier === 'A' ? 'B' : 'A';
    const _id = new mongoose.Types.ObjectId(id);
    await KeyAccountModel.collection.updateOne({ _id }, { $set: { tier: other } });
    expect(await tierOf(id)).toBe(other);
    await KeyAccountModel.collection.updateOne({ _id }, { $set: { tier } });
    expect(await tierOf(id)).toBe(tier);
  });

  it('answers warm exactly as cold', async () => {
    clearListCache();
    clearDirectoryCache();
    clearPagedAccounts();
    const cold = await service.graphql(SCREEN, {}, world.tokens.mgrA1);
    const warm = await service.graphql(SCREEN, {}, world.tokens.mgrA1);
    expect(JSON.stringify(warm)).toBe(JSON.stringify(cold));
    expect(cold.errors).toBeUndefined();
  });
});
