import type { AnyBulkWriteOperation, Document } from 'mongodb';
import { Types } from 'mongoose';
import { registerBackfill } from '../../db/backfill-once';
import { onlyDuplicateKeys } from '../../db/duplicate-key';
import { periodContaining, type Period, type PeriodKind } from '../../shared/period';
import { findBranch } from '../branches/branch.service';
import type { ScorecardFigures } from './scorecard-figures';
import {
  ScorecardSnapshotModel,
  SNAPSHOT_FIGURES_VERSION,
  snapshotId,
  type ScorecardSnapshotDoc,
} from './scorecard.model';

// A closed period's snapshot is stored after its figures were computed from the rollups, and a
// measured write marks stale the snapshots it changes after it changed the rollups. A snapshot
// stored from a read of the rollups taken before such a write, but stored after its marking, would
// serve figures without that write until the next one. So every snapshot carries a version `v`,
// new at every change of the document; a computed snapshot is stored only over the version read
// before its rollups were (or only if there was no document then), and the marking creates the
// documents it marks (tombstones: stale, no figures), so it always changes what a computation
// read. Such a computation's own answer is still served (it is as of its read); only storing is
// refused.

/** A stored snapshot's figures, served as they are. */
export type StoredFigures = { figures: ScorecardFigures; computedAt: Date };

/** What a read found of each snapshot not served: its version, or null when there was none. */
export type SeenVersions = Map<string, Types.ObjectId | null>;

/**
 * Snapshots by id: the servable ones, and the version of each of the others. After the snapshot
 * writes this process has in flight when it starts (not those begun while it waits), so that a
 * read after an answer finds what that answer stored.
 */
export async function readSnapshots(
  ids: string[],
): Promise<{ found: Map<string, StoredFigures>; seen: SeenVersions }> {
  if (inFlight.size > 0) await Promise.allSettled([...inFlight]);
  const stored =
    ids.length === 0
      ? []
      : await ScorecardSnapshotModel.collection
          .find<ScorecardSnapshotDoc>({ _id: { $in: ids } } as never)
          .toArray();
  const byId = new Map(stored.map((s) => [String(s._id), s]));
  const found = new Map<string, StoredFigures>();
  const seen: SeenVersions = new Map();
  for (const id of ids) {
    const s = byId.get(id);
    if (s && !s.stale && s.figuresVersion === SNAPSHOT_FIGURES_VERSION && s.v)
      found.set(id, { figures: s.figures as ScorecardFigures, computedAt: s.computedAt });
    // A document without a version (stored by an earlier version of the service) is never
    // written over: the backfill below removes them; a later one stays unserved.
    else if (!s || s.v) seen.set(id, s?.v ?? null);
  }
  return { found, seen };
}

/** A computed snapshot to store. */
export type Computed = { branchCode: string; figures: ScorecardFigures; period: Period };

/**
 * Stores computed snapshots over the versions `seen` before their rollups were read: an update
 * expecting that version, or an insert where there was no document. A lost race (the version
 * changed, a document appeared) stores nothing for that snapshot.
 */
export async function storeSnapshots(
  computed: Computed[],
  seen: SeenVersions,
  now: Date,
): Promise<void> {
  const writes = computed.flatMap(
    ({ branchCode, figures, period }): AnyBulkWriteOperation<Document>[] => {
      const _id = snapshotId(branchCode, period.label);
      if (!seen.has(_id)) return [];
      const fields = {
        branchCode,
        period: period.label,
        figures,
        figuresVersion: SNAPSHOT_FIGURES_VERSION,
        computedAt: now,
        stale: false,
        periodStart: period.start,
        periodEnd: period.end,
        v: new Types.ObjectId(),
      };
      const version = seen.get(_id);
      return version
        ? [{ updateOne: { filter: { _id: _id as never, v: version }, update: { $set: fields } } }]
        : [{ insertOne: { document: { _id: _id as never, ...fields } } }];
    },
  );
  if (writes.length === 0) return;
  await ScorecardSnapshotModel.collection
    .bulkWrite(writes, { ordered: false })
    .catch((error: unknown) => {
      // An insert refused because the document appeared since the read: a race lost.
      if (!onlyDuplicateKeys(error)) throw error;
    });
}

