import { model, Schema, type Types } from 'mongoose';
import { keepRecordKeys } from '../record-keys/record-key.service';
import { openWhileStatusIn, registerJourneySource } from '../journey/journey-registry';
import { journeyRecordSchema, type JourneyRecordRow } from '../journey/journey-record.fields';
import {
  FOLLOW_UP_CHANNELS,
  FOLLOW_UP_PURPOSES,
  type FollowUpChannel,
  type FollowUpPurpose,
} from './follow-up-kinds';
import { FOLLOW_UP_STATUSES, type FollowUpStatus } from './follow-up-lifecycle';

const optional = (type: unknown) => ({ type, default: null });

const followUpSchema = journeyRecordSchema({
  /** With `externalId` the natural key: cadence follow-ups use `CADENCE` + a derived key. */
  sourceSystem: { type: String, required: true },
  externalId: { type: String, required: true },
  purpose: { type: String, enum: FOLLOW_UP_PURPOSES, required: true },
  channel: { type: String, enum: FOLLOW_UP_CHANNELS, required: true },
  status: { type: String, enum: FOLLOW_UP_STATUSES, required: true, default: 'SCHEDULED' },
  dueAt: { type: Date, required: true },
  completedAt: optional(Date),
  missedAt: optional(Date),
  cancelledAt: optional(Date),
  /** Who made the visit (free text; defaults to the login recording the completion). */
  performedBy: optional(String),
  completedBy: optional(String),
  outcome: optional(String),
  issuesRaised: { type: [String], default: [] },
  raisedConsultationId: optional(Schema.Types.ObjectId),
  followsOrderId: optional(Schema.Types.ObjectId),
  followsTicketId: optional(Schema.Types.ObjectId),
  followsComplaintId: optional(Schema.Types.ObjectId),
});
followUpSchema.index({ sourceSystem: 1, externalId: 1 }, { unique: true });
followUpSchema.index({ branchCode: 1, status: 1, dueAt: 1 });
followUpSchema.index({ branchCode: 1, completedAt: 1 });
followUpSchema.index({ accountId: 1, dueAt: -1, _id: -1 });

/** A stored follow-up visit. `journeyAt` is its completion time, else its due time. */
export type FollowUpRow = JourneyRecordRow & {
  sourceSystem: string;
  externalId: string;
  purpose: FollowUpPurpose;
  channel: FollowUpChannel;
  status: FollowUpStatus;
  dueAt: Date;
  completedAt: Date | null;
  missedAt: Date | null;
  cancelledAt: Date | null;
  performedBy: string | null;
  completedBy: string | null;
  outcome: string | null;
  issuesRaised: string[];
  raisedConsultationId: Types.ObjectId | null;
  followsOrderId: Types.ObjectId | null;
  followsTicketId: Types.ObjectId | null;
  /** Absent on follow-ups stored before complaints existed. */
  followsComplaintId?: Types.ObjectId | null;
  recordedBy: string | null;
  revision: number;
};

export const FollowUpModel = model('FollowUp', followUpSchema);

// Created only by scheduleFollowUp, the cadence and imports, which keep their natural keys (keyed after the first
// collections, so a database that had those keys gets these from a second backfill).
keepRecordKeys(FollowUpModel, 'recordKeys:2');

registerJourneySource({
  typename: 'FollowUp',
  model: FollowUpModel,
  stages: ['FOLLOW_UP'],
  // Visits still to be made are the branch's open work (followUpsDue).
  ...openWhileStatusIn(['SCHEDULED']),
  movesStage: false,
});
