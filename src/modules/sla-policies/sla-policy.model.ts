import { model, Schema, type Types } from 'mongoose';
import { accessPlugin } from '../access/access.plugin';
import { POLICY_SCOPES, SEVERITIES, type PolicyClock, type PolicyScope } from './resolve-policy';
import { pendingConsequencesPlugin } from '../consequences/pending-consequences';

// Typed loosely (like journey records); reads are cast to SlaPolicyDoc.
const slaPolicySchema: Schema = new Schema(
  {
    scope: { type: String, enum: POLICY_SCOPES, required: true },
    /** `default`, a branch code or an account id (hex). */
    scopeKey: { type: String, required: true },
    /** Branch of a BRANCH or ACCOUNT policy, so reads are scoped; null for the default policy. */
    branchCode: { type: String, default: null },
    version: { type: Number, required: true },
    effectiveFrom: { type: Date, required: true },
    name: { type: String, default: null },
    productLeadTimes: {
      type: [{ _id: false, product: String, minutes: Number }],
      default: [],
    },
    otherProductsLeadMinutes: { type: Number, default: null },
    restorationTargets: {
      type: [{ _id: false, severity: { type: String, enum: SEVERITIES }, minutes: Number }],
      default: [],
    },
    acknowledgementTargetMinutes: { type: Number, default: null },
    complaintFirstContactMinutes: { type: Number, default: null },
    complaintResolutionMinutes: { type: Number, default: null },
    // Stored as given (PolicyClock); validated by the inputs before it gets here.
    clock: { type: Schema.Types.Mixed, default: null },
    createdBy: { type: String, required: true },
  },
  { timestamps: true },
);
// Versions are append-only: a new version never changes an older one.
slaPolicySchema.index({ scope: 1, scopeKey: 1, version: 1 }, { unique: true });
slaPolicySchema.plugin(accessPlugin);
slaPolicySchema.plugin(pendingConsequencesPlugin);

/** A stored SLA policy version. */
export type SlaPolicyDoc = {
  _id: Types.ObjectId;
  scope: PolicyScope;
  scopeKey: string;
  branchCode: string | null;
  version: number;
  effectiveFrom: Date;
  name: string | null;
  productLeadTimes: { product: string; minutes: number }[];
  otherProductsLeadMinutes: number | null;
  restorationTargets: { severity: (typeof SEVERITIES)[number]; minutes: number }[];
  acknowledgementTargetMinutes: number | null;
  /** Absent in versions stored before complaints existed. */
  complaintFirstContactMinutes?: number | null;
  complaintResolutionMinutes?: number | null;
  clock: PolicyClock | null;
  createdBy: string;
  createdAt: Date;
};

export const SlaPolicyModel = model('SlaPolicy', slaPolicySchema);
