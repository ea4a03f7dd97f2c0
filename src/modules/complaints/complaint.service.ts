import { Types } from 'mongoose';
import { badInput } from '../../shared/errors';
import { validate } from '../../shared/validate';
import { actorScope, canReadBranch, systemScope, type Scope } from '../access/scope';
import type { KeyAccountDoc } from '../accounts/account.model';
import { requireWritableAccount } from '../accounts/account.service';
import { ActivationOrderModel } from '../activation/activation-order.model';
import { requireActor, type Actor } from '../auth/actor';
import { diffFields } from '../audit/audit-diff';
import { auditConsequence, type AuditActor } from '../audit/audit.service';
import type { PendingConsequence } from '../consequences/consequence-kinds';
import { FaultTicketModel } from '../faults/fault-ticket.model';
import { followedRecordViolation } from '../follow-ups/follow-up-import-rules';
import type { JourneyStage } from '../journey/journey-stage';
import { applyRecordEvent } from '../journey/record-event';
import { insertOnce, OWN_SOURCE_SYSTEM } from '../journey/revisioned-write';
import { effectivePolicyForAccount } from '../sla-policies/sla-policy.service';
import { complaintConsequences } from './complaint.effects';
import {
  complaintEventInput,
  openComplaintInput,
  type OpenComplaintInput,
} from './complaint.inputs';
import { ComplaintModel, type ComplaintDoc } from './complaint.model';
import {
  applyComplaintEvent,
  receivedComplaint,
  storedComplaintMeasures,
  type ComplaintEvent,
  type ComplaintSla,
  type ComplaintState,
} from './complaint.state';

const ACTION_NAMES: Record<ComplaintEvent['kind'], string> = {
  CONTACT: 'contactComplaint',
  RESOLVE: 'resolveComplaint',
  CONFIRM: 'confirmComplaint',
  REOPEN: 'reopenComplaint',
};

/** One complaint within the scope, or null (unknown and out-of-scope ids look the same). */
export async function findComplaint(scope: Scope, id: string): Promise<ComplaintDoc | null> {
  if (!Types.ObjectId.isValid(id)) return null;
  return ComplaintModel.findOne({ _id: id }, null, { scope }).lean<ComplaintDoc>();
}

const withMeasures = <T extends ComplaintState>(state: T) => ({
  ...state,
  ...storedComplaintMeasures(state),
});

/**
 * Consequences of a write, stored with it and applied in this order: audit, then the follow-up of
 * each new resolution and the scorecard invalidation (complaint.effects.ts, shared with imports).
 * A complaint does not move the account's current stage, so there is no stage refresh.
 */
function consequencesOf(
  actor: AuditActor,
  action: string,
  before: ComplaintDoc | null,
  after: ComplaintDoc,
): PendingConsequence[] {
  return [
    auditConsequence({
      actor,
      action,
      entityType: 'Complaint',
      entityId: String(after._id),
      branchCode: after.branchCode,
      changes: diffFields(before, after),
    }),
    ...complaintConsequences(before, after),
  ];
}

type About = { aboutOrderId: Types.ObjectId | null; aboutTicketId: Types.ObjectId | null };
type Linked = { _id: Types.ObjectId; accountId: Types.ObjectId; stage: JourneyStage };

// What a complaint can be about: the input field, the record's name and collection.
const ABOUT = [
  ['aboutOrderId', 'activation order', ActivationOrderModel],
  ['aboutTicketId', 'fault ticket', FaultTicketModel],
] as const;

/**
 * The order or ticket a complaint is about (same account, visible to the caller: another branch's
 * record is answered like a missing one) and the stage it puts the complaint in: that record's
 * stage (ACTIVATION for an order, the ticket's), else CONSULTING.
 */
async function aboutRecord(
  scope: Scope,
  accountId: Types.ObjectId,
  input: Pick<OpenComplaintInput, 'aboutOrderId' | 'aboutTicketId'>,
): Promise<About & { stage: JourneyStage }> {
  const about: About = { aboutOrderId: null, aboutTicketId: null };
  for (const [field, what, model] of ABOUT) {
    const id = input[field];
    if (!id) continue;
    const linked = await (model as typeof FaultTicketModel)
      .findOne({ _id: id }, { accountId: 1, stage: 1 }, { scope })
      .lean<Linked>();
    const violation = followedRecordViolation(what, id, linked, accountId);
    if (violation) throw badInput(`input.${field}`, violation);
    return { ...about, [field]: linked!._id, stage: linked!.stage };
  }
  return { ...about, stage: 'CONSULTING' };
}

