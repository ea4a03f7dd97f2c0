import { model, Schema } from 'mongoose';

// Rollup buckets (`items`: record id → value; or, for tally families, `t`: nested counts, `e0` and
// `e1`: hour of the edge → record id → contribution with its instant (one string) for records near the month's
// start and end, so a reader cutting at an edge reads the hours of that edge it cuts only, `v`: version,
// `ops`: markers of the claims in flight, token → membership id; see `rollup-tally`) and, under
// `<family>|<branch>|months`, the list of months a family has buckets in for a branch. Written
// and read through the driver with string ids only: the stand-in answers `_id` equality and a
// bare `_id $in` from its index, nothing else.
const rollupSchema = new Schema(
  {
    _id: { type: String, required: true },
    items: { type: Schema.Types.Mixed },
    t: { type: Schema.Types.Mixed },
    e0: { type: Schema.Types.Mixed },
    e1: { type: Schema.Types.Mixed },
    v: { type: Number },
    ops: { type: Schema.Types.Mixed },
    months: { type: [String], default: undefined },
  },
  { minimize: false, versionKey: false },
);

// Stand-in only: the guarded tally write `{ _id, v }` is answered from an index only when an index
// has exactly those fields (else it scans every bucket); on MongoDB `_id` serves it.
rollupSchema.index({ _id: 1, v: 1 }, { unique: true });

export const RollupModel = model('Rollup', rollupSchema);

/** Nested counts of a tally bucket (path segments → … → count). */
export type NestedCounts = { [segment: string]: number | NestedCounts };

/** A tally bucket's records near one edge of its month: record id → its entry (see `edgeEntry`). */
export type EdgeEntries = Record<string, string>;

/** A tally bucket's records near one edge, by the hour of the edge they lie in (see `edgeKey`). */
export type EdgeSlots = Record<string, EdgeEntries>;

/** A bucket or months document as stored. */
export type RollupDoc = {
  _id: string;
  items?: Record<string, unknown>;
  t?: NestedCounts;
  e0?: EdgeSlots;
  e1?: EdgeSlots;
  v?: number;
  ops?: Record<string, string>;
  months?: string[];
};

// Where each record is counted (`<Source>:<record id>` → bucket id → value): what a change of the
// record must clear, and what `rollups:check` compares against. `pending` is the change being
// applied (claimed under a token, see `rollup-tally`), `v` the version every write expects.
const rollupMemberSchema = new Schema(
  {
    _id: { type: String, required: true },
    buckets: { type: Schema.Types.Mixed },
    v: { type: Number },
    pending: { type: Schema.Types.Mixed, default: undefined },
  },
  { minimize: false, versionKey: false },
);

// Stand-in only, as for the buckets: the claims' guarded writes `{ _id, v }`.
rollupMemberSchema.index({ _id: 1, v: 1 }, { unique: true });

export const RollupMemberModel = model('RollupMember', rollupMemberSchema);

/** A record's membership as stored. */
export type RollupMemberDoc = {
  _id: string;
  buckets: Record<string, unknown>;
  v?: number;
  pending?: { id: string; from: Record<string, unknown>; to: Record<string, unknown> };
};

/** A membership id. */
export const memberId = (source: string, recordId: unknown) => `${source}:${String(recordId)}`;
