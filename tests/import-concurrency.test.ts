import mongoose from 'mongoose';
import { startTestService, stopTestService, type TestService } from './support/test-service';
import { buildWorld, type World } from './support/world';

// Overlapping batches sent at once end as a sequential run of the same batches would: the same
// records, each row reported as what happened to it, one consequence per record, audit entries
// naming the record ids, and never an internal error.

type Counts = { inserted: number; updated: number; unchanged: number; rejected: number };
type Answer = { importRecords: Counts & { results: { status: string; id: string | null }[] } };

const IMPORT = `mutation($kind: String!, $source: String!, $rows: [JSONObject!]!) {
  importRecords(kind: $kind, sourceSystem: $source, rows: $rows) {
    inserted updated unchanged rejected results { status id }
  }
}`;

const sum = (answers: Counts[]) =>
  answers.reduce(
    (total, c) => ({
      inserted: total.inserted + c.inserted,
      updated: total.updated + c.updated,
      unchanged: total.unchanged + c.unchanged,
      rejected: total.rejected + c.rejected,
    }),
    { inserted: 0, updated: 0, unchanged: 0, rejected: 0 },
  );

describe('concurrent import batches', () => {
  let service: TestService;
  let world: World;
  beforeAll(async () => {
    service = await startTestService();
    world = await buildWorld(service);
  });
  afterAll(() => stopTestService(service));

  const db = () => mongoose.connection.db!;

  async function importAtOnce(kind: string, source: string, batches: object[][]) {
    const answers = await Promise.all(
      batches.map((rows) =>
        service.graphql<Answer>(IMPORT, { kind, source, rows }, service.adminToken),
      ),
    );
    for (const answer of answers) expect(answer.errors).toBeUndefined();
    return answers.map((answer) => answer.data!.importRecords);
  }

  // Rows 0–199, 100–299 and 200–399: 400 distinct rows, 200 of them sent twice.
  const overlapping = <T>(rows: T[]) => [rows.slice(0, 200), rows.slice(100, 300), rows.slice(200)];

  it('three overlapping fault-ticket batches: 400 tickets, 400 follow-ups, counts of a sequential run', async () => {
    const base = Date.parse('2025-04-01T00:00:00Z');
    const iso = (ms: number) => new Date(ms).toISOString();
    const rows = Array.from({ length: 400 }, (_, i) => ({
      externalId: `CT-${i}`,
      accountExternalId: i % 2 ? 'A1' : 'A2',
      serviceRef: `CC-${i}`,
      severity: 'MINOR',
      channel: 'HOTLINE',
      reportedAt: iso(base + i * 3_600_000),
      acknowledgedAt: iso(base + i * 3_600_000 + 600_000),
      restoredAt: iso(base + i * 3_600_000 + 7_200_000),
      closedAt: iso(base + i * 3_600_000 + 9_000_000),
    }));
    const answers = await importAtOnce('fault-tickets', 'OSS', overlapping(rows));
    // A sequential run: 400 inserted, then the 200 rows sent again found unchanged.
    expect(sum(answers)).toEqual({ inserted: 400, updated: 0, unchanged: 200, rejected: 0 });
    const ids = answers.flatMap((a) => a.results.map((r) => r.id));
    expect(ids.every((id) => id && mongoose.Types.ObjectId.isValid(id))).toBe(true);
    expect(new Set(ids).size).toBe(400);

    expect(await db().collection('faulttickets').countDocuments({ sourceSystem: 'OSS' })).toBe(400);
    const followUps = await db()
      .collection('followups')
      .find({ sourceSystem: 'CADENCE', purpose: 'POST_REPAIR' })
      .toArray();
    expect(followUps.length).toBe(400);
    expect(new Set(followUps.map((f) => String(f.followsTicketId)))).toEqual(new Set(ids));
    const audits = await db()
      .collection('auditentries')
      .find({ entityType: 'FaultTicket' })
      .toArray();
    expect(audits.length).toBe(400);
    expect(new Set(audits.map((a) => a.entityId))).toEqual(new Set(ids));

    // The same batches again, at once: nothing changes, nothing is scheduled twice.
    const again = await importAtOnce('fault-tickets', 'OSS', overlapping(rows));
    expect(sum(again)).toEqual({ inserted: 0, updated: 0, unchanged: 600, rejected: 0 });
    expect(await db().collection('followups').countDocuments({ sourceSystem: 'CADENCE' })).toBe(
      400,
    );
  });

  it('four overlapping account batches: 750 accounts inserted once, audit entries name the record ids', async () => {
    const rows = Array.from({ length: 750 }, (_, i) => ({
      externalId: `CA-${i}`,
      name: `Concurrent ${i}`,
      branchCode: 'BA',
      accountManagerLogin: 'mgrA1',
    }));
    // 0–299, 150–449, 300–599, 450–749: 750 distinct, 450 sent twice.
    const batches = [0, 150, 300, 450].map((from) => rows.slice(from, from + 300));
    const answers = await importAtOnce('accounts', 'CRM', batches);
    expect(sum(answers)).toEqual({ inserted: 750, updated: 0, unchanged: 450, rejected: 0 });
    const stored = await db()
      .collection('keyaccounts')
      .find({ externalId: /^CA-/ })
      .project({ _id: 1 })
      .toArray();
    expect(stored.length).toBe(750);
    const audits = await db()
      .collection('auditentries')
      .find({ entityType: 'KeyAccount', action: 'import:insert' })
      .toArray();
    expect(audits.length).toBe(750);
    expect(new Set(audits.map((a) => a.entityId))).toEqual(
      new Set(stored.map((s) => String(s._id))),
    );
    expect(world.accounts.own).toBeDefined();
  });
});
