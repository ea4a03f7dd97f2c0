import { type Period, quartersOf } from '../../shared/period';
import { mean } from '../../shared/statistics';

/** A time span [start, end). */
export type Span = { start: Date; end: Date };

/** What coverage needs to know about an account. */
export type CoverageAccount = { id: string; createdAt: Date; closedAt: Date | null };

/** A completed follow-up visit: whose, and when it was completed. */
export type CompletedFollowUp = { accountId: string; completedAt: Date };

/**
 * A coverage figure. A quarter (or quarter-to-month) is a ratio: covered ÷ active accounts,
 * sample size = active accounts. A year is the mean of its quarters: no numerator/denominator,
 * sample size = number of quarters averaged.
 */
export type CoverageFigure = {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  sampleSize: number;
};

const DAY_MS = 24 * 60 * 60 * 1000;

/** Days after activation within which a follow-up makes the activation compliant. */
export const POST_ACTIVATION_WINDOW_DAYS = 7;

/** Days after a fault ticket's closure within which a follow-up makes the repair compliant. */
export const POST_REPAIR_WINDOW_DAYS = 3;

/** Created before the span ends and not closed before it starts (closing at its start counts). */
export function isActiveDuring(
  account: { createdAt: Date; closedAt: Date | null },
  span: Span,
): boolean {
  return (
    account.createdAt.getTime() < span.end.getTime() &&
    (account.closedAt === null || account.closedAt.getTime() >= span.start.getTime())
  );
}

/**
 * Accounts active during the span with ≥ 1 completed follow-up in [start, end) ÷ accounts
 * active during the span. Follow-ups of accounts not active in the span are ignored.
 */
export function quarterlyCoverage(
  accounts: readonly CoverageAccount[],
  completedFollowUps: readonly CompletedFollowUp[],
  span: Span,
): CoverageFigure {
  return coverageOfVisited(accounts, visitedDuring(completedFollowUps, span), span);
}

/** The accounts with ≥ 1 completed follow-up in [start, end). */
export function visitedDuring(
  completedFollowUps: readonly CompletedFollowUp[],
  span: Span,
): Set<string> {
  return new Set(
    completedFollowUps.filter((f) => isWithin(f.completedAt, span)).map((f) => f.accountId),
  );
}

/** Whether one of an account's completions lies in [start, end). */
export const completedDuring = (completions: readonly Date[], span: Span): boolean =>
  completions.some((at) => isWithin(at, span));

/** A span's coverage counts: accounts active during it, and those of them visited in it. */
export type CoverageCount = { covered: number; active: number };

/** The coverage counts of a span from the accounts visited during it. */
export function coverageCountOf(
  accounts: readonly CoverageAccount[],
  visited: ReadonlySet<string>,
  span: Span,
): CoverageCount {
  const active = accounts.filter((account) => isActiveDuring(account, span));
  return {
    covered: active.filter((account) => visited.has(account.id)).length,
    active: active.length,
  };
}

/** A span's coverage figure from its counts: covered ÷ active, sample size = active accounts. */
export function coverageOfCount({ covered, active }: CoverageCount): CoverageFigure {
  return {
    value: active === 0 ? null : covered / active,
    numerator: covered,
    denominator: active,
    sampleSize: active,
  };
}

/** Quarterly coverage from the accounts visited during the span (see `quarterlyCoverage`). */
export function coverageOfVisited(
  accounts: readonly CoverageAccount[],
  visited: ReadonlySet<string>,
  span: Span,
): CoverageFigure {
  return coverageOfCount(coverageCountOf(accounts, visited, span));
}

/**
 * The spans a period's coverage is measured over (in the period's own time zone): a quarter, or
 * a month's quarter from its start to the month's end; a year's four quarters.
 */
export function coverageSpans(period: Period): Span[] {
  const quarters = quartersOf(period);
  if (period.kind === 'YEAR') return quarters;
  return [{ start: quarters[0]?.start ?? period.start, end: period.end }];
}

/**
 * Follow-up coverage of a period from the accounts visited in each of its `coverageSpans`: a
 * quarter's (or quarter-to-month) coverage; a year's is the mean of its quarters, leaving out
 * quarters without active accounts (no figure is not 0 %), null when none has any.
 */
export function coverageFromVisits(
  period: Period,
  accounts: readonly CoverageAccount[],
  visited: readonly ReadonlySet<string>[],
): CoverageFigure {
  const spans = coverageSpans(period);
  return coverageFromCounts(
    period,
    spans.map((span, i) => coverageCountOf(accounts, visited[i] ?? new Set(), span)),
  );
}

/**
 * Follow-up coverage of a period from the counts of each of its `coverageSpans`, in order (see
 * `coverageFromVisits`).
 */
export function coverageFromCounts(
  period: Period,
  counts: readonly CoverageCount[],
): CoverageFigure {
  // No counts (a branch without accounts): every span has none active.
  const figures = counts.map(coverageOfCount);
  if (period.kind !== 'YEAR') return figures[0] ?? coverageOfCount({ covered: 0, active: 0 });
  const values = figures.flatMap(({ value }) => (value === null ? [] : [value]));
  return { value: mean(values), numerator: null, denominator: null, sampleSize: values.length };
}

/** Follow-up coverage of a period (see `coverageFromVisits`) from its completed follow-ups. */
export function coverageForPeriod(
  period: Period,
  accounts: readonly CoverageAccount[],
  completedFollowUps: readonly CompletedFollowUp[],
): CoverageFigure {
  const visited = coverageSpans(period).map((span) => visitedDuring(completedFollowUps, span));
  return coverageFromVisits(period, accounts, visited);
}

/** A completed follow-up at or within 7 × 24 h after activation (both ends included). */
export function isPostActivationCompliant(
  activatedAt: Date,
  followUpCompletions: readonly Date[],
): boolean {
  return hasCompletionWithin(activatedAt, POST_ACTIVATION_WINDOW_DAYS, followUpCompletions);
}

/** A completed follow-up at or within 3 × 24 h after the ticket's closure (both ends included). */
export function isPostRepairCompliant(
  closedAt: Date,
  followUpCompletions: readonly Date[],
): boolean {
  return hasCompletionWithin(closedAt, POST_REPAIR_WINDOW_DAYS, followUpCompletions);
}

/** A follow-up still SCHEDULED after its due time (strictly after: due at `now` is not overdue). */
export function isFollowUpOverdue(followUp: { status: string; dueAt: Date; now: Date }): boolean {
  return followUp.status === 'SCHEDULED' && followUp.now.getTime() > followUp.dueAt.getTime();
}

function isWithin(instant: Date, span: Span): boolean {
  return instant.getTime() >= span.start.getTime() && instant.getTime() < span.end.getTime();
}

// Days are fixed 24-hour durations on the instant line, not calendar days, so a DST change in
// the branch's zone neither shortens nor lengthens the window.
function hasCompletionWithin(from: Date, days: number, completions: readonly Date[]): boolean {
  const start = from.getTime();
  const end = start + days * DAY_MS;
  return completions.some((c) => c.getTime() >= start && c.getTime() <= end);
}
