import { registerBackfill } from '../../db/backfill-once';
import { findByIds } from '../../db/id-parts';
import { TARGET_FIGURES, type TargetFigure } from './scorecard-card';
import { ScorecardTargetModel, targetId, type ScorecardTargetDoc } from './scorecard.model';

/** The branches' targets of a period, by branch: one bare `_id $in` of every branch × figure. */
export async function targetsFor(
  codes: string[],
  label: string,
): Promise<Map<string, Partial<Record<TargetFigure, number>>>> {
  const ids = codes.flatMap((code) =>
    TARGET_FIGURES.map((figure) => targetId(code, label, figure)),
  );
  const rows = await findByIds<ScorecardTargetDoc & { target: number | null }>(
    ScorecardTargetModel.collection,
    ids,
    { branchCode: 1, figure: 1, target: 1 },
  );
  const byBranch = new Map<string, Partial<Record<TargetFigure, number>>>();
  for (const row of rows)
    if (row.target !== null)
      byBranch.set(row.branchCode, { ...byBranch.get(row.branchCode), [row.figure]: row.target });
  return byBranch;
}

/**
 * Targets stored before they had key ids (`_id` an ObjectId) are copied, whole, under their key
 * id, then removed; their unique index on branch, period and figure goes first, as the copy and
 * the original hold the same key until the original is removed. Idempotent: a copy made before a
 * crash is kept as it is. Once per database (a backfill), at start.
 */
export async function giveTargetsKeyIds(): Promise<void> {
  const targets = ScorecardTargetModel.collection;
  await targets.dropIndex('branchCode_1_period_1_figure_1').catch(() => undefined);
  const keyless = await targets.find({ _id: { $type: 'objectId' } } as never).toArray();
  for (const { _id, ...target } of keyless) {
    const key = targetId(String(target.branchCode), String(target.period), String(target.figure));
    await targets.updateOne({ _id: key } as never, { $setOnInsert: target }, { upsert: true });
    await targets.deleteOne({ _id });
  }
}

registerBackfill('scorecardTargetIds', giveTargetsKeyIds);
