import { Types } from 'mongoose';
import {
  listedPages,
  type AccountRecordReader,
  type ListedAccount,
} from '../journey/account-records.loaders';
import { pageInMemory, readMemoryCursor } from '../../db/in-memory-pagination';
import { findConnectionsByKey, type Connection, type PageArgs } from '../../db/keyset-pagination';
import { validate } from '../../shared/validate';
import { actorScope, canReadBranch, systemScope, type Scope } from '../access/scope';
import type { KeyAccountDoc } from '../accounts/account.model';
import { requireWritableAccount } from '../accounts/account.service';
import { requireActor, type Actor } from '../auth/actor';
import { diffFields } from '../audit/audit-diff';
import { auditConsequence } from '../audit/audit.service';
import type { PendingConsequence } from '../consequences/consequence-kinds';
import { lifecycleConsequence } from '../journey/lifecycle-hooks';
import { measuredChangeConsequences } from '../journey/measured-record';
import { applyRecordEvent } from '../journey/record-event';
import { insertOnce, OWN_SOURCE_SYSTEM } from '../journey/revisioned-write';
import { stageConsequence } from '../journey/stage.service';
import { openWorkList } from '../open-work/open-work-lists';
import { leadTimeFor } from '../sla-policies/resolve-policy';
import { effectivePolicyForAccount } from '../sla-policies/sla-policy.service';
import {
  activationEventInput,
  createActivationOrderInput,
  openActivationOrderFilter,
  type CreateActivationOrderInput,
} from './activation-order.inputs';
import { ActivationOrderModel, type ActivationOrderDoc } from './activation-order.model';
import {
  activationTimeFigures,
  applyActivationEvent,
  measureActivationOrder,
  type ActivationEvent,
  type ActivationOrderState,
} from './activation-order.state';
import { derivePromisedAt, isOverdue } from './activation-rules';

/** Fields that decide the scorecard figures of an order (imports announce changes to them too). */
export const MEASURED_ORDER_FIELDS = [
  'status',
  'originalPromisedAt',
  'activatedAt',
  'onTime',
  'latenessMinutes',
  'delayNotifiedAt',
  'measuredAt',
] as const;

const ACTION_NAMES: Record<ActivationEvent['kind'], string> = {
  SCHEDULE: 'scheduleActivationOrder',
  START_WORK: 'startActivationWork',
  DELAY: 'delayActivationOrder',
  REPROMISE: 'repromiseActivationOrder',
  NOTIFY_DELAY: 'notifyActivationDelay',
  ACTIVATE: 'activateOrder',
  CANCEL: 'cancelActivationOrder',
  ACCEPTANCE_REPORT: 'recordAcceptanceReport',
};

/** One order within the scope, or null (unknown and out-of-scope ids look the same). */
export async function findActivationOrder(
  scope: Scope,
  id: string,
): Promise<ActivationOrderDoc | null> {
  if (!Types.ObjectId.isValid(id)) return null;
  return ActivationOrderModel.findOne({ _id: id }, null, { scope }).lean<ActivationOrderDoc>();
}

function withMeasures<T extends ActivationOrderState>(state: T) {
  return { ...state, ...measureActivationOrder(state) };
}

// Consequences of every write, stored with it and applied in this order: audit, current stage,
// lifecycle events.
function consequencesOf(
  actor: Actor,
  action: string,
  before: ActivationOrderDoc | null,
  after: ActivationOrderDoc,
  options: { refreshStage?: boolean } = {},
): PendingConsequence[] {
  const audit = auditConsequence({
    actor,
    action,
    entityType: 'ActivationOrder',
    entityId: String(after._id),
    branchCode: after.branchCode,
    changes: diffFields(before, after),
  });
  const activated = after.activatedAt && !before?.activatedAt;
  return [
    audit,
    ...(options.refreshStage !== false
      ? [stageConsequence(after.accountId, 'ActivationOrder')]
      : []),
    ...(activated
      ? [
          lifecycleConsequence('activationCompleted', {
            orderId: after._id,
            accountId: after.accountId,
            branchCode: after.branchCode,
            activatedAt: after.activatedAt!,
          }),
        ]
      : []),
    ...measuredChangeConsequences({
      branchCode: after.branchCode,
      before,
      after,
      fields: MEASURED_ORDER_FIELDS,
    }),
  ];
}

/** Whether an existing order is the one this creation describes (a replayed creation). */
function isSameCreation(order: ActivationOrderDoc, input: CreateActivationOrderInput): boolean {
  const time = (date: Date | null | undefined) => date?.getTime() ?? null;
  return (
    order.accountId.toHexString() === input.accountId.toLowerCase() &&
    order.product === input.product &&
    time(order.orderedAt) === time(input.orderedAt) &&
    time(order.requestedAt) === time(input.requestedAt) &&
    (!input.promisedAt || time(order.promises[0]?.promisedAt) === time(input.promisedAt))
  );
}

