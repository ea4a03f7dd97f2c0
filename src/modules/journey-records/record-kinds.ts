import type { Model } from 'mongoose';
import { z } from 'zod';
import type { JourneyStage } from '../journey/journey-stage';
import {
  BillingInteractionModel,
  BusinessHandlingModel,
  ConsultationModel,
  MaintenanceRecordModel,
} from './journey-records.model';

const text = (max: number) => z.string().trim().min(1).max(max);

/** How one kind of simple journey record is validated, stored and placed on the timeline. */
export type RecordKind = {
  typename: string;
  model: Model<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  stage: JourneyStage;
  /** Fields of the record (all optional: create requires `required`, update takes any subset). */
  fields: z.ZodObject;
  required: readonly string[];
  /** The field whose time places the record on the timeline. */
  journeyAtField: string;
  /** Pairs [earlier, later] of time fields that cannot run backwards. */
  timeOrder: readonly (readonly [string, string])[];
};

const date = z.date();

/** The four simple record kinds of issue "journey records". */
export const RECORD_KINDS = {
  Consultation: {
    typename: 'Consultation',
    model: ConsultationModel,
    stage: 'CONSULTING',
    fields: z.object({
      channel: z.enum([
        'ACCOUNT_MANAGER',
        'HOTLINE',
        'BUSINESS_HALL',
        'ONLINE',
        'EMAIL',
        'ON_SITE',
      ]),
      askedAt: date,
      answeredAt: date.nullable(),
      topic: text(500),
      resolved: z.boolean(),
    }),
    required: ['channel', 'askedAt', 'topic'],
    journeyAtField: 'askedAt',
    timeOrder: [['askedAt', 'answeredAt']],
  },
  BusinessHandling: {
    typename: 'BusinessHandling',
    model: BusinessHandlingModel,
    stage: 'CONTRACT',
    fields: z.object({
      kind: z.enum(['NEW_CONTRACT', 'AGREEMENT', 'CHANGE', 'RENEWAL', 'TERMINATION']),
      channel: z.enum(['ACCOUNT_MANAGER', 'BUSINESS_HALL', 'AGENT', 'ONLINE']),
      submittedAt: date,
      completedAt: date.nullable(),
      customerTrips: z.number().int().min(0).max(100),
      oneStop: z.boolean(),
    }),
    required: ['kind', 'channel', 'submittedAt'],
    journeyAtField: 'submittedAt',
    timeOrder: [['submittedAt', 'completedAt']],
  },
  BillingInteraction: {
    typename: 'BillingInteraction',
    model: BillingInteractionModel,
    stage: 'BILLING',
    fields: z.object({
      kind: z.enum(['INQUIRY', 'STATEMENT', 'PAYMENT', 'DISPUTE']),
      channel: z.enum([
        'ACCOUNT_MANAGER',
        'HOTLINE',
        'BUSINESS_HALL',
        'ONLINE',
        'SELF_SERVICE',
        'MAIL',
      ]),
      openedAt: date,
      resolvedAt: date.nullable(),
      accurate: z.boolean().nullable(),
    }),
    required: ['kind', 'channel', 'openedAt'],
    journeyAtField: 'openedAt',
    timeOrder: [['openedAt', 'resolvedAt']],
  },
  MaintenanceRecord: {
    typename: 'MaintenanceRecord',
    model: MaintenanceRecordModel,
    stage: 'MAINTENANCE',
    fields: z.object({
      planned: z.boolean(),
      performedBy: z.enum(['OWN_STAFF', 'CONTRACTOR']),
      notifiedAt: date.nullable(),
      startAt: date,
      endAt: date.nullable(),
      impact: z.enum(['NONE', 'DEGRADED', 'OUTAGE']),
      description: text(2000).nullable(),
    }),
    required: ['planned', 'performedBy', 'startAt'],
    journeyAtField: 'startAt',
    timeOrder: [['startAt', 'endAt']],
  },
} as const satisfies Record<string, RecordKind>;

/** Name of a simple record kind. */
export type RecordKindName = keyof typeof RECORD_KINDS;
