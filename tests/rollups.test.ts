import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import mongoose from 'mongoose';
import { flatCounts } from '../src/modules/rollups/rollup-tally';
import { refreshRollups } from '../src/modules/rollups/rollup.service';
import { checkRollups, rebuildRollups } from '../src/modules/rollups/rollup-check';
import {
  memberId,
  RollupMemberModel,
  RollupModel,
  type RollupDoc,
} from '../src/modules/rollups/rollup.model';
import {
  loadScorecardInputsFromRecords,
  rowWindow,
  scorecardInputsFrom,
} from '../src/modules/scorecards/scorecard-data';
import { scorecardFigures } from '../src/modules/scorecards/scorecard-figures';
import { loadRowsFromRollups } from '../src/modules/scorecards/scorecard-rollups';
import { ScorecardSnapshotModel } from '../src/modules/scorecards/scorecard.model';
import { snapshotWritesSettled } from '../src/modules/scorecards/scorecard-snapshots';
import { parsePeriod } from '../src/shared/period';
import { captureCommands, type SentCommand } from './support/command-counter';
import {
  startTestService,
  stopTestService,
  testServerUri,
  type TestService,
} from './support/test-service';
import { FaultTicketModel } from '../src/modules/faults/fault-ticket.model';
import { relist } from './support/kept-lists';
import { buildWorld, createAccount, ok, type World } from './support/world';

// Rollups maintained on write: a cold card reads them by id only, they agree with the records
// after each kind of change, and the check (function and npm command) finds a tampered one.
const Q = '2026-Q1';
const t = (local: string) => `${local}+08:00`;
const collection = (name: string) => mongoose.connection.db!.collection(name);

const CARD = `query($b: String!, $p: String!) { branchScorecard(branchCode: $b, period: $p) {
  responses overdueActivations satisfactionIndex { value previous } activationOnTimeRate { value }
  faultWithinSlaRate { value } tiers { severity p90Minutes { value } } followUpCoverage { value }
  postActivationFollowUpRate { value } postRepairFollowUpRate { value } compositeScore { value } } }`;
const RANKING = `query($p: String!) { scorecardRanking(period: $p) { branch { code } rank compositeScore { value } } }`;

/** Whether a filter is `_id` equality or a bare `_id $in` (what the stand-in serves by index). */
function isByKey(filter: unknown): boolean {
  if (!filter || typeof filter !== 'object') return false;
  const keys = Object.keys(filter);
  if (keys.length !== 1 || keys[0] !== '_id') return false;
  const id = (filter as { _id: unknown })._id;
  if (id === null || typeof id !== 'object' || id instanceof mongoose.mongo.ObjectId) return true;
  const operators = Object.keys(id);
  return operators.length === 1 && operators[0] === '$in';
}

const filterOf = (command: SentCommand): unknown =>
  command.name === 'find'
    ? command.body.filter
    : ((command.body.pipeline as Record<string, unknown>[])[0]?.$match ?? {});

