import type { Config } from '../../config/env';
import type { Logger } from '../../config/logger';
import type { ResolvedDatabase } from '../../db/resolve-database';
import { withRollupsRebuiltAfter } from '../rollups/rollup-check';
import { BranchModel } from '../branches/branch.model';
import { upsertBranch } from '../branches/branch.service';
import { demoAnchor } from './demo-anchor.model';
import { demoClockAt, setDemoClock } from './demo-actor';
import { seedCommitments } from './demo-commitments';
import { seedComplaints } from './demo-complaints';
import { DEMO_BRANCHES } from './demo-data';
import { seedFollowUpsAndSurveys } from './demo-follow-ups-and-surveys';
import { seedPeopleAndAccounts } from './demo-people';

/** The demo branches (upserted by code). */
export async function seedDemoBranches(): Promise<void> {
  for (const branch of DEMO_BRANCHES) await upsertBranch(branch);
}

/** One step of the demo data set; steps run in order and each is idempotent. */
export type DemoStep = { name: string; run(): Promise<void> };

// Modules add their step here, in dependency order.
const DEMO_STEPS: DemoStep[] = [
  { name: 'branches', run: seedDemoBranches },
  { name: 'people-and-accounts', run: seedPeopleAndAccounts },
  { name: 'commitments', run: seedCommitments },
  // Before the follow-ups: the visits after complaint resolutions are then closed like the others.
  { name: 'complaints', run: seedComplaints },
  { name: 'follow-ups-and-surveys', run: seedFollowUpsAndSurveys },
];

/**
 * Loads the demo data set, laid out around the moment it is first loaded into this database (so
 * open work looks open and recent periods have data) or around `options.now` on a first load (tests
 * pass a fixed instant and get the same records every run). Idempotent: every step upserts by
 * natural keys or checks first, and later loads reuse the first load's instant.
 */
export async function loadDemoData(options: { now?: Date } = {}): Promise<void> {
  setDemoClock(demoClockAt(await demoAnchor(options.now ?? new Date())));
  await withRollupsRebuiltAfter(async () => {
    for (const step of DEMO_STEPS) await step.run();
  });
}

/**
 * DEMO_DATA=true loads the demo data, false never does; unset loads it only into an empty
 * embedded database, so a newcomer sees data at once and a real database is never touched.
 */
export async function seedOnStart(options: {
  config: Pick<Config, 'DEMO_DATA'>;
  database: Pick<ResolvedDatabase, 'engine'>;
  logger: Logger;
}): Promise<void> {
  const { config, database, logger } = options;
  const wanted =
    config.DEMO_DATA ??
    (database.engine !== 'external' && (await BranchModel.estimatedDocumentCount()) === 0);
  if (!wanted) return;
  await loadDemoData();
  logger.info('demo data loaded');
}
