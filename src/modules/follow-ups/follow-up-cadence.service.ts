import type { Types } from 'mongoose';
import { AppError, badInput } from '../../shared/errors';
import { parsePeriod, PeriodFormatError } from '../../shared/period';
import { actorScope, systemScope } from '../access/scope';
import { KeyAccountModel } from '../accounts/account.model';
import { requireRole, type Actor } from '../auth/actor';
import { recordAudit, type AuditActor } from '../audit/audit.service';
import { branchPeriod, requireReadableBranch } from '../branches/branch-period';
import { listBranches } from '../branches/branch.service';
import type { BranchDoc } from '../branches/branch.model';
import { onLifecycle } from '../journey/lifecycle-hooks';
import {
  CADENCE_SOURCE,
  periodicFollowUp,
  postActivationFollowUp,
  postRepairFollowUp,
  type CadenceFollowUp,
} from './follow-up-cadence';
import type { FollowUpChannel } from './follow-up-kinds';
import { isActiveDuring } from './follow-up-rules';
import { FollowUpModel } from './follow-up.model';

const cadenceScope = systemScope('follow-up-cadence');

/** Whether a cadence follow-up was inserted now or was there already. */
export type CadenceOutcome = 'scheduled' | 'alreadyScheduled';

/**
 * Schedules a cadence follow-up by its natural key with an upsert that only sets fields on
 * insert, so replayed events and re-runs never duplicate it (a concurrent twin losing the race on
 * the unique key counts as already scheduled). While it is still SCHEDULED, its due time follows
 * a corrected event time.
 */
export async function scheduleCadenceFollowUp(options: {
  auditActor: AuditActor;
  account: { _id: Types.ObjectId; branchCode: string };
  followUp: CadenceFollowUp;
  channel?: FollowUpChannel;
  links?: { followsOrderId?: Types.ObjectId; followsTicketId?: Types.ObjectId };
}): Promise<CadenceOutcome> {
  const { account, followUp } = options;
  const key = { sourceSystem: CADENCE_SOURCE, externalId: followUp.externalId };
  const fields = {
    accountId: account._id,
    branchCode: account.branchCode,
    stage: 'FOLLOW_UP',
    journeyAt: followUp.dueAt,
    recordedBy: 'system:follow-up-cadence',
    purpose: followUp.purpose,
    channel: options.channel ?? 'PHONE',
    dueAt: followUp.dueAt,
    followsOrderId: options.links?.followsOrderId ?? null,
    followsTicketId: options.links?.followsTicketId ?? null,
  };
  let upsertedId: unknown;
  try {
    const result = await FollowUpModel.updateOne(
      key,
      { $setOnInsert: fields },
      { upsert: true },
    ).setOptions({ scope: cadenceScope });
    upsertedId = result.upsertedCount > 0 ? result.upsertedId : null;
  } catch (error) {
    if ((error as { code?: unknown }).code !== 11000) throw error;
    upsertedId = null;
  }
  if (upsertedId) {
    await recordAudit({
      actor: options.auditActor,
      action: 'scheduleFollowUp',
      entityType: 'FollowUp',
      entityId: String(upsertedId),
      branchCode: account.branchCode,
      before: null,
      after: { ...key, ...fields, status: 'SCHEDULED' },
    });
    return 'scheduled';
  }
  await FollowUpModel.updateOne(
    { ...key, status: 'SCHEDULED', dueAt: { $ne: followUp.dueAt } },
    { $set: { dueAt: followUp.dueAt, journeyAt: followUp.dueAt } },
  ).setOptions({ scope: cadenceScope });
  return 'alreadyScheduled';
}

/** Counts of a periodic scheduling run. */
export type PeriodicScheduling = { quarter: string; scheduled: number; alreadyScheduled: number };

const BATCH = 25;

// A quarter label, checked before any branch is looked at so a typo fails even without branches.
function requireQuarterLabel(label: string): void {
  try {
    if (parsePeriod(label).kind === 'QUARTER') return;
  } catch (error) {
    if (!(error instanceof PeriodFormatError)) throw error;
  }
  throw badInput('quarter', 'expected a quarter YYYY-Qn (n = 1–4)');
}

async function branchesToSchedule(actor: Actor, branchCode: string | null | undefined) {
  if (actor.role === 'BRANCH_HEAD') {
    if (branchCode && branchCode !== actor.branchCode) {
      throw new AppError('FORBIDDEN', 'A branch head schedules for their own branch only');
    }
    return [await requireReadableBranch(actor, actor.branchCode ?? '')];
  }
  return branchCode ? [await requireReadableBranch(actor, branchCode)] : listBranches();
}

async function scheduleBranchQuarter(actor: Actor, branch: BranchDoc, label: string) {
  const quarter = branchPeriod(branch, label, 'quarter');
  const accounts = await KeyAccountModel.find(
    { branchCode: branch.code, openedAt: { $lt: quarter.end } },
    { _id: 1, branchCode: 1, openedAt: 1, closedAt: 1 },
    { scope: actorScope(actor) },
  ).lean();
  const active = accounts.filter((a) =>
    isActiveDuring({ createdAt: a.openedAt, closedAt: a.closedAt ?? null }, quarter),
  );
  const outcomes: CadenceOutcome[] = [];
  for (let i = 0; i < active.length; i += BATCH) {
    const batch = active.slice(i, i + BATCH).map((account) =>
      scheduleCadenceFollowUp({
        auditActor: actor,
        account,
        followUp: periodicFollowUp(String(account._id), quarter),
      }),
    );
    outcomes.push(...(await Promise.all(batch)));
  }
  return outcomes;
}

/**
 * Schedules one PERIODIC follow-up per account active during the quarter (in its branch's time
 * zone), for one branch or all; idempotent. ADMIN for any branch, BRANCH_HEAD for their own.
 */
export async function schedulePeriodicFollowUps(options: {
  actor: Actor | null;
  quarter: string;
  branchCode?: string | null;
}): Promise<PeriodicScheduling> {
  const actor = requireRole(options.actor, ['ADMIN', 'BRANCH_HEAD']);
  requireQuarterLabel(options.quarter);
  const branches = await branchesToSchedule(actor, options.branchCode);
  const outcomes: CadenceOutcome[] = [];
  for (const branch of branches) {
    outcomes.push(...(await scheduleBranchQuarter(actor, branch, options.quarter)));
  }
  const scheduled = outcomes.filter((o) => o === 'scheduled').length;
  return {
    quarter: options.quarter,
    scheduled,
    alreadyScheduled: outcomes.length - scheduled,
  };
}

// Cadence consequences of other modules' writes (RULES.md "Follow-up visits"): registered when
// this file loads, which the follow-up resolvers make happen at start.
onLifecycle('activationCompleted', async (event) => {
  await scheduleCadenceFollowUp({
    auditActor: { system: 'follow-up-cadence' },
    account: { _id: event.accountId, branchCode: event.branchCode },
    followUp: postActivationFollowUp({
      orderId: String(event.orderId),
      activatedAt: event.activatedAt,
    }),
    links: { followsOrderId: event.orderId },
  });
});

onLifecycle('faultTicketClosed', async (event) => {
  await scheduleCadenceFollowUp({
    auditActor: { system: 'follow-up-cadence' },
    account: { _id: event.accountId, branchCode: event.branchCode },
    followUp: postRepairFollowUp({ ticketId: String(event.ticketId), closedAt: event.closedAt }),
    links: { followsTicketId: event.ticketId },
  });
});
