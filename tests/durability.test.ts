import mongoose from 'mongoose';
import {
  killDuringBurst,
  openStore,
  serviceProcesses,
  type ServiceProcess,
} from './support/service-process';
import { ANY_PENDING } from '../src/modules/consequences/pending-consequences';
import { createBranch, createUser } from './support/world';

// Real processes on the embedded H2 store: the service and its database are SIGKILLed together,
// as a container stop or the OOM killer does, then started again on the same data.

jest.setTimeout(180_000);

const IMPORT = `mutation($rows: [JSONObject!]!) {
  importRecords(kind: "fault-tickets", sourceSystem: "OSS", rows: $rows) {
    inserted updated unchanged rejected
  }
}`;

type BatchCounts = { inserted: number; updated: number; unchanged: number; rejected: number };

const ACCOUNTS = 20;
const TICKETS = 800;
const BATCH = 200;

/** Closed tickets on 20 accounts: every one is due a post-repair follow-up. */
function ticketRows(): Record<string, string>[] {
  const base = Date.parse('2025-06-02T01:00:00Z');
  const iso = (ms: number) => new Date(ms).toISOString();
  return Array.from({ length: TICKETS }, (_, i) => {
    // Each ticket on a service of its own, hours apart: no ticket repeats another.
    const reported = base + i * 3_600_000;
    return {
      externalId: `KT-${i}`,
      accountExternalId: `KA-${i % ACCOUNTS}`,
      serviceRef: `CIR-${i}`,
      severity: 'MAJOR',
      channel: 'NOC',
      reportedAt: iso(reported),
      acknowledgedAt: iso(reported + 5 * 60_000),
      restoredAt: iso(reported + 90 * 60_000),
      closedAt: iso(reported + 150 * 60_000),
    };
  });
}

const CREATE = 'mutation($i: CreateKeyAccountInput!) { createKeyAccount(input: $i) { id } }';

describe('durable acknowledgement', () => {
  const services = serviceProcesses();

  it('keeps every acknowledged createKeyAccount, with its audit entry, across SIGKILL of both processes', async () => {
    const dataDir = services.dataDir();
    const service = await services.start(dataDir);
    await createBranch(service, 'BK');
    await createUser(service, 'mgrK', { role: 'ACCOUNT_MANAGER', branchCode: 'BK' });

    const acknowledged = new Map<string, string>(); // externalId -> id
    await killDuringBurst({
      service,
      workers: 12,
      enough: () => acknowledged.size >= 150,
      work: async (n) => {
        const externalId = `BURST-${n}`;
        const answer = await service.graphql<{ createKeyAccount: { id: string } }>(
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
          service.adminToken,
        );
        if (answer.data?.createKeyAccount) {
          acknowledged.set(externalId, answer.data.createKeyAccount.id);
        }
      },
    });
    const ackedIds = [...acknowledged.values()];

    // Started again on the same data: its start applies whatever was left pending.
    await services.start(dataDir);
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
      expect(await store.rollupDifferences()).toEqual([]);
      expect(await store.listDifferences()).toEqual([]);
    } finally {
      await store.close();
    }
  });

  it('after SIGKILL of both during a fault-ticket import, a re-run leaves exactly one clean run', async () => {
    const dataDir = services.dataDir();
    let service = await services.start(dataDir);
    await createBranch(service, 'BK');
    await createUser(service, 'mgrK', { role: 'ACCOUNT_MANAGER', branchCode: 'BK' });
    const token = await createUser(service, 'int.oss', {
      role: 'INTEGRATION',
      sourceSystem: 'OSS',
    });
    for (let i = 0; i < ACCOUNTS; i += 1) {
      await service.graphql(
        CREATE,
        {
          i: {
            externalId: `KA-${i}`,
            sourceSystem: 'CRM',
            name: `Kill account ${i}`,
            branchCode: 'BK',
            accountManagerLogin: 'mgrK',
          },
        },
        service.adminToken,
      );
    }
    const rows = ticketRows();
    const batches = Array.from({ length: TICKETS / BATCH }, (_, i) =>
      rows.slice(i * BATCH, (i + 1) * BATCH),
    );
    const send = (target: ServiceProcess, batch: Record<string, string>[]) =>
      target.graphql<{ importRecords: BatchCounts }>(IMPORT, { rows: batch }, token);

    // Two batches acknowledged, the third killed in flight (while its consequences run).
    for (const batch of batches.slice(0, 2)) {
      expect((await send(service, batch)).data?.importRecords.inserted).toBe(BATCH);
    }
    const cut = send(service, batches[2]!).catch(() => null);
    await new Promise((resolve) => setTimeout(resolve, 150));
    await service.killAll();
    await cut;

    // The whole file again, as an integration script's retry does.
    service = await services.start(dataDir);
    const rerun: BatchCounts = { inserted: 0, updated: 0, unchanged: 0, rejected: 0 };
    for (const batch of batches) {
      const counts = (await send(service, batch)).data!.importRecords;
      for (const key of Object.keys(rerun) as (keyof BatchCounts)[]) rerun[key] += counts[key];
    }
    expect(rerun.rejected).toBe(0);
    expect(rerun.updated).toBe(0);
    expect(rerun.inserted + rerun.unchanged).toBe(TICKETS);
    expect(rerun.unchanged).toBeGreaterThanOrEqual(2 * BATCH);

    const store = await openStore(dataDir);
    try {
      const { db } = store;
      expect(await db.collection('faulttickets').countDocuments({ sourceSystem: 'OSS' })).toBe(
        TICKETS,
      );
      const followUps = await db
        .collection('followups')
        .find({ sourceSystem: 'CADENCE', purpose: 'POST_REPAIR' })
        .toArray();
      // One post-repair follow-up per closed ticket, never two.
      expect(followUps.length).toBe(TICKETS);
      expect(new Set(followUps.map((f) => String(f.followsTicketId))).size).toBe(TICKETS);
      const audits = db.collection('auditentries');
      expect(await audits.countDocuments({ entityType: 'FaultTicket' })).toBe(TICKETS);
      expect(await audits.countDocuments({ action: 'scheduleFollowUp' })).toBe(TICKETS);
      // Nothing left pending, and every account's stage follows its latest (closed) ticket.
      for (const name of ['faulttickets', 'followups', 'keyaccounts']) {
        expect(await db.collection(name).countDocuments(ANY_PENDING)).toBe(0);
      }
      expect(await db.collection('keyaccounts').countDocuments({ currentStage: 'REPAIR' })).toBe(
        ACCOUNTS,
      );
      expect(await store.rollupDifferences()).toEqual([]);
      expect(await store.listDifferences()).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
