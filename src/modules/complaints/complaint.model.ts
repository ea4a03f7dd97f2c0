import { model, Schema, type Types } from 'mongoose';
import { openWhileStatusIn, registerJourneySource } from '../journey/journey-registry';
import { journeyRecordSchema } from '../journey/journey-record.fields';
import type { JourneyStage } from '../journey/journey-stage';
import { COMPLAINT_STATUSES } from './complaint-rules';
import {
  COMPLAINT_OUTCOMES,
  OPEN_COMPLAINT_STATUSES,
  type ComplaintState,
  type StoredComplaintMeasures,
} from './complaint.state';

/** What a complaint is about (measurement rules "Complaints"). */
export const COMPLAINT_CATEGORIES = [
  'SERVICE_ATTITUDE',
  'BILLING',
  'NETWORK_QUALITY',
  'ACTIVATION_DELAY',
  'REPAIR',
  'OTHER',
] as const;

/** A complaint category. */
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number];

/** Stages a complaint can be in: that of the order or ticket it is about, else CONSULTING. */
export const COMPLAINT_STAGES: JourneyStage[] = [
  'CONSULTING',
  'ACTIVATION',
  'FAULT_REPORTING',
  'REPAIR',
];

const statusEntrySchema = new Schema(
  {
    status: { type: String, enum: COMPLAINT_STATUSES, required: true },
    at: { type: Date, required: true },
    actorLogin: { type: String, required: true },
    outcome: { type: String, enum: [...COMPLAINT_OUTCOMES, null], default: null },
  },
  { _id: false },
);

const complaintSchema = journeyRecordSchema({
  sourceSystem: { type: String, required: true },
  externalId: { type: String, required: true },
  /** How it reached the operator (a code such as HOTLINE, ACCOUNT_MANAGER, LETTER). */
  channel: { type: String, required: true },
  category: { type: String, enum: COMPLAINT_CATEGORIES, required: true },
  description: { type: String, default: null },
  aboutOrderId: { type: Schema.Types.ObjectId, default: null },
  aboutTicketId: { type: Schema.Types.ObjectId, default: null },
  receivedAt: { type: Date, required: true },
  status: { type: String, enum: COMPLAINT_STATUSES, required: true },
  statusHistory: { type: [statusEntrySchema], default: [] },
  outcome: { type: String, enum: [...COMPLAINT_OUTCOMES, null], default: null },
  compensation: {
    type: new Schema(
      { amount: { type: Number, required: true }, currency: { type: String, required: true } },
      { _id: false },
    ),
    default: null,
  },
  // Copied from the policy in force at receipt; later versions never change it.
  sla: {
    firstContactMinutes: { type: Number, required: true },
    resolutionMinutes: { type: Number, required: true },
    clock: { type: Schema.Types.Mixed, required: true },
  },
  policyVersionIds: { type: [Schema.Types.ObjectId], default: [] },
  policyReason: { type: String, required: true },
  // Measured fields, denormalised on every write (see storedComplaintMeasures).
  firstContactedAt: { type: Date, default: null },
  firstContactMinutes: { type: Number, default: null },
  firstContactWithinTarget: { type: Boolean, default: null },
  resolvedAt: { type: Date, default: null },
  resolutionMinutes: { type: Number, default: null },
  resolvedWithinTarget: { type: Boolean, default: null },
  confirmedAt: { type: Date, default: null },
  reopenCount: { type: Number, required: true, default: 0 },
  lastReopenedAt: { type: Date, default: null },
  measuredAt: { type: Date, default: null },
});
complaintSchema.index({ sourceSystem: 1, externalId: 1 }, { unique: true });
complaintSchema.index({ branchCode: 1, status: 1 });
complaintSchema.index({ branchCode: 1, receivedAt: 1 });
complaintSchema.index({ branchCode: 1, measuredAt: 1 });
// Serves the repeat rule: earlier complaints of the account and category by resolution.
complaintSchema.index({ accountId: 1, category: 1, resolvedAt: 1 });

/** A stored complaint. */
export type ComplaintDoc = ComplaintState &
  StoredComplaintMeasures & {
    _id: Types.ObjectId;
    accountId: Types.ObjectId;
    branchCode: string;
    stage: JourneyStage;
    journeyAt: Date;
    recordedBy: string | null;
    sourceSystem: string;
    externalId: string;
    channel: string;
    category: ComplaintCategory;
    description: string | null;
    aboutOrderId: Types.ObjectId | null;
    aboutTicketId: Types.ObjectId | null;
    policyVersionIds: Types.ObjectId[];
    policyReason: string;
    revision: number;
    createdAt: Date;
    updatedAt: Date;
  };

export const ComplaintModel = model('Complaint', complaintSchema);

registerJourneySource({
  typename: 'Complaint',
  model: ComplaintModel,
  stages: COMPLAINT_STAGES,
  ...openWhileStatusIn(OPEN_COMPLAINT_STATUSES),
  // A complaint looks back at the stage of what it is about, as follow-ups and surveys do.
  movesStage: false,
});
