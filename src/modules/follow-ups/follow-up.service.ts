import { refreshRollups } from '../rollups/rollup.service';
import { Types } from 'mongoose';
import { findConnection, findConnectionsByKey, type PageArgs } from '../../db/keyset-pagination';
import { AppError, badInput, fromDuplicateKey, notFound } from '../../shared/errors';
import { ActivationOrderModel } from '../activation/activation-order.model';
import { FaultTicketModel } from '../faults/fault-ticket.model';
import { followedRecordViolation, lateVisitViolation } from './follow-up-import-rules';
import { validate } from '../../shared/validate';
import { actorScope, type Scope } from '../access/scope';
import { requireWritableAccount } from '../accounts/account.service';
import { KeyAccountModel } from '../accounts/account.model';
import { requireActor, type Actor } from '../auth/actor';
import { findUserByLogin } from '../auth/auth.service';
import { recordAudit } from '../audit/audit.service';
import { requireReadableBranch } from '../branches/branch-period';
import { createJourneyRecord } from '../journey-records/journey-record.service';
import { emitLifecycle } from '../journey/lifecycle-hooks';
import { completeFollowUpArgs, scheduleFollowUpInput, transitionArgs } from './follow-up.inputs';
import {
  ACTION_TIME_FIELD,
  planTransition,
  type FollowUpAction,
  type FollowUpStatus,
} from './follow-up-lifecycle';
import { FollowUpModel, type FollowUpRow } from './follow-up.model';

/** Source system of follow-ups recorded through the API without one. */
export const JOURNEY_SOURCE = 'JOURNEY';

async function auditFollowUp(
  actor: Actor,
  action: string,
  before: FollowUpRow | null,
  after: FollowUpRow,
): Promise<void> {
  await recordAudit({
    actor,
    action,
    entityType: 'FollowUp',
    entityId: String(after._id),
    branchCode: after.branchCode,
    before,
    after,
  });
}

/** One follow-up within the scope, or null (unknown and out-of-scope ids look the same). */
export async function findFollowUp(scope: Scope, id: string): Promise<FollowUpRow | null> {
  if (!Types.ObjectId.isValid(id)) return null;
  return FollowUpModel.findOne({ _id: id }, null, { scope }).lean<FollowUpRow>();
}

/** Follow-ups by id within the scope, for DataLoader batching. */
export function findFollowUpsByIds(scope: Scope, ids: readonly string[]): Promise<FollowUpRow[]> {
  const valid = ids.filter((id) => Types.ObjectId.isValid(id));
  return FollowUpModel.find({ _id: { $in: valid } }, null, { scope }).lean<FollowUpRow[]>();
}

// The order and ticket a follow-up follows: the same rule as the import's, looked up by id within
// the caller's scope (another branch's record is answered like a missing one).
async function requireFollowable(
  actor: Actor,
  accountId: Types.ObjectId,
  input: { followsOrderId?: string | null; followsTicketId?: string | null },
): Promise<void> {
  const scope = actorScope(actor);
  const checks = [
    ['followsOrderId', 'activation order', ActivationOrderModel, input.followsOrderId],
    ['followsTicketId', 'fault ticket', FaultTicketModel, input.followsTicketId],
  ] as const;
  for (const [field, what, model, id] of checks) {
    if (!id) continue;
    const linked = await (model as typeof ActivationOrderModel)
      .findOne({ _id: id }, { accountId: 1 }, { scope })
      .lean<{ accountId: Types.ObjectId }>();
    const violation = followedRecordViolation(what, id, linked, accountId);
    if (violation) throw badInput(`input.${field}`, violation);
  }
}

