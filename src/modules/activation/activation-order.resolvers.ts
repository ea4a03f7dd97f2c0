import type { Resolvers } from '../../graphql/generated/resolvers-types';
import { actorScope } from '../access/scope';
import { requireActor } from '../auth/actor';
import { declareFieldReads } from '../../graphql/field-reads';
import { journeyEventFields, journeyEventReads } from '../journey/journey.resolvers';
import { loadPolicyVersions } from '../sla-policies/sla-policy.loaders';
import { promiseGapMinutes } from './activation-order.state';
import {
  activationFigures,
  activationOverdue,
  changeActivationOrder,
  createActivationOrder,
  findActivationOrder,
  listOpenActivationOrders,
  listOverdueActivationOrders,
} from './activation-order.service';

// What `activationFigures` reads (activation-order.state.ts, activationTimeFigures).
const FIGURES = ['status', 'delays', 'originalPromisedAt', 'latenessMinutes', 'delayNotifiedAt'];
declareFieldReads('ActivationOrder', {
  ...journeyEventReads,
  promiseGapMinutes: ['originalPromisedAt', 'requestedAt'],
  delayReason: ['delays'],
  delayNotified: FIGURES,
  overdue: ['status', 'originalPromisedAt'],
  policyVersions: ['policyVersionIds'],
});

export const activationOrderResolvers: Resolvers = {
  Query: {
    activationOrder: (_p, { id }, { actor }) =>
      findActivationOrder(actorScope(requireActor(actor)), id),
    openActivationOrders: (_p, { filter, ...args }, { actor }) =>
      listOpenActivationOrders({ actor, filter, args }),
    overdueActivationOrders: (_p, { branchCode, ...args }, { actor }) =>
      listOverdueActivationOrders({ actor, branchCode, args }),
  },
  Mutation: {
    createActivationOrder: (_p, { input }, { actor }) => createActivationOrder({ actor, input }),
    scheduleActivationOrder: (_p, { id, at }, { actor }) =>
      changeActivationOrder({ actor, id, event: { kind: 'SCHEDULE', at } }),
    startActivationWork: (_p, { id, at }, { actor }) =>
      changeActivationOrder({ actor, id, event: { kind: 'START_WORK', at } }),
    repromiseActivationOrder: (_p, { id, promisedAt, at }, { actor }) =>
      changeActivationOrder({ actor, id, event: { kind: 'REPROMISE', at, promisedAt } }),
    delayActivationOrder: (_p, { id, reason, at, notifiedAt }, { actor }) =>
      changeActivationOrder({ actor, id, event: { kind: 'DELAY', at, reason, notifiedAt } }),
    notifyActivationDelay: (_p, { id, at }, { actor }) =>
      changeActivationOrder({ actor, id, event: { kind: 'NOTIFY_DELAY', at } }),
    activateOrder: (_p, { id, at }, { actor }) =>
      changeActivationOrder({ actor, id, event: { kind: 'ACTIVATE', at } }),
    cancelActivationOrder: (_p, { id, at }, { actor }) =>
      changeActivationOrder({ actor, id, event: { kind: 'CANCEL', at } }),
    recordAcceptanceReport: (_p, { id, at, reference }, { actor }) =>
      changeActivationOrder({ actor, id, event: { kind: 'ACCEPTANCE_REPORT', at, reference } }),
  },
  KeyAccount: {
    activationOrders: (account, args, { loaders }) =>
      loaders.activationOrdersByAccount(args).load(account),
  },
  ActivationOrder: {
    ...journeyEventFields,
    promiseGapMinutes: (order) => promiseGapMinutes(order),
    delayReason: (order) => order.delays.at(-1)?.reason ?? null,
    delayNotified: (order) => activationFigures(order).delayNotified,
    overdue: (order) => activationOverdue(order),
    policyVersions: (order, _args, { loaders }) =>
      loadPolicyVersions(loaders.slaPoliciesById, order.policyVersionIds),
  },
  ActivationStatusChange: {
    delayReason: (entry) => entry.reason,
  },
  ActivationOrderConnection: {
    totalCount: (connection) => connection.totalCount?.() ?? null,
  },
};
