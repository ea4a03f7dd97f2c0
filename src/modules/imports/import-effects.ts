import { Types } from 'mongoose';
import { emitLifecycle } from '../journey/lifecycle-hooks';
import { changedMeasuredInstants } from '../journey/measured-record';
import { refreshCurrentStages } from '../journey/stage.service';
import type { PlannedRow } from './batch-upsert';
import type { ImportOutcome } from './import-kind';

// Consequences of an import batch's bulk write, computed for the whole batch: the versions each
// written record replaced, measured instants announced once per branch, lifecycle events.

type Doc = Record<string, unknown>;

/** A record a batch inserted or updated: its id and the versions before (null when new) and after. */
export type WrittenRecord = {
  id: Types.ObjectId;
  branchCode: string;
  before: Doc | null;
  after: Doc;
};

/**
 * The records a batch wrote, each with the version it replaced: the stored one, or the one an
 * earlier row of the batch with the same key planned (as `upsertPlannedRows` decides).
 */
export function writtenRecords(
  planned: readonly PlannedRow[],
  written: Map<number, ImportOutcome>,
  existing: Map<string, Doc>,
): WrittenRecord[] {
  const latest = new Map(existing);
  const records: WrittenRecord[] = [];
  for (const row of planned) {
    const outcome = written.get(row.index);
    const before = latest.get(row.externalId) ?? null;
    const after = { ...before, ...row.fields };
    latest.set(row.externalId, after);
    if (outcome?.status === 'INSERTED' || outcome?.status === 'UPDATED') {
      records.push({
        id: new Types.ObjectId(outcome.id),
        branchCode: row.branchCode,
        before,
        after,
      });
    }
  }
  return records;
}

/** One changed record as scorecards see it. */
export type MeasuredChange = {
  branchCode: string;
  before: (Doc & { measuredAt?: unknown }) | null;
  after: Doc & { measuredAt?: unknown };
};

/**
 * Announces `measuredRecordWritten` once per branch with every measured instant the batch moved
 * records from or to (records whose measured `fields` changed), so the scorecard snapshots of the
 * closed periods holding them are recomputed.
 */
export async function announceMeasuredChanges(
  changes: readonly MeasuredChange[],
  fields: readonly string[],
): Promise<void> {
  const byBranch = new Map<string, Map<number, Date>>();
  for (const { branchCode, before, after } of changes) {
    const instants = changedMeasuredInstants({
      before: before && { ...before, measuredAt: (before.measuredAt as Date | null) ?? null },
      after: { ...after, measuredAt: (after.measuredAt as Date | null) ?? null },
      fields,
    });
    const times = byBranch.get(branchCode) ?? new Map<number, Date>();
    for (const at of instants) times.set(at.getTime(), at);
    byBranch.set(branchCode, times);
  }
  for (const [branchCode, times] of byBranch) {
    if (times.size > 0)
      await emitLifecycle('measuredRecordWritten', { branchCode, eventTimes: [...times.values()] });
  }
}

/**
 * Refreshes the current stage of the accounts a batch wrote on, once each, after the write. Each
 * has a record at its latest written `journeyAt`, so records before the earliest of those cannot
 * be any account's latest and are not read.
 */
export async function refreshStagesOf(written: readonly WrittenRecord[]): Promise<void> {
  const latest = new Map<string, { id: Types.ObjectId; at: number }>();
  for (const { after } of written) {
    const id = after.accountId as Types.ObjectId;
    const at = (after.journeyAt as Date).getTime();
    const seen = latest.get(String(id));
    if (!seen || at > seen.at) latest.set(String(id), { id, at });
  }
  if (latest.size === 0) return;
  const accounts = [...latest.values()];
  await refreshCurrentStages(
    accounts.map((account) => account.id),
    { notBefore: new Date(Math.min(...accounts.map((account) => account.at))) },
  );
}
