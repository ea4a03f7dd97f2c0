import { Types } from 'mongoose';
import {
  listedPages,
  type AccountRecordReader,
  type ListedAccount,
} from '../journey/account-records.loaders';
import { pageInMemory, readMemoryCursor } from '../../db/in-memory-pagination';
import { findConnectionsByKey, type Connection, type PageArgs } from '../../db/keyset-pagination';
import { validate } from '../../shared/validate';
import { findByIdsInScope } from '../access/by-ids';
import { actorScope, canReadBranch, systemScope, type Scope } from '../access/scope';
import type { KeyAccountDoc } from '../accounts/account.model';
import { requireWritableAccount } from '../accounts/account.service';
import { requireActor, type Actor } from '../auth/actor';
import { diffFields } from '../audit/audit-diff';
import { auditConsequence, type AuditActor } from '../audit/audit.service';
import type { PendingConsequence } from '../consequences/consequence-kinds';
import { withoutPending } from '../consequences/pending-consequences';
import { lifecycleConsequence } from '../journey/lifecycle-hooks';
import { measuredChangeConsequences } from '../journey/measured-record';
import { applyRecordEvent } from '../journey/record-event';
import { insertOnce, OWN_SOURCE_SYSTEM } from '../journey/revisioned-write';
import { stageConsequence } from '../journey/stage.service';
import { openWorkList } from '../open-work/open-work-lists';
import {
  repeatsConsequence,
  repeatsOfNewTickets,
  type TouchedTicket,
} from './fault-ticket.repeats';
import { effectivePolicyForAccount } from '../sla-policies/sla-policy.service';
import {
  faultEventInput,
  openFaultTicketFilter,
  openFaultTicketInput,
  type OpenFaultTicketInput,
} from './fault-ticket.inputs';
import { FaultTicketModel, type FaultTicketDoc } from './fault-ticket.model';
import {
  applyFaultEvent,
  measureFaultTicket,
  settledSlaFigures,
  storedFaultMeasures,
  type SlaFigures,
  type FaultEvent,
  type FaultMeasures,
  type FaultTicketState,
} from './fault-ticket.state';

/** Fields that decide the scorecard figures of a ticket (imports announce changes to them too). */
export const MEASURED_FAULT_FIELDS = [
  'severity',
  'targetMinutes',
  'repairDurationMinutes',
  'withinSla',
  'acknowledgementMinutes',
  'finalRestoredAt',
  'repeatOfTicketId',
  'measuredAt',
] as const;

const ACTION_NAMES: Record<FaultEvent['kind'], string> = {
  ACKNOWLEDGE: 'acknowledgeFaultTicket',
  START_WORK: 'startFaultWork',
  PAUSE: 'pauseFaultTicket',
  RESUME: 'resumeFaultTicket',
  RESTORE: 'restoreFaultTicket',
  CLOSE: 'closeFaultTicket',
  REOPEN: 'reopenFaultTicket',
  RECORD_PAUSE: 'recordFaultPause',
  CHANGE_SEVERITY: 'changeFaultSeverity',
  RECORD_CAUSE: 'recordFaultCause',
};

/** One ticket within the scope, or null (unknown and out-of-scope ids look the same). */
export async function findFaultTicket(scope: Scope, id: string): Promise<FaultTicketDoc | null> {
  if (!Types.ObjectId.isValid(id)) return null;
  return FaultTicketModel.findOne({ _id: id }, null, { scope }).lean<FaultTicketDoc>();
}

/** Tickets by id within the scope, for the `repeatOf` loader. */
export function findFaultTicketsByIds(
  scope: Scope,
  ids: readonly string[],
): Promise<FaultTicketDoc[]> {
  return findByIdsInScope<FaultTicketDoc>(FaultTicketModel, scope, ids);
}

const measuresCache = new WeakMap<object, FaultMeasures>();

