import type { Connection } from '../db/keyset-pagination';
import type { KeyAccountDoc } from '../modules/accounts/account.model';
import type { AuditEntryDoc } from '../modules/audit/audit.model';
import type { JourneyEventRow } from '../modules/journey/timeline.service';
import type { FollowUpRow } from '../modules/follow-ups/follow-up.model';
import type { SurveyResponseRow } from '../modules/surveys/survey-response.model';

// What resolvers receive for schema types that are not a plain stored document (codegen mappers).

export type { JourneyRecordRow } from '../modules/journey/journey-record.fields';

/** A page of key accounts. */
export type KeyAccountPage = Connection<KeyAccountDoc>;
/** A page of an account's timeline. */
export type JourneyEventPage = Connection<JourneyEventRow>;
/** A page of audit entries. */
export type AuditEntryPage = Connection<AuditEntryDoc>;

export type { FollowUpRow } from '../modules/follow-ups/follow-up.model';
export type { FollowUpComplianceReport } from '../modules/follow-ups/follow-up-compliance.service';
export type { SurveyResponseRow } from '../modules/surveys/survey-response.model';
export type { SatisfactionReport } from '../modules/surveys/satisfaction.service';
/** A page of follow-ups. */
export type FollowUpPage = Connection<FollowUpRow>;
/** A page of survey responses. */
export type SurveyResponsePage = Connection<SurveyResponseRow>;

/** The outcome of one imported row. */
export type ImportRowOutcome =
  import('../modules/imports/import.service').ImportBatchOutcome['results'][number];

export type {
  EffectiveSlaPolicyView,
  SlaPolicyRow,
} from '../modules/sla-policies/sla-policy.service';
export type { ActivationStatusEntry } from '../modules/activation/activation-order.state';
export type { FaultStatusEntry } from '../modules/faults/fault-ticket.state';
/** Which policy version supplied one effective value. */
export type SlaPolicySource =
  import('../modules/sla-policies/sla-policy.service').EffectiveSlaPolicyView['sources'][number];
/** A stored activation order. */
export type ActivationOrderRow =
  import('../modules/activation/activation-order.model').ActivationOrderDoc;
/** A page of activation orders. */
export type ActivationOrderPage = Connection<ActivationOrderRow>;
/** A stored fault ticket. */
export type FaultTicketRow = import('../modules/faults/fault-ticket.model').FaultTicketDoc;
/** A page of fault tickets. */
export type FaultTicketPage = Connection<FaultTicketRow>;
/** A stored complaint. */
export type ComplaintRow = import('../modules/complaints/complaint.model').ComplaintDoc;
/** A page of complaints. */
export type ComplaintPage = Connection<ComplaintRow>;
export type { ComplaintStatusEntry } from '../modules/complaints/complaint.state';
