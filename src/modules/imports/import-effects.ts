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

/**
 * The update of the current stage of the account a journey record (of `source`, a typename)
 * belongs to, and of the account it left when a row moved it to another.
 */
export function stageConsequences(
  { before, after }: WrittenRecord,
  source: string,
): PendingConsequence[] {
  const accountId = after.accountId as Types.ObjectId;
  const left = before?.accountId as Types.ObjectId | undefined;
  return [
    stageConsequence(accountId, source),
    ...(left && !left.equals(accountId) ? [stageConsequence(left, source)] : []),
  ];
}