/** Every figure of a ticket as of `now`, computed once per ticket object (one `now` per request). */
export function faultMeasures(ticket: FaultTicketDoc, now = new Date()): FaultMeasures {
  let measures = measuresCache.get(ticket);
  if (!measures) {
    measures = measureFaultTicket(ticket, now);
    measuresCache.set(ticket, measures);
  }
  return measures;
}

/**
 * A ticket's SLA state and minutes left: from its state, or, for a settled ticket read without it
 * (the account screen reads only its stored measures, graphql/field-reads), from those.
 */
export function slaFigures(ticket: FaultTicketDoc): SlaFigures {
  if (ticket.statusHistory === undefined) {
    const settled = settledSlaFigures(ticket);
    if (settled) return settled;
  }
  return faultMeasures(ticket);
}

const withMeasures = <T extends FaultTicketState>(state: T) => ({
  ...state,
  ...storedFaultMeasures(state),
});

// Consequences of a write, stored with it and applied in this order: audit, "repeat of" of the
// tickets on its service (when its report or final restoration moved), current stage, lifecycle
// events. The repeats are re-derived by the same code as for imports.
function consequencesOf(
  actor: AuditActor,
  action: string,
  before: FaultTicketDoc | null,
  after: FaultTicketDoc,
  options: { refreshStage?: boolean } = {},
): PendingConsequence[] {
  const version = (ticket: FaultTicketDoc): TouchedTicket => ({
    accountId: ticket.accountId,
    serviceRef: ticket.serviceRef,
    reportedAt: ticket.reportedAt,
    finalRestoredAt: ticket.finalRestoredAt,
  });
  const closed = after.closedAt && after.closedAt.getTime() !== before?.closedAt?.getTime();
  return [
    auditConsequence({
      actor,
      action,
      entityType: 'FaultTicket',
      entityId: String(after._id),
      branchCode: after.branchCode,
      changes: diffFields(before, after),
    }),
    ...(repeatsMoved(before, after)
      ? [repeatsConsequence(before ? [version(after), version(before)] : [version(after)])]
      : []),
    ...(options.refreshStage !== false ? [stageConsequence(after.accountId, 'FaultTicket')] : []),
    ...(closed
      ? [
          lifecycleConsequence('faultTicketClosed', {
            ticketId: after._id,
            accountId: after.accountId,
            branchCode: after.branchCode,
            closedAt: after.closedAt!,
          }),
        ]
      : []),
    ...measuredChangeConsequences({
      branchCode: after.branchCode,
      before,
      after,
      fields: MEASURED_FAULT_FIELDS,
    }),
  ];
}

// A new ticket, or a final restoration that moved, can change which tickets repeat which.
const repeatsMoved = (before: FaultTicketDoc | null, after: FaultTicketDoc) =>
  !before || before.finalRestoredAt?.getTime() !== after.finalRestoredAt?.getTime();

// The ticket as stored once its consequences ran (its own "repeat of" may have been re-derived).
async function reread(ticket: FaultTicketDoc): Promise<FaultTicketDoc> {
  const stored = await FaultTicketModel.findOne({ _id: ticket._id }, null, {
    scope: systemScope('repeat-faults'),
  }).lean<FaultTicketDoc>();
  return stored ? withoutPending(stored) : ticket;
}

function isSameReport(ticket: FaultTicketDoc, input: OpenFaultTicketInput): boolean {
  return (
    ticket.accountId.toHexString() === input.accountId.toLowerCase() &&
    ticket.serviceRef === input.serviceRef &&
    ticket.channel === input.channel &&
    ticket.reportedAt.getTime() === input.reportedAt.getTime() &&
    ticket.severityHistory[0]?.severity === input.severity
  );
}

