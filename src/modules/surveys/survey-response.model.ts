import { model, Schema, type Types } from 'mongoose';
import { keepRecordKeys } from '../record-keys/record-key.service';
import { registerJourneySource } from '../journey/journey-registry';
import { journeyRecordSchema, type JourneyRecordRow } from '../journey/journey-record.fields';

const attributeScoreSchema = new Schema(
  {
    attribute: { type: String, required: true },
    performance: { type: Number, required: true },
    importance: { type: Number, required: true },
  },
  { _id: false },
);

const competitorScoreSchema = new Schema(
  {
    competitor: { type: String, required: true },
    cs1: { type: Number, required: true },
    cs2: { type: Number, required: true },
    cs3: { type: Number, required: true },
  },
  { _id: false },
);

const surveyResponseSchema = journeyRecordSchema({
  /** With `externalId` the natural key (the survey system's id on import). */
  sourceSystem: { type: String, required: true },
  externalId: { type: String, required: true },
  respondedAt: { type: Date, required: true },
  channel: { type: String, required: true },
  respondent: { type: String, default: null },
  cs1: { type: Number, required: true },
  cs2: { type: Number, required: true },
  cs3: { type: Number, required: true },
  nps: { type: Number, default: null },
  attributes: { type: [attributeScoreSchema], default: [] },
  competitors: { type: [competitorScoreSchema], default: [] },
  comment: { type: String, default: null },
  followUpId: { type: Schema.Types.ObjectId, default: null },
});
surveyResponseSchema.index({ sourceSystem: 1, externalId: 1 }, { unique: true });
surveyResponseSchema.index({ branchCode: 1, respondedAt: 1 });
surveyResponseSchema.index({ accountId: 1, respondedAt: -1, _id: -1 });

/** One attribute's scores in a response. */
export type AttributeScoreRow = { attribute: string; performance: number; importance: number };

/** A respondent's scores for one competitor in a response. */
export type CompetitorScoreRow = { competitor: string; cs1: number; cs2: number; cs3: number };

/** A stored survey response. `journeyAt` is its response time. */
export type SurveyResponseRow = JourneyRecordRow & {
  sourceSystem: string;
  externalId: string;
  respondedAt: Date;
  channel: string;
  respondent: string | null;
  cs1: number;
  cs2: number;
  cs3: number;
  nps: number | null;
  attributes: AttributeScoreRow[];
  competitors: CompetitorScoreRow[];
  comment: string | null;
  followUpId: Types.ObjectId | null;
  recordedBy: string | null;
};

export const SurveyResponseModel = model('SurveyResponse', surveyResponseSchema);

// Created only by recordSurveyResponse and imports, which keep their natural keys (keyed after the first
// collections, so a database that had those keys gets these from a second backfill).
keepRecordKeys(SurveyResponseModel, 'recordKeys:2');

registerJourneySource({
  typename: 'SurveyResponse',
  model: SurveyResponseModel,
  stages: ['SURVEY'],
  movesStage: false,
});
