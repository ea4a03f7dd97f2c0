import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { BranchDoc } from '../../modules/branches/branch.model';
import type { UserDoc } from '../../modules/auth/user.model';
import type { ApiTokenDoc } from '../../modules/auth/token.model';
import type { KeyAccountDoc } from '../../modules/accounts/account.model';
import type { KeyAccountPage, JourneyEventPage, ImportRowOutcome, AuditEntryPage, JourneyRecordRow, SlaPolicyRow, EffectiveSlaPolicyView, SlaPolicySource, ActivationOrderRow, ActivationOrderPage, FaultTicketRow, FaultTicketPage, FaultStatusEntry, ActivationStatusEntry, ComplaintRow, ComplaintPage, ComplaintStatusEntry, FollowUpRow, FollowUpPage, FollowUpComplianceReport, SurveyResponseRow, SurveyResponsePage, SatisfactionReport } from '../record-types';
import type { JourneyEventRow } from '../../modules/journey/timeline.service';
import type { AuditEntryDoc } from '../../modules/audit/audit.model';
import type { BranchCard } from '../../modules/scorecards/scorecard-card';
import type { ImportBatchOutcome } from '../../modules/imports/import.service';
import type { SurveyAttributeDoc } from '../../modules/surveys/attribute-catalogue.model';
import type { CompetitorDoc } from '../../modules/competitors/competitor.model';
import type { CompetitorLeadFigures } from '../../modules/surveys/competitor-lead';
import type { CompetitorScoreRow } from '../../modules/surveys/survey-response.model';
import type { ServiceReport } from '../../modules/service-reports/service-report.service';
import type { GraphQLContext } from '../context';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** An instant as an ISO-8601 string with offset (e.g. 2026-03-01T10:00:00+08:00); returned in UTC. */
  DateTime: { input: Date; output: Date; }
  /** Any JSON object: one import row, keyed by column name. */
  JSONObject: { input: Record<string, unknown>; output: Record<string, unknown>; }
};

/**
 * A key account's service report (服务报告) for one period, to hand to the customer: its activation
 * orders against their promises, its fault tickets against the repair targets (causes, repeats,
 * pauses), its follow-up visits, its complaints, and its survey answers beside its branch's figures. Every figure
 * follows the measurement rules and is computed by the same code as the branch scorecard, over this
 * account's records alone; the branch's own card for the same period is `branchScorecard`.
 */
export type AccountServiceReport = {
  __typename?: 'AccountServiceReport';
  /** The account. */
  account: KeyAccount;
  /** Activation orders: those activated in the period, and those still open. */
  activation: ServiceReportActivation;
  /** The branch's scorecard for the same period (every figure of the branch, to compare with). */
  branchScorecard: BranchScorecard;
  /** Complaints received or finally resolved in the period, against their handling targets. */
  complaints: ServiceReportComplaints;
  /** Fault tickets: those finally restored in the period, and those still open. */
  faults: ServiceReportFaults;
  /** Follow-up visits of the period and how the activations and repairs were followed up. */
  followUps: ServiceReportFollowUps;
  /** When the report was computed: orders and tickets still open are measured as of this instant. */
  generatedAt: Scalars['DateTime']['output'];
  /** The period label (`YYYY`, `YYYY-Qn` or `YYYY-MM`), cut in the branch's time zone. */
  period: Scalars['String']['output'];
  /** End (exclusive) of the period. */
  periodEnd: Scalars['DateTime']['output'];
  /** Start of the period in the branch's time zone. */
  periodStart: Scalars['DateTime']['output'];
  /** The account's survey answers of the period beside its branch's figures. */
  satisfaction: ServiceReportSatisfaction;
};

/** A delay of an order. */
export type ActivationDelay = {
  __typename?: 'ActivationDelay';
  /** Who recorded it. */
  actorLogin: Scalars['String']['output'];
  /** When it was recorded. */
  at: Scalars['DateTime']['output'];
  /** When the customer was told; null = not (yet) told. */
  notifiedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Why. */
  reason: DelayReason;
};

/** An activation order: measured against the original promise (measurement rules, "Activation"). */
export type ActivationOrder = JourneyEvent & Node & {
  __typename?: 'ActivationOrder';
  /** Reference of the acceptance test report. */
  acceptanceReportRef?: Maybe<Scalars['String']['output']>;
  /** When the acceptance test report was received. */
  acceptanceReportedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The account. */
  account: KeyAccount;
  /** When the service went live; null until then. */
  activatedAt?: Maybe<Scalars['DateTime']['output']>;
  /** When the order was cancelled; null otherwise. */
  cancelledAt?: Maybe<Scalars['DateTime']['output']>;
  /**
   * Whether the customer was told about the delay before the original promise passed; null while
   * there is nothing to tell (no delay recorded, not late, not overdue).
   */
  delayNotified?: Maybe<Scalars['Boolean']['output']>;
  /** Earliest time the customer was told about a delay. */
  delayNotifiedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The reason of the latest delay; null when never delayed. */
  delayReason?: Maybe<DelayReason>;
  /** Every delay recorded. */
  delays: Array<ActivationDelay>;
  /** When dispatch was confirmed (the order was scheduled). */
  dispatchConfirmedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Id in that system; unique together with `sourceSystem`. */
  externalId: Scalars['String']['output'];
  /** Opaque global id (see Node). */
  id: Scalars['ID']['output'];
  /** max(0, activated − original promise) in minutes; null until activated. */
  latenessMinutes?: Maybe<Scalars['Float']['output']>;
  /** The lead time of the policy in force at the order time, for this product (minutes). */
  leadTimeMinutes: Scalars['Int']['output'];
  /** Same as `orderedAt`. */
  occurredAt: Scalars['DateTime']['output'];
  /** Activated at or before the original promise; null until activated. */
  onTime?: Maybe<Scalars['Boolean']['output']>;
  /** When the customer ordered. */
  orderedAt: Scalars['DateTime']['output'];
  /** The first promise: what the order is measured against, whatever re-promises say. */
  originalPromisedAt: Scalars['DateTime']['output'];
  /** Open and past the original promise (as of now). */
  overdue: Scalars['Boolean']['output'];
  /** How the policy in force at the order time was resolved. */
  policyReason: Scalars['String']['output'];
  /** The policy versions it was measured against, most specific first. */
  policyVersions: Array<SlaPolicy>;
  /** Product code (upper case), e.g. BROADBAND, DEDICATED_LINE. */
  product: Scalars['String']['output'];
  /** True when no promise was given and it was derived from the policy's lead time. */
  promiseDerived: Scalars['Boolean']['output'];
  /**
   * Minutes from what the customer wanted to the original promise (negative = promised earlier);
   * null without `requestedAt`.
   */
  promiseGapMinutes?: Maybe<Scalars['Float']['output']>;
  /** The current promise (the latest one made). */
  promisedAt: Scalars['DateTime']['output'];
  /** Every promise made, in order. */
  promises: Array<ActivationPromise>;
  /** When the customer wanted the service; null = not said. */
  requestedAt?: Maybe<Scalars['DateTime']['output']>;
  /** System the order comes from (`JOURNEY` when created here). */
  sourceSystem: Scalars['String']['output'];
  /** Always ACTIVATION. */
  stage: JourneyStage;
  /** Status. */
  status: ActivationStatus;
  /** Every status change, in order. */
  statusHistory: Array<ActivationStatusChange>;
};

/** A page of activation orders. */
export type ActivationOrderConnection = {
  __typename?: 'ActivationOrderConnection';
  /** The orders of this page. */
  edges: Array<ActivationOrderEdge>;
  /** Pagination state. */
  pageInfo: PageInfo;
  /** Orders matching, over all pages; null on per-account lists. */
  totalCount?: Maybe<Scalars['Int']['output']>;
};

/** One order in a page. */
export type ActivationOrderEdge = {
  __typename?: 'ActivationOrderEdge';
  /** Cursor for `after`. */
  cursor: Scalars['String']['output'];
  /** The order. */
  node: ActivationOrder;
};

/** A promise of an activation time made to the customer. */
export type ActivationPromise = {
  __typename?: 'ActivationPromise';
  /** Who recorded it. */
  actorLogin: Scalars['String']['output'];
  /** When the promise was made. */
  madeAt: Scalars['DateTime']['output'];
  /** The promised activation time. */
  promisedAt: Scalars['DateTime']['output'];
};

/** Where an activation order (业务开通) stands. */
export type ActivationStatus =
  /** Service is live (final). */
  | 'ACTIVATED'
  /** Withdrawn (final; excluded from on-time rates). */
  | 'CANCELLED'
  /** Held up, with a reason. */
  | 'DELAYED'
  /** Being installed or configured. */
  | 'IN_PROGRESS'
  /** Ordered, not yet scheduled. */
  | 'RECEIVED'
  /** Dispatch confirmed: the work is scheduled. */
  | 'SCHEDULED';

/** One status change of an order. */
export type ActivationStatusChange = {
  __typename?: 'ActivationStatusChange';
  /** Who recorded it. */
  actorLogin: Scalars['String']['output'];
  /** When. */
  at: Scalars['DateTime']['output'];
  /** The reason, for DELAYED. */
  delayReason?: Maybe<DelayReason>;
  /** The status entered. */
  status: ActivationStatus;
};

/** An API token's metadata; the token itself is shown only once, when issued. */
export type ApiToken = Node & {
  __typename?: 'ApiToken';
  /** When it was issued. */
  createdAt: Scalars['DateTime']['output'];
  /** When it stops working; null = never. */
  expiresAt?: Maybe<Scalars['DateTime']['output']>;
  /** Opaque global id (see Node), used to revoke the token. */
  id: Scalars['ID']['output'];
  /** Free label (e.g. the machine or script that uses it). */
  label?: Maybe<Scalars['String']['output']>;
  /** When it was revoked; null = active. */
  revokedAt?: Maybe<Scalars['DateTime']['output']>;
};

/**
 * A survey attribute's mean scores in a period and its quadrant. Only attributes with at least 5
 * responses in the period take part.
 */
export type AttributeQuadrant = {
  __typename?: 'AttributeQuadrant';
  /** Key of the attribute in the catalogue (e.g. REPAIR_TIMELINESS). */
  attribute: Scalars['String']['output'];
  /** Mean importance (1–10). */
  importance: Scalars['Float']['output'];
  /** Label of the attribute; null when it is no longer in the catalogue. */
  label?: Maybe<Scalars['String']['output']>;
  /** Mean performance (1–10). */
  performance: Scalars['Float']['output'];
  /** Its quadrant. */
  quadrant: Quadrant;
  /** Responses that scored it. */
  responses: Scalars['Int']['output'];
};

/** One attribute's scores in a survey response. */
export type AttributeScore = {
  __typename?: 'AttributeScore';
  /** Key of the attribute. */
  attribute: Scalars['String']['output'];
  /** How important it is to the customer (1–10). */
  importance: Scalars['Int']['output'];
  /** Label of the attribute; null when it is no longer in the catalogue. */
  label?: Maybe<Scalars['String']['output']>;
  /** How well the operator performs on it (1–10). */
  performance: Scalars['Int']['output'];
};

/** One attribute's scores in a response to record. */
export type AttributeScoreInput = {
  /** Key of an active catalogue attribute (see `surveyAttributes`); each at most once per response. */
  attribute: Scalars['String']['input'];
  /** Importance, integer 1–10. */
  importance: Scalars['Int']['input'];
  /** Performance, integer 1–10. */
  performance: Scalars['Int']['input'];
};

/** Who changed what and when. */
export type AuditEntry = Node & {
  __typename?: 'AuditEntry';
  /** The mutation that changed it. */
  action: Scalars['String']['output'];
  /** Login of the caller (`system:<job>` for the service's own jobs). */
  actorLogin: Scalars['String']['output'];
  /** When. */
  at: Scalars['DateTime']['output'];
  /** Changed fields. */
  changes: Array<FieldChange>;
  /** Id of the entity. */
  entityId: Scalars['ID']['output'];
  /** Type of the entity (e.g. KeyAccount, FaultTicket). */
  entityType: Scalars['String']['output'];
  /** Opaque global id (see Node). */
  id: Scalars['ID']['output'];
};

/** A page of audit entries. */
export type AuditEntryConnection = {
  __typename?: 'AuditEntryConnection';
  /** Entries, newest first. */
  edges: Array<AuditEntryEdge>;
  /** Pagination state. */
  pageInfo: PageInfo;
};

/** One audit entry in a page. */
export type AuditEntryEdge = {
  __typename?: 'AuditEntryEdge';
  /** Cursor for `after`. */
  cursor: Scalars['String']['output'];
  /** The entry. */
  node: AuditEntry;
};

/** Channel of a billing interaction. */
export type BillingChannel =
  /** Through the account manager. */
  | 'ACCOUNT_MANAGER'
  /** A business hall (营业厅). */
  | 'BUSINESS_HALL'
  /** The customer hotline. */
  | 'HOTLINE'
  /** By post. */
  | 'MAIL'
  /** Online (portal or app). */
  | 'ONLINE'
  /** A self-service terminal. */
  | 'SELF_SERVICE';

/** A fee inquiry, statement, payment or dispute (费用查询 / 交纳 / 清单). */
export type BillingInteraction = JourneyEvent & Node & {
  __typename?: 'BillingInteraction';
  /** The account. */
  account: KeyAccount;
  /** Whether the bill was accurate; null when not judged. */
  accurate?: Maybe<Scalars['Boolean']['output']>;
  /** Channel. */
  channel: BillingChannel;
  /** Opaque global id (see Node). */
  id: Scalars['ID']['output'];
  /** Kind. */
  kind: BillingInteractionKind;
  /** Same as `openedAt`. */
  occurredAt: Scalars['DateTime']['output'];
  /** When it began. */
  openedAt: Scalars['DateTime']['output'];
  /** When it was resolved; null while open. */
  resolvedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Always BILLING. */
  stage: JourneyStage;
};

/** A billing interaction to record. */
export type BillingInteractionInput = {
  /** Account id (required on create, ignored on update). */
  accountId?: InputMaybe<Scalars['ID']['input']>;
  /** Whether the bill was accurate. */
  accurate?: InputMaybe<Scalars['Boolean']['input']>;
  /** Channel. */
  channel?: InputMaybe<BillingChannel>;
  /** Kind. */
  kind?: InputMaybe<BillingInteractionKind>;
  /** When it began. */
  openedAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** When resolved; not before `openedAt`. */
  resolvedAt?: InputMaybe<Scalars['DateTime']['input']>;
};

/** Kind of billing interaction. */
export type BillingInteractionKind =
  /** A disputed charge. */
  | 'DISPUTE'
  /** A question about fees. */
  | 'INQUIRY'
  /** A payment. */
  | 'PAYMENT'
  /** A bill or itemised statement (清单) requested or sent. */
  | 'STATEMENT';

/** A branch (分公司) of the provincial company; every key account belongs to exactly one. */
export type Branch = Node & {
  __typename?: 'Branch';
  /** Short unique code, e.g. `HZ`; the natural key used by imports and scorecards. */
  code: Scalars['String']['output'];
  /** Opaque global id (see Node). */
  id: Scalars['ID']['output'];
  /** Display name. */
  name: Scalars['String']['output'];
  /** IANA time zone in which the branch's days, months, quarters and business hours are cut. */
  timeZone: Scalars['String']['output'];
};

/**
 * How a branch's key accounts were served and what they said in a period, per the measurement
 * rules. Every figure carries its sample size, numerator/denominator (ratios), 95 % interval, the
 * branch's target and the previous period's value. Closed periods come from snapshots (recomputed
 * when late records for them arrive); the open period is computed live.
 */
export type BranchScorecard = Node & {
  __typename?: 'BranchScorecard';
  /** Accounts active in the coverage span without a completed follow-up in it. */
  accountsWithoutFollowUp: KeyAccountConnection;
  /** Mean acknowledgement time in minutes (24 × 7) of the period's tickets. */
  acknowledgementMinutes: Figure;
  /** Mean lateness of the period's activations in minutes (0 for on-time ones). */
  activationLatenessMinutes: Figure;
  /** Share of the period's activations done by the original promise (0–1). */
  activationOnTimeRate: Figure;
  /** The branch. */
  branch: Branch;
  /** Lead over each competitor rated in the period, by code (no value below 5 paired responses). */
  competitorLeads: Array<CompetitorLead>;
  /**
   * The paired responses behind `lead` and `competitorLeads`: the period's responses that rated a
   * competitor (the given one, or any).
   */
  competitorResponses: SurveyResponseConnection;
  /**
   * Complaints received in the period first contacted within their target (0–1); one still without
   * contact past its target counts as missed, one still within it (pending) counts in neither part.
   * Not in the composite.
   */
  complaintFirstContactRate: Figure;
  /**
   * Complaints finally resolved in the period whose resolution time (receipt to final resolution,
   * resumed at each reopening, on the policy's clock) is within target (0–1). Not in the composite.
   */
  complaintResolutionRate: Figure;
  /**
   * Complaints received in the period per 100 accounts active at its end (numerator = complaints,
   * denominator = accounts). Not in the composite.
   */
  complaintsPer100Accounts: Figure;
  /**
   * Weighted mean (0–100) of satisfaction index 40 %, activation on-time 20 %, within-SLA 25 %,
   * follow-up coverage 15 %, over the components with data (weights rescaled); `sampleSize` is the
   * number of components that had data. `low`/`high` propagate the components' 95 % intervals as if
   * independent (half-width √Σ (weight share × component half-width)²; a component without an
   * interval adds none), so two branches whose intervals overlap differ within noise.
   */
  compositeScore: Figure;
  /** When these figures were computed. */
  computedAt: Scalars['DateTime']['output'];
  /** Mean CS1, overall satisfaction (1–10). */
  cs1: Figure;
  /** Mean CS2, against expectation (1–10). */
  cs2: Figure;
  /** Mean CS3, against the ideal operator (1–10). */
  cs3: Figure;
  /** Share of tickets restored in the period within their SLA target, all tiers (0–1). */
  faultWithinSlaRate: Figure;
  /**
   * Quarterly follow-up coverage (0–1): a quarter's accounts with a completed follow-up; a year is
   * the mean of its quarters, a month is its quarter up to the month's end.
   */
  followUpCoverage: Figure;
  /** Opaque global id (see Node). */
  id: Scalars['ID']['output'];
  /** Fewer than 10 survey responses in the period. */
  insufficientSample: Scalars['Boolean']['output'];
  /** Activations of the period done after their original promise. */
  lateActivations: ActivationOrderConnection;
  /**
   * Lead (领先) over the strongest competitor, in index points (−100..100, positive when we lead):
   * the mean of (our response index − its response index) over the period's responses that rated
   * it. The strongest competitor is the one with the highest mean response index among those rated
   * by ≥ 5 responses (tie: the smaller code); null value when there is none. Not in the composite.
   */
  lead: Figure;
  /** The competitor `lead` is taken over; null when there is none. */
  leadCompetitor?: Maybe<Competitor>;
  /** Tickets restored in the period outside their SLA target. */
  missedSlaTickets: FaultTicketConnection;
  /** Net promoter score (−100..100) over responses that answered it. */
  nps: Figure;
  /** Orders still open and past their promise at the period's end (now, for the open period). */
  overdueActivations: Scalars['Int']['output'];
  /** The period label (YYYY, YYYY-Qn or YYYY-MM), cut in the branch's time zone. */
  period: Scalars['String']['output'];
  /** Share of the period's activations followed up within 7 days (0–1). */
  postActivationFollowUpRate: Figure;
  /** Share of tickets closed in the period followed up within 3 days of closure (0–1). */
  postRepairFollowUpRate: Figure;
  /** Importance–performance quadrants of the survey attributes (≥ 5 responses). */
  quadrants: Array<AttributeQuadrant>;
  /**
   * Rank among all branches (1 = best): composite descending, then top-box share, then code;
   * branches with insufficient sample come after all others.
   */
  rank?: Maybe<Scalars['Int']['output']>;
  /**
   * The complaints received in the period (behind `complaintFirstContactRate` and
   * `complaintsPer100Accounts`), by receipt.
   */
  receivedComplaints: ComplaintConnection;
  /** The complaints finally resolved in the period (behind `complaintResolutionRate`), by resolution. */
  resolvedComplaints: ComplaintConnection;
  /** Survey responses in the period. */
  responses: Scalars['Int']['output'];
  /** Standard satisfaction index (0–100). */
  satisfactionIndex: Figure;
  /** The survey responses of the period. */
  surveyResponses: SurveyResponseConnection;
  /** Figures per severity tier, highest first. */
  tiers: Array<TierFigures>;
  /** Share of responses with CS1 of 8–10 (0–1). */
  top3BoxShare: Figure;
  /** Share of responses with CS1 = 10 (0–1); breaks ranking ties. */
  topBoxShare: Figure;
};


/**
 * How a branch's key accounts were served and what they said in a period, per the measurement
 * rules. Every figure carries its sample size, numerator/denominator (ratios), 95 % interval, the
 * branch's target and the previous period's value. Closed periods come from snapshots (recomputed
 * when late records for them arrive); the open period is computed live.
 */
export type BranchScorecardAccountsWithoutFollowUpArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * How a branch's key accounts were served and what they said in a period, per the measurement
 * rules. Every figure carries its sample size, numerator/denominator (ratios), 95 % interval, the
 * branch's target and the previous period's value. Closed periods come from snapshots (recomputed
 * when late records for them arrive); the open period is computed live.
 */
export type BranchScorecardCompetitorResponsesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  competitor?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * How a branch's key accounts were served and what they said in a period, per the measurement
 * rules. Every figure carries its sample size, numerator/denominator (ratios), 95 % interval, the
 * branch's target and the previous period's value. Closed periods come from snapshots (recomputed
 * when late records for them arrive); the open period is computed live.
 */
export type BranchScorecardLateActivationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * How a branch's key accounts were served and what they said in a period, per the measurement
 * rules. Every figure carries its sample size, numerator/denominator (ratios), 95 % interval, the
 * branch's target and the previous period's value. Closed periods come from snapshots (recomputed
 * when late records for them arrive); the open period is computed live.
 */
export type BranchScorecardMissedSlaTicketsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * How a branch's key accounts were served and what they said in a period, per the measurement
 * rules. Every figure carries its sample size, numerator/denominator (ratios), 95 % interval, the
 * branch's target and the previous period's value. Closed periods come from snapshots (recomputed
 * when late records for them arrive); the open period is computed live.
 */
export type BranchScorecardReceivedComplaintsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * How a branch's key accounts were served and what they said in a period, per the measurement
 * rules. Every figure carries its sample size, numerator/denominator (ratios), 95 % interval, the
 * branch's target and the previous period's value. Closed periods come from snapshots (recomputed
 * when late records for them arrive); the open period is computed live.
 */
export type BranchScorecardResolvedComplaintsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * How a branch's key accounts were served and what they said in a period, per the measurement
 * rules. Every figure carries its sample size, numerator/denominator (ratios), 95 % interval, the
 * branch's target and the previous period's value. Closed periods come from snapshots (recomputed
 * when late records for them arrive); the open period is computed live.
 */
export type BranchScorecardSurveyResponsesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A contract, agreement or change handled for the customer (业务办理 / 协议签订). */
export type BusinessHandling = JourneyEvent & Node & {
  __typename?: 'BusinessHandling';
  /** The account. */
  account: KeyAccount;
  /** Channel. */
  channel: HandlingChannel;
  /** When it was completed; null while open. */
  completedAt?: Maybe<Scalars['DateTime']['output']>;
  /** How many times the customer had to come (visit, send papers). */
  customerTrips: Scalars['Int']['output'];
  /** Opaque global id (see Node). */
  id: Scalars['ID']['output'];
  /** Kind. */
  kind: BusinessHandlingKind;
  /** Same as `submittedAt`. */
  occurredAt: Scalars['DateTime']['output'];
  /** Handled in one stop, without repeated trips. */
  oneStop: Scalars['Boolean']['output'];
  /** Always CONTRACT. */
  stage: JourneyStage;
  /** When the customer submitted it. */
  submittedAt: Scalars['DateTime']['output'];
};

/** A business handling to record. */
export type BusinessHandlingInput = {
  /** Account id (required on create, ignored on update). */
  accountId?: InputMaybe<Scalars['ID']['input']>;
  /** Channel. */
  channel?: InputMaybe<HandlingChannel>;
  /** When completed; not before `submittedAt`. */
  completedAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** Customer trips (≥ 0). */
  customerTrips?: InputMaybe<Scalars['Int']['input']>;
  /** Kind. */
  kind?: InputMaybe<BusinessHandlingKind>;
  /** One-stop handling. */
  oneStop?: InputMaybe<Scalars['Boolean']['input']>;
  /** When submitted. */
  submittedAt?: InputMaybe<Scalars['DateTime']['input']>;
};

