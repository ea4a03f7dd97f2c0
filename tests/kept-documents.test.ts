import mongoose from 'mongoose';
import { runBackfills } from '../src/db/backfill-once';
import { FollowUpModel } from '../src/modules/follow-ups/follow-up.model';
import { refreshCurrentStages } from '../src/modules/journey/stage.service';
import { findByExternalIds } from '../src/modules/record-keys/record-key.service';
import { startTestService, stopTestService, type TestService } from './support/test-service';
import { buildWorld } from './support/world';

// The documents kept on write (natural keys, per-service tickets, per-account stage state) give
// the answers the records give: on a database whose records were stored before they were kept
// (rebuilt once at start), and after concurrent batches.

type Answer = {
  importRecords: {
    inserted: number;
    rejected: number;
    results: { status: string; id: string | null; reason: string | null }[];
  };
};

const IMPORT = `mutation($kind: String!, $source: String!, $rows: [JSONObject!]!) {
  importRecords(kind: $kind, sourceSystem: $source, rows: $rows) {
    inserted rejected results { status id reason }
  }
}`;

const DAY = 24 * 3_600_000;
const base = Date.parse('2025-03-01T00:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();

// A ticket on `serviceRef` reported on day `day`, restored two hours later, closed after three.
const ticket = (externalId: string, serviceRef: string, day: number, account = 'A1') => ({
  externalId,
  accountExternalId: account,
  serviceRef,
  severity: 'MINOR',
  channel: 'HOTLINE',
  reportedAt: iso(base + day * DAY),
  acknowledgedAt: iso(base + day * DAY + 600_000),
  restoredAt: iso(base + day * DAY + 7_200_000),
  closedAt: iso(base + day * DAY + 10_800_000),
});

describe('documents kept on write', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService();
    await buildWorld(service);
  });
  afterAll(() => stopTestService(service));

  const db = () => mongoose.connection.db!;
  const load = async (source: string, rows: object[]) => {
    const answer = await service.graphql<Answer>(
      IMPORT,
      { kind: 'fault-tickets', source, rows },
      service.adminToken,
    );
    expect(answer.errors).toBeUndefined();
    return answer.data!.importRecords;
  };
  const stored = (externalId: string) =>
    db().collection('faulttickets').findOne({ sourceSystem: 'OSS', externalId });

  it('rebuilds keys and service documents once for records stored before they were kept', async () => {
    expect((await load('OSS', [ticket('OLD-1', 'KD-1', 0)])).inserted).toBe(1);
    // What a database written before these documents existed looks like.
    for (const name of ['recordkeys', 'faultservices', 'accountstages', 'backfills'])
      await db().collection(name).deleteMany({});
    expect(await runBackfills()).toEqual([
      'recordKeys:1',
      'recordKeys:2',
      'faultServices:1',
      'scorecardTargetIds',
      'scorecardSnapshotVersions',
    ]);
    expect(await runBackfills()).toEqual([]);

    // Reported 10 days after OLD-1's restoration on the same service: a repeat of it.
    await load('OSS', [ticket('NEW-1', 'KD-1', 10)]);
    expect((await stored('NEW-1'))!.repeatOfTicketId).toEqual((await stored('OLD-1'))!._id);
    // The same ticket under another source system is refused (a file with the wrong token).
    const copy = await load('CRM', [ticket('OLD-1', 'KD-1', 0)]);
    expect(copy.rejected).toBe(1);
    expect(copy.results[0]!.reason).toMatch(/already imported from source system OSS/);
    // The stored ticket is found by its kept key: unchanged, not a second insert.
    expect((await load('OSS', [ticket('OLD-1', 'KD-1', 0)])).results[0]!.status).toBe('UNCHANGED');
  });

  it('finds a repeat across concurrent batches and keeps the stage the records give', async () => {
    // Six services, each with a first ticket and one 5 days after its restoration, the two in
    // different batches sent at once; plus an open ticket on another account.
    const firsts = Array.from({ length: 6 }, (_, i) => ticket(`CF-${i}`, `KC-${i}`, 20));
    const seconds = Array.from({ length: 6 }, (_, i) => ticket(`CS-${i}`, `KC-${i}`, 25));
    const open = {
      ...ticket('CO-1', 'KC-O', 26, 'A2'),
      acknowledgedAt: '',
      restoredAt: '',
      closedAt: '',
    };
    await Promise.all([load('OSS', firsts), load('OSS', [...seconds, open])]);
    for (let i = 0; i < 6; i += 1)
      expect((await stored(`CS-${i}`))!.repeatOfTicketId).toEqual((await stored(`CF-${i}`))!._id);

    const accounts = await db().collection('keyaccounts').find().sort({ _id: 1 }).toArray();
    const kept = accounts.map((account) => account.currentStage);
    expect(kept).toContain('FAULT_REPORTING');
    await refreshCurrentStages(accounts.map((account) => account._id));
    const fromRecords = await db().collection('keyaccounts').find().sort({ _id: 1 }).toArray();
    expect(kept).toEqual(fromRecords.map((account) => account.currentStage));
  });

  it('keeps the keys of cadence follow-ups, and once those of follow-ups stored before', async () => {
    // The closed tickets above scheduled post-repair follow-ups: the cadence keeps their keys.
    const followUps = await db()
      .collection('followups')
      .find({ sourceSystem: 'CADENCE' })
      .toArray();
    expect(followUps.length).toBeGreaterThanOrEqual(6);
    const externalIds = followUps.map((followUp) => String(followUp.externalId)).sort();
    const found = async () =>
      (await findByExternalIds(FollowUpModel, externalIds)).map((f) => f.externalId).sort();
    expect(await found()).toEqual(externalIds);
    // A database whose follow-ups were stored before they were keyed: the second backfill.
    await db()
      .collection<{ _id: string }>('recordkeys')
      .deleteMany({ _id: { $in: externalIds.map((id) => `followups:${id}`) } });
    await db().collection<{ _id: string }>('backfills').deleteMany({ _id: 'recordKeys:2' });
    expect(await found()).toEqual([]);
    expect(await runBackfills()).toEqual(['recordKeys:2']);
    expect(await found()).toEqual(externalIds);
  });
});
