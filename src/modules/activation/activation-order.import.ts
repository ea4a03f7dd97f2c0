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
import { leadTimeFor } from '../sla-policies/resolve-policy';
import type { PolicyResolver } from '../sla-policies/sla-policy.service';
import {
  activationOrderRow,
  planActivationOrder,
  type ActivationOrderImportRow,
} from './activation-order.import-rules';
import { ActivationOrderModel, type ActivationOrderDoc } from './activation-order.model';
import { MEASURED_ORDER_FIELDS } from './activation-order.service';
import { measureActivationOrder, type ActivationOrderState } from './activation-order.state';
import { ACTIVATION_STATUSES, DELAY_REASONS } from './activation-rules';

/** A valid row whose account the token may write on. */
type CheckedRow = Checked<ActivationOrderImportRow, ActivationOrderDoc>;

/** The policy values an order copies, with where they came from. */
type PolicySnapshot = Pick<
  ActivationOrderDoc,
  'leadTimeMinutes' | 'policyVersionIds' | 'policyReason'
>;

// An order keeps the lead time copied when it was placed; a new order time or product copies the
// values in force then again.
const keepsPolicy = ({ row, stored }: CheckedRow) =>
  stored !== undefined &&
  sameInstant(stored.orderedAt, row.orderedAt) &&
  stored.product === row.product;

function policySnapshot(checked: CheckedRow, policyFor: PolicyResolver | null): PolicySnapshot {
  if (keepsPolicy(checked)) {
    const { leadTimeMinutes, policyVersionIds, policyReason } = checked.stored!;
    return { leadTimeMinutes, policyVersionIds, policyReason };
  }
  const policy = policyFor!(checked.account, checked.row.orderedAt);
  return {
    leadTimeMinutes: leadTimeFor(policy, checked.row.product),
    policyVersionIds: policy.versions.map((version) => new Types.ObjectId(version.id)),
    policyReason: policy.reason,
  };
}

// History entries keep who recorded them first when they record the same thing.
function withStoredActors(state: ActivationOrderState, stored: ActivationOrderDoc | undefined) {
  return {
    promises: keepActorLogins(
      state.promises,
      stored?.promises,
      (a, b) => sameInstant(a.madeAt, b.madeAt) && sameInstant(a.promisedAt, b.promisedAt),
    ),
    statusHistory: keepActorLogins(
      state.statusHistory,
      stored?.statusHistory,
      (a, b) => a.status === b.status && sameInstant(a.at, b.at) && a.reason === b.reason,
    ),
    delays: keepActorLogins(
      state.delays,
      stored?.delays,
      (a, b) =>
        a.reason === b.reason && sameInstant(a.at, b.at) && sameInstant(a.notifiedAt, b.notifiedAt),
    ),
  };
}

/** One checked row planned as the whole order the mutations would have stored, or rejected. */
function planRow(
  context: ImportContext,
  checked: CheckedRow,
  policyFor: PolicyResolver | null,
): PlannedRow | ImportOutcome {
  const { index, row, account, stored } = checked;
  const policy = policySnapshotOrRejection('orderedAt', () => policySnapshot(checked, policyFor));
  if (!policy.ok) return policy.outcome;
  const { snapshot } = policy;
  const planned = planActivationOrder(row, {
    leadTimeMinutes: snapshot.leadTimeMinutes,
    actorLogin: context.actor.login,
  });
  if (!planned.ok) return rejected(planned.field, planned.reason);
  const { state } = planned;
  return {
    index,
    externalId: row.externalId,
    branchCode: account.branchCode,
    fields: {
      accountId: account._id,
      branchCode: account.branchCode,
      stage: 'ACTIVATION',
      journeyAt: row.orderedAt,
      product: row.product,
      requestedAt: row.requestedAt,
      promiseDerived: !row.promisedAt,
      orderedAt: state.orderedAt,
      status: state.status,
      ...withStoredActors(state, stored),
      dispatchConfirmedAt: state.dispatchConfirmedAt,
      acceptanceReportedAt: state.acceptanceReportedAt,
      acceptanceReportRef: state.acceptanceReportRef,
      leadTimeMinutes: snapshot.leadTimeMinutes,
      policyVersionIds: snapshot.policyVersionIds,
      policyReason: snapshot.policyReason,
      ...measureActivationOrder(state),
      ...insertOnly(context, stored),
    },
  };
}

