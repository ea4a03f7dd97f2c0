import type { Types } from 'mongoose';
import { DEFAULT_TIME_ZONE, previousPeriod, type Period } from '../../shared/period';
import { actorScope, type Scope } from '../access/scope';
import type { Actor } from '../auth/actor';
import { branchPeriod, resolveBranchPeriod } from '../branches/branch-period';
import { listBranches } from '../branches/branch.service';
import { competitorLeadFigures, type CompetitorLeadFigures } from './competitor-lead';
import {
  importancePerformanceQuadrants,
  summariseResponses,
  type AttributeQuadrant,
  type Figure,
} from './satisfaction';
import { SurveyResponseModel, type SurveyResponseRow } from './survey-response.model';

/** A figure as reported: the pure figure plus its value in the previous period of the same length. */
export type ReportedFigure = Figure & { previous: number | null };

/** Satisfaction figures of a branch or one account in a period. */
export type SatisfactionReport = {
  branchCode: string;
  /** Set when the report is of one account. */
  accountId: Types.ObjectId | null;
  period: Period;
  responses: number;
  satisfactionIndex: ReportedFigure;
  cs1: ReportedFigure;
  cs2: ReportedFigure;
  cs3: ReportedFigure;
  topBoxShare: ReportedFigure;
  top3BoxShare: ReportedFigure;
  nps: ReportedFigure;
  quadrants: AttributeQuadrant[];
  lead: ReportedFigure;
  leadCompetitor: string | null;
  competitorLeads: ReportedCompetitorLead[];
};

/** A competitor's figures with their previous-period values. */
export type ReportedCompetitorLead = {
  competitor: string;
  competitorIndex: ReportedFigure;
  lead: ReportedFigure;
};

type ScoreRow = Pick<
  SurveyResponseRow,
  'accountId' | 'respondedAt' | 'cs1' | 'cs2' | 'cs3' | 'nps' | 'attributes' | 'competitors'
>;

const SCORE_FIELDS = {
  accountId: 1,
  respondedAt: 1,
  cs1: 1,
  cs2: 1,
  cs3: 1,
  nps: 1,
  attributes: 1,
  competitors: 1,
} as const;

// A response belongs to the period of its response time (measurement rules "Time and periods").
const within = (rows: readonly ScoreRow[], period: Period) =>
  rows.filter((row) => row.respondedAt >= period.start && row.respondedAt < period.end);

/** The report of the rows that fall in `period`, with the previous period's values beside. */
function reportOf(
  subject: { branchCode: string; accountId: Types.ObjectId | null },
  period: Period,
  rows: readonly ScoreRow[],
): SatisfactionReport {
  const current = within(rows, period);
  const now = summariseResponses(current);
  const before = summariseResponses(within(rows, previousPeriod(period)));
  const withPrevious = (key: keyof typeof now): ReportedFigure => ({
    ...now[key],
    previous: before[key].value,
  });
  return {
    ...subject,
    period,
    responses: current.length,
    satisfactionIndex: withPrevious('satisfactionIndex'),
    cs1: withPrevious('cs1'),
    cs2: withPrevious('cs2'),
    cs3: withPrevious('cs3'),
    topBoxShare: withPrevious('topBoxShare'),
    top3BoxShare: withPrevious('top3BoxShare'),
    nps: withPrevious('nps'),
    quadrants: importancePerformanceQuadrants(current.flatMap((row) => row.attributes)),
    ...reportedLeads(current, within(rows, previousPeriod(period))),
  };
}

/** Lead figures of the period with each one's value in the previous period beside it. */
export function withPreviousLeads(
  now: ReturnType<typeof competitorLeadFigures>,
  before: ReturnType<typeof competitorLeadFigures>,
) {
  const previousOf = (code: string): CompetitorLeadFigures | undefined =>
    before.competitorLeads.find((c) => c.competitor === code);
  return {
    lead: { ...now.lead, previous: before.lead.value },
    leadCompetitor: now.leadCompetitor,
    competitorLeads: now.competitorLeads.map((c) => ({
      competitor: c.competitor,
      competitorIndex: {
        ...c.competitorIndex,
        previous: previousOf(c.competitor)?.competitorIndex.value ?? null,
      },
      lead: { ...c.lead, previous: previousOf(c.competitor)?.lead.value ?? null },
    })),
  };
}

function reportedLeads(current: readonly ScoreRow[], before: readonly ScoreRow[]) {
  return withPreviousLeads(competitorLeadFigures(current), competitorLeadFigures(before));
}

/**
 * `Query.satisfaction`: the branch's responses of the period, cut in the branch's time zone
 * (one scoped query covering the previous period too).
 */
export async function branchSatisfaction(options: {
  actor: Actor | null;
  branchCode: string;
  period: string;
}): Promise<SatisfactionReport> {
  const { branch, period } = await resolveBranchPeriod(options);
  const rows = await SurveyResponseModel.find(
    {
      branchCode: branch.code,
      respondedAt: { $gte: previousPeriod(period).start, $lt: period.end },
    },
    SCORE_FIELDS,
    { scope: actorScope(options.actor!) },
  ).lean<ScoreRow[]>();
  return reportOf({ branchCode: branch.code, accountId: null }, period, rows);
}

/**
 * `KeyAccount.satisfaction` for many accounts at once: each account's period is cut in its
 * branch's time zone; one query for all of them.
 */
export async function accountSatisfactions(
  scope: Scope,
  accounts: readonly { _id: Types.ObjectId; branchCode: string }[],
  label: string,
): Promise<SatisfactionReport[]> {
  branchPeriod({ timeZone: DEFAULT_TIME_ZONE }, label); // a bad label fails before any query
  const zones = new Map((await listBranches()).map((b) => [b.code, b.timeZone]));
  const periods = accounts.map((account) =>
    branchPeriod({ timeZone: zones.get(account.branchCode) ?? DEFAULT_TIME_ZONE }, label),
  );
  const from = Math.min(...periods.map((p) => previousPeriod(p).start.getTime()));
  const to = Math.max(...periods.map((p) => p.end.getTime()));
  const rows = await SurveyResponseModel.find(
    {
      accountId: { $in: accounts.map((a) => a._id) },
      respondedAt: { $gte: new Date(from), $lt: new Date(to) },
    },
    SCORE_FIELDS,
    { scope },
  ).lean<ScoreRow[]>();
  return accounts.map((account, i) =>
    reportOf(
      { branchCode: account.branchCode, accountId: account._id },
      periods[i]!,
      rows.filter((row) => row.accountId.equals(account._id)),
    ),
  );
}
