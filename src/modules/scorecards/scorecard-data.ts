import type { Types } from 'mongoose';
import { quartersOf, type Period } from '../../shared/period';
import { systemScope } from '../access/scope';
import { measuredComplaint } from '../complaints/complaint-lists.service';
import { ComplaintModel, type ComplaintDoc } from '../complaints/complaint.model';
import { KeyAccountModel } from '../accounts/account.model';
import { ActivationOrderModel } from '../activation/activation-order.model';
import { FaultTicketModel } from '../faults/fault-ticket.model';
import {
  coverageCountOf,
  coverageFromCounts,
  coverageSpans,
  isActiveDuring,
  isPostActivationCompliant,
  isPostRepairCompliant,
  POST_ACTIVATION_WINDOW_DAYS,
  visitedDuring,
  type CoverageAccount,
  type CoverageCount,
  type Span,
} from '../follow-ups/follow-up-rules';
import type { Compliance } from './follow-up-rollups';
import { FollowUpModel } from '../follow-ups/follow-up.model';
import { SurveyResponseModel } from '../surveys/survey-response.model';
import { responseInputsOf, type ResponseInputs, type ScoredResponse } from './response-tallies';
import {
  latenessSums,
  ticketTallies,
  type LatenessSums,
  type MeasuredTicket,
  type ScorecardInputs,
  type TicketTallies,
} from './scorecard-figures';
import { addToGroup } from '../../shared/groups';

// Scorecards are the service's own computation over whole branches; access is checked by the
// caller (a branch head reads only their branch's card), so the data is read in system scope.
const scope = systemScope('scorecards');
const DAY_MS = 86_400_000;

type ByBranch<T> = Map<string, T[]>;

function groupBy<T extends { branchCode: string }>(rows: T[]): ByBranch<T> {
  const groups: ByBranch<T> = new Map();
  for (const row of rows) {
    const list = groups.get(row.branchCode) ?? [];
    list.push(row);
    groups.set(row.branchCode, list);
  }
  return groups;
}

type Activation = {
  branchCode: string;
  accountId: Types.ObjectId;
  activatedAt: Date;
  latenessMinutes: number;
};
type Ticket = MeasuredTicket & { branchCode: string; repeatOfTicketId: unknown };

/** Activations of the period: grouped in MongoDB, one row per activated order. */
function activationsOf(branchCodes: string[], period: Period) {
  return ActivationOrderModel.aggregate<{ _id: string; rows: Omit<Activation, 'branchCode'>[] }>([
    {
      $match: {
        branchCode: { $in: branchCodes },
        status: 'ACTIVATED',
        measuredAt: { $gte: period.start, $lt: period.end },
      },
    },
    {
      $group: {
        _id: '$branchCode',
        rows: {
          $push: {
            accountId: '$accountId',
            activatedAt: '$activatedAt',
            latenessMinutes: '$latenessMinutes',
          },
        },
      },
    },
  ]).option({ scope });
}

/** Orders open at `asOf` (period end, or now for the open period) and already past their promise. */
function overdueCounts(branchCodes: string[], asOf: Date) {
  return ActivationOrderModel.aggregate<{ _id: string; count: number }>([
    {
      $match: {
        branchCode: { $in: branchCodes },
        orderedAt: { $lt: asOf },
        originalPromisedAt: { $lt: asOf },
        $and: [
          { $or: [{ activatedAt: null }, { activatedAt: { $gte: asOf } }] },
          { $or: [{ cancelledAt: null }, { cancelledAt: { $gte: asOf } }] },
        ],
      },
    },
    { $group: { _id: '$branchCode', count: { $sum: 1 } } },
  ]).option({ scope });
}

/** Tickets finally restored in the period (their measured event, see "Time and periods"). */
function ticketsOf(branchCodes: string[], period: Period) {
  return FaultTicketModel.find(
    { branchCode: { $in: branchCodes }, measuredAt: { $gte: period.start, $lt: period.end } },
    {
      branchCode: 1,
      severity: 1,
      repairDurationMinutes: 1,
      withinSla: 1,
      repeatOfTicketId: 1,
      acknowledgementMinutes: 1,
    },
    { scope },
  ).lean<Ticket[]>();
}

function closuresOf(branchCodes: string[], period: Period) {
  return FaultTicketModel.find(
    {
      branchCode: { $in: branchCodes },
      status: 'CLOSED',
      closedAt: { $gte: period.start, $lt: period.end },
    },
    { branchCode: 1, accountId: 1, closedAt: 1 },
    { scope },
  ).lean<{ branchCode: string; accountId: Types.ObjectId; closedAt: Date }[]>();
}

