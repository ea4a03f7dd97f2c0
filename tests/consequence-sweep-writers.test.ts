import mongoose from 'mongoose';
import { FollowUpModel } from '../src/modules/follow-ups/follow-up.model';
import { listedRecordConsequences } from '../src/modules/journey/account-records';
import { startTestService, stopTestService, type TestService } from './support/test-service';
import { buildWorld, ok, type World } from './support/world';
import { registerLeftWrite } from './support/left-pending';

// Each writer's own audit consequence, left pending in its record as a kill between the write
// and the application of its consequences leaves it, is applied by the sweep exactly once. The
// mutation runs for real; then its audit entry is taken back into the record as pending (same id,
// same content, an hour old) and the entry removed, which is the state a kill leaves behind.

const db = () => mongoose.connection.db!;
const HOUR_AGO = () => new Date(Date.now() - 3_600_000);

type Written = { action: string; collection: string; record: Record<string, unknown> };

// The writes under test: the mutation, its variables, and where its record is stored.
const WRITES: {
  action: string;
  query: string;
  variables: (world: World) => Record<string, unknown>;
  collection: string;
  /** The record, from the audit entry's entity id (the record id, or the key the API names it by). */
  record: (entityId: string) => Record<string, unknown>;
}[] = [
  {
    action: 'scheduleFollowUp',
    query: 'mutation($i: ScheduleFollowUpInput!) { scheduleFollowUp(input: $i) { id } }',
    variables: (world) => ({
      i: {
        accountId: world.accounts.own,
        purpose: 'OTHER',
        channel: 'ON_SITE',
        dueAt: '2025-03-01T02:00:00Z',
      },
    }),
    collection: 'followups',
    record: (id) => ({ _id: new mongoose.Types.ObjectId(id) }),
  },
  {
    action: 'recordSurveyResponse',
    query: 'mutation($i: RecordSurveyResponseInput!) { recordSurveyResponse(input: $i) { id } }',
    variables: (world) => ({
      i: {
        accountId: world.accounts.own,
        respondedAt: '2025-03-02T02:00:00Z',
        channel: 'PHONE',
        cs1: 9,
        cs2: 8,
        cs3: 9,
      },
    }),
    collection: 'surveyresponses',
    record: (id) => ({ _id: new mongoose.Types.ObjectId(id) }),
  },
  {
    action: 'createConsultation',
    query: 'mutation($i: ConsultationInput!) { createConsultation(input: $i) { id } }',
    variables: (world) => ({
      i: {
        accountId: world.accounts.own,
        channel: 'HOTLINE',
        askedAt: '2025-03-03T02:00:00Z',
        topic: 'tariff',
      },
    }),
    collection: 'consultations',
    record: (id) => ({ _id: new mongoose.Types.ObjectId(id) }),
  },
  {
    action: 'createBranch',
    query: 'mutation($i: CreateBranchInput!) { createBranch(input: $i) { code } }',
    variables: () => ({ i: { code: 'SW', name: 'Sweep' } }),
    collection: 'branches',
    record: (code) => ({ code }),
  },
  {
    action: 'createUser',
    query: 'mutation($i: CreateUserInput!) { createUser(input: $i) { token } }',
    variables: () => ({ i: { login: 'sweeper', name: 'Sweeper', role: 'HQ_ANALYST' } }),
    collection: 'users',
    record: (id) => ({ _id: new mongoose.Types.ObjectId(id) }),
  },
  {
    action: 'issueToken',
    query: 'mutation { issueToken(input: { login: "sweeper", label: "second" }) { token } }',
    variables: () => ({}),
    collection: 'apitokens',
    record: (id) => ({ _id: new mongoose.Types.ObjectId(id) }),
  },
  {
    action: 'setSlaPolicy',
    query: 'mutation($i: SetSlaPolicyInput!) { setSlaPolicy(input: $i) { version } }',
    variables: () => ({
      i: {
        scope: 'BRANCH',
        scopeKey: 'BA',
        effectiveFrom: '2025-01-01T00:00:00Z',
        restorationTargets: [{ severity: 'MINOR', minutes: 720 }],
      },
    }),
    collection: 'slapolicies',
    record: (id) => ({ _id: new mongoose.Types.ObjectId(id) }),
  },
  {
    action: 'setScorecardTarget',
    query: 'mutation($i: ScorecardTargetInput!) { setScorecardTarget(input: $i) { target } }',
    variables: () => ({
      i: { branchCode: 'BA', period: '2026-Q1', figure: 'activationOnTimeRate', target: 0.9 },
    }),
    collection: 'scorecardtargets',
    record: (key) => {
      const [branchCode, period, figure] = key.split('/');
      return { branchCode, period, figure };
    },
  },
  {
    action: 'upsertSurveyAttribute',
    query: 'mutation($i: SurveyAttributeInput!) { upsertSurveyAttribute(input: $i) { key } }',
    variables: () => ({ i: { key: 'SWEEP_CHECK', label: 'Sweep check', stage: 'CONSULTING' } }),
    collection: 'surveyattributes',
    record: (key) => ({ key }),
  },
  {
    action: 'upsertCompetitor',
    query: 'mutation($i: CompetitorInput!) { upsertCompetitor(input: $i) { code } }',
    variables: () => ({ i: { code: 'SWEEPCO', name: 'Sweep Co' } }),
    collection: 'competitors',
    record: (code) => ({ code }),
  },
];

