import mongoose, { Schema, Types } from 'mongoose';
import {
  consequence,
  registerConsequenceKind,
  type DueConsequence,
  type PendingConsequence,
} from '../src/modules/consequences/consequence-kinds';
import {
  applyPending,
  PENDING,
  pendingConsequencesPlugin,
  pushPending,
  upsertWithConsequences,
  type RecordWithPending,
} from '../src/modules/consequences/pending-consequences';
import { captureCommands } from './support/command-counter';
import { freshDatabaseUri } from './support/test-service';

// An applier may write records with consequences stored in them and hand those back (FollowOn):
// they join the pass that runs it (the repeats of an import batch do, so their rollups, snapshot
// invalidation and clearing go with the batch's; so do the follow-ups its closed tickets schedule,
// of another model). Checked on models and kinds of this test only.

const schema = new Schema({ name: String }, { collection: 'followonprobes' });
schema.plugin(pendingConsequencesPlugin);
const Probe = mongoose.model('FollowOnProbe', schema);
const otherSchema = new Schema({ name: String }, { collection: 'followonothers' });
otherSchema.plugin(pendingConsequencesPlugin);
const Other = mongoose.model('FollowOnOther', otherSchema);

const calls: { kind: string; records: string[] }[] = [];
const record = (kind: string) => async (due: DueConsequence[]) => {
  calls.push({ kind, records: due.map((item) => String(item.recordId)).sort() });
};
let failLate = false;
registerConsequenceKind('probe:early', 0, record('probe:early'));
registerConsequenceKind('probe:late', 30, async (due) => {
  if (failLate) throw new Error('late applier failed');
  await record('probe:late')(due);
});
// Writes "another" record with an early and a late consequence stored in it, and hands them back.
registerConsequenceKind<string>('probe:writes', 10, async (due) => {
  await record('probe:writes')(due);
  const other = new Types.ObjectId(due[0]!.args);
  const stored = [consequence('probe:early', null), consequence('probe:late', null)];
  await Probe.collection.updateOne({ _id: other }, pushPending(stored) as never);
  return { model: Probe, records: [{ _id: other, [PENDING]: stored }] };
});
// Creates a record of another model with the same two kinds stored in it, and hands them back.
const sources: string[][] = [];
registerConsequenceKind('probe:source', 40, async (due) => {
  sources.push(due.map((item) => `${item.source} ${String(item.recordId)}`).sort());
});
registerConsequenceKind<null>('probe:creates', 20, async (due) => {
  await record('probe:creates')(due);
  const created = new Types.ObjectId();
  const stored = [consequence('probe:early', null), consequence('probe:source', null)];
  await Other.collection.insertOne({ _id: created, name: 'created', [PENDING]: stored });
  return [{ model: Other, records: [{ _id: created, [PENDING]: stored }] }];
});

describe('follow-on consequences', () => {
  beforeAll(async () => {
    await mongoose.connect(freshDatabaseUri(), { monitorCommands: true });
  });
  afterAll(async () => {
    await mongoose.connection.db?.dropDatabase();
    await mongoose.disconnect();
  });
  beforeEach(() => {
    calls.length = 0;
    failLate = false;
  });

  async function twoRecords() {
    const [own, other] = [new Types.ObjectId(), new Types.ObjectId()];
    const pending: PendingConsequence[] = [
      consequence('probe:early', null),
      consequence<string>('probe:writes', String(other)),
      consequence('probe:late', null),
    ];
    await Probe.collection.insertMany([
      { _id: own, name: 'own', [PENDING]: pending },
      { _id: other, name: 'other', [PENDING]: [] },
    ]);
    return { own, other, records: [{ _id: own, [PENDING]: pending }] as RecordWithPending[] };
  }

  const pendingIn = async (id: Types.ObjectId) =>
    ((await Probe.collection.findOne({ _id: id }))?.[PENDING] ?? []).map(
      (entry: PendingConsequence) => entry.kind,
    );

  it('apply those of a later kind with its batch, of an earlier kind right after, and clear all in one write', async () => {
    const { own, other, records } = await twoRecords();
    let applied = 0;
    const commands = await captureCommands(async () => {
      applied = await applyPending(Probe, records);
    });
    // Own: early, writes, late (3); handed back: early, late (2).
    expect(applied).toBe(5);
    expect(calls).toEqual([
      { kind: 'probe:early', records: [String(own)] },
      { kind: 'probe:writes', records: [String(own)] },
      { kind: 'probe:early', records: [String(other)] },
      { kind: 'probe:late', records: [String(own), String(other)].sort() },
    ]);
    expect(await pendingIn(own)).toEqual([]);
    expect(await pendingIn(other)).toEqual([]);
    // The applier's own write, then one clearing write for both records.
    const updates = commands.filter(
      (c) => c.name === 'update' && c.collection === 'followonprobes',
    );
    expect(updates.map((c) => (c.body.updates as unknown[]).length)).toEqual([1, 2]);
  });

  it("join the pass when they are another model's: the same batches, one clearing write per model", async () => {
    const own = new Types.ObjectId();
    const pending = [consequence('probe:creates', null), consequence('probe:source', null)];
    await Probe.collection.insertOne({ _id: own, name: 'own', [PENDING]: pending });
    sources.length = 0;
    const commands = await captureCommands(async () => {
      expect(await applyPending(Probe, [{ _id: own, [PENDING]: pending }])).toBe(4);
    });
    const created = (await Other.collection.findOne({ name: 'created' }))!;
    // The created record's early kind right after the applier; its late kind in one batch with
    // the own record's, each item named by its own model.
    expect(calls).toEqual([
      { kind: 'probe:creates', records: [String(own)] },
      { kind: 'probe:early', records: [String(created._id)] },
    ]);
    expect(sources).toEqual([
      [`FollowOnOther ${String(created._id)}`, `FollowOnProbe ${String(own)}`].sort(),
    ]);
    expect(created[PENDING]).toEqual([]);
    expect((await Probe.collection.findOne({ _id: own }))![PENDING]).toEqual([]);
    const clearing = (collection: string) =>
      commands.filter((c) => c.name === 'update' && c.collection === collection);
    expect(clearing('followonprobes')).toHaveLength(1);
    expect(clearing('followonothers')).toHaveLength(1);
  });

  it('leave those not applied pending when a later kind fails, as the rest of the pass', async () => {
    const { own, other, records } = await twoRecords();
    failLate = true;
    await expect(applyPending(Probe, records)).rejects.toThrow('late applier failed');
    expect(await pendingIn(own)).toEqual(['probe:late']);
    expect(await pendingIn(other)).toEqual(['probe:late']);
  });

  it('of an upsert are stored and applied only when it inserts, when they are of the insert alone', async () => {
    const filter = { name: `once-${String(new Types.ObjectId())}` };
    const upsert = (onInsertOnly: boolean) =>
      upsertWithConsequences(Probe, {
        filter,
        update: { $setOnInsert: filter },
        consequences: [consequence('probe:early', null)],
        onInsertOnly,
      });
    expect([await upsert(true), await upsert(true)]).toEqual([true, false]);
    const stored = await Probe.collection.findOne(filter);
    // Applied once, to the record inserted; the second upsert stored nothing in it.
    expect(calls).toEqual([{ kind: 'probe:early', records: [String(stored!._id)] }]);
    expect(stored![PENDING]).toEqual([]);
    // Consequences of every write are stored and applied again by an upsert that finds it.
    expect(await upsert(false)).toBe(false);
    expect(calls).toHaveLength(2);
  });
});
