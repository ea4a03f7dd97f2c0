import { Types } from 'mongoose';
import { emptyStageState, sameState, stageOf, withRecord, type StageRecord } from './stage-state';

const SOURCES = ['FaultTicket', 'ActivationOrder', 'Consultation'];
const account = new Types.ObjectId();
const other = new Types.ObjectId();
// Ids in increasing order, so a tie in time goes to the later one.
const ids = Array.from({ length: 5 }, (_, i) => new Types.ObjectId(`00000000000000000000000${i}`));
const at = (day: number) => new Date(Date.UTC(2025, 0, day));
const rec = (
  id: Types.ObjectId,
  day: number,
  stage: StageRecord['stage'],
  open = false,
  accountId = account,
): StageRecord => ({ id, journeyAt: at(day), stage, open, accountId });

function apply(records: [string, StageRecord | null, Types.ObjectId?][]) {
  let state = emptyStageState();
  for (const [source, record, id] of records) {
    const next = withRecord(state, account, source, id ?? record!.id, record);
    if (!next) return null;
    state = next;
  }
  return state;
}

describe('withRecord and stageOf', () => {
  it('follows the newest record of all sources when nothing is open', () => {
    const state = apply([
      ['Consultation', rec(ids[0]!, 3, 'CONSULTING')],
      ['FaultTicket', rec(ids[1]!, 2, 'REPAIR')],
    ])!;
    expect(stageOf(state, SOURCES)).toBe('CONSULTING');
    expect(stageOf(emptyStageState(), SOURCES)).toBe('CONSULTING');
  });

  it('gives a tie in time to the earlier source, and within a source to the higher id', () => {
    const state = apply([
      ['Consultation', rec(ids[0]!, 3, 'CONSULTING')],
      ['FaultTicket', rec(ids[1]!, 3, 'REPAIR')],
    ])!;
    expect(stageOf(state, SOURCES)).toBe('REPAIR');
    expect(state.latest.FaultTicket!.id).toEqual(ids[1]);
    const same = withRecord(
      state,
      account,
      'FaultTicket',
      ids[2]!,
      rec(ids[2]!, 3, 'FAULT_REPORTING'),
    )!;
    expect(same.latest.FaultTicket!.id).toEqual(ids[2]);
  });

  it('puts an open fault before an open activation before the newest record', () => {
    const state = apply([
      ['ActivationOrder', rec(ids[0]!, 1, 'ACTIVATION', true)],
      ['Consultation', rec(ids[1]!, 9, 'CONSULTING')],
    ])!;
    expect(stageOf(state, SOURCES)).toBe('ACTIVATION');
    const faulty = withRecord(
      state,
      account,
      'FaultTicket',
      ids[2]!,
      rec(ids[2]!, 2, 'FAULT_REPORTING', true),
    )!;
    expect(stageOf(faulty, SOURCES)).toBe('FAULT_REPORTING');
    // The ticket is restored: no longer open, the activation holds the account again.
    const restored = withRecord(
      faulty,
      account,
      'FaultTicket',
      ids[2]!,
      rec(ids[2]!, 2, 'REPAIR'),
    )!;
    expect(stageOf(restored, SOURCES)).toBe('ACTIVATION');
    expect(restored.open.FaultTicket).toBeUndefined();
  });

  it('takes the newest open ticket of several, and the next one when it closes', () => {
    const state = apply([
      ['FaultTicket', rec(ids[0]!, 1, 'REPAIR', true)],
      ['FaultTicket', rec(ids[1]!, 2, 'FAULT_REPORTING', true)],
    ])!;
    expect(stageOf(state, SOURCES)).toBe('FAULT_REPORTING');
    const closed = withRecord(state, account, 'FaultTicket', ids[1]!, rec(ids[1]!, 2, 'REPAIR'))!;
    expect(stageOf(closed, SOURCES)).toBe('REPAIR');
  });

  it('is the same whatever the order of writes of different records, and applying twice changes nothing', () => {
    const writes: [string, StageRecord][] = [
      ['FaultTicket', rec(ids[0]!, 4, 'REPAIR', true)],
      ['Consultation', rec(ids[1]!, 6, 'CONSULTING')],
      ['ActivationOrder', rec(ids[2]!, 5, 'ACTIVATION', true)],
    ];
    const forward = apply(writes);
    const backward = apply([...writes].reverse());
    expect(stageOf(forward!, SOURCES)).toBe('REPAIR');
    expect(stageOf(backward!, SOURCES)).toBe('REPAIR');
    expect(apply([...writes, ...writes])).toEqual(forward);
  });

  it('cannot tell the newest record when the newest moves back in time or leaves the account', () => {
    const state = apply([
      ['FaultTicket', rec(ids[0]!, 1, 'REPAIR')],
      ['FaultTicket', rec(ids[1]!, 5, 'REPAIR')],
    ])!;
    expect(
      withRecord(state, account, 'FaultTicket', ids[1]!, rec(ids[1]!, 3, 'REPAIR')),
    ).toBeNull();
    expect(
      withRecord(state, account, 'FaultTicket', ids[1]!, rec(ids[1]!, 5, 'REPAIR', false, other)),
    ).toBeNull();
    expect(withRecord(state, account, 'FaultTicket', ids[1]!, null)).toBeNull();
    // An older record leaving is simply dropped from the open ones.
    const open = withRecord(
      state,
      account,
      'FaultTicket',
      ids[0]!,
      rec(ids[0]!, 1, 'REPAIR', true),
    )!;
    const left = withRecord(
      open,
      account,
      'FaultTicket',
      ids[0]!,
      rec(ids[0]!, 1, 'REPAIR', true, other),
    )!;
    expect(left.open.FaultTicket).toBeUndefined();
    expect(left.latest.FaultTicket!.id).toEqual(ids[1]);
  });
});

describe('sameState', () => {
  const base = apply([
    ['FaultTicket', rec(ids[0]!, 1, 'REPAIR', true)],
    ['FaultTicket', rec(ids[1]!, 2, 'REPAIR', true)],
    ['Consultation', rec(ids[2]!, 3, 'CONSULTING')],
  ])!;

  it('holds for the same entries, open records in another order', () => {
    const reordered = { ...base, open: { FaultTicket: [...base.open.FaultTicket!].reverse() } };
    expect(reordered.open.FaultTicket![0]!.id.equals(ids[1]!)).toBe(true);
    expect(sameState(base, reordered)).toBe(true);
    // A replayed write of a closed, older record changes nothing.
    const replayed = withRecord(base, account, 'FaultTicket', ids[3]!, null)!;
    expect(sameState(base, replayed)).toBe(true);
  });

  it('fails for a moved, added or closed record', () => {
    const moved = withRecord(base, account, 'Consultation', ids[2]!, rec(ids[2]!, 4, 'CONSULTING'));
    expect(sameState(base, moved!)).toBe(false);
    const added = withRecord(
      base,
      account,
      'ActivationOrder',
      ids[3]!,
      rec(ids[3]!, 1, 'ACTIVATION'),
    );
    expect(sameState(base, added!)).toBe(false);
    const closed = withRecord(base, account, 'FaultTicket', ids[0]!, rec(ids[0]!, 1, 'REPAIR'));
    expect(sameState(base, closed!)).toBe(false);
    const restaged = withRecord(
      base,
      account,
      'FaultTicket',
      ids[1]!,
      rec(ids[1]!, 2, 'FAULT_REPORTING', true),
    );
    expect(sameState(base, restaged!)).toBe(false);
  });
});
