import { Types } from 'mongoose';
import { AppError, badInput } from '../../shared/errors';
import { parsePeriod, PeriodFormatError } from '../../shared/period';
import { actorScope } from '../access/scope';
import { KeyAccountModel } from '../accounts/account.model';
import { requireRole, type Actor } from '../auth/actor';
import { diffFields } from '../audit/audit-diff';
import { auditConsequence, type AuditActor } from '../audit/audit.service';
import type { FollowOn, PendingConsequence } from '../consequences/consequence-kinds';
import {
  applyFollowOns,
  applyPending,
  PENDING,
  pushPending,
  type RecordWithPending,
} from '../consequences/pending-consequences';
import { finishAfter, registeredWrite, registerWrite } from '../consequences/write-register';
import { loadByKeys } from '../imports/account-linked-rows';
import { listedRecordConsequences } from '../journey/account-records';
import { createdRecordConsequences } from '../journey/revisioned-write';
import { branchPeriod, requireReadableBranch } from '../branches/branch-period';
import { listBranches } from '../branches/branch.service';
import type { BranchDoc } from '../branches/branch.model';
import { onLifecycleBatch } from '../journey/lifecycle-hooks';
import {
  CADENCE_SOURCE,
  periodicFollowUp,
  postActivationFollowUp,
  postComplaintFollowUp,
  postRepairFollowUp,
  type CadenceFollowUp,
} from './follow-up-cadence';
import type { FollowUpChannel } from './follow-up-kinds';
import { isActiveDuring } from './follow-up-rules';
import { FollowUpModel } from './follow-up.model';
import { castFields } from '../../db/cast-fields';
import { onlyDuplicateKeys } from '../../db/duplicate-key';

/** Whether a cadence follow-up was inserted now or was there already. */
export type CadenceOutcome = 'scheduled' | 'alreadyScheduled';

/** One cadence follow-up to schedule for an account. */
export type CadenceRequest = {
  auditActor: AuditActor;
  account: { _id: Types.ObjectId; branchCode: string };
  followUp: CadenceFollowUp;
  channel?: FollowUpChannel;
  links?: {
    followsOrderId?: Types.ObjectId;
    followsTicketId?: Types.ObjectId;
    followsComplaintId?: Types.ObjectId;
  };
};

const keyOf = (request: CadenceRequest) => ({
  sourceSystem: CADENCE_SOURCE,
  externalId: request.followUp.externalId,
});

function fieldsOf({ account, followUp, channel, links }: CadenceRequest) {
  return {
    accountId: account._id,
    branchCode: account.branchCode,
    stage: 'FOLLOW_UP',
    // The schema's default, written out: the listing stored with the insert says it is open.
    status: 'SCHEDULED',
    journeyAt: followUp.dueAt,
    recordedBy: 'system:follow-up-cadence',
    purpose: followUp.purpose,
    channel: channel ?? 'PHONE',
    dueAt: followUp.dueAt,
    followsOrderId: links?.followsOrderId ?? null,
    followsTicketId: links?.followsTicketId ?? null,
    followsComplaintId: links?.followsComplaintId ?? null,
  };
}

// The audit entry of a new follow-up, stored with it.
function scheduledAudit(request: CadenceRequest, id: Types.ObjectId): PendingConsequence {
  return auditConsequence({
    actor: request.auditActor,
    action: 'scheduleFollowUp',
    entityType: 'FollowUp',
    entityId: String(id),
    branchCode: request.account.branchCode,
    changes: diffFields(null, { ...keyOf(request), ...fieldsOf(request), status: 'SCHEDULED' }),
  });
}

