import { exactSums } from '../../shared/exact-sums';
import { meanFigureOfSums, shareFigure, type Figure } from '../../shared/figure';
import { percentile, type ExactSums } from '../../shared/statistics';
import {
  complaintFigures,
  type ComplaintFigures,
  type MeasuredComplaint,
} from '../complaints/complaint-rules';
import type { CoverageFigure } from '../follow-ups/follow-up-rules';
import { competitorLeadFigures, type CompetitorLeadFigures } from '../surveys/competitor-lead';
import {
  importancePerformanceQuadrants,
  summariseScoreSums,
  type AttributeQuadrant,
} from '../surveys/satisfaction';
import type { ResponseInputs } from './response-tallies';
import {
  compositeInterval,
  compositeScore,
  DEFAULT_COMPOSITE_WEIGHTS,
  type CompositeWeights,
} from './scorecard-rules';
import { addToGroup } from '../../shared/groups';

/** Severity tiers, highest first. */
export const SEVERITIES = ['CRITICAL', 'MAJOR', 'MINOR'] as const;

/** One fault ticket as the scorecard sees it (restored in the period). */
export type MeasuredTicket = {
  severity: (typeof SEVERITIES)[number];
  repairDurationMinutes: number;
  withinSla: boolean;
  isRepeat: boolean;
  acknowledgementMinutes: number | null;
};

/**
 * A tier's repair durations as its figures need them, whatever the number of tickets: exact sums
 * in milliseconds (MTTR and its interval) and the p90 (nearest rank), in minutes.
 */
export type RepairTally = ExactSums & { p90: number | null };

/** One severity tier's tickets as counts: what its figures need, whatever the number of tickets. */
export type TierTally = {
  tickets: number;
  withinSla: number;
  repeats: number;
  repair: RepairTally;
};

/** Milliseconds in a minute: repair durations are whole milliseconds (from instants). */
export const MS_PER_MINUTE = 60_000;

/** A repair duration in whole milliseconds (its minutes are a count of milliseconds ÷ 60 000). */
export const repairMs = (minutes: number) => Math.round(minutes * MS_PER_MINUTE);

/**
 * A ticket's repair minutes as its tier's figures count them: a number ≥ 0 whose milliseconds
 * are a safe integer (below about 285 000 years), else not counted.
 */
export const repairMinutesOf = (value: unknown): number | null =>
  typeof value === 'number' && value >= 0 && repairMs(value) <= Number.MAX_SAFE_INTEGER
    ? value
    : null;

/**
 * Activations' lateness as its figures need it, whatever the number of activations: exact sums
 * of whole milliseconds (mean lateness and its interval) and how many were on time (lateness 0).
 */
export type LatenessSums = ExactSums & { onTime: number };

/**
 * An activation's lateness in whole milliseconds: its minutes as `repairMs` rounds them, 0 (on
 * time) when they are not a number ≥ 0 with safe milliseconds (the service stores max(0, …)).
 */
export const latenessMs = (minutes: unknown): number => {
  const counted = repairMinutesOf(minutes);
  return counted === null ? 0 : repairMs(counted);
};

/** The lateness sums of activations' lateness minutes. */
export function latenessSums(minutes: readonly unknown[]): LatenessSums {
  const ms = minutes.map(latenessMs);
  return { ...exactSums(ms), onTime: ms.filter((value) => value === 0).length };
}

/** The repair tally of a tier's durations (minutes). */
export function repairTally(minutes: readonly number[]): RepairTally {
  return { ...exactSums(minutes.map(repairMs)), p90: percentile(minutes, 90) };
}

/**
 * The measured tickets of a period as tallies: per severity code, and the acknowledgement times
 * as exact sums of whole milliseconds (mean and interval), whatever the number of tickets.
 */
export type TicketTallies = { tiers: Record<string, TierTally>; acknowledgements: ExactSums };

/**
 * A ticket's acknowledgement time in whole milliseconds (it is a count of milliseconds ÷ 60 000),
 * or null when not counted: not acknowledged, or not a number ≥ 0 (the service never stores one).
 */
export const acknowledgementMs = (minutes: unknown): number | null => {
  const counted = repairMinutesOf(minutes);
  return counted === null ? null : repairMs(counted);
};

const NONE: RepairTally = { n: 0, sum: 0, squares: 0n, p90: null };

