import { Types } from 'mongoose';
import type { PendingConsequence } from '../consequences/consequence-kinds';
import { DEFAULT_ACCOUNT_SOURCE, insertOnly } from '../imports/account-linked-rows';
import type { PlannedRow, WrittenRecord } from '../imports/batch-upsert';
import { measuredConsequences, stageConsequences } from '../imports/import-effects';
import { lifecycleConsequence } from '../journey/lifecycle-hooks';
import { registerImportKind, type ImportContext, type ImportOutcome } from '../imports/import-kind';
import { keepActorLogins, sameInstant } from '../imports/list-cells';
import { rejected } from '../imports/parse-rows';
import {
  importPolicyBoundBatch,
  policySnapshotOrRejection,
  type CheckedRow as Checked,
} from '../imports/policy-bound-batch';
import { SEVERITIES } from '../sla-policies/resolve-policy';
import type { PolicyResolver } from '../sla-policies/sla-policy.service';
import { FaultTicketModel, REPORT_CHANNELS, type FaultTicketDoc } from './fault-ticket.model';
import {
  faultTicketRow,
  planFaultTicket,
  type FaultTicketImportRow,
} from './fault-ticket.import-rules';
import {
  repeatsConsequence,
  repeatsOfNewTickets,
  type TouchedTicket,
} from './fault-ticket.repeats';
import { MEASURED_FAULT_FIELDS } from './fault-ticket.service';
import {
  PAUSE_REASONS,
  storedFaultMeasures,
  type FaultTicketState,
  type TicketSla,
} from './fault-ticket.state';

/** A valid row whose account the token may write on. */
type CheckedRow = Checked<FaultTicketImportRow, FaultTicketDoc>;

/** The policy values a ticket copies, with where they came from. */
type PolicySnapshot = Pick<FaultTicketDoc, 'sla' | 'policyVersionIds' | 'policyReason'>;

// A ticket keeps the values copied when it was reported; a new report time copies them again.
const keepsPolicy = ({ row, stored }: CheckedRow) =>
  stored !== undefined && sameInstant(stored.reportedAt, row.reportedAt);

function policySnapshot(checked: CheckedRow, policyFor: PolicyResolver | null): PolicySnapshot {
  if (keepsPolicy(checked)) {
    const { sla, policyVersionIds, policyReason } = checked.stored!;
    return { sla, policyVersionIds, policyReason };
  }
  const policy = policyFor!(checked.account, checked.row.reportedAt);
  return {
    sla: {
      targets: policy.restorationTargets,
      acknowledgementTargetMinutes: policy.acknowledgementTargetMinutes,
      clock: policy.clock,
    },
    policyVersionIds: policy.versions.map((version) => new Types.ObjectId(version.id)),
    policyReason: policy.reason,
  };
}

// Stored as the schema orders it, so a replayed row compares equal field by field.
const slaFields = (sla: TicketSla): TicketSla => ({
  targets: Object.fromEntries(
    SEVERITIES.map((severity) => [severity, sla.targets[severity]]),
  ) as TicketSla['targets'],
  acknowledgementTargetMinutes: sla.acknowledgementTargetMinutes,
  clock: sla.clock,
});

// History entries keep who recorded them first when they record the same thing.
function withStoredActors(state: FaultTicketState, stored: FaultTicketDoc | undefined) {
  return {
    severityHistory: keepActorLogins(
      state.severityHistory,
      stored?.severityHistory,
      (a, b) => a.severity === b.severity && sameInstant(a.at, b.at),
    ),
    statusHistory: keepActorLogins(
      state.statusHistory,
      stored?.statusHistory,
      (a, b) => a.status === b.status && sameInstant(a.at, b.at) && a.reason === b.reason,
    ),
    recordedPauses: keepActorLogins(
      state.recordedPauses,
      stored?.recordedPauses,
      (a, b) => sameInstant(a.from, b.from) && sameInstant(a.to, b.to) && a.reason === b.reason,
    ),
  };
}

/** One checked row planned as the whole ticket the mutations would have stored, or rejected. */
function planRow(
  context: ImportContext,
  checked: CheckedRow,
  policyFor: PolicyResolver | null,
): PlannedRow | ImportOutcome {
  const { index, row, account, stored } = checked;
  const policy = policySnapshotOrRejection('reportedAt', () => policySnapshot(checked, policyFor));
  if (!policy.ok) return policy.outcome;
  const { snapshot } = policy;
  const sla = slaFields(snapshot.sla);
  const planned = planFaultTicket(row, { sla, actorLogin: context.actor.login });
  if (!planned.ok) return rejected(planned.field, planned.reason);
  const { state } = planned;
  return {
    index,
    externalId: row.externalId,
    branchCode: account.branchCode,
    fields: {
      accountId: account._id,
      branchCode: account.branchCode,
      journeyAt: row.reportedAt,
      serviceRef: row.serviceRef,
      channel: row.channel,
      interProvincial: row.interProvincial ?? false,
      reportedAt: state.reportedAt,
      severity: state.severity,
      status: state.status,
      ...withStoredActors(state, stored),
      cause: state.cause,
      causeExplainedAt: state.causeExplainedAt,
      sla,
      policyVersionIds: snapshot.policyVersionIds,
      policyReason: snapshot.policyReason,
      ...storedFaultMeasures(state),
      ...insertOnly(context, stored),
    },
  };
}

const REPEAT_FACTS = ['accountId', 'serviceRef', 'reportedAt', 'finalRestoredAt'] as const;