/** The SLA values a complaint copies from the policy in force at its receipt. */
export function complaintSla(policy: {
  complaintFirstContactMinutes: number;
  complaintResolutionMinutes: number;
  clock: ComplaintSla['clock'];
}): ComplaintSla {
  return {
    firstContactMinutes: policy.complaintFirstContactMinutes,
    resolutionMinutes: policy.complaintResolutionMinutes,
    clock: policy.clock,
  };
}

function isSameComplaint(stored: ComplaintDoc, input: OpenComplaintInput): boolean {
  return (
    stored.accountId.toHexString() === input.accountId.toLowerCase() &&
    stored.receivedAt.getTime() === input.receivedAt.getTime() &&
    stored.category === input.category &&
    stored.channel === input.channel
  );
}

async function newComplaint(
  actor: Actor,
  account: KeyAccountDoc,
  input: OpenComplaintInput,
  sourceSystem: string,
): Promise<ComplaintDoc> {
  const about = await aboutRecord(actorScope(actor), account._id, input);
  // The policy in force at receipt is copied: later versions never change this complaint.
  const policy = await effectivePolicyForAccount(account, input.receivedAt);
  const _id = new Types.ObjectId();
  const state = receivedComplaint({
    receivedAt: input.receivedAt,
    sla: complaintSla(policy),
    actorLogin: actor.login,
  });
  const now = new Date();
  return {
    _id,
    accountId: account._id,
    branchCode: account.branchCode,
    journeyAt: input.receivedAt,
    recordedBy: actor.login,
    sourceSystem,
    externalId: input.externalId ?? _id.toHexString(),
    channel: input.channel,
    category: input.category,
    description: input.description ?? null,
    ...about,
    policyVersionIds: policy.versions.map((version) => new Types.ObjectId(version.id)),
    policyReason: policy.reason,
    revision: 0,
    createdAt: now,
    updatedAt: now,
    ...withMeasures(state),
  };
}

/**
 * Opens a complaint and applies its later events in memory under the same rules as the one-by-one
 * mutations, then writes it once (for the demo). A replayed opening (same sourceSystem +
 * externalId and the same facts) returns the stored complaint unchanged, without side effects;
 * different facts are a CONFLICT.
 */
export async function recordComplaint(options: {
  actor: Actor | null;
  input: unknown;
  events?: readonly unknown[];
}): Promise<ComplaintDoc> {
  const actor = requireActor(options.actor);
  const input = validate(openComplaintInput, options.input);
  const events = (options.events ?? []).map((event, index) =>
    validate(complaintEventInput, event, `events.${index}`),
  );
  const account = await requireWritableAccount(actor, input.accountId);
  const sourceSystem = input.sourceSystem ?? OWN_SOURCE_SYSTEM;
  const { record } = await insertOnce<ComplaintDoc>({
    model: ComplaintModel,
    // The key is unique province-wide, so a replay is looked up across branches.
    scope: systemScope('complaint-replay'),
    what: 'complaint',
    key: { sourceSystem, externalId: input.externalId ?? null },
    isSame: (stored) => isSameComplaint(stored, input),
    visible: (stored) => canReadBranch(actorScope(actor), stored.branchCode),
    build: async () => {
      let complaint = await newComplaint(actor, account, input, sourceSystem);
      for (const event of events) {
        const next = applyComplaintEvent(complaint, event, actor.login);
        if (next) complaint = withMeasures(next);
      }
      return complaint;
    },
    consequences: (complaint) => consequencesOf(actor, 'openComplaint', null, complaint),
  });
  return record;
}

/** `Mutation.openComplaint`. */
export function openComplaint(options: { actor: Actor | null; input: unknown }) {
  return recordComplaint(options);
}

/**
 * Applies one event to a complaint: NOT_FOUND when the caller cannot see it, FORBIDDEN when they
 * may not change its account, ILLEGAL_TRANSITION / BAD_USER_INPUT from the rules. A replay
 * returns the complaint unchanged without side effects.
 */
export async function changeComplaint(options: {
  actor: Actor | null;
  id: string;
  event: unknown;
}): Promise<ComplaintDoc> {
  const actor = requireActor(options.actor);
  const event = validate(complaintEventInput, options.event, '');
  const { after } = await applyRecordEvent<ComplaintDoc>({
    actor,
    id: options.id,
    model: ComplaintModel,
    what: 'complaint',
    find: findComplaint,
    decide: (complaint) => {
      const next = applyComplaintEvent(complaint, event, actor.login);
      if (!next) return null;
      return {
        status: next.status,
        statusHistory: next.statusHistory,
        outcome: next.outcome,
        compensation: next.compensation,
        ...storedComplaintMeasures(next),
      };
    },
    consequences: (before, changed) =>
      consequencesOf(actor, ACTION_NAMES[event.kind], before, changed),
  });
  return after;
}
