import mongoose from 'mongoose';
import { KeyAccountModel } from '../src/modules/accounts/account.model';
import { accountRowConsequences } from '../src/modules/accounts/account.import';
import { upsertPlannedRows } from '../src/modules/imports/batch-upsert';
import { startTestService, stopTestService, type TestService } from './support/test-service';
import { buildWorld, createAccount, ok, type World } from './support/world';

// Concurrent writers of one record: every accepted write has exactly one audit entry, decided
// against the version it replaced; a writer that keeps losing gets a coded error, never a lost
// or doubled consequence.

const db = () => mongoose.connection.db!;
type Answer = { data?: Record<string, any> | null; errors?: { extensions?: { code?: string } }[] }; // eslint-disable-line @typescript-eslint/no-explicit-any

const UPDATE = `mutation($id: ID!, $i: UpdateKeyAccountInput!) {
  updateKeyAccount(id: $id, input: $i) { id name } }`;
const SCHEDULE = 'mutation($i: ScheduleFollowUpInput!) { scheduleFollowUp(input: $i) { id } }';
const COMPLETE = `mutation($id: ID!, $at: DateTime!, $raise: RaiseConsultationInput) {
  completeFollowUp(id: $id, at: $at, raiseConsultation: $raise) { id completedAt } }`;

type Change = { field: string; before: unknown; after: unknown };