/** The tallies of a list of measured tickets. */
export function ticketTallies(tickets: readonly MeasuredTicket[]): TicketTallies {
  const tiers: Record<string, TierTally> = {};
  const minutes = new Map<string, number[]>();
  for (const t of tickets) {
    const tier = (tiers[t.severity] ??= { tickets: 0, withinSla: 0, repeats: 0, repair: NONE });
    tier.tickets += 1;
    if (t.withinSla) tier.withinSla += 1;
    if (t.isRepeat) tier.repeats += 1;
    const repair = repairMinutesOf(t.repairDurationMinutes);
    if (repair !== null) addToGroup(minutes, t.severity, repair);
  }
  for (const [severity, values] of minutes) tiers[severity]!.repair = repairTally(values);
  const acknowledgements = exactSums(
    tickets.flatMap((t) => acknowledgementMs(t.acknowledgementMinutes) ?? []),
  );
  return { tiers, acknowledgements };
}

/** Everything a branch's scorecard for one period is computed from. */
export type ScorecardInputs = {
  /** The period's survey responses (see `responseInputsOf`). */
  responses: ResponseInputs;
  /** Lateness of the activations in the period (0 when on time), as exact sums. */
  activationLateness: LatenessSums;
  overdueActivations: number;
  tickets: TicketTallies;
  followUpCoverage: CoverageFigure;
  postActivation: { compliant: number; total: number };
  postRepair: { compliant: number; total: number };
  /**
   * Complaints received and finally resolved in the period, the accounts active at its end and
   * the instant pending first contacts are judged at; absent = none.
   */
  complaints?: ComplaintInputs;
};

/** What the complaint figures of a period are computed from. */
export type ComplaintInputs = {
  received: MeasuredComplaint[];
  resolved: MeasuredComplaint[];
  activeAccounts: number;
  asOf: Date;
};

const NO_COMPLAINTS: ComplaintInputs = {
  received: [],
  resolved: [],
  activeAccounts: 0,
  asOf: new Date(0),
};

/** Whether anything was measured: a period without any data is not worth a snapshot. */
export function hasMeasurements(inputs: ScorecardInputs): boolean {
  return (
    inputs.responses.scores.n +
      inputs.activationLateness.n +
      inputs.overdueActivations +
      ticketCount(inputs.tickets) +
      inputs.followUpCoverage.sampleSize +
      inputs.postActivation.total +
      inputs.postRepair.total +
      (inputs.complaints?.received.length ?? 0) +
      (inputs.complaints?.resolved.length ?? 0) >
    0
  );
}

/** Figures of one severity tier. */
export type TierFigures = {
  severity: MeasuredTicket['severity'];
  tickets: number;
  withinSlaRate: Figure;
  mttrMinutes: Figure;
  p90Minutes: Figure;
  repeatRate: Figure;
};

/** A branch's computed scorecard for one period (before targets, previous values and rank). */
export type ScorecardFigures = ComplaintFigures & {
  responses: number;
  satisfactionIndex: Figure;
  cs1: Figure;
  cs2: Figure;
  cs3: Figure;
  topBoxShare: Figure;
  top3BoxShare: Figure;
  nps: Figure;
  activationOnTimeRate: Figure;
  activationLatenessMinutes: Figure;
  overdueActivations: number;
  faultWithinSlaRate: Figure;
  tiers: TierFigures[];
  acknowledgementMinutes: Figure;
  followUpCoverage: Figure;
  postActivationFollowUpRate: Figure;
  postRepairFollowUpRate: Figure;
  quadrants: AttributeQuadrant[];
  lead: Figure;
  leadCompetitor: string | null;
  competitorLeads: CompetitorLeadFigures[];
  compositeScore: Figure;
};

const MINUTES: { min: number; max: number } = { min: 0, max: Infinity };

const ticketCount = (tallies: TicketTallies) =>
  Object.values(tallies.tiers).reduce((total, tier) => total + tier.tickets, 0);

// p90 is a single order statistic: no interval is given for it.
function p90Figure(repair: RepairTally): Figure {
  return {
    value: repair.p90,
    sampleSize: repair.n,
    numerator: null,
    denominator: null,
    low: null,
    high: null,
  };
}

const NO_TICKETS: TierTally = { tickets: 0, withinSla: 0, repeats: 0, repair: NONE };

