import type { Types } from 'mongoose';
import type { PendingConsequence } from '../consequences/consequence-kinds';
import { measuredChangeConsequences } from '../journey/measured-record';
import { stageConsequence } from '../journey/stage.service';
import type { WrittenRecord } from './batch-upsert';

// Consequences an import row's write makes due, stored with the write (see upsertPlannedRows).

/**
 * `measuredRecordWritten` with the measured instants a row moved its record from and to, when any
 * of the measured `fields` changed, so the scorecard snapshots of the periods holding them are
 * recomputed (merged per branch when a batch is applied).
 */
export function measuredConsequences(
  { branchCode, before, after }: WrittenRecord,
  fields: readonly string[],
): PendingConsequence[] {
  const measured = (doc: Record<string, unknown>) => ({
    ...doc,
    measuredAt: (doc.measuredAt as Date | null | undefined) ?? null,
  });
  return measuredChangeConsequences({
    branchCode,
    before: before && measured(before),
    after: measured(after),
    fields,
  });
}

/** The refresh of the current stage of the account a journey record belongs to. */
export function stageConsequences({ after }: WrittenRecord): PendingConsequence[] {
  return [stageConsequence(after.accountId as Types.ObjectId)];
}