/** Kind of business handling. */
export type BusinessHandlingKind =
  /** A service agreement (e.g. an SLA agreement) signed. */
  | 'AGREEMENT'
  /** A change to existing services. */
  | 'CHANGE'
  /** A new contract. */
  | 'NEW_CONTRACT'
  /** A contract renewed. */
  | 'RENEWAL'
  /** A contract or service ended. */
  | 'TERMINATION';

/** Compensation granted to the customer. */
export type Compensation = {
  __typename?: 'Compensation';
  /** Amount in `currency`. */
  amount: Scalars['Float']['output'];
  /** ISO 4217 code, e.g. `CNY`. */
  currency: Scalars['String']['output'];
};

/** Compensation granted at a resolution. */
export type CompensationInput = {
  /** Amount, ≥ 0. */
  amount: Scalars['Float']['input'];
  /** ISO 4217 code, e.g. `CNY`. */
  currency: Scalars['String']['input'];
};

/**
 * An operator key accounts also use, whose service respondents may score in a survey (CS1–CS3) so
 * that our lead (领先) over it can be measured. The list is configuration (`upsertCompetitor`).
 */
export type Competitor = Node & {
  __typename?: 'Competitor';
  /** Stable code survey responses and imports refer to (e.g. UNICOM). */
  code: Scalars['String']['output'];
  /** Opaque global id (see Node). */
  id: Scalars['ID']['output'];
  /** Name shown to people. */
  name: Scalars['String']['output'];
};

/** A competitor to create or rename (by code). */
export type CompetitorInput = {
  /** Code: letters, digits, _ and - (at most 32). */
  code: Scalars['String']['input'];
  /** Name. */
  name: Scalars['String']['input'];
};

/**
 * Our lead over one competitor in a period (measurement rules, "Competitor lead"): over the
 * responses that also rated it, the mean of (our response index − its response index). Both
 * figures have no value when fewer than 5 responses rated it (the sample size still says how many).
 */
export type CompetitorLead = {
  __typename?: 'CompetitorLead';
  /** The competitor. */
  competitor: Competitor;
  /** Its mean response index (0–100) over the responses that rated it. */
  competitorIndex: Figure;
  /**
   * Mean paired difference of response indexes, ours minus its (−100..100; positive when we lead),
   * with a Student-t interval over the differences.
   */
  lead: Figure;
};

/** A respondent's overall scores for one competitor. */
export type CompetitorScore = {
  __typename?: 'CompetitorScore';
  /** The competitor. */
  competitor: Competitor;
  /** CS1 of the competitor, overall satisfaction (1–10). */
  cs1: Scalars['Int']['output'];
  /** CS2 of the competitor, against expectation (1–10). */
  cs2: Scalars['Int']['output'];
  /** CS3 of the competitor, against the ideal (1–10). */
  cs3: Scalars['Int']['output'];
};

/** A respondent's scores for one competitor, to record with a survey response. */
export type CompetitorScoreInput = {
  /** Code of a competitor on the list (see `competitors`); each at most once per response. */
  competitor: Scalars['String']['input'];
  /** CS1 of the competitor: integer 1–10. */
  cs1: Scalars['Int']['input'];
  /** CS2 of the competitor: integer 1–10. */
  cs2: Scalars['Int']['input'];
  /** CS3 of the competitor: integer 1–10. */
  cs3: Scalars['Int']['input'];
};

/**
 * A complaint of a key account, measured against the complaint targets of the SLA policy in force
 * when it was received (measurement rules, "Complaints").
 */
export type Complaint = JourneyEvent & Node & {
  __typename?: 'Complaint';
  /** Id of the activation order it is about, if any. */
  aboutOrderId?: Maybe<Scalars['ID']['output']>;
  /** Id of the fault ticket it is about, if any. */
  aboutTicketId?: Maybe<Scalars['ID']['output']>;
  /** The account. */
  account: KeyAccount;
  /** What it is about. */
  category: ComplaintCategory;
  /** How it reached the operator, a code such as `HOTLINE`, `ACCOUNT_MANAGER`, `LETTER`. */
  channel: Scalars['String']['output'];
  /** The clock durations are counted on (with the branch time zone). */
  clock: SlaClockSetting;
  /** Compensation of the latest resolution that granted one. */
  compensation?: Maybe<Compensation>;
  /** When the customer confirmed the resolution; null unless CONFIRMED. */
  confirmedAt?: Maybe<Scalars['DateTime']['output']>;
  /** What the customer said. */
  description?: Maybe<Scalars['String']['output']>;
  /** Id in that system; unique together with `sourceSystem`. */
  externalId: Scalars['String']['output'];
  /** Receipt to first contact in minutes on the policy's clock; null until contacted. */
  firstContactMinutes?: Maybe<Scalars['Float']['output']>;
  /** The first-contact target (minutes on the policy's clock). */
  firstContactTargetMinutes: Scalars['Int']['output'];
  /**
   * First contact within its target: true/false once contacted; null while not contacted and still
   * within target; false once past the target without contact.
   */
  firstContactWithinTarget?: Maybe<Scalars['Boolean']['output']>;
  /** First contact with the customer; null until contacted. */
  firstContactedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Opaque global id (see Node). */
  id: Scalars['ID']['output'];
  /**
   * Received within 30 days after the final resolution of an earlier complaint of the same account
   * and category.
   */
  isRepeat: Scalars['Boolean']['output'];
  /**
   * Target minus elapsed minutes of the step it waits for (negative once breached); null once
   * resolved.
   */
  minutesLeft?: Maybe<Scalars['Float']['output']>;
  /** The step it waits for while open; null once resolved. */
  nextStep?: Maybe<ComplaintStep>;
  /** Same as `receivedAt`. */
  occurredAt: Scalars['DateTime']['output'];
  /** Outcome of the latest resolution. */
  outcome?: Maybe<ComplaintOutcome>;
  /** How the policy in force at receipt was resolved. */
  policyReason: Scalars['String']['output'];
  /** The policy versions it is measured against, most specific first. */
  policyVersions: Array<SlaPolicy>;
  /** When it was received. */
  receivedAt: Scalars['DateTime']['output'];
  /** How often it was reopened. */
  reopenCount: Scalars['Int']['output'];
  /** The last reopening. */
  reopenedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The earlier complaint it repeats. */
  repeatOf?: Maybe<Complaint>;
  /**
   * Handling time in minutes on the policy's clock: receipt to final resolution, the clock resuming at
   * each reopening; null until finally resolved.
   */
  resolutionMinutes?: Maybe<Scalars['Float']['output']>;
  /** The resolution target (minutes on the policy's clock). */
  resolutionTargetMinutes: Scalars['Int']['output'];
  /** The final resolution (nothing reopened it after); null otherwise. Places it in a period. */
  resolvedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Resolution time ≤ target; null until finally resolved. */
  resolvedWithinTarget?: Maybe<Scalars['Boolean']['output']>;
  /**
   * Against the target of the step it waits for (as of now) while open; against the resolution
   * target once resolved.
   */
  slaState: SlaState;
  /** System the complaint comes from (`JOURNEY` when opened here). */
  sourceSystem: Scalars['String']['output'];
  /**
   * The stage of the order or ticket it is about (ACTIVATION, FAULT_REPORTING or REPAIR), else
   * CONSULTING.
   */
  stage: JourneyStage;
  /** Status. */
  status: ComplaintStatus;
  /** Every status change with time and actor, in order. */
  statusHistory: Array<ComplaintStatusChange>;
};

/** What a complaint (投诉) is about. */
export type ComplaintCategory =
  /** An activation later than promised. */
  | 'ACTIVATION_DELAY'
  /** Charges, statements, payments. */
  | 'BILLING'
  /** Quality of the network or line. */
  | 'NETWORK_QUALITY'
  /** Anything else. */
  | 'OTHER'
  /** How a fault was repaired. */
  | 'REPAIR'
  /** The attitude of staff (服务态度). */
  | 'SERVICE_ATTITUDE';

/** A page of complaints. */
export type ComplaintConnection = {
  __typename?: 'ComplaintConnection';
  /** The complaints of this page. */
  edges: Array<ComplaintEdge>;
  /** Pagination state. */
  pageInfo: PageInfo;
  /** Complaints matching, over all pages; null on per-account lists. */
  totalCount?: Maybe<Scalars['Int']['output']>;
};

/** One complaint in a page. */
export type ComplaintEdge = {
  __typename?: 'ComplaintEdge';
  /** Cursor for `after`. */
  cursor: Scalars['String']['output'];
  /** The complaint. */
  node: Complaint;
};

/** How a complaint was decided. */
export type ComplaintOutcome =
  /** The complaint was not justified. */
  | 'NOT_UPHELD'
  /** The customer was partly right. */
  | 'PARTLY_UPHELD'
  /** The customer was right. */
  | 'UPHELD';

/**
 * Where a complaint stands: RECEIVED → CONTACTED → RESOLVED → CONFIRMED, and REOPENED from
 * RESOLVED or CONFIRMED (then RESOLVED again).
 */
export type ComplaintStatus =
  /** The customer confirmed the resolution (满意确认). */
  | 'CONFIRMED'
  /** The customer was contacted. */
  | 'CONTACTED'
  /** Received, nobody has spoken to the customer yet. */
  | 'RECEIVED'
  /** The customer was not satisfied after all; the resolution clock runs again. */
  | 'REOPENED'
  /** Resolved, with an outcome. */
  | 'RESOLVED';

/** One status change of a complaint. */
export type ComplaintStatusChange = {
  __typename?: 'ComplaintStatusChange';
  /** Who recorded it. */
  actorLogin: Scalars['String']['output'];
  /** When. */
  at: Scalars['DateTime']['output'];
  /** The outcome, on a RESOLVED entry. */
  outcome?: Maybe<ComplaintOutcome>;
  /** The status entered. */
  status: ComplaintStatus;
};

/** The step an open complaint waits for. */
export type ComplaintStep =
  /** Nobody has contacted the customer yet: the first-contact target runs. */
  | 'FIRST_CONTACT'
  /** Contacted (or reopened), not resolved: the resolution target runs. */
  | 'RESOLUTION';

/** A question the customer asked (咨询) and how it was answered. */
export type Consultation = JourneyEvent & Node & {
  __typename?: 'Consultation';
  /** The account. */
  account: KeyAccount;
  /** When they got an answer; null while unanswered. */
  answeredAt?: Maybe<Scalars['DateTime']['output']>;
  /** When the customer asked. */
  askedAt: Scalars['DateTime']['output'];
  /** Channel. */
  channel: ConsultationChannel;
  /** Opaque global id (see Node). */
  id: Scalars['ID']['output'];
  /** Same as `askedAt`. */
  occurredAt: Scalars['DateTime']['output'];
  /** Whether the question was settled. */
  resolved: Scalars['Boolean']['output'];
  /** Minutes from question to answer; null while unanswered. */
  responseMinutes?: Maybe<Scalars['Float']['output']>;
  /** Always CONSULTING. */
  stage: JourneyStage;
  /** What it was about. */
  topic: Scalars['String']['output'];
};

/** Through which channel a consultation came in. */
export type ConsultationChannel =
  /** Through the account manager. */
  | 'ACCOUNT_MANAGER'
  /** A business hall (营业厅). */
  | 'BUSINESS_HALL'
  /** By e-mail. */
  | 'EMAIL'
  /** The customer hotline. */
  | 'HOTLINE'
  /** Online (portal or app). */
  | 'ONLINE'
  /** At the customer’s site. */
  | 'ON_SITE';

/** A consultation to record. */
export type ConsultationInput = {
  /** Account id (required on create, ignored on update). */
  accountId?: InputMaybe<Scalars['ID']['input']>;
  /** When they got an answer; not before `askedAt`. */
  answeredAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** When the customer asked. */
  askedAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** Channel. */
  channel?: InputMaybe<ConsultationChannel>;
  /** Whether it was settled. */
  resolved?: InputMaybe<Scalars['Boolean']['input']>;
  /** What it was about. */
  topic?: InputMaybe<Scalars['String']['input']>;
};

/** A person at the customer to talk to. */
export type Contact = {
  __typename?: 'Contact';
  /** E-mail. */
  email?: Maybe<Scalars['String']['output']>;
  /** Name. */
  name: Scalars['String']['output'];
  /** Phone. */
  phone?: Maybe<Scalars['String']['output']>;
  /** Role at the customer (e.g. IT manager). */
  role?: Maybe<Scalars['String']['output']>;
};

/** A person at the customer. */
export type ContactInput = {
  /** E-mail. */
  email?: InputMaybe<Scalars['String']['input']>;
  /** Name. */
  name: Scalars['String']['input'];
  /** Phone. */
  phone?: InputMaybe<Scalars['String']['input']>;
  /** Role at the customer. */
  role?: InputMaybe<Scalars['String']['input']>;
};

/** A new activation order. */
export type CreateActivationOrderInput = {
  /** The account. */
  accountId: Scalars['ID']['input'];
  /**
   * Id in the source system; default the new order's id. Replaying the same creation returns the
   * stored order.
   */
  externalId?: InputMaybe<Scalars['String']['input']>;
  /** When the customer ordered (not in the future). */
  orderedAt: Scalars['DateTime']['input'];
  /** Product code (letters, digits, _ and -), e.g. BROADBAND, DEDICATED_LINE. */
  product: Scalars['String']['input'];
  /** The promise made; omitted = order time + the policy's lead time for the product. */
  promisedAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** When the customer wants it; not before `orderedAt`. */
  requestedAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** Source system; default `JOURNEY`. */
  sourceSystem?: InputMaybe<Scalars['String']['input']>;
};

/** A new branch. */
export type CreateBranchInput = {
  /** Unique short code (letters, digits, _ and -). */
  code: Scalars['String']['input'];
  /** Display name. */
  name: Scalars['String']['input'];
  /** IANA time zone; default Asia/Shanghai. */
  timeZone?: InputMaybe<Scalars['String']['input']>;
};

/** A new key account. */
export type CreateKeyAccountInput = {
  /** Login of its account manager (an ACCOUNT_MANAGER or BRANCH_HEAD of that branch). */
  accountManagerLogin: Scalars['String']['input'];
  /** Branch code. */
  branchCode: Scalars['String']['input'];
  /** People at the customer. */
  contacts?: InputMaybe<Array<ContactInput>>;
  /** Id in the source system. */
  externalId: Scalars['String']['input'];
  /** Industry. */
  industry?: InputMaybe<Scalars['String']['input']>;
  /** Customer name. */
  name: Scalars['String']['input'];
  /** When the relationship began; default now. */
  openedAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** Source system. */
  sourceSystem: Scalars['String']['input'];
  /** Tier. */
  tier?: InputMaybe<Scalars['String']['input']>;
};

/** A new user. */
export type CreateUserInput = {
  /** Required for BRANCH_HEAD and ACCOUNT_MANAGER; optional for INTEGRATION (confines it). */
  branchCode?: InputMaybe<Scalars['String']['input']>;
  /** Unique login. */
  login: Scalars['String']['input'];
  /** Display name. */
  name: Scalars['String']['input'];
  /** Role. */
  role: Role;
  /** Required for INTEGRATION: the source system it imports from. */
  sourceSystem?: InputMaybe<Scalars['String']['input']>;
};

/** A new user and its first token (shown only here). */
export type CreateUserPayload = {
  __typename?: 'CreateUserPayload';
  /** Bearer token for `Authorization: Bearer <token>`; store it now, it is not shown again. */
  token: Scalars['String']['output'];
  /** The user created. */
  user: User;
};

/** Why an activation is delayed. */
export type DelayReason =
  /** Network capacity must be expanded first. */
  | 'CAPACITY_EXPANSION'
  /** The customer is not ready (site, equipment, access). */
  | 'CUSTOMER_SIDE'
  /** Waiting for another province (inter-provincial circuit). */
  | 'INTER_PROVINCIAL'
  /** No free line or port resources. */
  | 'LINE_RESOURCE_SHORTAGE'
  /** Anything else. */
  | 'OTHER';

/** How many of the report's orders were delayed for one reason. */
export type DelayReasonCount = {
  __typename?: 'DelayReasonCount';
  /** Orders (activated in the period or still open) with at least one delay for this reason. */
  orders: Scalars['Int']['output'];
  /** The reason. */
  reason: DelayReason;
};

/** The commitments in force for one account at one instant, and why. */
export type EffectiveSlaPolicy = {
  __typename?: 'EffectiveSlaPolicy';
  /** The account. */
  account: KeyAccount;
  /** Acknowledgement target (minutes, 24 × 7). */
  acknowledgementTargetMinutes: Scalars['Int']['output'];
  /** The instant resolved for. */
  at: Scalars['DateTime']['output'];
  /** The clock, with the branch time zone. */
  clock: SlaClockSetting;
  /** First contact of a complaint (minutes on the clock); 120 (2 h) unless a version sets it. */
  complaintFirstContactMinutes: Scalars['Int']['output'];
  /** Resolution of a complaint (minutes on the clock); 2880 (48 h) unless a version sets it. */
  complaintResolutionMinutes: Scalars['Int']['output'];
  /** Lead time of any other product. */
  otherProductsLeadMinutes: Scalars['Int']['output'];
  /** Lead times of the products named at any level. */
  productLeadTimes: Array<ProductLeadTime>;
  /** How it was resolved, e.g. `account agreement v2 overrides branch HZ v1 overrides default v3`. */
  reason: Scalars['String']['output'];
  /** Restoration target of every tier. */
  restorationTargets: Array<SeverityTarget>;
  /** Where every value came from (complaint targets from the measurement rules' defaults have none). */
  sources: Array<SlaPolicyFieldSource>;
  /** The versions in force, most specific first. */
  versions: Array<SlaPolicy>;
};

/** A span waiting for the customer; overlapping pauses count once, and only inside outages. */
export type FaultPause = {
  __typename?: 'FaultPause';
  /** Start. */
  from: Scalars['DateTime']['output'];
  /** Why. */
  reason?: Maybe<PauseReason>;
  /** True when recorded after the fact (`recordFaultPause`), false when from a PENDING_CUSTOMER status. */
  recorded: Scalars['Boolean']['output'];
  /** End; null while still waiting. */
  to?: Maybe<Scalars['DateTime']['output']>;
};

/** Where a fault ticket stands (after TM Forum TMF621 trouble tickets). */
export type FaultStatus =
  /** Acknowledged by the operator. */
  | 'ACKNOWLEDGED'
  /** The customer confirmed the restoration. */
  | 'CLOSED'
  /** Being repaired. */
  | 'IN_PROGRESS'
  /** Waiting for the customer; the SLA clock is paused. */
  | 'PENDING_CUSTOMER'
  /** The fault came back after restoration; the clock runs again. */
  | 'REOPENED'
  /** Reported, not yet acknowledged. */
  | 'REPORTED'
  /** Service restored. */
  | 'RESTORED';

/** One status change of a ticket. */
export type FaultStatusChange = {
  __typename?: 'FaultStatusChange';
  /** Who recorded it. */
  actorLogin: Scalars['String']['output'];
  /** When. */
  at: Scalars['DateTime']['output'];
  /** The reason, for PENDING_CUSTOMER. */
  pauseReason?: Maybe<PauseReason>;
  /** The status entered. */
  status: FaultStatus;
};

/** A fault ticket: repair time against the target of its severity tier (measurement rules, "Fault repair"). */
export type FaultTicket = JourneyEvent & Node & {
  __typename?: 'FaultTicket';
  /** The account. */
  account: KeyAccount;
  /** First acknowledgement; null until acknowledged. */
  acknowledgedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Acknowledged within its target; null until acknowledged. */
  acknowledgedWithinTarget?: Maybe<Scalars['Boolean']['output']>;
  /** Acknowledged − reported in minutes (24 × 7); null until acknowledged. */
  acknowledgementMinutes?: Maybe<Scalars['Float']['output']>;
  /** The acknowledgement target of the policy (minutes). */
  acknowledgementTargetMinutes: Scalars['Int']['output'];
  /** The cause, once known. */
  cause?: Maybe<Scalars['String']['output']>;
  /** Whether the cause was explained to the customer. */
  causeExplained: Scalars['Boolean']['output'];
  /** When the cause was explained to the customer; null = not explained. */
  causeExplainedAt?: Maybe<Scalars['DateTime']['output']>;
  /** How it was reported. */
  channel: ReportChannel;
  /** The clock durations are counted on (with the branch time zone). */
  clock: SlaClockSetting;
  /** When the customer confirmed; null unless CLOSED. */
  closedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Minutes on the policy's clock so far: outages minus pauses (as of now while open). */
  elapsedMinutes: Scalars['Float']['output'];
  /** Id in that system; unique together with `sourceSystem`. */
  externalId: Scalars['String']['output'];
  /** First restoration. */
  firstRestoredAt?: Maybe<Scalars['DateTime']['output']>;
  /** Opaque global id (see Node). */
  id: Scalars['ID']['output'];
  /** Whether the circuit crosses provinces. */
  interProvincial: Scalars['Boolean']['output'];
  /** Reported within 30 days after an earlier ticket's final restoration, same account and service. */
  isRepeat: Scalars['Boolean']['output'];
  /** Target minus elapsed while open (negative once breached); null once restored. */
  minutesLeft?: Maybe<Scalars['Float']['output']>;
  /** Same as `reportedAt`. */
  occurredAt: Scalars['DateTime']['output'];
  /**
   * Outage intervals: reported → first restoration, each reopen → next restoration (the last one
   * runs to now while open).
   */
  outages: Array<TimeInterval>;
  /** Every pause, by start. */
  pauses: Array<FaultPause>;
  /** How the policy in force at the report was resolved. */
  policyReason: Scalars['String']['output'];
  /** The policy versions it is measured against, most specific first. */
  policyVersions: Array<SlaPolicy>;
  /** How often it was reopened. */
  reopenCount: Scalars['Int']['output'];
  /** Repair duration in minutes on the policy's clock (outages minus pauses); null while open. */
  repairDurationMinutes?: Maybe<Scalars['Float']['output']>;
  /** The earlier ticket it repeats. */
  repeatOf?: Maybe<FaultTicket>;
  /** When reported. */
  reportedAt: Scalars['DateTime']['output'];
  /** Final restoration (after the last reopen); null while open. Places the ticket in a period. */
  restoredAt?: Maybe<Scalars['DateTime']['output']>;
  /** The affected service: circuit or line id. */
  serviceRef: Scalars['String']['output'];
  /** The current (final) severity; its target applies. */
  severity: Severity;
  /** Every severity the ticket had, in order. */
  severityHistory: Array<SeverityChange>;
  /** Against the target (as of now while open). */
  slaState: SlaState;
  /** System the ticket comes from (`JOURNEY` when opened here). */
  sourceSystem: Scalars['String']['output'];
  /** FAULT_REPORTING while REPORTED, REPAIR afterwards. */
  stage: JourneyStage;
  /** Status. */
  status: FaultStatus;
  /** Every status change with time and actor, in order. */
  statusHistory: Array<FaultStatusChange>;
  /** Restoration target of the current severity under the policy in force at the report (minutes). */
  targetMinutes: Scalars['Int']['output'];
  /** Repair duration ≤ target; null while open. */
  withinSla?: Maybe<Scalars['Boolean']['output']>;
};

/** A page of fault tickets. */
export type FaultTicketConnection = {
  __typename?: 'FaultTicketConnection';
  /** The tickets of this page. */
  edges: Array<FaultTicketEdge>;
  /** Pagination state. */
  pageInfo: PageInfo;
  /** Tickets matching, over all pages; null on per-account lists. */
  totalCount?: Maybe<Scalars['Int']['output']>;
};

/** One ticket in a page. */
export type FaultTicketEdge = {
  __typename?: 'FaultTicketEdge';
  /** Cursor for `after`. */
  cursor: Scalars['String']['output'];
  /** The ticket. */
  node: FaultTicket;
};

/** One changed field. */
export type FieldChange = {
  __typename?: 'FieldChange';
  /** Value after, as JSON text. */
  after?: Maybe<Scalars['String']['output']>;
  /** Value before, as JSON text (null when the entity was created). */
  before?: Maybe<Scalars['String']['output']>;
  /** Field name. */
  field: Scalars['String']['output'];
};

/**
 * A reported figure with what it was computed from, so every number can be checked. Rates and
 * shares are fractions 0–1 (0.85 = 85 %); the standard satisfaction index is 0–100; NPS is −100..100;
 * means of scores are on their 1–10 scale. `value` is null when there is no data (no figure is not 0).
 */
