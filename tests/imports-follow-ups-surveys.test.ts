import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { loadTestDemoData } from './support/demo';
import { createImportApi } from '../src/modules/imports/import-client';
import { runImport, type ImportRunOptions } from '../src/modules/imports/import-runner';
import { onLifecycle, type LifecycleEvents } from '../src/modules/journey/lifecycle-hooks';
import { captureCommands, countCommands } from './support/command-counter';
import { scanningFilters } from './support/keyed-filters';
import { startTestService, stopTestService, type TestService } from './support/test-service';
import { buildWorld, ok, type World } from './support/world';

// Within the supported range, but not yet happened.
const NEXT_YEAR = new Date(Date.now() + 365 * 86_400_000).toISOString();

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const dir = mkdtempSync(path.join(os.tmpdir(), 'journey-import-fu-sr-'));
const write = (name: string, content: string) => {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
};
/** A CSV file's text: the header, then each row's cells in column order (empty when absent). */
const csv = (columns: readonly string[], rows: Record<string, string>[]) =>
  [columns.join(','), ...rows.map((row) => columns.map((c) => row[c] ?? '').join(','))].join('\n');
// Batches run concurrently, so rejects are in the order batches finish: sort by line.
const rejectsOf = (file: string): Row[] =>
  readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line))
    .sort((a, b) => a.line - b.line);
const reconciles = (s: Row) => s.read === s.inserted + s.updated + s.unchanged + s.rejected;

const FU_COLUMNS = [
  'externalId',
  'accountExternalId',
  'purpose',
  'channel',
  'status',
  'dueAt',
  'completedAt',
  'missedAt',
  'cancelledAt',
  'outcome',
  'followsOrderExternalId',
  'followsTicketExternalId',
] as const;
const SR_COLUMNS = [
  'externalId',
  'accountExternalId',
  'respondedAt',
  'channel',
  'cs1',
  'cs2',
  'cs3',
  'nps',
  'attributes',
  'followUpExternalId',
] as const;
const visit = (fields: Record<string, string>) => ({
  purpose: 'PERIODIC',
  channel: 'PHONE',
  dueAt: '2026-09-15T00:00:00+08:00',
  ...fields,
});
const response = (fields: Record<string, string>) => ({
  respondedAt: '2026-09-20T10:00:00+08:00',
  channel: 'PHONE',
  cs1: '8',
  cs2: '8',
  cs3: '8',
  ...fields,
});

const measured: LifecycleEvents['measuredRecordWritten'][] = [];
onLifecycle('measuredRecordWritten', async (event) => {
  measured.push(event);
});

