import type { Types } from 'mongoose';
import type { PendingConsequence } from '../consequences/consequence-kinds';
import { rollupConsequences } from '../rollups/rollup.service';
import { lifecycleConsequence } from '../journey/lifecycle-hooks';
import { changedMeasuredInstants } from '../journey/measured-record';
import type { ComplaintStatusEntry } from './complaint.state';

// What a complaint's write makes due besides its audit entry, the same for the mutations and the
// import: the follow-up of every new (or moved) resolution, and the scorecard invalidation.

/** Fields that decide the complaint figures of the scorecard. */
export const MEASURED_COMPLAINT_FIELDS = [
  'receivedAt',
  'firstContactedAt',
  'firstContactWithinTarget',
  'resolvedAt',
  'resolutionMinutes',
  'resolvedWithinTarget',
  'measuredAt',
] as const;

/** A complaint before or after a write, as its consequences see it. */
export type ComplaintFacts = {
  _id: Types.ObjectId;
  accountId: Types.ObjectId;
  branchCode: string;
  receivedAt: Date;
  resolvedAt: Date | null;
  measuredAt: Date | null;
  statusHistory: Pick<ComplaintStatusEntry, 'status' | 'at'>[];
};

const resolutionTimes = (complaint: ComplaintFacts | null) =>
  (complaint?.statusHistory ?? []).filter((e) => e.status === 'RESOLVED').map((e) => e.at);

/** `complaintResolved` for every resolution that is new, or whose time moved, in `after`. */
export function resolutionConsequences(
  before: ComplaintFacts | null,
  after: ComplaintFacts,
): PendingConsequence[] {
  const earlier = resolutionTimes(before);
  return resolutionTimes(after).flatMap((resolvedAt, index) =>
    earlier[index]?.getTime() === resolvedAt.getTime()
      ? []
      : [
          lifecycleConsequence('complaintResolved', {
            complaintId: after._id,
            accountId: after.accountId,
            branchCode: after.branchCode,
            resolution: index + 1,
            resolvedAt,
          }),
        ],
  );
}

/**
 * `measuredRecordWritten` when a measured field changed, with the periods it leaves and enters:
 * a complaint counts where it was received (first contact, complaints per 100 accounts) and where
 * it was finally resolved (resolution rate).
 */
export function measuredComplaintConsequences(
  before: ComplaintFacts | null,
  after: ComplaintFacts,
): PendingConsequence[] {
  const at = (field: 'receivedAt' | 'resolvedAt') => (doc: ComplaintFacts) => ({
    ...(doc as unknown as Record<string, unknown>),
    measuredAt: doc[field],
  });
  const times = (['receivedAt', 'resolvedAt'] as const).flatMap((field) =>
    changedMeasuredInstants({
      before: before && at(field)(before),
      after: at(field)(after),
      fields: MEASURED_COMPLAINT_FIELDS,
    }),
  );
  const eventTimes = [...new Map(times.map((t) => [t.getTime(), t])).values()];
  if (eventTimes.length === 0) return [];
  return [
    lifecycleConsequence('measuredRecordWritten', { branchCode: after.branchCode, eventTimes }),
  ];
}

/** Every consequence of a complaint write but its audit entry. */
export function complaintConsequences(
  before: ComplaintFacts | null,
  after: ComplaintFacts,
): PendingConsequence[] {
  return [
    ...resolutionConsequences(before, after),
    ...rollupConsequences(after.branchCode, before, after),
    ...measuredComplaintConsequences(before, after),
  ];
}