export type Figure = {
  __typename?: 'Figure';
  /** Denominator of a ratio (e.g. all responses); null for means. */
  denominator?: Maybe<Scalars['Float']['output']>;
  /** Upper end of the 95 % confidence interval; null when none applies. */
  high?: Maybe<Scalars['Float']['output']>;
  /**
   * Lower end of the 95 % confidence interval (Wilson for shares, Student t for means); null when
   * none applies (fewer than two values, NPS, averages of quarters).
   */
  low?: Maybe<Scalars['Float']['output']>;
  /** Numerator of a ratio (e.g. responses with CS1 = 10); null for means. */
  numerator?: Maybe<Scalars['Float']['output']>;
  /**
   * Value of the same figure in the previous period of the same length (2026-Q1 → 2025-Q4); null
   * when not computed or there was no data.
   */
  previous?: Maybe<Scalars['Float']['output']>;
  /**
   * How many records it was computed from (responses, accounts, activations, tickets); for a
   * year's follow-up coverage, the number of quarters averaged.
   */
  sampleSize: Scalars['Int']['output'];
  /** Target of the branch for this figure and period; null when none is set. */
  target?: Maybe<Scalars['Float']['output']>;
  /** The figure; null when there is no data. */
  value?: Maybe<Scalars['Float']['output']>;
};

/** A follow-up visit to a key account (回访): by phone, on site, mail, SMS, IVR, web … */
export type FollowUp = JourneyEvent & Node & {
  __typename?: 'FollowUp';
  /** The account. */
  account: KeyAccount;
  /** When it was cancelled; null when not. */
  cancelledAt?: Maybe<Scalars['DateTime']['output']>;
  /** How. */
  channel: FollowUpChannel;
  /** When the visit was made; null until completed. */
  completedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Login of whoever recorded the completion. */
  completedBy?: Maybe<Scalars['String']['output']>;
  /** When it is due. */
  dueAt: Scalars['DateTime']['output'];
  /**
   * Id in the source system; unique with `sourceSystem`. Cadence keys are `POST_ACTIVATION:<orderId>`,
   * `POST_REPAIR:<ticketId>` and `PERIODIC:<accountId>:<YYYY-Qn>`.
   */
  externalId: Scalars['String']['output'];
  /** The complaint whose resolution it follows, if any (scheduled by the cadence). */
  followsComplaintId?: Maybe<Scalars['ID']['output']>;
  /** The activation order it follows, if any. */
  followsOrderId?: Maybe<Scalars['ID']['output']>;
  /** The fault ticket it follows, if any. */
  followsTicketId?: Maybe<Scalars['ID']['output']>;
  /** Opaque global id (see Node). */
  id: Scalars['ID']['output'];
  /** Issues the customer raised during the visit. */
  issuesRaised: Array<Scalars['String']['output']>;
  /** When it was marked missed; null when not. */
  missedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The completion time once completed, else the due time. */
  occurredAt: Scalars['DateTime']['output'];
  /** What came of it. */
  outcome?: Maybe<Scalars['String']['output']>;
  /** Still SCHEDULED after its due time (computed at the time of the request). */
  overdue: Scalars['Boolean']['output'];
  /** Who made the visit. */
  performedBy?: Maybe<Scalars['String']['output']>;
  /** Why. */
  purpose: FollowUpPurpose;
  /** The consultation opened for an issue raised, if any. */
  raisedConsultationId?: Maybe<Scalars['ID']['output']>;
  /** Login of whoever scheduled it (`system:follow-up-cadence` for the cadence). */
  scheduledBy?: Maybe<Scalars['String']['output']>;
  /**
   * Source system; `CADENCE` for follow-ups the service scheduled itself, `JOURNEY` for those
   * scheduled through the API without one.
   */
  sourceSystem: Scalars['String']['output'];
  /** Always FOLLOW_UP. */
  stage: JourneyStage;
  /** State. */
  status: FollowUpStatus;
};

/** How a follow-up visit is made (回访方式). */
export type FollowUpChannel =
  /** An e-mail. */
  | 'EMAIL'
  /** A fax. */
  | 'FAX'
  /** An automated voice call (interactive voice response). */
  | 'IVR'
  /** A letter. */
  | 'MAIL'
  /** A visit at the customer. */
  | 'ON_SITE'
  /** A phone call. */
  | 'PHONE'
  /** A text message. */
  | 'SMS'
  /** A web form or portal. */
  | 'WEB';

/** Follow-up figures of a branch in a period (measurement rules, "Follow-up visits"). */
export type FollowUpCompliance = {
  __typename?: 'FollowUpCompliance';
  /** The branch. */
  branch: Branch;
  /** The period label. */
  period: Scalars['String']['output'];
  /** End (exclusive) of the period. */
  periodEnd: Scalars['DateTime']['output'];
  /** Start of the period in the branch's time zone. */
  periodStart: Scalars['DateTime']['output'];
  /**
   * Quarterly coverage: accounts active during the quarter with ≥ 1 completed follow-up in it ÷
   * accounts active during the quarter. A month: its quarter from the start to the month's end; a
   * year: the mean of its quarters (sample size = quarters averaged, no numerator/denominator).
   */
  quarterlyCoverage: Figure;
};

/** A page of follow-ups. */
export type FollowUpConnection = {
  __typename?: 'FollowUpConnection';
  /** The follow-ups of this page. */
  edges: Array<FollowUpEdge>;
  /** Pagination state. */
  pageInfo: PageInfo;
};

/** One follow-up in a page. */
export type FollowUpEdge = {
  __typename?: 'FollowUpEdge';
  /** Cursor for `after`. */
  cursor: Scalars['String']['output'];
  /** The follow-up. */
  node: FollowUp;
};

/** Why a follow-up visit is made. */
export type FollowUpPurpose =
  /** About a complaint. */
  | 'COMPLAINT'
  /** Anything else. */
  | 'OTHER'
  /** The quarterly visit every active account gets (see `schedulePeriodicFollowUps`). */
  | 'PERIODIC'
  /** After an activation (scheduled automatically, due 7 days after activation). */
  | 'POST_ACTIVATION'
  /** After a fault ticket's closure (scheduled automatically, due 3 days after closure). */
  | 'POST_REPAIR';

/**
 * State of a follow-up. SCHEDULED → COMPLETED | MISSED | CANCELLED; a MISSED follow-up may still
 * be COMPLETED late (it then counts where its completion time falls). COMPLETED and CANCELLED are
 * final.
 */
export type FollowUpStatus =
  /** Called off (final); counts nowhere. */
  | 'CANCELLED'
  /** Made (final); counts where its completion time falls. */
  | 'COMPLETED'
  /** Not made by its due time; may still be completed late. */
  | 'MISSED'
  /** Planned and not yet made; overdue once past `dueAt`. */
  | 'SCHEDULED';

/** Channel of a business handling. */
export type HandlingChannel =
  /** Through the account manager. */
  | 'ACCOUNT_MANAGER'
  /** A sales agent or partner. */
  | 'AGENT'
  /** A business hall (营业厅). */
  | 'BUSINESS_HALL'
  /** Online (portal or app). */
  | 'ONLINE';

/** The outcome of one batch: `read = inserted + updated + unchanged + rejected`. */
export type ImportBatchResult = {
  __typename?: 'ImportBatchResult';
  /** New records. */
  inserted: Scalars['Int']['output'];
  /** Rows received. */
  read: Scalars['Int']['output'];
  /** Rows refused; nothing of them was written. */
  rejected: Scalars['Int']['output'];
  /** One outcome per row, in order. */
  results: Array<ImportRowResult>;
  /** Records already exactly as given. */
  unchanged: Scalars['Int']['output'];
  /** Records that changed. */
  updated: Scalars['Int']['output'];
};

/** One documented column of an import kind. */
export type ImportColumn = {
  __typename?: 'ImportColumn';
  /** Meaning and format. */
  description: Scalars['String']['output'];
  /** Column name (CSV header / NDJSON key). */
  name: Scalars['String']['output'];
  /** Whether every row must give it. */
  required: Scalars['Boolean']['output'];
};

/** An importable kind and its columns. */
export type ImportKindInfo = {
  __typename?: 'ImportKindInfo';
  /** Its columns. */
  columns: Array<ImportColumn>;
  /** Kind name, as passed to `importRecords(kind:)`. */
  kind: Scalars['String']['output'];
};

/** The outcome of one row of a batch. */
export type ImportRowResult = {
  __typename?: 'ImportRowResult';
  /** The offending column, when one is to blame. */
  field?: Maybe<Scalars['String']['output']>;
  /** Id of the record written or found; null when rejected. */
  id?: Maybe<Scalars['ID']['output']>;
  /** Position of the row in the batch (0-based). */
  index: Scalars['Int']['output'];
  /** Why the row was rejected, starting with the column. */
  reason?: Maybe<Scalars['String']['output']>;
  /** What happened. */
  status: ImportRowStatus;
};

/** What happened to one imported row. */
export type ImportRowStatus =
  /** A new record was written. */
  | 'INSERTED'
  /** The row was refused (see `reason`); nothing of it was written. */
  | 'REJECTED'
  /** The record was already exactly as given; nothing was written. */
  | 'UNCHANGED'
  /** An existing record (same natural key) was changed. */
  | 'UPDATED';

/** A further token for a user. */
export type IssueTokenInput = {
  /** Expiry; null = never. */
  expiresAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** Free label. */
  label?: InputMaybe<Scalars['String']['input']>;
  /** Login of the user. */
  login: Scalars['String']['input'];
};

/** A newly issued token (shown only here) and its metadata. */
export type IssueTokenPayload = {
  __typename?: 'IssueTokenPayload';
  /** Its metadata. */
  apiToken: ApiToken;
  /** Bearer token; store it now, it is not shown again. */
  token: Scalars['String']['output'];
};

/** Anything that happened on an account's journey; every record type implements it. */
export type JourneyEvent = {
  /** The account. */
  account: KeyAccount;
  /** Opaque global id (see Node). */
  id: Scalars['ID']['output'];
  /** When the record's event began (e.g. asked, ordered, reported); the timeline's order. */
  occurredAt: Scalars['DateTime']['output'];
  /** The journey stage the record belongs to. */
  stage: JourneyStage;
};

/** A page of an account's timeline. */
export type JourneyEventConnection = {
  __typename?: 'JourneyEventConnection';
  /** The events of this page, newest first. */
  edges: Array<JourneyEventEdge>;
  /** Pagination state. */
  pageInfo: PageInfo;
};

/** One event in a timeline page. */
export type JourneyEventEdge = {
  __typename?: 'JourneyEventEdge';
  /** Cursor for `after`. */
  cursor: Scalars['String']['output'];
  /** The event. */
  node: JourneyEvent;
};

/** Stages of the key-account service journey. */
export type JourneyStage =
  /** Service being installed or switched on (业务开通). */
  | 'ACTIVATION'
  /** Fees, statements, payments and disputes. */
  | 'BILLING'
  /** Questions before or around a purchase (咨询). */
  | 'CONSULTING'
  /** Contracts, agreements and changes (业务办理). */
  | 'CONTRACT'
  /** A fault reported and not yet acknowledged. */
  | 'FAULT_REPORTING'
  /** A follow-up visit (回访). */
  | 'FOLLOW_UP'
  /** Maintenance of the customer’s lines (维护). */
  | 'MAINTENANCE'
  /** A fault acknowledged and being repaired. */
  | 'REPAIR'
  /** A satisfaction survey response. */
  | 'SURVEY';

/** A key (enterprise) account (大客户), looked after by one account manager of one branch. */
export type KeyAccount = Node & {
  __typename?: 'KeyAccount';
  /** The account manager who looks after it. */
  accountManager: User;
  /** The account's activation orders, newest order first. */
  activationOrders: ActivationOrderConnection;
  /** The branch the account belongs to. */
  branch: Branch;
  /** When it was closed; null while active. */
  closedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The account's complaints, newest receipt first. */
  complaints: ComplaintConnection;
  /** People at the customer. */
  contacts: Array<Contact>;
  /** When the relationship began. */
  createdAt: Scalars['DateTime']['output'];
  /**
   * Where the account stands. Rule: an open fault ticket puts it in FAULT_REPORTING (not yet
   * acknowledged) or REPAIR; otherwise an open activation order puts it in ACTIVATION; otherwise it is
   * the stage of its most recent journey record other than follow-ups and surveys; an account
   * without records is in CONSULTING.
   */
  currentStage: JourneyStage;
  /** Id in the source system; unique together with `sourceSystem` (the integration key). */
  externalId: Scalars['String']['output'];
  /** The account's fault tickets, newest report first. */
  faultTickets: FaultTicketConnection;
  /** The account's follow-ups, latest due first; optionally of one status. */
  followUps: FollowUpConnection;
  /** Opaque global id (see Node). */
  id: Scalars['ID']['output'];
  /** Industry (free text, e.g. finance, government, manufacturing). */
  industry?: Maybe<Scalars['String']['output']>;
  /** Customer name. */
  name: Scalars['String']['output'];
  /**
   * The account's satisfaction figures in a period (`YYYY`, `YYYY-Qn`, `YYYY-MM`, in its branch's
   * time zone).
   */
  satisfaction: SatisfactionSummary;
  /** System the account comes from (e.g. CRM, BSS). */
  sourceSystem: Scalars['String']['output'];
  /** ACTIVE or CLOSED. */
  status: KeyAccountStatus;
  /** The account's survey responses, newest first. */
  surveyResponses: SurveyResponseConnection;
  /** Service tier (free text, e.g. A, B, strategic). */
  tier?: Maybe<Scalars['String']['output']>;
  /** Every journey record of the account, newest first (by the time the record's event began). */
  timeline: JourneyEventConnection;
};


/** A key (enterprise) account (大客户), looked after by one account manager of one branch. */
export type KeyAccountActivationOrdersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A key (enterprise) account (大客户), looked after by one account manager of one branch. */
export type KeyAccountComplaintsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A key (enterprise) account (大客户), looked after by one account manager of one branch. */
export type KeyAccountFaultTicketsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A key (enterprise) account (大客户), looked after by one account manager of one branch. */
export type KeyAccountFollowUpsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<FollowUpStatus>;
};


/** A key (enterprise) account (大客户), looked after by one account manager of one branch. */
export type KeyAccountSatisfactionArgs = {
  period: Scalars['String']['input'];
};


/** A key (enterprise) account (大客户), looked after by one account manager of one branch. */
export type KeyAccountSurveyResponsesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A key (enterprise) account (大客户), looked after by one account manager of one branch. */
export type KeyAccountTimelineArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  stages?: InputMaybe<Array<JourneyStage>>;
};

/** A page of key accounts. */
export type KeyAccountConnection = {
  __typename?: 'KeyAccountConnection';
  /** The accounts of this page. */
  edges: Array<KeyAccountEdge>;
  /** Pagination state. */
  pageInfo: PageInfo;
  /** Accounts matching the filter within the caller's scope. */
  totalCount: Scalars['Int']['output'];
};

/** One key account in a page. */
export type KeyAccountEdge = {
  __typename?: 'KeyAccountEdge';
  /** Cursor for `after`/`before`. */
  cursor: Scalars['String']['output'];
  /** The account. */
  node: KeyAccount;
};

/** Filters for `keyAccounts`; all given filters must hold. */
export type KeyAccountFilter = {
  /** Login of the account manager. */
  accountManagerLogin?: InputMaybe<Scalars['String']['input']>;
  /** Branch code. */
  branchCode?: InputMaybe<Scalars['String']['input']>;
  /** Industry. */
  industry?: InputMaybe<Scalars['String']['input']>;
  /** Case-insensitive part of the name. */
  nameContains?: InputMaybe<Scalars['String']['input']>;
  /** Current stage. */
  stage?: InputMaybe<JourneyStage>;
  /** Status. */
  status?: InputMaybe<KeyAccountStatus>;
  /** Tier. */
  tier?: InputMaybe<Scalars['String']['input']>;
};

/** Whether the customer relationship is running. */
export type KeyAccountStatus =
  /** The relationship is running. */
  | 'ACTIVE'
  /** The relationship has ended (`closedAt` says when). */
  | 'CLOSED';

/** A local time span, `HH:mm`–`HH:mm`. */
export type LocalTimeRange = {
  __typename?: 'LocalTimeRange';
  /** End, `HH:mm`. */
  end: Scalars['String']['output'];
  /** Start, `HH:mm`. */
  start: Scalars['String']['output'];
};

/** A local time span. */
export type LocalTimeRangeInput = {
  /** End, `HH:mm`, after start. */
  end: Scalars['String']['input'];
  /** Start, `HH:mm`. */
  start: Scalars['String']['input'];
};

/** Effect of maintenance on the customer's service. */
export type MaintenanceImpact =
  /** Service degraded during the work. */
  | 'DEGRADED'
  /** No effect on the customer’s service. */
  | 'NONE'
  /** Service interrupted during the work. */
  | 'OUTAGE';

/** Who performed maintenance. */
export type MaintenancePerformer =
  /** A maintenance contractor (代维). */
  | 'CONTRACTOR'
  /** The operator’s own staff. */
  | 'OWN_STAFF';

/** Maintenance of the customer's lines (维护和线路保障). */
export type MaintenanceRecord = JourneyEvent & Node & {
  __typename?: 'MaintenanceRecord';
  /** The account. */
  account: KeyAccount;
  /** What was done. */
  description?: Maybe<Scalars['String']['output']>;
  /** End; null while running. */
  endAt?: Maybe<Scalars['DateTime']['output']>;
  /** Opaque global id (see Node). */
  id: Scalars['ID']['output'];
  /** Effect on service. */
  impact: MaintenanceImpact;
  /** When the customer was told; null = not told. */
  notifiedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The customer was told before the work started. */
  notifiedInAdvance: Scalars['Boolean']['output'];
  /** Same as `startAt`. */
  occurredAt: Scalars['DateTime']['output'];
  /** Own staff or contractor (代维). */
  performedBy: MaintenancePerformer;
  /** Planned (preventive) or not. */
  planned: Scalars['Boolean']['output'];
  /** Always MAINTENANCE. */
  stage: JourneyStage;
  /** Start. */
  startAt: Scalars['DateTime']['output'];
};

/** A maintenance record to record. */
export type MaintenanceRecordInput = {
  /** Account id (required on create, ignored on update). */
  accountId?: InputMaybe<Scalars['ID']['input']>;
  /** What was done. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** End; not before `startAt`. */
  endAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** Effect on service. */
  impact?: InputMaybe<MaintenanceImpact>;
  /** When the customer was told. */
  notifiedAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** Own staff or contractor. */
  performedBy?: InputMaybe<MaintenancePerformer>;
  /** Planned or not. */
  planned?: InputMaybe<Scalars['Boolean']['input']>;
  /** Start. */
  startAt?: InputMaybe<Scalars['DateTime']['input']>;
};

/** Changes. Every mutation is recorded in the audit trail. */
export type Mutation = {
  __typename?: 'Mutation';
  /** REPORTED or REOPENED → ACKNOWLEDGED. */
  acknowledgeFaultTicket?: Maybe<FaultTicket>;
  /** The service went live (open orders → ACTIVATED). Replaying the same `at` is harmless. */
  activateOrder?: Maybe<ActivationOrder>;
  /** The order was withdrawn (open orders → CANCELLED). */
  cancelActivationOrder?: Maybe<ActivationOrder>;
  /** Cancels a SCHEDULED follow-up at `at`. */
  cancelFollowUp?: Maybe<FollowUp>;
  /** Changes the severity from `at` on; the final severity's target applies. */
  changeFaultSeverity?: Maybe<FaultTicket>;
  /** RESTORED → CLOSED: the customer confirmed. */
  closeFaultTicket?: Maybe<FaultTicket>;
  /** Closes the account at the given time. */
  closeKeyAccount?: Maybe<KeyAccount>;
  /**
   * Records that a SCHEDULED (or MISSED) follow-up was made at `at` (not in the future). Replaying
   * it with the same `at` changes nothing; another `at` is ILLEGAL_TRANSITION.
   */
  completeFollowUp?: Maybe<FollowUp>;
  /** RESOLVED → CONFIRMED: the customer confirmed the resolution. */
  confirmComplaint?: Maybe<Complaint>;
  /** RECEIVED → CONTACTED: first contact with the customer. */
  contactComplaint?: Maybe<Complaint>;
  /** Records an order (status RECEIVED). */
  createActivationOrder?: Maybe<ActivationOrder>;
  /** Records a billing interaction. */
  createBillingInteraction?: Maybe<BillingInteraction>;
  /** Creates a branch (ADMIN only). */
  createBranch?: Maybe<Branch>;
  /** Records a business handling. */
  createBusinessHandling?: Maybe<BusinessHandling>;
  /** Records a consultation. */
  createConsultation?: Maybe<Consultation>;
  /** Creates a key account. */
  createKeyAccount?: Maybe<KeyAccount>;
  /** Records maintenance. */
  createMaintenanceRecord?: Maybe<MaintenanceRecord>;
  /** Creates a user and returns its first token once (ADMIN only). */
  createUser?: Maybe<CreateUserPayload>;
  /** A delay with its reason (open orders → DELAYED); `notifiedAt` = when the customer was told. */
  delayActivationOrder?: Maybe<ActivationOrder>;
  /**
   * Validates and upserts up to 1000 rows of one kind by natural key (sourceSystem + externalId);
   * one result per row. INTEGRATION tokens import only for their own source system and branch
   * scope; references (e.g. an account) are given by external id and an unknown one rejects the row.
   * With `dryRun` nothing is written but every row is validated and decided.
   */
  importRecords?: Maybe<ImportBatchResult>;
  /** Issues a further token for a user (ADMIN only). */
  issueToken?: Maybe<IssueTokenPayload>;
  /** Marks a SCHEDULED follow-up as missed at `at`; it may still be completed late. */
  missFollowUp?: Maybe<FollowUp>;
  /** The customer was told about the latest delay at `at`. */
  notifyActivationDelay?: Maybe<ActivationOrder>;
  /** Records a complaint (status RECEIVED); its targets come from the SLA policy in force at receipt. */
  openComplaint?: Maybe<Complaint>;
  /** Reports a fault (status REPORTED); detects a repeat of an earlier fault. */
  openFaultTicket?: Maybe<FaultTicket>;
  /** IN_PROGRESS → PENDING_CUSTOMER: the clock pauses. */
  pauseFaultTicket?: Maybe<FaultTicket>;
  /** Hands the account to another manager of its branch (BRANCH_HEAD of the branch or ADMIN). */
  reassignAccountManager?: Maybe<KeyAccount>;
  /** The acceptance test report was received (ACTIVATED orders). */
  recordAcceptanceReport?: Maybe<ActivationOrder>;
  /**
   * Records (or corrects) the cause and when it was explained to the customer; without
   * `explainedAt` an explanation already recorded is kept.
   */
  recordFaultCause?: Maybe<FaultTicket>;
  /**
   * Records a pause after the fact, in any status; overlapping pauses count once and the part
   * outside outages counts for nothing.
   */
  recordFaultPause?: Maybe<FaultTicket>;
  /** Records a survey response. */
  recordSurveyResponse?: Maybe<SurveyResponse>;
  /** RESOLVED or CONFIRMED → REOPENED: the resolution clock resumes. */
  reopenComplaint?: Maybe<Complaint>;
  /** RESTORED or CLOSED → REOPENED: the fault came back. */
  reopenFaultTicket?: Maybe<FaultTicket>;
  /** A new promise made at `at` (open orders); the original promise stays the measure. */
  repromiseActivationOrder?: Maybe<ActivationOrder>;
  /** CONTACTED or REOPENED → RESOLVED with an outcome; schedules a COMPLAINT follow-up 3 days later. */
  resolveComplaint?: Maybe<Complaint>;
  /** ACKNOWLEDGED, IN_PROGRESS, PENDING_CUSTOMER (ends the pause) or REOPENED → RESTORED. */
  restoreFaultTicket?: Maybe<FaultTicket>;
  /** PENDING_CUSTOMER → IN_PROGRESS: the clock runs again. */
  resumeFaultTicket?: Maybe<FaultTicket>;
  /** Revokes a token at once (ADMIN only); idempotent. */
  revokeToken?: Maybe<ApiToken>;
  /** Dispatch confirmed: RECEIVED or DELAYED → SCHEDULED. */
  scheduleActivationOrder?: Maybe<ActivationOrder>;
  /** Schedules a follow-up on an account. */
  scheduleFollowUp?: Maybe<FollowUp>;
  /**
   * Schedules one PERIODIC follow-up per account active during the quarter (`YYYY-Qn`, in each
   * branch's time zone), due at 00:00 on the 15th of the quarter's middle month; for one branch or
   * all. Idempotent. ADMIN; a BRANCH_HEAD for their own branch.
   */
  schedulePeriodicFollowUps?: Maybe<PeriodicFollowUpScheduling>;
  /** Sets or removes a branch's target for a figure and period (HQ_ANALYST and ADMIN). */
  setScorecardTarget?: Maybe<ScorecardTarget>;
  /**
   * Adds the next version of a policy: ADMIN for DEFAULT and BRANCH; ADMIN or the account's branch
   * head for ACCOUNT.
   */
  setSlaPolicy?: Maybe<SlaPolicy>;
  /** Work starts: RECEIVED, SCHEDULED or DELAYED → IN_PROGRESS. */
  startActivationWork?: Maybe<ActivationOrder>;
  /** ACKNOWLEDGED or REOPENED → IN_PROGRESS. */
  startFaultWork?: Maybe<FaultTicket>;
  /** Changes a billing interaction; omitted fields stay. */
  updateBillingInteraction?: Maybe<BillingInteraction>;
  /** Changes a business handling; omitted fields stay. */
  updateBusinessHandling?: Maybe<BusinessHandling>;
  /** Changes a consultation; omitted fields stay. */
  updateConsultation?: Maybe<Consultation>;
  /** Changes an account's descriptive fields. */
  updateKeyAccount?: Maybe<KeyAccount>;
  /** Changes a maintenance record; omitted fields stay. */
  updateMaintenanceRecord?: Maybe<MaintenanceRecord>;
  /** Creates or renames a competitor (ADMIN). */
  upsertCompetitor?: Maybe<Competitor>;
  /** Creates or changes a survey attribute of the catalogue (ADMIN). */
  upsertSurveyAttribute?: Maybe<SurveyAttribute>;
};