async function newTicket(
  actor: Actor,
  account: KeyAccountDoc,
  input: OpenFaultTicketInput,
  sourceSystem: string,
): Promise<FaultTicketDoc> {
  // The policy in force at the report is copied: later versions never change this ticket.
  const policy = await effectivePolicyForAccount(account, input.reportedAt);
  const _id = new Types.ObjectId();
  const at = input.reportedAt;
  const state: FaultTicketState = {
    status: 'REPORTED',
    reportedAt: at,
    severity: input.severity,
    severityHistory: [{ severity: input.severity, at, actorLogin: actor.login }],
    statusHistory: [{ status: 'REPORTED', at, actorLogin: actor.login, reason: null }],
    recordedPauses: [],
    cause: null,
    causeExplainedAt: null,
    sla: {
      targets: policy.restorationTargets,
      acknowledgementTargetMinutes: policy.acknowledgementTargetMinutes,
      clock: policy.clock,
    },
  };
  const now = new Date();
  return {
    _id,
    accountId: account._id,
    branchCode: account.branchCode,
    journeyAt: at,
    recordedBy: actor.login,
    sourceSystem,
    externalId: input.externalId ?? _id.toHexString(),
    serviceRef: input.serviceRef,
    channel: input.channel,
    interProvincial: input.interProvincial ?? false,
    policyVersionIds: policy.versions.map((version) => new Types.ObjectId(version.id)),
    policyReason: policy.reason,
    repeatOfTicketId: null,
    revision: 0,
    createdAt: now,
    updatedAt: now,
    ...withMeasures(state),
  };
}

// Inserted with its "repeat of" as imports insert theirs (one rule, `repeatsOfNewTickets`); the
// re-derivation stored with the write still corrects what this could not see.
async function withRepeatOf(ticket: FaultTicketDoc): Promise<FaultTicketDoc> {
  const decided = await repeatsOfNewTickets([{ ...ticket, id: ticket._id }]);
  return { ...ticket, repeatOfTicketId: decided.get(ticket._id.toHexString()) ?? null };
}

/**
 * Opens a ticket and applies its later events in memory under the same rules as the one-by-one
 * mutations, then writes it once (for the demo and imports). A replayed report (same sourceSystem
 * + externalId and the same facts) returns the stored ticket unchanged, without side effects;
 * different facts are a CONFLICT.
 */
export async function recordFaultTicket(options: {
  actor: Actor | null;
  input: unknown;
  events?: readonly unknown[];
  /** Bulk callers (demo, imports) pass false and refresh each account's stage once at the end. */
  refreshStage?: boolean;
}): Promise<FaultTicketDoc> {
  const actor = requireActor(options.actor);
  const input = validate(openFaultTicketInput, options.input);
  const events = (options.events ?? []).map((event, index) =>
    validate(faultEventInput, event, `events.${index}`),
  );
  const account = await requireWritableAccount(actor, input.accountId);
  const sourceSystem = input.sourceSystem ?? OWN_SOURCE_SYSTEM;
  const { record, created } = await insertOnce<FaultTicketDoc>({
    model: FaultTicketModel,
    // The key is unique province-wide, so a replay is looked up across branches.
    scope: systemScope('fault-replay'),
    what: 'fault ticket',
    key: { sourceSystem, externalId: input.externalId ?? null },
    isSame: (stored) => isSameReport(stored, input),
    visible: (stored) => canReadBranch(actorScope(actor), stored.branchCode),
    build: async () => {
      let ticket = await newTicket(actor, account, input, sourceSystem);
      for (const event of events) {
        const next = applyFaultEvent(ticket, event, actor.login);
        if (next) ticket = withMeasures(next);
      }
      return withRepeatOf(ticket);
    },
    consequences: (ticket) =>
      consequencesOf(actor, 'openFaultTicket', null, ticket, {
        refreshStage: options.refreshStage,
      }),
  });
  return created ? reread(record) : record;
}

/** `Mutation.openFaultTicket`. */
export function openFaultTicket(options: { actor: Actor | null; input: unknown }) {
  return recordFaultTicket(options);
}

/**
 * Applies one event to a ticket: NOT_FOUND when the caller cannot see it, FORBIDDEN when they may
 * not change its account, ILLEGAL_TRANSITION / BAD_USER_INPUT from the rules. A replay returns the
 * ticket unchanged without side effects.
 */
