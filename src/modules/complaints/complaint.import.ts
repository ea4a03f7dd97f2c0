import { Types } from 'mongoose';
import { ActivationOrderModel } from '../activation/activation-order.model';
import type { PendingConsequence } from '../consequences/consequence-kinds';
import { FaultTicketModel } from '../faults/fault-ticket.model';
import { followedRecordViolation } from '../follow-ups/follow-up-import-rules';
// The same defaults as the follow-ups' references: orders from BSS, tickets from OSS.
import { DEFAULT_ORDER_SOURCE, DEFAULT_TICKET_SOURCE } from '../follow-ups/follow-up.import';
import {
  DEFAULT_ACCOUNT_SOURCE,
  describeKey,
  insertOnly,
  loadByKeys,
  referenceKey,
  visibleTo,
  type RecordKey,
  type RecordsByKey,
} from '../imports/account-linked-rows';
import type { PlannedRow, WrittenRecord } from '../imports/batch-upsert';
import { registerImportKind, type ImportContext, type ImportOutcome } from '../imports/import-kind';
import { keepActorLogins, sameInstant } from '../imports/list-cells';
import { rejected } from '../imports/parse-rows';
import {
  importPolicyBoundBatch,
  policySnapshotOrRejection,
  type CheckedRow as Checked,
} from '../imports/policy-bound-batch';
import type { JourneyStage } from '../journey/journey-stage';
import type { PolicyResolver } from '../sla-policies/sla-policy.service';
import { complaintConsequences, type ComplaintFacts } from './complaint.effects';
import { complaintRow, planComplaint, type ComplaintImportRow } from './complaint.import-rules';
import { COMPLAINT_CATEGORIES, ComplaintModel, type ComplaintDoc } from './complaint.model';
import { complaintSla } from './complaint.service';
import { COMPLAINT_OUTCOMES, storedComplaintMeasures } from './complaint.state';

/** A valid row whose account the token may write on. */
type CheckedRow = Checked<ComplaintImportRow, ComplaintDoc>;

type Linked = RecordKey & {
  _id: Types.ObjectId;
  accountId: Types.ObjectId;
  branchCode: string;
  stage: JourneyStage;
};
type References = { orders: RecordsByKey<Linked>; tickets: RecordsByKey<Linked> };

const orderKey = (row: ComplaintImportRow) =>
  referenceKey(row.aboutOrderExternalId, row.aboutOrderSourceSystem, DEFAULT_ORDER_SOURCE);
const ticketKey = (row: ComplaintImportRow) =>
  referenceKey(row.aboutTicketExternalId, row.aboutTicketSourceSystem, DEFAULT_TICKET_SOURCE);

// The orders and tickets the rows name, one query each.
async function loadReferences(rows: ComplaintImportRow[]): Promise<References> {
  const [orders, tickets] = await Promise.all([
    loadByKeys<Linked>(ActivationOrderModel, rows.map(orderKey)),
    loadByKeys<Linked>(FaultTicketModel, rows.map(ticketKey)),
  ]);
  return { orders, tickets };
}

/**
 * The order or ticket a row names (the mutation's rule: the same account's, and one the token
 * cannot see is answered like a missing one) and the stage it gives; none named: CONSULTING.
 */
function aboutOf(
  context: ImportContext,
  { row, account }: CheckedRow,
  refs: References,
): { ok: true; fields: Record<string, unknown> } | { ok: false; outcome: ImportOutcome } {
  const links = [
    ['aboutOrderExternalId', 'activation order', orderKey(row), refs.orders],
    ['aboutTicketExternalId', 'fault ticket', ticketKey(row), refs.tickets],
  ] as const;
  const fields = { aboutOrderId: null, aboutTicketId: null, stage: 'CONSULTING' as JourneyStage };
  for (const [field, what, key, found] of links) {
    if (!key) continue;
    const linked = found.get(key);
    const seen = visibleTo(context, linked) ? linked! : null;
    const violation = followedRecordViolation(what, describeKey(key), seen, account._id);
    if (violation) return { ok: false, outcome: rejected(field, violation) };
    const idField = what === 'activation order' ? 'aboutOrderId' : 'aboutTicketId';
    return { ok: true, fields: { ...fields, [idField]: seen!._id, stage: seen!.stage } };
  }
  return { ok: true, fields };
}

// A complaint keeps the values copied when it was received; a new receipt time copies them again.
const keepsPolicy = ({ row, stored }: CheckedRow) =>
  stored !== undefined && sameInstant(stored.receivedAt, row.receivedAt);

function policySnapshot(checked: CheckedRow, policyFor: PolicyResolver | null) {
  if (keepsPolicy(checked)) {
    const { sla, policyVersionIds, policyReason } = checked.stored!;
    return { sla, policyVersionIds, policyReason };
  }
  const policy = policyFor!(checked.account, checked.row.receivedAt);
  return {
    sla: complaintSla(policy),
    policyVersionIds: policy.versions.map((version) => new Types.ObjectId(version.id)),
    policyReason: policy.reason,
  };
}

