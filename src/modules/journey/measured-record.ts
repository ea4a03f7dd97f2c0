import type { PendingConsequence } from '../consequences/consequence-kinds';
import { rollupConsequences } from '../rollups/rollup.service';
import { emitLifecycle, lifecycleConsequence } from './lifecycle-hooks';

type Measured = Record<string, unknown> & { measuredAt: Date | null };

const valueKey = (value: unknown): string =>
  value instanceof Date ? `d${value.getTime()}` : JSON.stringify(value ?? null);

/**
 * The measured instants a write moved a record between (the period that loses it and the one that
 * gains it): none unless one of the measured `fields` differs between before and after; records
 * not (or no longer) measured give no times.
 */
export function changedMeasuredInstants(options: {
  before: Measured | null;
  after: Measured;
  fields: readonly string[];
}): Date[] {
  const { before, after, fields } = options;
  const changed = fields.some((field) => valueKey(before?.[field]) !== valueKey(after[field]));
  if (!changed) return [];
  const times = [before?.measuredAt ?? null, after.measuredAt].filter(
    (at): at is Date => at instanceof Date,
  );
  return times.filter(
    (at, index) => times.findIndex((other) => other.getTime() === at.getTime()) === index,
  );
}

/**
 * Emits `measuredRecordWritten` when any of the measured `fields` differs between the record
 * before and after a write, with the measured instants it was and is counted at (a period that
 * loses the record and the one that gains it). Records not (or no longer) measured give no times.
 */
export async function emitMeasuredChange(options: {
  branchCode: string;
  before: Measured | null;
  after: Measured;
  fields: readonly string[];
}): Promise<void> {
  const eventTimes = changedMeasuredInstants(options);
  if (eventTimes.length === 0) return;
  await emitLifecycle('measuredRecordWritten', { branchCode: options.branchCode, eventTimes });
}

/**
 * The consequences of a write of a measured record, stored with it: the refresh of its rollups
 * when what it contributes changed (a rollup may read fields the snapshots do not, such as an
 * order's cancellation) and `measuredRecordWritten` when a measured field moved.
 */
export function measuredChangeConsequences(options: {
  branchCode: string;
  before: Measured | null;
  after: Measured;
  fields: readonly string[];
}): PendingConsequence[] {
  const eventTimes = changedMeasuredInstants(options);
  const rollups = rollupConsequences(options.branchCode, options.before, options.after);
  if (eventTimes.length === 0) return rollups;
  return [
    ...rollups,
    lifecycleConsequence('measuredRecordWritten', { branchCode: options.branchCode, eventTimes }),
  ];
}