describe('imports of follow-ups and survey responses', () => {
  let service: TestService;
  let world: World;
  beforeAll(async () => {
    service = await startTestService();
    world = await buildWorld(service);
    // An order (order system BSS) and a ticket (trouble-ticket system OSS) of account A1.
    await ok(
      service,
      service.adminToken,
      `mutation($o: CreateActivationOrderInput!, $t: OpenFaultTicketInput!) {
        createActivationOrder(input: $o) { id } openFaultTicket(input: $t) { id } }`,
      {
        o: {
          accountId: world.accounts.own,
          product: 'BROADBAND',
          orderedAt: '2026-08-01T09:00:00+08:00',
          sourceSystem: 'BSS',
          externalId: 'ORD-A1',
        },
        t: {
          accountId: world.accounts.own,
          serviceRef: 'CIRCUIT-1',
          severity: 'MAJOR',
          channel: 'NOC',
          reportedAt: '2026-08-05T09:00:00+08:00',
          sourceSystem: 'OSS',
          externalId: 'TT-A1',
        },
      },
    );
  });
  afterAll(() => stopTestService(service));

  const run = (kind: string, file: string, token: string, extra: Partial<ImportRunOptions> = {}) =>
    runImport({
      api: createImportApi(`${service.url}/graphql`, token),
      kind,
      file,
      format: 'csv',
      dryRun: false,
      batchSize: 4,
      ...extra,
    });
  const collection = (name: string) => mongoose.connection.db!.collection(name);

  describe('follow-ups', () => {
    it('imports valid rows, rejects every inconsistent one with its line, and a re-run changes nothing', async () => {
      const file = write(
        'follow-ups.csv',
        csv(FU_COLUMNS, [
          visit({
            externalId: 'FU-1',
            accountExternalId: 'A1',
            completedAt: '2026-09-10T15:00:00+08:00',
            outcome: 'Satisfied',
          }), // line 2
          visit({
            externalId: 'FU-2',
            accountExternalId: 'A2',
            dueAt: NEXT_YEAR,
          }), // 3: a future due time is a plan
          visit({
            externalId: 'FU-3',
            accountExternalId: 'A1',
            purpose: 'POST_ACTIVATION',
            followsOrderExternalId: 'ORD-A1',
          }), // 4
          visit({
            externalId: 'FU-4',
            accountExternalId: 'A1',
            purpose: 'POST_REPAIR',
            status: 'MISSED',
            missedAt: '2026-09-16T00:00:00+08:00',
            followsTicketExternalId: 'TT-A1',
          }), // 5
          visit({ externalId: 'FU-X1', accountExternalId: 'A9' }), // 6: unknown account
          visit({ externalId: 'FU-X2', accountExternalId: 'B1' }), // 7: another branch than intA's
          visit({
            externalId: 'FU-X3',
            accountExternalId: 'A1',
            followsOrderExternalId: 'ORD-NONE',
          }), // 8
          visit({
            externalId: 'FU-X4',
            accountExternalId: 'A1',
            followsTicketExternalId: 'TT-NONE',
          }), // 9
          visit({ externalId: 'FU-X5', accountExternalId: 'A2', followsOrderExternalId: 'ORD-A1' }), // 10: A1's order
          visit({ externalId: 'FU-X6', accountExternalId: 'A1', status: 'COMPLETED' }), // 11: no completion time
          visit({
            externalId: 'FU-X7',
            accountExternalId: 'A1',
            completedAt: NEXT_YEAR,
          }), // 12
          visit({ externalId: 'FU-X8', accountExternalId: 'A1', purpose: 'COFFEE' }), // 13
          visit({
            externalId: 'FU-X9',
            accountExternalId: 'A1',
            missedAt: '2026-09-20T00:00:00+08:00',
            completedAt: '2026-09-19T00:00:00+08:00',
          }), // 14: completed before the miss
          visit({
            externalId: 'FU-X10',
            accountExternalId: 'A1',
            status: 'SCHEDULED',
            cancelledAt: '2026-09-01T00:00:00+08:00',
          }), // 15
          visit({ externalId: '', accountExternalId: 'A1' }), // 16
        ]),
      );
      const first = await run('follow-ups', file, world.tokens.intA);
      // 15 rows read = 4 inserted + 0 updated + 0 unchanged + 11 rejected
      expect(first.summary).toMatchObject({
        read: 15,
        inserted: 4,
        updated: 0,
        unchanged: 0,
        rejected: 11,
      });
      expect(reconciles(first.summary)).toBe(true);
      expect(first.exitCode).toBe(1);
      const rejects = rejectsOf(first.summary.rejectsFile!);
      expect(rejects.map((r) => [r.line, r.field, r.reason])).toEqual([
        [6, 'accountExternalId', 'accountExternalId: no key account CRM/A9'],
        [7, 'accountExternalId', 'accountExternalId: no key account CRM/B1'],
        [8, 'followsOrderExternalId', 'followsOrderExternalId: no activation order BSS/ORD-NONE'],
        [9, 'followsTicketExternalId', 'followsTicketExternalId: no fault ticket OSS/TT-NONE'],
        [
          10,
          'followsOrderExternalId',
          'followsOrderExternalId: the activation order BSS/ORD-A1 is of another account',
        ],
        [11, 'completedAt', 'completedAt: a COMPLETED follow-up needs completedAt'],
        [12, 'completedAt', 'completedAt: cannot be in the future'],
        [13, 'purpose', expect.stringMatching(/^purpose: /)],
        [14, 'completedAt', expect.stringMatching(/^completedAt: cannot be before missedAt/)],
        [15, 'cancelledAt', 'cancelledAt: not allowed for a SCHEDULED follow-up'],
        [16, 'externalId', expect.stringMatching(/^externalId: /)],
      ]);
      expect(rejects[0]!.row).toMatchObject({ externalId: 'FU-X1', accountExternalId: 'A9' });

      const stored = await collection('followups')
        .find({ sourceSystem: 'CRM' })
        .sort({ externalId: 1 })
        .toArray();
      const [order, ticket] = await Promise.all([
        collection('activationorders').findOne({ externalId: 'ORD-A1' }),
        collection('faulttickets').findOne({ externalId: 'TT-A1' }),
      ]);
      expect(stored.map((f) => [f.externalId, f.status, f.branchCode, f.recordedBy])).toEqual([
        ['FU-1', 'COMPLETED', 'BA', 'intA'],
        ['FU-2', 'SCHEDULED', 'BA', 'intA'],
        ['FU-3', 'SCHEDULED', 'BA', 'intA'],
        ['FU-4', 'MISSED', 'BA', 'intA'],
      ]);
      expect(stored[0]).toMatchObject({
        completedAt: new Date('2026-09-10T07:00:00Z'),
        journeyAt: new Date('2026-09-10T07:00:00Z'),
        completedBy: 'intA',
        outcome: 'Satisfied',
      });
      expect(stored[1]!.journeyAt).toEqual(new Date(NEXT_YEAR));
      expect(String(stored[2]!.followsOrderId)).toBe(String(order!._id));
      expect(String(stored[3]!.followsTicketId)).toBe(String(ticket!._id));

      const second = await run('follow-ups', file, world.tokens.intA);
      expect(second.summary).toMatchObject({
        read: 15,
        inserted: 0,
        updated: 0,
        unchanged: 4,
        rejected: 11,
      });
      expect(await collection('followups').countDocuments({ sourceSystem: 'CRM' })).toBe(4);
    });

    it('moves a follow-up forward and audits it, refuses to move it back, and reports the completion to scorecards', async () => {
      const file = write(
        'forward.csv',
        csv(FU_COLUMNS, [visit({ externalId: 'FU-UPD', accountExternalId: 'A2' })]),
      );
      expect((await run('follow-ups', file, world.tokens.intAll)).summary).toMatchObject({
        inserted: 1,
      });
      measured.length = 0;
      writeFileSync(
        file,
        csv(FU_COLUMNS, [
          visit({
            externalId: 'FU-UPD',
            accountExternalId: 'A2',
            completedAt: '2026-09-12T10:00:00+08:00',
            outcome: 'Asked for a quote',
          }),
        ]),
      );
      const forward = await run('follow-ups', file, world.tokens.intAll);
      expect(forward.summary).toMatchObject({ read: 1, updated: 1 });
      expect(measured).toEqual([
        { branchCode: 'BA', eventTimes: [new Date('2026-09-12T02:00:00Z')] },
      ]);
      const followUp = await collection('followups').findOne({ externalId: 'FU-UPD' });
      const audit = await collection('auditentries')
        .find({ entityId: String(followUp!._id) })
        .sort({ _id: 1 })
        .toArray();
      expect(audit.map((a) => [a.action, a.actor.login])).toEqual([
        ['import:insert', 'intAll'],
        ['import:update', 'intAll'],
      ]);
      expect(audit[1]!.changes.map((c: Row) => c.field)).toEqual([
        'completedAt',
        'completedBy',
        'journeyAt',
        'outcome',
        'status',
      ]);

      // The nightly file still saying SCHEDULED does not reopen the completed visit.
      writeFileSync(
        file,
        csv(FU_COLUMNS, [visit({ externalId: 'FU-UPD', accountExternalId: 'A2' })]),
      );
      const back = await run('follow-ups', file, world.tokens.intAll);
      expect(back.summary).toMatchObject({ read: 1, rejected: 1 });
      expect(rejectsOf(back.summary.rejectsFile!)[0]).toMatchObject({
        line: 2,
        field: 'status',
        reason: 'status: the follow-up is COMPLETED; an import cannot make it SCHEDULED',
      });
      expect((await collection('followups').findOne({ externalId: 'FU-UPD' }))!.status).toBe(
        'COMPLETED',
      );
    });

    it('checks a repeated row against the one before it in the same batch', async () => {
      const file = write(
        'repeated.csv',
        csv(FU_COLUMNS, [
          visit({
            externalId: 'FU-TWICE',
            accountExternalId: 'A1',
            completedAt: '2026-09-11T10:00:00+08:00',
          }),
          visit({ externalId: 'FU-TWICE', accountExternalId: 'A1' }),
        ]),
      );
      const result = await run('follow-ups', file, world.tokens.intA);
      expect(result.summary).toMatchObject({ read: 2, inserted: 1, rejected: 1 });
      expect(rejectsOf(result.summary.rejectsFile!)).toMatchObject([{ line: 3, field: 'status' }]);
      expect((await collection('followups').findOne({ externalId: 'FU-TWICE' }))!.status).toBe(
        'COMPLETED',
      );
    });

    it('refuses the reserved source system CADENCE row by row', async () => {
      const file = write(
        'cadence.csv',
        csv(FU_COLUMNS, [visit({ externalId: 'PERIODIC:x:2026-Q3', accountExternalId: 'A1' })]),
      );
      const result = await run('follow-ups', file, world.tokens.admin, { sourceSystem: 'CADENCE' });
      expect(result.summary).toMatchObject({ read: 1, rejected: 1 });
      expect(rejectsOf(result.summary.rejectsFile!)[0]).toMatchObject({
        field: 'sourceSystem',
        reason: 'sourceSystem: CADENCE is reserved for scheduled cadence',
      });
      expect(await collection('followups').countDocuments({ sourceSystem: 'CADENCE' })).toBe(0);
    });
  });

  describe('survey responses', () => {
    it('imports valid rows, rejects every invalid one with its line, and a re-run changes nothing', async () => {
      const file = write(
        'responses.csv',
        csv(SR_COLUMNS, [
          response({
            externalId: 'SR-1',
            accountExternalId: 'A1',
            cs1: '9',
            nps: '9',
            attributes: 'REPAIR_TIMELINESS:7:9;LINE_QUALITY:8:8',
            followUpExternalId: 'FU-1',
          }), // line 2
          response({ externalId: 'SR-2', accountExternalId: 'A2' }), // 3
          response({ externalId: 'SR-X1', accountExternalId: 'A1', cs1: '11' }), // 4
          response({ externalId: 'SR-X2', accountExternalId: 'A1', cs3: '0' }), // 5
          response({ externalId: 'SR-X3', accountExternalId: 'A1', cs2: 'good' }), // 6
          response({ externalId: 'SR-X4', accountExternalId: 'A1', nps: '11' }), // 7
          response({
            externalId: 'SR-X5',
            accountExternalId: 'A1',
            attributes: 'LINE_QUALITY:8:8;REPAIR_TIMELINESS:7:12',
          }), // 8
          response({
            externalId: 'SR-X6',
            accountExternalId: 'A1',
            attributes: 'LINE_QUALITY:8:8;NO_SUCH_THING:5:5',
          }), // 9
          response({ externalId: 'SR-X7', accountExternalId: 'A9' }), // 10
          response({ externalId: 'SR-X8', accountExternalId: 'B1' }), // 11
          response({ externalId: 'SR-X9', accountExternalId: 'A1', followUpExternalId: 'FU-NONE' }), // 12
          response({ externalId: 'SR-X10', accountExternalId: 'A2', followUpExternalId: 'FU-1' }), // 13: A1's visit
          response({
            externalId: 'SR-X11',
            accountExternalId: 'A1',
            respondedAt: NEXT_YEAR,
          }), // 14
        ]),
      );
      const first = await run('survey-responses', file, world.tokens.intA);
      // 13 rows read = 2 inserted + 0 updated + 0 unchanged + 11 rejected
      expect(first.summary).toMatchObject({
        read: 13,
        inserted: 2,
        updated: 0,
        unchanged: 0,
        rejected: 11,
      });
      expect(reconciles(first.summary)).toBe(true);
      expect(rejectsOf(first.summary.rejectsFile!).map((r) => [r.line, r.field, r.reason])).toEqual(
        [
          [4, 'cs1', 'cs1: must be an integer 1–10'],
          [5, 'cs3', 'cs3: must be an integer 1–10'],
          [6, 'cs2', 'cs2: must be an integer 1–10'],
          [7, 'nps', 'nps: must be an integer 0–10'],
          [
            8,
            'attributes',
            'attributes: entry 2 (REPAIR_TIMELINESS:7:12) has an importance that is not an integer 1–10',
          ],
          [9, 'attributes', 'attributes: entry 2: no active survey attribute NO_SUCH_THING'],
          [10, 'accountExternalId', 'accountExternalId: no key account CRM/A9'],
          [11, 'accountExternalId', 'accountExternalId: no key account CRM/B1'],
          [12, 'followUpExternalId', 'followUpExternalId: no follow-up CRM/FU-NONE'],
          [
            13,
            'followUpExternalId',
            'followUpExternalId: the follow-up CRM/FU-1 is of another account',
          ],
          [14, 'respondedAt', 'respondedAt: cannot be in the future'],
        ],
      );
      const sr1 = await collection('surveyresponses').findOne({ externalId: 'SR-1' });
      const fu1 = await collection('followups').findOne({ externalId: 'FU-1' });
      expect(sr1).toMatchObject({
        sourceSystem: 'CRM',
        branchCode: 'BA',
        stage: 'SURVEY',
        cs1: 9,
        nps: 9,
        attributes: [
          { attribute: 'REPAIR_TIMELINESS', performance: 7, importance: 9 },
          { attribute: 'LINE_QUALITY', performance: 8, importance: 8 },
        ],
      });
      expect(String(sr1!.followUpId)).toBe(String(fu1!._id));

      const second = await run('survey-responses', file, world.tokens.intA);
      expect(second.summary).toMatchObject({
        read: 13,
        inserted: 0,
        updated: 0,
        unchanged: 2,
        rejected: 11,
      });
      expect(await collection('surveyresponses').countDocuments({ sourceSystem: 'CRM' })).toBe(2);
    });

    it('reads attributes as an array of objects in NDJSON and names a bad one', async () => {
      const line = (externalId: string, attributes: unknown) =>
        JSON.stringify({
          ...response({ externalId, accountExternalId: 'A1' }),
          cs1: 7,
          attributes,
        });
      const file = write(
        'responses.ndjson',
        [
          line('SR-J1', [{ attribute: 'LINE_QUALITY', performance: 6, importance: 9 }]),
          line('SR-J2', [{ attribute: 'LINE_QUALITY', performance: 6 }]),
        ].join('\n'),
      );
      const result = await run('survey-responses', file, world.tokens.intA, { format: 'ndjson' });
      expect(result.summary).toMatchObject({ read: 2, inserted: 1, rejected: 1 });
      expect(rejectsOf(result.summary.rejectsFile!)[0]).toMatchObject({
        line: 2,
        field: 'attributes',
        reason: expect.stringMatching(/^attributes: entry 1 \(.*\) has an importance/),
      });
      expect(await collection('surveyresponses').findOne({ externalId: 'SR-J1' })).toMatchObject({
        cs1: 7,
        attributes: [{ attribute: 'LINE_QUALITY', performance: 6, importance: 9 }],
      });
    });

    it('updates a changed response and audits the changed scores', async () => {
      const file = write(
        'update.csv',
        csv(SR_COLUMNS, [response({ externalId: 'SR-U', accountExternalId: 'A2' })]),
      );
      await run('survey-responses', file, world.tokens.intAll);
      writeFileSync(
        file,
        csv(SR_COLUMNS, [
          response({
            externalId: 'SR-U',
            accountExternalId: 'A2',
            cs1: '10',
            attributes: 'LINE_QUALITY:9:9',
          }),
        ]),
      );
      const changed = await run('survey-responses', file, world.tokens.intAll);
      expect(changed.summary).toMatchObject({ read: 1, updated: 1 });
      const stored = await collection('surveyresponses').findOne({ externalId: 'SR-U' });
      const audit = await collection('auditentries')
        .find({ entityId: String(stored!._id) })
        .sort({ _id: 1 })
        .toArray();
      expect(audit.map((a) => a.action)).toEqual(['import:insert', 'import:update']);
      expect(audit[1]!.changes.map((c: Row) => c.field)).toEqual(['attributes', 'cs1']);

      // The same response cannot be re-filed under another account.
      writeFileSync(
        file,
        csv(SR_COLUMNS, [response({ externalId: 'SR-U', accountExternalId: 'A1' })]),
      );
      const moved = await run('survey-responses', file, world.tokens.intAll);
      expect(rejectsOf(moved.summary.rejectsFile!)).toMatchObject([
        {
          field: 'accountExternalId',
          reason: 'accountExternalId: a record cannot move to another account',
        },
      ]);
    });

    it('writes and announces nothing on a dry run', async () => {
      measured.length = 0;
      const file = write(
        'dry.csv',
        csv(SR_COLUMNS, [response({ externalId: 'SR-DRY', accountExternalId: 'A1' })]),
      );
      const dry = await run('survey-responses', file, world.tokens.intA, { dryRun: true });
      expect(dry.summary).toMatchObject({ read: 1, inserted: 1 });
      expect(await collection('surveyresponses').countDocuments({ externalId: 'SR-DRY' })).toBe(0);
      expect(measured).toEqual([]);
    });
  });

  describe('closed periods', () => {
    const SCORECARD = `query($b: String!, $p: String!) {
      branchScorecard(branchCode: $b, period: $p) {
        satisfactionIndex { value sampleSize } followUpCoverage { value numerator denominator } }
      satisfaction(branchCode: $b, period: $p) { responses satisfactionIndex { value } } }`;
    const scorecard = async () =>
      ok<Row>(service, world.tokens.admin, SCORECARD, { b: 'BA', p: '2025-Q3' });

    it('changes the snapshot of a closed period when a late response or visit is imported', async () => {
      // An account active during 2025-Q3 (the world's accounts were opened now).
      const accounts = write(
        'old-account.csv',
        'externalId,name,branchCode,accountManagerLogin,openedAt\nOLD-1,Old customer,BA,mgrA1,2025-01-01T00:00:00+08:00',
      );
      expect((await run('accounts', accounts, world.tokens.intA)).exitCode).toBe(0);
      const first = write(
        'q3-first.csv',
        csv(SR_COLUMNS, [
          response({
            externalId: 'SR-Q3-1',
            accountExternalId: 'A1',
            respondedAt: '2025-08-01T10:00:00+08:00',
          }),
        ]),
      );
      await run('survey-responses', first, world.tokens.intA);

      const before = await scorecard(); // computed now and stored as the 2025-Q3 snapshot
      // CS 8/8/8: (0.4·8 + 0.3·8 + 0.3·8 − 1) ÷ 9 × 100 = 7 ÷ 9 × 100 = 77.78
      expect(before.branchScorecard.satisfactionIndex.value).toBeCloseTo(77.78, 2);
      // OLD-1 is the only account active during the quarter, without a visit: 0 ÷ 1
      expect(before.branchScorecard.followUpCoverage).toMatchObject({
        value: 0,
        numerator: 0,
        denominator: 1,
      });

      measured.length = 0;
      const late = write(
        'q3-late.csv',
        csv(SR_COLUMNS, [
          response({
            externalId: 'SR-Q3-2',
            accountExternalId: 'A1',
            respondedAt: '2025-09-30T23:00:00+08:00',
            cs1: '10',
            cs2: '10',
            cs3: '10',
          }),
        ]),
      );
      expect((await run('survey-responses', late, world.tokens.intA)).exitCode).toBe(0);
      const visitFile = write(
        'q3-visit.csv',
        csv(FU_COLUMNS, [
          visit({
            externalId: 'FU-Q3',
            accountExternalId: 'OLD-1',
            dueAt: '2025-08-15T00:00:00+08:00',
            completedAt: '2025-08-20T10:00:00+08:00',
          }),
        ]),
      );
      expect((await run('follow-ups', visitFile, world.tokens.intA)).exitCode).toBe(0);
      expect(measured).toEqual([
        { branchCode: 'BA', eventTimes: [new Date('2025-09-30T15:00:00Z')] },
        { branchCode: 'BA', eventTimes: [new Date('2025-08-20T02:00:00Z')] },
      ]);

      const after = await scorecard();
      // CS means 9/9/9: (9 − 1) ÷ 9 × 100 = 88.89 over 2 responses
      expect(after.branchScorecard.satisfactionIndex).toMatchObject({ sampleSize: 2 });
      expect(after.branchScorecard.satisfactionIndex.value).toBeCloseTo(88.89, 2);
      expect(after.satisfaction.responses).toBe(2);
      expect(after.satisfaction.satisfactionIndex.value).toBeCloseTo(88.89, 2);
      // 1 ÷ 1 once OLD-1 has a completed visit in the quarter
      expect(after.branchScorecard.followUpCoverage).toMatchObject({
        value: 1,
        numerator: 1,
        denominator: 1,
      });
    });
  });

  it.each([
    [
      'follow-ups',
      (i: number) =>
        i % 2
          ? visit({
              externalId: `FUB-${i}`,
              accountExternalId: 'A1',
              completedAt: '2026-09-10T15:00:00+08:00',
              followsOrderExternalId: 'ORD-A1',
              followsTicketExternalId: 'TT-A1',
            })
          : visit({ externalId: `FUB-${i}`, accountExternalId: 'A2' }),
    ],
    [
      'survey-responses',
      (i: number) =>
        response({
          externalId: `SRB-${i}`,
          accountExternalId: i % 2 ? 'A1' : 'A2',
          attributes: 'LINE_QUALITY:7:8',
          followUpExternalId: i % 2 ? 'FUB-1' : '',
        }),
    ],
  ])('imports 500 %s with as many database commands as 5', async (kind, row) => {
    const api = createImportApi(`${service.url}/graphql`, world.tokens.intA);
    const rows = (from: number, count: number) =>
      Array.from({ length: count }, (_, i) => row(from + i));
    const batch = (from: number, count: number) =>
      api.importBatch({ kind, sourceSystem: 'CRM', rows: rows(from, count), dryRun: false });
    const five = await countCommands(() => batch(0, 5));
    let fiveHundred: Awaited<ReturnType<typeof countCommands>> | undefined;
    const commands = await captureCommands(async () => {
      fiveHundred = await countCommands(() => batch(5, 500));
    });
    expect(fiveHundred!.byName).toEqual(five.byName);
    // Per batch: the token (2), the accounts and the referenced orders and tickets (two reads
    // by `_id` each: their kept keys, then the records), the rows' own records under any source
    // system (their kept keys, then the records), one bulk write (storing the consequences), one
    // audit insert, the new rows' kept keys, the snapshot invalidation of the branch (find +
    // update), the listing in the accounts' lists of records (their entries read by id, so that an
    // older entry arriving late is dropped, then one update), and the removal of
    // the applied consequences; the rollup refresh: the written records and their rollup
    // memberships by id, the buckets' versions by id, one bulk write claiming the records'
    // changes in their memberships, one to the buckets (one update per bucket), one settling the
    // memberships and one removing the buckets' markers (2 + 1 + 4; before the claims: 2 + 3,
    // with one tally update per record). Follow-ups, open work until made: the written records as
    // they are now, one update of the branch's open work, and the records read again (an older
    // read's un-naming must not land last). A follow-up's rollups are its instant in its
    // account's list (no tally: no bucket versions read, no markers removed); after them it
    // decides the compliance of its account's activations and closures (the account's list of
    // those, by id: +1; refreshing those found, none here) and refreshes its account's coverage
    // (the accounts, their memberships and their completion instants by id: +3; the claim's steps
    // only when the coverage changed, not here: the five rows' batch already counted it). The
    // register of writes: its entry inserted before the bulk write and deleted after (+2).
    expect(fiveHundred!.total).toBeLessThanOrEqual(kind === 'follow-ups' ? 31 : 25);
    // Records, kept documents, rollups and snapshots only by key (the branch and the survey's
    // attribute catalogue are a few documents).
    const small = new Set(['branches', 'surveyattributes']);
    expect((await scanningFilters(commands)).filter((s) => !small.has(s.collection))).toEqual([]);
    const stored = kind === 'follow-ups' ? 'followups' : 'surveyresponses';
    expect(await collection(stored).countDocuments({ externalId: { $regex: '^(FUB|SRB)-' } })).toBe(
      505,
    );
  });
});

