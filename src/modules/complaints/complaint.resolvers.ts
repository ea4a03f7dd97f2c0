import type { Resolvers } from '../../graphql/generated/resolvers-types';
import { actorScope } from '../access/scope';
import { requireActor } from '../auth/actor';
import { declareFieldReads } from '../../graphql/field-reads';
import { journeyEventFields, journeyEventReads } from '../journey/journey.resolvers';
import { clockView } from '../sla-policies/sla-clock-view';
import { loadPolicyVersions } from '../sla-policies/sla-policy.loaders';
import { complaintMeasures, listOpenComplaints } from './complaint-lists.service';
import { changeComplaint, findComplaint, openComplaint } from './complaint.service';

const idOrNull = (id: unknown) => (id ? String(id) : null);
const FIRST_CONTACT = { MET: true, MISSED: false, PENDING: null } as const;

// The measured fields and repeats are not declared: asking for them reads whole complaints.
declareFieldReads('Complaint', {
  ...journeyEventReads,
  aboutOrderId: ['aboutOrderId'],
  aboutTicketId: ['aboutTicketId'],
  firstContactTargetMinutes: ['sla'],
  resolutionTargetMinutes: ['sla'],
  reopenedAt: ['lastReopenedAt'],
  clock: ['sla'],
  policyVersions: ['policyVersionIds'],
});

export const complaintResolvers: Resolvers = {
  Query: {
    complaint: (_p, { id }, { actor }) => findComplaint(actorScope(requireActor(actor)), id),
    openComplaints: (_p, { filter, ...args }, { actor }) =>
      listOpenComplaints({ actor, filter, args }),
  },
  Mutation: {
    openComplaint: (_p, { input }, { actor }) => openComplaint({ actor, input }),
    contactComplaint: (_p, { id, at }, { actor }) =>
      changeComplaint({ actor, id, event: { kind: 'CONTACT', at } }),
    resolveComplaint: (_p, { id, at, outcome, compensation }, { actor }) =>
      changeComplaint({ actor, id, event: { kind: 'RESOLVE', at, outcome, compensation } }),
    confirmComplaint: (_p, { id, at }, { actor }) =>
      changeComplaint({ actor, id, event: { kind: 'CONFIRM', at } }),
    reopenComplaint: (_p, { id, at }, { actor }) =>
      changeComplaint({ actor, id, event: { kind: 'REOPEN', at } }),
  },
  KeyAccount: {
    complaints: (account, args, { loaders }) =>
      loaders.complaintsByAccount(args).load(String(account._id)),
  },
  Complaint: {
    ...journeyEventFields,
    aboutOrderId: (complaint) => idOrNull(complaint.aboutOrderId),
    aboutTicketId: (complaint) => idOrNull(complaint.aboutTicketId),
    firstContactTargetMinutes: (complaint) => complaint.sla.firstContactMinutes,
    firstContactWithinTarget: (complaint) =>
      FIRST_CONTACT[complaintMeasures(complaint).firstContact],
    reopenedAt: (complaint) => complaint.lastReopenedAt,
    resolutionTargetMinutes: (complaint) => complaint.sla.resolutionMinutes,
    nextStep: (complaint) => complaintMeasures(complaint).nextStep,
    minutesLeft: (complaint) => complaintMeasures(complaint).minutesLeft,
    slaState: (complaint) => complaintMeasures(complaint).slaState,
    isRepeat: async (complaint, _args, { loaders }) =>
      (await loaders.repeatedComplaints.load(complaint)) !== null,
    repeatOf: (complaint, _args, { loaders }) => loaders.repeatedComplaints.load(complaint),
    clock: (complaint) => clockView(complaint.sla.clock),
    policyVersions: (complaint, _args, { loaders }) =>
      loadPolicyVersions(loaders.slaPoliciesById, complaint.policyVersionIds),
  },
  ComplaintConnection: {
    totalCount: (connection) => connection.totalCount?.() ?? null,
  },
};
