import { model, Schema, type Types } from 'mongoose';
import { keepRecordKeys } from '../record-keys/record-key.service';
import { openUnlessStatusIn, registerJourneySource } from '../journey/journey-registry';
import { journeyRecordSchema } from '../journey/journey-record.fields';
import { ACTIVATION_STATUSES, DELAY_REASONS, type ActivationStatus } from './activation-rules';
import type { ActivationMeasures, ActivationOrderState } from './activation-order.state';

const promiseSchema = new Schema(
  {
    madeAt: { type: Date, required: true },
    promisedAt: { type: Date, required: true },
    actorLogin: { type: String, required: true },
  },
  { _id: false },
);
const statusEntrySchema = new Schema(
  {
    status: { type: String, enum: ACTIVATION_STATUSES, required: true },
    at: { type: Date, required: true },
    actorLogin: { type: String, required: true },
    reason: { type: String, enum: [...DELAY_REASONS, null], default: null },
  },
  { _id: false },
);
const delaySchema = new Schema(
  {
    reason: { type: String, enum: DELAY_REASONS, required: true },
    at: { type: Date, required: true },
    notifiedAt: { type: Date, default: null },
    actorLogin: { type: String, required: true },
  },
  { _id: false },
);

const activationOrderSchema = journeyRecordSchema({
  sourceSystem: { type: String, required: true },
  externalId: { type: String, required: true },
  product: { type: String, required: true },
  orderedAt: { type: Date, required: true },
  requestedAt: { type: Date, default: null },
  promises: { type: [promiseSchema], default: [] },
  /** Whether the first promise was derived from the policy's lead time (none was given). */
  promiseDerived: { type: Boolean, required: true },
  status: { type: String, enum: ACTIVATION_STATUSES, required: true },
  statusHistory: { type: [statusEntrySchema], default: [] },
  delays: { type: [delaySchema], default: [] },
  dispatchConfirmedAt: { type: Date, default: null },
  acceptanceReportedAt: { type: Date, default: null },
  acceptanceReportRef: { type: String, default: null },
  // Copied from the policy in force at the order time; later versions never change it.
  leadTimeMinutes: { type: Number, required: true },
  policyVersionIds: { type: [Schema.Types.ObjectId], default: [] },
  policyReason: { type: String, required: true },
  // Measured fields, denormalised on every write (see ActivationMeasures).
  promisedAt: { type: Date, required: true },
  originalPromisedAt: { type: Date, required: true },
  activatedAt: { type: Date, default: null },
  cancelledAt: { type: Date, default: null },
  onTime: { type: Boolean, default: null },
  latenessMinutes: { type: Number, default: null },
  delayNotifiedAt: { type: Date, default: null },
  measuredAt: { type: Date, default: null },
});
activationOrderSchema.index({ sourceSystem: 1, externalId: 1 }, { unique: true });
activationOrderSchema.index({ branchCode: 1, status: 1 });
activationOrderSchema.index({ branchCode: 1, measuredAt: 1 });

/** A stored activation order. */
export type ActivationOrderDoc = ActivationOrderState &
  ActivationMeasures & {
    _id: Types.ObjectId;
    accountId: Types.ObjectId;
    branchCode: string;
    stage: 'ACTIVATION';
    journeyAt: Date;
    recordedBy: string | null;
    sourceSystem: string;
    externalId: string;
    product: string;
    requestedAt: Date | null;
    promiseDerived: boolean;
    policyVersionIds: Types.ObjectId[];
    policyReason: string;
    revision: number;
    createdAt: Date;
    updatedAt: Date;
  };

/** Statuses in which an order is finished. */
export const CLOSED_ACTIVATION_STATUSES: ActivationStatus[] = ['ACTIVATED', 'CANCELLED'];

export const ActivationOrderModel = model('ActivationOrder', activationOrderSchema);
// Created only by insertOnce and imports, which keep their natural keys.
keepRecordKeys(ActivationOrderModel);

registerJourneySource({
  typename: 'ActivationOrder',
  model: ActivationOrderModel,
  stages: ['ACTIVATION'],
  ...openUnlessStatusIn(CLOSED_ACTIVATION_STATUSES),
  movesStage: true,
  listedBy: 'orderedAt',
  // What the account screen shows of an order (`overdue`: its status and original promise).
  shown: ['product', 'status', 'promisedAt', 'originalPromisedAt'],
});
