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
  type RecordWithPending,
} from '../src/modules/consequences/pending-consequences';
import { captureCommands } from './support/command-counter';
import { freshDatabaseUri } from './support/test-service';

// An applier may write records with consequences stored in them and hand those back (FollowOn):
// they join the pass that runs it (the repeats of an import batch do, so their rollups, snapshot
// invalidation and clearing go with the batch's). Checked on a model and kinds of this test only.

const schema = new Schema({ name: String }, { collection: 'followonprobes' });
schema.plugin(pendingConsequencesPlugin);
const Probe = mongoose.model('FollowOnProbe', schema);

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

  it('leave those not applied pending when a later kind fails, as the rest of the pass', async () => {
    const { own, other, records } = await twoRecords();
    failLate = true;
    await expect(applyPending(Probe, records)).rejects.toThrow('late applier failed');
    expect(await pendingIn(own)).toEqual(['probe:late']);
    expect(await pendingIn(other)).toEqual(['probe:late']);
  });
});
