import { model, Schema, type Types } from 'mongoose';
import { pendingConsequencesPlugin } from '../consequences/pending-consequences';

// A closed period's computed scorecard of one branch; `stale` once a record measured in (or
// feeding) the period is written, recomputed on the next read or by `npm run scorecards:snapshot`
// (a stale one may be a tombstone, without figures: see scorecard-snapshots).
// `_id` is `<branch>|<period>` (see snapshotId) so a card reads its snapshots by a bare `_id $in`,
// the only multi-key read the stand-in answers from an index; snapshots stored before that have
// an ObjectId and are replaced when next computed.
const scorecardSnapshotSchema = new Schema(
  {
    _id: { type: Schema.Types.Mixed },
    branchCode: { type: String, required: true },
    period: { type: String, required: true },
    periodStart: { type: Date, required: true },
    periodEnd: { type: Date, required: true },
    /** Absent on a tombstone (stale, stored by a marking before any figures). */
    figures: { type: Schema.Types.Mixed },
    /** Shape of `figures`; a snapshot of an older shape is recomputed on read. */
    figuresVersion: { type: Number, default: 1 },
    computedAt: { type: Date },
    stale: { type: Boolean, required: true, default: false },
    /** New at every change of the document: a computed snapshot is stored over the one it read. */
    v: { type: Schema.Types.ObjectId },
  },
  { minimize: false },
);
scorecardSnapshotSchema.index({ branchCode: 1, period: 1 }, { unique: true });
// Stand-in only: the guarded write `{ _id, v }` is answered from an index only when an index has
// exactly those fields (else it scans every snapshot); on MongoDB `_id` serves it.
scorecardSnapshotSchema.index({ _id: 1, v: 1 }, { unique: true });
scorecardSnapshotSchema.index({ branchCode: 1, periodEnd: 1 });

/** The `_id` of a branch's snapshot of a period. */
export const snapshotId = (branchCode: string, period: string) => `${branchCode}|${period}`;

/** A stored scorecard snapshot. */
export type ScorecardSnapshotDoc = {
  _id: Types.ObjectId | string;
  branchCode: string;
  period: string;
  periodStart: Date;
  periodEnd: Date;
  figures: unknown;
  figuresVersion?: number;
  computedAt: Date;
  stale: boolean;
  v?: Types.ObjectId;
};

/**
 * The current shape of snapshot figures (2: competitor lead added; 3: complaint figures; 4: MTTR
 * and its interval from exact sums, which can differ in the last bits from the older sum; 5: mean
 * activation lateness and its interval from exact sums of milliseconds, likewise; 6: mean
 * acknowledgement time and its interval from exact sums of milliseconds, likewise; 7: the
 * satisfaction index, CS means and their intervals from exact sums of the scores, likewise).
 */
export const SNAPSHOT_FIGURES_VERSION = 7;

export const ScorecardSnapshotModel = model('ScorecardSnapshot', scorecardSnapshotSchema);

// `_id` is `<branch>|<period>|<figure>` (see targetId): a card reads its period's targets by a
// bare `_id $in`, the only multi-key read the stand-in answers from an index (a read by period
// scanned every target ever set). Targets stored before that had an ObjectId and are given
// their key id once (see scorecard-targets).
const scorecardTargetSchema = new Schema(
  {
    _id: { type: String },
    branchCode: { type: String, required: true },
    period: { type: String, required: true },
    figure: { type: String, required: true },
    /** Null: the target was removed (kept so the removal is stored with its audit entry). */
    target: { type: Number, default: null },
    setBy: { type: String, required: true },
  },
  { timestamps: true },
);
/** The `_id` of a branch's target for one figure in one period. */
export const targetId = (branchCode: string, period: string, figure: string) =>
  `${branchCode}|${period}|${figure}`;

/** A branch's target for one figure in one period. */
export type ScorecardTargetDoc = {
  branchCode: string;
  period: string;
  figure: string;
  target: number;
};

scorecardTargetSchema.plugin(pendingConsequencesPlugin);

export const ScorecardTargetModel = model('ScorecardTarget', scorecardTargetSchema);