async function newOrder(
  actor: Actor,
  account: KeyAccountDoc,
  input: CreateActivationOrderInput,
  sourceSystem: string,
): Promise<ActivationOrderDoc> {
  // The policy in force at the order time is copied: later versions never change this order.
  const policy = await effectivePolicyForAccount(account, input.orderedAt);
  const leadTimeMinutes = leadTimeFor(policy, input.product);
  const _id = new Types.ObjectId();
  const state: ActivationOrderState = {
    status: 'RECEIVED',
    orderedAt: input.orderedAt,
    promises: [
      {
        madeAt: input.orderedAt,
        promisedAt: input.promisedAt ?? derivePromisedAt(input.orderedAt, leadTimeMinutes),
        actorLogin: actor.login,
      },
    ],
    statusHistory: [
      { status: 'RECEIVED', at: input.orderedAt, actorLogin: actor.login, reason: null },
    ],
    delays: [],
    dispatchConfirmedAt: null,
    acceptanceReportedAt: null,
    acceptanceReportRef: null,
    leadTimeMinutes,
  };
  const now = new Date();
  return {
    _id,
    accountId: account._id,
    branchCode: account.branchCode,
    stage: 'ACTIVATION',
    journeyAt: input.orderedAt,
    recordedBy: actor.login,
    sourceSystem,
    externalId: input.externalId ?? _id.toHexString(),
    product: input.product,
    requestedAt: input.requestedAt ?? null,
    promiseDerived: !input.promisedAt,
    policyVersionIds: policy.versions.map((version) => new Types.ObjectId(version.id)),
    policyReason: policy.reason,
    revision: 0,
    createdAt: now,
    updatedAt: now,
    ...withMeasures(state),
  };
}

/**
 * Creates an order and applies its later events in memory under the same rules as the one-by-one
 * mutations, then writes it once (for the demo and imports). A replayed creation (same
 * sourceSystem + externalId and the same facts) returns the stored order unchanged, without side
 * effects; different facts are a CONFLICT.
 */
export async function recordActivationOrder(options: {
  actor: Actor | null;
  input: unknown;
  events?: readonly unknown[];
  /** Bulk callers (demo, imports) pass false and refresh each account's stage once at the end. */
  refreshStage?: boolean;
}): Promise<ActivationOrderDoc> {
  const actor = requireActor(options.actor);
  const input = validate(createActivationOrderInput, options.input);
  const events = (options.events ?? []).map((event, index) =>
    validate(activationEventInput, event, `events.${index}`),
  );
  const account = await requireWritableAccount(actor, input.accountId);
  const sourceSystem = input.sourceSystem ?? OWN_SOURCE_SYSTEM;
  const { record } = await insertOnce<ActivationOrderDoc>({
    model: ActivationOrderModel,
    // The key is unique province-wide, so a replay is looked up across branches.
    scope: systemScope('activation-replay'),
    what: 'activation order',
    key: { sourceSystem, externalId: input.externalId ?? null },
    isSame: (stored) => isSameCreation(stored, input),
    visible: (stored) => canReadBranch(actorScope(actor), stored.branchCode),
    build: async () => {
      let order = await newOrder(actor, account, input, sourceSystem);
      for (const event of events) {
        const next = applyActivationEvent(order, event, actor.login);
        if (next) order = withMeasures(next);
      }
      return order;
    },
    consequences: (order) =>
      consequencesOf(actor, 'createActivationOrder', null, order, {
        refreshStage: options.refreshStage,
      }),
  });
  return record;
}

/** `Mutation.createActivationOrder`. */
export function createActivationOrder(options: { actor: Actor | null; input: unknown }) {
  return recordActivationOrder(options);
}

/**
 * Applies one event to an order: NOT_FOUND when the caller cannot see it, FORBIDDEN when they may
 * not change its account, ILLEGAL_TRANSITION / BAD_USER_INPUT from the rules. A replay returns the
 * order unchanged without side effects.
 */
