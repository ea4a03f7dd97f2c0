import { Types } from 'mongoose';
import { systemScope } from '../access/scope';
import {
  consequence,
  CONSEQUENCE_ORDER,
  registerConsequenceKind,
  type PendingConsequence,
} from '../consequences/consequence-kinds';
import { KeyAccountModel } from '../accounts/account.model';
import { AccountStageModel, type AccountStageDoc } from './account-stage.model';
import { journeySources, type JourneySource } from './journey-registry';
import type { JourneyStage } from './journey-stage';
import {
  emptyStageState,
  sameState,
  stageOf,
  withRecord,
  type StageEntry,
  type StageRecord,
  type StageState,
} from './stage-state';
import { onlyDuplicateKeys } from '../../db/duplicate-key';
import { findByIds } from '../../db/id-parts';
import { addToGroup } from '../../shared/groups';

const scope = systemScope('current-stage');

const stageSources = () => journeySources().filter((s) => s.movesStage);
const sourceNames = () => stageSources().map((s) => s.typename);

type Row = { _id: Types.ObjectId; accountId: Types.ObjectId; stage: JourneyStage; journeyAt: Date };
const entryOf = (row: Row): StageEntry => ({
  id: row._id,
  journeyAt: row.journeyAt,
  stage: row.stage,
});

// The newest record (journeyAt, then _id, descending) of each account in one aggregation; of one
// account by a sorted find, cheaper on the stand-in than the aggregation (same order).
async function newestPerAccount(
  source: JourneySource,
  accountIds: readonly Types.ObjectId[],
): Promise<Row[]> {
  if (accountIds.length === 1) {
    const row = await source.model
      .findOne({ accountId: accountIds[0] }, { accountId: 1, stage: 1, journeyAt: 1 }, { scope })
      .sort({ journeyAt: -1, _id: -1 })
      .lean<Row>();
    return row ? [row] : [];
  }
  const rows = await source.model
    .aggregate<Row>([
      { $match: { accountId: { $in: accountIds } } },
      { $sort: { accountId: 1, journeyAt: -1, _id: -1 } },
      {
        $group: {
          _id: '$accountId',
          id: { $first: '$_id' },
          stage: { $first: '$stage' },
          journeyAt: { $first: '$journeyAt' },
        },
      },
      { $project: { _id: '$id', accountId: '$_id', stage: 1, journeyAt: 1 } },
    ])
    .option({ scope });
  return rows;
}

/**
 * The states of accounts read from their records (one aggregation per stage-moving collection and
 * one read of the open ones per collection that has them): for accounts without a kept state, and
 * when a write leaves the newest record unknown. Scans on the stand-in, so kept for those cases.
 */
async function statesFromRecords(
  accountIds: readonly Types.ObjectId[],
): Promise<Map<string, StageState>> {
  const states = new Map(accountIds.map((id) => [String(id), emptyStageState()]));
  if (accountIds.length === 0) return states;
  await Promise.all(
    stageSources().map(async (source) => {
      const [latest, open] = await Promise.all([
        newestPerAccount(source, accountIds),
        source.openFilter
          ? source.model
              .find(
                { ...source.openFilter, accountId: { $in: accountIds } },
                { accountId: 1, stage: 1, journeyAt: 1 },
                { scope },
              )
              .lean<Row[]>()
          : [],
      ]);
      for (const row of latest)
        states.get(String(row.accountId))!.latest[source.typename] = entryOf(row);
      for (const row of open) {
        const state = states.get(String(row.accountId))!;
        (state.open[source.typename] ??= []).push(entryOf(row));
      }
    }),
  );
  return states;
}

/** A write of a stage-moving record (`source` and `recordId`), or a plain recompute (neither). */
export type StageChange = { accountId: Types.ObjectId; source?: string; recordId?: unknown };

// The written records as they are now, by source, read by bare `_id $in`.
async function currentRecords(changes: readonly StageChange[]) {
  const bySource = new Map<string, Types.ObjectId[]>();
  for (const { source, recordId } of changes)
    if (source && recordId) addToGroup(bySource, source, recordId as Types.ObjectId);
  const found = new Map<string, StageRecord>();
  await Promise.all(
    stageSources()
      .filter((source) => bySource.has(source.typename))
      .map(async (source) => {
        const rows = await findByIds<Row & { status?: unknown }>(
          source.model.collection,
          bySource.get(source.typename)!,
          { accountId: 1, stage: 1, journeyAt: 1, status: 1 },
        );
        for (const row of rows)
          found.set(`${source.typename}:${String(row._id)}`, {
            ...entryOf(row),
            accountId: row.accountId,
            open: source.isOpen?.(row) ?? false,
          });
      }),
  );
  return found;
}

type Planned = {
  accountId: Types.ObjectId;
  stored: AccountStageDoc | undefined;
  state: StageState;
};

// Stores each planned state if its stored version is still the one read; returns those that lost.
// A state equal to the one read is not written (most writes of an account's older or closed
// records leave it as it is): the version read is then the current one.
async function storeStates(all: readonly Planned[]): Promise<Planned[]> {
  const planned = all.filter(({ stored, state }) => !stored || !sameState(stored, state));
  if (planned.length === 0) return [];
  const w = new Types.ObjectId();
  // A first state is inserted (a concurrent first state makes it a duplicate key); a later one
  // replaces the version read (`{ _id, v }`, served by its unique index on the stand-in).
  const writes = planned.map(({ accountId, stored, state }) =>
    stored
      ? {
          updateOne: {
            filter: { _id: accountId, v: stored.v },
            update: { $set: { latest: state.latest, open: state.open, w }, $inc: { v: 1 } },
          },
        }
      : { insertOne: { document: { _id: accountId, ...state, w, v: 1 } } },
  );
  let complete = false;
  try {
    const result = await AccountStageModel.collection.bulkWrite(writes as never, {
      ordered: false,
    });
    complete = result.matchedCount + result.insertedCount === planned.length;
  } catch (error) {
    // A concurrent first state of the same account: a duplicate key, re-read and decided again.
    if (!onlyDuplicateKeys(error)) throw error;
  }
  if (complete) return [];
  const now = await AccountStageModel.collection
    .find({ _id: { $in: planned.map((p) => p.accountId) } }, { projection: { w: 1 } })
    .toArray();
  const won = new Set(now.filter((doc) => w.equals(doc.w)).map((doc) => String(doc._id)));
  return planned.filter((p) => !won.has(String(p.accountId)));
}

