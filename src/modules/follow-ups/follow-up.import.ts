import type { Types } from 'mongoose';
import { rollupConsequences } from '../rollups/rollup.service';
import { z } from 'zod';
import { ActivationOrderModel } from '../activation/activation-order.model';
import { FaultTicketModel } from '../faults/fault-ticket.model';
import {
  instantsConsequences,
  DEFAULT_ACCOUNT_SOURCE,
  describeKey,
  insertOnly,
  instantChanged,
  loadAccounts,
  loadByKeys,
  optionalCodeCell,
  planRows,
  referenceKey,
  optionalEnumCell,
  optionalPastInstantCell,
  type LinkedAccount,
  type RecordKey,
  type RecordsByKey,
  visibleTo,
  writableAccount,
} from '../imports/account-linked-rows';
import { loadByExternalIds, upsertPlannedRows, type PlannedRow } from '../imports/batch-upsert';
import { registerImportKind, type ImportContext, type ImportOutcome } from '../imports/import-kind';
import { parseRows, rejected } from '../imports/parse-rows';
import { enumCell, instantCell, optionalTextCell, textCell } from '../imports/row-fields';
import { CADENCE_SOURCE } from './follow-up-cadence';
import {
  followedRecordViolation,
  planImportedState,
  type StoredFollowUpState,
} from './follow-up-import-rules';
import { FOLLOW_UP_CHANNELS, FOLLOW_UP_PURPOSES } from './follow-up-kinds';
import { FOLLOW_UP_STATUSES } from './follow-up-lifecycle';
import { FollowUpModel } from './follow-up.model';

/** Source system of the activation orders a row names when it gives none: the order system. */
export const DEFAULT_ORDER_SOURCE = 'BSS';

/** Source system of the fault tickets a row names when it gives none: the trouble-ticket system. */
export const DEFAULT_TICKET_SOURCE = 'OSS';

const followUpRow = z.object({
  externalId: textCell(100),
  accountExternalId: textCell(100),
  accountSourceSystem: optionalCodeCell(),
  purpose: enumCell(FOLLOW_UP_PURPOSES),
  channel: enumCell(FOLLOW_UP_CHANNELS),
  status: optionalEnumCell(FOLLOW_UP_STATUSES),
  // A due time is a plan and may lie ahead; what happened cannot.
  dueAt: instantCell(),
  completedAt: optionalPastInstantCell(),
  missedAt: optionalPastInstantCell(),
  cancelledAt: optionalPastInstantCell(),
  performedBy: optionalTextCell(200),
  outcome: optionalTextCell(2000),
  followsOrderExternalId: optionalTextCell(100),
  followsOrderSourceSystem: optionalCodeCell(),
  followsTicketExternalId: optionalTextCell(100),
  followsTicketSourceSystem: optionalCodeCell(),
});

type FollowUpImportRow = z.infer<typeof followUpRow>;

type Linked = RecordKey & { _id: Types.ObjectId; accountId: Types.ObjectId; branchCode: string };

const accountKey = (row: FollowUpImportRow): RecordKey => ({
  sourceSystem: row.accountSourceSystem ?? DEFAULT_ACCOUNT_SOURCE,
  externalId: row.accountExternalId,
});
const orderKey = (row: FollowUpImportRow) =>
  referenceKey(row.followsOrderExternalId, row.followsOrderSourceSystem, DEFAULT_ORDER_SOURCE);
const ticketKey = (row: FollowUpImportRow) =>
  referenceKey(row.followsTicketExternalId, row.followsTicketSourceSystem, DEFAULT_TICKET_SOURCE);

type References = {
  accounts: RecordsByKey<LinkedAccount>;
  orders: RecordsByKey<Linked>;
  tickets: RecordsByKey<Linked>;
};

// The order or ticket a follow-up names must exist and be the same account's; none named is fine.
function linkRejection(
  context: ImportContext,
  field: 'followsOrderExternalId' | 'followsTicketExternalId',
  key: RecordKey | null,
  linked: Linked | undefined,
  account: LinkedAccount,
): ImportOutcome | null {
  if (!key) return null;
  const what = field === 'followsOrderExternalId' ? 'activation order' : 'fault ticket';
  const seen = visibleTo(context, linked) ? linked : null;
  const violation = followedRecordViolation(what, describeKey(key), seen, account._id);
  return violation ? rejected(field, violation) : null;
}

