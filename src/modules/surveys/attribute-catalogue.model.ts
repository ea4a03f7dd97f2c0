import { model, Schema, type InferSchemaType } from 'mongoose';
import { JOURNEY_STAGES } from '../journey/journey-stage';
import { pendingConsequencesPlugin } from '../consequences/pending-consequences';

// Reference data (not account-linked): readable by every caller, so no access plugin.
const surveyAttributeSchema = new Schema(
  {
    /** Stable code responses refer to (e.g. REPAIR_TIMELINESS). */
    key: { type: String, required: true, unique: true },
    label: { type: String, required: true },
    stage: { type: String, enum: JOURNEY_STAGES, required: true },
    description: { type: String, default: null },
    /** Inactive attributes stay on old responses but cannot be scored in new ones. */
    active: { type: Boolean, required: true, default: true },
  },
  { timestamps: true },
);

/** A configured survey attribute. */
export type SurveyAttributeDoc = InferSchemaType<typeof surveyAttributeSchema> & {
  _id: unknown;
};

surveyAttributeSchema.plugin(pendingConsequencesPlugin);

export const SurveyAttributeModel = model('SurveyAttribute', surveyAttributeSchema);
