import { model, Schema, type Types } from 'mongoose';
import { keepRecordKeys } from '../record-keys/record-key.service';
import { openUnlessStatusIn, registerJourneySource } from '../journey/journey-registry';
import { journeyRecordSchema } from '../journey/journey-record.fields';
import { SEVERITIES } from '../sla-policies/resolve-policy';
import { FAULT_STATUSES, type FaultStatus } from './fault-lifecycle';
import {
  PAUSE_REASONS,
  type FaultTicketState,
  type StoredFaultMeasures,
} from './fault-ticket.state';

/** How a fault reached the operator. */
export const REPORT_CHANNELS = [
  'NOC',
  'HOTLINE',
  'ACCOUNT_MANAGER',
  'MAINTENANCE_CONTRACTOR',
  'SELF_SERVICE',
] as const;

/** A report channel. */
export type ReportChannel = (typeof REPORT_CHANNELS)[number];

const statusEntrySchema = new Schema(
  {
    status: { type: String, enum: FAULT_STATUSES, required: true },
    at: { type: Date, required: true },
    actorLogin: { type: String, required: true },
    reason: { type: String, enum: [...PAUSE_REASONS, null], default: null },
  },
  { _id: false },
);
const pauseSchema = new Schema(
  {
    from: { type: Date, required: true },
    to: { type: Date, required: true },
    reason: { type: String, enum: PAUSE_REASONS, required: true },
    actorLogin: { type: String, required: true },
  },
  { _id: false },
);
const severityEntrySchema = new Schema(
  {
    severity: { type: String, enum: SEVERITIES, required: true },
    at: { type: Date, required: true },
    actorLogin: { type: String, required: true },
  },
  { _id: false },
);

const faultTicketSchema = journeyRecordSchema({
  sourceSystem: { type: String, required: true },
  externalId: { type: String, required: true },
  /** Circuit or line id of the affected service. */
  serviceRef: { type: String, required: true },
  channel: { type: String, enum: REPORT_CHANNELS, required: true },
  interProvincial: { type: Boolean, required: true, default: false },
  reportedAt: { type: Date, required: true },
  severity: { type: String, enum: SEVERITIES, required: true },
  severityHistory: { type: [severityEntrySchema], default: [] },
  status: { type: String, enum: FAULT_STATUSES, required: true },
  statusHistory: { type: [statusEntrySchema], default: [] },
  recordedPauses: { type: [pauseSchema], default: [] },
  cause: { type: String, default: null },
  causeExplainedAt: { type: Date, default: null },
  // Copied from the policy in force at the report; later versions never change it.
  sla: {
    targets: {
      CRITICAL: { type: Number, required: true },
      MAJOR: { type: Number, required: true },
      MINOR: { type: Number, required: true },
    },
    acknowledgementTargetMinutes: { type: Number, required: true },
    clock: { type: Schema.Types.Mixed, required: true },
  },
  policyVersionIds: { type: [Schema.Types.ObjectId], default: [] },
  policyReason: { type: String, required: true },
  /** The earlier ticket this one repeats (re-derived when restorations change). */
  repeatOfTicketId: { type: Schema.Types.ObjectId, default: null },
  // Measured fields, denormalised on every write (see storedFaultMeasures).
  targetMinutes: { type: Number, required: true },
  repairDurationMinutes: { type: Number, default: null },
  withinSla: { type: Boolean, default: null },
  acknowledgedAt: { type: Date, default: null },
  acknowledgementMinutes: { type: Number, default: null },
  firstRestoredAt: { type: Date, default: null },
  finalRestoredAt: { type: Date, default: null },
  closedAt: { type: Date, default: null },
  reopenCount: { type: Number, required: true, default: 0 },
  measuredAt: { type: Date, default: null },
});
faultTicketSchema.index({ sourceSystem: 1, externalId: 1 }, { unique: true });
faultTicketSchema.index({ branchCode: 1, status: 1 });
faultTicketSchema.index({ branchCode: 1, measuredAt: 1 });
faultTicketSchema.index({ accountId: 1, serviceRef: 1, reportedAt: 1 });
// With the one above, serves both halves of the repeat re-derivation of a batch (imports).
faultTicketSchema.index({ accountId: 1, serviceRef: 1, finalRestoredAt: 1 });

/** A stored fault ticket. */
export type FaultTicketDoc = FaultTicketState &
  StoredFaultMeasures & {
    _id: Types.ObjectId;
    accountId: Types.ObjectId;
    branchCode: string;
    journeyAt: Date;
    recordedBy: string | null;
    sourceSystem: string;
    externalId: string;
    serviceRef: string;
    channel: ReportChannel;
    interProvincial: boolean;
    policyVersionIds: Types.ObjectId[];
    policyReason: string;
    repeatOfTicketId: Types.ObjectId | null;
    revision: number;
    createdAt: Date;
    updatedAt: Date;
  };

/** Statuses in which the service is restored (the ticket no longer counts as open). */
export const RESTORED_FAULT_STATUSES: FaultStatus[] = ['RESTORED', 'CLOSED'];

export const FaultTicketModel = model('FaultTicket', faultTicketSchema);
// Created only by insertOnce and imports, which keep their natural keys.
keepRecordKeys(FaultTicketModel);

registerJourneySource({
  typename: 'FaultTicket',
  model: FaultTicketModel,
  stages: ['FAULT_REPORTING', 'REPAIR'],
  ...openUnlessStatusIn(RESTORED_FAULT_STATUSES),
  movesStage: true,
  listedBy: 'reportedAt',
  // What the account screen shows of a ticket: a settled one's SLA state is its stored measures.
  shown: ['severity', 'status', 'repairDurationMinutes', 'targetMinutes'],
});