function tierFigures(severity: TierFigures['severity'], tallies: TicketTallies): TierFigures {
  const tier = tallies.tiers[severity] ?? NO_TICKETS;
  return {
    severity,
    tickets: tier.tickets,
    withinSlaRate: shareFigure(tier.withinSla, tier.tickets),
    mttrMinutes: meanFigureOfSums(tier.repair, MS_PER_MINUTE, MINUTES),
    p90Minutes: p90Figure(tier.repair),
    repeatRate: shareFigure(tier.repeats, tier.tickets),
  };
}

function coverageFigure(coverage: CoverageFigure): Figure {
  const ratio = coverage.numerator !== null && coverage.denominator !== null;
  const asShare = ratio ? shareFigure(coverage.numerator!, coverage.denominator!) : null;
  return {
    value: coverage.value,
    sampleSize: coverage.sampleSize,
    numerator: coverage.numerator,
    denominator: coverage.denominator,
    low: asShare?.low ?? null,
    high: asShare?.high ?? null,
  };
}

/**
 * A branch's figures for a period, per measurement rules "Branch scorecard": satisfaction from the
 * responses, activation and repair from the measured records, follow-up compliance, and the
 * composite of the components that have data (weights rescaled over those).
 */
export function scorecardFigures(
  inputs: ScorecardInputs,
  weights: CompositeWeights = DEFAULT_COMPOSITE_WEIGHTS,
): ScorecardFigures {
  const satisfaction = summariseScoreSums(inputs.responses.scores, inputs.responses.nps);
  const { onTime, n: activations } = inputs.activationLateness;
  const activationOnTimeRate = shareFigure(onTime, activations);
  const faultWithinSlaRate = shareFigure(
    Object.values(inputs.tickets.tiers).reduce((total, tier) => total + tier.withinSla, 0),
    ticketCount(inputs.tickets),
  );
  const followUpCoverage = coverageFigure(inputs.followUpCoverage);
  const parts = {
    satisfactionIndex: satisfaction.satisfactionIndex,
    activationOnTimeRate,
    faultWithinSlaRate,
    followUpCoverage,
  };
  const values = mapParts(parts, (figure) => figure.value);
  const composite = compositeScore(values, weights);
  const interval = compositeInterval(
    values,
    mapParts(parts, ({ low, high }) => (low === null || high === null ? null : { low, high })),
    weights,
  );
  const components = Object.values(parts);
  return {
    responses: inputs.responses.scores.n,
    ...satisfaction,
    activationOnTimeRate,
    activationLatenessMinutes: meanFigureOfSums(inputs.activationLateness, MS_PER_MINUTE, MINUTES),
    overdueActivations: inputs.overdueActivations,
    faultWithinSlaRate,
    tiers: SEVERITIES.map((severity) => tierFigures(severity, inputs.tickets)),
    acknowledgementMinutes: meanFigureOfSums(
      inputs.tickets.acknowledgements,
      MS_PER_MINUTE,
      MINUTES,
    ),
    followUpCoverage,
    postActivationFollowUpRate: shareFigure(
      inputs.postActivation.compliant,
      inputs.postActivation.total,
    ),
    postRepairFollowUpRate: shareFigure(inputs.postRepair.compliant, inputs.postRepair.total),
    quadrants: importancePerformanceQuadrants(inputs.responses.attributeScores),
    ...competitorLeadFigures(inputs.responses.competitorPairs),
    // Complaints are their own figures: not in the composite (measurement rules).
    ...complaintFigures(inputs.complaints ?? NO_COMPLAINTS),
    compositeScore: {
      value: composite.value,
      // The number of components that had data (of four).
      sampleSize: components.filter((c) => c.value !== null).length,
      numerator: null,
      denominator: null,
      low: interval?.low ?? null,
      high: interval?.high ?? null,
    },
  };
}

function mapParts<T>(
  parts: Record<keyof CompositeWeights, Figure>,
  pick: (figure: Figure) => T,
): Record<keyof CompositeWeights, T> {
  return {
    satisfactionIndex: pick(parts.satisfactionIndex),
    activationOnTimeRate: pick(parts.activationOnTimeRate),
    faultWithinSlaRate: pick(parts.faultWithinSlaRate),
    followUpCoverage: pick(parts.followUpCoverage),
  };
}