/** Changes. Every mutation is recorded in the audit trail. */
export type MutationAcknowledgeFaultTicketArgs = {
  at: Scalars['DateTime']['input'];
  id: Scalars['ID']['input'];
};


/** Changes. Every mutation is recorded in the audit trail. */
export type MutationActivateOrderArgs = {
  at: Scalars['DateTime']['input'];
  id: Scalars['ID']['input'];
};


/** Changes. Every mutation is recorded in the audit trail. */
export type MutationCancelActivationOrderArgs = {
  at: Scalars['DateTime']['input'];
  id: Scalars['ID']['input'];
};


/** Changes. Every mutation is recorded in the audit trail. */
export type MutationCancelFollowUpArgs = {
  at: Scalars['DateTime']['input'];
  id: Scalars['ID']['input'];
};


/** Changes. Every mutation is recorded in the audit trail. */
export type MutationChangeFaultSeverityArgs = {
  at: Scalars['DateTime']['input'];
  id: Scalars['ID']['input'];
  severity: Severity;
};


/** Changes. Every mutation is recorded in the audit trail. */
export type MutationCloseFaultTicketArgs = {
  at: Scalars['DateTime']['input'];
  id: Scalars['ID']['input'];
};


/** Changes. Every mutation is recorded in the audit trail. */
export type MutationCloseKeyAccountArgs = {
  at: Scalars['DateTime']['input'];
  id: Scalars['ID']['input'];
};


/** Changes. Every mutation is recorded in the audit trail. */
export type MutationCompleteFollowUpArgs = {
  at: Scalars['DateTime']['input'];
  id: Scalars['ID']['input'];
  issuesRaised?: InputMaybe<Array<Scalars['String']['input']>>;
  outcome?: InputMaybe<Scalars['String']['input']>;
  performedBy?: InputMaybe<Scalars['String']['input']>;
  raiseConsultation?: InputMaybe<RaiseConsultationInput>;
};


/** Changes. Every mutation is recorded in the audit trail. */
export type MutationConfirmComplaintArgs = {
  at: Scalars['DateTime']['input'];
  id: Scalars['ID']['input'];
};


/** Changes. Every mutation is recorded in the audit trail. */
export type MutationContactComplaintArgs = {
  at: Scalars['DateTime']['input'];
  id: Scalars['ID']['input'];
};


/** Changes. Every mutation is recorded in the audit trail. */
export type MutationCreateActivationOrderArgs = {
  input: CreateActivationOrderInput;
};


/** Changes. Every mutation is recorded in the audit trail. */
export type MutationCreateBillingInteractionArgs = {
  input: BillingInteractionInput;
};


/** Changes. Every mutation is recorded in the audit trail. */
export type MutationCreateBranchArgs = {
  input: CreateBranchInput;
};


/** Changes. Every mutation is recorded in the audit trail. */
export type MutationCreateBusinessHandlingArgs = {
  input: BusinessHandlingInput;
};


/** Changes. Every mutation is recorded in the audit trail. */
export type MutationCreateConsultationArgs = {
  input: ConsultationInput;
};


/** Changes. Every mutation is recorded in the audit trail. */
export type MutationCreateKeyAccountArgs = {
  input: CreateKeyAccountInput;
};


/** Changes. Every mutation is recorded in the audit trail. */
export type MutationCreateMaintenanceRecordArgs = {
  input: MaintenanceRecordInput;
};


/** Changes. Every mutation is recorded in the audit trail. */
export type MutationCreateUserArgs = {
  input: CreateUserInput;
};


/** Changes. Every mutation is recorded in the audit trail. */
export type MutationDelayActivationOrderArgs = {
  at: Scalars['DateTime']['input'];
  id: Scalars['ID']['input'];
  notifiedAt?: InputMaybe<Scalars['DateTime']['input']>;
  reason: DelayReason;
};


/** Changes. Every mutation is recorded in the audit trail. */
export type MutationImportRecordsArgs = {
  dryRun?: InputMaybe<Scalars['Boolean']['input']>;
  kind: Scalars['String']['input'];
  rows: Array<Scalars['JSONObject']['input']>;
  sourceSystem: Scalars['String']['input'];
};


/** Changes. Every mutation is recorded in the audit trail. */
export type MutationIssueTokenArgs = {
  input: IssueTokenInput;
};


/** Changes. Every mutation is recorded in the audit trail. */
export type MutationMissFollowUpArgs = {
  at: Scalars['DateTime']['input'];
  id: Scalars['ID']['input'];
};


/** Changes. Every mutation is recorded in the audit trail. */
export type MutationNotifyActivationDelayArgs = {
  at: Scalars['DateTime']['input'];
  id: Scalars['ID']['input'];
};


/** Changes. Every mutation is recorded in the audit trail. */
export type MutationOpenComplaintArgs = {
  input: OpenComplaintInput;
};


/** Changes. Every mutation is recorded in the audit trail. */
export type MutationOpenFaultTicketArgs = {
  input: OpenFaultTicketInput;
};


/** Changes. Every mutation is recorded in the audit trail. */
export type MutationPauseFaultTicketArgs = {
  at: Scalars['DateTime']['input'];
  id: Scalars['ID']['input'];
  reason: PauseReason;
};


/** Changes. Every mutation is recorded in the audit trail. */
export type MutationReassignAccountManagerArgs = {
  accountManagerLogin: Scalars['String']['input'];
  id: Scalars['ID']['input'];
};


/** Changes. Every mutation is recorded in the audit trail. */
export type MutationRecordAcceptanceReportArgs = {
  at: Scalars['DateTime']['input'];
  id: Scalars['ID']['input'];
  reference?: InputMaybe<Scalars['String']['input']>;
};


/** Changes. Every mutation is recorded in the audit trail. */
export type MutationRecordFaultCauseArgs = {
  cause: Scalars['String']['input'];
  explainedAt?: InputMaybe<Scalars['DateTime']['input']>;
  id: Scalars['ID']['input'];
};


/** Changes. Every mutation is recorded in the audit trail. */
export type MutationRecordFaultPauseArgs = {
  from: Scalars['DateTime']['input'];
  id: Scalars['ID']['input'];
  reason: PauseReason;
  to: Scalars['DateTime']['input'];
};


/** Changes. Every mutation is recorded in the audit trail. */
export type MutationRecordSurveyResponseArgs = {
  input: RecordSurveyResponseInput;
};


/** Changes. Every mutation is recorded in the audit trail. */
export type MutationReopenComplaintArgs = {
  at: Scalars['DateTime']['input'];
  id: Scalars['ID']['input'];
};


/** Changes. Every mutation is recorded in the audit trail. */
export type MutationReopenFaultTicketArgs = {
  at: Scalars['DateTime']['input'];
  id: Scalars['ID']['input'];
};


/** Changes. Every mutation is recorded in the audit trail. */
export type MutationRepromiseActivationOrderArgs = {
  at: Scalars['DateTime']['input'];
  id: Scalars['ID']['input'];
  promisedAt: Scalars['DateTime']['input'];
};


/** Changes. Every mutation is recorded in the audit trail. */
export type MutationResolveComplaintArgs = {
  at: Scalars['DateTime']['input'];
  compensation?: InputMaybe<CompensationInput>;
  id: Scalars['ID']['input'];
  outcome: ComplaintOutcome;
};


/** Changes. Every mutation is recorded in the audit trail. */
export type MutationRestoreFaultTicketArgs = {
  at: Scalars['DateTime']['input'];
  id: Scalars['ID']['input'];
};


/** Changes. Every mutation is recorded in the audit trail. */
export type MutationResumeFaultTicketArgs = {
  at: Scalars['DateTime']['input'];
  id: Scalars['ID']['input'];
};


/** Changes. Every mutation is recorded in the audit trail. */
export type MutationRevokeTokenArgs = {
  id: Scalars['ID']['input'];
};


/** Changes. Every mutation is recorded in the audit trail. */
export type MutationScheduleActivationOrderArgs = {
  at: Scalars['DateTime']['input'];
  id: Scalars['ID']['input'];
};


/** Changes. Every mutation is recorded in the audit trail. */
export type MutationScheduleFollowUpArgs = {
  input: ScheduleFollowUpInput;
};


/** Changes. Every mutation is recorded in the audit trail. */
export type MutationSchedulePeriodicFollowUpsArgs = {
  branchCode?: InputMaybe<Scalars['String']['input']>;
  quarter: Scalars['String']['input'];
};


/** Changes. Every mutation is recorded in the audit trail. */
export type MutationSetScorecardTargetArgs = {
  input: ScorecardTargetInput;
};


/** Changes. Every mutation is recorded in the audit trail. */
export type MutationSetSlaPolicyArgs = {
  input: SetSlaPolicyInput;
};


/** Changes. Every mutation is recorded in the audit trail. */
export type MutationStartActivationWorkArgs = {
  at: Scalars['DateTime']['input'];
  id: Scalars['ID']['input'];
};


/** Changes. Every mutation is recorded in the audit trail. */
export type MutationStartFaultWorkArgs = {
  at: Scalars['DateTime']['input'];
  id: Scalars['ID']['input'];
};


/** Changes. Every mutation is recorded in the audit trail. */
export type MutationUpdateBillingInteractionArgs = {
  id: Scalars['ID']['input'];
  input: BillingInteractionInput;
};


/** Changes. Every mutation is recorded in the audit trail. */
export type MutationUpdateBusinessHandlingArgs = {
  id: Scalars['ID']['input'];
  input: BusinessHandlingInput;
};


/** Changes. Every mutation is recorded in the audit trail. */
export type MutationUpdateConsultationArgs = {
  id: Scalars['ID']['input'];
  input: ConsultationInput;
};


/** Changes. Every mutation is recorded in the audit trail. */
export type MutationUpdateKeyAccountArgs = {
  id: Scalars['ID']['input'];
  input: UpdateKeyAccountInput;
};


/** Changes. Every mutation is recorded in the audit trail. */
export type MutationUpdateMaintenanceRecordArgs = {
  id: Scalars['ID']['input'];
  input: MaintenanceRecordInput;
};


/** Changes. Every mutation is recorded in the audit trail. */
export type MutationUpsertCompetitorArgs = {
  input: CompetitorInput;
};


/** Changes. Every mutation is recorded in the audit trail. */
export type MutationUpsertSurveyAttributeArgs = {
  input: SurveyAttributeInput;
};

/**
 * An object with identity (Relay's Global Object Identification): whatever implements it can be
 * fetched again by its id alone with `node` or `nodes`, and clients' caches (Relay, Apollo Client)
 * normalise it by `id`.
 */
export type Node = {
  /** Opaque global id, unique across all types. Use it as it is; never parse it. */
  id: Scalars['ID']['output'];
};

/** Filters for `openActivationOrders`; all given filters must hold. */
export type OpenActivationOrderFilter = {
  /** Login of the accounts' manager. */
  accountManagerLogin?: InputMaybe<Scalars['String']['input']>;
  /** Branch code. */
  branchCode?: InputMaybe<Scalars['String']['input']>;
  /** Only overdue (true) or only not overdue (false) orders. */
  overdue?: InputMaybe<Scalars['Boolean']['input']>;
};

/** Filters for `openComplaints`; all given filters must hold. */
export type OpenComplaintFilter = {
  /** Login of the accounts' manager. */
  accountManagerLogin?: InputMaybe<Scalars['String']['input']>;
  /** Branch code. */
  branchCode?: InputMaybe<Scalars['String']['input']>;
  /** Category. */
  category?: InputMaybe<ComplaintCategory>;
  /** State of the step owed, as of now (ON_TRACK, AT_RISK or BREACHED). */
  slaState?: InputMaybe<SlaState>;
};

/** A new complaint. */
export type OpenComplaintInput = {
  /** The activation order it is about (same account); puts it in ACTIVATION. */
  aboutOrderId?: InputMaybe<Scalars['ID']['input']>;
  /** The fault ticket it is about (same account); puts it in that ticket's stage. */
  aboutTicketId?: InputMaybe<Scalars['ID']['input']>;
  /** The account. */
  accountId: Scalars['ID']['input'];
  /** What it is about. */
  category: ComplaintCategory;
  /**
   * How it reached the operator: a code (letters, digits, _ and -), e.g. `HOTLINE`, `ACCOUNT_MANAGER`,
   * `LETTER`, `ONLINE`; stored upper-case.
   */
  channel: Scalars['String']['input'];
  /** What the customer said (up to 2000 characters). */
  description?: InputMaybe<Scalars['String']['input']>;
  /**
   * Id in the source system; default the new complaint's id. Replaying the same opening returns the
   * stored complaint.
   */
  externalId?: InputMaybe<Scalars['String']['input']>;
  /** When it was received (not in the future). */
  receivedAt: Scalars['DateTime']['input'];
  /** Source system; default `JOURNEY`. */
  sourceSystem?: InputMaybe<Scalars['String']['input']>;
};

/** Filters for `openFaultTickets`; all given filters must hold. */
export type OpenFaultTicketFilter = {
  /** Login of the accounts' manager. */
  accountManagerLogin?: InputMaybe<Scalars['String']['input']>;
  /** Branch code. */
  branchCode?: InputMaybe<Scalars['String']['input']>;
  /** Current severity. */
  severity?: InputMaybe<Severity>;
  /** SLA state as of now. */
  slaState?: InputMaybe<SlaState>;
};

/** A new fault ticket. */
export type OpenFaultTicketInput = {
  /** The account. */
  accountId: Scalars['ID']['input'];
  /** How it was reported. */
  channel: ReportChannel;
  /**
   * Id in the source system; default the new ticket's id. Replaying the same report returns the
   * stored ticket.
   */
  externalId?: InputMaybe<Scalars['String']['input']>;
  /** Inter-provincial circuit; default false. */
  interProvincial?: InputMaybe<Scalars['Boolean']['input']>;
  /** When it was reported (not in the future). */
  reportedAt: Scalars['DateTime']['input'];
  /** Circuit or line id. */
  serviceRef: Scalars['String']['input'];
  /** Severity tier. */
  severity: Severity;
  /** Source system; default `JOURNEY`. */
  sourceSystem?: InputMaybe<Scalars['String']['input']>;
};

/** Relay pagination state of a connection. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** Cursor of the last edge. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** More items follow the last edge. */
  hasNextPage: Scalars['Boolean']['output'];
  /** More items precede the first edge. */
  hasPreviousPage: Scalars['Boolean']['output'];
  /** Cursor of the first edge. */
  startCursor?: Maybe<Scalars['String']['output']>;
};

/** Why a ticket waits for the customer. */
export type PauseReason =
  /** The customer asked to postpone. */
  | 'CUSTOMER_REQUESTED_DELAY'
  /** The customer cannot be reached. */
  | 'CUSTOMER_UNAVAILABLE'
  /** No access to the site. */
  | 'NO_ACCESS';

/** Result of `schedulePeriodicFollowUps`. */
export type PeriodicFollowUpScheduling = {
  __typename?: 'PeriodicFollowUpScheduling';
  /** Accounts that already had their follow-up for the quarter. */
  alreadyScheduled: Scalars['Int']['output'];
  /** The quarter. */
  quarter: Scalars['String']['output'];
  /** Follow-ups created by this run. */
  scheduled: Scalars['Int']['output'];
};

/** Promised activation lead time of one product. */
export type ProductLeadTime = {
  __typename?: 'ProductLeadTime';
  /** Minutes from order to the promised activation (24 × 7). */
  minutes: Scalars['Int']['output'];
  /** Product code (upper case), e.g. BROADBAND, DEDICATED_LINE. */
  product: Scalars['String']['output'];
};

/** A product's lead time. */
export type ProductLeadTimeInput = {
  /** Minutes (e.g. 72 h = 4320, 5 days = 7200). */
  minutes: Scalars['Int']['input'];
  /** Product code (letters, digits, _ and -; compared case-insensitively). */
  product: Scalars['String']['input'];
};

/**
 * Importance–performance quadrant of a survey attribute (因素重要性推导), split at the mean
 * importance and the mean performance over the attributes taking part; a value equal to the mean
 * counts as high.
 */
export type Quadrant =
  /** High importance, low performance (急需改进). */
  | 'IMPROVE_URGENTLY'
  /** High importance, high performance (继续保持). */
  | 'KEEP_UP'
  /** Low importance, low performance (不占优先地位). */
  | 'LOW_PRIORITY'
  /** Low importance, high performance (无关紧要). */
  | 'POSSIBLE_OVERKILL';

/** Read operations. Every list of records is scoped to what the caller may see. */
export type Query = {
  __typename?: 'Query';
  /**
   * The service report of an account for a period; null when the account does not exist or is
   * outside the caller's scope.
   */
  accountServiceReport?: Maybe<AccountServiceReport>;
  /** One order, or null when it does not exist or is outside the caller's scope. */
  activationOrder?: Maybe<ActivationOrder>;
  /** Tokens of a user (ADMIN only). */
  apiTokens?: Maybe<Array<ApiToken>>;
  /** The API version, for clients checking what they talk to. */
  apiVersion: Scalars['String']['output'];
  /** A branch's open tickets AT_RISK or BREACHED, least time left first. */
  atRiskFaultTickets?: Maybe<FaultTicketConnection>;
  /**
   * The audit trail of an entity, newest first: for ADMIN, HQ_ANALYST and the people of the entity's
   * branch.
   */
  auditTrail?: Maybe<AuditEntryConnection>;
  /** One branch by its code, or null when there is none. */
  branch?: Maybe<Branch>;
  /** One branch's scorecard; branch heads and account managers read only their own branch. */
  branchScorecard?: Maybe<BranchScorecard>;
  /** All branches, ordered by code. */
  branches: Array<Branch>;
  /** The competitor list, by code. */
  competitors: Array<Competitor>;
  /** One complaint, or null when it does not exist or is outside the caller's scope. */
  complaint?: Maybe<Complaint>;
  /** One ticket, or null when it does not exist or is outside the caller's scope. */
  faultTicket?: Maybe<FaultTicket>;
  /** One follow-up, or null when it does not exist or is outside the caller's scope. */
  followUp?: Maybe<FollowUp>;
  /**
   * Follow-up coverage of a branch in a period (`YYYY`, `YYYY-Qn` or `YYYY-MM`, in the branch's time
   * zone). Post-activation and post-repair compliance come with the scorecard.
   */
  followUpCompliance?: Maybe<FollowUpCompliance>;
  /**
   * A work list: SCHEDULED follow-ups of the branch due strictly before `before`, earliest due first;
   * optionally only those of one account manager's accounts. Another branch than a branch role's
   * own is FORBIDDEN.
   */
  followUpsDue?: Maybe<FollowUpConnection>;
  /** The importable kinds and their documented columns. */
  importKinds?: Maybe<Array<ImportKindInfo>>;
  /** One account, or null when it does not exist or is outside the caller's scope. */
  keyAccount?: Maybe<KeyAccount>;
  /** Accounts in the caller's scope, sorted by name then id; at most 100 per page. */
  keyAccounts?: Maybe<KeyAccountConnection>;
  /** The caller. */
  me?: Maybe<User>;
  /**
   * Any object with identity by its global id; null when no object has this id or the object is
   * outside the caller's scope (the two look the same).
   */
  node?: Maybe<Node>;
  /**
   * Objects by global id, in the order of `ids` (at most 100); null in each place whose id names no
   * object or one outside the caller's scope. Null (with BAD_USER_INPUT) for more than 100 ids.
   */
  nodes?: Maybe<Array<Maybe<Node>>>;
  /** Open orders in the caller's scope, earliest original promise first. */
  openActivationOrders?: Maybe<ActivationOrderConnection>;
  /**
   * Open complaints (RECEIVED, CONTACTED, REOPENED) in the caller's scope, least time left first:
   * time left to the first contact while not contacted, to the resolution afterwards.
   */
  openComplaints?: Maybe<ComplaintConnection>;
  /** Open (not restored) tickets in the caller's scope, least time left first. */
  openFaultTickets?: Maybe<FaultTicketConnection>;
  /** A branch's overdue orders (open and past the original promise), most overdue first. */
  overdueActivationOrders?: Maybe<ActivationOrderConnection>;
  /**
   * Satisfaction figures of a branch in a period (`YYYY`, `YYYY-Qn`, `YYYY-MM`, in the branch's
   * time zone). Another branch than a branch role's own is FORBIDDEN.
   */
  satisfaction?: Maybe<SatisfactionSummary>;
  /** Every branch's scorecard in rank order (branch roles see only their own branch's entry). */
  scorecardRanking?: Maybe<Array<BranchScorecard>>;
  /**
   * The commitments in force for an account at an instant (default now) and which versions gave
   * them; null when the account is unknown or outside the caller's scope.
   */
  slaPolicyFor?: Maybe<EffectiveSlaPolicy>;
  /**
   * Every version at one level, newest first. DEFAULT is readable by everyone signed in; BRANCH and
   * ACCOUNT within the caller's scope.
   */
  slaPolicyVersions?: Maybe<Array<SlaPolicy>>;
  /** The survey attribute catalogue in journey order; inactive entries only when asked for. */
  surveyAttributes: Array<SurveyAttribute>;
};


/** Read operations. Every list of records is scoped to what the caller may see. */
export type QueryAccountServiceReportArgs = {
  accountId: Scalars['ID']['input'];
  period: Scalars['String']['input'];
};


/** Read operations. Every list of records is scoped to what the caller may see. */
export type QueryActivationOrderArgs = {
  id: Scalars['ID']['input'];
};


/** Read operations. Every list of records is scoped to what the caller may see. */
export type QueryApiTokensArgs = {
  login: Scalars['String']['input'];
};


/** Read operations. Every list of records is scoped to what the caller may see. */
export type QueryAtRiskFaultTicketsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  branchCode: Scalars['String']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** Read operations. Every list of records is scoped to what the caller may see. */
export type QueryAuditTrailArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  entityId: Scalars['ID']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** Read operations. Every list of records is scoped to what the caller may see. */
export type QueryBranchArgs = {
  code: Scalars['String']['input'];
};


/** Read operations. Every list of records is scoped to what the caller may see. */
export type QueryBranchScorecardArgs = {
  branchCode: Scalars['String']['input'];
  period: Scalars['String']['input'];
};


/** Read operations. Every list of records is scoped to what the caller may see. */
export type QueryComplaintArgs = {
  id: Scalars['ID']['input'];
};


/** Read operations. Every list of records is scoped to what the caller may see. */
export type QueryFaultTicketArgs = {
  id: Scalars['ID']['input'];
};


/** Read operations. Every list of records is scoped to what the caller may see. */
export type QueryFollowUpArgs = {
  id: Scalars['ID']['input'];
};


/** Read operations. Every list of records is scoped to what the caller may see. */
export type QueryFollowUpComplianceArgs = {
  branchCode: Scalars['String']['input'];
  period: Scalars['String']['input'];
};


