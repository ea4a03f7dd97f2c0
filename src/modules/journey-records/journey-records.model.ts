import { model } from 'mongoose';
import { registerJourneySource } from '../journey/journey-registry';
import { journeyRecordSchema } from '../journey/journey-record.fields';

const required = (type: unknown, extra: Record<string, unknown> = {}) => ({
  type,
  required: true,
  ...extra,
});
const optional = (type: unknown, fallback: unknown = null) => ({ type, default: fallback });

export const ConsultationModel = model(
  'Consultation',
  journeyRecordSchema({
    channel: required(String),
    askedAt: required(Date),
    answeredAt: optional(Date),
    topic: required(String),
    resolved: required(Boolean, { default: false }),
  }),
);

export const BusinessHandlingModel = model(
  'BusinessHandling',
  journeyRecordSchema({
    kind: required(String),
    channel: required(String),
    submittedAt: required(Date),
    completedAt: optional(Date),
    customerTrips: required(Number, { default: 1 }),
    oneStop: required(Boolean, { default: false }),
  }),
);

export const BillingInteractionModel = model(
  'BillingInteraction',
  journeyRecordSchema({
    kind: required(String),
    channel: required(String),
    openedAt: required(Date),
    resolvedAt: optional(Date),
    accurate: optional(Boolean),
  }),
);

export const MaintenanceRecordModel = model(
  'MaintenanceRecord',
  journeyRecordSchema({
    planned: required(Boolean),
    performedBy: required(String),
    notifiedAt: optional(Date),
    startAt: required(Date),
    endAt: optional(Date),
    impact: required(String, { default: 'NONE' }),
    description: optional(String),
  }),
);

registerJourneySource({
  typename: 'Consultation',
  model: ConsultationModel,
  stages: ['CONSULTING'],
  movesStage: true,
});
registerJourneySource({
  typename: 'BusinessHandling',
  model: BusinessHandlingModel,
  stages: ['CONTRACT'],
  movesStage: true,
});
registerJourneySource({
  typename: 'BillingInteraction',
  model: BillingInteractionModel,
  stages: ['BILLING'],
  movesStage: true,
});
registerJourneySource({
  typename: 'MaintenanceRecord',
  model: MaintenanceRecordModel,
  stages: ['MAINTENANCE'],
  movesStage: true,
});
