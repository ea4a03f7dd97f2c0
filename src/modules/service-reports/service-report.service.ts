import { DEFAULT_TIME_ZONE, type Period } from '../../shared/period';
import { actorScope } from '../access/scope';
import type { KeyAccountDoc } from '../accounts/account.model';
import { findKeyAccount } from '../accounts/account.service';
import type { ActivationOrderDoc } from '../activation/activation-order.model';
import { requireActor, type Actor } from '../auth/actor';
import { branchPeriod } from '../branches/branch-period';
import { findBranch } from '../branches/branch.service';
import { measuredComplaint } from '../complaints/complaint-lists.service';
import type { ComplaintDoc } from '../complaints/complaint.model';
import type { FaultTicketDoc } from '../faults/fault-ticket.model';
import { listPauses } from '../faults/fault-ticket.state';
import type { FollowUpRow } from '../follow-ups/follow-up.model';
import type { SurveyResponseRow } from '../surveys/survey-response.model';
import { serviceReportFigures, type ReportFigures } from './service-report-figures';
import { loadReportRows, type ReportRows } from './service-report.data';

/** An account's service report for a period (what `AccountServiceReport` resolves from). */
export type ServiceReport = {
  account: KeyAccountDoc;
  period: Period;
  generatedAt: Date;
  activated: ActivationOrderDoc[];
  openOrders: ActivationOrderDoc[];
  restored: FaultTicketDoc[];
  openTickets: FaultTicketDoc[];
  followUps: FollowUpRow[];
  responses: SurveyResponseRow[];
  complaints: ComplaintDoc[];
  figures: ReportFigures;
};

const time = (date: Date | null | undefined) => date?.getTime() ?? 0;
const by =
  <T>(key: (row: T) => Date | null | undefined) =>
  (a: T, b: T) =>
    time(key(a)) - time(key(b));
const within = (at: Date | null, period: Period) =>
  at !== null && at >= period.start && at < period.end;

/** The rows a report lists, each section in its reading order. */
function sections(rows: ReportRows, period: Period) {
  const activated = rows.orders
    .filter((order) => order.status === 'ACTIVATED')
    .sort(by((order) => order.activatedAt));
  const openOrders = rows.orders
    .filter((order) => order.status !== 'ACTIVATED' && order.status !== 'CANCELLED')
    .sort(by((order) => order.originalPromisedAt));
  const restored = rows.tickets
    .filter((ticket) => within(ticket.measuredAt, period))
    .sort(by((ticket) => ticket.finalRestoredAt));
  const openTickets = rows.tickets
    .filter((ticket) => ticket.finalRestoredAt === null)
    .sort(by((ticket) => ticket.reportedAt));
  const followUps = rows.followUps
    .filter((f) =>
      f.status === 'COMPLETED' ? within(f.completedAt, period) : within(f.dueAt, period),
    )
    .sort(by((f) => f.completedAt ?? f.dueAt));
  const responses = [...rows.responses].sort(by((response) => response.respondedAt));
  const complaints = [...rows.complaints].sort(by((complaint) => complaint.receivedAt));
  return { activated, openOrders, restored, openTickets, followUps, responses, complaints };
}

/**
 * `Query.accountServiceReport`: the account's records of the period and their figures. A bad
 * period label is refused before the account is looked up, so every id gets the same answer; an
 * account outside the caller's scope is null, like a missing one.
 */
export async function accountServiceReport(options: {
  actor: Actor | null;
  accountId: string;
  period: string;
}): Promise<ServiceReport | null> {
  const actor = requireActor(options.actor);
  branchPeriod({ timeZone: DEFAULT_TIME_ZONE }, options.period);
  const scope = actorScope(actor);
  const account = await findKeyAccount(scope, options.accountId);
  if (!account) return null;
  const branch = await findBranch(account.branchCode);
  const period = branchPeriod({ timeZone: branch?.timeZone ?? DEFAULT_TIME_ZONE }, options.period);
  const generatedAt = new Date();
  const rows = await loadReportRows(scope, account, period);
  const listed = sections(rows, period);
  const figures = serviceReportFigures(
    {
      account: {
        id: String(account._id),
        openedAt: account.openedAt,
        closedAt: account.closedAt ?? null,
      },
      activated: listed.activated,
      open: listed.openOrders,
      restored: listed.restored.map((ticket) => ({
        ...ticket,
        pauseCount: listPauses(ticket).length,
      })),
      closed: rows.tickets.filter(
        (ticket) => ticket.status === 'CLOSED' && within(ticket.closedAt, period),
      ) as { closedAt: Date }[],
      completions: rows.followUps.flatMap((f) =>
        f.status === 'COMPLETED' && f.completedAt ? [f.completedAt] : [],
      ),
      responses: listed.responses,
      complaints: listed.complaints.map(measuredComplaint),
    },
    period,
    generatedAt,
  );
  return { account, period, generatedAt, ...listed, figures };
}
