import type { Types } from 'mongoose';
import { systemScope } from '../access/scope';
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
