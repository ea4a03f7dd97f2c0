import { Schema, type SchemaDefinition, type Types } from 'mongoose';
import { accessPlugin } from '../access/access.plugin';
import { pendingConsequencesPlugin } from '../consequences/pending-consequences';
import { JOURNEY_STAGES } from './journey-stage';
import { indexRevisionGuard, REVISION_FIELD } from './revisioned-write';
import { HEX_ID } from '../../db/hex-id';

/**
 * A mongoose schema for a journey record: the module's own fields plus what timelines, scoping and
 * the current-stage rule need. `branchCode` is copied from the account (an account never changes
 * branch) so every read can be scoped without a join.
 */
export function journeyRecordSchema(fields: SchemaDefinition): Schema {
  const schema = new Schema(
    {
      accountId: { type: Schema.Types.ObjectId, required: true },
      branchCode: { type: String, required: true },
      stage: { type: String, enum: JOURNEY_STAGES, required: true },
      /** When the record's event began: the timeline's order. */
      journeyAt: { type: Date, required: true },
      recordedBy: { type: String, default: null },
      revision: REVISION_FIELD,
      ...fields,
    },
    { timestamps: true },
  );
  schema.index({ accountId: 1, journeyAt: -1, _id: -1 });
  schema.index({ branchCode: 1, journeyAt: -1 });
  indexRevisionGuard(schema);
  schema.plugin(accessPlugin);
  schema.plugin(pendingConsequencesPlugin);
  return schema;
}

/** A stored journey record as services and resolvers see it. */
export type JourneyRecordRow = Record<string, unknown> & {
  _id: Types.ObjectId;
  accountId: Types.ObjectId;
  branchCode: string;
  journeyAt: Date;
  [HEX_ID]?: string;
};