export async function changeFaultTicket(options: {
  actor: Actor | null;
  id: string;
  event: unknown;
}): Promise<FaultTicketDoc> {
  const actor = requireActor(options.actor);
  const event = validate(faultEventInput, options.event, '');
  const { before, after, changed } = await applyRecordEvent<FaultTicketDoc>({
    actor,
    id: options.id,
    model: FaultTicketModel,
    what: 'fault ticket',
    find: findFaultTicket,
    decide: (ticket) => {
      const next = applyFaultEvent(ticket, event, actor.login);
      if (!next) return null;
      return {
        status: next.status,
        severity: next.severity,
        severityHistory: next.severityHistory,
        statusHistory: next.statusHistory,
        recordedPauses: next.recordedPauses,
        cause: next.cause,
        causeExplainedAt: next.causeExplainedAt,
        ...storedFaultMeasures(next),
      };
    },
    consequences: (ticket, changedTicket) =>
      consequencesOf(actor, ACTION_NAMES[event.kind], ticket, changedTicket),
  });
  // Only restorations move a final restoration time, on which repeats depend.
  return changed && repeatsMoved(before, after) ? reread(after) : after;
}

// Open tickets are few per branch, so the SLA state (which depends on now) is filtered here and
// the list paged in memory with a keyset cursor that also fixes `now` for the following pages.
function pageOpenTickets(
  tickets: FaultTicketDoc[],
  args: PageArgs,
  keep: (measures: FaultMeasures) => boolean,
) {
  const cursor = readMemoryCursor(args.after);
  const kept = tickets.filter((ticket) => keep(faultMeasures(ticket, cursor.now)));
  return pageInMemory(kept, {
    cursor,
    first: args.first,
    key: (ticket) => faultMeasures(ticket).minutesLeft ?? 0,
    id: (ticket) => ticket._id.toHexString(),
  });
}

/** `Query.openFaultTickets`: open tickets in scope, least time left first. */
export async function listOpenFaultTickets(options: {
  actor: Actor | null;
  filter: unknown;
  args: PageArgs;
}): Promise<Connection<FaultTicketDoc>> {
  const actor = requireActor(options.actor);
  const scope = actorScope(actor);
  const filter = validate(openFaultTicketFilter, options.filter, 'filter');
  const open = await openWorkList<FaultTicketDoc>('FaultTicket', scope, filter ?? {});
  const tickets = open.filter((ticket) => !filter?.severity || ticket.severity === filter.severity);
  const state = filter?.slaState;
  return pageOpenTickets(tickets, options.args, (measures) =>
    state ? measures.slaState === state : true,
  );
}

/** `Query.atRiskFaultTickets`: a branch's open tickets at risk or breached, least time left first. */
export async function listAtRiskFaultTickets(options: {
  actor: Actor | null;
  branchCode: string;
  args: PageArgs;
}): Promise<Connection<FaultTicketDoc>> {
  const actor = requireActor(options.actor);
  const tickets = await openWorkList<FaultTicketDoc>('FaultTicket', actorScope(actor), {
    branchCode: options.branchCode,
  });
  return pageOpenTickets(tickets, options.args, (measures) =>
    ['AT_RISK', 'BREACHED'].includes(measures.slaState),
  );
}

/** Tickets of many accounts, newest first, one aggregation (for `KeyAccount.faultTickets`). */
export function faultTicketsOfAccounts(
  scope: Scope,
  accounts: readonly ListedAccount[],
  args: Pick<PageArgs, 'first' | 'after'>,
  reader?: AccountRecordReader,
): Promise<Map<string, Connection<FaultTicketDoc>>> {
  // Pages from the accounts' listed records (by `_id`); without a reader, by account id.
  if (reader) {
    return listedPages<FaultTicketDoc>(reader, 'FaultTicket', accounts, {
      first: args.first,
      after: args.after,
      sortField: 'reportedAt',
    });
  }
  return findConnectionsByKey<FaultTicketDoc>(FaultTicketModel, {
    scope,
    keyField: 'accountId',
    keys: accounts.map((account) => account._id),
    filter: {},
    sort: [{ field: 'reportedAt', direction: -1 }],
    args,
  });
}