/** Read operations. Every list of records is scoped to what the caller may see. */
export type QueryFollowUpsDueArgs = {
  accountManagerLogin?: InputMaybe<Scalars['String']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  before: Scalars['DateTime']['input'];
  branchCode: Scalars['String']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** Read operations. Every list of records is scoped to what the caller may see. */
export type QueryKeyAccountArgs = {
  id: Scalars['ID']['input'];
};


/** Read operations. Every list of records is scoped to what the caller may see. */
export type QueryKeyAccountsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<KeyAccountFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** Read operations. Every list of records is scoped to what the caller may see. */
export type QueryNodeArgs = {
  id: Scalars['ID']['input'];
};


/** Read operations. Every list of records is scoped to what the caller may see. */
export type QueryNodesArgs = {
  ids: Array<Scalars['ID']['input']>;
};


/** Read operations. Every list of records is scoped to what the caller may see. */
export type QueryOpenActivationOrdersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<OpenActivationOrderFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** Read operations. Every list of records is scoped to what the caller may see. */
export type QueryOpenComplaintsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<OpenComplaintFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** Read operations. Every list of records is scoped to what the caller may see. */
export type QueryOpenFaultTicketsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<OpenFaultTicketFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** Read operations. Every list of records is scoped to what the caller may see. */
export type QueryOverdueActivationOrdersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  branchCode: Scalars['String']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** Read operations. Every list of records is scoped to what the caller may see. */
export type QuerySatisfactionArgs = {
  branchCode: Scalars['String']['input'];
  period: Scalars['String']['input'];
};


/** Read operations. Every list of records is scoped to what the caller may see. */
export type QueryScorecardRankingArgs = {
  period: Scalars['String']['input'];
};


/** Read operations. Every list of records is scoped to what the caller may see. */
export type QuerySlaPolicyForArgs = {
  accountId: Scalars['ID']['input'];
  at?: InputMaybe<Scalars['DateTime']['input']>;
};


/** Read operations. Every list of records is scoped to what the caller may see. */
export type QuerySlaPolicyVersionsArgs = {
  scope: SlaPolicyScope;
  scopeKey?: InputMaybe<Scalars['String']['input']>;
};


/** Read operations. Every list of records is scoped to what the caller may see. */
export type QuerySurveyAttributesArgs = {
  includeInactive?: InputMaybe<Scalars['Boolean']['input']>;
};

/**
 * An issue raised during a visit that needs an answer: opens a consultation asked through the
 * account manager at the completion time.
 */
export type RaiseConsultationInput = {
  /** What the customer asked about. */
  topic: Scalars['String']['input'];
};

/**
 * A survey response to record. Any value outside its scale is rejected (BAD_USER_INPUT naming the
 * field, e.g. `input.cs1`, `input.attributes.0.performance`) and nothing is stored.
 */
export type RecordSurveyResponseInput = {
  /** Account id. */
  accountId: Scalars['ID']['input'];
  /** Attribute scores. */
  attributes?: InputMaybe<Array<AttributeScoreInput>>;
  /** How the survey was taken (e.g. PHONE, IVR, WEB, SMS, ON_SITE, MAIL). */
  channel: Scalars['String']['input'];
  /** Free-text comment. */
  comment?: InputMaybe<Scalars['String']['input']>;
  /** The respondent's scores for competitors they also use; each competitor at most once. */
  competitors?: InputMaybe<Array<CompetitorScoreInput>>;
  /** CS1, overall satisfaction: integer 1–10. */
  cs1: Scalars['Int']['input'];
  /** CS2, against expectation: integer 1–10. */
  cs2: Scalars['Int']['input'];
  /** CS3, against the ideal: integer 1–10. */
  cs3: Scalars['Int']['input'];
  /** Id in the source system (default: the new response's id); unique with `sourceSystem`. */
  externalId?: InputMaybe<Scalars['String']['input']>;
  /** The follow-up of the same account during which it was taken. */
  followUpId?: InputMaybe<Scalars['ID']['input']>;
  /** Would-you-recommend answer, integer 0–10; omit when not asked. */
  nps?: InputMaybe<Scalars['Int']['input']>;
  /** When the customer answered; not in the future. */
  respondedAt: Scalars['DateTime']['input'];
  /** Who answered at the customer. */
  respondent?: InputMaybe<Scalars['String']['input']>;
  /** Source system (default `JOURNEY`). */
  sourceSystem?: InputMaybe<Scalars['String']['input']>;
};

/** How a fault was reported. */
export type ReportChannel =
  /** The account manager. */
  | 'ACCOUNT_MANAGER'
  /** Hotline (10000 / 112). */
  | 'HOTLINE'
  /** A maintenance contractor (代维). */
  | 'MAINTENANCE_CONTRACTOR'
  /** Network operations centre / machine room. */
  | 'NOC'
  /** Self-service portal or app. */
  | 'SELF_SERVICE';

/**
 * What a user may do. ADMIN: everything. HQ_ANALYST: reads every branch. BRANCH_HEAD: reads and
 * writes everything of their branch, reassigns its accounts. ACCOUNT_MANAGER: reads their branch,
 * writes only the accounts they manage. INTEGRATION: imports for one source system (optionally
 * confined to one branch).
 */
export type Role =
  /** Reads their branch; writes only the accounts they manage. */
  | 'ACCOUNT_MANAGER'
  /** Everything, including users, tokens, branches and the default SLA policy. */
  | 'ADMIN'
  /** Reads and writes everything of their branch; reassigns its accounts. */
  | 'BRANCH_HEAD'
  /** Reads every branch; sets scorecard targets. */
  | 'HQ_ANALYST'
  /** Imports for one source system, optionally confined to one branch. */
  | 'INTEGRATION';

/**
 * Satisfaction figures of a branch (or one account) in a period (measurement rules, "Satisfaction"), from
 * the survey responses whose response time falls in the period. `previous` of each figure is its
 * value in the previous period of the same length.
 */
export type SatisfactionSummary = {
  __typename?: 'SatisfactionSummary';
  /** The account, when the summary is of one account; null for a branch. */
  account?: Maybe<KeyAccount>;
  /** The branch. */
  branch: Branch;
  /** Lead over each competitor rated in the period, by code. */
  competitorLeads: Array<CompetitorLead>;
  /** Mean CS1 (1–10). */
  cs1: Figure;
  /** Mean CS2 (1–10). */
  cs2: Figure;
  /** Mean CS3 (1–10). */
  cs3: Figure;
  /**
   * Lead (领先) over the strongest competitor: among competitors rated by ≥ 5 of the period's
   * responses, the one with the highest mean response index (tie: the smaller code); null value
   * when there is none.
   */
  lead: Figure;
  /** The competitor `lead` is taken over; null when there is none. */
  leadCompetitor?: Maybe<Competitor>;
  /**
   * Net promoter score, −100..100: % answering 9–10 minus % answering 0–6, over the responses that
   * answered the question (sample size = those).
   */
  nps: Figure;
  /** The period label. */
  period: Scalars['String']['output'];
  /** End (exclusive) of the period. */
  periodEnd: Scalars['DateTime']['output'];
  /** Start of the period in the branch's time zone. */
  periodStart: Scalars['DateTime']['output'];
  /** Importance–performance quadrants of the attributes with ≥ 5 responses in the period, by key. */
  quadrants: Array<AttributeQuadrant>;
  /** Responses in the period. */
  responses: Scalars['Int']['output'];
  /** Standard satisfaction index, 0–100: (0.4·mean CS1 + 0.3·mean CS2 + 0.3·mean CS3 − 1) ÷ 9 × 100. */
  satisfactionIndex: Figure;
  /** Share of responses with CS1 of 8, 9 or 10 (0–1). */
  top3BoxShare: Figure;
  /** Share of responses with CS1 = 10 (0–1). */
  topBoxShare: Figure;
};

/** A follow-up to schedule. */
export type ScheduleFollowUpInput = {
  /** Account id. */
  accountId: Scalars['ID']['input'];
  /** How. */
  channel: FollowUpChannel;
  /** When it is due. */
  dueAt: Scalars['DateTime']['input'];
  /** Id in the source system (default: the new follow-up's id); unique with `sourceSystem`. */
  externalId?: InputMaybe<Scalars['String']['input']>;
  /** The activation order it follows. */
  followsOrderId?: InputMaybe<Scalars['ID']['input']>;
  /** The fault ticket it follows. */
  followsTicketId?: InputMaybe<Scalars['ID']['input']>;
  /** Why. */
  purpose: FollowUpPurpose;
  /** Source system (default `JOURNEY`; `CADENCE` is reserved). */
  sourceSystem?: InputMaybe<Scalars['String']['input']>;
};

/** Figures a target can be set for. */
export type ScorecardFigure =
  /** Mean acknowledgement time in minutes. */
  | 'acknowledgementMinutes'
  /** Mean activation lateness in minutes. */
  | 'activationLatenessMinutes'
  /** Share of activations done by the original promise (0–1). */
  | 'activationOnTimeRate'
  /** Share of the period's complaints first contacted within target (0–1). */
  | 'complaintFirstContactRate'
  /** Share of complaints finally resolved in the period within target (0–1). */
  | 'complaintResolutionRate'
  /** Complaints received per 100 accounts active at the period's end. */
  | 'complaintsPer100Accounts'
  /** The weighted composite score (0–100). */
  | 'compositeScore'
  /** Mean CS1, overall satisfaction (1–10). */
  | 'cs1'
  /** Mean CS2, against expectation (1–10). */
  | 'cs2'
  /** Mean CS3, against the ideal operator (1–10). */
  | 'cs3'
  /** Share of tickets restored within their SLA target (0–1). */
  | 'faultWithinSlaRate'
  /** Quarterly follow-up coverage (0–1). */
  | 'followUpCoverage'
  /** Lead over the strongest competitor (−100..100 index points). */
  | 'lead'
  /** Net promoter score (−100..100). */
  | 'nps'
  /** Share of activations followed up within 7 days (0–1). */
  | 'postActivationFollowUpRate'
  /** Share of closed tickets followed up within 3 days (0–1). */
  | 'postRepairFollowUpRate'
  /** The standard satisfaction index (0–100). */
  | 'satisfactionIndex'
  /** Share of responses with CS1 of 8–10 (0–1). */
  | 'top3BoxShare'
  /** Share of responses with CS1 = 10 (0–1). */
  | 'topBoxShare';

/** A target as set. */
export type ScorecardTarget = {
  __typename?: 'ScorecardTarget';
  /** Branch code. */
  branchCode: Scalars['String']['output'];
  /** The figure. */
  figure: ScorecardFigure;
  /** Period label. */
  period: Scalars['String']['output'];
  /** The target; null when removed. */
  target?: Maybe<Scalars['Float']['output']>;
};

/** A branch's target for one figure in one period. */
export type ScorecardTargetInput = {
  /** Branch code. */
  branchCode: Scalars['String']['input'];
  /** The figure. */
  figure: ScorecardFigure;
  /** Period label. */
  period: Scalars['String']['input'];
  /** Target in the figure's unit (rates 0–1, index 0–100); null removes it. */
  target?: InputMaybe<Scalars['Float']['input']>;
};

/** The account's activation orders in a service report: promised against actual. */
export type ServiceReportActivation = {
  __typename?: 'ServiceReportActivation';
  /** Orders activated in the period (by activation time, the measured event), earliest first. */
  activated: Array<ActivationOrder>;
  /**
   * Of the orders above with something to tell the customer (a delay recorded, late or overdue),
   * the share told before the original promise passed (0–1).
   */
  delayNotifiedRate: Figure;
  /** Delay reasons of the orders above, most frequent first (then by reason). */
  delayReasons: Array<DelayReasonCount>;
  /** Mean lateness of the period's activations in minutes (0 for on-time ones). */
  latenessMinutes: Figure;
  /** Share of the period's activations done by the original promise (0–1). */
  onTimeRate: Figure;
  /**
   * Orders placed before the period's end and still open now, earliest original promise first;
   * `overdue` says whether each is past its original promise now.
   */
  open: Array<ActivationOrder>;
};

/**
 * The account's complaints in a service report: handling against the targets of the policy in
 * force when each was received.
 */
export type ServiceReportComplaints = {
  __typename?: 'ServiceReportComplaints';
  /** Complaints received or finally resolved in the period, earliest receipt first. */
  complaints: Array<Complaint>;
  /**
   * Of the complaints received in the period, the share first contacted within target (0–1); one
   * still without contact and within target is left out, one past it counts as missed.
   */
  firstContactRate: Figure;
  /** Complaints received in the period. */
  received: Scalars['Int']['output'];
  /**
   * Listed complaints that repeat an earlier one of the account in the same category (received
   * within 30 days after its final resolution).
   */
  repeats: Scalars['Int']['output'];
  /**
   * Of the complaints finally resolved in the period, the share resolved within target (0–1); a
   * reopened complaint's clock resumes at the reopening.
   */
  resolutionRate: Figure;
};

/**
 * The account's fault tickets in a service report: repair time against the target of each ticket's
 * final severity, on its policy's clock.
 */
export type ServiceReportFaults = {
  __typename?: 'ServiceReportFaults';
  /** Mean acknowledgement time in minutes (24 × 7) of the restored tickets. */
  acknowledgementMinutes: Figure;
  /** Share of the restored tickets whose cause was explained to the customer (0–1). */
  causeExplainedRate: Figure;
  /** Tickets reported before the period's end and still open now, earliest report first. */
  open: Array<FaultTicket>;
  /**
   * Restored tickets that waited for the customer at least once (their pauses are not counted in
   * the repair time).
   */
  pausedTickets: Scalars['Int']['output'];
  /**
   * Share of the restored tickets that repeat an earlier fault of the same service (reported within
   * 30 days after its final restoration) (0–1).
   */
  repeatRate: Figure;
  /** Tickets finally restored in the period (the measured event), earliest restoration first. */
  restored: Array<FaultTicket>;
  /** Figures per severity tier of the restored tickets, highest first. */
  tiers: Array<TierFigures>;
  /** Share of the restored tickets repaired within their target (0–1). */
  withinSlaRate: Figure;
};

/** The account's follow-up visits in a service report. */
export type ServiceReportFollowUps = {
  __typename?: 'ServiceReportFollowUps';
  /** Follow-ups completed in the period. */
  completed: Scalars['Int']['output'];
  /**
   * Quarterly follow-up coverage of the account (0–1): the share of the period's quarters (up to
   * the period's end) in which it had a completed follow-up while active; a year is the mean of its
   * quarters.
   */
  coverage: Figure;
  /**
   * Follow-ups completed in the period, and those due in it and not completed (missed, cancelled
   * or still scheduled), by completion time, else due time.
   */
  followUps: Array<FollowUp>;
  /** Share of the period's activations followed up within 7 days (0–1). */
  postActivationFollowUpRate: Figure;
  /** Share of the tickets closed in the period followed up within 3 days of closure (0–1). */
  postRepairFollowUpRate: Figure;
};

/** The account's survey answers in a service report, beside its branch's figures of the same period. */
export type ServiceReportSatisfaction = {
  __typename?: 'ServiceReportSatisfaction';
  /** The account's satisfaction figures in the period. */
  account: SatisfactionSummary;
  /** The branch's satisfaction figures in the same period (all its accounts). */
  branch: SatisfactionSummary;
  /** The account's responses in the period, earliest first. */
  responses: Array<SurveyResponse>;
};

/**
 * A new policy version. At DEFAULT every value but the complaint targets is required; an override sets only what it changes
 * (an override that sets nothing ends an earlier one).
 */
export type SetSlaPolicyInput = {
  /** Acknowledgement target, minutes. */
  acknowledgementTargetMinutes?: InputMaybe<Scalars['Int']['input']>;
  /** Clock. */
  clock?: InputMaybe<SlaClockInput>;
  /**
   * Complaint first-contact target, minutes on the policy's clock (optional even at DEFAULT: 120
   * when no level sets it).
   */
  complaintFirstContactMinutes?: InputMaybe<Scalars['Int']['input']>;
  /**
   * Complaint resolution target, minutes on the policy's clock (optional even at DEFAULT: 2880 when
   * no level sets it).
   */
  complaintResolutionMinutes?: InputMaybe<Scalars['Int']['input']>;
  /** From when it applies; may be in the past (records already opened keep their values). */
  effectiveFrom: Scalars['DateTime']['input'];
  /** Free name. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** Lead time of other products, minutes. */
  otherProductsLeadMinutes?: InputMaybe<Scalars['Int']['input']>;
  /** Lead times per product. */
  productLeadTimes?: InputMaybe<Array<ProductLeadTimeInput>>;
  /** Restoration targets per tier. */
  restorationTargets?: InputMaybe<Array<SeverityTargetInput>>;
  /** Level. */
  scope: SlaPolicyScope;
  /** Branch code (BRANCH) or account id (ACCOUNT); omitted for DEFAULT. */
  scopeKey?: InputMaybe<Scalars['String']['input']>;
};

/** Fault severity tiers, highest first. */
export type Severity =
  /** Major impact: the account's service is down. */
  | 'CRITICAL'
  /** Degraded or partial service. */
  | 'MAJOR'
  /** Ordinary impact. */
  | 'MINOR';

/** A severity a ticket had from `at` on. */
export type SeverityChange = {
  __typename?: 'SeverityChange';
  /** Who recorded it. */
  actorLogin: Scalars['String']['output'];
  /** From when. */
  at: Scalars['DateTime']['output'];
  /** The severity. */
  severity: Severity;
};

/** Restoration target of one severity tier. */
export type SeverityTarget = {
  __typename?: 'SeverityTarget';
  /** Minutes on the policy's clock. */
  minutes: Scalars['Int']['output'];
  /** The tier. */
  severity: Severity;
};

/** A tier's restoration target. */
export type SeverityTargetInput = {
  /** Minutes on the policy's clock. */
  minutes: Scalars['Int']['input'];
  /** The tier. */
  severity: Severity;
};

/** A policy's clock. */
export type SlaClockInput = {
  /** Breaks within the day. */
  breaks?: InputMaybe<Array<LocalTimeRangeInput>>;
  /** Closing time `HH:mm` or `24:00` (required for business hours). */
  close?: InputMaybe<Scalars['String']['input']>;
  /** Holidays `YYYY-MM-DD`. */
  holidays?: InputMaybe<Array<Scalars['String']['input']>>;
  /** 24 × 7 or business hours. */
  kind: SlaClockKind;
  /** Opening time `HH:mm` (required for business hours). */
  open?: InputMaybe<Scalars['String']['input']>;
  /** Working weekdays 1–7 (required for business hours). */
  weekdays?: InputMaybe<Array<Scalars['Int']['input']>>;
};

/** How repair durations are counted. */
export type SlaClockKind =
  /** Only the policy's working hours on working, non-holiday days, in the branch time zone. */
  | 'BUSINESS_HOURS'
  /** Wall-clock time, every day, all day. */
  | 'TWENTY_FOUR_SEVEN';

/** The clock of a policy. Business hours are read in the time zone of the account's branch. */
export type SlaClockSetting = {
  __typename?: 'SlaClockSetting';
  /** Breaks removed from every working day, e.g. lunch 12:00–13:00. */
  breaks?: Maybe<Array<LocalTimeRange>>;
  /** Local closing time `HH:mm`, `24:00` = end of day (business hours only). */
  close?: Maybe<Scalars['String']['output']>;
  /** Local dates `YYYY-MM-DD` on which nothing is counted. */
  holidays?: Maybe<Array<Scalars['String']['output']>>;
  /** 24 × 7 or business hours. */
  kind: SlaClockKind;
  /** Local opening time `HH:mm` (business hours only). */
  open?: Maybe<Scalars['String']['output']>;
  /** The time zone business hours are read in; null on a policy version (it comes from the branch). */
  timeZone?: Maybe<Scalars['String']['output']>;
  /** Working weekdays, 1 = Monday … 7 = Sunday (business hours only). */
  weekdays?: Maybe<Array<Scalars['Int']['output']>>;
};

/**
 * One version of an SLA policy. Versions are never changed: a change is a new version, and orders
 * and tickets keep the values of the version in force when they were opened.
 */
export type SlaPolicy = Node & {
  __typename?: 'SlaPolicy';
  /** Acknowledgement target in minutes (24 × 7); null = falls through. */
  acknowledgementTargetMinutes?: Maybe<Scalars['Int']['output']>;
  /** Clock; null = falls through. */
  clock?: Maybe<SlaClockSetting>;
  /**
   * Complaint first-contact target in minutes on the policy's clock; null = falls through (to 120
   * when no level sets it).
   */
  complaintFirstContactMinutes?: Maybe<Scalars['Int']['output']>;
  /**
   * Complaint resolution target in minutes on the policy's clock; null = falls through (to 2880 when
   * no level sets it).
   */
  complaintResolutionMinutes?: Maybe<Scalars['Int']['output']>;
  /** When it was set. */
  createdAt: Scalars['DateTime']['output'];
  /** Login of who set it. */
  createdBy: Scalars['String']['output'];
  /** From when it applies (to records opened at or after this instant). */
  effectiveFrom: Scalars['DateTime']['output'];
  /** Opaque global id (see Node). */
  id: Scalars['ID']['output'];
  /** How the version is named in explanations, e.g. `branch HZ v1`. */
  label: Scalars['String']['output'];
  /** Free name, e.g. the agreement's reference. */
  name?: Maybe<Scalars['String']['output']>;
  /** Lead time of products without an entry; null = falls through. */
  otherProductsLeadMinutes?: Maybe<Scalars['Int']['output']>;
  /** Lead times per product this version sets (others fall through). */
  productLeadTimes: Array<ProductLeadTime>;
  /** Restoration targets this version sets (others fall through). */
  restorationTargets: Array<SeverityTarget>;
  /** Level. */
  scope: SlaPolicyScope;
  /** `default`, the branch code, or the account id. */
  scopeKey: Scalars['String']['output'];
  /** Version number within the level and key, from 1. */
  version: Scalars['Int']['output'];
};

/** Which policy version supplied one effective value. */
export type SlaPolicyFieldSource = {
  __typename?: 'SlaPolicyFieldSource';
  /** The value, e.g. `restorationTargets.CRITICAL`, `productLeadTimes.BROADBAND`, `clock`. */
  field: Scalars['String']['output'];
  /** The version it came from. */
  policy: SlaPolicy;
};

/**
 * The level an SLA policy is set at; a more specific level overrides a more general one value by
 * value.
 */
export type SlaPolicyScope =
  /** An account's agreement (`scopeKey` = account id). */
  | 'ACCOUNT'
  /** A branch's override (`scopeKey` = branch code). */
  | 'BRANCH'
  /** The province-wide default; always sets every value. */
  | 'DEFAULT';

/**
 * A ticket against its target: ON_TRACK, AT_RISK (≥ 75 % of the target used) or BREACHED
 * (> 100 %) while open; MET or MISSED once restored.
 */
export type SlaState =
  /** Open, at least 75 % of the target used. */
  | 'AT_RISK'
  /** Open, over the target. */
  | 'BREACHED'
  /** Restored within the target. */
  | 'MET'
  /** Restored after the target. */
  | 'MISSED'
  /** Open, under 75 % of the target used. */
  | 'ON_TRACK';

/**
 * An attribute of the service customers score in surveys (performance and importance, 1–10), tied
 * to the journey stage it judges. The catalogue is configuration (`upsertSurveyAttribute`).
 */
export type SurveyAttribute = Node & {
  __typename?: 'SurveyAttribute';
  /** Whether new responses may score it (inactive attributes stay on old responses). */
  active: Scalars['Boolean']['output'];
  /** What it means. */
  description?: Maybe<Scalars['String']['output']>;
  /** Opaque global id (see Node). */
  id: Scalars['ID']['output'];
  /** Stable key responses refer to (e.g. REPAIR_TIMELINESS). */
  key: Scalars['String']['output'];
  /** Label shown to people. */
  label: Scalars['String']['output'];
  /** The journey stage it judges. */
  stage: JourneyStage;
};

/** A catalogue attribute to create or change (by key). */
export type SurveyAttributeInput = {
  /** Whether new responses may score it; default true. */
  active?: InputMaybe<Scalars['Boolean']['input']>;
  /** What it means. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Key: upper-case letters, digits and _ (e.g. LINE_QUALITY). */
  key: Scalars['String']['input'];
  /** Label. */
  label: Scalars['String']['input'];
  /** The journey stage it judges. */
  stage: JourneyStage;
};

/** A key account's answers to a satisfaction survey (满意度测评). Scores are integers 1–10. */
export type SurveyResponse = JourneyEvent & Node & {
  __typename?: 'SurveyResponse';
  /** The account. */
  account: KeyAccount;
  /** Attribute scores. */
  attributes: Array<AttributeScore>;
  /** How the survey was taken (e.g. PHONE, IVR, WEB, SMS, ON_SITE, MAIL). */
  channel: Scalars['String']['output'];
  /** Free-text comment. */
  comment?: Maybe<Scalars['String']['output']>;
  /** The respondent's scores for competitors they also use (empty when none were asked). */
  competitors: Array<CompetitorScore>;
  /** CS1, overall satisfaction (1–10). */
  cs1: Scalars['Int']['output'];
  /** CS2, performance against the customer's expectation (1–10). */
  cs2: Scalars['Int']['output'];
  /** CS3, performance against the ideal / best operator (1–10). */
  cs3: Scalars['Int']['output'];
  /** Id in the source system; unique with `sourceSystem`. */
  externalId: Scalars['String']['output'];
  /** The follow-up during which it was taken, if any. */
  followUp?: Maybe<FollowUp>;
  /** Opaque global id (see Node). */
  id: Scalars['ID']['output'];
  /** Answer to the would-you-recommend question (0–10); null when not asked or not answered. */
  nps?: Maybe<Scalars['Int']['output']>;
  /** Same as `respondedAt`. */
  occurredAt: Scalars['DateTime']['output'];
  /** When the customer answered; the response counts in the period of this time. */
  respondedAt: Scalars['DateTime']['output'];
  /** Who answered at the customer. */
  respondent?: Maybe<Scalars['String']['output']>;
  /** This response's standard satisfaction index (0.4·CS1 + 0.3·CS2 + 0.3·CS3 − 1) ÷ 9 × 100. */
  satisfactionIndex: Scalars['Float']['output'];
  /** Source system (`JOURNEY` when recorded through the API without one). */
  sourceSystem: Scalars['String']['output'];
  /** Always SURVEY. */
  stage: JourneyStage;
};

/** A page of survey responses. */
export type SurveyResponseConnection = {
  __typename?: 'SurveyResponseConnection';
  /** The responses of this page, newest first. */
  edges: Array<SurveyResponseEdge>;
  /** Pagination state. */
  pageInfo: PageInfo;
};

/** One survey response in a page. */
export type SurveyResponseEdge = {
  __typename?: 'SurveyResponseEdge';
  /** Cursor for `after`. */
  cursor: Scalars['String']['output'];
  /** The response. */
  node: SurveyResponse;
};

/** Repair figures of one severity tier for tickets finally restored in the period. */
export type TierFigures = {
  __typename?: 'TierFigures';
  /** Mean repair duration (MTTR) in minutes, on each ticket's policy clock. */
  mttrMinutes: Figure;
  /** 90th percentile of repair duration (nearest rank), in minutes. */
  p90Minutes: Figure;
  /**
   * Share of the tier's tickets that repeat an earlier fault (same account and service reference,
   * reported within 30 days of its final restoration).
   */
  repeatRate: Figure;
  /** The tier. */
  severity: Severity;
  /** Tickets of the tier restored in the period. */
  tickets: Scalars['Int']['output'];
  /** Share of the tier's tickets repaired within their SLA target (0–1). */
  withinSlaRate: Figure;
};

/** A span of time. */
export type TimeInterval = {
  __typename?: 'TimeInterval';
  /** End. */
  end: Scalars['DateTime']['output'];
  /** Start. */
  start: Scalars['DateTime']['output'];
};

/** Changes to an account's descriptive fields; omitted fields stay as they are. */
export type UpdateKeyAccountInput = {
  /** Replaces the contact list. */
  contacts?: InputMaybe<Array<ContactInput>>;
  /** Industry. */
  industry?: InputMaybe<Scalars['String']['input']>;
  /** Customer name. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** Tier. */
  tier?: InputMaybe<Scalars['String']['input']>;
};

/** A person or integration that calls the API. */
export type User = Node & {
  __typename?: 'User';
  /** The branch of a branch role; null for ADMIN, HQ_ANALYST and unconfined integrations. */
  branch?: Maybe<Branch>;
  /** Opaque global id (see Node). */
  id: Scalars['ID']['output'];
  /** Unique login. */
  login: Scalars['String']['output'];
  /** Display name. */
  name: Scalars['String']['output'];
  /** What the user may do. */
  role: Role;
  /** The source system of an INTEGRATION user. */
  sourceSystem?: Maybe<Scalars['String']['output']>;
};



export type ResolverTypeWrapper<T> = Promise<T> | T;


export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;




/** Mapping of interface types */
export type ResolversInterfaceTypes<_RefType extends Record<string, unknown>> = {
  JourneyEvent:
    | ( ActivationOrderRow )
    | ( JourneyRecordRow )
    | ( JourneyRecordRow )
    | ( ComplaintRow )
    | ( JourneyRecordRow )
    | ( FaultTicketRow )
    | ( FollowUpRow )
    | ( JourneyRecordRow )
    | ( SurveyResponseRow )
  ;
  Node:
    | ( ActivationOrderRow )
    | ( ApiTokenDoc )
    | ( AuditEntryDoc )
    | ( JourneyRecordRow )
    | ( BranchDoc )
    | ( BranchCard )
    | ( JourneyRecordRow )
    | ( CompetitorDoc )
    | ( ComplaintRow )
    | ( JourneyRecordRow )
    | ( FaultTicketRow )
    | ( FollowUpRow )
    | ( KeyAccountDoc )
    | ( JourneyRecordRow )
    | ( SlaPolicyRow )
    | ( SurveyAttributeDoc )
    | ( SurveyResponseRow )
    | ( UserDoc )
  ;
};

/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  AccountServiceReport: ResolverTypeWrapper<ServiceReport>;
  ActivationDelay: ResolverTypeWrapper<ActivationDelay>;
  ActivationOrder: ResolverTypeWrapper<ActivationOrderRow>;
  ActivationOrderConnection: ResolverTypeWrapper<ActivationOrderPage>;
  ActivationOrderEdge: ResolverTypeWrapper<Omit<ActivationOrderEdge, 'node'> & { node: ResolversTypes['ActivationOrder'] }>;
  ActivationPromise: ResolverTypeWrapper<ActivationPromise>;
  ActivationStatus: ActivationStatus;
  ActivationStatusChange: ResolverTypeWrapper<ActivationStatusEntry>;
  ApiToken: ResolverTypeWrapper<ApiTokenDoc>;
  AttributeQuadrant: ResolverTypeWrapper<AttributeQuadrant>;
  AttributeScore: ResolverTypeWrapper<AttributeScore>;
  AttributeScoreInput: AttributeScoreInput;
  AuditEntry: ResolverTypeWrapper<AuditEntryDoc>;
  AuditEntryConnection: ResolverTypeWrapper<AuditEntryPage>;
  AuditEntryEdge: ResolverTypeWrapper<Omit<AuditEntryEdge, 'node'> & { node: ResolversTypes['AuditEntry'] }>;
  BillingChannel: BillingChannel;
  BillingInteraction: ResolverTypeWrapper<JourneyRecordRow>;
  BillingInteractionInput: BillingInteractionInput;
  BillingInteractionKind: BillingInteractionKind;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Branch: ResolverTypeWrapper<BranchDoc>;
  BranchScorecard: ResolverTypeWrapper<BranchCard>;
  BusinessHandling: ResolverTypeWrapper<JourneyRecordRow>;
  BusinessHandlingInput: BusinessHandlingInput;
  BusinessHandlingKind: BusinessHandlingKind;
  Compensation: ResolverTypeWrapper<Compensation>;
  CompensationInput: CompensationInput;
  Competitor: ResolverTypeWrapper<CompetitorDoc>;
  CompetitorInput: CompetitorInput;
  CompetitorLead: ResolverTypeWrapper<CompetitorLeadFigures>;
  CompetitorScore: ResolverTypeWrapper<CompetitorScoreRow>;
  CompetitorScoreInput: CompetitorScoreInput;
  Complaint: ResolverTypeWrapper<ComplaintRow>;
  ComplaintCategory: ComplaintCategory;
  ComplaintConnection: ResolverTypeWrapper<ComplaintPage>;
  ComplaintEdge: ResolverTypeWrapper<Omit<ComplaintEdge, 'node'> & { node: ResolversTypes['Complaint'] }>;
  ComplaintOutcome: ComplaintOutcome;
  ComplaintStatus: ComplaintStatus;
  ComplaintStatusChange: ResolverTypeWrapper<ComplaintStatusEntry>;
  ComplaintStep: ComplaintStep;
  Consultation: ResolverTypeWrapper<JourneyRecordRow>;
  ConsultationChannel: ConsultationChannel;
  ConsultationInput: ConsultationInput;
  Contact: ResolverTypeWrapper<Contact>;
  ContactInput: ContactInput;
  CreateActivationOrderInput: CreateActivationOrderInput;
  CreateBranchInput: CreateBranchInput;
  CreateKeyAccountInput: CreateKeyAccountInput;
  CreateUserInput: CreateUserInput;
  CreateUserPayload: ResolverTypeWrapper<Omit<CreateUserPayload, 'user'> & { user: ResolversTypes['User'] }>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  DelayReason: DelayReason;
  DelayReasonCount: ResolverTypeWrapper<DelayReasonCount>;
  EffectiveSlaPolicy: ResolverTypeWrapper<EffectiveSlaPolicyView>;
  FaultPause: ResolverTypeWrapper<FaultPause>;
  FaultStatus: FaultStatus;
  FaultStatusChange: ResolverTypeWrapper<FaultStatusEntry>;
  FaultTicket: ResolverTypeWrapper<FaultTicketRow>;
  FaultTicketConnection: ResolverTypeWrapper<FaultTicketPage>;
  FaultTicketEdge: ResolverTypeWrapper<Omit<FaultTicketEdge, 'node'> & { node: ResolversTypes['FaultTicket'] }>;
  FieldChange: ResolverTypeWrapper<FieldChange>;
  Figure: ResolverTypeWrapper<Figure>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  FollowUp: ResolverTypeWrapper<FollowUpRow>;
  FollowUpChannel: FollowUpChannel;
  FollowUpCompliance: ResolverTypeWrapper<FollowUpComplianceReport>;
  FollowUpConnection: ResolverTypeWrapper<FollowUpPage>;
  FollowUpEdge: ResolverTypeWrapper<Omit<FollowUpEdge, 'node'> & { node: ResolversTypes['FollowUp'] }>;
  FollowUpPurpose: FollowUpPurpose;
  FollowUpStatus: FollowUpStatus;
  HandlingChannel: HandlingChannel;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  ImportBatchResult: ResolverTypeWrapper<ImportBatchOutcome>;
  ImportColumn: ResolverTypeWrapper<ImportColumn>;
  ImportKindInfo: ResolverTypeWrapper<ImportKindInfo>;
  ImportRowResult: ResolverTypeWrapper<ImportRowOutcome>;
  ImportRowStatus: ImportRowStatus;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  IssueTokenInput: IssueTokenInput;
  IssueTokenPayload: ResolverTypeWrapper<Omit<IssueTokenPayload, 'apiToken'> & { apiToken: ResolversTypes['ApiToken'] }>;
  JSONObject: ResolverTypeWrapper<Scalars['JSONObject']['output']>;
  JourneyEvent: ResolverTypeWrapper<JourneyEventRow>;
  JourneyEventConnection: ResolverTypeWrapper<JourneyEventPage>;
  JourneyEventEdge: ResolverTypeWrapper<Omit<JourneyEventEdge, 'node'> & { node: ResolversTypes['JourneyEvent'] }>;
  JourneyStage: JourneyStage;
  KeyAccount: ResolverTypeWrapper<KeyAccountDoc>;
  KeyAccountConnection: ResolverTypeWrapper<KeyAccountPage>;
  KeyAccountEdge: ResolverTypeWrapper<Omit<KeyAccountEdge, 'node'> & { node: ResolversTypes['KeyAccount'] }>;
  KeyAccountFilter: KeyAccountFilter;
  KeyAccountStatus: KeyAccountStatus;
  LocalTimeRange: ResolverTypeWrapper<LocalTimeRange>;
  LocalTimeRangeInput: LocalTimeRangeInput;
  MaintenanceImpact: MaintenanceImpact;
  MaintenancePerformer: MaintenancePerformer;
  MaintenanceRecord: ResolverTypeWrapper<JourneyRecordRow>;
  MaintenanceRecordInput: MaintenanceRecordInput;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Node: ResolverTypeWrapper<ResolversInterfaceTypes<ResolversTypes>['Node']>;
  OpenActivationOrderFilter: OpenActivationOrderFilter;
  OpenComplaintFilter: OpenComplaintFilter;
  OpenComplaintInput: OpenComplaintInput;
  OpenFaultTicketFilter: OpenFaultTicketFilter;
  OpenFaultTicketInput: OpenFaultTicketInput;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  PauseReason: PauseReason;
  PeriodicFollowUpScheduling: ResolverTypeWrapper<PeriodicFollowUpScheduling>;
  ProductLeadTime: ResolverTypeWrapper<ProductLeadTime>;
  ProductLeadTimeInput: ProductLeadTimeInput;
  Quadrant: Quadrant;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RaiseConsultationInput: RaiseConsultationInput;
  RecordSurveyResponseInput: RecordSurveyResponseInput;
  ReportChannel: ReportChannel;
  Role: Role;
  SatisfactionSummary: ResolverTypeWrapper<SatisfactionReport>;
  ScheduleFollowUpInput: ScheduleFollowUpInput;
  ScorecardFigure: ScorecardFigure;
  ScorecardTarget: ResolverTypeWrapper<ScorecardTarget>;
  ScorecardTargetInput: ScorecardTargetInput;
  ServiceReportActivation: ResolverTypeWrapper<ServiceReport>;
  ServiceReportComplaints: ResolverTypeWrapper<ServiceReport>;
  ServiceReportFaults: ResolverTypeWrapper<ServiceReport>;
  ServiceReportFollowUps: ResolverTypeWrapper<ServiceReport>;
  ServiceReportSatisfaction: ResolverTypeWrapper<ServiceReport>;
  SetSlaPolicyInput: SetSlaPolicyInput;
  Severity: Severity;
  SeverityChange: ResolverTypeWrapper<SeverityChange>;
  SeverityTarget: ResolverTypeWrapper<SeverityTarget>;
  SeverityTargetInput: SeverityTargetInput;
  SlaClockInput: SlaClockInput;
  SlaClockKind: SlaClockKind;
  SlaClockSetting: ResolverTypeWrapper<SlaClockSetting>;
  SlaPolicy: ResolverTypeWrapper<SlaPolicyRow>;
  SlaPolicyFieldSource: ResolverTypeWrapper<SlaPolicySource>;
  SlaPolicyScope: SlaPolicyScope;
  SlaState: SlaState;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  SurveyAttribute: ResolverTypeWrapper<SurveyAttributeDoc>;
  SurveyAttributeInput: SurveyAttributeInput;
  SurveyResponse: ResolverTypeWrapper<SurveyResponseRow>;
  SurveyResponseConnection: ResolverTypeWrapper<SurveyResponsePage>;
  SurveyResponseEdge: ResolverTypeWrapper<Omit<SurveyResponseEdge, 'node'> & { node: ResolversTypes['SurveyResponse'] }>;
  TierFigures: ResolverTypeWrapper<TierFigures>;
  TimeInterval: ResolverTypeWrapper<TimeInterval>;
  UpdateKeyAccountInput: UpdateKeyAccountInput;
  User: ResolverTypeWrapper<UserDoc>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  AccountServiceReport: ServiceReport;
  ActivationDelay: ActivationDelay;
  ActivationOrder: ActivationOrderRow;
  ActivationOrderConnection: ActivationOrderPage;
  ActivationOrderEdge: Omit<ActivationOrderEdge, 'node'> & { node: ResolversParentTypes['ActivationOrder'] };
  ActivationPromise: ActivationPromise;
  ActivationStatusChange: ActivationStatusEntry;
  ApiToken: ApiTokenDoc;
  AttributeQuadrant: AttributeQuadrant;
  AttributeScore: AttributeScore;
  AttributeScoreInput: AttributeScoreInput;
  AuditEntry: AuditEntryDoc;
  AuditEntryConnection: AuditEntryPage;
  AuditEntryEdge: Omit<AuditEntryEdge, 'node'> & { node: ResolversParentTypes['AuditEntry'] };
  BillingInteraction: JourneyRecordRow;
  BillingInteractionInput: BillingInteractionInput;
  Boolean: Scalars['Boolean']['output'];
  Branch: BranchDoc;
  BranchScorecard: BranchCard;
  BusinessHandling: JourneyRecordRow;
  BusinessHandlingInput: BusinessHandlingInput;
  Compensation: Compensation;
  CompensationInput: CompensationInput;
  Competitor: CompetitorDoc;
  CompetitorInput: CompetitorInput;
  CompetitorLead: CompetitorLeadFigures;
  CompetitorScore: CompetitorScoreRow;
  CompetitorScoreInput: CompetitorScoreInput;
  Complaint: ComplaintRow;
  ComplaintConnection: ComplaintPage;
  ComplaintEdge: Omit<ComplaintEdge, 'node'> & { node: ResolversParentTypes['Complaint'] };
  ComplaintStatusChange: ComplaintStatusEntry;
  Consultation: JourneyRecordRow;
  ConsultationInput: ConsultationInput;
  Contact: Contact;
  ContactInput: ContactInput;
  CreateActivationOrderInput: CreateActivationOrderInput;
  CreateBranchInput: CreateBranchInput;
  CreateKeyAccountInput: CreateKeyAccountInput;
  CreateUserInput: CreateUserInput;
  CreateUserPayload: Omit<CreateUserPayload, 'user'> & { user: ResolversParentTypes['User'] };
  DateTime: Scalars['DateTime']['output'];
  DelayReasonCount: DelayReasonCount;
  EffectiveSlaPolicy: EffectiveSlaPolicyView;
  FaultPause: FaultPause;
  FaultStatusChange: FaultStatusEntry;
  FaultTicket: FaultTicketRow;
  FaultTicketConnection: FaultTicketPage;
  FaultTicketEdge: Omit<FaultTicketEdge, 'node'> & { node: ResolversParentTypes['FaultTicket'] };
  FieldChange: FieldChange;
  Figure: Figure;
  Float: Scalars['Float']['output'];
  FollowUp: FollowUpRow;
  FollowUpCompliance: FollowUpComplianceReport;
  FollowUpConnection: FollowUpPage;
  FollowUpEdge: Omit<FollowUpEdge, 'node'> & { node: ResolversParentTypes['FollowUp'] };
  ID: Scalars['ID']['output'];
  ImportBatchResult: ImportBatchOutcome;
  ImportColumn: ImportColumn;
  ImportKindInfo: ImportKindInfo;
  ImportRowResult: ImportRowOutcome;
  Int: Scalars['Int']['output'];
  IssueTokenInput: IssueTokenInput;
  IssueTokenPayload: Omit<IssueTokenPayload, 'apiToken'> & { apiToken: ResolversParentTypes['ApiToken'] };
  JSONObject: Scalars['JSONObject']['output'];
  JourneyEvent: JourneyEventRow;
  JourneyEventConnection: JourneyEventPage;
  JourneyEventEdge: Omit<JourneyEventEdge, 'node'> & { node: ResolversParentTypes['JourneyEvent'] };
  KeyAccount: KeyAccountDoc;
  KeyAccountConnection: KeyAccountPage;
  KeyAccountEdge: Omit<KeyAccountEdge, 'node'> & { node: ResolversParentTypes['KeyAccount'] };
  KeyAccountFilter: KeyAccountFilter;
  LocalTimeRange: LocalTimeRange;
  LocalTimeRangeInput: LocalTimeRangeInput;
  MaintenanceRecord: JourneyRecordRow;
  MaintenanceRecordInput: MaintenanceRecordInput;
  Mutation: Record<PropertyKey, never>;
  Node: ResolversInterfaceTypes<ResolversParentTypes>['Node'];
  OpenActivationOrderFilter: OpenActivationOrderFilter;
  OpenComplaintFilter: OpenComplaintFilter;
  OpenComplaintInput: OpenComplaintInput;
  OpenFaultTicketFilter: OpenFaultTicketFilter;
  OpenFaultTicketInput: OpenFaultTicketInput;
  PageInfo: PageInfo;
  PeriodicFollowUpScheduling: PeriodicFollowUpScheduling;
  ProductLeadTime: ProductLeadTime;
  ProductLeadTimeInput: ProductLeadTimeInput;
  Query: Record<PropertyKey, never>;
  RaiseConsultationInput: RaiseConsultationInput;
  RecordSurveyResponseInput: RecordSurveyResponseInput;
  SatisfactionSummary: SatisfactionReport;
  ScheduleFollowUpInput: ScheduleFollowUpInput;
  ScorecardTarget: ScorecardTarget;
  ScorecardTargetInput: ScorecardTargetInput;
  ServiceReportActivation: ServiceReport;
  ServiceReportComplaints: ServiceReport;
  ServiceReportFaults: ServiceReport;
  ServiceReportFollowUps: ServiceReport;
  ServiceReportSatisfaction: ServiceReport;
  SetSlaPolicyInput: SetSlaPolicyInput;
  SeverityChange: SeverityChange;
  SeverityTarget: SeverityTarget;
  SeverityTargetInput: SeverityTargetInput;
  SlaClockInput: SlaClockInput;
  SlaClockSetting: SlaClockSetting;
  SlaPolicy: SlaPolicyRow;
  SlaPolicyFieldSource: SlaPolicySource;
  String: Scalars['String']['output'];
  SurveyAttribute: SurveyAttributeDoc;
  SurveyAttributeInput: SurveyAttributeInput;
  SurveyResponse: SurveyResponseRow;
  SurveyResponseConnection: SurveyResponsePage;
  SurveyResponseEdge: Omit<SurveyResponseEdge, 'node'> & { node: ResolversParentTypes['SurveyResponse'] };
  TierFigures: TierFigures;
  TimeInterval: TimeInterval;
  UpdateKeyAccountInput: UpdateKeyAccountInput;
  User: UserDoc;
};