describe('sample files', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService();
    await loadTestDemoData();
  }, 120_000);
  afterAll(() => stopTestService(service));

  it('import cleanly, in order, into the demo data with a token of int.crm, and again unchanged', async () => {
    const { issueToken } = await ok<Row>(
      service,
      service.adminToken,
      'mutation { issueToken(input: { login: "int.crm" }) { token } }',
    );
    const sample = (kind: string) =>
      path.resolve(__dirname, '..', 'scripts', 'samples', `${kind}.csv`);
    const load = (kind: string) =>
      runImport({
        api: createImportApi(`${service.url}/graphql`, issueToken.token),
        kind,
        file: sample(kind),
        rejectsFile: path.join(dir, `${kind}.rejects.ndjson`),
        format: 'csv',
        dryRun: false,
      });
    for (const kind of ['accounts', 'follow-ups', 'survey-responses']) {
      const first = await load(kind);
      expect({ kind, ...first.summary }).toMatchObject({
        kind,
        rejected: 0,
        updated: 0,
        unchanged: 0,
        rejectsFile: null,
      });
      expect(first.summary.read).toBeGreaterThanOrEqual(kind === 'accounts' ? 6 : 5);
      expect(first.exitCode).toBe(0);
    }
    const db = mongoose.connection.db!;
    const followingSomething = await db.collection('followups').countDocuments({
      externalId: /^FU-SAMPLE-/,
      $or: [{ followsOrderId: { $ne: null } }, { followsTicketId: { $ne: null } }],
    });
    const linkedToVisit = await db
      .collection('surveyresponses')
      .countDocuments({ externalId: /^SR-SAMPLE-/, followUpId: { $ne: null } });
    expect([followingSomething, linkedToVisit]).toEqual([2, 3]);
    for (const kind of ['follow-ups', 'survey-responses']) {
      const again = await load(kind);
      expect(again.summary).toMatchObject({ inserted: 0, updated: 0, rejected: 0 });
      expect(again.summary.unchanged).toBe(again.summary.read);
    }
  }, 60_000);
});
