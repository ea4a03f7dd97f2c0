import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import mongoose from 'mongoose';
import { freshDataDir, startServiceProcess, type ServiceProcess } from './support/service-process';
import { createBranch, createUser } from './support/world';

// Real processes on the embedded H2 store: the service and its database are SIGKILLed together,
// as a container stop or the OOM killer does, then started again on the same data.

jest.setTimeout(180_000);

/** The embedded database a service process runs, read directly (not through the service). */
async function openStore(dataDir: string) {
  const { uri } = JSON.parse(readFileSync(path.join(dataDir, 'embedded-db.json'), 'utf8')) as {
    uri: string;
  };
  const client = new mongoose.mongo.MongoClient(uri);
  return { db: client.db('journey'), close: () => client.close() };
}

const CREATE = 'mutation($i: CreateKeyAccountInput!) { createKeyAccount(input: $i) { id } }';

describe('durable acknowledgement', () => {
  const dirs: string[] = [];
  let service: ServiceProcess | undefined;
  afterEach(async () => {
    await service?.stop();
    service = undefined;
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('keeps every acknowledged createKeyAccount, with its audit entry, across SIGKILL of both processes', async () => {
    const dataDir = freshDataDir();
    dirs.push(dataDir);
    service = await startServiceProcess(dataDir);
    await createBranch(service, 'BK');
    await createUser(service, 'mgrK', { role: 'ACCOUNT_MANAGER', branchCode: 'BK' });

    const acknowledged = new Map<string, string>(); // externalId -> id
    let next = 0;
    let killed = false;
    const running = service;
    const worker = async () => {
      while (!killed) {
        const externalId = `BURST-${(next += 1)}`;
        try {
          const answer = await running.graphql<{ createKeyAccount: { id: string } }>(
            CREATE,
            {
              i: {
                externalId,
                sourceSystem: 'CRM',
                name: `Burst ${externalId}`,
                branchCode: 'BK',
                accountManagerLogin: 'mgrK',
              },
            },
            running.adminToken,
          );
          if (answer.data?.createKeyAccount) {
            acknowledged.set(externalId, answer.data.createKeyAccount.id);
          }
        } catch {
          // The connection died with the service: not acknowledged.
        }
      }
    };
    const workers = Array.from({ length: 12 }, worker);
    while (acknowledged.size < 150) await new Promise((resolve) => setTimeout(resolve, 10));
    await running.killAll();
    killed = true;
    await Promise.all(workers);
    const ackedIds = [...acknowledged.values()];

    service = await startServiceProcess(dataDir);
    const store = await openStore(dataDir);
    try {
      const ids = ackedIds.map((id) => new mongoose.Types.ObjectId(id));
      expect(await store.db.collection('keyaccounts').countDocuments({ _id: { $in: ids } })).toBe(
        ackedIds.length,
      );
      const audits = await store.db
        .collection('auditentries')
        .find({ entityType: 'KeyAccount', action: 'createKeyAccount' })
        .toArray();
      const perAccount = new Map<string, number>();
      for (const entry of audits) {
        perAccount.set(entry.entityId, (perAccount.get(entry.entityId) ?? 0) + 1);
      }
      // Exactly one entry for each acknowledged account ...
      expect(ackedIds.filter((id) => perAccount.get(id) !== 1)).toEqual([]);
      // ... and for every account stored, acknowledged or cut off before its answer.
      const stored = await store.db
        .collection('keyaccounts')
        .find({ externalId: /^BURST-/ })
        .project({ _id: 1 })
        .toArray();
      expect(stored.filter((row) => perAccount.get(String(row._id)) !== 1)).toEqual([]);
      expect(audits.length).toBe(stored.length);
    } finally {
      await store.close();
    }
  });
});