describe('the consequence sweep, for every writer', () => {
  let service: TestService;
  let world: World;
  beforeAll(async () => {
    service = await startTestService({ CONSEQUENCE_SWEEP_INTERVAL_MS: '100' });
    world = await buildWorld(service);
  });
  afterAll(() => stopTestService(service));

  // Takes the applied audit entry back into its record as pending, as a kill before it was
  // applied leaves it; returns the entry's id.
  async function leaveAuditPending(written: Written, entry: Record<string, unknown>) {
    const { _id, ...args } = entry;
    const pending = { _id, kind: 'audit', args, at: HOUR_AGO() };
    await registerLeftWrite(written.collection, written.record, pending.at);
    const pushed = await db()
      .collection(written.collection)
      .updateOne(written.record, { $push: { pendingConsequences: pending } as never });
    expect(pushed.matchedCount).toBe(1);
    return _id as mongoose.Types.ObjectId;
  }

  async function untilSettled(collection: string, filter: Record<string, unknown>) {
    for (let i = 0; i < 100; i += 1) {
      const record = await db().collection(collection).findOne(filter);
      if (!record?.pendingConsequences?.length) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`the sweep left consequences pending in ${collection}`);
  }

  it.each(WRITES.map((write) => [write.action, write] as const))(
    '%s: its audit entry, left pending, is written once by the sweep',
    async (_action, write) => {
      const audits = () => db().collection('auditentries').countDocuments({ action: write.action });
      const before = await audits();
      await ok(service, service.adminToken, write.query, write.variables(world));
      const entries = await db()
        .collection('auditentries')
        .find({ action: write.action })
        .sort({ at: -1 })
        .limit(1)
        .toArray();
      expect(await audits()).toBe(before + 1);
      const written = {
        action: write.action,
        collection: write.collection,
        record: write.record(String(entries[0]!.entityId)),
      };

      // The entry is removed first: in a kill it never existed, and a sweep running between the
      // two steps must find nothing applied yet.
      await db().collection('auditentries').deleteOne({ _id: entries[0]!._id });
      const id = await leaveAuditPending(written, entries[0]!);
      await untilSettled(write.collection, written.record);
      expect(await db().collection('auditentries').findOne({ _id: id })).toEqual(entries[0]);

      // Found again after it was applied (a kill before the clearing): nothing is written twice.
      await leaveAuditPending(written, entries[0]!);
      await untilSettled(write.collection, written.record);
      expect(await audits()).toBe(before + 1);
    },
  );

  it('a consultation raised by a completed visit, left pending, is created and linked once', async () => {
    const scheduled = await ok(
      service,
      service.adminToken,
      'mutation($i: ScheduleFollowUpInput!) { scheduleFollowUp(input: $i) { id } }',
      {
        i: {
          accountId: world.accounts.own,
          purpose: 'OTHER',
          channel: 'ON_SITE',
          dueAt: '2025-04-01T02:00:00Z',
        },
      },
    );
    const followUpId = new mongoose.Types.ObjectId(scheduled.scheduleFollowUp.id as string);
    // The completion without its consequences, as a kill right after its write leaves it: the
    // status changed, and the raised consultation waits in the follow-up.
    const consequenceId = new mongoose.Types.ObjectId();
    const raise = {
      _id: consequenceId,
      kind: 'raiseConsultation',
      args: {
        followUpId,
        accountId: new mongoose.Types.ObjectId(world.accounts.own),
        branchCode: 'BA',
        askedAt: new Date('2025-04-01T03:00:00Z'),
        topic: 'fibre upgrade',
        actor: { userId: null, login: 'admin', role: 'ADMIN' },
        recordedBy: 'admin',
      },
      at: HOUR_AGO(),
    };
    const followUps = db().collection('followups');
    // The completion also stores the refresh of the follow-up's scorecard rollups.
    const rollup = {
      _id: new mongoose.Types.ObjectId(),
      kind: 'rollup',
      args: null,
      at: HOUR_AGO(),
    };
    // And the follow-up's listing in its account's records (no longer open), as every
    // transition stores it.
    const listing = listedRecordConsequences(FollowUpModel, {
      accountId: new mongoose.Types.ObjectId(world.accounts.own),
      journeyAt: new Date('2025-04-01T02:00:00Z'),
      status: 'COMPLETED',
      revision: 1,
    }).map((entry) => ({ ...entry, at: HOUR_AGO() }));
    await registerLeftWrite('followups', { _id: followUpId }, HOUR_AGO());
    await followUps.updateOne(
      { _id: followUpId },
      {
        $set: { status: 'COMPLETED', completedAt: new Date('2025-04-01T03:00:00Z') },
        $inc: { revision: 1 },
        $push: { pendingConsequences: { $each: [raise, rollup, ...listing] } } as never,
      },
    );
    await untilSettled('followups', { _id: followUpId });
    const consultations = () =>
      db().collection('consultations').find({ topic: 'fibre upgrade' }).toArray();
    const created = await consultations();
    expect(created.map((c) => String(c._id))).toEqual([String(consequenceId)]);
    expect((await followUps.findOne({ _id: followUpId }))!.raisedConsultationId).toEqual(
      consequenceId,
    );
    // The consultation's own consequences ran: its audit entry and the account's stage.
    const consultationAudits = () =>
      db()
        .collection('auditentries')
        .countDocuments({ entityId: String(consequenceId), action: 'createConsultation' });
    await untilSettled('consultations', { _id: consequenceId });
    expect(await consultationAudits()).toBe(1);

    // Found again: no second consultation, no second entry.
    await registerLeftWrite('followups', { _id: followUpId }, HOUR_AGO());
    await followUps.updateOne({ _id: followUpId }, {
      $push: { pendingConsequences: raise },
    } as never);
    await untilSettled('followups', { _id: followUpId });
    expect(await consultations()).toHaveLength(1);
    expect(await consultationAudits()).toBe(1);
  });
});