/** One valid row checked against its references and the stored follow-up, then planned. */
function planRow(
  context: ImportContext,
  index: number,
  row: FollowUpImportRow,
  refs: References,
  stored: Record<string, unknown> | undefined,
): PlannedRow | ImportOutcome {
  const checked = writableAccount(context, accountKey(row), refs.accounts, stored);
  if (!checked.ok) return checked.outcome;
  const { account } = checked;
  const order = refs.orders.get(orderKey(row));
  const ticket = refs.tickets.get(ticketKey(row));
  const refused =
    linkRejection(context, 'followsOrderExternalId', orderKey(row), order, account) ??
    linkRejection(context, 'followsTicketExternalId', ticketKey(row), ticket, account);
  if (refused) return refused;
  const state = planImportedState(row, (stored as StoredFollowUpState | undefined) ?? null);
  if (!state.ok) return rejected(state.field, state.reason);
  const { status, times } = state;
  return {
    index,
    externalId: row.externalId,
    branchCode: account.branchCode,
    fields: {
      accountId: account._id,
      branchCode: account.branchCode,
      stage: 'FOLLOW_UP',
      // As through the API: a completed visit sits on the timeline at its completion.
      journeyAt: times.completedAt ?? row.dueAt,
      purpose: row.purpose,
      channel: row.channel,
      status,
      dueAt: row.dueAt,
      ...times,
      performedBy: row.performedBy,
      completedBy: status === 'COMPLETED' ? (stored?.completedBy ?? context.actor.login) : null,
      outcome: row.outcome,
      followsOrderId: order?._id ?? null,
      followsTicketId: ticket?._id ?? null,
      ...insertOnly(context, stored),
    },
  };
}

/**
 * Imports follow-up visits: upsert by (sourceSystem, externalId) with the lifecycle's rules;
 * accounts, orders, tickets and stored follow-ups of the whole batch are read in one query each.
 * Completion times that changed invalidate the scorecards holding them. CADENCE is reserved.
 */
async function importFollowUps(
  context: ImportContext,
  raw: Record<string, unknown>[],
): Promise<ImportOutcome[]> {
  if (context.sourceSystem === CADENCE_SOURCE) {
    return raw.map(() => rejected('sourceSystem', 'CADENCE is reserved for scheduled cadence'));
  }
  const { valid, outcomes } = parseRows(followUpRow, raw);
  const rows = valid.map((v) => v.row);
  const [accounts, orders, tickets, existing] = await Promise.all([
    loadAccounts(rows.map(accountKey)),
    loadByKeys<Linked>(ActivationOrderModel, rows.map(orderKey)),
    loadByKeys<Linked>(FaultTicketModel, rows.map(ticketKey)),
    loadByExternalIds(
      FollowUpModel,
      context.sourceSystem,
      rows.map((row) => row.externalId),
    ),
  ]);
  const refs = { accounts, orders, tickets };
  const planned = planRows({
    valid,
    existing,
    outcomes,
    plan: (index, row, stored) => planRow(context, index, row, refs, stored),
  });
  const written = await upsertPlannedRows({
    model: FollowUpModel,
    entityType: 'FollowUp',
    sourceSystem: context.sourceSystem,
    actor: context.actor,
    rows: planned,
    existing,
    dryRun: context.dryRun,
    // Coverage and post-activation/-repair compliance count a visit where its completion falls.
    // A row whose contribution changed refreshes its own rollups.
    consequencesOf: ({ branchCode, before, after }) => [
      ...rollupConsequences(branchCode, before, after),
      ...(instantChanged(before?.completedAt, after.completedAt)
        ? instantsConsequences(branchCode, [before?.completedAt, after.completedAt])
        : []),
    ],
  });
  for (const [index, outcome] of written) outcomes.set(index, outcome);
  return raw.map((_, index) => outcomes.get(index)!);
}

registerImportKind({
  kind: 'follow-ups',
  columns: [
    {
      name: 'externalId',
      required: true,
      description:
        'id in the source system (natural key with the source system; CADENCE is reserved)',
    },
    { name: 'accountExternalId', required: true, description: 'external id of the key account' },
    {
      name: 'accountSourceSystem',
      required: false,
      description: `source system of the account (default ${DEFAULT_ACCOUNT_SOURCE})`,
    },
    { name: 'purpose', required: true, description: FOLLOW_UP_PURPOSES.join(' | ') },
    { name: 'channel', required: true, description: FOLLOW_UP_CHANNELS.join(' | ') },
    {
      name: 'status',
      required: false,
      description:
        'SCHEDULED | COMPLETED | MISSED | CANCELLED (default: COMPLETED when completedAt is given, MISSED when missedAt, CANCELLED when cancelledAt, else SCHEDULED); never back to an earlier state',
    },
    { name: 'dueAt', required: true, description: 'when the visit is due, ISO-8601 with offset' },
    {
      name: 'completedAt',
      required: false,
      description:
        'when the visit was made (COMPLETED only; not in the future, not before missedAt)',
    },
    {
      name: 'missedAt',
      required: false,
      description: 'when it was missed (MISSED, or COMPLETED for a late visit)',
    },
    { name: 'cancelledAt', required: false, description: 'when it was cancelled (CANCELLED only)' },
    { name: 'performedBy', required: false, description: 'who made the visit' },
    { name: 'outcome', required: false, description: 'what came of it' },
    {
      name: 'followsOrderExternalId',
      required: false,
      description: 'external id of the activation order of the same account it follows',
    },
    {
      name: 'followsOrderSourceSystem',
      required: false,
      description: `source system of that order (default ${DEFAULT_ORDER_SOURCE})`,
    },
    {
      name: 'followsTicketExternalId',
      required: false,
      description: 'external id of the fault ticket of the same account it follows',
    },
    {
      name: 'followsTicketSourceSystem',
      required: false,
      description: `source system of that ticket (default ${DEFAULT_TICKET_SOURCE})`,
    },
  ],
  importBatch: importFollowUps,
});
