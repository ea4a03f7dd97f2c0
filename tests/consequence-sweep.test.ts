import mongoose from 'mongoose';
import { auditConsequence } from '../src/modules/audit/audit.service';
import type { PendingConsequence } from '../src/modules/consequences/consequence-kinds';
import { modelsWithPending } from '../src/modules/consequences/pending-consequences';
import { lifecycleConsequence } from '../src/modules/journey/lifecycle-hooks';
import { stageConsequence } from '../src/modules/journey/stage.service';
import { startTestService, stopTestService, type TestService } from './support/test-service';
import { buildWorld, type World } from './support/world';
import { registerLeftWrite } from './support/left-pending';

// A consequence left pending on purpose (as a crash between a write and its consequences leaves
// it) is applied by the periodic sweep, once, however often it is found.

describe('the consequence sweep', () => {
  let service: TestService;
  let world: World;
  beforeAll(async () => {
    service = await startTestService({ CONSEQUENCE_SWEEP_INTERVAL_MS: '100' });
    world = await buildWorld(service);
  });
  afterAll(() => stopTestService(service));

  const db = () => mongoose.connection.db!;

  async function leavePending(accountId: mongoose.Types.ObjectId, entries: PendingConsequence[]) {
    // Due an hour ago: older than a sweep interval, so no writer is still applying them.
    const due = entries.map((entry) => ({ ...entry, at: new Date(Date.now() - 3_600_000) }));
    await registerLeftWrite('keyaccounts', { _id: accountId }, due[0]!.at);
    await db()
      .collection('keyaccounts')
      .updateOne({ _id: accountId }, { $push: { pendingConsequences: { $each: due } } as never });
  }

  async function settled(accountId: mongoose.Types.ObjectId) {
    for (let i = 0; i < 100; i += 1) {
      const account = await db().collection('keyaccounts').findOne({ _id: accountId });
      if (!account?.pendingConsequences?.length) return account;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('the sweep did not apply the pending consequences');
  }

  it('applies a pending audit entry, stage refresh and follow-up scheduling exactly once', async () => {
    const accountId = new mongoose.Types.ObjectId(world.accounts.own);
    const ticketId = new mongoose.Types.ObjectId();
    const complaintId = new mongoose.Types.ObjectId();
    await db()
      .collection('keyaccounts')
      .updateOne({ _id: accountId }, { $set: { currentStage: 'BILLING' } });
    const entries = [
      auditConsequence({
        actor: { system: 'sweep-test' },
        action: 'leftPending',
        entityType: 'KeyAccount',
        entityId: String(accountId),
        branchCode: 'BA',
        changes: [{ field: 'name', before: 'a', after: 'b' }],
      }),
      stageConsequence(accountId),
      lifecycleConsequence('faultTicketClosed', {
        ticketId,
        accountId,
        branchCode: 'BA',
        closedAt: new Date('2025-05-01T08:00:00Z'),
      }),
      lifecycleConsequence('complaintResolved', {
        complaintId,
        accountId,
        branchCode: 'BA',
        resolution: 1,
        resolvedAt: new Date('2025-05-02T08:00:00Z'),
      }),
    ];
    await leavePending(accountId, entries);
    const account = await settled(accountId);
    // The account has no records: its stage is recomputed as CONSULTING.
    expect(account!.currentStage).toBe('CONSULTING');
    const audits = () => db().collection('auditentries').countDocuments({ _id: entries[0]!._id });
    const followUps = () =>
      db()
        .collection('followups')
        .countDocuments({
          externalId: {
            $in: [`POST_REPAIR:${String(ticketId)}`, `POST_COMPLAINT:${String(complaintId)}:1`],
          },
        });
    const scheduled = () =>
      db().collection('auditentries').countDocuments({ action: 'scheduleFollowUp' });
    expect(await audits()).toBe(1);
    expect(await followUps()).toBe(2);
    expect(await scheduled()).toBe(2);

    // Found again (a crash after applying, before clearing): nothing is written twice.
    await leavePending(accountId, entries);
    await settled(accountId);
    expect(await audits()).toBe(1);
    expect(await followUps()).toBe(2);
    expect(await scheduled()).toBe(2);
  });

  it("reads, on MongoDB, only the records holding entries: each such collection has an index on the entries' time", async () => {
    const models = modelsWithPending();
    expect(models.length).toBeGreaterThan(5);
    for (const model of models) {
      const keys = (await model.collection.indexes()).map((index) => index.key);
      expect({ collection: model.collection.name, keys }).toEqual({
        collection: model.collection.name,
        keys: expect.arrayContaining([{ 'pendingConsequences.at': 1 }]),
      });
    }
  });
});