function accountsOf(branchCodes: string[], period: Period, from: Date) {
  return KeyAccountModel.find(
    {
      branchCode: { $in: branchCodes },
      openedAt: { $lt: period.end },
      $or: [{ closedAt: null }, { closedAt: { $gte: from } }],
    },
    { branchCode: 1, openedAt: 1, closedAt: 1 },
    { scope },
  ).lean<{ _id: Types.ObjectId; branchCode: string; openedAt: Date; closedAt: Date | null }[]>();
}

// Completions from the first quarter's start (coverage) to a week after the period (compliance
// windows of activations late in the period reach past its end).
function completionsOf(branchCodes: string[], period: Period, from: Date) {
  return FollowUpModel.find(
    {
      branchCode: { $in: branchCodes },
      status: 'COMPLETED',
      completedAt: {
        $gte: from,
        $lt: new Date(period.end.getTime() + POST_ACTIVATION_WINDOW_DAYS * DAY_MS),
      },
    },
    { branchCode: 1, accountId: 1, completedAt: 1 },
    { scope },
  ).lean<{ branchCode: string; accountId: Types.ObjectId; completedAt: Date }[]>();
}

function responsesOf(branchCodes: string[], period: Period) {
  return SurveyResponseModel.find(
    { branchCode: { $in: branchCodes }, respondedAt: { $gte: period.start, $lt: period.end } },
    { branchCode: 1, cs1: 1, cs2: 1, cs3: 1, nps: 1, attributes: 1, competitors: 1 },
    { scope },
  ).lean<(ScoredResponse & { branchCode: string })[]>();
}

/** Complaints received or finally resolved in the period (their two measured events). */
function complaintsOf(branchCodes: string[], period: Period) {
  const within = { $gte: period.start, $lt: period.end };
  return ComplaintModel.find(
    { branchCode: { $in: branchCodes }, $or: [{ receivedAt: within }, { measuredAt: within }] },
    {
      branchCode: 1,
      accountId: 1,
      category: 1,
      receivedAt: 1,
      firstContactedAt: 1,
      statusHistory: 1,
      sla: 1,
      measuredAt: 1,
    },
    { scope },
  ).lean<ComplaintDoc[]>();
}

/** The complaint inputs of a branch, with its accounts active at `asOf` (the period's end, or now). */
function complaintInputs(
  complaints: ComplaintDoc[],
  activeAccounts: number,
  period: Period,
  asOf: Date,
): ScorecardInputs['complaints'] {
  const inPeriod = (at: Date | null) => at !== null && at >= period.start && at < period.end;
  return {
    received: complaints.filter((c) => inPeriod(c.receivedAt)).map(measuredComplaint),
    resolved: complaints.filter((c) => inPeriod(c.measuredAt)).map(measuredComplaint),
    activeAccounts,
    asOf,
  };
}

function compliance<T>(
  events: T[],
  at: (event: T) => Date,
  account: (event: T) => string,
  completions: Map<string, Date[]>,
  rule: (at: Date, done: Date[]) => boolean,
): Compliance {
  const compliant = events.filter((event) =>
    rule(at(event), completions.get(account(event)) ?? []),
  ).length;
  return { compliant, total: events.length };
}

/** The rows every branch's scorecard of one period is computed from (records or rollups). */
export type ScorecardRows = {
  /** Per branch: lateness of the activations measured in the period. */
  lateness: Map<string, LatenessSums>;
  /** Per branch: activations of the period with a follow-up within 7 days. */
  postActivation: Map<string, Compliance>;
  overdue: Map<string, number>;
  /** Per branch: the tickets finally restored in the period. */
  tickets: Map<string, TicketTallies>;
  /** Per branch: tickets closed in the period with a follow-up within 3 days. */
  postRepair: Map<string, Compliance>;
  /** Per branch: covered and active accounts in each of the period's coverage spans. */
  coverage: Map<string, CoverageCount[]>;
  /** Per branch: accounts active at the period's as-of instant (complaints per 100 accounts). */
  activeAccounts: Map<string, number>;
  /** Per branch: the survey responses of the period. */
  responses: Map<string, ResponseInputs>;
  /** Complaints received or finally resolved in the period. */
  complaints: ComplaintDoc[];
};

/** Where a period's rows are read from; `from` is the start of the period's first quarter. */
export type RowWindow = {
  period: Period;
  from: Date;
  asOf: Date;
  completionsEnd: Date;
  now: Date;
};

/** The instants a period's rows are cut at: quarter start (coverage), as-of (overdue), compliance end. */
export function rowWindow(period: Period, now: Date): RowWindow {
  return {
    period,
    from: quartersOf(period)[0]!.start,
    asOf: period.end < now ? period.end : now,
    completionsEnd: new Date(period.end.getTime() + POST_ACTIVATION_WINDOW_DAYS * DAY_MS),
    now,
  };
}

