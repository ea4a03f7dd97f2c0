import type { Types } from 'mongoose';
import { systemScope } from '../access/scope';
import {
  consequence,
  CONSEQUENCE_ORDER,
  registerConsequenceKind,
  type PendingConsequence,
} from '../consequences/consequence-kinds';
import { KeyAccountModel } from '../accounts/account.model';
import { journeySources } from './journey-registry';
import { currentStage, type JourneyStage } from './journey-stage';

const scope = systemScope('current-stage');

type StageRow = { stage: JourneyStage; journeyAt: Date };

async function latestOf(
  accountId: Types.ObjectId,
  filter: Record<string, unknown>,
  source: ReturnType<typeof journeySources>[number],
) {
  return source.model
    .findOne({ accountId, ...filter }, { stage: 1, journeyAt: 1 }, { scope })
    .sort({ journeyAt: -1, _id: -1 })
    .lean<StageRow>();
}

/** Recomputes and stores an account's current stage after one of its records changed. */
export async function refreshCurrentStage(accountId: Types.ObjectId): Promise<JourneyStage> {
  const sources = journeySources().filter((s) => s.movesStage);
  const open = await Promise.all(
    sources
      .filter((s) => s.openFilter)
      .map(async (s) => ({ s, row: await latestOf(accountId, s.openFilter!, s) })),
  );
  const latest = (await Promise.all(sources.map((s) => latestOf(accountId, {}, s))))
    .filter((row): row is StageRow => row !== null)
    .sort((a, b) => b.journeyAt.getTime() - a.journeyAt.getTime())[0];
  const stage = currentStage({
    openFaultStage:
      open.find((o) => o.row && (o.row.stage === 'FAULT_REPORTING' || o.row.stage === 'REPAIR'))
        ?.row?.stage ?? null,
    hasOpenActivation: open.some((o) => o.row?.stage === 'ACTIVATION'),
    latestStage: latest?.stage ?? null,
  });
  await KeyAccountModel.updateOne({ _id: accountId }, { $set: { currentStage: stage } }).setOptions(
    { scope },
  );
  return stage;
}

type StageRowOf = StageRow & { _id: Types.ObjectId };

// The latest record (journeyAt, then _id, descending) of each account in one aggregation; the
// caller's filter comes first in the match, as the cheaper and narrower test.
async function latestPerAccount(
  source: ReturnType<typeof journeySources>[number],
  accountIds: readonly Types.ObjectId[],
  filter: Record<string, unknown>,
): Promise<Map<string, StageRow>> {
  const rows = await source.model
    .aggregate<StageRowOf>([
      { $match: { ...filter, accountId: { $in: accountIds } } },
      { $sort: { accountId: 1, journeyAt: -1, _id: -1 } },
      {
        $group: {
          _id: '$accountId',
          stage: { $first: '$stage' },
          journeyAt: { $first: '$journeyAt' },
        },
      },
    ])
    .option({ scope });
  return new Map(rows.map((row) => [String(row._id), row]));
}

/**
 * `refreshCurrentStage` for many accounts at once (bulk writers such as imports): the same rule and
 * tie-breaks, with one or two aggregations per record collection and one bulk write, however many
 * accounts. `notBefore`: every account has a record at or after it (the caller just wrote one),
 * so older records cannot be the latest and are not read.
 */
export async function refreshCurrentStages(
  accountIds: readonly Types.ObjectId[],
  options: { notBefore?: Date } = {},
): Promise<void> {
  if (accountIds.length === 0) return;
  const recent = options.notBefore ? { journeyAt: { $gte: options.notBefore } } : {};
  const sources = journeySources().filter((s) => s.movesStage);
  const [open, latest] = await Promise.all([
    Promise.all(
      sources
        .filter((s) => s.openFilter)
        .map((s) => latestPerAccount(s, accountIds, s.openFilter!)),
    ),
    Promise.all(sources.map((s) => latestPerAccount(s, accountIds, recent))),
  ]);
  const updates = accountIds.map((accountId) => {
    const key = String(accountId);
    const openRows = open.map((rows) => rows.get(key));
    // First source wins a tie, as the stable sort of refreshCurrentStage.
    const newest = latest
      .map((rows) => rows.get(key))
      .reduce<StageRow | undefined>(
        (best, row) => (row && (!best || row.journeyAt > best.journeyAt) ? row : best),
        undefined,
      );
    const stage = currentStage({
      openFaultStage:
        openRows.find((row) => row?.stage === 'FAULT_REPORTING' || row?.stage === 'REPAIR')
          ?.stage ?? null,
      hasOpenActivation: openRows.some((row) => row?.stage === 'ACTIVATION'),
      latestStage: newest?.stage ?? null,
    });
    return { updateOne: { filter: { _id: accountId }, update: { $set: { currentStage: stage } } } };
  });
  await KeyAccountModel.bulkWrite(updates, { ordered: false });
}

type StageArgs = { accountId: Types.ObjectId };

/** The refresh of an account's current stage, as a consequence of a write on one of its records. */
export function stageConsequence(accountId: Types.ObjectId): PendingConsequence<StageArgs> {
  return consequence<StageArgs>('currentStage', { accountId });
}

// Recomputed from the records as they are when applied: idempotent, and order does not matter.
// One account (a mutation's) is read with the per-account finds, cheaper on the stand-in than the
// batch aggregations; the same rule either way.
registerConsequenceKind<StageArgs>('currentStage', CONSEQUENCE_ORDER.stage, async (due) => {
  const ids = [
    ...new Map(due.map(({ args }) => [String(args.accountId), args.accountId])).values(),
  ];
  if (ids.length === 1) await refreshCurrentStage(ids[0]!);
  else await refreshCurrentStages(ids);
});
