import type { Figure } from '../../shared/figure';
import { withPreviousLeads, type ReportedCompetitorLead } from '../surveys/satisfaction.service';
import type { ScorecardFigures, TierFigures } from './scorecard-figures';

/** Figures a target can be set for (top-level figures of the scorecard). */
export const TARGET_FIGURES = [
  'satisfactionIndex',
  'cs1',
  'cs2',
  'cs3',
  'topBoxShare',
  'top3BoxShare',
  'nps',
  'activationOnTimeRate',
  'activationLatenessMinutes',
  'faultWithinSlaRate',
  'acknowledgementMinutes',
  'followUpCoverage',
  'postActivationFollowUpRate',
  'postRepairFollowUpRate',
  'lead',
  'compositeScore',
  // After the composite, so the CSV's earlier columns keep their positions.
  'complaintFirstContactRate',
  'complaintResolutionRate',
  'complaintsPer100Accounts',
] as const;

const YEAR_MINUTES = 366 * 24 * 60;

/** The values a target may take, in the figure's unit: what the figure itself can be. */
export const TARGET_RANGES: Record<TargetFigure, readonly [number, number]> = {
  satisfactionIndex: [0, 100],
  cs1: [1, 10],
  cs2: [1, 10],
  cs3: [1, 10],
  topBoxShare: [0, 1],
  top3BoxShare: [0, 1],
  nps: [-100, 100],
  activationOnTimeRate: [0, 1],
  activationLatenessMinutes: [0, YEAR_MINUTES],
  faultWithinSlaRate: [0, 1],
  acknowledgementMinutes: [0, YEAR_MINUTES],
  followUpCoverage: [0, 1],
  postActivationFollowUpRate: [0, 1],
  postRepairFollowUpRate: [0, 1],
  lead: [-100, 100],
  compositeScore: [0, 100],
  complaintFirstContactRate: [0, 1],
  complaintResolutionRate: [0, 1],
  complaintsPer100Accounts: [0, 100_000],
};

/** A figure that can carry a target. */
export type TargetFigure = (typeof TARGET_FIGURES)[number];

/** A figure as shown: with the branch's target and the previous period's value. */
export type ShownFigure = Figure & { target: number | null; previous: number | null };

type ShownTier = Omit<
  TierFigures,
  'withinSlaRate' | 'mttrMinutes' | 'p90Minutes' | 'repeatRate'
> & {
  [K in 'withinSlaRate' | 'mttrMinutes' | 'p90Minutes' | 'repeatRate']: ShownFigure;
};

/** A branch's scorecard as the API shows it. */
export type BranchCard = Omit<ScorecardFigures, TargetFigure | 'tiers' | 'competitorLeads'> & {
  [K in TargetFigure]: ShownFigure;
} & {
  branchCode: string;
  period: string;
  tiers: ShownTier[];
  competitorLeads: ReportedCompetitorLead[];
  rank: number | null;
  insufficientSample: boolean;
  computedAt: Date;
};

const NO_LEADS = {
  lead: { value: null, sampleSize: 0, numerator: null, denominator: null, low: null, high: null },
  leadCompetitor: null,
  competitorLeads: [],
};

const show = (
  figure: Figure,
  previous: Figure | undefined,
  target: number | null = null,
): ShownFigure => ({
  ...figure,
  previous: previous?.value ?? null,
  target,
});

/** Adds targets and previous-period values to computed figures (pure). */
export function presentCard(options: {
  branchCode: string;
  period: string;
  figures: ScorecardFigures;
  previous: ScorecardFigures | null;
  targets: Partial<Record<TargetFigure, number>>;
  rank: number | null;
  insufficientSample: boolean;
  computedAt: Date;
}): BranchCard {
  const { figures, previous, targets } = options;
  const shown = Object.fromEntries(
    TARGET_FIGURES.map((key) => [key, show(figures[key], previous?.[key], targets[key] ?? null)]),
  ) as Record<TargetFigure, ShownFigure>;
  const tiers = figures.tiers.map((tier) => {
    const before = previous?.tiers.find((t) => t.severity === tier.severity);
    return {
      ...tier,
      withinSlaRate: show(tier.withinSlaRate, before?.withinSlaRate),
      mttrMinutes: show(tier.mttrMinutes, before?.mttrMinutes),
      p90Minutes: show(tier.p90Minutes, before?.p90Minutes),
      repeatRate: show(tier.repeatRate, before?.repeatRate),
    };
  });
  const { competitorLeads } = withPreviousLeads(figures, previous ?? NO_LEADS);
  return {
    ...figures,
    ...shown,
    competitorLeads,
    tiers,
    branchCode: options.branchCode,
    period: options.period,
    rank: options.rank,
    insufficientSample: options.insufficientSample,
    computedAt: options.computedAt,
  };
}
