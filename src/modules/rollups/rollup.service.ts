import mongoose from 'mongoose';
import {
  consequence,
  CONSEQUENCE_ORDER,
  registerConsequenceKind,
  type PendingConsequence,
} from '../consequences/consequence-kinds';
import { moveRecords, type RecordState, type RefreshStop } from './rollup-claims';
import { contributionsOf, projectionOf, rollupSources, type SourceRecord } from './rollup-families';
import { sameValue } from './rollup-tally';
import { memberId, RollupMemberModel, type RollupMemberDoc } from './rollup.model';

// While a bulk load runs (see withRollupsRebuiltAfter), refreshes are skipped: it rebuilds after.
let deferrals = 0;

/** Skips rollup refreshes until the returned function is called (for a rebuild afterwards). */
export function deferRollupRefreshes(): () => void {
  deferrals += 1;
  return () => {
    deferrals -= 1;
  };
}

const ROUNDS = 5;

/**
 * Brings the rollups of these records of `source` (a model name) up to date with the records as
 * stored now: reads them and their memberships by id, then moves each record whose contributions
 * changed, exactly once (see `rollup-claims`), finishing first what a stopped refresh left in
 * flight. A record that no longer exists leaves every bucket. `stop` ends it early (tests).
 */
export async function refreshRollups(
  source: string,
  recordIds: readonly unknown[],
  stop?: RefreshStop,
): Promise<void> {
  if (deferrals > 0) return;
  let ids = [...new Map(recordIds.map((id) => [String(id), id])).values()];
  const model = mongoose.model(source);
  for (let round = 0; ids.length > 0; round += 1) {
    if (round === ROUNDS) throw new Error(`rollups of ${source}: records kept changing`);
    const [records, members] = await Promise.all([
      model.collection
        .find({ _id: { $in: ids as never[] } }, { projection: projectionOf(source) })
        .toArray() as Promise<SourceRecord[]>,
      RollupMemberModel.collection
        .find({ _id: { $in: ids.map((id) => memberId(source, id)) } } as never)
        .toArray() as unknown as Promise<RollupMemberDoc[]>,
    ]);
    const recordBy = new Map(records.map((record) => [String(record._id), record]));
    const memberBy = new Map(members.map((member) => [member._id, member]));
    const states: RecordState[] = ids.map((id) => {
      const record = recordBy.get(String(id));
      const after = Object.fromEntries(
        (record ? contributionsOf(source, record) : []).map((c) => [c.bucket, c.value]),
      );
      return { recordId: String(id), member: memberBy.get(memberId(source, id)), after };
    });
    const again = new Set(await moveRecords(source, states, stop));
    ids = ids.filter((id) => again.has(String(id)));
  }
}

/** The pending consequence that refreshes the rollups of the record it is stored in. */
export const ROLLUP_KIND = 'rollup';

/** The rollup refresh of the record it is stored with (any model with rollup families). */
export function rollupConsequence(): PendingConsequence<null> {
  return consequence<null>(ROLLUP_KIND, null);
}

/**
 * The rollup refresh of a written record when the write changed what it contributes (as a record
 * of any source: the writer need not say which), else nothing: most writes (a ticket acknowledged,
 * an account renamed) leave the rollups as they are.
 */
export function rollupConsequences(
  branchCode: string,
  before: Record<string, unknown> | null | undefined,
  after: Record<string, unknown>,
): PendingConsequence[] {
  const of = (record: Record<string, unknown> | null | undefined, source: string) =>
    record ? contributionsOf(source, { _id: null, branchCode, ...record }) : [];
  const changed = rollupSources().some(
    (source) => !sameValue(of(before, source), of(after, source)),
  );
  return changed ? [rollupConsequence()] : [];
}

// After the record's derived fields (repeat faults) and before the events: the snapshot
// invalidation that follows may then recompute from rollups that already hold the write.
registerConsequenceKind<null>(ROLLUP_KIND, CONSEQUENCE_ORDER.stage + 5, async (due) => {
  const bySource = new Map<string, unknown[]>();
  for (const { recordId, source } of due)
    bySource.set(source, [...(bySource.get(source) ?? []), recordId]);
  for (const [source, ids] of bySource) await refreshRollups(source, ids);
});