/** One checked row planned as the whole complaint the mutations would have stored, or rejected. */
function planRow(
  context: ImportContext,
  checked: CheckedRow,
  policyFor: PolicyResolver | null,
  refs: References,
): PlannedRow | ImportOutcome {
  const { index, row, account, stored } = checked;
  const about = aboutOf(context, checked, refs);
  if (!about.ok) return about.outcome;
  const policy = policySnapshotOrRejection('receivedAt', () => policySnapshot(checked, policyFor));
  if (!policy.ok) return policy.outcome;
  // Stored as the schema orders it, so a replayed row compares equal field by field.
  const { firstContactMinutes, resolutionMinutes, clock } = policy.snapshot.sla;
  const sla = { firstContactMinutes, resolutionMinutes, clock };
  const planned = planComplaint(row, { sla, actorLogin: context.actor.login });
  if (!planned.ok) return rejected(planned.field, planned.reason);
  const { state } = planned;
  return {
    index,
    externalId: row.externalId,
    branchCode: account.branchCode,
    fields: {
      accountId: account._id,
      branchCode: account.branchCode,
      journeyAt: row.receivedAt,
      ...about.fields,
      channel: row.channel,
      category: row.category,
      description: row.description,
      receivedAt: state.receivedAt,
      status: state.status,
      // Entries keep who recorded them first when they record the same thing.
      statusHistory: keepActorLogins(
        state.statusHistory,
        stored?.statusHistory,
        (a, b) => a.status === b.status && sameInstant(a.at, b.at) && a.outcome === b.outcome,
      ),
      outcome: state.outcome,
      compensation: state.compensation,
      sla,
      policyVersionIds: policy.snapshot.policyVersionIds,
      policyReason: policy.snapshot.policyReason,
      ...storedComplaintMeasures(state),
      ...insertOnly(context, stored),
    },
  };
}

/** What a written complaint makes due besides its audit entry: as for the mutations. */
function consequencesOf({ id, before, after }: WrittenRecord): PendingConsequence[] {
  const facts = (doc: Record<string, unknown>) =>
    ({ ...doc, _id: id }) as unknown as ComplaintFacts;
  return complaintConsequences(before && facts(before), facts(after));
}

/**
 * Imports complaints: upsert by (sourceSystem, externalId) of the whole complaint a row describes,
 * under the rules of the complaint mutations. Per batch: one read each of the stored complaints,
 * the accounts, the orders and tickets named, and (for new receipt times) the policies and
 * branches; one bulk write and one audit insert; then the follow-ups and scorecard invalidation.
 */
function importComplaints(
  context: ImportContext,
  raw: Record<string, unknown>[],
): Promise<ImportOutcome[]> {
  return importPolicyBoundBatch({
    context,
    raw,
    schema: complaintRow,
    model: ComplaintModel,
    entityType: 'Complaint',
    keepsPolicy,
    references: loadReferences,
    plan: (checked, policyFor, refs) => planRow(context, checked, policyFor, refs),
    consequencesOf,
  });
}

const time = (what: string) => `${what}, ISO-8601 with offset; not in the future`;

registerImportKind({
  kind: 'complaints',
  columns: [
    {
      name: 'externalId',
      required: true,
      description: 'complaint id in the source system (natural key with the source system)',
    },
    { name: 'accountExternalId', required: true, description: 'external id of the key account' },
    {
      name: 'accountSourceSystem',
      required: false,
      description: `source system of the account (default ${DEFAULT_ACCOUNT_SOURCE})`,
    },
    { name: 'receivedAt', required: true, description: time('when the complaint was received') },
    {
      name: 'channel',
      required: true,
      description: 'how it reached the operator: a code such as HOTLINE, ACCOUNT_MANAGER, LETTER',
    },
    { name: 'category', required: true, description: COMPLAINT_CATEGORIES.join(' | ') },
    { name: 'description', required: false, description: 'what the customer said' },
    {
      name: 'aboutOrderExternalId',
      required: false,
      description: 'the activation order it is about (same account)',
    },
    {
      name: 'aboutOrderSourceSystem',
      required: false,
      description: `source system of that order (default ${DEFAULT_ORDER_SOURCE})`,
    },
    {
      name: 'aboutTicketExternalId',
      required: false,
      description: 'the fault ticket it is about (same account)',
    },
    {
      name: 'aboutTicketSourceSystem',
      required: false,
      description: `source system of that ticket (default ${DEFAULT_TICKET_SOURCE})`,
    },
    { name: 'contactedAt', required: false, description: time('first contact with the customer') },
    { name: 'resolvedAt', required: false, description: time('resolution (needs outcome)') },
    {
      name: 'outcome',
      required: false,
      description: `outcome of the resolutions: ${COMPLAINT_OUTCOMES.join(' | ')}`,
    },
    {
      name: 'confirmedAt',
      required: false,
      description: time('customer confirmed the resolution'),
    },
    { name: 'reopenedAt', required: false, description: time('reopened (after a resolution)') },
    {
      name: 'finalResolvedAt',
      required: false,
      description: time('resolution after the reopening'),
    },
    {
      name: 'statusHistory',
      required: false,
      description:
        'every status change after RECEIVED, in order: STATUS@time;… with RESOLVED:OUTCOME@time for a resolution; when given it wins over the single time columns',
    },
    {
      name: 'compensationAmount',
      required: false,
      description: 'compensation granted at the last resolution (≥ 0; needs compensationCurrency)',
    },
    {
      name: 'compensationCurrency',
      required: false,
      description: 'ISO 4217 code of the compensation, e.g. CNY',
    },
  ],
  importBatch: importComplaints,
});
