import type { Resolvers } from '../../graphql/generated/resolvers-types';
import { actorScope } from '../access/scope';
import { requireActor } from '../auth/actor';
import { declareFieldReads } from '../../graphql/field-reads';
import { journeyEventFields, journeyEventReads } from '../journey/journey.resolvers';
import { clockView } from '../sla-policies/sla-clock-view';
import { loadPolicyVersions } from '../sla-policies/sla-policy.loaders';
import { listPauses, settledSlaFigures } from './fault-ticket.state';
import {
  changeFaultTicket,
  faultMeasures,
  findFaultTicket,
  listAtRiskFaultTickets,
  listOpenFaultTickets,
  openFaultTicket,
  slaFigures,
} from './fault-ticket.service';

// What the measured fields are computed from: the ticket's state (fault-ticket.state.ts).
const STATE = [
  'status',
  'reportedAt',
  'severity',
  'severityHistory',
  'statusHistory',
  'recordedPauses',
  'cause',
  'causeExplainedAt',
  'sla',
];
// What a settled ticket's SLA state and minutes left are read from (settledSlaFigures).
const SETTLED = ['status', 'repairDurationMinutes', 'targetMinutes'];
// One check for both fields (field-reads runs each distinct check once per record).
const SLA_FIGURES_READS = {
  reads: SETTLED,
  more: STATE,
  needsMore: (row: Record<string, unknown>) => settledSlaFigures(row) === null,
};
declareFieldReads('FaultTicket', {
  ...journeyEventReads,
  causeExplained: ['causeExplainedAt'],
  restoredAt: ['finalRestoredAt'],
  ...Object.fromEntries(
    [
      'outages',
      'elapsedMinutes',
      'repairDurationMinutes',
      'targetMinutes',
      'withinSla',
      'acknowledgementMinutes',
      'acknowledgedWithinTarget',
    ].map((field) => [field, STATE]),
  ),
  // A settled ticket's from its stored measures; an open one's (read again) from its state.
  ...Object.fromEntries(['minutesLeft', 'slaState'].map((field) => [field, SLA_FIGURES_READS])),
  pauses: ['statusHistory', 'recordedPauses'],
  acknowledgementTargetMinutes: ['sla'],
  isRepeat: ['repeatOfTicketId'],
  repeatOf: ['repeatOfTicketId'],
  clock: ['sla'],
  policyVersions: ['policyVersionIds'],
});

export const faultTicketResolvers: Resolvers = {
  Query: {
    faultTicket: (_p, { id }, { actor }) => findFaultTicket(actorScope(requireActor(actor)), id),
    openFaultTickets: (_p, { filter, ...args }, { actor }) =>
      listOpenFaultTickets({ actor, filter, args }),
    atRiskFaultTickets: (_p, { branchCode, ...args }, { actor }) =>
      listAtRiskFaultTickets({ actor, branchCode, args }),
  },
  Mutation: {
    openFaultTicket: (_p, { input }, { actor }) => openFaultTicket({ actor, input }),
    acknowledgeFaultTicket: (_p, { id, at }, { actor }) =>
      changeFaultTicket({ actor, id, event: { kind: 'ACKNOWLEDGE', at } }),
    startFaultWork: (_p, { id, at }, { actor }) =>
      changeFaultTicket({ actor, id, event: { kind: 'START_WORK', at } }),
    pauseFaultTicket: (_p, { id, at, reason }, { actor }) =>
      changeFaultTicket({ actor, id, event: { kind: 'PAUSE', at, reason } }),
    resumeFaultTicket: (_p, { id, at }, { actor }) =>
      changeFaultTicket({ actor, id, event: { kind: 'RESUME', at } }),
    recordFaultPause: (_p, { id, from, to, reason }, { actor }) =>
      changeFaultTicket({ actor, id, event: { kind: 'RECORD_PAUSE', from, to, reason } }),
    restoreFaultTicket: (_p, { id, at }, { actor }) =>
      changeFaultTicket({ actor, id, event: { kind: 'RESTORE', at } }),
    closeFaultTicket: (_p, { id, at }, { actor }) =>
      changeFaultTicket({ actor, id, event: { kind: 'CLOSE', at } }),
    reopenFaultTicket: (_p, { id, at }, { actor }) =>
      changeFaultTicket({ actor, id, event: { kind: 'REOPEN', at } }),
    changeFaultSeverity: (_p, { id, severity, at }, { actor }) =>
      changeFaultTicket({ actor, id, event: { kind: 'CHANGE_SEVERITY', at, severity } }),
    recordFaultCause: (_p, { id, cause, explainedAt }, { actor }) =>
      changeFaultTicket({ actor, id, event: { kind: 'RECORD_CAUSE', cause, explainedAt } }),
  },
  KeyAccount: {
    faultTickets: (account, args, { loaders }) => loaders.faultTicketsByAccount(args).load(account),
  },
  FaultTicket: {
    ...journeyEventFields,
    causeExplained: (ticket) => ticket.causeExplainedAt != null,
    restoredAt: (ticket) => ticket.finalRestoredAt,
    outages: (ticket) => faultMeasures(ticket).outages,
    pauses: (ticket) => listPauses(ticket),
    elapsedMinutes: (ticket) => faultMeasures(ticket).elapsedMinutes,
    repairDurationMinutes: (ticket) => faultMeasures(ticket).repairDurationMinutes,
    targetMinutes: (ticket) => faultMeasures(ticket).targetMinutes,
    minutesLeft: (ticket) => slaFigures(ticket).minutesLeft,
    withinSla: (ticket) => faultMeasures(ticket).withinSla,
    slaState: (ticket) => slaFigures(ticket).slaState,
    acknowledgementMinutes: (ticket) => faultMeasures(ticket).acknowledgementMinutes,
    acknowledgementTargetMinutes: (ticket) => ticket.sla.acknowledgementTargetMinutes,
    acknowledgedWithinTarget: (ticket) => faultMeasures(ticket).acknowledgedWithinTarget,
    isRepeat: (ticket) => ticket.repeatOfTicketId != null,
    repeatOf: (ticket, _args, { loaders }) =>
      ticket.repeatOfTicketId
        ? loaders.faultTicketsById.load(String(ticket.repeatOfTicketId))
        : null,
    clock: (ticket) => clockView(ticket.sla.clock),
    policyVersions: (ticket, _args, { loaders }) =>
      loadPolicyVersions(loaders.slaPoliciesById, ticket.policyVersionIds),
  },
  FaultStatusChange: {
    pauseReason: (entry) => entry.reason,
  },
  FaultTicketConnection: {
    totalCount: (connection) => connection.totalCount?.() ?? null,
  },
};