/** The rows of a period read from the records themselves (the rollup check compares with this). */
export async function loadRowsFromRecords(
  branchCodes: string[],
  window: RowWindow,
): Promise<ScorecardRows> {
  const { period, from, asOf } = window;
  const spans = coverageSpans(period);
  const [activations, overdue, tickets, closures, accounts, completions, responses, complaints] =
    await Promise.all([
      activationsOf(branchCodes, period),
      overdueCounts(branchCodes, asOf),
      ticketsOf(branchCodes, period),
      closuresOf(branchCodes, period),
      accountsOf(branchCodes, period, from),
      completionsOf(branchCodes, period, from),
      responsesOf(branchCodes, period),
      complaintsOf(branchCodes, period),
    ]);
  const byAccount = new Map<string, Date[]>();
  for (const c of completions) {
    const key = String(c.accountId);
    addToGroup(byAccount, key, c.completedAt);
  }
  const completionsBy = groupBy(completions);
  const accountsBy = new Map(
    [...groupBy(accounts)].map(([code, rows]) => [
      code,
      rows.map((a): CoverageAccount => ({
        id: String(a._id),
        createdAt: a.openedAt,
        closedAt: a.closedAt,
      })),
    ]),
  );
  const visitedBy = (code: string, span: Span) =>
    visitedDuring(
      (completionsBy.get(code) ?? []).map((c) => ({
        accountId: String(c.accountId),
        completedAt: c.completedAt,
      })),
      span,
    );
  return {
    lateness: new Map(
      activations.map((group) => [
        group._id,
        latenessSums(group.rows.map((r) => r.latenessMinutes)),
      ]),
    ),
    postActivation: new Map(
      activations.map((group) => [
        group._id,
        compliance(
          group.rows,
          (a) => a.activatedAt,
          (a) => String(a.accountId),
          byAccount,
          isPostActivationCompliant,
        ),
      ]),
    ),
    overdue: new Map(overdue.map((row) => [row._id, row.count])),
    tickets: new Map(
      [...groupBy(tickets)].map(([code, rows]) => [
        code,
        ticketTallies(rows.map((t) => ({ ...t, isRepeat: t.repeatOfTicketId != null }))),
      ]),
    ),
    postRepair: new Map(
      [...groupBy(closures)].map(([code, rows]) => [
        code,
        compliance(
          rows,
          (c) => c.closedAt,
          (c) => String(c.accountId),
          byAccount,
          isPostRepairCompliant,
        ),
      ]),
    ),
    coverage: new Map(
      branchCodes.map((code) => [
        code,
        spans.map((span) =>
          coverageCountOf(accountsBy.get(code) ?? [], visitedBy(code, span), span),
        ),
      ]),
    ),
    activeAccounts: new Map(
      branchCodes.map((code) => [
        code,
        (accountsBy.get(code) ?? []).filter((a) => isActiveDuring(a, { start: asOf, end: asOf }))
          .length,
      ]),
    ),
    responses: new Map(
      [...groupBy(responses)].map(([code, rows]) => [code, responseInputsOf(rows)]),
    ),
    complaints,
  };
}

/** Every given branch's scorecard inputs from a period's rows (the same code for both sources). */
export function scorecardInputsFrom(
  branchCodes: string[],
  { period, asOf }: RowWindow,
  rows: ScorecardRows,
): Map<string, ScorecardInputs> {
  const complaintsBy = groupBy(rows.complaints);
  const none: Compliance = { compliant: 0, total: 0 };
  return new Map(
    branchCodes.map((code) => {
      const inputs: ScorecardInputs = {
        responses: rows.responses.get(code) ?? responseInputsOf([]),
        activationLateness: rows.lateness.get(code) ?? latenessSums([]),
        overdueActivations: rows.overdue.get(code) ?? 0,
        tickets: rows.tickets.get(code) ?? ticketTallies([]),
        followUpCoverage: coverageFromCounts(period, rows.coverage.get(code) ?? []),
        postActivation: rows.postActivation.get(code) ?? none,
        postRepair: rows.postRepair.get(code) ?? none,
        complaints: complaintInputs(
          complaintsBy.get(code) ?? [],
          rows.activeAccounts.get(code) ?? 0,
          period,
          asOf,
        ),
      };
      return [code, inputs];
    }),
  );
}

/**
 * The inputs of every given branch's scorecard for one period, read from the records. All
 * branches must share the time zone the period was cut in, so each collection is read once.
 */
export async function loadScorecardInputsFromRecords(
  branchCodes: string[],
  period: Period,
  now: Date,
): Promise<Map<string, ScorecardInputs>> {
  const window = rowWindow(period, now);
  return scorecardInputsFrom(branchCodes, window, await loadRowsFromRecords(branchCodes, window));
}
