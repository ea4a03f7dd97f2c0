import { Types } from 'mongoose';
import { z } from 'zod';
import { AppError } from '../../shared/errors';
import { isClosedPeriod, previousPeriod, type Period } from '../../shared/period';
import { validate } from '../../shared/validate';
import { actorScope, canReadBranch } from '../access/scope';
import { requireActor, requireRole, type Actor } from '../auth/actor';
import { auditChange } from '../audit/audit.service';
import { updateWithConsequences } from '../consequences/pending-consequences';
import { branchPeriod, requireReadableBranch } from '../branches/branch-period';
import type { BranchDoc } from '../branches/branch.model';
import { findBranch, listBranches } from '../branches/branch.service';
import { onLifecycle } from '../journey/lifecycle-hooks';
import { presentCard, TARGET_FIGURES, TARGET_RANGES, type BranchCard } from './scorecard-card';
import { rowWindow, scorecardInputsFrom } from './scorecard-data';
import { loadRowsFromRollupsOf } from './scorecard-rollups';
import { hasMeasurements, scorecardFigures, type ScorecardFigures } from './scorecard-figures';
import { rankBranches } from './scorecard-rules';
import {
  ScorecardSnapshotModel,
  ScorecardTargetModel,
  snapshotId,
  targetId,
  type ScorecardTargetDoc,
} from './scorecard.model';
import { targetsFor } from './scorecard-targets';
import {
  invalidateSnapshots,
  readSnapshots,
  snapshotWritesSettled,
  storeSnapshotsLater,
} from './scorecard-snapshots';
import { addToGroup } from '../../shared/groups';

type Computed = { figures: ScorecardFigures; computedAt: Date; measured?: boolean };

function byTimeZone(branches: BranchDoc[]): Map<string, BranchDoc[]> {
  const zones = new Map<string, BranchDoc[]>();
  for (const branch of branches) addToGroup(zones, branch.timeZone, branch);
  return zones;
}

/** Branches of one time zone whose figures for one period are wanted. */
type Wanted = { codes: string[]; period: Period };

// From the rollups: a bounded number of documents per branch and period, never the records; the
// periods of one ranking (the card's and the previous one) in one read.
async function computeLive(wanted: Wanted[], now: Date): Promise<Map<string, Computed>[]> {
  const requests = wanted.map(({ codes, period }) => ({
    branchCodes: codes,
    window: rowWindow(period, now),
  }));
  const rows = await loadRowsFromRollupsOf(requests);
  return requests.map(({ branchCodes, window }, i) => {
    const inputs = scorecardInputsFrom(branchCodes, window, rows[i]!);
    return new Map(
      branchCodes.map((code) => {
        const branchInputs = inputs.get(code)!;
        const figures = scorecardFigures(branchInputs);
        return [code, { figures, computedAt: now, measured: hasMeasurements(branchInputs) }];
      }),
    );
  });
}

const snapshotIds = ({ codes, period }: Wanted) =>
  codes.map((code) => snapshotId(code, period.label));

// Closed periods come from snapshots; missing or stale ones are computed now and stored (after
// the answer, over the versions read: see scorecard-snapshots), unless nothing was measured (an
// empty period is cheap to compute and would only fill the collection). Open periods are always
// computed. One read of snapshots, one of rollups, one write.
async function figuresOf(wanted: Wanted[], now: Date): Promise<Map<string, Computed>[]> {
  const closed = wanted.filter(({ period }) => isClosedPeriod(period, now));
  const { found, seen } = await readSnapshots(closed.flatMap(snapshotIds));
  const missing = wanted.map((w) => ({
    ...w,
    codes: w.codes.filter((code) => !found.has(snapshotId(code, w.period.label))),
  }));
  const toCompute = missing.filter(({ codes }) => codes.length > 0);
  const computed = await computeLive(toCompute, now);
  const computedBy = new Map(toCompute.map((w, i) => [w, computed[i]!]));
  const keep = missing.flatMap((w) =>
    isClosedPeriod(w.period, now)
      ? [...(computedBy.get(w) ?? [])]
          .filter(([, { measured }]) => measured)
          .map(([branchCode, { figures }]) => ({ branchCode, figures, period: w.period }))
      : [],
  );
  if (keep.length > 0) storeSnapshotsLater(keep, seen, now);
  return wanted.map((w, i) => {
    const result = new Map(computedBy.get(missing[i]!) ?? []);
    for (const code of w.codes) {
      const snapshot = found.get(snapshotId(code, w.period.label));
      if (snapshot) result.set(code, snapshot);
    }
    return result;
  });
}

/**
 * Removes snapshots stored before they had key ids (`_id` an ObjectId): they are never read now,
 * and their branch × period (unique) would block the new one. Once, at the first start of this
 * version (they are recomputed on their next read).
 */
export async function dropKeylessSnapshots(): Promise<void> {
  await ScorecardSnapshotModel.collection.deleteMany({ _id: { $type: 'objectId' } });
}

/** Every branch's figures for each period label, each cut in its branch's time zone. */
async function figuresFor(
  branches: BranchDoc[],
  labels: string[],
  now: Date,
): Promise<Map<string, Computed>[]> {
  const wanted = [...byTimeZone(branches)].flatMap(([zone, group]) =>
    labels.map((label) => ({
      label,
      codes: group.map((b) => b.code),
      period: branchPeriod({ timeZone: zone }, label),
    })),
  );
  const computed = await figuresOf(wanted, now);
  return labels.map((label) => {
    const results = new Map<string, Computed>();
    wanted.forEach((w, i) => {
      if (w.label === label) for (const [code, value] of computed[i]!) results.set(code, value);
    });
    return results;
  });
}