// A ticket a row moved as repeats see it (new; another service, report or final restoration):
// old and new versions, as other tickets' repeats may change on both.
function movedVersions({ before, after }: WrittenRecord): TouchedTicket[] {
  const same = (field: string) =>
    JSON.stringify(before?.[field] ?? null) === JSON.stringify(after[field] ?? null);
  if (before && REPEAT_FACTS.every(same)) return [];
  const pick = (doc: Record<string, unknown>) =>
    Object.fromEntries(REPEAT_FACTS.map((field) => [field, doc[field] ?? null])) as TouchedTicket;
  return before ? [pick(after), pick(before)] : [pick(after)];
}

/**
 * What a written ticket makes due, stored with it: "repeat of" re-derived around it when it moved
 * (applied for the whole batch at once), the current stage of its account, `faultTicketClosed`
 * when newly (or differently) closed, and `measuredRecordWritten`.
 */
function consequencesOf(record: WrittenRecord): PendingConsequence[] {
  const { id, before, after } = record;
  const moved = movedVersions(record);
  const closed = after.closedAt && !sameInstant(before?.closedAt as Date, after.closedAt as Date);
  return [
    ...(moved.length > 0 ? [repeatsConsequence(moved)] : []),
    ...stageConsequences(record, 'FaultTicket'),
    ...(closed
      ? [
          lifecycleConsequence('faultTicketClosed', {
            ticketId: id,
            accountId: after.accountId as Types.ObjectId,
            branchCode: after.branchCode as string,
            closedAt: after.closedAt as Date,
          }),
        ]
      : []),
    ...measuredConsequences(record, MEASURED_FAULT_FIELDS),
  ];
}

// A new ticket is inserted with its "repeat of" as its service's kept tickets and the batch decide
// it (same rule as the re-derivation after the write, which still runs and corrects it if needed).
async function withRepeatOf(rows: PlannedRow[]): Promise<PlannedRow[]> {
  const tickets = rows.map((row) => ({
    row,
    ticket: {
      id: new Types.ObjectId(),
      accountId: row.fields.accountId as Types.ObjectId,
      serviceRef: row.fields.serviceRef as string,
      reportedAt: row.fields.reportedAt as Date,
      finalRestoredAt: (row.fields.finalRestoredAt as Date | null | undefined) ?? null,
    },
  }));
  const repeatOf = await repeatsOfNewTickets(tickets.map(({ ticket }) => ticket));
  return tickets.map(({ row, ticket }) => ({
    ...row,
    newId: ticket.id,
    onInsert: { ...row.onInsert, repeatOfTicketId: repeatOf.get(ticket.id.toHexString()) ?? null },
  }));
}

/**
 * Imports fault tickets: upsert by (sourceSystem, externalId) of the whole ticket a row
 * describes, under the rules of the ticket mutations. Per batch: one read each of the stored
 * tickets, the accounts, and (for new report times) the policies and branches; one bulk write and
 * one audit insert; then the re-derivation of repeats and the consequences (see `afterWrite`).
 */
function importFaultTickets(
  context: ImportContext,
  raw: Record<string, unknown>[],
): Promise<ImportOutcome[]> {
  return importPolicyBoundBatch({
    context,
    raw,
    schema: faultTicketRow,
    model: FaultTicketModel,
    entityType: 'FaultTicket',
    keepsPolicy,
    plan: (checked, policyFor) => planRow(context, checked, policyFor),
    consequencesOf,
    deriveNew: withRepeatOf,
  });
}

const time = (what: string) => `${what}, ISO-8601 with offset; not in the future`;

registerImportKind({
  kind: 'fault-tickets',
  columns: [
    {
      name: 'externalId',
      required: true,
      description: 'ticket id in the source system (natural key with the source system)',
    },
    { name: 'accountExternalId', required: true, description: 'external id of the key account' },
    {
      name: 'accountSourceSystem',
      required: false,
      description: `source system of the account (default ${DEFAULT_ACCOUNT_SOURCE})`,
    },
    {
      name: 'serviceRef',
      required: true,
      description: 'circuit or line id of the affected service',
    },
    {
      name: 'severity',
      required: true,
      description: `final severity: ${SEVERITIES.join(' | ')}; its target applies`,
    },
    { name: 'channel', required: true, description: REPORT_CHANNELS.join(' | ') },
    { name: 'reportedAt', required: true, description: time('when the fault was reported') },
    { name: 'acknowledgedAt', required: false, description: time('acknowledgement') },
    {
      name: 'workStartedAt',
      required: false,
      description: time('work started (after acknowledgedAt)'),
    },
    { name: 'restoredAt', required: false, description: time('first restoration') },
    {
      name: 'closedAt',
      required: false,
      description: time('customer confirmed (after restoredAt)'),
    },
    {
      name: 'reopenedAt',
      required: false,
      description: time('reopened (after restoredAt or closedAt)'),
    },
    { name: 'finalRestoredAt', required: false, description: time('restoration after the reopen') },
    {
      name: 'statusHistory',
      required: false,
      description:
        'every status change after REPORTED, in order: STATUS@time;… with PENDING_CUSTOMER:REASON@time for a pause; when given it wins over the single time columns',
    },
    {
      name: 'severityHistory',
      required: false,
      description:
        'every severity the ticket had: SEVERITY@time;…, the first at reportedAt, the last = severity (default: severity throughout)',
    },
    {
      name: 'pauses',
      required: false,
      description: `pauses recorded after the fact: from/to/REASON;… with REASON ${PAUSE_REASONS.join(' | ')}`,
    },
    { name: 'interProvincial', required: false, description: 'true/false (default false)' },
    { name: 'cause', required: false, description: 'the cause, once known' },
    {
      name: 'causeExplainedAt',
      required: false,
      description: time('when the cause was explained to the customer (needs cause)'),
    },
  ],
  importBatch: importFaultTickets,
});
