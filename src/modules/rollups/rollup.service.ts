import mongoose from 'mongoose';
import {
  consequence,
  CONSEQUENCE_ORDER,
  registerConsequenceKind,
  type PendingConsequence,
} from '../consequences/consequence-kinds';
import { itemWrites, moveRecords, type RecordState, type RefreshStop } from './rollup-claims';
import {
  contextOf,
  contributionsOf,
  isKeyed,
  projectionOf,
  rollupSources,
  type SourceRecord,
} from './rollup-families';
import { sameValue, type Claim } from './rollup-tally';
import { memberId, RollupMemberModel, RollupModel, type RollupMemberDoc } from './rollup.model';
import { addToGroup } from '../../shared/groups';
import { findByIds } from '../../db/id-parts';
import { step } from '../../shared/steps';

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
 * What must be brought up to date when records of a source move, after their buckets are written
 * and before their memberships say so (a refresh stopped before finds the same moves again): for
 * a follow-up, the compliance of its account's activations and closures near its old and new
 * completion instants.
 */
export type RollupDependants = (moves: readonly Pick<Claim, 'from' | 'to'>[]) => Promise<void>;

const dependants = new Map<string, RollupDependants>();

/** Declares what depends on a source's contributions; once per source, at module load. */
export function registerRollupDependants(source: string, refresh: RollupDependants): void {
  if (dependants.has(source)) throw new Error(`rollup dependants of ${source} registered twice`);
  dependants.set(source, refresh);
}

// A record's values in keyed buckets, set where it is and removed where it left (idempotent).
async function writeKeyed(states: readonly RecordState[]): Promise<void> {
  const writes = itemWrites(
    states.map(({ recordId, member, after }) => ({
      recordId,
      from: member?.buckets ?? {},
      to: after,
    })),
    isKeyed,
  );
  if (writes.length > 0)
    await RollupModel.collection.bulkWrite(writes as never[], { ordered: false });
}

/**
 * Each record as found, with what it contributes now. A source whose families read a context
 * (the account's completion instants) first writes its own keyed values (its instants in the
 * account's list) and only then reads the context; a follow-up writes its instant with its claim
 * and refreshes its dependants after (see `registerRollupDependants`): so of two concurrent
 * refreshes of one account at least one sees the other.
 */
async function currentStates(
  source: string,
  ids: unknown[],
  records: Map<string, SourceRecord>,
  members: Map<string, RollupMemberDoc>,
): Promise<RecordState[]> {
  const state = (id: unknown, context?: unknown): RecordState => {
    const record = records.get(String(id));
    const after = Object.fromEntries(
      (record ? contributionsOf(source, record, context) : []).map((c) => [c.bucket, c.value]),
    );
    return { recordId: String(id), member: members.get(memberId(source, id)), after };
  };
  const context = contextOf(source);
  if (!context) return ids.map((id) => state(id));
  await step('keyed values', () => writeKeyed(ids.map((id) => state(id))));
  const keyOf = (id: unknown) => {
    const record = records.get(String(id));
    return record ? context.keyOf(record) : null;
  };
  const keys = ids.map(keyOf).filter((key): key is string => key !== null);
  const found =
    keys.length === 0 ? new Map() : await step('context', () => context.read([...new Set(keys)]));
  return ids.map((id) => {
    const key = keyOf(id);
    return state(id, key === null ? undefined : found.get(key));
  });
}

/**
 * Brings the rollups of these records of `source` (a model name) up to date with the records as
 * stored now: reads them and their memberships by id, then moves each record whose contributions
 * changed, exactly once (see `rollup-claims`), finishing first what a stopped refresh left in
 * flight, and refreshing what depends on them before their memberships are settled. A record that
 * no longer exists leaves every bucket. `stop` ends it early (tests).
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
    const [records, members] = await step('read records and members', () =>
      Promise.all([
        findByIds<SourceRecord>(model.collection, ids, projectionOf(source)),
        findByIds<RollupMemberDoc>(
          RollupMemberModel.collection,
          ids.map((id) => memberId(source, id)),
        ),
      ]),
    );
    const recordBy = new Map(records.map((record) => [String(record._id), record]));
    const memberBy = new Map(members.map((member) => [member._id, member]));
    const states = await currentStates(source, ids, recordBy, memberBy);
    const again = new Set(
      await moveRecords(source, states, {
        stop,
        dependants: dependants.get(source),
        // The keyed values are written before the context is read (see `currentStates`).
        keyedWritten: contextOf(source) !== undefined,
      }),
    );
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
  for (const { recordId, source } of due) addToGroup(bySource, source, recordId);
  for (const [source, ids] of bySource) await step(source, () => refreshRollups(source, ids));
});