/**
 * What a written order makes due, stored with it: the current stage of its account,
 * `activationCompleted` when newly (or differently) activated, and `measuredRecordWritten`.
 */
function consequencesOf(record: WrittenRecord): PendingConsequence[] {
  const { id, before, after } = record;
  const activated =
    after.activatedAt &&
    !sameInstant(before?.activatedAt as Date | null, after.activatedAt as Date);
  return [
    ...stageConsequences(record, 'ActivationOrder'),
    ...(activated
      ? [
          lifecycleConsequence('activationCompleted', {
            orderId: id,
            accountId: after.accountId as Types.ObjectId,
            branchCode: after.branchCode as string,
            activatedAt: after.activatedAt as Date,
          }),
        ]
      : []),
    ...measuredConsequences(record, MEASURED_ORDER_FIELDS),
  ];
}

/**
 * Imports activation orders: upsert by (sourceSystem, externalId) of the whole order a row
 * describes, under the rules of the order mutations. Per batch: one read each of the stored
 * orders, the accounts, and (for new order times or products) the policies and branches; one bulk
 * write storing each order's audit entry and consequences (see `consequencesOf`).
 */
function importActivationOrders(
  context: ImportContext,
  raw: Record<string, unknown>[],
): Promise<ImportOutcome[]> {
  return importPolicyBoundBatch({
    context,
    raw,
    schema: activationOrderRow,
    model: ActivationOrderModel,
    entityType: 'ActivationOrder',
    keepsPolicy,
    plan: (checked, policyFor) => planRow(context, checked, policyFor),
    consequencesOf,
  });
}

const time = (what: string) => `${what}, ISO-8601 with offset; not in the future`;

registerImportKind({
  kind: 'activation-orders',
  columns: [
    {
      name: 'externalId',
      required: true,
      description: 'order id in the source system (natural key with the source system)',
    },
    { name: 'accountExternalId', required: true, description: 'external id of the key account' },
    {
      name: 'accountSourceSystem',
      required: false,
      description: `source system of the account (default ${DEFAULT_ACCOUNT_SOURCE})`,
    },
    {
      name: 'product',
      required: true,
      description: 'product code, e.g. BROADBAND, DEDICATED_LINE',
    },
    { name: 'orderedAt', required: true, description: time('when the order was placed') },
    {
      name: 'requestedAt',
      required: false,
      description: 'activation time the customer asked for (not before orderedAt)',
    },
    {
      name: 'promisedAt',
      required: false,
      description:
        'the original promise, not before orderedAt (empty: orderedAt + the policy lead time of the product)',
    },
    {
      name: 'repromises',
      required: false,
      description:
        'later promises: promisedAt@madeAt;… (history; the original promise is measured)',
    },
    {
      name: 'status',
      required: true,
      description: `${ACTIVATION_STATUSES.join(' | ')}; must be where the times lead`,
    },
    {
      name: 'dispatchConfirmedAt',
      required: false,
      description: time('dispatch confirmed (SCHEDULED)'),
    },
    { name: 'workStartedAt', required: false, description: time('work started (IN_PROGRESS)') },
    {
      name: 'delayReason',
      required: false,
      description: `${DELAY_REASONS.join(' | ')} (with delayedAt)`,
    },
    { name: 'delayedAt', required: false, description: time('delay recorded (DELAYED)') },
    {
      name: 'delayNotifiedAt',
      required: false,
      description: time('when the customer was told of the delay (needs delayedAt)'),
    },
    { name: 'activatedAt', required: false, description: time('activation (ACTIVATED; last)') },
    { name: 'cancelledAt', required: false, description: time('cancellation (CANCELLED; last)') },
    {
      name: 'acceptanceReportedAt',
      required: false,
      description: time('acceptance report (after activatedAt)'),
    },
    { name: 'acceptanceReportRef', required: false, description: 'acceptance report reference' },
  ],
  importBatch: importActivationOrders,
});