export type AccountServiceReportResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['AccountServiceReport'] = ResolversParentTypes['AccountServiceReport']> = {
  account?: Resolver<ResolversTypes['KeyAccount'], ParentType, ContextType>;
  activation?: Resolver<ResolversTypes['ServiceReportActivation'], ParentType, ContextType>;
  branchScorecard?: Resolver<ResolversTypes['BranchScorecard'], ParentType, ContextType>;
  complaints?: Resolver<ResolversTypes['ServiceReportComplaints'], ParentType, ContextType>;
  faults?: Resolver<ResolversTypes['ServiceReportFaults'], ParentType, ContextType>;
  followUps?: Resolver<ResolversTypes['ServiceReportFollowUps'], ParentType, ContextType>;
  generatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  period?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  periodEnd?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  periodStart?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  satisfaction?: Resolver<ResolversTypes['ServiceReportSatisfaction'], ParentType, ContextType>;
};

export type ActivationDelayResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ActivationDelay'] = ResolversParentTypes['ActivationDelay']> = {
  actorLogin?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  notifiedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['DelayReason'], ParentType, ContextType>;
};

export type ActivationOrderResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ActivationOrder'] = ResolversParentTypes['ActivationOrder']> = {
  acceptanceReportRef?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  acceptanceReportedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  account?: Resolver<ResolversTypes['KeyAccount'], ParentType, ContextType>;
  activatedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  cancelledAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  delayNotified?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  delayNotifiedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  delayReason?: Resolver<Maybe<ResolversTypes['DelayReason']>, ParentType, ContextType>;
  delays?: Resolver<Array<ResolversTypes['ActivationDelay']>, ParentType, ContextType>;
  dispatchConfirmedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  externalId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  latenessMinutes?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  leadTimeMinutes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  occurredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  onTime?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  orderedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  originalPromisedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  overdue?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  policyReason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  policyVersions?: Resolver<Array<ResolversTypes['SlaPolicy']>, ParentType, ContextType>;
  product?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  promiseDerived?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  promiseGapMinutes?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  promisedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  promises?: Resolver<Array<ResolversTypes['ActivationPromise']>, ParentType, ContextType>;
  requestedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  sourceSystem?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  stage?: Resolver<ResolversTypes['JourneyStage'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ActivationStatus'], ParentType, ContextType>;
  statusHistory?: Resolver<Array<ResolversTypes['ActivationStatusChange']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ActivationOrderConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ActivationOrderConnection'] = ResolversParentTypes['ActivationOrderConnection']> = {
  edges?: Resolver<Array<ResolversTypes['ActivationOrderEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
};

export type ActivationOrderEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ActivationOrderEdge'] = ResolversParentTypes['ActivationOrderEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['ActivationOrder'], ParentType, ContextType>;
};

export type ActivationPromiseResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ActivationPromise'] = ResolversParentTypes['ActivationPromise']> = {
  actorLogin?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  madeAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  promisedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type ActivationStatusChangeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ActivationStatusChange'] = ResolversParentTypes['ActivationStatusChange']> = {
  actorLogin?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  delayReason?: Resolver<Maybe<ResolversTypes['DelayReason']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ActivationStatus'], ParentType, ContextType>;
};

