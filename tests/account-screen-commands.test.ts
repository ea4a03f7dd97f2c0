import mongoose from 'mongoose';
import { loadTestDemoData } from './support/demo';
import { ACCOUNT_SCREEN } from './support/account-screen';
import { startTestService, stopTestService, type TestService } from './support/test-service';
import { issueTokenFor, ok } from './support/world';
import { isKeyed, uniqueKeysOf } from './support/keyed-filters';

// The account manager's screen (docs/account-managers.md, "AccountManagerScreen") reaches every
// document through the only filters mongo-java-server answers from an index (see keyed-filters).

type Command = { commandName: string; command: Record<string, unknown> };
type Filter = Record<string, unknown>;

// The filter a read command selects its documents by (an aggregation: its leading `$match`).
function filterOf({ commandName, command }: Command): Filter | null {
  if (commandName === 'find') return (command.filter as Filter | undefined) ?? {};
  const first = (command.pipeline as Filter[] | undefined)?.[0];
  return (first?.$match as Filter | undefined) ?? null;
}

describe('the account screen issues no query the stand-in answers by scanning', () => {
  let service: TestService;
  let token: string;

  beforeAll(async () => {
    service = await startTestService();
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

  it.each([20, 100])('keyAccounts(first: %i) with orders, tickets and timeline', async (first) => {
    const commands: Command[] = [];
    const client = mongoose.connection.getClient();
    const listen = (event: Command) => commands.push(event);
    client.on('commandStarted', listen);
    let accounts: { node: { timeline: { edges: unknown[] } } }[];
    try {
      const { keyAccounts } = await ok<{
        keyAccounts: { totalCount: number; edges: typeof accounts };
      }>(service, token, ACCOUNT_SCREEN, { first });
      accounts = keyAccounts.edges;
      // The demo's Hangzhou branch has 16 accounts, each with a timeline.
      expect(keyAccounts.totalCount).toBe(16);
      expect(accounts).toHaveLength(16);
    } finally {
      client.off('commandStarted', listen);
    }
    expect(accounts.every(({ node }) => node.timeline.edges.length > 0)).toBe(true);
    const reads = commands.filter((c) =>
      ['find', 'aggregate', 'count', 'distinct'].includes(c.commandName),
    );
    const collections = new Set(reads.map((c) => String(c.command[c.commandName])));
    // The page, its accounts and their records are all read by key.
    for (const name of ['branchdirectories', 'keyaccounts', 'accountrecords', 'faulttickets']) {
      expect(collections).toContain(name);
    }
    const scanning = [];
    for (const read of reads) {
      const collection = String(read.command[read.commandName]);
      const filter = filterOf(read);
      if (!filter || !isKeyed(filter, await uniqueKeysOf(collection))) {
        scanning.push({ commandName: read.commandName, collection, filter });
      }
    }
    expect(scanning).toEqual([]);
  });
});
