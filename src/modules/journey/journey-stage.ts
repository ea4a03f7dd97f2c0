/** Stages of the key-account service journey, in journey order. */
export const JOURNEY_STAGES = [
  'CONSULTING',
  'CONTRACT',
  'ACTIVATION',
  'BILLING',
  'FAULT_REPORTING',
  'REPAIR',
  'MAINTENANCE',
  'FOLLOW_UP',
  'SURVEY',
] as const;

/** One stage of the journey. */
export type JourneyStage = (typeof JOURNEY_STAGES)[number];

/** What the current-stage rule needs to know about an account's records. */
export type StageEvidence = {
  /** Stage of the account's open fault ticket, if any (FAULT_REPORTING or REPAIR). */
  openFaultStage: JourneyStage | null;
  hasOpenActivation: boolean;
  /** Stage of the most recent record of any kind, if any. */
  latestStage: JourneyStage | null;
};

/**
 * Where an account stands: an open fault comes first (the customer is waiting for a repair), then
 * an open activation order, then the stage of the most recent record; an account without records
 * is in CONSULTING. Follow-ups and surveys do not move an account on: they look back at a stage.
 */
export function currentStage(evidence: StageEvidence): JourneyStage {
  if (evidence.openFaultStage) return evidence.openFaultStage;
  if (evidence.hasOpenActivation) return 'ACTIVATION';
  return evidence.latestStage ?? 'CONSULTING';
}