describe('concurrent mutations on one record', () => {
  let service: TestService;
  let world: World;
  beforeAll(async () => {
    service = await startTestService();
    world = await buildWorld(service);
  });
  afterAll(() => stopTestService(service));

  it('eight renames at once: each accepted one audited once, against the name it replaced', async () => {
    const id = await createAccount(service, {
      externalId: 'RACE-1',
      branchCode: 'BA',
      accountManagerLogin: 'mgrA1',
      name: 'Race 0',
    });
    const names = Array.from({ length: 8 }, (_, i) => `Race ${i + 1}`);
    const answers = (await Promise.all(
      names.map((name) => service.graphql(UPDATE, { id, i: { name } }, world.tokens.mgrA1)),
    )) as Answer[];
    const accepted = names.filter((_, i) => answers[i]!.data?.updateKeyAccount);
    const refused = answers.filter((answer) => !answer.data?.updateKeyAccount);
    expect(refused.map((answer) => answer.errors?.[0]?.extensions?.code)).toEqual(
      refused.map(() => 'CONFLICT'),
    );
    expect(accepted.length).toBeGreaterThan(0);

    const entries = await db()
      .collection('auditentries')
      .find({ entityId: id, action: 'updateKeyAccount' })
      .toArray();
    const renames = entries.map((entry) =>
      (entry.changes as Change[]).find((change) => change.field === 'name')!,
    );
    // One entry per accepted rename ...
    expect(renames.map((change) => change.after).sort()).toEqual([...accepted].sort());
    // ... each replacing a different version: the first name, then every accepted one but the
    // last stored. Two writers deciding against the same version would repeat a `before`.
    const stored = await db()
      .collection('keyaccounts')
      .findOne({ _id: new mongoose.Types.ObjectId(id) });
    expect(renames.map((change) => change.before).sort()).toEqual(
      ['Race 0', ...accepted.filter((name) => name !== stored!.name)].sort(),
    );
  });

  it('six topic changes of one consultation at once: each accepted one audited once, against the topic it replaced', async () => {
    const { createConsultation } = await ok(
      service,
      world.tokens.mgrA1,
      'mutation($i: ConsultationInput!) { createConsultation(input: $i) { id } }',
      {
        i: {
          accountId: world.accounts.own,
          channel: 'HOTLINE',
          askedAt: '2025-06-02T02:00:00Z',
          topic: 'Topic 0',
        },
      },
    );
    const id = createConsultation.id as string;
    const topics = Array.from({ length: 6 }, (_, i) => `Topic ${i + 1}`);
    const answers = (await Promise.all(
      topics.map((topic) =>
        service.graphql(
          'mutation($id: ID!, $i: ConsultationInput!) { updateConsultation(id: $id, input: $i) { id } }',
          { id, i: { topic } },
          world.tokens.mgrA1,
        ),
      ),
    )) as Answer[];
    const accepted = topics.filter((_, i) => answers[i]!.data?.updateConsultation);
    const refused = answers.filter((answer) => !answer.data?.updateConsultation);
    expect(refused.map((answer) => answer.errors?.[0]?.extensions?.code)).toEqual(
      refused.map(() => 'CONFLICT'),
    );
    const changes = (
      await db()
        .collection('auditentries')
        .find({ entityId: id, action: 'updateConsultation' })
        .toArray()
    ).map((entry) => (entry.changes as Change[]).find((change) => change.field === 'topic')!);
    expect(changes.map((change) => change.after).sort()).toEqual([...accepted].sort());
    const stored = await db()
      .collection('consultations')
      .findOne({ _id: new mongoose.Types.ObjectId(id) });
    expect(changes.map((change) => change.before).sort()).toEqual(
      ['Topic 0', ...accepted.filter((topic) => topic !== stored!.topic)].sort(),
    );
  });

  it('six completions at once: one accepted, audited and raising one consultation', async () => {
    const { scheduleFollowUp } = await ok(service, world.tokens.mgrA1, SCHEDULE, {
      i: {
        accountId: world.accounts.own,
        purpose: 'OTHER',
        channel: 'PHONE',
        dueAt: '2025-06-01T02:00:00Z',
      },
    });
    const followUpId = scheduleFollowUp.id as string;
    const times = Array.from({ length: 6 }, (_, i) => `2025-06-01T0${i + 2}:30:00.000Z`);
    const answers = (await Promise.all(
      times.map((at) =>
        service.graphql(
          COMPLETE,
          { id: followUpId, at, raise: { topic: `race ${at}` } },
          world.tokens.mgrA1,
        ),
      ),
    )) as Answer[];
    const accepted = answers.filter((answer) => answer.data?.completeFollowUp);
    expect(accepted).toHaveLength(1);
    // The losers found it completed at another time: refused with the transition's code.
    expect(
      answers
        .filter((answer) => !answer.data?.completeFollowUp)
        .map((answer) => answer.errors?.[0]?.extensions?.code),
    ).toEqual(Array.from({ length: 5 }, () => 'ILLEGAL_TRANSITION'));

    const audits = await db()
      .collection('auditentries')
      .countDocuments({ entityId: followUpId, action: 'completeFollowUp' });
    expect(audits).toBe(1);
    const followUp = await db()
      .collection('followups')
      .findOne({ _id: new mongoose.Types.ObjectId(followUpId) });
    const winner = accepted[0]!.data!.completeFollowUp.completedAt as string;
    expect(followUp!.completedAt.toISOString()).toBe(winner);
    const consultations = await db()
      .collection('consultations')
      .find({ topic: { $regex: '^race ' } })
      .toArray();
    expect(consultations.map((c) => c.topic)).toEqual([`race ${winner}`]);
    expect(String(followUp!.raisedConsultationId)).toBe(String(consultations[0]!._id));
  });

  it('an import deciding against a version another writer replaced in the same millisecond re-decides', async () => {
    const id = await createAccount(service, {
      externalId: 'RACE-MS',
      branchCode: 'BA',
      accountManagerLogin: 'mgrA1',
      name: 'Read by the import',
    });
    const _id = new mongoose.Types.ObjectId(id);
    const accounts = db().collection('keyaccounts');
    const stale = (await accounts.findOne({ _id }))!;
    // Another writer renames it; its write lands in the millisecond the import's read saw.
    await ok(service, world.tokens.mgrA1, UPDATE, { id, i: { name: 'Renamed meanwhile' } });
    await accounts.updateOne({ _id }, { $set: { updatedAt: stale.updatedAt } });

    const outcomes = await upsertPlannedRows({
      model: KeyAccountModel,
      entityType: 'KeyAccount',
      sourceSystem: 'CRM',
      actor: { system: 'race-test' },
      rows: [
        { index: 0, externalId: 'RACE-MS', branchCode: 'BA', fields: { name: 'From the file' } },
      ],
      existing: new Map([['RACE-MS', { ...stale, _id, externalId: 'RACE-MS' }]]),
      dryRun: false,
      // What the account import stores with each row (the rename's directory entry among them).
      consequencesOf: accountRowConsequences,
    });
    expect(outcomes.get(0)).toEqual({ status: 'UPDATED', id });
    const entry = await db()
      .collection('auditentries')
      .findOne({ entityId: id, action: 'import:update' });
    // Decided against the renamed version, not the one it had read.
    expect(entry!.changes).toEqual([
      { field: 'name', before: 'Renamed meanwhile', after: 'From the file' },
    ]);
  });
});