/** All branches' scorecards for a period, ranked per the measurement rules (rank 1 first). */
export async function rankedScorecards(label: string, now = new Date()): Promise<BranchCard[]> {
  const branches = await listBranches();
  if (branches.length === 0) return [];
  const previousLabel = previousPeriod(branchPeriod(branches[0]!, label)).label;
  const [periods, targets] = await Promise.all([
    figuresFor(branches, [label, previousLabel], now),
    targetsFor(
      branches.map((b) => b.code),
      label,
    ),
  ]);
  const [current, previous] = [periods[0]!, periods[1]!];
  const ranked = rankBranches(
    branches.map((b) => {
      const figures = current.get(b.code)!.figures;
      return {
        branchCode: b.code,
        compositeScore: figures.compositeScore.value,
        topBoxShare: figures.topBoxShare.value,
        responses: figures.responses,
      };
    }),
  );
  return ranked
    .sort((a, b) => a.rank - b.rank)
    .map((row) =>
      presentCard({
        branchCode: row.branchCode,
        period: label,
        figures: current.get(row.branchCode)!.figures,
        previous: previous.get(row.branchCode)?.figures ?? null,
        targets: targets.get(row.branchCode) ?? {},
        rank: row.rank,
        insufficientSample: row.insufficientSample,
        computedAt: current.get(row.branchCode)!.computedAt,
      }),
    );
}

/** Where a request gets the ranked cards of a period (per request: a bounded, caching loader). */
export type CardsOfPeriod = (label: string) => Promise<BranchCard[]>;

const unbounded: CardsOfPeriod = (label) => rankedScorecards(label);

/** `Query.branchScorecard`: one branch's card; branch roles read only their own branch. */
export async function branchScorecard(options: {
  actor: Actor | null;
  branchCode: string;
  period: string;
  cardsOf?: CardsOfPeriod;
}): Promise<BranchCard> {
  const branch = await requireReadableBranch(options.actor, options.branchCode);
  branchPeriod(branch, options.period);
  const cards = await (options.cardsOf ?? unbounded)(options.period);
  return cards.find((card) => card.branchCode === branch.code)!;
}

/** `Query.scorecardRanking`: every branch the caller may read, in rank order. */
export async function scorecardRanking(options: {
  actor: Actor | null;
  period: string;
  cardsOf?: CardsOfPeriod;
}): Promise<BranchCard[]> {
  const scope = actorScope(requireActor(options.actor));
  const cards = await (options.cardsOf ?? unbounded)(options.period);
  return cards.filter((card) => canReadBranch(scope, card.branchCode));
}

const targetInput = z
  .object({
    branchCode: z.string().min(1),
    period: z.string().min(1),
    figure: z.enum(TARGET_FIGURES),
    target: z.number().finite().nullable(),
  })
  .superRefine(({ figure, target }, ctx) => {
    const [min, max] = TARGET_RANGES[figure];
    if (target !== null && (target < min || target > max))
      ctx.addIssue({ code: 'custom', path: ['target'], message: `must be ${min}–${max}` });
  });

/** `Mutation.setScorecardTarget` (HQ and admins): sets, changes or (with null) removes a target. */
export async function setScorecardTarget(options: { actor: Actor | null; input: unknown }) {
  const actor = requireRole(options.actor, ['ADMIN', 'HQ_ANALYST']);
  const input = validate(targetInput, options.input);
  const branch = await findBranch(input.branchCode);
  if (!branch) throw new AppError('NOT_FOUND', 'branch not found', 'input.branchCode');
  branchPeriod(branch, input.period, 'input.period');
  const key = { branchCode: input.branchCode, period: input.period, figure: input.figure };
  const _id = targetId(key.branchCode, key.period, key.figure);
  const before = await ScorecardTargetModel.findOne({ _id }).lean<ScorecardTargetDoc>();
  // A removed target stays as `target: null`, so its removal has a record to be stored with.
  await updateWithConsequences(ScorecardTargetModel, {
    filter: { _id },
    update: { $set: { ...key, target: input.target, setBy: actor.login } },
    consequences: [
      auditChange({
        actor,
        action: 'setScorecardTarget',
        entityType: 'ScorecardTarget',
        entityId: `${input.branchCode}/${input.period}/${input.figure}`,
        branchCode: input.branchCode,
        before: before ? { target: before.target } : null,
        after: { target: input.target },
      }),
    ],
    queryOptions: { upsert: true },
  });
  return { ...key, target: input.target };
}

onLifecycle('measuredRecordWritten', invalidateSnapshots);

/** Recomputes every branch's snapshot of a closed period (the `scorecards:snapshot` command). */
export async function recomputeSnapshots(label: string, now = new Date()): Promise<number> {
  await ScorecardSnapshotModel.updateMany(
    { period: label },
    { $set: { stale: true, v: new Types.ObjectId() } },
  );
  const branches = await listBranches();
  const [computed] = await figuresFor(branches, [label], now);
  await snapshotWritesSettled();
  return computed!.size;
}
