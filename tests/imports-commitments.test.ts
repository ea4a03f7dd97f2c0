import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { loadTestDemoData } from './support/demo';
import { createImportApi } from '../src/modules/imports/import-client';
import { runImport, type ImportRunOptions } from '../src/modules/imports/import-runner';
import { onLifecycle, type LifecycleEvents } from '../src/modules/journey/lifecycle-hooks';
import { refreshCurrentStage, refreshCurrentStages } from '../src/modules/journey/stage.service';
import { readServices, repeatsFrom } from '../src/modules/faults/fault-ticket.repeats';
import { captureCommands, countCommands } from './support/command-counter';
import { IDS_PER_READ } from '../src/db/id-parts';
import { snapshotWritesSettled } from '../src/modules/scorecards/scorecard-snapshots';
import { MAX_IMPORT_BATCH } from '../src/modules/imports/import.service';
import { scanningFilters } from './support/keyed-filters';
import { startTestService, stopTestService, type TestService } from './support/test-service';
import { buildWorld, createUser, ok, type World } from './support/world';

// Within the supported range, but not yet happened.
const NEXT_YEAR = new Date(Date.now() + 365 * 86_400_000).toISOString();

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

// Local wall time in the branches' zone, Asia/Shanghai (UTC+8, no DST), as a CSV cell.
const at = (local: string) => `${local}:00+08:00`;
const instant = (local: string) => new Date(at(local));

const dir = mkdtempSync(path.join(os.tmpdir(), 'journey-import-commitments-'));
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

const TT_COLUMNS = [
  'externalId',
  'accountExternalId',
  'accountSourceSystem',
  'serviceRef',
  'severity',
  'channel',
  'reportedAt',
  'acknowledgedAt',
  'workStartedAt',
  'restoredAt',
  'closedAt',
  'reopenedAt',
  'finalRestoredAt',
  'statusHistory',
  'severityHistory',
  'pauses',
  'interProvincial',
  'cause',
  'causeExplainedAt',
] as const;
const ORDER_COLUMNS = [
  'externalId',
  'accountExternalId',
  'product',
  'orderedAt',
  'requestedAt',
  'promisedAt',
  'repromises',
  'status',
  'dispatchConfirmedAt',
  'workStartedAt',
  'delayReason',
  'delayedAt',
  'delayNotifiedAt',
  'activatedAt',
  'cancelledAt',
  'acceptanceReportedAt',
  'acceptanceReportRef',
] as const;

/** A CRITICAL NOC ticket of account A1 reported at `reportedAt`, plus the given cells. */
const ticket = (fields: Record<string, string>) => ({
  accountExternalId: 'A1',
  serviceRef: 'CIRCUIT-1',
  severity: 'CRITICAL',
  channel: 'NOC',
  ...fields,
});

const TICKET = `id status severity stage channel interProvincial
  repairDurationMinutes elapsedMinutes targetMinutes minutesLeft withinSla slaState
  acknowledgementMinutes acknowledgementTargetMinutes acknowledgedWithinTarget
  isRepeat repeatOf { id }
  reportedAt acknowledgedAt firstRestoredAt restoredAt closedAt reopenCount
  statusHistory { status at actorLogin pauseReason }
  severityHistory { severity at actorLogin }
  pauses { from to reason recorded }
  outages { start end }
  cause causeExplained causeExplainedAt
  clock { kind timeZone }
  policyReason policyVersions { label }`;

// Consequences the service emitted in this process.
const closed: LifecycleEvents['faultTicketClosed'][] = [];
const completed: LifecycleEvents['activationCompleted'][] = [];
const measured: LifecycleEvents['measuredRecordWritten'][] = [];
onLifecycle('faultTicketClosed', async (event) => {
  closed.push(event);
});
onLifecycle('activationCompleted', async (event) => {
  completed.push(event);
});
onLifecycle('measuredRecordWritten', async (event) => {
  measured.push(event);
});

const collection = (name: string) => mongoose.connection.db!.collection(name);
const storedTicket = (externalId: string) =>
  collection('faulttickets').findOne({ sourceSystem: 'OSS', externalId });
/** A stored record without what differs between two copies of the same facts. */
const facts = (doc: Row | null, extra: string[] = []) => {
  const copy: Row = { ...doc };
  for (const key of ['_id', 'externalId', 'createdAt', 'updatedAt', 'revision', '__v', ...extra])
    delete copy[key];
  return copy;
};