// Upserts that only set fields on insert (with the audit entry as a pending consequence); a
// concurrent twin losing the race on the unique key simply counts as already scheduled.
// Sent with the driver, the follow-up cast to its schema and its consequences as they are (see
// castFields); a follow-up already scheduled is left as it is.
async function insertMissing(
  requests: CadenceRequest[],
  ids: Types.ObjectId[],
  pending: PendingConsequence[][],
): Promise<Map<number, unknown>> {
  const now = new Date();
  const operations = requests.map((request, i) => {
    const fields = { _id: ids[i], ...keyOf(request), ...fieldsOf(request) };
    return {
      updateOne: {
        filter: keyOf(request),
        update: {
          $setOnInsert: {
            ...castFields(
              FollowUpModel,
              { ...fields, createdAt: now, updatedAt: now },
              { insert: true },
            ),
            [PENDING]: pending[i],
          },
        },
        upsert: true,
      },
    };
  });
  try {
    const result = await FollowUpModel.collection.bulkWrite(operations, { ordered: false });
    return new Map(Object.entries(result.upsertedIds ?? {}).map(([i, id]) => [Number(i), id]));
  } catch (error) {
    if (!onlyDuplicateKeys(error)) throw error;
    const { result } = error as { result?: { upsertedIds?: Record<string, unknown> } };
    return new Map(Object.entries(result?.upsertedIds ?? {}).map(([i, id]) => [Number(i), id]));
  }
}

/**
 * Schedules cadence follow-ups by their natural keys in one bulk upsert, so replayed events and
 * re-runs never duplicate them, audits the new ones in one insert, and moves the due time of those
 * already SCHEDULED to a corrected event time.
 */
export async function scheduleCadenceFollowUps(
  requests: CadenceRequest[],
): Promise<CadenceOutcome[]> {
  const { outcomes, inserted } = await insertCadenceFollowUps(requests);
  await applyFollowOns([inserted]);
  return outcomes;
}

/**
 * `scheduleCadenceFollowUps` that hands back the consequences stored with the new follow-ups
 * instead of applying them: the pass applying the event that scheduled them applies them with its
 * own (an import batch's tickets and their follow-ups are listed in their accounts together).
 */
async function insertCadenceFollowUps(
  requests: CadenceRequest[],
): Promise<{ outcomes: CadenceOutcome[]; inserted: FollowOn }> {
  const inserted: FollowOn = { model: FollowUpModel, records: [] };
  if (requests.length === 0) return { outcomes: [], inserted };
  const ids = requests.map(() => new Types.ObjectId());
  // The audit entry, the listing in the account's records and the kept natural key are stored
  // with each new follow-up.
  const pending = requests.map((request, i) => [
    scheduledAudit(request, ids[i]!),
    ...createdRecordConsequences(FollowUpModel, {
      _id: ids[i],
      ...keyOf(request),
      ...fieldsOf(request),
    }),
  ]);
  // Registered before they are written; the entry is over once the pass applying the new
  // follow-ups' consequences cleared them.
  const { result: upserted, registered } = await registeredWrite(FollowUpModel, { ids }, () =>
    insertMissing(requests, ids, pending),
  );
  inserted.registered = [registered];
  inserted.records = [...upserted.keys()].map((i) => ({ _id: ids[i], [PENDING]: pending[i]! }));
  await moveDueTimes(requests.filter((_, index) => !upserted.has(index)));
  return {
    outcomes: requests.map((_, index) => (upserted.has(index) ? 'scheduled' : 'alreadyScheduled')),
    inserted,
  };
}

type Scheduled = {
  _id: Types.ObjectId;
  sourceSystem: string;
  externalId: string;
  status: string;
  dueAt: Date;
  revision?: number;
};

