import { AppError, badInput, notFound } from '../../shared/errors';
import { isSupportedInstant, SUPPORTED_FROM, SUPPORTED_YEARS_AHEAD } from '../../shared/inputs';
import { parsePeriod, PeriodFormatError, type Period } from '../../shared/period';
import { actorScope, canReadBranch } from '../access/scope';
import { requireActor, type Actor } from '../auth/actor';
import type { BranchDoc } from './branch.model';
import { findBranch } from './branch.service';

/**
 * A branch the actor may read figures of: FORBIDDEN for another branch than a branch role's
 * own (asking is not hiding: branch codes are public reference data), NOT_FOUND when unknown.
 */
export async function requireReadableBranch(
  actor: Actor | null,
  branchCode: string,
): Promise<BranchDoc> {
  if (!canReadBranch(actorScope(requireActor(actor)), branchCode)) {
    throw new AppError('FORBIDDEN', `You may not read figures of branch ${branchCode}`);
  }
  const branch = await findBranch(branchCode);
  if (!branch) throw notFound('branch');
  return branch;
}

/** The message of a period outside the supported range. */
export const SUPPORTED_PERIOD_MESSAGE = `must start between ${SUPPORTED_FROM.getUTCFullYear()} and ${SUPPORTED_YEARS_AHEAD} years from now`;

/** Parses a period label in the branch's time zone; a bad label is BAD_USER_INPUT on `field`. */
export function branchPeriod(branch: Pick<BranchDoc, 'timeZone'>, label: string, field = 'period') {
  try {
    const period = parsePeriod(label, branch.timeZone);
    const inRange = period.end > SUPPORTED_FROM && isSupportedInstant(period.start);
    if (!inRange) throw badInput(field, SUPPORTED_PERIOD_MESSAGE);
    return period;
  } catch (error) {
    if (error instanceof PeriodFormatError) throw badInput(field, error.message);
    throw error;
  }
}

/** The readable branch and the period cut in its time zone, for per-branch figures. */
export async function resolveBranchPeriod(options: {
  actor: Actor | null;
  branchCode: string;
  period: string;
}): Promise<{ branch: BranchDoc; period: Period }> {
  const branch = await requireReadableBranch(options.actor, options.branchCode);
  return { branch, period: branchPeriod(branch, options.period) };
}
