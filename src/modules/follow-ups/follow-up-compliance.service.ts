import { wilsonInterval } from '../../shared/statistics';
import { quartersOf, type Period } from '../../shared/period';
import { actorScope } from '../access/scope';
import { KeyAccountModel } from '../accounts/account.model';
import type { Actor } from '../auth/actor';
import { resolveBranchPeriod } from '../branches/branch-period';
import { coverageForPeriod, type CoverageFigure } from './follow-up-rules';
import { FollowUpModel } from './follow-up.model';

/** A coverage figure with its 95 % interval (Wilson) where it is a ratio. */
export type CoverageReportFigure = CoverageFigure & { low: number | null; high: number | null };

/** `Query.followUpCompliance`: follow-up figures of a branch and period. */
export type FollowUpComplianceReport = {
  branchCode: string;
  period: Period;
  quarterlyCoverage: CoverageReportFigure;
};

function withInterval(figure: CoverageFigure): CoverageReportFigure {
  const interval =
    figure.numerator === null || figure.denominator === null
      ? null
      : wilsonInterval(figure.numerator, figure.denominator);
  return { ...figure, low: interval?.low ?? null, high: interval?.high ?? null };
}

/**
 * Quarterly follow-up coverage of a branch in a period (measurement rules "Follow-up visits"): the
 * branch's accounts and completed follow-ups from the first quarter's start to the period's end,
 * counted by the pure rule.
 */
export async function followUpCompliance(options: {
  actor: Actor | null;
  branchCode: string;
  period: string;
}): Promise<FollowUpComplianceReport> {
  const { branch, period } = await resolveBranchPeriod(options);
  const scope = actorScope(options.actor!);
  const from = quartersOf(period)[0]?.start ?? period.start;
  const [accounts, completions] = await Promise.all([
    KeyAccountModel.find(
      { branchCode: branch.code, openedAt: { $lt: period.end } },
      { _id: 1, openedAt: 1, closedAt: 1 },
      { scope },
    ).lean(),
    FollowUpModel.find(
      {
        branchCode: branch.code,
        status: 'COMPLETED',
        completedAt: { $gte: from, $lt: period.end },
      },
      { accountId: 1, completedAt: 1 },
      { scope },
    ).lean<{ accountId: unknown; completedAt: Date }[]>(),
  ]);
  const coverage = coverageForPeriod(
    period,
    accounts.map((a) => ({
      id: String(a._id),
      createdAt: a.openedAt,
      closedAt: a.closedAt ?? null,
    })),
    completions.map((c) => ({ accountId: String(c.accountId), completedAt: c.completedAt })),
  );
  return { branchCode: branch.code, period, quarterlyCoverage: withInterval(coverage) };
}
