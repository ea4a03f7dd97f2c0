import { rollupConsequences } from '../rollups/rollup.service';
import { Types } from 'mongoose';
import { pageInMemory, readMemoryCursor } from '../../db/in-memory-pagination';
import { findConnectionsByKey, type PageArgs } from '../../db/keyset-pagination';
import { AppError, badInput, fromDuplicateKey, notFound } from '../../shared/errors';
import { ActivationOrderModel } from '../activation/activation-order.model';
import { FaultTicketModel } from '../faults/fault-ticket.model';
import { followedRecordViolation, lateVisitViolation } from './follow-up-import-rules';
import { validate } from '../../shared/validate';
import { actorScope, type Scope } from '../access/scope';
import { requireWritableAccount } from '../accounts/account.service';
import { requireActor, type Actor } from '../auth/actor';
import { auditChange } from '../audit/audit.service';
import { requireReadableBranch } from '../branches/branch-period';
import type { PendingConsequence } from '../consequences/consequence-kinds';
import {
  applyPending,
  createWithConsequences,
  PENDING,
  updateWithConsequences,
  withoutPending,
  type RecordWithPending,
} from '../consequences/pending-consequences';
import { listedRecordConsequences } from '../journey/account-records';
import { createdRecordConsequences } from '../journey/revisioned-write';
import { openWorkList } from '../open-work/open-work-lists';
import { lifecycleConsequence } from '../journey/lifecycle-hooks';
import { RAISE_CONSULTATION, raiseConsultationConsequence } from './follow-up-consultation';
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