// Moves the due time of follow-ups already scheduled to a corrected event time: read by their
// kept keys, each written only if still the version read (`{ _id, revision }`, which the stand-in
// serves from an index; a status and due-time condition beside the natural key would scan), and a
// lost race read and decided again.
async function moveDueTimes(requests: CadenceRequest[]): Promise<void> {
  for (let attempt = 0; requests.length > 0 && attempt < 3; attempt += 1) {
    const stored = await loadByKeys<Scheduled>(FollowUpModel, requests.map(keyOf));
    const moves = requests.flatMap((request): Move[] => {
      const followUp = stored.get(keyOf(request));
      const dueAt = request.followUp.dueAt;
      if (followUp?.status !== 'SCHEDULED' || followUp.dueAt.getTime() === dueAt.getTime())
        return [];
      return [
        { request, filter: { _id: followUp._id, revision: followUp.revision ?? null }, dueAt },
      ];
    });
    if (moves.length === 0) return;
    // Registered before the moves are written.
    const registered = await registerWrite(FollowUpModel, {
      ids: moves.map((move) => move.filter._id),
    });
    const result = await finishAfter([registered], () => moveAndApply(moves));
    // Some lost to a concurrent write: decide all of them again (a moved one is left as it is).
    requests = result.matchedCount === moves.length ? [] : moves.map((move) => move.request);
  }
}

type Move = {
  request: CadenceRequest;
  filter: { _id: Types.ObjectId; revision: number | null };
  dueAt: Date;
};

// Writes the moves, each with its follow-up's new place in its account's records, and applies
// what the moved follow-ups hold. Returns the bulk write's result (how many matched).
async function moveAndApply(moves: Move[]) {
  const result = await FollowUpModel.bulkWrite(
    moves.map(({ request, filter, dueAt }) => ({
      updateOne: {
        filter,
        update: {
          $set: { dueAt, journeyAt: dueAt },
          $inc: { revision: 1 },
          ...pushPending(
            listedRecordConsequences(FollowUpModel, {
              accountId: request.account._id,
              journeyAt: dueAt,
              status: 'SCHEDULED',
              revision: (filter.revision ?? 0) + 1,
            }),
          ),
        },
      },
    })),
    { ordered: false },
  );
  const moved = await FollowUpModel.collection
    .find({ _id: { $in: moves.map((move) => move.filter._id) } }, { projection: { [PENDING]: 1 } })
    .toArray();
  await applyPending(FollowUpModel, moved as RecordWithPending[]);
  return result;
}

/** Counts of a periodic scheduling run. */
export type PeriodicScheduling = { quarter: string; scheduled: number; alreadyScheduled: number };

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
  return scheduleCadenceFollowUps(
    active.map((account) => ({
      auditActor: actor,
      account,
      followUp: periodicFollowUp(String(account._id), quarter),
    })),
  );
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

// Cadence consequences of other modules' writes (measurement rules "Follow-up visits"): registered
// when this file loads, which the follow-up resolvers make happen at start. The new follow-ups'
// own consequences are handed back to the pass applying the event.
onLifecycleBatch('activationCompleted', async (events) => {
  const { inserted } = await insertCadenceFollowUps(
    events.map((event) => ({
      auditActor: { system: 'follow-up-cadence' },
      account: { _id: event.accountId, branchCode: event.branchCode },
      followUp: postActivationFollowUp({
        orderId: String(event.orderId),
        activatedAt: event.activatedAt,
      }),
      links: { followsOrderId: event.orderId },
    })),
  );
  return inserted;
});

onLifecycleBatch('faultTicketClosed', async (events) => {
  const { inserted } = await insertCadenceFollowUps(
    events.map((event) => ({
      auditActor: { system: 'follow-up-cadence' },
      account: { _id: event.accountId, branchCode: event.branchCode },
      followUp: postRepairFollowUp({ ticketId: String(event.ticketId), closedAt: event.closedAt }),
      links: { followsTicketId: event.ticketId },
    })),
  );
  return inserted;
});

onLifecycleBatch('complaintResolved', async (events) => {
  const { inserted } = await insertCadenceFollowUps(
    events.map((event) => ({
      auditActor: { system: 'follow-up-cadence' },
      account: { _id: event.accountId, branchCode: event.branchCode },
      followUp: postComplaintFollowUp({
        complaintId: String(event.complaintId),
        resolution: event.resolution,
        resolvedAt: event.resolvedAt,
      }),
      links: { followsComplaintId: event.complaintId },
    })),
  );
  return inserted;
});