export type ApiTokenResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ApiToken'] = ResolversParentTypes['ApiToken']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  expiresAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  label?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  revokedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type AttributeQuadrantResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['AttributeQuadrant'] = ResolversParentTypes['AttributeQuadrant']> = {
  attribute?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  importance?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  label?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  performance?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  quadrant?: Resolver<ResolversTypes['Quadrant'], ParentType, ContextType>;
  responses?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type AttributeScoreResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['AttributeScore'] = ResolversParentTypes['AttributeScore']> = {
  attribute?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  importance?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  label?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  performance?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type AuditEntryResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['AuditEntry'] = ResolversParentTypes['AuditEntry']> = {
  action?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  actorLogin?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  changes?: Resolver<Array<ResolversTypes['FieldChange']>, ParentType, ContextType>;
  entityId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  entityType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type AuditEntryConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['AuditEntryConnection'] = ResolversParentTypes['AuditEntryConnection']> = {
  edges?: Resolver<Array<ResolversTypes['AuditEntryEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type AuditEntryEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['AuditEntryEdge'] = ResolversParentTypes['AuditEntryEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['AuditEntry'], ParentType, ContextType>;
};

export type BillingInteractionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['BillingInteraction'] = ResolversParentTypes['BillingInteraction']> = {
  account?: Resolver<ResolversTypes['KeyAccount'], ParentType, ContextType>;
  accurate?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  channel?: Resolver<ResolversTypes['BillingChannel'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['BillingInteractionKind'], ParentType, ContextType>;
  occurredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  openedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  resolvedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  stage?: Resolver<ResolversTypes['JourneyStage'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type BranchResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Branch'] = ResolversParentTypes['Branch']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  timeZone?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type BranchScorecardResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['BranchScorecard'] = ResolversParentTypes['BranchScorecard']> = {
  accountsWithoutFollowUp?: Resolver<ResolversTypes['KeyAccountConnection'], ParentType, ContextType, Partial<BranchScorecardAccountsWithoutFollowUpArgs>>;
  acknowledgementMinutes?: Resolver<ResolversTypes['Figure'], ParentType, ContextType>;
  activationLatenessMinutes?: Resolver<ResolversTypes['Figure'], ParentType, ContextType>;
  activationOnTimeRate?: Resolver<ResolversTypes['Figure'], ParentType, ContextType>;
  branch?: Resolver<ResolversTypes['Branch'], ParentType, ContextType>;
  competitorLeads?: Resolver<Array<ResolversTypes['CompetitorLead']>, ParentType, ContextType>;
  competitorResponses?: Resolver<ResolversTypes['SurveyResponseConnection'], ParentType, ContextType, Partial<BranchScorecardCompetitorResponsesArgs>>;
  complaintFirstContactRate?: Resolver<ResolversTypes['Figure'], ParentType, ContextType>;
  complaintResolutionRate?: Resolver<ResolversTypes['Figure'], ParentType, ContextType>;
  complaintsPer100Accounts?: Resolver<ResolversTypes['Figure'], ParentType, ContextType>;
  compositeScore?: Resolver<ResolversTypes['Figure'], ParentType, ContextType>;
  computedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  cs1?: Resolver<ResolversTypes['Figure'], ParentType, ContextType>;
  cs2?: Resolver<ResolversTypes['Figure'], ParentType, ContextType>;
  cs3?: Resolver<ResolversTypes['Figure'], ParentType, ContextType>;
  faultWithinSlaRate?: Resolver<ResolversTypes['Figure'], ParentType, ContextType>;
  followUpCoverage?: Resolver<ResolversTypes['Figure'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  insufficientSample?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  lateActivations?: Resolver<ResolversTypes['ActivationOrderConnection'], ParentType, ContextType, Partial<BranchScorecardLateActivationsArgs>>;
  lead?: Resolver<ResolversTypes['Figure'], ParentType, ContextType>;
  leadCompetitor?: Resolver<Maybe<ResolversTypes['Competitor']>, ParentType, ContextType>;
  missedSlaTickets?: Resolver<ResolversTypes['FaultTicketConnection'], ParentType, ContextType, Partial<BranchScorecardMissedSlaTicketsArgs>>;
  nps?: Resolver<ResolversTypes['Figure'], ParentType, ContextType>;
  overdueActivations?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  period?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  postActivationFollowUpRate?: Resolver<ResolversTypes['Figure'], ParentType, ContextType>;
  postRepairFollowUpRate?: Resolver<ResolversTypes['Figure'], ParentType, ContextType>;
  quadrants?: Resolver<Array<ResolversTypes['AttributeQuadrant']>, ParentType, ContextType>;
  rank?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  receivedComplaints?: Resolver<ResolversTypes['ComplaintConnection'], ParentType, ContextType, Partial<BranchScorecardReceivedComplaintsArgs>>;
  resolvedComplaints?: Resolver<ResolversTypes['ComplaintConnection'], ParentType, ContextType, Partial<BranchScorecardResolvedComplaintsArgs>>;
  responses?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  satisfactionIndex?: Resolver<ResolversTypes['Figure'], ParentType, ContextType>;
  surveyResponses?: Resolver<ResolversTypes['SurveyResponseConnection'], ParentType, ContextType, Partial<BranchScorecardSurveyResponsesArgs>>;
  tiers?: Resolver<Array<ResolversTypes['TierFigures']>, ParentType, ContextType>;
  top3BoxShare?: Resolver<ResolversTypes['Figure'], ParentType, ContextType>;
  topBoxShare?: Resolver<ResolversTypes['Figure'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type BusinessHandlingResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['BusinessHandling'] = ResolversParentTypes['BusinessHandling']> = {
  account?: Resolver<ResolversTypes['KeyAccount'], ParentType, ContextType>;
  channel?: Resolver<ResolversTypes['HandlingChannel'], ParentType, ContextType>;
  completedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  customerTrips?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['BusinessHandlingKind'], ParentType, ContextType>;
  occurredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  oneStop?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  stage?: Resolver<ResolversTypes['JourneyStage'], ParentType, ContextType>;
  submittedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type CompensationResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Compensation'] = ResolversParentTypes['Compensation']> = {
  amount?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type CompetitorResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Competitor'] = ResolversParentTypes['Competitor']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type CompetitorLeadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['CompetitorLead'] = ResolversParentTypes['CompetitorLead']> = {
  competitor?: Resolver<ResolversTypes['Competitor'], ParentType, ContextType>;
  competitorIndex?: Resolver<ResolversTypes['Figure'], ParentType, ContextType>;
  lead?: Resolver<ResolversTypes['Figure'], ParentType, ContextType>;
};

export type CompetitorScoreResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['CompetitorScore'] = ResolversParentTypes['CompetitorScore']> = {
  competitor?: Resolver<ResolversTypes['Competitor'], ParentType, ContextType>;
  cs1?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  cs2?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  cs3?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ComplaintResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Complaint'] = ResolversParentTypes['Complaint']> = {
  aboutOrderId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  aboutTicketId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  account?: Resolver<ResolversTypes['KeyAccount'], ParentType, ContextType>;
  category?: Resolver<ResolversTypes['ComplaintCategory'], ParentType, ContextType>;
  channel?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  clock?: Resolver<ResolversTypes['SlaClockSetting'], ParentType, ContextType>;
  compensation?: Resolver<Maybe<ResolversTypes['Compensation']>, ParentType, ContextType>;
  confirmedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  externalId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  firstContactMinutes?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  firstContactTargetMinutes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  firstContactWithinTarget?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  firstContactedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  isRepeat?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  minutesLeft?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  nextStep?: Resolver<Maybe<ResolversTypes['ComplaintStep']>, ParentType, ContextType>;
  occurredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  outcome?: Resolver<Maybe<ResolversTypes['ComplaintOutcome']>, ParentType, ContextType>;
  policyReason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  policyVersions?: Resolver<Array<ResolversTypes['SlaPolicy']>, ParentType, ContextType>;
  receivedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  reopenCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  reopenedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  repeatOf?: Resolver<Maybe<ResolversTypes['Complaint']>, ParentType, ContextType>;
  resolutionMinutes?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  resolutionTargetMinutes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  resolvedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  resolvedWithinTarget?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  slaState?: Resolver<ResolversTypes['SlaState'], ParentType, ContextType>;
  sourceSystem?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  stage?: Resolver<ResolversTypes['JourneyStage'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ComplaintStatus'], ParentType, ContextType>;
  statusHistory?: Resolver<Array<ResolversTypes['ComplaintStatusChange']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ComplaintConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ComplaintConnection'] = ResolversParentTypes['ComplaintConnection']> = {
  edges?: Resolver<Array<ResolversTypes['ComplaintEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
};

export type ComplaintEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ComplaintEdge'] = ResolversParentTypes['ComplaintEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Complaint'], ParentType, ContextType>;
};

export type ComplaintStatusChangeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ComplaintStatusChange'] = ResolversParentTypes['ComplaintStatusChange']> = {
  actorLogin?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  outcome?: Resolver<Maybe<ResolversTypes['ComplaintOutcome']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ComplaintStatus'], ParentType, ContextType>;
};

export type ConsultationResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Consultation'] = ResolversParentTypes['Consultation']> = {
  account?: Resolver<ResolversTypes['KeyAccount'], ParentType, ContextType>;
  answeredAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  askedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  channel?: Resolver<ResolversTypes['ConsultationChannel'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  occurredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  resolved?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  responseMinutes?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  stage?: Resolver<ResolversTypes['JourneyStage'], ParentType, ContextType>;
  topic?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ContactResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Contact'] = ResolversParentTypes['Contact']> = {
  email?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  phone?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  role?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type CreateUserPayloadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['CreateUserPayload'] = ResolversParentTypes['CreateUserPayload']> = {
  token?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type DelayReasonCountResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['DelayReasonCount'] = ResolversParentTypes['DelayReasonCount']> = {
  orders?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['DelayReason'], ParentType, ContextType>;
};

export type EffectiveSlaPolicyResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['EffectiveSlaPolicy'] = ResolversParentTypes['EffectiveSlaPolicy']> = {
  account?: Resolver<ResolversTypes['KeyAccount'], ParentType, ContextType>;
  acknowledgementTargetMinutes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  clock?: Resolver<ResolversTypes['SlaClockSetting'], ParentType, ContextType>;
  complaintFirstContactMinutes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  complaintResolutionMinutes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  otherProductsLeadMinutes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  productLeadTimes?: Resolver<Array<ResolversTypes['ProductLeadTime']>, ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  restorationTargets?: Resolver<Array<ResolversTypes['SeverityTarget']>, ParentType, ContextType>;
  sources?: Resolver<Array<ResolversTypes['SlaPolicyFieldSource']>, ParentType, ContextType>;
  versions?: Resolver<Array<ResolversTypes['SlaPolicy']>, ParentType, ContextType>;
};

export type FaultPauseResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['FaultPause'] = ResolversParentTypes['FaultPause']> = {
  from?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['PauseReason']>, ParentType, ContextType>;
  recorded?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  to?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
};

export type FaultStatusChangeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['FaultStatusChange'] = ResolversParentTypes['FaultStatusChange']> = {
  actorLogin?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  pauseReason?: Resolver<Maybe<ResolversTypes['PauseReason']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['FaultStatus'], ParentType, ContextType>;
};

export type FaultTicketResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['FaultTicket'] = ResolversParentTypes['FaultTicket']> = {
  account?: Resolver<ResolversTypes['KeyAccount'], ParentType, ContextType>;
  acknowledgedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  acknowledgedWithinTarget?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  acknowledgementMinutes?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  acknowledgementTargetMinutes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  cause?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  causeExplained?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  causeExplainedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  channel?: Resolver<ResolversTypes['ReportChannel'], ParentType, ContextType>;
  clock?: Resolver<ResolversTypes['SlaClockSetting'], ParentType, ContextType>;
  closedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  elapsedMinutes?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  externalId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  firstRestoredAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  interProvincial?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  isRepeat?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  minutesLeft?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  occurredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  outages?: Resolver<Array<ResolversTypes['TimeInterval']>, ParentType, ContextType>;
  pauses?: Resolver<Array<ResolversTypes['FaultPause']>, ParentType, ContextType>;
  policyReason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  policyVersions?: Resolver<Array<ResolversTypes['SlaPolicy']>, ParentType, ContextType>;
  reopenCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  repairDurationMinutes?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  repeatOf?: Resolver<Maybe<ResolversTypes['FaultTicket']>, ParentType, ContextType>;
  reportedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  restoredAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  serviceRef?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  severity?: Resolver<ResolversTypes['Severity'], ParentType, ContextType>;
  severityHistory?: Resolver<Array<ResolversTypes['SeverityChange']>, ParentType, ContextType>;
  slaState?: Resolver<ResolversTypes['SlaState'], ParentType, ContextType>;
  sourceSystem?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  stage?: Resolver<ResolversTypes['JourneyStage'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['FaultStatus'], ParentType, ContextType>;
  statusHistory?: Resolver<Array<ResolversTypes['FaultStatusChange']>, ParentType, ContextType>;
  targetMinutes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  withinSla?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type FaultTicketConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['FaultTicketConnection'] = ResolversParentTypes['FaultTicketConnection']> = {
  edges?: Resolver<Array<ResolversTypes['FaultTicketEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
};

export type FaultTicketEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['FaultTicketEdge'] = ResolversParentTypes['FaultTicketEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['FaultTicket'], ParentType, ContextType>;
};

export type FieldChangeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['FieldChange'] = ResolversParentTypes['FieldChange']> = {
  after?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  before?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  field?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type FigureResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Figure'] = ResolversParentTypes['Figure']> = {
  denominator?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  high?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  low?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  numerator?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  previous?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  sampleSize?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  target?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type FollowUpResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['FollowUp'] = ResolversParentTypes['FollowUp']> = {
  account?: Resolver<ResolversTypes['KeyAccount'], ParentType, ContextType>;
  cancelledAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  channel?: Resolver<ResolversTypes['FollowUpChannel'], ParentType, ContextType>;
  completedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  completedBy?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  dueAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  externalId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  followsComplaintId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  followsOrderId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  followsTicketId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  issuesRaised?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  missedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  occurredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  outcome?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  overdue?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  performedBy?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  purpose?: Resolver<ResolversTypes['FollowUpPurpose'], ParentType, ContextType>;
  raisedConsultationId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  scheduledBy?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  sourceSystem?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  stage?: Resolver<ResolversTypes['JourneyStage'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['FollowUpStatus'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type FollowUpComplianceResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['FollowUpCompliance'] = ResolversParentTypes['FollowUpCompliance']> = {
  branch?: Resolver<ResolversTypes['Branch'], ParentType, ContextType>;
  period?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  periodEnd?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  periodStart?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  quarterlyCoverage?: Resolver<ResolversTypes['Figure'], ParentType, ContextType>;
};

export type FollowUpConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['FollowUpConnection'] = ResolversParentTypes['FollowUpConnection']> = {
  edges?: Resolver<Array<ResolversTypes['FollowUpEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type FollowUpEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['FollowUpEdge'] = ResolversParentTypes['FollowUpEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['FollowUp'], ParentType, ContextType>;
};

export type ImportBatchResultResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ImportBatchResult'] = ResolversParentTypes['ImportBatchResult']> = {
  inserted?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  read?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  rejected?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  results?: Resolver<Array<ResolversTypes['ImportRowResult']>, ParentType, ContextType>;
  unchanged?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  updated?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ImportColumnResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ImportColumn'] = ResolversParentTypes['ImportColumn']> = {
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  required?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type ImportKindInfoResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ImportKindInfo'] = ResolversParentTypes['ImportKindInfo']> = {
  columns?: Resolver<Array<ResolversTypes['ImportColumn']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ImportRowResultResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ImportRowResult'] = ResolversParentTypes['ImportRowResult']> = {
  field?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  index?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ImportRowStatus'], ParentType, ContextType>;
};

export type IssueTokenPayloadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['IssueTokenPayload'] = ResolversParentTypes['IssueTokenPayload']> = {
  apiToken?: Resolver<ResolversTypes['ApiToken'], ParentType, ContextType>;
  token?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export interface JsonObjectScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['JSONObject'], any> {
  name: 'JSONObject';
}

export type JourneyEventResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['JourneyEvent'] = ResolversParentTypes['JourneyEvent']> = {
  __resolveType: TypeResolveFn<'ActivationOrder' | 'BillingInteraction' | 'BusinessHandling' | 'Complaint' | 'Consultation' | 'FaultTicket' | 'FollowUp' | 'MaintenanceRecord' | 'SurveyResponse', ParentType, ContextType>;
};

export type JourneyEventConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['JourneyEventConnection'] = ResolversParentTypes['JourneyEventConnection']> = {
  edges?: Resolver<Array<ResolversTypes['JourneyEventEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type JourneyEventEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['JourneyEventEdge'] = ResolversParentTypes['JourneyEventEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['JourneyEvent'], ParentType, ContextType>;
};

export type KeyAccountResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['KeyAccount'] = ResolversParentTypes['KeyAccount']> = {
  accountManager?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  activationOrders?: Resolver<ResolversTypes['ActivationOrderConnection'], ParentType, ContextType, Partial<KeyAccountActivationOrdersArgs>>;
  branch?: Resolver<ResolversTypes['Branch'], ParentType, ContextType>;
  closedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  complaints?: Resolver<ResolversTypes['ComplaintConnection'], ParentType, ContextType, Partial<KeyAccountComplaintsArgs>>;
  contacts?: Resolver<Array<ResolversTypes['Contact']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  currentStage?: Resolver<ResolversTypes['JourneyStage'], ParentType, ContextType>;
  externalId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  faultTickets?: Resolver<ResolversTypes['FaultTicketConnection'], ParentType, ContextType, Partial<KeyAccountFaultTicketsArgs>>;
  followUps?: Resolver<ResolversTypes['FollowUpConnection'], ParentType, ContextType, Partial<KeyAccountFollowUpsArgs>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  industry?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  satisfaction?: Resolver<ResolversTypes['SatisfactionSummary'], ParentType, ContextType, RequireFields<KeyAccountSatisfactionArgs, 'period'>>;
  sourceSystem?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['KeyAccountStatus'], ParentType, ContextType>;
  surveyResponses?: Resolver<ResolversTypes['SurveyResponseConnection'], ParentType, ContextType, Partial<KeyAccountSurveyResponsesArgs>>;
  tier?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  timeline?: Resolver<ResolversTypes['JourneyEventConnection'], ParentType, ContextType, Partial<KeyAccountTimelineArgs>>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type KeyAccountConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['KeyAccountConnection'] = ResolversParentTypes['KeyAccountConnection']> = {
  edges?: Resolver<Array<ResolversTypes['KeyAccountEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type KeyAccountEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['KeyAccountEdge'] = ResolversParentTypes['KeyAccountEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['KeyAccount'], ParentType, ContextType>;
};

export type LocalTimeRangeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['LocalTimeRange'] = ResolversParentTypes['LocalTimeRange']> = {
  end?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  start?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MaintenanceRecordResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['MaintenanceRecord'] = ResolversParentTypes['MaintenanceRecord']> = {
  account?: Resolver<ResolversTypes['KeyAccount'], ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  endAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  impact?: Resolver<ResolversTypes['MaintenanceImpact'], ParentType, ContextType>;
  notifiedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  notifiedInAdvance?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  occurredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  performedBy?: Resolver<ResolversTypes['MaintenancePerformer'], ParentType, ContextType>;
  planned?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  stage?: Resolver<ResolversTypes['JourneyStage'], ParentType, ContextType>;
  startAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type MutationResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  acknowledgeFaultTicket?: Resolver<Maybe<ResolversTypes['FaultTicket']>, ParentType, ContextType, RequireFields<MutationAcknowledgeFaultTicketArgs, 'at' | 'id'>>;
  activateOrder?: Resolver<Maybe<ResolversTypes['ActivationOrder']>, ParentType, ContextType, RequireFields<MutationActivateOrderArgs, 'at' | 'id'>>;
  cancelActivationOrder?: Resolver<Maybe<ResolversTypes['ActivationOrder']>, ParentType, ContextType, RequireFields<MutationCancelActivationOrderArgs, 'at' | 'id'>>;
  cancelFollowUp?: Resolver<Maybe<ResolversTypes['FollowUp']>, ParentType, ContextType, RequireFields<MutationCancelFollowUpArgs, 'at' | 'id'>>;
  changeFaultSeverity?: Resolver<Maybe<ResolversTypes['FaultTicket']>, ParentType, ContextType, RequireFields<MutationChangeFaultSeverityArgs, 'at' | 'id' | 'severity'>>;
  closeFaultTicket?: Resolver<Maybe<ResolversTypes['FaultTicket']>, ParentType, ContextType, RequireFields<MutationCloseFaultTicketArgs, 'at' | 'id'>>;
  closeKeyAccount?: Resolver<Maybe<ResolversTypes['KeyAccount']>, ParentType, ContextType, RequireFields<MutationCloseKeyAccountArgs, 'at' | 'id'>>;
  completeFollowUp?: Resolver<Maybe<ResolversTypes['FollowUp']>, ParentType, ContextType, RequireFields<MutationCompleteFollowUpArgs, 'at' | 'id'>>;
  confirmComplaint?: Resolver<Maybe<ResolversTypes['Complaint']>, ParentType, ContextType, RequireFields<MutationConfirmComplaintArgs, 'at' | 'id'>>;
  contactComplaint?: Resolver<Maybe<ResolversTypes['Complaint']>, ParentType, ContextType, RequireFields<MutationContactComplaintArgs, 'at' | 'id'>>;
  createActivationOrder?: Resolver<Maybe<ResolversTypes['ActivationOrder']>, ParentType, ContextType, RequireFields<MutationCreateActivationOrderArgs, 'input'>>;
  createBillingInteraction?: Resolver<Maybe<ResolversTypes['BillingInteraction']>, ParentType, ContextType, RequireFields<MutationCreateBillingInteractionArgs, 'input'>>;
  createBranch?: Resolver<Maybe<ResolversTypes['Branch']>, ParentType, ContextType, RequireFields<MutationCreateBranchArgs, 'input'>>;
  createBusinessHandling?: Resolver<Maybe<ResolversTypes['BusinessHandling']>, ParentType, ContextType, RequireFields<MutationCreateBusinessHandlingArgs, 'input'>>;
  createConsultation?: Resolver<Maybe<ResolversTypes['Consultation']>, ParentType, ContextType, RequireFields<MutationCreateConsultationArgs, 'input'>>;
  createKeyAccount?: Resolver<Maybe<ResolversTypes['KeyAccount']>, ParentType, ContextType, RequireFields<MutationCreateKeyAccountArgs, 'input'>>;
  createMaintenanceRecord?: Resolver<Maybe<ResolversTypes['MaintenanceRecord']>, ParentType, ContextType, RequireFields<MutationCreateMaintenanceRecordArgs, 'input'>>;
  createUser?: Resolver<Maybe<ResolversTypes['CreateUserPayload']>, ParentType, ContextType, RequireFields<MutationCreateUserArgs, 'input'>>;
  delayActivationOrder?: Resolver<Maybe<ResolversTypes['ActivationOrder']>, ParentType, ContextType, RequireFields<MutationDelayActivationOrderArgs, 'at' | 'id' | 'reason'>>;
  importRecords?: Resolver<Maybe<ResolversTypes['ImportBatchResult']>, ParentType, ContextType, RequireFields<MutationImportRecordsArgs, 'dryRun' | 'kind' | 'rows' | 'sourceSystem'>>;
  issueToken?: Resolver<Maybe<ResolversTypes['IssueTokenPayload']>, ParentType, ContextType, RequireFields<MutationIssueTokenArgs, 'input'>>;
  missFollowUp?: Resolver<Maybe<ResolversTypes['FollowUp']>, ParentType, ContextType, RequireFields<MutationMissFollowUpArgs, 'at' | 'id'>>;
  notifyActivationDelay?: Resolver<Maybe<ResolversTypes['ActivationOrder']>, ParentType, ContextType, RequireFields<MutationNotifyActivationDelayArgs, 'at' | 'id'>>;
  openComplaint?: Resolver<Maybe<ResolversTypes['Complaint']>, ParentType, ContextType, RequireFields<MutationOpenComplaintArgs, 'input'>>;
  openFaultTicket?: Resolver<Maybe<ResolversTypes['FaultTicket']>, ParentType, ContextType, RequireFields<MutationOpenFaultTicketArgs, 'input'>>;
  pauseFaultTicket?: Resolver<Maybe<ResolversTypes['FaultTicket']>, ParentType, ContextType, RequireFields<MutationPauseFaultTicketArgs, 'at' | 'id' | 'reason'>>;
  reassignAccountManager?: Resolver<Maybe<ResolversTypes['KeyAccount']>, ParentType, ContextType, RequireFields<MutationReassignAccountManagerArgs, 'accountManagerLogin' | 'id'>>;
  recordAcceptanceReport?: Resolver<Maybe<ResolversTypes['ActivationOrder']>, ParentType, ContextType, RequireFields<MutationRecordAcceptanceReportArgs, 'at' | 'id'>>;
  recordFaultCause?: Resolver<Maybe<ResolversTypes['FaultTicket']>, ParentType, ContextType, RequireFields<MutationRecordFaultCauseArgs, 'cause' | 'id'>>;
  recordFaultPause?: Resolver<Maybe<ResolversTypes['FaultTicket']>, ParentType, ContextType, RequireFields<MutationRecordFaultPauseArgs, 'from' | 'id' | 'reason' | 'to'>>;
  recordSurveyResponse?: Resolver<Maybe<ResolversTypes['SurveyResponse']>, ParentType, ContextType, RequireFields<MutationRecordSurveyResponseArgs, 'input'>>;
  reopenComplaint?: Resolver<Maybe<ResolversTypes['Complaint']>, ParentType, ContextType, RequireFields<MutationReopenComplaintArgs, 'at' | 'id'>>;
  reopenFaultTicket?: Resolver<Maybe<ResolversTypes['FaultTicket']>, ParentType, ContextType, RequireFields<MutationReopenFaultTicketArgs, 'at' | 'id'>>;
  repromiseActivationOrder?: Resolver<Maybe<ResolversTypes['ActivationOrder']>, ParentType, ContextType, RequireFields<MutationRepromiseActivationOrderArgs, 'at' | 'id' | 'promisedAt'>>;
  resolveComplaint?: Resolver<Maybe<ResolversTypes['Complaint']>, ParentType, ContextType, RequireFields<MutationResolveComplaintArgs, 'at' | 'id' | 'outcome'>>;
  restoreFaultTicket?: Resolver<Maybe<ResolversTypes['FaultTicket']>, ParentType, ContextType, RequireFields<MutationRestoreFaultTicketArgs, 'at' | 'id'>>;
  resumeFaultTicket?: Resolver<Maybe<ResolversTypes['FaultTicket']>, ParentType, ContextType, RequireFields<MutationResumeFaultTicketArgs, 'at' | 'id'>>;
  revokeToken?: Resolver<Maybe<ResolversTypes['ApiToken']>, ParentType, ContextType, RequireFields<MutationRevokeTokenArgs, 'id'>>;
  scheduleActivationOrder?: Resolver<Maybe<ResolversTypes['ActivationOrder']>, ParentType, ContextType, RequireFields<MutationScheduleActivationOrderArgs, 'at' | 'id'>>;
  scheduleFollowUp?: Resolver<Maybe<ResolversTypes['FollowUp']>, ParentType, ContextType, RequireFields<MutationScheduleFollowUpArgs, 'input'>>;
  schedulePeriodicFollowUps?: Resolver<Maybe<ResolversTypes['PeriodicFollowUpScheduling']>, ParentType, ContextType, RequireFields<MutationSchedulePeriodicFollowUpsArgs, 'quarter'>>;
  setScorecardTarget?: Resolver<Maybe<ResolversTypes['ScorecardTarget']>, ParentType, ContextType, RequireFields<MutationSetScorecardTargetArgs, 'input'>>;
  setSlaPolicy?: Resolver<Maybe<ResolversTypes['SlaPolicy']>, ParentType, ContextType, RequireFields<MutationSetSlaPolicyArgs, 'input'>>;
  startActivationWork?: Resolver<Maybe<ResolversTypes['ActivationOrder']>, ParentType, ContextType, RequireFields<MutationStartActivationWorkArgs, 'at' | 'id'>>;
  startFaultWork?: Resolver<Maybe<ResolversTypes['FaultTicket']>, ParentType, ContextType, RequireFields<MutationStartFaultWorkArgs, 'at' | 'id'>>;
  updateBillingInteraction?: Resolver<Maybe<ResolversTypes['BillingInteraction']>, ParentType, ContextType, RequireFields<MutationUpdateBillingInteractionArgs, 'id' | 'input'>>;
  updateBusinessHandling?: Resolver<Maybe<ResolversTypes['BusinessHandling']>, ParentType, ContextType, RequireFields<MutationUpdateBusinessHandlingArgs, 'id' | 'input'>>;
  updateConsultation?: Resolver<Maybe<ResolversTypes['Consultation']>, ParentType, ContextType, RequireFields<MutationUpdateConsultationArgs, 'id' | 'input'>>;
  updateKeyAccount?: Resolver<Maybe<ResolversTypes['KeyAccount']>, ParentType, ContextType, RequireFields<MutationUpdateKeyAccountArgs, 'id' | 'input'>>;
  updateMaintenanceRecord?: Resolver<Maybe<ResolversTypes['MaintenanceRecord']>, ParentType, ContextType, RequireFields<MutationUpdateMaintenanceRecordArgs, 'id' | 'input'>>;
  upsertCompetitor?: Resolver<Maybe<ResolversTypes['Competitor']>, ParentType, ContextType, RequireFields<MutationUpsertCompetitorArgs, 'input'>>;
  upsertSurveyAttribute?: Resolver<Maybe<ResolversTypes['SurveyAttribute']>, ParentType, ContextType, RequireFields<MutationUpsertSurveyAttributeArgs, 'input'>>;
};

export type NodeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Node'] = ResolversParentTypes['Node']> = {
  __resolveType: TypeResolveFn<'ActivationOrder' | 'ApiToken' | 'AuditEntry' | 'BillingInteraction' | 'Branch' | 'BranchScorecard' | 'BusinessHandling' | 'Competitor' | 'Complaint' | 'Consultation' | 'FaultTicket' | 'FollowUp' | 'KeyAccount' | 'MaintenanceRecord' | 'SlaPolicy' | 'SurveyAttribute' | 'SurveyResponse' | 'User', ParentType, ContextType>;
};

export type PageInfoResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type PeriodicFollowUpSchedulingResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['PeriodicFollowUpScheduling'] = ResolversParentTypes['PeriodicFollowUpScheduling']> = {
  alreadyScheduled?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  quarter?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  scheduled?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ProductLeadTimeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ProductLeadTime'] = ResolversParentTypes['ProductLeadTime']> = {
  minutes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  product?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  accountServiceReport?: Resolver<Maybe<ResolversTypes['AccountServiceReport']>, ParentType, ContextType, RequireFields<QueryAccountServiceReportArgs, 'accountId' | 'period'>>;
  activationOrder?: Resolver<Maybe<ResolversTypes['ActivationOrder']>, ParentType, ContextType, RequireFields<QueryActivationOrderArgs, 'id'>>;
  apiTokens?: Resolver<Maybe<Array<ResolversTypes['ApiToken']>>, ParentType, ContextType, RequireFields<QueryApiTokensArgs, 'login'>>;
  apiVersion?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  atRiskFaultTickets?: Resolver<Maybe<ResolversTypes['FaultTicketConnection']>, ParentType, ContextType, RequireFields<QueryAtRiskFaultTicketsArgs, 'branchCode'>>;
  auditTrail?: Resolver<Maybe<ResolversTypes['AuditEntryConnection']>, ParentType, ContextType, RequireFields<QueryAuditTrailArgs, 'entityId'>>;
  branch?: Resolver<Maybe<ResolversTypes['Branch']>, ParentType, ContextType, RequireFields<QueryBranchArgs, 'code'>>;
  branchScorecard?: Resolver<Maybe<ResolversTypes['BranchScorecard']>, ParentType, ContextType, RequireFields<QueryBranchScorecardArgs, 'branchCode' | 'period'>>;
  branches?: Resolver<Array<ResolversTypes['Branch']>, ParentType, ContextType>;
  competitors?: Resolver<Array<ResolversTypes['Competitor']>, ParentType, ContextType>;
  complaint?: Resolver<Maybe<ResolversTypes['Complaint']>, ParentType, ContextType, RequireFields<QueryComplaintArgs, 'id'>>;
  faultTicket?: Resolver<Maybe<ResolversTypes['FaultTicket']>, ParentType, ContextType, RequireFields<QueryFaultTicketArgs, 'id'>>;
  followUp?: Resolver<Maybe<ResolversTypes['FollowUp']>, ParentType, ContextType, RequireFields<QueryFollowUpArgs, 'id'>>;
  followUpCompliance?: Resolver<Maybe<ResolversTypes['FollowUpCompliance']>, ParentType, ContextType, RequireFields<QueryFollowUpComplianceArgs, 'branchCode' | 'period'>>;
  followUpsDue?: Resolver<Maybe<ResolversTypes['FollowUpConnection']>, ParentType, ContextType, RequireFields<QueryFollowUpsDueArgs, 'before' | 'branchCode'>>;
  importKinds?: Resolver<Maybe<Array<ResolversTypes['ImportKindInfo']>>, ParentType, ContextType>;
  keyAccount?: Resolver<Maybe<ResolversTypes['KeyAccount']>, ParentType, ContextType, RequireFields<QueryKeyAccountArgs, 'id'>>;
  keyAccounts?: Resolver<Maybe<ResolversTypes['KeyAccountConnection']>, ParentType, ContextType, Partial<QueryKeyAccountsArgs>>;
  me?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  node?: Resolver<Maybe<ResolversTypes['Node']>, ParentType, ContextType, RequireFields<QueryNodeArgs, 'id'>>;
  nodes?: Resolver<Maybe<Array<Maybe<ResolversTypes['Node']>>>, ParentType, ContextType, RequireFields<QueryNodesArgs, 'ids'>>;
  openActivationOrders?: Resolver<Maybe<ResolversTypes['ActivationOrderConnection']>, ParentType, ContextType, Partial<QueryOpenActivationOrdersArgs>>;
  openComplaints?: Resolver<Maybe<ResolversTypes['ComplaintConnection']>, ParentType, ContextType, Partial<QueryOpenComplaintsArgs>>;
  openFaultTickets?: Resolver<Maybe<ResolversTypes['FaultTicketConnection']>, ParentType, ContextType, Partial<QueryOpenFaultTicketsArgs>>;
  overdueActivationOrders?: Resolver<Maybe<ResolversTypes['ActivationOrderConnection']>, ParentType, ContextType, RequireFields<QueryOverdueActivationOrdersArgs, 'branchCode'>>;
  satisfaction?: Resolver<Maybe<ResolversTypes['SatisfactionSummary']>, ParentType, ContextType, RequireFields<QuerySatisfactionArgs, 'branchCode' | 'period'>>;
  scorecardRanking?: Resolver<Maybe<Array<ResolversTypes['BranchScorecard']>>, ParentType, ContextType, RequireFields<QueryScorecardRankingArgs, 'period'>>;
  slaPolicyFor?: Resolver<Maybe<ResolversTypes['EffectiveSlaPolicy']>, ParentType, ContextType, RequireFields<QuerySlaPolicyForArgs, 'accountId'>>;
  slaPolicyVersions?: Resolver<Maybe<Array<ResolversTypes['SlaPolicy']>>, ParentType, ContextType, RequireFields<QuerySlaPolicyVersionsArgs, 'scope'>>;
  surveyAttributes?: Resolver<Array<ResolversTypes['SurveyAttribute']>, ParentType, ContextType, Partial<QuerySurveyAttributesArgs>>;
};

export type SatisfactionSummaryResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['SatisfactionSummary'] = ResolversParentTypes['SatisfactionSummary']> = {
  account?: Resolver<Maybe<ResolversTypes['KeyAccount']>, ParentType, ContextType>;
  branch?: Resolver<ResolversTypes['Branch'], ParentType, ContextType>;
  competitorLeads?: Resolver<Array<ResolversTypes['CompetitorLead']>, ParentType, ContextType>;
  cs1?: Resolver<ResolversTypes['Figure'], ParentType, ContextType>;
  cs2?: Resolver<ResolversTypes['Figure'], ParentType, ContextType>;
  cs3?: Resolver<ResolversTypes['Figure'], ParentType, ContextType>;
  lead?: Resolver<ResolversTypes['Figure'], ParentType, ContextType>;
  leadCompetitor?: Resolver<Maybe<ResolversTypes['Competitor']>, ParentType, ContextType>;
  nps?: Resolver<ResolversTypes['Figure'], ParentType, ContextType>;
  period?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  periodEnd?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  periodStart?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  quadrants?: Resolver<Array<ResolversTypes['AttributeQuadrant']>, ParentType, ContextType>;
  responses?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  satisfactionIndex?: Resolver<ResolversTypes['Figure'], ParentType, ContextType>;
  top3BoxShare?: Resolver<ResolversTypes['Figure'], ParentType, ContextType>;
  topBoxShare?: Resolver<ResolversTypes['Figure'], ParentType, ContextType>;
};

export type ScorecardTargetResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ScorecardTarget'] = ResolversParentTypes['ScorecardTarget']> = {
  branchCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  figure?: Resolver<ResolversTypes['ScorecardFigure'], ParentType, ContextType>;
  period?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  target?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type ServiceReportActivationResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ServiceReportActivation'] = ResolversParentTypes['ServiceReportActivation']> = {
  activated?: Resolver<Array<ResolversTypes['ActivationOrder']>, ParentType, ContextType>;
  delayNotifiedRate?: Resolver<ResolversTypes['Figure'], ParentType, ContextType>;
  delayReasons?: Resolver<Array<ResolversTypes['DelayReasonCount']>, ParentType, ContextType>;
  latenessMinutes?: Resolver<ResolversTypes['Figure'], ParentType, ContextType>;
  onTimeRate?: Resolver<ResolversTypes['Figure'], ParentType, ContextType>;
  open?: Resolver<Array<ResolversTypes['ActivationOrder']>, ParentType, ContextType>;
};

export type ServiceReportComplaintsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ServiceReportComplaints'] = ResolversParentTypes['ServiceReportComplaints']> = {
  complaints?: Resolver<Array<ResolversTypes['Complaint']>, ParentType, ContextType>;
  firstContactRate?: Resolver<ResolversTypes['Figure'], ParentType, ContextType>;
  received?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  repeats?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  resolutionRate?: Resolver<ResolversTypes['Figure'], ParentType, ContextType>;
};

export type ServiceReportFaultsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ServiceReportFaults'] = ResolversParentTypes['ServiceReportFaults']> = {
  acknowledgementMinutes?: Resolver<ResolversTypes['Figure'], ParentType, ContextType>;
  causeExplainedRate?: Resolver<ResolversTypes['Figure'], ParentType, ContextType>;
  open?: Resolver<Array<ResolversTypes['FaultTicket']>, ParentType, ContextType>;
  pausedTickets?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  repeatRate?: Resolver<ResolversTypes['Figure'], ParentType, ContextType>;
  restored?: Resolver<Array<ResolversTypes['FaultTicket']>, ParentType, ContextType>;
  tiers?: Resolver<Array<ResolversTypes['TierFigures']>, ParentType, ContextType>;
  withinSlaRate?: Resolver<ResolversTypes['Figure'], ParentType, ContextType>;
};

export type ServiceReportFollowUpsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ServiceReportFollowUps'] = ResolversParentTypes['ServiceReportFollowUps']> = {
  completed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  coverage?: Resolver<ResolversTypes['Figure'], ParentType, ContextType>;
  followUps?: Resolver<Array<ResolversTypes['FollowUp']>, ParentType, ContextType>;
  postActivationFollowUpRate?: Resolver<ResolversTypes['Figure'], ParentType, ContextType>;
  postRepairFollowUpRate?: Resolver<ResolversTypes['Figure'], ParentType, ContextType>;
};

export type ServiceReportSatisfactionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ServiceReportSatisfaction'] = ResolversParentTypes['ServiceReportSatisfaction']> = {
  account?: Resolver<ResolversTypes['SatisfactionSummary'], ParentType, ContextType>;
  branch?: Resolver<ResolversTypes['SatisfactionSummary'], ParentType, ContextType>;
  responses?: Resolver<Array<ResolversTypes['SurveyResponse']>, ParentType, ContextType>;
};

export type SeverityChangeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['SeverityChange'] = ResolversParentTypes['SeverityChange']> = {
  actorLogin?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  severity?: Resolver<ResolversTypes['Severity'], ParentType, ContextType>;
};

export type SeverityTargetResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['SeverityTarget'] = ResolversParentTypes['SeverityTarget']> = {
  minutes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  severity?: Resolver<ResolversTypes['Severity'], ParentType, ContextType>;
};

export type SlaClockSettingResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['SlaClockSetting'] = ResolversParentTypes['SlaClockSetting']> = {
  breaks?: Resolver<Maybe<Array<ResolversTypes['LocalTimeRange']>>, ParentType, ContextType>;
  close?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  holidays?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['SlaClockKind'], ParentType, ContextType>;
  open?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  timeZone?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  weekdays?: Resolver<Maybe<Array<ResolversTypes['Int']>>, ParentType, ContextType>;
};

export type SlaPolicyResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['SlaPolicy'] = ResolversParentTypes['SlaPolicy']> = {
  acknowledgementTargetMinutes?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  clock?: Resolver<Maybe<ResolversTypes['SlaClockSetting']>, ParentType, ContextType>;
  complaintFirstContactMinutes?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  complaintResolutionMinutes?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  createdBy?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  effectiveFrom?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  otherProductsLeadMinutes?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  productLeadTimes?: Resolver<Array<ResolversTypes['ProductLeadTime']>, ParentType, ContextType>;
  restorationTargets?: Resolver<Array<ResolversTypes['SeverityTarget']>, ParentType, ContextType>;
  scope?: Resolver<ResolversTypes['SlaPolicyScope'], ParentType, ContextType>;
  scopeKey?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type SlaPolicyFieldSourceResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['SlaPolicyFieldSource'] = ResolversParentTypes['SlaPolicyFieldSource']> = {
  field?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  policy?: Resolver<ResolversTypes['SlaPolicy'], ParentType, ContextType>;
};

export type SurveyAttributeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['SurveyAttribute'] = ResolversParentTypes['SurveyAttribute']> = {
  active?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  stage?: Resolver<ResolversTypes['JourneyStage'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type SurveyResponseResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['SurveyResponse'] = ResolversParentTypes['SurveyResponse']> = {
  account?: Resolver<ResolversTypes['KeyAccount'], ParentType, ContextType>;
  attributes?: Resolver<Array<ResolversTypes['AttributeScore']>, ParentType, ContextType>;
  channel?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  comment?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  competitors?: Resolver<Array<ResolversTypes['CompetitorScore']>, ParentType, ContextType>;
  cs1?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  cs2?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  cs3?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  externalId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  followUp?: Resolver<Maybe<ResolversTypes['FollowUp']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  nps?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  occurredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  respondedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  respondent?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  satisfactionIndex?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  sourceSystem?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  stage?: Resolver<ResolversTypes['JourneyStage'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type SurveyResponseConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['SurveyResponseConnection'] = ResolversParentTypes['SurveyResponseConnection']> = {
  edges?: Resolver<Array<ResolversTypes['SurveyResponseEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type SurveyResponseEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['SurveyResponseEdge'] = ResolversParentTypes['SurveyResponseEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['SurveyResponse'], ParentType, ContextType>;
};

export type TierFiguresResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['TierFigures'] = ResolversParentTypes['TierFigures']> = {
  mttrMinutes?: Resolver<ResolversTypes['Figure'], ParentType, ContextType>;
  p90Minutes?: Resolver<ResolversTypes['Figure'], ParentType, ContextType>;
  repeatRate?: Resolver<ResolversTypes['Figure'], ParentType, ContextType>;
  severity?: Resolver<ResolversTypes['Severity'], ParentType, ContextType>;
  tickets?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  withinSlaRate?: Resolver<ResolversTypes['Figure'], ParentType, ContextType>;
};

export type TimeIntervalResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['TimeInterval'] = ResolversParentTypes['TimeInterval']> = {
  end?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  start?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type UserResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User']> = {
  branch?: Resolver<Maybe<ResolversTypes['Branch']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  login?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['Role'], ParentType, ContextType>;
  sourceSystem?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type Resolvers<ContextType = GraphQLContext> = {
  AccountServiceReport?: AccountServiceReportResolvers<ContextType>;
  ActivationDelay?: ActivationDelayResolvers<ContextType>;
  ActivationOrder?: ActivationOrderResolvers<ContextType>;
  ActivationOrderConnection?: ActivationOrderConnectionResolvers<ContextType>;
  ActivationOrderEdge?: ActivationOrderEdgeResolvers<ContextType>;
  ActivationPromise?: ActivationPromiseResolvers<ContextType>;
  ActivationStatusChange?: ActivationStatusChangeResolvers<ContextType>;
  ApiToken?: ApiTokenResolvers<ContextType>;
  AttributeQuadrant?: AttributeQuadrantResolvers<ContextType>;
  AttributeScore?: AttributeScoreResolvers<ContextType>;
  AuditEntry?: AuditEntryResolvers<ContextType>;
  AuditEntryConnection?: AuditEntryConnectionResolvers<ContextType>;
  AuditEntryEdge?: AuditEntryEdgeResolvers<ContextType>;
  BillingInteraction?: BillingInteractionResolvers<ContextType>;
  Branch?: BranchResolvers<ContextType>;
  BranchScorecard?: BranchScorecardResolvers<ContextType>;
  BusinessHandling?: BusinessHandlingResolvers<ContextType>;
  Compensation?: CompensationResolvers<ContextType>;
  Competitor?: CompetitorResolvers<ContextType>;
  CompetitorLead?: CompetitorLeadResolvers<ContextType>;
  CompetitorScore?: CompetitorScoreResolvers<ContextType>;
  Complaint?: ComplaintResolvers<ContextType>;
  ComplaintConnection?: ComplaintConnectionResolvers<ContextType>;
  ComplaintEdge?: ComplaintEdgeResolvers<ContextType>;
  ComplaintStatusChange?: ComplaintStatusChangeResolvers<ContextType>;
  Consultation?: ConsultationResolvers<ContextType>;
  Contact?: ContactResolvers<ContextType>;
  CreateUserPayload?: CreateUserPayloadResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  DelayReasonCount?: DelayReasonCountResolvers<ContextType>;
  EffectiveSlaPolicy?: EffectiveSlaPolicyResolvers<ContextType>;
  FaultPause?: FaultPauseResolvers<ContextType>;
  FaultStatusChange?: FaultStatusChangeResolvers<ContextType>;
  FaultTicket?: FaultTicketResolvers<ContextType>;
  FaultTicketConnection?: FaultTicketConnectionResolvers<ContextType>;
  FaultTicketEdge?: FaultTicketEdgeResolvers<ContextType>;
  FieldChange?: FieldChangeResolvers<ContextType>;
  Figure?: FigureResolvers<ContextType>;
  FollowUp?: FollowUpResolvers<ContextType>;
  FollowUpCompliance?: FollowUpComplianceResolvers<ContextType>;
  FollowUpConnection?: FollowUpConnectionResolvers<ContextType>;
  FollowUpEdge?: FollowUpEdgeResolvers<ContextType>;
  ImportBatchResult?: ImportBatchResultResolvers<ContextType>;
  ImportColumn?: ImportColumnResolvers<ContextType>;
  ImportKindInfo?: ImportKindInfoResolvers<ContextType>;
  ImportRowResult?: ImportRowResultResolvers<ContextType>;
  IssueTokenPayload?: IssueTokenPayloadResolvers<ContextType>;
  JSONObject?: GraphQLScalarType;
  JourneyEvent?: JourneyEventResolvers<ContextType>;
  JourneyEventConnection?: JourneyEventConnectionResolvers<ContextType>;
  JourneyEventEdge?: JourneyEventEdgeResolvers<ContextType>;
  KeyAccount?: KeyAccountResolvers<ContextType>;
  KeyAccountConnection?: KeyAccountConnectionResolvers<ContextType>;
  KeyAccountEdge?: KeyAccountEdgeResolvers<ContextType>;
  LocalTimeRange?: LocalTimeRangeResolvers<ContextType>;
  MaintenanceRecord?: MaintenanceRecordResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Node?: NodeResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  PeriodicFollowUpScheduling?: PeriodicFollowUpSchedulingResolvers<ContextType>;
  ProductLeadTime?: ProductLeadTimeResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  SatisfactionSummary?: SatisfactionSummaryResolvers<ContextType>;
  ScorecardTarget?: ScorecardTargetResolvers<ContextType>;
  ServiceReportActivation?: ServiceReportActivationResolvers<ContextType>;
  ServiceReportComplaints?: ServiceReportComplaintsResolvers<ContextType>;
  ServiceReportFaults?: ServiceReportFaultsResolvers<ContextType>;
  ServiceReportFollowUps?: ServiceReportFollowUpsResolvers<ContextType>;
  ServiceReportSatisfaction?: ServiceReportSatisfactionResolvers<ContextType>;
  SeverityChange?: SeverityChangeResolvers<ContextType>;
  SeverityTarget?: SeverityTargetResolvers<ContextType>;
  SlaClockSetting?: SlaClockSettingResolvers<ContextType>;
  SlaPolicy?: SlaPolicyResolvers<ContextType>;
  SlaPolicyFieldSource?: SlaPolicyFieldSourceResolvers<ContextType>;
  SurveyAttribute?: SurveyAttributeResolvers<ContextType>;
  SurveyResponse?: SurveyResponseResolvers<ContextType>;
  SurveyResponseConnection?: SurveyResponseConnectionResolvers<ContextType>;
  SurveyResponseEdge?: SurveyResponseEdgeResolvers<ContextType>;
  TierFigures?: TierFiguresResolvers<ContextType>;
  TimeInterval?: TimeIntervalResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
};