// Sets `currentStage` where it differs from the stage decided (read first: most writes leave an
// account's stage as it is, and a read costs less than a write per account).
async function setAccountStages(planned: readonly Planned[]): Promise<Map<string, JourneyStage>> {
  const names = sourceNames();
  const stages = new Map(planned.map((p) => [String(p.accountId), stageOf(p.state, names)]));
  if (planned.length === 0) return stages;
  const current = await findByIds<{ _id: Types.ObjectId; currentStage?: string }>(
    KeyAccountModel.collection,
    planned.map((p) => p.accountId),
    { currentStage: 1 },
  );
  const changed = current.filter(
    (account) => account.currentStage !== stages.get(String(account._id)),
  );
  if (changed.length > 0)
    await KeyAccountModel.bulkWrite(
      changed.map(({ _id }) => ({
        updateOne: {
          filter: { _id },
          update: { $set: { currentStage: stages.get(String(_id))! } },
        },
      })),
      { ordered: false },
    );
  return stages;
}

const ATTEMPTS = 5;

/**
 * Keeps the current stage of the accounts of stage-moving writes: each account's kept state is
 * read (bare `_id $in`), then the written records as they are now, the state updated with them
 * (`withRecord`) and stored if nobody stored another version meanwhile (else read and decided
 * again), then `currentStage` set from it. An account without a kept state, a change naming no
 * record, or a write that leaves the newest record unknown reads the account's records instead.
 * Reading the state before the records means the last state stored saw every write whose change
 * was applied. An account written before states were kept has none, so it needs no backfill.
 * Idempotent. Returns each account's stage.
 */
export async function maintainStages(
  changes: readonly StageChange[],
): Promise<Map<string, JourneyStage>> {
  const stages = new Map<string, JourneyStage>();
  let due = [...changes];
  for (let attempt = 0; due.length > 0; attempt += 1) {
    if (attempt === ATTEMPTS) throw new Error('current stage: accounts kept changing');
    const accountIds = [...new Map(due.map((c) => [String(c.accountId), c.accountId])).values()];
    const stored = new Map(
      (await findByIds<AccountStageDoc>(AccountStageModel.collection, accountIds)).map((doc) => [
        String(doc._id),
        doc,
      ]),
    );
    const records = await currentRecords(due);
    const planned = new Map<string, Planned>();
    const fromRecords: Types.ObjectId[] = [];
    for (const accountId of accountIds) {
      const doc = stored.get(String(accountId));
      let state: StageState | null = doc ? { latest: doc.latest, open: doc.open } : null;
      for (const change of due.filter((c) => c.accountId.equals(accountId))) {
        if (!state || !change.source || !change.recordId) {
          state = null;
          break;
        }
        const key = `${change.source}:${String(change.recordId)}`;
        const id = change.recordId as Types.ObjectId;
        state = withRecord(state, accountId, change.source, id, records.get(key) ?? null);
      }
      if (state) planned.set(String(accountId), { accountId, stored: doc, state });
      else fromRecords.push(accountId);
    }
    for (const [key, state] of await statesFromRecords(fromRecords))
      planned.set(key, { accountId: new Types.ObjectId(key), stored: stored.get(key), state });
    const lost = new Set(
      (await storeStates([...planned.values()])).map((p) => String(p.accountId)),
    );
    const won = [...planned.values()].filter((p) => !lost.has(String(p.accountId)));
    for (const [id, stage] of await setAccountStages(won)) stages.set(id, stage);
    due = due.filter((c) => lost.has(String(c.accountId)));
  }
  return stages;
}

/** Recomputes and stores an account's current stage from its records. */
export async function refreshCurrentStage(accountId: Types.ObjectId): Promise<JourneyStage> {
  return (await maintainStages([{ accountId }])).get(String(accountId))!;
}

/** `refreshCurrentStage` for many accounts at once, with one aggregation per record collection. */
export async function refreshCurrentStages(accountIds: readonly Types.ObjectId[]): Promise<void> {
  await maintainStages(accountIds.map((accountId) => ({ accountId })));
}

type StageArgs = { accountId: Types.ObjectId; source?: string };

/**
 * The update of an account's current stage, as a consequence of a write on one of its records
 * (`source`: the record's typename; the record is the one the consequence is stored in). Without
 * a source, the stage is recomputed from the account's records.
 */
export function stageConsequence(
  accountId: Types.ObjectId,
  source?: string,
): PendingConsequence<StageArgs> {
  return consequence<StageArgs>('currentStage', source ? { accountId, source } : { accountId });
}

// Applied from the state and the records as they are when applied: idempotent, in any order.
registerConsequenceKind<StageArgs>('currentStage', CONSEQUENCE_ORDER.stage, async (due) => {
  await maintainStages(
    due.map(({ args, recordId }) => ({
      accountId: args.accountId,
      ...(args.source ? { source: args.source, recordId } : {}),
    })),
  );
});
