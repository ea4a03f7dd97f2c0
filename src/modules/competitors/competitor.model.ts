import { model, Schema, type Types } from 'mongoose';
import { pendingConsequencesPlugin } from '../consequences/pending-consequences';

// Reference data (not account-linked): readable by every caller, so no access plugin.
const competitorSchema = new Schema(
  {
    /** Code survey responses and imports refer to (e.g. UNICOM). */
    code: { type: String, required: true, unique: true },
    name: { type: String, required: true },
  },
  { timestamps: true },
);

/** A configured competitor (an operator key accounts also use). */
export type CompetitorDoc = { _id: Types.ObjectId; code: string; name: string };

competitorSchema.plugin(pendingConsequencesPlugin);

export const CompetitorModel = model('Competitor', competitorSchema);