/** Schedules a follow-up visit on an account the actor may write. */
export async function scheduleFollowUp(options: {
  actor: Actor | null;
  input: unknown;
}): Promise<FollowUpRow> {
  const actor = requireActor(options.actor);
  const input = validate(scheduleFollowUpInput, options.input);
  const account = await requireWritableAccount(actor, input.accountId);
  await requireFollowable(actor, account._id, input);
  const _id = new Types.ObjectId();
  const created = await FollowUpModel.create({
    _id,
    sourceSystem: input.sourceSystem ?? JOURNEY_SOURCE,
    externalId: input.externalId ?? _id.toHexString(),
    accountId: account._id,
    branchCode: account.branchCode,
    stage: 'FOLLOW_UP',
    journeyAt: input.dueAt,
    recordedBy: actor.login,
    purpose: input.purpose,
    channel: input.channel,
    dueAt: input.dueAt,
    followsOrderId: input.followsOrderId ?? null,
    followsTicketId: input.followsTicketId ?? null,
  }).catch((error: unknown) => {
    throw fromDuplicateKey(
      error,
      'input.externalId',
      'a follow-up with this externalId and sourceSystem exists',
    );
  });
  const followUp = created.toObject<FollowUpRow>();
  await auditFollowUp(actor, 'scheduleFollowUp', null, followUp);
  return followUp;
}

// The follow-up the actor is about to change: NOT_FOUND when invisible, FORBIDDEN when read-only.
async function requireWritableFollowUp(actor: Actor, id: string): Promise<FollowUpRow> {
  const followUp = await findFollowUp(actorScope(actor), id);
  if (!followUp) throw notFound('follow-up');
  await requireWritableAccount(actor, String(followUp.accountId));
  return followUp;
}

type Transition = { before: FollowUpRow; after: FollowUpRow; changed: boolean };

/**
 * Applies an action as a compare-and-set on the status read, so that two concurrent actions
 * cannot both apply (no transactions); the loser re-reads once and replays or is refused.
 */
async function transition(
  actor: Actor,
  id: string,
  action: FollowUpAction,
  at: Date,
  fields: Record<string, unknown> = {},
  retried = false,
): Promise<Transition> {
  const before = await requireWritableFollowUp(actor, id);
  const plan = planTransition(before, action, at);
  if (plan.kind === 'illegal') throw new AppError('ILLEGAL_TRANSITION', `Follow-up ${plan.reason}`);
  if (plan.kind === 'replay') return { before, after: before, changed: false };
  const late =
    action === 'COMPLETE' && lateVisitViolation({ missedAt: before.missedAt, completedAt: at });
  if (late) throw badInput('at', late);
  // A completed visit sits on the timeline at its completion; otherwise at its due time.
  const journeyAt = action === 'COMPLETE' ? at : before.dueAt;
  const after = await FollowUpModel.findOneAndUpdate(
    { _id: before._id, status: before.status as FollowUpStatus },
    { $set: { ...fields, status: plan.status, [ACTION_TIME_FIELD[action]]: at, journeyAt } },
    { returnDocument: 'after', scope: actorScope(actor) },
  ).lean<FollowUpRow>();
  if (!after) {
    if (retried) throw new AppError('CONFLICT', 'The follow-up changed meanwhile; try again');
    return transition(actor, id, action, at, fields, true);
  }
  const name = { COMPLETE: 'completeFollowUp', MISS: 'missFollowUp', CANCEL: 'cancelFollowUp' };
  await auditFollowUp(actor, name[action], before, after);
  return { before, after, changed: true };
}

/**
 * Records that a follow-up was made: SCHEDULED or MISSED → COMPLETED; the same completion
 * replayed (same `at`) changes nothing. Steps: access, transition, consultation raised (also on
 * a replay, so a consequence lost to a crash is re-derived), measured-record event.
 */
export async function completeFollowUp(options: {
  actor: Actor | null;
  id: string;
  args: unknown;
}): Promise<FollowUpRow> {
  const actor = requireActor(options.actor);
  const args = validate(completeFollowUpArgs, options.args, '');
  const { after, changed } = await transition(actor, options.id, 'COMPLETE', args.at, {
    outcome: args.outcome ?? null,
    performedBy: args.performedBy ?? actor.login,
    completedBy: actor.login,
    issuesRaised: args.issuesRaised ?? [],
  });
  const followUp = args.raiseConsultation
    ? await raiseConsultation(actor, after, args.raiseConsultation.topic)
    : after;
  if (changed) {
    // Applied right after the write, like this mutation's other consequences (not yet stored
    // with the write); a lost refresh is found by `npm run rollups:check`.
    await refreshRollups('FollowUp', [after._id]);
    await emitLifecycle('measuredRecordWritten', {
      branchCode: after.branchCode,
      eventTimes: [args.at],
    });
  }
  return followUp;
}