export async function changeActivationOrder(options: {
  actor: Actor | null;
  id: string;
  event: unknown;
}): Promise<ActivationOrderDoc> {
  const actor = requireActor(options.actor);
  const event = validate(activationEventInput, options.event, '');
  const { after } = await applyRecordEvent<ActivationOrderDoc>({
    actor,
    id: options.id,
    model: ActivationOrderModel,
    what: 'activation order',
    find: findActivationOrder,
    decide: (order) => {
      const next = applyActivationEvent(order, event, actor.login);
      if (!next) return null;
      return {
        status: next.status,
        promises: next.promises,
        statusHistory: next.statusHistory,
        delays: next.delays,
        dispatchConfirmedAt: next.dispatchConfirmedAt,
        acceptanceReportedAt: next.acceptanceReportedAt,
        acceptanceReportRef: next.acceptanceReportRef,
        ...measureActivationOrder(next),
      };
    },
    consequences: (order, changedOrder) =>
      consequencesOf(actor, ACTION_NAMES[event.kind], order, changedOrder),
  });
  return after;
}

/** Read-time figures of an order, computed once per order object (one `now` per request). */
const figuresCache = new WeakMap<object, ReturnType<typeof activationTimeFigures>>();

/** `overdue` and `delayNotified` of an order as of `now` (cached on the order object). */
export function activationFigures(order: ActivationOrderDoc, now = new Date()) {
  let figures = figuresCache.get(order);
  if (!figures) {
    figures = activationTimeFigures(order, now);
    figuresCache.set(order, figures);
  }
  return figures;
}

/**
 * `overdue` of an order from its status and original promise alone (a row of the account's list
 * holds no more): as of the `now` its figures were computed at when they were (a list of open
 * orders filters on them), else as of now.
 */
export function activationOverdue(
  order: Pick<ActivationOrderDoc, 'status' | 'originalPromisedAt'>,
  now = new Date(),
): boolean {
  return (
    figuresCache.get(order)?.overdue ??
    isOverdue({ status: order.status, originalPromisedAt: order.originalPromisedAt, now })
  );
}

// Open orders are few per branch, so `overdue` (which depends on now) is filtered here and the
// list paged in memory with a keyset cursor that also fixes `now` for the following pages.
function pageOpenOrders(
  orders: ActivationOrderDoc[],
  args: PageArgs,
  now: Date,
  keep: (order: ActivationOrderDoc) => boolean,
) {
  const cursor = readMemoryCursor(args.after, now);
  const kept = orders.filter((order) => {
    activationFigures(order, cursor.now);
    return keep(order);
  });
  return pageInMemory(kept, {
    cursor,
    first: args.first,
    key: (order) => order.originalPromisedAt.getTime(),
    id: (order) => order._id.toHexString(),
  });
}

/** `Query.openActivationOrders`: open orders in scope, earliest original promise first. */
export async function listOpenActivationOrders(options: {
  actor: Actor | null;
  filter: unknown;
  args: PageArgs;
}): Promise<Connection<ActivationOrderDoc>> {
  const actor = requireActor(options.actor);
  const scope = actorScope(actor);
  const filter = validate(openActivationOrderFilter, options.filter, 'filter');
  const orders = await openWorkList<ActivationOrderDoc>('ActivationOrder', scope, filter ?? {});
  const overdue = filter?.overdue;
  return pageOpenOrders(orders, options.args, new Date(), (order) =>
    overdue == null ? true : activationFigures(order).overdue === overdue,
  );
}

/** `Query.overdueActivationOrders`: a branch's overdue orders, most overdue first. */
export async function listOverdueActivationOrders(options: {
  actor: Actor | null;
  branchCode: string;
  args: PageArgs;
}): Promise<Connection<ActivationOrderDoc>> {
  const actor = requireActor(options.actor);
  const orders = await openWorkList<ActivationOrderDoc>('ActivationOrder', actorScope(actor), {
    branchCode: options.branchCode,
  });
  return pageOpenOrders(
    orders,
    options.args,
    new Date(),
    (order) => activationFigures(order).overdue,
  );
}

/** Orders of many accounts, newest first, one aggregation (for `KeyAccount.activationOrders`). */
export function activationOrdersOfAccounts(
  scope: Scope,
  accounts: readonly ListedAccount[],
  args: Pick<PageArgs, 'first' | 'after'>,
  reader?: AccountRecordReader,
): Promise<Map<string, Connection<ActivationOrderDoc>>> {
  // Pages from the accounts' listed records (by `_id`); without a reader, by account id.
  if (reader) {
    return listedPages<ActivationOrderDoc>(reader, 'ActivationOrder', accounts, {
      first: args.first,
      after: args.after,
      sortField: 'orderedAt',
    });
  }
  return findConnectionsByKey<ActivationOrderDoc>(ActivationOrderModel, {
    scope,
    keyField: 'accountId',
    keys: accounts.map((account) => account._id),
    filter: {},
    sort: [{ field: 'orderedAt', direction: -1 }],
    args,
  });
}