describe('imports of activation orders and fault tickets', () => {
  let service: TestService;
  let world: World;
  let oss: string; // INTEGRATION, source system OSS, province-wide
  let ossA: string; // INTEGRATION, source system OSS, branch BA only
  beforeAll(async () => {
    service = await startTestService();
    world = await buildWorld(service);
    oss = await createUser(service, 'int.oss', { role: 'INTEGRATION', sourceSystem: 'OSS' });
    ossA = await createUser(service, 'int.oss.ba', {
      role: 'INTEGRATION',
      branchCode: 'BA',
      sourceSystem: 'OSS',
    });
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
  const tickets = (name: string, rows: Record<string, string>[]) =>
    write(name, csv(TT_COLUMNS, rows.map(ticket)));
  const readTicket = async (id: string) =>
    (
      await ok<Row>(service, oss, `query($id: ID!) { t: faultTicket(id: $id) { ${TICKET} } }`, {
        id,
      })
    ).t;

  describe('fault tickets', () => {
    it('stores the ticket the mutations build (the 210-minute example), field for field', async () => {
      // Through the mutations, by the same integration user.
      const call = async (mutation: string, variables: Row) =>
        (await ok<Row>(service, oss, mutation, variables)).r;
      const opened = await call(
        `mutation($i: OpenFaultTicketInput!) { r: openFaultTicket(input: $i) { id } }`,
        {
          i: {
            accountId: world.accounts.own,
            serviceRef: 'CIRCUIT-MUT',
            severity: 'MAJOR',
            channel: 'NOC',
            reportedAt: at('2025-03-05T10:00'),
            sourceSystem: 'OSS',
            externalId: 'MUT-210',
          },
        },
      );
      const id = opened.id as string;
      const step = (name: string, args: string, variables: Row) =>
        call(`mutation(${args}) { r: ${name} { id } }`, { id, ...variables });
      await step(
        'changeFaultSeverity(id: $id, severity: CRITICAL, at: $at)',
        '$id: ID!, $at: DateTime!',
        {
          at: at('2025-03-05T10:20'),
        },
      );
      for (const [name, time] of [
        ['acknowledgeFaultTicket', '2025-03-05T10:05'],
        ['startFaultWork', '2025-03-05T10:10'],
      ] as const) {
        await step(`${name}(id: $id, at: $at)`, '$id: ID!, $at: DateTime!', { at: at(time) });
      }
      await step(
        'pauseFaultTicket(id: $id, at: $at, reason: CUSTOMER_UNAVAILABLE)',
        '$id: ID!, $at: DateTime!',
        { at: at('2025-03-05T11:00') },
      );
      await step('resumeFaultTicket(id: $id, at: $at)', '$id: ID!, $at: DateTime!', {
        at: at('2025-03-05T12:00'),
      });
      await step(
        'recordFaultPause(id: $id, from: $from, to: $to, reason: NO_ACCESS)',
        '$id: ID!, $from: DateTime!, $to: DateTime!',
        { from: at('2025-03-05T11:30'), to: at('2025-03-05T12:30') },
      );
      for (const [name, time] of [
        ['restoreFaultTicket', '2025-03-05T15:00'],
        ['closeFaultTicket', '2025-03-05T16:00'],
      ] as const) {
        await step(`${name}(id: $id, at: $at)`, '$id: ID!, $at: DateTime!', { at: at(time) });
      }
      await step(
        'recordFaultCause(id: $id, cause: "Fibre cut", explainedAt: $at)',
        '$id: ID!, $at: DateTime!',
        { at: at('2025-03-05T17:00') },
      );

      // The same facts as one import row.
      const file = tickets('equivalent.csv', [
        {
          externalId: 'IMP-210',
          serviceRef: 'CIRCUIT-IMP',
          reportedAt: at('2025-03-05T10:00'),
          severityHistory: `MAJOR@${at('2025-03-05T10:00')};CRITICAL@${at('2025-03-05T10:20')}`,
          statusHistory: [
            `ACKNOWLEDGED@${at('2025-03-05T10:05')}`,
            `IN_PROGRESS@${at('2025-03-05T10:10')}`,
            `PENDING_CUSTOMER:CUSTOMER_UNAVAILABLE@${at('2025-03-05T11:00')}`,
            `IN_PROGRESS@${at('2025-03-05T12:00')}`,
            `RESTORED@${at('2025-03-05T15:00')}`,
            `CLOSED@${at('2025-03-05T16:00')}`,
          ].join(';'),
          pauses: `${at('2025-03-05T11:30')}/${at('2025-03-05T12:30')}/NO_ACCESS`,
          cause: 'Fibre cut',
          causeExplainedAt: at('2025-03-05T17:00'),
        },
      ]);
      const result = await run('fault-tickets', file, oss);
      expect(result.summary).toMatchObject({ read: 1, inserted: 1, rejected: 0 });

      const viaMutations = await storedTicket('MUT-210');
      const viaImport = await storedTicket('IMP-210');
      expect(facts(viaImport, ['serviceRef'])).toEqual(facts(viaMutations, ['serviceRef']));
      const [mutationView, importView] = await Promise.all([
        readTicket(id),
        readTicket(String(viaImport!._id)),
      ]);
      expect({ ...importView, id: null }).toEqual({ ...mutationView, id: null });
      // Outage 10:00–15:00 = 300 min; pauses merge to 11:00–12:30 = 90 min; 300 − 90 = 210 ≤ 240.
      expect(importView).toMatchObject({
        status: 'CLOSED',
        severity: 'CRITICAL',
        repairDurationMinutes: 210,
        targetMinutes: 240,
        withinSla: true,
        acknowledgementMinutes: 5,
        isRepeat: false,
        policyReason: 'default v1',
      });

      // The row of the ticket opened through the mutations, under its own key, changes nothing.
      const replay = readFileSync(file, 'utf8')
        .replace('IMP-210', 'MUT-210')
        .replace('CIRCUIT-IMP', 'CIRCUIT-MUT');
      const replayed = await run('fault-tickets', write('replay.csv', replay), oss);
      expect(replayed.summary).toMatchObject({ read: 1, unchanged: 1 });
    });

    it('rejects every inconsistent row with its column, and reconciles the counts', async () => {
      const file = tickets('rejects.csv', [
        { externalId: 'R-OK', reportedAt: at('2025-01-10T10:00') }, // line 2
        { externalId: 'R-ACC', accountExternalId: 'NOPE', reportedAt: at('2025-01-10T10:00') }, // 3
        {
          externalId: 'R-SEQ',
          reportedAt: at('2025-01-10T10:00'),
          acknowledgedAt: at('2025-01-10T10:05'),
          closedAt: at('2025-01-10T11:00'),
        }, // 4: closed without a restoration
        {
          externalId: 'R-HIST',
          reportedAt: at('2025-01-10T10:00'),
          statusHistory: `IN_PROGRESS@${at('2025-01-10T10:10')}`,
        }, // 5: work before an acknowledgement
        {
          externalId: 'R-BACK',
          reportedAt: at('2025-01-10T10:00'),
          acknowledgedAt: at('2025-01-10T10:30'),
          restoredAt: at('2025-01-10T10:20'),
        }, // 6: restored before acknowledged
        { externalId: 'R-FUT', reportedAt: NEXT_YEAR }, // 7
        { externalId: 'R-SEV', severity: 'URGENT', reportedAt: at('2025-01-10T10:00') }, // 8
        { externalId: 'R-CH', channel: 'FAX', reportedAt: at('2025-01-10T10:00') }, // 9
        {
          externalId: 'R-PAUSE',
          reportedAt: at('2025-01-10T10:00'),
          pauses: `${at('2025-01-10T11:00')}/${at('2025-01-10T12:00')}/LUNCH`,
        }, // 10
        { externalId: 'R-SCOPE', accountExternalId: 'B1', reportedAt: at('2025-01-10T10:00') }, // 11
        { externalId: '', reportedAt: at('2025-01-10T10:00') }, // 12
        { externalId: 'R-1960', reportedAt: at('1960-01-10T10:00') }, // 13: before the range
      ]);
      const result = await run('fault-tickets', file, ossA);
      expect(result.summary).toMatchObject({ read: 12, inserted: 1, rejected: 11 });
      expect(reconciles(result.summary)).toBe(true);
      expect(result.exitCode).toBe(1);
      const rejects = rejectsOf(result.summary.rejectsFile!);
      expect(rejects.map((r) => [r.line, r.field])).toEqual([
        [3, 'accountExternalId'],
        [4, 'closedAt'],
        [5, 'statusHistory'],
        [6, 'restoredAt'],
        [7, 'reportedAt'],
        [8, 'severity'],
        [9, 'channel'],
        [10, 'pauses'],
        [11, 'accountExternalId'],
        [12, 'externalId'],
        [13, 'reportedAt'],
      ]);
      const reason = (line: number) => rejects.find((r) => r.line === line)!.reason;
      expect(reason(3)).toBe('accountExternalId: no key account CRM/NOPE');
      expect(reason(4)).toMatch(
        /^closedAt: cannot CLOSE a ticket in status ACKNOWLEDGED; allowed from RESTORED$/,
      );
      expect(reason(5)).toMatch(
        /^statusHistory: entry 1: cannot START_WORK a ticket in status REPORTED/,
      );
      expect(reason(6)).toBe(
        'restoredAt: cannot be before the last status change (2025-01-10T02:30:00.000Z)',
      );
      expect(reason(7)).toBe('reportedAt: cannot be in the future');
      expect(reason(10)).toMatch(/^pauses: entry 1 \(.*\): pause reason LUNCH is not one of/);
      // Another branch's account is answered exactly like a missing one.
      expect(reason(11)).toBe('accountExternalId: no key account CRM/B1');
      expect(reason(13)).toBe(
        'reportedAt: must be between 1990-01-01T00:00:00.000Z and 10 years from now',
      );
      expect(
        await collection('faulttickets').countDocuments({ externalId: /^R-/, sourceSystem: 'OSS' }),
      ).toBe(1);
    });

    it('changes nothing on a second run: all UNCHANGED, no audit entries, no events', async () => {
      const file = tickets('twice.csv', [
        {
          externalId: 'TWICE-1',
          reportedAt: at('2024-10-01T10:00'),
          acknowledgedAt: at('2024-10-01T10:10'),
          restoredAt: at('2024-10-01T12:00'),
          closedAt: at('2024-10-01T13:00'),
          cause: 'Power',
        },
        {
          externalId: 'TWICE-2',
          accountExternalId: 'A2',
          reportedAt: at('2024-10-02T10:00'),
          severityHistory: `MINOR@${at('2024-10-02T10:00')};CRITICAL@${at('2024-10-02T10:30')}`,
          statusHistory: `ACKNOWLEDGED@${at('2024-10-02T10:05')};IN_PROGRESS@${at('2024-10-02T10:06')};PENDING_CUSTOMER:NO_ACCESS@${at('2024-10-02T11:00')}`,
          pauses: `${at('2024-10-02T10:20')}/${at('2024-10-02T10:40')}/CUSTOMER_UNAVAILABLE`,
        },
      ]);
      const first = await run('fault-tickets', file, oss);
      expect(first.summary).toMatchObject({ read: 2, inserted: 2, rejected: 0 });
      const audits = await collection('auditentries').countDocuments();
      const events = closed.length + measured.length;
      const second = await run('fault-tickets', file, oss);
      expect(second.summary).toMatchObject({ read: 2, inserted: 0, updated: 0, unchanged: 2 });
      expect(await collection('auditentries').countDocuments()).toBe(audits);
      expect(closed.length + measured.length).toBe(events);
      // Another token of the same system replays it unchanged too (who recorded it is kept).
      const again = await run('fault-tickets', file, ossA);
      expect(again.summary).toMatchObject({ unchanged: 2 });
      expect((await storedTicket('TWICE-1'))!.recordedBy).toBe('int.oss');
      // An open ticket holds its account in REPAIR.
      const account = await collection('keyaccounts').findOne({ externalId: 'A2' });
      expect(account!.currentStage).toBe('REPAIR');
    });

    it('updates a changed row (a later restoration) and audits the changed fields', async () => {
      const row = {
        externalId: 'UPD-1',
        serviceRef: 'CIRCUIT-U',
        reportedAt: at('2024-10-05T10:00'),
        acknowledgedAt: at('2024-10-05T10:10'),
        restoredAt: at('2024-10-05T11:00'),
      };
      const file = tickets('update.csv', [row]);
      await run('fault-tickets', file, oss);
      measured.length = 0;
      writeFileSync(
        file,
        csv(TT_COLUMNS, [ticket({ ...row, restoredAt: at('2024-10-05T16:00') })]),
      );
      const changed = await run('fault-tickets', file, oss);
      expect(changed.summary).toMatchObject({ read: 1, updated: 1 });
      const stored = await storedTicket('UPD-1');
      // 10:00–16:00 = 360 min > 240: breached now (it was 60 min, within).
      expect(stored).toMatchObject({ repairDurationMinutes: 360, withinSla: false, revision: 2 });
      const audit = await collection('auditentries')
        .find({ entityId: String(stored!._id) })
        .sort({ _id: 1 })
        .toArray();
      expect(audit.map((a) => a.action)).toEqual(['import:insert', 'import:update']);
      expect(audit[1]!.changes.map((c: Row) => c.field)).toEqual([
        'finalRestoredAt',
        'firstRestoredAt',
        'measuredAt',
        'repairDurationMinutes',
        'statusHistory',
        'withinSla',
      ]);
      // The period that lost the ticket and the one that gained it (here the same quarter).
      expect(measured).toEqual([
        {
          branchCode: 'BA',
          eventTimes: [instant('2024-10-05T11:00'), instant('2024-10-05T16:00')],
        },
      ]);
    });

    it('detects a repeat within one batch whatever the row order, and follows a reopen', async () => {
      const earlier = {
        externalId: 'REP-1',
        accountExternalId: 'A2',
        serviceRef: 'CIRCUIT-R',
        reportedAt: at('2025-08-01T10:00'),
        acknowledgedAt: at('2025-08-01T10:05'),
        restoredAt: at('2025-08-02T10:00'),
      };
      const later = {
        ...earlier,
        externalId: 'REP-2',
        // 29 days after the restoration: within the 30-day window.
        reportedAt: at('2025-08-31T10:00'),
        acknowledgedAt: at('2025-08-31T10:05'),
        restoredAt: at('2025-08-31T12:00'),
      };
      const file = tickets('repeats.csv', [later, earlier]);
      const first = await run('fault-tickets', file, oss);
      expect(first.summary).toMatchObject({ inserted: 2 });
      const [one, two] = await Promise.all([storedTicket('REP-1'), storedTicket('REP-2')]);
      expect(two!.repeatOfTicketId).toEqual(one!._id);
      expect(one!.repeatOfTicketId).toBeNull();
      expect(await readTicket(String(two!._id))).toMatchObject({
        isRepeat: true,
        repeatOf: { id: String(one!._id) },
      });
      const audits = await collection('auditentries').countDocuments();
      expect((await run('fault-tickets', file, oss)).summary).toMatchObject({ unchanged: 2 });
      expect(await collection('auditentries').countDocuments()).toBe(audits);

      // The earlier ticket was reopened after all: no final restoration, no repeat.
      writeFileSync(
        file,
        csv(TT_COLUMNS, [ticket({ ...earlier, reopenedAt: at('2025-08-03T09:00') })]),
      );
      expect((await run('fault-tickets', file, oss)).summary).toMatchObject({ updated: 1 });
      expect((await storedTicket('REP-2'))!.repeatOfTicketId).toBeNull();
      // Inserted as a repeat (decided with the batch before the write), so the only re-derived
      // change is the reopen's.
      const trail = await collection('auditentries')
        .find({ entityId: String(two!._id) })
        .sort({ at: 1, _id: 1 })
        .toArray();
      expect(trail.map((a) => a.action)).toEqual(['import:insert', 'rederiveRepeatFault']);
      const inserted = trail[0]!.changes.find((c: Row) => c.field === 'repeatOfTicketId');
      expect(inserted).toEqual({ field: 'repeatOfTicketId', before: null, after: one!._id });
      expect(trail[1]!.changes).toEqual([
        { field: 'repeatOfTicketId', before: one!._id, after: null },
      ]);
    });

    it('inserts a ticket that repeats a stored one as a repeat, in one write and one audit entry', async () => {
      const base = { accountExternalId: 'A2', serviceRef: 'CIRCUIT-STORED' };
      await run(
        'fault-tickets',
        tickets('stored-first.csv', [
          {
            ...base,
            externalId: 'STO-1',
            reportedAt: at('2025-07-01T10:00'),
            acknowledgedAt: at('2025-07-01T10:05'),
            restoredAt: at('2025-07-01T11:00'),
          },
        ]),
        oss,
      );
      const one = await storedTicket('STO-1');
      const commands = await captureCommands(() =>
        run(
          'fault-tickets',
          tickets('repeat-second.csv', [
            // 10 days after the restoration: a repeat.
            { ...base, externalId: 'STO-2', reportedAt: at('2025-07-11T10:00') },
          ]),
          oss,
        ),
      );
      const two = await storedTicket('STO-2');
      expect(two).toMatchObject({ repeatOfTicketId: one!._id, revision: 1 });
      const trail = await collection('auditentries')
        .find({ entityId: String(two!._id) })
        .toArray();
      expect(trail.map((a) => a.action)).toEqual(['import:insert']);
      // The ticket's only writes: its insert and the removal of its applied consequences.
      const ticketWrites = commands
        .filter((c) => c.name === 'update' && c.collection === 'faulttickets')
        .flatMap((c) => c.body.updates as { q: Record<string, unknown> }[])
        .filter((u) => String(u.q._id ?? '') === String(two!._id) || u.q.externalId === 'STO-2');
      expect(ticketWrites).toHaveLength(2);
    });

    it('makes a stored later ticket a repeat when the earlier one arrives in a later run', async () => {
      const base = {
        accountExternalId: 'A2',
        serviceRef: 'CIRCUIT-S',
        acknowledgedAt: '',
        restoredAt: '',
      };
      await run(
        'fault-tickets',
        tickets('later-first.csv', [
          { ...base, externalId: 'SEQ-2', reportedAt: at('2025-09-20T10:00') },
        ]),
        oss,
      );
      await run(
        'fault-tickets',
        tickets('earlier-second.csv', [
          {
            ...base,
            externalId: 'SEQ-1',
            reportedAt: at('2025-09-01T10:00'),
            acknowledgedAt: at('2025-09-01T10:05'),
            restoredAt: at('2025-09-01T11:00'),
          },
        ]),
        oss,
      );
      const [one, two] = await Promise.all([storedTicket('SEQ-1'), storedTicket('SEQ-2')]);
      // Reported 19 days after the restoration: a repeat.
      expect(two!.repeatOfTicketId).toEqual(one!._id);
    });

    it('finds every repeat when the two tickets of a service are in concurrent batches', async () => {
      const pairs = [1, 2, 3, 4, 5, 6];
      const rows = pairs.flatMap((n): Record<string, string>[] => [
        {
          externalId: `CON-${n}-LATER`,
          serviceRef: `CIRCUIT-CON-${n}`,
          reportedAt: at('2025-10-20T10:00'),
        },
        {
          externalId: `CON-${n}-EARLIER`,
          serviceRef: `CIRCUIT-CON-${n}`,
          reportedAt: at('2025-10-01T10:00'),
          acknowledgedAt: at('2025-10-01T10:05'),
          restoredAt: at('2025-10-01T11:00'),
        },
      ]);
      // One row per batch, four batches in flight: a ticket and its repeat race each other.
      const result = await run('fault-tickets', tickets('concurrent.csv', rows), oss, {
        batchSize: 1,
        concurrency: 4,
      });
      expect(result.summary).toMatchObject({ read: 12, inserted: 12 });
      for (const n of pairs) {
        const [earlier, later] = await Promise.all([
          storedTicket(`CON-${n}-EARLIER`),
          storedTicket(`CON-${n}-LATER`),
        ]);
        expect(later!.repeatOfTicketId).toEqual(earlier!._id);
      }
    });

    it('decides "repeat of" again when a concurrent batch kept a ticket after its services read', async () => {
      // EARLIER was finally restored on 1 Oct 11:00; LATER, on the same service, was reported on
      // 20 Oct 10:00: within 30 days, so LATER repeats EARLIER.
      await run(
        'fault-tickets',
        tickets('stale.csv', [
          {
            externalId: 'STALE-EARLIER',
            serviceRef: 'CIRCUIT-STALE',
            reportedAt: at('2025-10-01T10:00'),
            acknowledgedAt: at('2025-10-01T10:05'),
            restoredAt: at('2025-10-01T11:00'),
          },
          {
            externalId: 'STALE-LATER',
            serviceRef: 'CIRCUIT-STALE',
            reportedAt: at('2025-10-20T10:00'),
          },
        ]),
        oss,
      );
      const earlier = (await storedTicket('STALE-EARLIER'))!;
      const later = (await storedTicket('STALE-LATER'))!;
      expect(later.repeatOfTicketId).toEqual(earlier._id);
      // A re-derivation around LATER whose services read came before EARLIER was kept there (the
      // interleaving of the concurrent-batches test above): from that read LATER repeats nothing.
      const moved = [
        {
          id: later._id,
          accountId: later.accountId,
          serviceRef: 'CIRCUIT-STALE',
          reportedAt: later.reportedAt,
          finalRestoredAt: null,
        },
      ];
      const services = await readServices(moved);
      const [pair] = [...services.keys()];
      const { [String(earlier._id)]: kept, ...withoutEarlier } = services.get(pair!)!;
      expect(kept).toBeDefined();
      const changes = await repeatsFrom(moved, new Map([[pair!, withoutEarlier]]), {
        system: 'test',
      });
      // It wrote its stale answer, found the service changed since its read, and decided again.
      expect(changes.map((c) => c.after.repeatOfTicketId)).toEqual([null, earlier._id]);
      expect((await storedTicket('STALE-LATER'))!.repeatOfTicketId).toEqual(earlier._id);
    });

    it('triggers the post-repair follow-up exactly once for a closed ticket imported twice', async () => {
      const file = tickets('closed.csv', [
        {
          externalId: 'CLOSED-1',
          reportedAt: at('2024-11-01T10:00'),
          acknowledgedAt: at('2024-11-01T10:05'),
          restoredAt: at('2024-11-01T12:00'),
          closedAt: at('2024-11-01T15:00'),
        },
      ]);
      await run('fault-tickets', file, oss);
      await run('fault-tickets', file, oss);
      const stored = await storedTicket('CLOSED-1');
      expect(closed.filter((e) => e.ticketId.equals(stored!._id))).toEqual([
        {
          ticketId: stored!._id,
          accountId: stored!.accountId,
          branchCode: 'BA',
          closedAt: instant('2024-11-01T15:00'),
        },
      ]);
      const followUps = await collection('followups')
        .find({ sourceSystem: 'CADENCE', followsTicketId: stored!._id })
        .toArray();
      expect(followUps).toHaveLength(1);
    });

    it('invalidates the snapshot of a closed period the import changes', async () => {
      const SCORECARD = `query { branchScorecard(branchCode: "BA", period: "2025-Q2") {
        faultWithinSlaRate { value numerator denominator } } }`;
      const snapshot = () =>
        collection('scorecardsnapshots').findOne({ branchCode: 'BA', period: '2025-Q2' });
      // A period without any measurement is answered without storing a snapshot (earlier imports
      // may have marked it stale: a tombstone, without figures).
      const empty = await ok<Row>(service, world.tokens.admin, SCORECARD);
      expect(empty.branchScorecard.faultWithinSlaRate).toMatchObject({
        value: null,
        denominator: 0,
      });
      await snapshotWritesSettled();
      expect((await snapshot())?.figures).toBeUndefined();
      const onTime = tickets('on-time.csv', [
        {
          externalId: 'Q2-ON-TIME',
          reportedAt: at('2025-05-09T10:00'),
          acknowledgedAt: at('2025-05-09T10:10'),
          restoredAt: at('2025-05-09T12:00'),
        },
      ]);
      expect((await run('fault-tickets', onTime, oss)).exitCode).toBe(0);
      const before = await ok<Row>(service, world.tokens.admin, SCORECARD);
      // 10:00–12:00 = 120 min ≤ 240 (CRITICAL): 1 of 1 within SLA, now stored as a snapshot.
      expect(before.branchScorecard.faultWithinSlaRate).toMatchObject({
        value: 1,
        numerator: 1,
        denominator: 1,
      });
      await snapshotWritesSettled();
      expect((await snapshot())!.stale).toBe(false);

      const file = tickets('late.csv', [
        {
          externalId: 'Q2-LATE',
          reportedAt: at('2025-05-10T10:00'),
          acknowledgedAt: at('2025-05-10T10:10'),
          restoredAt: at('2025-05-10T16:00'),
        },
      ]);
      expect((await run('fault-tickets', file, oss)).exitCode).toBe(0);
      expect((await snapshot())!.stale).toBe(true);
      const after = await ok<Row>(service, world.tokens.admin, SCORECARD);
      // 10:00–16:00 = 360 min > 240 (CRITICAL): 1 of 2 within SLA.
      expect(after.branchScorecard.faultWithinSlaRate).toMatchObject({
        value: 0.5,
        numerator: 1,
        denominator: 2,
      });
    });

    it('never lets a branch-bound token touch another branch’s account', async () => {
      const file = tickets('scope.csv', [
        {
          externalId: 'SCOPE-B',
          accountExternalId: 'B1',
          reportedAt: at('2025-02-01T10:00'),
        },
      ]);
      expect((await run('fault-tickets', file, oss)).summary).toMatchObject({ inserted: 1 });
      writeFileSync(
        file,
        csv(TT_COLUMNS, [
          ticket({
            externalId: 'SCOPE-B',
            accountExternalId: 'B1',
            reportedAt: at('2025-02-01T10:00'),
            acknowledgedAt: at('2025-02-01T10:30'),
          }),
        ]),
      );
      const refused = await run('fault-tickets', file, ossA);
      expect(refused.summary).toMatchObject({ read: 1, rejected: 1 });
      expect(rejectsOf(refused.summary.rejectsFile!)[0]).toMatchObject({
        field: 'accountExternalId',
        reason: 'accountExternalId: no key account CRM/B1',
      });
      expect((await storedTicket('SCOPE-B'))!.status).toBe('REPORTED');
    });

    it('costs the same few database commands for 500 rows as for 5', async () => {
      const rows = (count: number, prefix: string) =>
        Array.from({ length: count }, (_, i) =>
          ticket({
            externalId: `${prefix}-${i}`,
            accountExternalId: i % 2 ? 'A1' : 'A2',
            serviceRef: `${prefix}-C${i}`,
            reportedAt: at('2024-06-03T10:00'),
            acknowledgedAt: at('2024-06-03T10:05'),
            workStartedAt: at('2024-06-03T10:30'),
            restoredAt: at('2024-06-03T13:00'),
          }),
        );
      const api = createImportApi(`${service.url}/graphql`, oss);
      const batch = (count: number, prefix: string) =>
        api.importBatch({
          kind: 'fault-tickets',
          sourceSystem: 'OSS',
          rows: rows(count, prefix),
          dryRun: false,
        });
      // The first stage-moving write of an account reads its records once (aggregations), to
      // build the stage state kept from then on; every later batch costs the same.
      await batch(5, 'WARM');
      const five = await countCommands(() => batch(5, 'BULK5'));
      const fiveHundred = await countCommands(() => batch(500, 'BULK500'));
      expect(fiveHundred.byName).toEqual(five.byName);
      // find: the token (2); the kept keys of the tickets (their records are not read: all are
      // new, and no other source system has them, so no separate check of a file imported with
      // the wrong token); the kept keys and the records of the accounts (2); policies, branches;
      // the accounts' stage states and the written tickets as they are now (2); for the repeats,
      // the written tickets as they are now, their services' documents, and the tickets those
      // name (3); the branch of the snapshot invalidation; the accounts' list entries of the
      // written tickets (so that an older entry arriving late is dropped).
      // update: the bulk write (storing the consequences), the kept keys of the new tickets, the
      // services' documents, the stage states, the accounts' currentStage, the accounts' lists of
      // records, the snapshot invalidation, the removal of the applied consequences. insert: the
      // audit.
      // The rollup refresh: find the written tickets and their rollup memberships by id, then
      // the tally buckets' versions by id; one bulk write to the memberships claiming each
      // ticket's change, one to the rollups (one update per bucket, however many tickets), one
      // settling the memberships, one removing the buckets' markers of the claims (3 + 4). No
      // read or write of the branch's open work: new tickets already restored were never open.
      // The accounts' current stages are read (find), and neither they nor the stage states are
      // written: these tickets, older than the accounts' newest and restored, change neither
      // (update −2).
      // Before the write, the services' documents of the new tickets, so each is inserted with
      // its "repeat of" (+1 find).
      // Every find of tickets, accounts and kept documents is a bare `_id $in`, which the
      // stand-in serves from its index; no aggregation is left (before: 8, one per timeline
      // collection and open records, each a scan).
      // The register of writes: one entry inserted before the bulk write, deleted after the
      // consequences are cleared (insert +1, delete +1).
      expect(fiveHundred.byName).toEqual({ find: 19, update: 10, insert: 2, delete: 1 });
      expect(await collection('faulttickets').countDocuments({ externalId: /^BULK500-/ })).toBe(
        500,
      );
      // A replay reads the token (2), the kept keys and records of the tickets and of the
      // accounts (2 + 2), and finds nothing to do.
      const replay = await countCommands(() => batch(500, 'BULK500'));
      expect(replay.byName).toEqual({ find: 6 });
    });

    it('reads a batch of the largest size by `_id` in parts of at most IDS_PER_READ ids', async () => {
      // 1 000 new tickets (each on its own service): the reads of the tickets, their kept keys,
      // services and rollup memberships go in parts (the stand-in's cost of one read grows with
      // the square of its ids); none is left out.
      const api = createImportApi(`${service.url}/graphql`, oss);
      const rows = Array.from({ length: MAX_IMPORT_BATCH }, (_, i) =>
        ticket({
          externalId: `BULK1000-${i}`,
          accountExternalId: i % 2 ? 'A1' : 'A2',
          serviceRef: `BULK1000-C${i}`,
          reportedAt: at('2024-06-04T10:00'),
          acknowledgedAt: at('2024-06-04T10:05'),
          workStartedAt: at('2024-06-04T10:30'),
          restoredAt: at('2024-06-04T13:00'),
        }),
      );
      const commands = await captureCommands(() =>
        api.importBatch({ kind: 'fault-tickets', sourceSystem: 'OSS', rows, dryRun: false }),
      );
      const reads = commands
        .filter(({ name }) => name === 'find')
        .map(({ collection, body }) => ({
          collection,
          ids: (body.filter as { _id?: { $in?: unknown[] } })._id?.$in?.length ?? 0,
        }));
      expect(Math.max(...reads.map(({ ids }) => ids))).toBe(IDS_PER_READ);
      const split = reads.filter(({ ids }) => ids === IDS_PER_READ).map((r) => r.collection);
      expect([...new Set(split)].sort()).toEqual([
        'faultservices',
        'faulttickets',
        'recordkeys',
        'rollupmembers',
      ]);
      expect(await collection('faulttickets').countDocuments({ externalId: /^BULK1000-/ })).toBe(
        MAX_IMPORT_BATCH,
      );
    });

    it('reaches tickets, accounts and kept documents only by key: inserts, updates, replays', async () => {
      const api = createImportApi(`${service.url}/graphql`, oss);
      const batch = (closedAt: string | undefined) =>
        api.importBatch({
          kind: 'fault-tickets',
          sourceSystem: 'OSS',
          dryRun: false,
          rows: Array.from({ length: 20 }, (_, i) =>
            ticket({
              externalId: `KEYED-${i}`,
              accountExternalId: i % 2 ? 'A1' : 'A2',
              serviceRef: `KEYED-C${i % 3}`,
              reportedAt: at(`2024-07-0${1 + (i % 5)}T10:00`),
              acknowledgedAt: at(`2024-07-0${1 + (i % 5)}T10:05`),
              restoredAt: at(`2024-07-0${1 + (i % 5)}T13:00`),
              ...(closedAt ? { closedAt: at(`2024-07-0${1 + (i % 5)}T${closedAt}`) } : {}),
            }),
          ),
        });
      await batch(undefined); // accounts warmed by the test above; new tickets here
      const commands = await captureCommands(async () => {
        expect((await batch(undefined)).unchanged).toBe(20);
        expect((await batch('15:00')).updated).toBe(20); // closed: follow-ups scheduled
        expect((await batch('16:00')).updated).toBe(20); // closed later: follow-ups moved
        expect((await batch('16:00')).unchanged).toBe(20);
      });
      const tickets = (await collection('faulttickets').find({ sourceSystem: 'OSS' }).toArray())
        .filter((ticket) => String(ticket.externalId).startsWith('KEYED-'))
        .map((ticket) => String(ticket._id));
      const moved = (await collection('followups').find({ purpose: 'POST_REPAIR' }).toArray())
        .filter((followUp) => tickets.includes(String(followUp.followsTicketId)))
        .map((followUp) => followUp.dueAt.toISOString().slice(11));
      // Each due a day after its ticket's later closure (16:00 local = 08:00 UTC).
      expect(moved).toEqual(Array(20).fill('08:00:00.000Z'));
      const written = commands.filter((c) => c.name === 'update');
      expect(new Set(written.map((c) => c.collection))).toContain('faulttickets');
      // Read once per batch, each a handful of documents (policies, branches); none grows with
      // the records. Snapshots are marked stale by `_id`.
      const small = new Set(['slapolicies', 'branches']);
      const scanning = (await scanningFilters(commands)).filter((s) => !small.has(s.collection));
      expect(scanning).toEqual([]);
    });
  });

  describe('activation orders', () => {
    const orders = (name: string, rows: Record<string, string>[]) =>
      write(
        name,
        csv(
          ORDER_COLUMNS,
          rows.map((row) => ({ accountExternalId: 'A1', product: 'BROADBAND', ...row })),
        ),
      );
    const storedOrder = (externalId: string) =>
      collection('activationorders').findOne({ sourceSystem: 'OSS', externalId });

    it('stores the order the mutations build, field for field', async () => {
      const call = async (mutation: string, variables: Row) =>
        (await ok<Row>(service, oss, mutation, variables)).r;
      const { id } = await call(
        `mutation($i: CreateActivationOrderInput!) { r: createActivationOrder(input: $i) { id } }`,
        {
          i: {
            accountId: world.accounts.own,
            product: 'broadband',
            orderedAt: at('2025-03-03T09:00'),
            requestedAt: at('2025-03-05T09:00'),
            sourceSystem: 'OSS',
            externalId: 'MUT-ORD',
          },
        },
      );
      const step = (field: string, args: string, variables: Row) =>
        call(`mutation(${args}) { r: ${field} { id } }`, { id, ...variables });
      const idAt = '$id: ID!, $at: DateTime!';
      await step('scheduleActivationOrder(id: $id, at: $at)', idAt, { at: at('2025-03-03T10:00') });
      await step(
        'delayActivationOrder(id: $id, at: $at, reason: LINE_RESOURCE_SHORTAGE, notifiedAt: $n)',
        `${idAt}, $n: DateTime`,
        { at: at('2025-03-05T09:00'), n: at('2025-03-05T10:00') },
      );
      await step(
        'repromiseActivationOrder(id: $id, promisedAt: $p, at: $at)',
        `${idAt}, $p: DateTime!`,
        { at: at('2025-03-05T10:00'), p: at('2025-03-08T18:00') },
      );
      await step('activateOrder(id: $id, at: $at)', idAt, { at: at('2025-03-08T12:00') });
      await step('recordAcceptanceReport(id: $id, at: $at, reference: "ACC-1")', idAt, {
        at: at('2025-03-09T09:00'),
      });

      const file = orders('equivalent.csv', [
        {
          externalId: 'IMP-ORD',
          product: 'broadband',
          orderedAt: at('2025-03-03T09:00'),
          requestedAt: at('2025-03-05T09:00'),
          status: 'ACTIVATED',
          dispatchConfirmedAt: at('2025-03-03T10:00'),
          delayReason: 'LINE_RESOURCE_SHORTAGE',
          delayedAt: at('2025-03-05T09:00'),
          delayNotifiedAt: at('2025-03-05T10:00'),
          repromises: `${at('2025-03-08T18:00')}@${at('2025-03-05T10:00')}`,
          activatedAt: at('2025-03-08T12:00'),
          acceptanceReportedAt: at('2025-03-09T09:00'),
          acceptanceReportRef: 'ACC-1',
        },
      ]);
      const first = await run('activation-orders', file, oss);
      expect(first.summary).toMatchObject({ read: 1, inserted: 1, rejected: 0 });
      const [viaMutations, viaImport] = await Promise.all([
        storedOrder('MUT-ORD'),
        storedOrder('IMP-ORD'),
      ]);
      expect(facts(viaImport)).toEqual(facts(viaMutations));
      // Broadband promise: ordered + 72 h = 03-06 09:00; activated 03-08 12:00 = 51 h = 3060 min late.
      expect(viaImport).toMatchObject({
        onTime: false,
        latenessMinutes: 3060,
        promiseDerived: true,
      });
      expect(completed.filter((e) => e.orderId.equals(viaImport!._id))).toHaveLength(1);

      // Imported twice: unchanged, and the post-activation follow-up is scheduled once.
      expect((await run('activation-orders', file, oss)).summary).toMatchObject({ unchanged: 1 });
      expect(completed.filter((e) => e.orderId.equals(viaImport!._id))).toHaveLength(1);
      expect(
        await collection('followups').countDocuments({
          sourceSystem: 'CADENCE',
          followsOrderId: viaImport!._id,
        }),
      ).toBe(1);
    });

    it('rejects inconsistent orders with their column and updates a changed one', async () => {
      const file = orders('orders.csv', [
        { externalId: 'O-1', orderedAt: at('2025-04-01T09:00'), status: 'RECEIVED' }, // line 2
        {
          externalId: 'O-ACC',
          accountExternalId: 'NOPE',
          orderedAt: at('2025-04-01T09:00'),
          status: 'RECEIVED',
        }, // 3
        { externalId: 'O-ST', orderedAt: at('2025-04-01T09:00'), status: 'ACTIVATED' }, // 4
        {
          externalId: 'O-BACK',
          orderedAt: at('2025-04-01T09:00'),
          status: 'ACTIVATED',
          delayReason: 'OTHER',
          delayedAt: at('2025-04-03T09:00'),
          activatedAt: at('2025-04-02T09:00'),
        }, // 5
        {
          externalId: 'O-CODE',
          orderedAt: at('2025-04-01T09:00'),
          status: 'DELAYED',
          delayReason: 'RAIN',
          delayedAt: at('2025-04-02T09:00'),
        }, // 6
        {
          externalId: 'O-B',
          accountExternalId: 'B1',
          orderedAt: at('2025-04-01T09:00'),
          status: 'RECEIVED',
        }, // 7
      ]);
      const result = await run('activation-orders', file, ossA);
      expect(result.summary).toMatchObject({ read: 6, inserted: 1, rejected: 5 });
      expect(reconciles(result.summary)).toBe(true);
      expect(
        rejectsOf(result.summary.rejectsFile!).map((r) => [r.line, r.field, r.reason]),
      ).toEqual([
        [3, 'accountExternalId', 'accountExternalId: no key account CRM/NOPE'],
        [
          4,
          'status',
          'status: is ACTIVATED but the times given lead to RECEIVED (ACTIVATED is entered at activatedAt)',
        ],
        [5, 'activatedAt', 'activatedAt: cannot be before delayedAt (2025-04-03T01:00:00.000Z)'],
        [6, 'delayReason', expect.stringMatching(/^delayReason: /)],
        [7, 'accountExternalId', 'accountExternalId: no key account CRM/B1'],
      ]);

      writeFileSync(
        file,
        csv(ORDER_COLUMNS, [
          {
            externalId: 'O-1',
            accountExternalId: 'A1',
            product: 'BROADBAND',
            orderedAt: at('2025-04-01T09:00'),
            status: 'ACTIVATED',
            activatedAt: at('2025-04-03T09:00'),
          },
        ]),
      );
      expect((await run('activation-orders', file, ossA)).summary).toMatchObject({ updated: 1 });
      // Promised 04-04 09:00 (72 h), activated 04-03 09:00: on time.
      expect(await storedOrder('O-1')).toMatchObject({
        status: 'ACTIVATED',
        onTime: true,
        latenessMinutes: 0,
        measuredAt: instant('2025-04-03T09:00'),
      });
    });
  });
});

describe('sample files', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService();
    await loadTestDemoData();
  }, 120_000);
  afterAll(() => stopTestService(service));

  it('import cleanly into the demo data (accounts with int.crm, then orders and tickets with int.oss), and again unchanged', async () => {
    const tokenOf = async (login: string) =>
      (
        await ok<Row>(
          service,
          service.adminToken,
          'mutation($l: String!) { issueToken(input: { login: $l }) { token } }',
          { l: login },
        )
      ).issueToken.token as string;
    const sample = (kind: string) =>
      path.resolve(__dirname, '..', 'scripts', 'samples', `${kind}.csv`);
    const load = async (kind: string, login: string) =>
      runImport({
        api: createImportApi(`${service.url}/graphql`, await tokenOf(login)),
        kind,
        file: sample(kind),
        rejectsFile: path.join(dir, `${kind}.rejects.ndjson`),
        format: 'csv',
        dryRun: false,
      });
    expect((await load('accounts', 'int.crm')).exitCode).toBe(0);
    for (const kind of ['activation-orders', 'fault-tickets']) {
      const first = await load(kind, 'int.oss');
      expect({ kind, ...first.summary }).toMatchObject({
        kind,
        rejected: 0,
        updated: 0,
        unchanged: 0,
        rejectsFile: null,
      });
      expect(first.summary.inserted).toBe(first.summary.read);
      expect(first.summary.read).toBeGreaterThanOrEqual(6);
      const again = await load(kind, 'int.oss');
      expect(again.summary).toMatchObject({ inserted: 0, updated: 0, rejected: 0 });
      expect(again.summary.unchanged).toBe(again.summary.read);
    }
    // The sample's second ticket repeats the first (same circuit, 18 days after its restoration).
    const tickets = mongoose.connection.db!.collection('faulttickets');
    const [first, second] = await Promise.all([
      tickets.findOne({ sourceSystem: 'OSS', externalId: 'OSS-TT-26001' }),
      tickets.findOne({ sourceSystem: 'OSS', externalId: 'OSS-TT-26002' }),
    ]);
    expect(second).toMatchObject({
      repeatOfTicketId: first!._id,
      reopenCount: 1,
      status: 'CLOSED',
    });

    // The batched stage refresh imports use decides as the one-account refresh, on every account.
    const accounts = await mongoose.connection.db!.collection('keyaccounts').find().toArray();
    // The stage kept on each write (demo mutations, then imports) is the one the records give.
    const kept = accounts.map((account) => account.currentStage);
    await refreshCurrentStages(accounts.map((account) => account._id));
    const batched = await mongoose.connection.db!.collection('keyaccounts').find().toArray();
    const oneByOne = await Promise.all(accounts.map((account) => refreshCurrentStage(account._id)));
    expect(batched.map((account) => account.currentStage)).toEqual(oneByOne);
    expect(kept).toEqual(oneByOne);
    expect(new Set(oneByOne).size).toBeGreaterThan(2);
  }, 60_000);
});