// An issue raised during the visit becomes a consultation asked through the account manager at
// the completion time; linked once, so a replay does not open a second one.
async function raiseConsultation(
  actor: Actor,
  followUp: FollowUpRow,
  topic: string,
): Promise<FollowUpRow> {
  if (followUp.raisedConsultationId) return followUp;
  const consultation = await createJourneyRecord('Consultation', {
    actor,
    input: {
      accountId: String(followUp.accountId),
      channel: 'ACCOUNT_MANAGER',
      askedAt: followUp.completedAt,
      topic,
    },
  });
  const linked = await FollowUpModel.findOneAndUpdate(
    { _id: followUp._id, raisedConsultationId: null },
    { $set: { raisedConsultationId: consultation._id } },
    { returnDocument: 'after', scope: actorScope(actor) },
  ).lean<FollowUpRow>();
  return linked ?? followUp;
}

/** Marks a scheduled follow-up as missed (it may still be completed late). */
export async function missFollowUp(options: {
  actor: Actor | null;
  id: string;
  at: Date;
}): Promise<FollowUpRow> {
  const actor = requireActor(options.actor);
  const { at } = validate(transitionArgs, { at: options.at }, '');
  return (await transition(actor, options.id, 'MISS', at)).after;
}

/** Cancels a scheduled follow-up. */
export async function cancelFollowUp(options: {
  actor: Actor | null;
  id: string;
  at: Date;
}): Promise<FollowUpRow> {
  const actor = requireActor(options.actor);
  const { at } = validate(transitionArgs, { at: options.at }, '');
  return (await transition(actor, options.id, 'CANCEL', at)).after;
}

// Accounts of the manager in the branch, or none for an unknown login.
async function accountIdsOfManager(scope: Scope, branchCode: string, login: string) {
  const manager = await findUserByLogin(login);
  if (!manager) return [];
  const accounts = await KeyAccountModel.find(
    { branchCode, accountManagerId: manager._id },
    { _id: 1 },
    { scope },
  ).lean();
  return accounts.map((account) => account._id);
}

/**
 * A branch's (or one manager's) work list: SCHEDULED follow-ups due strictly before `before`,
 * oldest due first. Another branch than a branch role's own is FORBIDDEN.
 */
export async function listFollowUpsDue(options: {
  actor: Actor | null;
  branchCode: string;
  before: Date;
  accountManagerLogin?: string | null;
  args: Pick<PageArgs, 'first' | 'after'>;
}) {
  const actor = requireActor(options.actor);
  await requireReadableBranch(actor, options.branchCode);
  const scope = actorScope(actor);
  const filter: Record<string, unknown> = {
    branchCode: options.branchCode,
    status: 'SCHEDULED',
    dueAt: { $lt: options.before },
  };
  if (options.accountManagerLogin) {
    filter.accountId = {
      $in: await accountIdsOfManager(scope, options.branchCode, options.accountManagerLogin),
    };
  }
  return findConnection<FollowUpRow>(FollowUpModel, {
    scope,
    filter,
    sort: [{ field: 'dueAt', direction: 1 }],
    args: { first: options.args.first, after: options.args.after },
  });
}

/** Arguments of `KeyAccount.followUps`. */
export type AccountFollowUpArgs = {
  first?: number | null;
  after?: string | null;
  status?: FollowUpStatus | null;
};

/** Follow-ups of many accounts at once, latest due first, one page per account. */
export function loadAccountFollowUps(
  scope: Scope,
  accountIds: readonly Types.ObjectId[],
  args: AccountFollowUpArgs,
) {
  return findConnectionsByKey<FollowUpRow>(FollowUpModel, {
    scope,
    keyField: 'accountId',
    keys: accountIds,
    filter: args.status ? { status: args.status } : {},
    sort: [{ field: 'dueAt', direction: -1 }],
    args: { first: args.first, after: args.after },
  });
}