describe('scorecard rollups', () => {
  let service: TestService;
  let world: World;
  const admin = (query: string, variables?: Record<string, unknown>) =>
    ok(service, service.adminToken, query, variables);

  async function ticket(accountId: string, reported: string, restored: string) {
    const data = await admin(
      'mutation($i: OpenFaultTicketInput!) { openFaultTicket(input: $i) { id } }',
      {
        i: {
          accountId,
          serviceRef: `C-${reported}`,
          severity: 'MAJOR',
          channel: 'HOTLINE',
          reportedAt: t(reported),
        },
      },
    );
    const id = data.openFaultTicket.id as string;
    const acknowledged = new Date(new Date(t(reported)).getTime() + 600_000).toISOString();
    await admin(
      'mutation($id: ID!, $at: DateTime!) { acknowledgeFaultTicket(id: $id, at: $at) { id } }',
      { id, at: acknowledged },
    );
    await admin(
      'mutation($id: ID!, $at: DateTime!) { restoreFaultTicket(id: $id, at: $at) { id } }',
      {
        id,
        at: t(restored),
      },
    );
    return id;
  }

  beforeAll(async () => {
    service = await startTestService();
    world = await buildWorld(service);
    const account = world.accounts.own;
    await admin(
      'mutation($i: RecordSurveyResponseInput!) { recordSurveyResponse(input: $i) { id } }',
      {
        i: {
          accountId: account,
          respondedAt: t('2026-02-01T10:00:00'),
          channel: 'PHONE',
          cs1: 9,
          cs2: 8,
          cs3: 7,
          nps: 9,
        },
      },
    );
    const order = await admin(
      'mutation($i: CreateActivationOrderInput!) { createActivationOrder(input: $i) { id } }',
      {
        i: {
          accountId: account,
          product: 'BROADBAND',
          orderedAt: t('2026-01-05T09:00:00'),
          promisedAt: t('2026-01-09T18:00:00'),
        },
      },
    );
    await admin('mutation($id: ID!, $at: DateTime!) { activateOrder(id: $id, at: $at) { id } }', {
      id: order.createActivationOrder.id,
      at: t('2026-01-12T12:00:00'),
    });
    await admin(
      'mutation($i: CreateActivationOrderInput!) { createActivationOrder(input: $i) { id } }',
      {
        i: {
          accountId: world.accounts.otherBranch,
          product: 'BROADBAND',
          orderedAt: t('2026-03-01T09:00:00'),
          promisedAt: t('2026-03-03T18:00:00'),
        },
      },
    );
    const closed = await ticket(account, '2026-01-20T10:00:00', '2026-01-20T15:00:00');
    await admin(
      'mutation($id: ID!, $at: DateTime!) { closeFaultTicket(id: $id, at: $at) { id } }',
      {
        id: closed,
        at: t('2026-01-20T17:00:00'),
      },
    );
    await ticket(world.accounts.otherBranch, '2026-03-30T22:00:00', '2026-04-01T02:00:00');
  });
  afterAll(() => stopTestService(service));

  it('a cold card and ranking read rollups and snapshots by id only, never the records', async () => {
    await ScorecardSnapshotModel.deleteMany({});
    const sent = await captureCommands(async () => {
      await admin(CARD, { b: 'BA', p: Q });
      await admin(RANKING, { p: Q });
    });
    const reads = sent.filter((c) => c.name === 'find' || c.name === 'aggregate');
    // Configuration read whole or by its unique key: the branch list (a few dozen documents), the
    // caller's token and user; everything else (the period's targets too) must be by key.
    const configuration = ['branches', 'users', 'apitokens'];
    const scanning = reads.filter(
      (c) => !configuration.includes(String(c.collection)) && !isByKey(filterOf(c)),
    );
    expect(scanning.map((c) => ({ collection: c.collection, filter: filterOf(c) }))).toEqual([]);
    const readCollections = new Set(reads.map((c) => String(c.collection)));
    expect(readCollections.has('rollups')).toBe(true);
    expect(readCollections.has('scorecardtargets')).toBe(true);
    for (const records of [
      'surveyresponses',
      'faulttickets',
      'activationorders',
      'followups',
      'keyaccounts',
    ])
      expect(readCollections.has(records)).toBe(false);
    await snapshotWritesSettled();
    expect(
      await ScorecardSnapshotModel.countDocuments({ period: Q, stale: false }),
    ).toBeGreaterThan(0);
  });

  /** Scorecard inputs of BA and BB from the rollups, checked equal to those from the records. */
  async function sameInputs(label: string) {
    const now = new Date();
    const period = parsePeriod(label);
    const fromRecords = await loadScorecardInputsFromRecords(['BA', 'BB'], period, now);
    const window = rowWindow(period, now);
    const rows = await loadRowsFromRollups(['BA', 'BB'], window);
    const fromRollups = scorecardInputsFrom(['BA', 'BB'], window, rows);
    for (const code of ['BA', 'BB']) {
      expect(fromRollups.get(code)).toEqual(fromRecords.get(code));
      expect(scorecardFigures(fromRollups.get(code)!)).toEqual(
        scorecardFigures(fromRecords.get(code)!),
      );
    }
    return fromRollups;
  }

  it('gives the same inputs as the records, for a quarter, its months and the year', async () => {
    for (const label of [Q, '2026-01', '2026-03', '2026', '2026-Q2']) await sameInputs(label);
    // BB's order (ordered 1 Mar, promised 3 Mar 18:00, never activated) is overdue at the end of
    // March and of Q1 (closed periods: from the counts) and now (the open year: from the orders
    // still open); not at the end of February, before it was ordered.
    const overdue = async (label: string) =>
      (await sameInputs(label)).get('BB')!.overdueActivations;
    expect([await overdue('2026-02'), await overdue('2026-03'), await overdue(Q)]).toEqual([
      0, 1, 1,
    ]);
    expect(await overdue('2026')).toBe(1);
    // At the end of April and of Q2 it is still overdue: counted from the branch's ledger (became
    // overdue in March, a month before the end's month; never ended), not from March's bucket.
    expect([await overdue('2026-04'), await overdue('2026-Q2')]).toEqual([1, 1]);
    expect(
      flatCounts(
        (await RollupModel.collection.findOne({ _id: 'overdueMonths|BB|all' } as never))?.t,
      ),
    ).toEqual(new Map([['s.2026-03', 1]]));
    // BA's order was overdue from 9 Jan 18:00 (its promise) to 12 Jan 12:00 (activated): one
    // start and one end before the end of January, so none at the end of January.
    expect((await sameInputs('2026-01')).get('BA')!.overdueActivations).toBe(0);
  });

  it('follows a record that moves: a reopened ticket leaves its month, a corrected survey moves', async () => {
    const id = await ticket(world.accounts.own, '2026-02-10T10:00:00', '2026-02-10T12:00:00');
    // Tickets are counted: the ticket's membership says in which bucket.
    const bucket = async (month: string) => {
      const member = await RollupMemberModel.collection.findOne({
        _id: memberId('FaultTicket', id),
      } as never);
      return ((member?.buckets ?? {}) as Record<string, unknown>)[`tickets|BA|${month}`] ?? {};
    };
    expect(await bucket('2026-02')).toHaveProperty('k');
    await admin(
      'mutation($id: ID!, $at: DateTime!) { reopenFaultTicket(id: $id, at: $at) { id } }',
      {
        id,
        at: t('2026-02-11T09:00:00'),
      },
    );
    expect(await bucket('2026-02')).not.toHaveProperty('k');
    await admin(
      'mutation($id: ID!, $at: DateTime!) { restoreFaultTicket(id: $id, at: $at) { id } }',
      {
        id,
        at: t('2026-03-02T09:00:00'),
      },
    );
    expect(await bucket('2026-03')).toHaveProperty('k');

    const row = {
      externalId: 'SR-MOVE',
      accountExternalId: 'A1',
      channel: 'PHONE',
      cs1: '8',
      cs2: '8',
      cs3: '8',
    };
    const importRow = (respondedAt: string) =>
      ok(
        service,
        world.tokens.intAll,
        `mutation($r: [JSONObject!]!) { importRecords(kind: "survey-responses", sourceSystem: "CRM", rows: $r) { results { status } } }`,
        {
          r: [{ ...row, respondedAt }],
        },
      );
    // Responses are counted by their score sums: one response (`s.n`) of CS 8, 8, 8 without
    // NPS adds 8 to each question's sum (`s.1`).
    const scored = async (month: string) => {
      const counts = await countsOf(`responses|BA|${month}`);
      return [counts.get('s.n') ?? 0, counts.get('s.1') ?? 0];
    };
    const jan = (await scored('2026-01'))!;
    const feb = (await scored('2026-02'))!;
    const moved = async () => {
      const [a, b] = [await scored('2026-01'), await scored('2026-02')];
      return [a[0]! - jan[0]!, a[1]! - jan[1]!, b[0]! - feb[0]!, b[1]! - feb[1]!];
    };
    await importRow(t('2026-01-25T10:00:00'));
    expect(await moved()).toEqual([1, 8, 0, 0]);
    await importRow(t('2026-02-25T10:00:00'));
    expect(await moved()).toEqual([0, 0, 1, 8]);
    expect(await checkRollups()).toEqual([]);
  });

  const countsOf = async (bucket: string) =>
    flatCounts(
      ((await RollupModel.collection.findOne({ _id: bucket } as never)) as unknown as RollupDoc)?.t,
    );
  const minus = (a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>) =>
    new Map(
      [...new Set([...a.keys(), ...b.keys()])]
        .map((path): [string, number] => [path, (a.get(path) ?? 0) - (b.get(path) ?? 0)])
        .filter(([, n]) => n !== 0),
    );

  it('a rewritten ticket leaves exactly its old counts, and all of them when it moves away', async () => {
    const [feb, febMinutes] = ['tickets|BA|2026-02', 'repairMinutes|BA|2026-02'];
    const start = await countsOf(feb);
    const startMinutes = await countsOf(febMinutes);
    const id = await ticket(world.accounts.own, '2026-02-12T10:00:00', '2026-02-12T12:00:00');
    const minutes = async () =>
      (await collection('faulttickets').findOne({ _id: new mongoose.Types.ObjectId(id) }))!
        .repairDurationMinutes as number;
    const first = await minutes();
    expect(first).toBe(120);
    // One MAJOR ticket more: n +1, within SLA +1, and its repair (10:00–12:00, 120 minutes):
    // +1 in the range 120–179 (range 2 of 60 minutes) and at its exact value there, + 7 200 000
    // ms to the sum, and its square's limbs: 7 200 000 = 109·2^16 + 56 576, so 56 576² =
    // 3 200 843 776, 2·56 576·109 = 12 333 568, 109² = 11 881. Acknowledged after 10 minutes:
    // one acknowledgement more, + 600 000 ms, and its square's limbs: 600 000 = 9·2^16 + 10 176,
    // so 10 176² = 103 550 976, 2·10 176·9 = 183 168, 9² = 81.
    expect(minus(await countsOf(feb), start)).toEqual(
      new Map([
        ['n.MAJOR', 1],
        ['c.MAJOR.2', 1],
        ['s.MAJOR', 7_200_000],
        ['q.MAJOR.0', 3_200_843_776],
        ['q.MAJOR.1', 12_333_568],
        ['q.MAJOR.2', 11_881],
        ['w.MAJOR', 1],
        ['k.n', 1],
        ['k.s', 600_000],
        ['k.q.0', 103_550_976],
        ['k.q.1', 183_168],
        ['k.q.2', 81],
      ]),
    );
    // Its exact value is counted apart (read only for the range holding a p90).
    expect(minus(await countsOf(febMinutes), startMinutes)).toEqual(
      new Map([['d.MAJOR.2.120', 1]]),
    );
    // Reopened and restored in the same month: the same ticket, a longer repair.
    await admin(
      'mutation($id: ID!, $at: DateTime!) { reopenFaultTicket(id: $id, at: $at) { id } }',
      { id, at: t('2026-02-13T09:00:00') },
    );
    await admin(
      'mutation($id: ID!, $at: DateTime!) { restoreFaultTicket(id: $id, at: $at) { id } }',
      { id, at: t('2026-02-13T10:00:00') },
    );
    // 120 + 60 minutes (13 Feb 09:00–10:00): range 3, 10 800 000 ms.
    expect(await minutes()).toBe(180);
    const rewritten = minus(await countsOf(feb), start);
    expect(rewritten.get('c.MAJOR.2')).toBeUndefined();
    expect(minus(await countsOf(febMinutes), startMinutes)).toEqual(
      new Map([['d.MAJOR.3.180', 1]]),
    );
    expect(rewritten.get('c.MAJOR.3')).toBe(1);
    expect(rewritten.get('s.MAJOR')).toBe(10_800_000);
    expect(rewritten.get('n.MAJOR')).toBe(1);
    // Reopened and restored in March: February is back to where it started.
    await admin(
      'mutation($id: ID!, $at: DateTime!) { reopenFaultTicket(id: $id, at: $at) { id } }',
      { id, at: t('2026-02-20T09:00:00') },
    );
    await admin(
      'mutation($id: ID!, $at: DateTime!) { restoreFaultTicket(id: $id, at: $at) { id } }',
      { id, at: t('2026-03-03T10:00:00') },
    );
    expect(minus(await countsOf(feb), start)).toEqual(new Map());
    expect(minus(await countsOf(febMinutes), startMinutes)).toEqual(new Map());
    expect(await checkRollups()).toEqual([]);
  });

  it('a refresh stopped half-way is finished by the next one, whatever the record became', async () => {
    const id = await ticket(world.accounts.own, '2026-02-14T10:00:00', '2026-02-14T11:00:00');
    const _id = new mongoose.Types.ObjectId(id);
    const tickets = collection('faulttickets');
    const member = async () =>
      (await RollupMemberModel.collection.findOne({ _id: memberId('FaultTicket', id) } as never))!;
    // Stops after claiming the change (1), after counting it in the buckets (2), or after the
    // membership, before removing the buckets' markers (3); the record is then changed again
    // (another duration, another month) and refreshed to the end.
    for (const [stop, minutes, measuredAt] of [
      ['claims', 500, '2026-02-15T10:00:00Z'],
      ['buckets', 700, '2026-03-16T10:00:00Z'],
      ['memberships', 800, '2026-02-17T10:00:00Z'],
    ] as const) {
      await tickets.updateOne(
        { _id },
        { $set: { repairDurationMinutes: minutes, measuredAt: new Date(measuredAt) } },
      );
      await refreshRollups('FaultTicket', [_id], stop);
      expect((await member()).pending === undefined).toBe(stop === 'memberships');
      await tickets.updateOne({ _id }, { $inc: { repairDurationMinutes: 1 } });
      await refreshRollups('FaultTicket', [_id]);
      expect(await checkRollups()).toEqual([]);
      expect((await member()).pending).toBeUndefined();
    }
    // The marker the third stop left is gone with the next write of its bucket.
    const february = await RollupModel.collection.findOne({ _id: 'tickets|BA|2026-02' } as never);
    expect(Object.keys((february?.ops ?? {}) as object)).toEqual([]);
    // Changed behind the service's back: listed again as its write would (the account's list
    // shows a settled ticket's stored measures).
    await relist(FaultTicketModel, [_id]);
  });

  it('refreshes of the same records at once count each record once', async () => {
    const ids = await Promise.all(
      ['2026-02-18', '2026-02-19', '2026-03-02'].map((day) =>
        ticket(world.accounts.own, `${day}T08:00:00`, `${day}T09:30:00`),
      ),
    );
    const _ids = ids.map((id) => new mongoose.Types.ObjectId(id));
    for (const [i, measuredAt] of ['2026-03-05T10:00:00Z', '2026-02-25T10:00:00Z'].entries()) {
      await collection('faulttickets').updateMany(
        { _id: { $in: _ids } },
        { $set: { repairDurationMinutes: 300 + i, measuredAt: new Date(measuredAt) } },
      );
      await Promise.all([1, 2, 3].map(() => refreshRollups('FaultTicket', _ids)));
      expect(await checkRollups()).toEqual([]);
    }
    await relist(FaultTicketModel, _ids);
  });

  async function completedFollowUp(at: string, accountId = world.accounts.own) {
    const scheduled = await admin(
      'mutation($i: ScheduleFollowUpInput!) { scheduleFollowUp(input: $i) { id } }',
      { i: { accountId, purpose: 'OTHER', channel: 'PHONE', dueAt: t(at) } },
    );
    const id = scheduled.scheduleFollowUp.id as string;
    await admin(
      'mutation($id: ID!, $at: DateTime!) { completeFollowUp(id: $id, at: $at) { id } }',
      {
        id,
        at: t(at),
      },
    );
    return new mongoose.Types.ObjectId(id);
  }
  // A completion moved by a correction (past the service, as a bulk repair would): its refresh.
  async function moveCompletion(_id: mongoose.Types.ObjectId, at: string) {
    await collection('followups').updateOne({ _id }, { $set: { completedAt: new Date(t(at)) } });
    await refreshRollups('FollowUp', [_id]);
  }

  it("decides follow-up compliance on write: a completion counts its account's activations and closures", async () => {
    const activations = 'activations|BA|2026-01';
    const closures = 'closures|BA|2026-01';
    const [a0, c0] = [await countsOf(activations), await countsOf(closures)];
    // The account's order was activated on 12 Jan 12:00 and its ticket closed on 20 Jan 17:00
    // (UTC+8), none followed up yet.
    expect([a0.get('p') ?? 0, c0.get('c') ?? 0, c0.get('n')]).toEqual([0, 0, 1]);
    // Completed 15 Jan 10:00: within 12 Jan 12:00 + 7 × 24 h = 19 Jan 12:00, so the activation
    // becomes compliant; before the closure, so the repair does not.
    const visit = await completedFollowUp('2026-01-15T10:00:00');
    expect(minus(await countsOf(activations), a0)).toEqual(new Map([['p', 1]]));
    expect(minus(await countsOf(closures), c0)).toEqual(new Map());
    // Moved to 21 Jan 09:00: after 19 Jan 12:00 (the activation is no longer compliant), within
    // 20 Jan 17:00 + 3 × 24 h = 23 Jan 17:00 (the repair is).
    await moveCompletion(visit, '2026-01-21T09:00:00');
    expect(minus(await countsOf(activations), a0)).toEqual(new Map());
    expect(minus(await countsOf(closures), c0)).toEqual(new Map([['c', 1]]));
    expect(await checkRollups()).toEqual([]);
    const q1 = (await sameInputs(Q)).get('BA')!;
    expect([q1.postActivation, q1.postRepair]).toEqual([
      { compliant: 0, total: 1 },
      { compliant: 1, total: 1 },
    ]);
    for (const label of ['2026-01', '2026']) await sameInputs(label);
    // Back to 16 Jan 08:00: both windows, 12 Jan 12:00 – 19 Jan 12:00 holds it, the repair's not.
    await moveCompletion(visit, '2026-01-16T08:00:00');
    expect(minus(await countsOf(activations), a0)).toEqual(new Map([['p', 1]]));
    expect(minus(await countsOf(closures), c0)).toEqual(new Map());
    expect(await checkRollups()).toEqual([]);
  });

  it('a follow-up refresh stopped after showing its instant is finished by the next one', async () => {
    const closures = 'closures|BA|2026-01';
    // 25 Jan 10:00 is past the closure's window (20 Jan 17:00 – 23 Jan 17:00).
    const visit = await completedFollowUp('2026-01-25T10:00:00');
    const c0 = await countsOf(closures);
    expect(c0.get('c') ?? 0).toBe(0);
    const followUps = collection('followups');
    // The refresh of a completion moved to 21 Jan 10:00 (within the window) stops after its
    // claim and buckets (the account's instant written), before its dependants and membership;
    // meanwhile the ticket is refreshed, sees 21 Jan and counts as followed up.
    await followUps.updateOne(
      { _id: visit },
      { $set: { completedAt: new Date(t('2026-01-21T10:00:00')) } },
    );
    await refreshRollups('FollowUp', [visit], 'buckets');
    const tickets = await collection('faulttickets')
      .find({ status: 'CLOSED', branchCode: 'BA' }, { projection: { _id: 1 } })
      .toArray();
    await refreshRollups(
      'FaultTicket',
      tickets.map((ticket) => ticket._id),
    );
    expect(minus(await countsOf(closures), c0)).toEqual(new Map([['c', 1]]));
    // Then it is corrected to 30 Jan and refreshed: the ticket near 21 Jan (noted as pending) is
    // refreshed too, and no longer counts as followed up.
    await moveCompletion(visit, '2026-01-30T10:00:00');
    expect(minus(await countsOf(closures), c0)).toEqual(new Map());
    expect(await checkRollups()).toEqual([]);
  });

  it('applying a refresh twice changes nothing', async () => {
    const ids = (
      await collection('faulttickets')
        .find({}, { projection: { _id: 1 } })
        .toArray()
    ).map((r) => r._id);
    const before = await RollupModel.collection.find({}).sort({ _id: 1 }).toArray();
    await refreshRollups('FaultTicket', ids);
    await refreshRollups('FaultTicket', ids);
    expect(await RollupModel.collection.find({}).sort({ _id: 1 }).toArray()).toEqual(before);
    expect(await checkRollups()).toEqual([]);
  });

  it('decides follow-up coverage on write per account and quarter, as the account closes and reopens', async () => {
    // Opened 1 Dec 2025 00:00 (BA is UTC+8): BA's only account active in 2026's first half.
    const account = await createAccount(service, {
      externalId: 'COV-1',
      branchCode: 'BA',
      accountManagerLogin: 'mgrA1',
      openedAt: t('2025-12-01T00:00:00'),
    });
    const coverage = async (label: string) => {
      const { numerator, denominator } = (await sameInputs(label)).get('BA')!.followUpCoverage;
      return `${numerator}/${denominator}`;
    };
    const quarters = async () => [await coverage(Q), await coverage('2026-Q2')];
    const byId = (id: string) => RollupModel.collection.findOne({ _id: id } as never);
    expect(await quarters()).toEqual(['0/1', '0/1']);
    // Completed 1 Apr 06:00 (31 Mar 22:00 UTC): in BA's Q2 (from 1 Apr 00:00), within 14 h of
    // April's UTC start, so kept for Q2 as the account's instants.
    const visit = await completedFollowUp('2026-04-01T06:00:00', account);
    expect(await quarters()).toEqual(['0/1', '1/1']);
    expect(await coverage('2026-04')).toBe('1/1');
    expect(Object.keys((await byId('coverageEdges|BA|2026-04'))?.items ?? {})).toEqual([account]);
    // Closed 31 Mar 23:00, before Q2's start: not active in Q2 (0 of 0), still in Q1.
    await admin('mutation($id: ID!, $at: DateTime!) { closeKeyAccount(id: $id, at: $at) { id } }', {
      id: account,
      at: t('2026-03-31T23:00:00'),
    });
    expect(await quarters()).toEqual(['0/1', '0/0']);
    // Reopened (past the service, as a correction would): covered in Q2 again.
    const _id = new mongoose.Types.ObjectId(account);
    const reopen = () =>
      collection('keyaccounts').updateOne({ _id }, { $set: { closedAt: null, status: 'ACTIVE' } });
    await reopen();
    await refreshRollups('KeyAccount', [_id]);
    expect(await quarters()).toEqual(['0/1', '1/1']);
    // Moved to 20 May 10:00: counted in May's bucket; April (to 30 Apr) no longer covers it.
    await moveCompletion(visit, '2026-05-20T10:00:00');
    expect(Object.keys((await byId('coverageEdges|BA|2026-04'))?.items ?? {})).toEqual([]);
    expect((await countsOf('covered|BA|2026-05')).get('n')).toBe(1);
    expect([await coverage('2026-04'), await coverage('2026-05')]).toEqual(['0/1', '1/1']);
    // Closed on 1 May 00:00 (30 Apr 16:00 UTC) by a refresh stopped after its buckets, then the
    // visit moved to 10 Jun: the account's refresh finishes the stopped claim and counts it once.
    await collection('keyaccounts').updateOne(
      { _id },
      { $set: { closedAt: new Date(t('2026-05-01T00:00:00')), status: 'CLOSED' } },
    );
    await refreshRollups('KeyAccount', [_id], 'buckets');
    await moveCompletion(visit, '2026-06-10T10:00:00');
    expect(await checkRollups()).toEqual([]);
    // Active in Q2 (closed after its start), visited in it: 1/1; May (to 31 May) not visited.
    expect([await coverage('2026-Q2'), await coverage('2026-05')]).toEqual(['1/1', '0/1']);
    const ledger = flatCounts((await byId('accountMonths|BA|all'))?.t);
    expect([ledger.get('o.2025-11'), ledger.get('c.2026-04')]).toEqual([1, 1]);
    await reopen();
    await refreshRollups('KeyAccount', [_id]);
    expect(await checkRollups()).toEqual([]);
  });

  it('the check reports a tampered rollup (the npm command exits 1), and a rebuild repairs it', async () => {
    // A month of BA's account openings (the instants its active accounts are cut by).
    const byId = (id: string) => RollupModel.collection.findOne({ _id: id } as never);
    const [month] = (await byId('accountsOpened|BA|months'))!.months as string[];
    const bucket = `accountsOpened|BA|${month}`;
    const [recordId] = Object.keys((await byId(bucket))!.items as object);
    await RollupModel.collection.updateOne({ _id: bucket } as never, {
      $unset: { [`items.${recordId}`]: '' },
    });
    const differences = await checkRollups();
    expect(differences.map((d) => [d.id, d.item ?? null])).toEqual(
      expect.arrayContaining([[bucket, recordId]]),
    );
    const url = new URL(testServerUri());
    url.pathname = `/${mongoose.connection.db!.databaseName}`;
    const run = promisify(execFile);
    const failed = await run('npx', ['tsx', path.join('scripts', 'rollups.ts'), 'check'], {
      env: { ...process.env, MONGODB_URI: url.toString(), DATA_DIR: service.dataDir },
    }).catch((error: { code: number; stdout: string }) => error);
    expect('code' in failed ? failed.code : 0).toBe(1);
    expect(failed.stdout).toContain(recordId);
    await rebuildRollups();
    expect(await checkRollups()).toEqual([]);
  });
});