function auditFollowUp(
  actor: Actor,
  action: string,
  before: FollowUpRow | null,
  after: FollowUpRow,
): PendingConsequence {
  return auditChange({
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
  const fields = {
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
  };
  return createWithConsequences<FollowUpRow>(FollowUpModel, fields, (followUp) => [
    auditFollowUp(actor, 'scheduleFollowUp', null, followUp),
    ...createdRecordConsequences(FollowUpModel, followUp),
  ]).catch((error: unknown) => {
    throw fromDuplicateKey(
      error,
      'input.externalId',
      'a follow-up with this externalId and sourceSystem exists',
    );
  });
}

// The follow-up the actor is about to change: NOT_FOUND when invisible, FORBIDDEN when read-only.
async function requireWritableFollowUp(actor: Actor, id: string): Promise<FollowUpRow> {
  const followUp = await findFollowUp(actorScope(actor), id);
  if (!followUp) throw notFound('follow-up');
  await requireWritableAccount(actor, String(followUp.accountId));
  return followUp;
}

type Transition = { before: FollowUpRow; after: FollowUpRow; changed: boolean };

type Change = {
  action: FollowUpAction;
  at: Date;
  fields?: Record<string, unknown>;
  /** What the change makes due besides its audit entry (stored with it). */
  consequences?: (after: FollowUpRow) => PendingConsequence[];
};

const ACTION_NAMES = {
  COMPLETE: 'completeFollowUp',
  MISS: 'missFollowUp',
  CANCEL: 'cancelFollowUp',
};

/**
 * Applies an action as a compare-and-set on the revision read, so that two concurrent actions
 * cannot both apply (no transactions); the loser re-reads once and replays or is refused. The
 * audit entry and the change's consequences are stored with the write. A replay applies what an
 * interrupted earlier attempt left pending in the follow-up.
 */
async function transition(
  actor: Actor,
  id: string,
  change: Change,
  retried = false,
): Promise<Transition> {
  const { action, at } = change;
  const before = await requireWritableFollowUp(actor, id);
  const plan = planTransition(before, action, at);
  if (plan.kind === 'illegal') throw new AppError('ILLEGAL_TRANSITION', `Follow-up ${plan.reason}`);
  if (plan.kind === 'replay')
    return { before, after: await settled(actor, before), changed: false };
  const late =
    action === 'COMPLETE' && lateVisitViolation({ missedAt: before.missedAt, completedAt: at });
  if (late) throw badInput('at', late);
  // A completed visit sits on the timeline at its completion; otherwise at its due time.
  const journeyAt = action === 'COMPLETE' ? at : before.dueAt;
  const set = { ...change.fields, status: plan.status, [ACTION_TIME_FIELD[action]]: at, journeyAt };
  const preview = { ...before, ...set } as FollowUpRow;
  const extra = change.consequences?.(preview) ?? [];
  const after = await updateWithConsequences<FollowUpRow>(FollowUpModel, {
    filter: { _id: before._id, revision: before.revision ?? null },
    update: { $set: set, $inc: { revision: 1 } },
    consequences: [
      auditFollowUp(actor, ACTION_NAMES[action], before, preview),
      ...rollupConsequences(before.branchCode, before, preview),
      // Any transition ends the visit's openness (its entry in the account's records) and its
      // place in the branch's open work; a completion also moves it on the timeline.
      ...listedRecordConsequences(FollowUpModel, {
        ...preview,
        revision: (before.revision ?? 0) + 1,
      }),
      ...extra,
    ],
    queryOptions: { scope: actorScope(actor) },
  });
  if (!after) {
    if (retried) throw new AppError('CONFLICT', 'The follow-up changed meanwhile; try again', 'id');
    return transition(actor, id, change, true);
  }
  const linked = extra.some((entry) => entry.kind === RAISE_CONSULTATION);
  return { before, after: await settled(actor, after, linked), changed: true };
}

// The follow-up once nothing is pending in it: what an interrupted earlier write left is applied
// (idempotent), and the record is read again when consequences changed it (a raised consultation).
async function settled(actor: Actor, followUp: FollowUpRow, changed = false): Promise<FollowUpRow> {
  const pending = (followUp as RecordWithPending)[PENDING];
  if (pending?.length) await applyPending(FollowUpModel, [followUp as RecordWithPending]);
  else if (!changed) return followUp;
  const fresh = await findFollowUp(actorScope(actor), String(followUp._id));
  return withoutPending(fresh ?? followUp);
}

/**
 * Records that a follow-up was made: SCHEDULED or MISSED → COMPLETED; the same completion
 * replayed (same `at`) changes nothing. Stored with the completion: its audit entry, the
 * measured-record event and, when asked, the consultation raised during the visit (created once).
 */
export async function completeFollowUp(options: {
  actor: Actor | null;
  id: string;
  args: unknown;
}): Promise<FollowUpRow> {
  const actor = requireActor(options.actor);
  const args = validate(completeFollowUpArgs, options.args, '');
  const raise = args.raiseConsultation;
  const { after } = await transition(actor, options.id, {
    action: 'COMPLETE',
    at: args.at,
    fields: {
      outcome: args.outcome ?? null,
      performedBy: args.performedBy ?? actor.login,
      completedBy: actor.login,
      issuesRaised: args.issuesRaised ?? [],
    },
    consequences: (followUp) => [
      lifecycleConsequence('measuredRecordWritten', {
        branchCode: followUp.branchCode,
        eventTimes: [args.at],
      }),
      ...(raise ? [raiseConsultationConsequence(actor, followUp, raise.topic)] : []),
    ],
  });
  return after;
}

/** Marks a scheduled follow-up as missed (it may still be completed late). */
export async function missFollowUp(options: {
  actor: Actor | null;
  id: string;
  at: Date;
}): Promise<FollowUpRow> {
  const actor = requireActor(options.actor);
  const { at } = validate(transitionArgs, { at: options.at }, '');
  return (await transition(actor, options.id, { action: 'MISS', at })).after;
}

/** Cancels a scheduled follow-up. */
export async function cancelFollowUp(options: {
  actor: Actor | null;
  id: string;
  at: Date;
}): Promise<FollowUpRow> {
  const actor = requireActor(options.actor);
  const { at } = validate(transitionArgs, { at: options.at }, '');
  return (await transition(actor, options.id, { action: 'CANCEL', at })).after;
}

// Accounts of the manager in the branch, or none for an unknown login.
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
  const scheduled = await openWorkList<FollowUpRow>('FollowUp', actorScope(actor), {
    ...options,
    end: options.before,
  });
  const before = options.before.getTime();
  return pageInMemory(
    scheduled.filter((followUp) => followUp.dueAt.getTime() < before),
    {
      cursor: readMemoryCursor(options.args.after),
      first: options.args.first,
      key: (followUp) => followUp.dueAt.getTime(),
      id: (followUp) => followUp._id.toHexString(),
    },
  );
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