// Snapshot writes still in flight: an answer does not wait for its snapshots to be stored.
const inFlight = new Set<Promise<void>>();

/**
 * Stores computed snapshots without the caller waiting (a failed or lost write leaves the
 * snapshot to be computed again on its next read), once the answer's own work is done.
 */
export function storeSnapshotsLater(computed: Computed[], seen: SeenVersions, now: Date): void {
  // Begun after the answer's own work (encoding the write is a millisecond or two of it).
  const write: Promise<void> = new Promise<void>((begin) => setImmediate(begin))
    .then(() => storeSnapshots(computed, seen, now))
    .catch(() => undefined)
    .finally(() => inFlight.delete(write));
  inFlight.add(write);
}

/** Resolves once every snapshot write started so far has ended (shutdown, tests, benchmarks). */
export async function snapshotWritesSettled(): Promise<void> {
  while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
}

const KINDS: PeriodKind[] = ['MONTH', 'QUARTER', 'YEAR'];
const DAY_MS = 86_400_000;
const YEAR_MS = 366 * DAY_MS;

/**
 * The periods whose figures records measured at `times` can change: those containing them, the
 * later months of their quarter (coverage is quarter-to-date), and those following (whose
 * `previous` values they are): every month, quarter and year ending after the start of the
 * earliest instant's quarter and starting within a year after the latest instant; of those, the
 * ones ended by `closedBy` (only closed periods have snapshots).
 */
export function periodsChangedBy(times: Date[], timeZone: string, closedBy: Date): Period[] {
  const ms = times.map((at) => at.getTime());
  const from = periodContaining(new Date(Math.min(...ms)), 'QUARTER', timeZone).start;
  const until = Math.max(...ms) + YEAR_MS;
  const within = (p: Period) => p.start.getTime() <= until && p.end <= closedBy;
  return KINDS.flatMap((kind) => {
    const periods: Period[] = [];
    for (let p = periodContaining(from, kind, timeZone); within(p);) {
      periods.push(p);
      p = periodContaining(p.end, kind, timeZone);
    }
    return periods;
  });
}

/**
 * Marks stale, with a new version, every snapshot of the branch a record measured at these
 * instants can change, creating those not stored (see the top of this file); by `_id` only. Open
 * periods have no snapshot (their figures are always computed): a record measured now marks the
 * few closed periods of its quarter; one of last year, up to the 21 periods that follow it.
 */
export async function invalidateSnapshots(event: {
  branchCode: string;
  eventTimes: Date[];
}): Promise<void> {
  if (event.eventTimes.length === 0) return;
  const branch = await findBranch(event.branchCode);
  if (!branch) return;
  const v = new Types.ObjectId();
  // A day's margin: another instance's clock may be a little ahead of this one's.
  const closedBy = new Date(Date.now() + DAY_MS);
  const periods = periodsChangedBy(event.eventTimes, branch.timeZone, closedBy);
  if (periods.length === 0) return;
  await ScorecardSnapshotModel.collection.bulkWrite(
    periods.map((period) => ({
      updateOne: {
        filter: { _id: snapshotId(branch.code, period.label) } as never,
        update: {
          $set: { stale: true, v },
          $setOnInsert: {
            branchCode: branch.code,
            period: period.label,
            periodStart: period.start,
            periodEnd: period.end,
          },
        },
        upsert: true,
      },
    })),
    { ordered: false },
  );
}

// Snapshots stored before they had versions are never written over (see readSnapshots): removed
// once, recomputed on their next read.
registerBackfill('scorecardSnapshotVersions', async () => {
  await ScorecardSnapshotModel.collection.deleteMany({ v: { $exists: false } });
});
