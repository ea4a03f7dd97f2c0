import { isDuplicateKey } from '../../db/duplicate-key';
import { badInput } from '../../shared/errors';
import { validate } from '../../shared/validate';
import { requireRole, type Actor } from '../auth/actor';
import { upsertAudited } from '../audit/audited-upsert';
import { JOURNEY_STAGES, type JourneyStage } from '../journey/journey-stage';
import { SurveyAttributeModel, type SurveyAttributeDoc } from './attribute-catalogue.model';
import { surveyAttributeInput } from './survey.inputs';

/** A catalogue entry as seeded. */
export type SurveyAttributeSeed = {
  key: string;
  label: string;
  stage: JourneyStage;
  description: string;
};

/** What key accounts judge at each journey stage (DOMAIN.md), as seeded on first start. */
export const DEFAULT_SURVEY_ATTRIBUTES: readonly SurveyAttributeSeed[] = [
  {
    key: 'CONSULTING_RESPONSIVENESS',
    label: 'Consulting responsiveness',
    stage: 'CONSULTING',
    description: 'One clear contact; timely, professional answers',
  },
  {
    key: 'ACCOUNT_MANAGER_PROFESSIONALISM',
    label: 'Account manager professionalism',
    stage: 'CONSULTING',
    description: 'Competence and care of the account manager',
  },
  {
    key: 'HANDLING_CONVENIENCE',
    label: 'Handling convenience',
    stage: 'CONTRACT',
    description: 'One-stop handling without repeated trips',
  },
  {
    key: 'CONTRACT_TRANSPARENCY',
    label: 'Contract transparency',
    stage: 'CONTRACT',
    description: 'Clear contract terms and service standards',
  },
  {
    key: 'ACTIVATION_TIMELINESS',
    label: 'Activation timeliness',
    stage: 'ACTIVATION',
    description: 'Activated within the promised time',
  },
  {
    key: 'DELAY_NOTIFICATION',
    label: 'Delay notification',
    stage: 'ACTIVATION',
    description: 'Told about delays and their reason in time',
  },
  {
    key: 'FEE_INQUIRY_CONVENIENCE',
    label: 'Fee inquiry convenience',
    stage: 'BILLING',
    description: 'Easy to ask about fees and get statements',
  },
  {
    key: 'BILLING_ACCURACY',
    label: 'Billing accuracy',
    stage: 'BILLING',
    description: 'Bills are correct',
  },
  {
    key: 'FAULT_REPORTING_CONVENIENCE',
    label: 'Fault reporting convenience',
    stage: 'FAULT_REPORTING',
    description: 'One clear, direct channel to report faults, also at weekends',
  },
  {
    key: 'REPAIR_TIMELINESS',
    label: 'Repair timeliness',
    stage: 'REPAIR',
    description: 'Faults repaired within the standard for their impact',
  },
  {
    key: 'CAUSE_EXPLANATION',
    label: 'Cause explanation',
    stage: 'REPAIR',
    description: 'The cause of a fault is explained',
  },
  {
    key: 'LINE_QUALITY',
    label: 'Line quality',
    stage: 'MAINTENANCE',
    description: 'Stable lines; preventive maintenance',
  },
  {
    key: 'FOLLOW_UP_REGULARITY',
    label: 'Follow-up regularity',
    stage: 'FOLLOW_UP',
    description: 'Regular visits, not only when buying something',
  },
];

/**
 * Seeds the default catalogue; idempotent, and entries an admin changed are left as they are
 * (fields are only set on insert).
 */
export async function ensureAttributeCatalogue(): Promise<void> {
  await Promise.all(
    DEFAULT_SURVEY_ATTRIBUTES.map((attribute) =>
      SurveyAttributeModel.updateOne(
        { key: attribute.key },
        { $setOnInsert: { ...attribute, active: true } },
        { upsert: true },
      ).catch((error: unknown) => {
        // Another process seeding at the same moment inserted it first.
        if (!isDuplicateKey(error)) throw error;
      }),
    ),
  );
}

/** The catalogue in journey order, then by key; inactive entries only when asked for. */
export async function listSurveyAttributes(includeInactive = false): Promise<SurveyAttributeDoc[]> {
  const rows = await SurveyAttributeModel.find(includeInactive ? {} : { active: true })
    .sort({ key: 1 })
    .lean<SurveyAttributeDoc[]>();
  const order = (stage: string) => JOURNEY_STAGES.indexOf(stage as JourneyStage);
  return rows.sort((a, b) => order(a.stage) - order(b.stage));
}

/** Catalogue entries by key, for DataLoader batching. */
export function findSurveyAttributes(keys: readonly string[]): Promise<SurveyAttributeDoc[]> {
  return SurveyAttributeModel.find({ key: { $in: [...keys] } }).lean<SurveyAttributeDoc[]>();
}

/**
 * Rejects attribute keys that are not active in the catalogue, naming the first offending item
 * (`input.attributes.2.attribute`).
 */
export async function requireActiveAttributes(keys: readonly string[], field: string) {
  if (keys.length === 0) return;
  const known = new Set(
    (
      await SurveyAttributeModel.find({ key: { $in: [...keys] }, active: true }, { key: 1 }).lean()
    ).map((row) => row.key),
  );
  const unknown = keys.findIndex((key) => !known.has(key));
  if (unknown >= 0) {
    throw badInput(`${field}.${unknown}.attribute`, `no active survey attribute ${keys[unknown]}`);
  }
}

/** Creates or changes a catalogue entry by key (ADMIN only). */
export async function upsertSurveyAttribute(options: {
  actor: Actor | null;
  input: unknown;
}): Promise<SurveyAttributeDoc> {
  const actor = requireRole(options.actor, ['ADMIN']);
  const input = validate(surveyAttributeInput, options.input);
  return upsertAudited<SurveyAttributeDoc>(SurveyAttributeModel, {
    actor,
    action: 'upsertSurveyAttribute',
    entityType: 'SurveyAttribute',
    keyField: 'key',
    key: input.key,
    set: {
      label: input.label,
      stage: input.stage,
      description: input.description ?? null,
      active: input.active ?? true,
    },
  });
}
