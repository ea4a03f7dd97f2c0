import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { BranchDoc } from '../../modules/branches/branch.model';
import type { UserDoc } from '../../modules/auth/user.model';
import type { ApiTokenDoc } from '../../modules/auth/token.model';
import type { KeyAccountDoc } from '../../modules/accounts/account.model';
import type { KeyAccountPage, JourneyEventPage, AuditEntryPage, JourneyRecordRow } from '../record-types';
import type { JourneyEventRow } from '../../modules/journey/timeline.service';
import type { AuditEntryDoc } from '../../modules/audit/audit.model';
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
};

/** An API token's metadata; the token itself is shown only once, when issued. */
export type ApiToken = {
  __typename?: 'ApiToken';
  /** When it was issued. */
  createdAt: Scalars['DateTime']['output'];
  /** When it stops working; null = never. */
  expiresAt?: Maybe<Scalars['DateTime']['output']>;
  /** Opaque id, used to revoke the token. */
  id: Scalars['ID']['output'];
  /** Free label (e.g. the machine or script that uses it). */
  label?: Maybe<Scalars['String']['output']>;
  /** When it was revoked; null = active. */
  revokedAt?: Maybe<Scalars['DateTime']['output']>;
};

/** Who changed what and when. */
export type AuditEntry = {
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
  /** Opaque id. */
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
  | 'ACCOUNT_MANAGER'
  | 'BUSINESS_HALL'
  | 'HOTLINE'
  | 'MAIL'
  | 'ONLINE'
  | 'SELF_SERVICE';

/** A fee inquiry, statement, payment or dispute (费用查询 / 交纳 / 清单). */
export type BillingInteraction = JourneyEvent & {
  __typename?: 'BillingInteraction';
  /** The account. */
  account: KeyAccount;
  /** Whether the bill was accurate; null when not judged. */
  accurate?: Maybe<Scalars['Boolean']['output']>;
  /** Channel. */
  channel: BillingChannel;
  /** Opaque id. */
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
  | 'DISPUTE'
  | 'INQUIRY'
  | 'PAYMENT'
  | 'STATEMENT';

/** A branch (分公司) of the provincial company; every key account belongs to exactly one. */
export type Branch = {
  __typename?: 'Branch';
  /** Short unique code, e.g. `HZ`; the natural key used by imports and scorecards. */
  code: Scalars['String']['output'];
  /** Display name. */
  name: Scalars['String']['output'];
  /** IANA time zone in which the branch's days, months, quarters and business hours are cut. */
  timeZone: Scalars['String']['output'];
};

/** A contract, agreement or change handled for the customer (业务办理 / 协议签订). */
export type BusinessHandling = JourneyEvent & {
  __typename?: 'BusinessHandling';
  /** The account. */
  account: KeyAccount;
  /** Channel. */
  channel: HandlingChannel;
  /** When it was completed; null while open. */
  completedAt?: Maybe<Scalars['DateTime']['output']>;
  /** How many times the customer had to come (visit, send papers). */
  customerTrips: Scalars['Int']['output'];
  /** Opaque id. */
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
  | 'AGREEMENT'
  | 'CHANGE'
  | 'NEW_CONTRACT'
  | 'RENEWAL'
  | 'TERMINATION';

/** A question the customer asked (咨询) and how it was answered. */
export type Consultation = JourneyEvent & {
  __typename?: 'Consultation';
  /** The account. */
  account: KeyAccount;
  /** When they got an answer; null while unanswered. */
  answeredAt?: Maybe<Scalars['DateTime']['output']>;
  /** When the customer asked. */
  askedAt: Scalars['DateTime']['output'];
  /** Channel. */
  channel: ConsultationChannel;
  /** Opaque id. */
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
  | 'ACCOUNT_MANAGER'
  | 'BUSINESS_HALL'
  | 'EMAIL'
  | 'HOTLINE'
  | 'ONLINE'
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

/** Channel of a business handling. */
export type HandlingChannel =
  | 'ACCOUNT_MANAGER'
  | 'AGENT'
  | 'BUSINESS_HALL'
  | 'ONLINE';

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
  /** Opaque id. */
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
  | 'ACTIVATION'
  | 'BILLING'
  | 'CONSULTING'
  | 'CONTRACT'
  | 'FAULT_REPORTING'
  | 'FOLLOW_UP'
  | 'MAINTENANCE'
  | 'REPAIR'
  | 'SURVEY';

/** A key (enterprise) account (大客户), looked after by one account manager of one branch. */
export type KeyAccount = {
  __typename?: 'KeyAccount';
  /** The account manager who looks after it. */
  accountManager: User;
  /** The branch the account belongs to. */
  branch: Branch;
  /** When it was closed; null while active. */
  closedAt?: Maybe<Scalars['DateTime']['output']>;
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
  /** Opaque id. */
  id: Scalars['ID']['output'];
  /** Industry (free text, e.g. finance, government, manufacturing). */
  industry?: Maybe<Scalars['String']['output']>;
  /** Customer name. */
  name: Scalars['String']['output'];
  /** System the account comes from (e.g. CRM, BSS). */
  sourceSystem: Scalars['String']['output'];
  /** ACTIVE or CLOSED. */
  status: KeyAccountStatus;
  /** Service tier (free text, e.g. A, B, strategic). */
  tier?: Maybe<Scalars['String']['output']>;
  /** Every journey record of the account, newest first (by the time the record's event began). */
  timeline: JourneyEventConnection;
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
  | 'ACTIVE'
  | 'CLOSED';

/** Effect of maintenance on the customer's service. */
export type MaintenanceImpact =
  | 'DEGRADED'
  | 'NONE'
  | 'OUTAGE';

/** Who performed maintenance. */
export type MaintenancePerformer =
  | 'CONTRACTOR'
  | 'OWN_STAFF';

/** Maintenance of the customer's lines (维护和线路保障). */
export type MaintenanceRecord = JourneyEvent & {
  __typename?: 'MaintenanceRecord';
  /** The account. */
  account: KeyAccount;
  /** What was done. */
  description?: Maybe<Scalars['String']['output']>;
  /** End; null while running. */
  endAt?: Maybe<Scalars['DateTime']['output']>;
  /** Opaque id. */
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
  /** Closes the account at the given time. */
  closeKeyAccount: KeyAccount;
  /** Records a billing interaction. */
  createBillingInteraction: BillingInteraction;
  /** Creates a branch (ADMIN only). */
  createBranch: Branch;
  /** Records a business handling. */
  createBusinessHandling: BusinessHandling;
  /** Records a consultation. */
  createConsultation: Consultation;
  /** Creates a key account. */
  createKeyAccount: KeyAccount;
  /** Records maintenance. */
  createMaintenanceRecord: MaintenanceRecord;
  /** Creates a user and returns its first token once (ADMIN only). */
  createUser: CreateUserPayload;
  /** Issues a further token for a user (ADMIN only). */
  issueToken: IssueTokenPayload;
  /** Hands the account to another manager of its branch (BRANCH_HEAD of the branch or ADMIN). */
  reassignAccountManager: KeyAccount;
  /** Revokes a token at once (ADMIN only); idempotent. */
  revokeToken: ApiToken;
  /** Changes a billing interaction; omitted fields stay. */
  updateBillingInteraction: BillingInteraction;
  /** Changes a business handling; omitted fields stay. */
  updateBusinessHandling: BusinessHandling;
  /** Changes a consultation; omitted fields stay. */
  updateConsultation: Consultation;
  /** Changes an account's descriptive fields. */
  updateKeyAccount: KeyAccount;
  /** Changes a maintenance record; omitted fields stay. */
  updateMaintenanceRecord: MaintenanceRecord;
};


/** Changes. Every mutation is recorded in the audit trail. */
export type MutationCloseKeyAccountArgs = {
  at: Scalars['DateTime']['input'];
  id: Scalars['ID']['input'];
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
export type MutationIssueTokenArgs = {
  input: IssueTokenInput;
};


/** Changes. Every mutation is recorded in the audit trail. */
export type MutationReassignAccountManagerArgs = {
  accountManagerLogin: Scalars['String']['input'];
  id: Scalars['ID']['input'];
};


/** Changes. Every mutation is recorded in the audit trail. */
export type MutationRevokeTokenArgs = {
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

/** Read operations. Every list of records is scoped to what the caller may see. */
export type Query = {
  __typename?: 'Query';
  /** Tokens of a user (ADMIN only). */
  apiTokens: Array<ApiToken>;
  /** The API version, for clients checking what they talk to. */
  apiVersion: Scalars['String']['output'];
  /**
   * The audit trail of an entity, newest first: for ADMIN, HQ_ANALYST and the people of the entity's
   * branch.
   */
  auditTrail: AuditEntryConnection;
  /** One branch by its code, or null when there is none. */
  branch?: Maybe<Branch>;
  /** All branches, ordered by code. */
  branches: Array<Branch>;
  /** One account, or null when it does not exist or is outside the caller's scope. */
  keyAccount?: Maybe<KeyAccount>;
  /** Accounts in the caller's scope, sorted by name then id; at most 100 per page. */
  keyAccounts: KeyAccountConnection;
  /** The caller. */
  me: User;
};


/** Read operations. Every list of records is scoped to what the caller may see. */
export type QueryApiTokensArgs = {
  login: Scalars['String']['input'];
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

/**
 * What a user may do. ADMIN: everything. HQ_ANALYST: reads every branch. BRANCH_HEAD: reads and
 * writes everything of their branch, reassigns its accounts. ACCOUNT_MANAGER: reads their branch,
 * writes only the accounts they manage. INTEGRATION: imports for one source system (optionally
 * confined to one branch).
 */
export type Role =
  | 'ACCOUNT_MANAGER'
  | 'ADMIN'
  | 'BRANCH_HEAD'
  | 'HQ_ANALYST'
  | 'INTEGRATION';

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
export type User = {
  __typename?: 'User';
  /** The branch of a branch role; null for ADMIN, HQ_ANALYST and unconfined integrations. */
  branch?: Maybe<Branch>;
  /** Opaque id. */
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





/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  ApiToken: ResolverTypeWrapper<ApiTokenDoc>;
  AuditEntry: ResolverTypeWrapper<AuditEntryDoc>;
  AuditEntryConnection: ResolverTypeWrapper<AuditEntryPage>;
  AuditEntryEdge: ResolverTypeWrapper<Omit<AuditEntryEdge, 'node'> & { node: ResolversTypes['AuditEntry'] }>;
  BillingChannel: BillingChannel;
  BillingInteraction: ResolverTypeWrapper<JourneyRecordRow>;
  BillingInteractionInput: BillingInteractionInput;
  BillingInteractionKind: BillingInteractionKind;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Branch: ResolverTypeWrapper<BranchDoc>;
  BusinessHandling: ResolverTypeWrapper<JourneyRecordRow>;
  BusinessHandlingInput: BusinessHandlingInput;
  BusinessHandlingKind: BusinessHandlingKind;
  Consultation: ResolverTypeWrapper<JourneyRecordRow>;
  ConsultationChannel: ConsultationChannel;
  ConsultationInput: ConsultationInput;
  Contact: ResolverTypeWrapper<Contact>;
  ContactInput: ContactInput;
  CreateBranchInput: CreateBranchInput;
  CreateKeyAccountInput: CreateKeyAccountInput;
  CreateUserInput: CreateUserInput;
  CreateUserPayload: ResolverTypeWrapper<Omit<CreateUserPayload, 'user'> & { user: ResolversTypes['User'] }>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  FieldChange: ResolverTypeWrapper<FieldChange>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  HandlingChannel: HandlingChannel;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  IssueTokenInput: IssueTokenInput;
  IssueTokenPayload: ResolverTypeWrapper<Omit<IssueTokenPayload, 'apiToken'> & { apiToken: ResolversTypes['ApiToken'] }>;
  JourneyEvent: ResolverTypeWrapper<JourneyEventRow>;
  JourneyEventConnection: ResolverTypeWrapper<JourneyEventPage>;
  JourneyEventEdge: ResolverTypeWrapper<Omit<JourneyEventEdge, 'node'> & { node: ResolversTypes['JourneyEvent'] }>;
  JourneyStage: JourneyStage;
  KeyAccount: ResolverTypeWrapper<KeyAccountDoc>;
  KeyAccountConnection: ResolverTypeWrapper<KeyAccountPage>;
  KeyAccountEdge: ResolverTypeWrapper<Omit<KeyAccountEdge, 'node'> & { node: ResolversTypes['KeyAccount'] }>;
  KeyAccountFilter: KeyAccountFilter;
  KeyAccountStatus: KeyAccountStatus;
  MaintenanceImpact: MaintenanceImpact;
  MaintenancePerformer: MaintenancePerformer;
  MaintenanceRecord: ResolverTypeWrapper<JourneyRecordRow>;
  MaintenanceRecordInput: MaintenanceRecordInput;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Role: Role;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  UpdateKeyAccountInput: UpdateKeyAccountInput;
  User: ResolverTypeWrapper<UserDoc>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  ApiToken: ApiTokenDoc;
  AuditEntry: AuditEntryDoc;
  AuditEntryConnection: AuditEntryPage;
  AuditEntryEdge: Omit<AuditEntryEdge, 'node'> & { node: ResolversParentTypes['AuditEntry'] };
  BillingInteraction: JourneyRecordRow;
  BillingInteractionInput: BillingInteractionInput;
  Boolean: Scalars['Boolean']['output'];
  Branch: BranchDoc;
  BusinessHandling: JourneyRecordRow;
  BusinessHandlingInput: BusinessHandlingInput;
  Consultation: JourneyRecordRow;
  ConsultationInput: ConsultationInput;
  Contact: Contact;
  ContactInput: ContactInput;
  CreateBranchInput: CreateBranchInput;
  CreateKeyAccountInput: CreateKeyAccountInput;
  CreateUserInput: CreateUserInput;
  CreateUserPayload: Omit<CreateUserPayload, 'user'> & { user: ResolversParentTypes['User'] };
  DateTime: Scalars['DateTime']['output'];
  FieldChange: FieldChange;
  Float: Scalars['Float']['output'];
  ID: Scalars['ID']['output'];
  Int: Scalars['Int']['output'];
  IssueTokenInput: IssueTokenInput;
  IssueTokenPayload: Omit<IssueTokenPayload, 'apiToken'> & { apiToken: ResolversParentTypes['ApiToken'] };
  JourneyEvent: JourneyEventRow;
  JourneyEventConnection: JourneyEventPage;
  JourneyEventEdge: Omit<JourneyEventEdge, 'node'> & { node: ResolversParentTypes['JourneyEvent'] };
  KeyAccount: KeyAccountDoc;
  KeyAccountConnection: KeyAccountPage;
  KeyAccountEdge: Omit<KeyAccountEdge, 'node'> & { node: ResolversParentTypes['KeyAccount'] };
  KeyAccountFilter: KeyAccountFilter;
  MaintenanceRecord: JourneyRecordRow;
  MaintenanceRecordInput: MaintenanceRecordInput;
  Mutation: Record<PropertyKey, never>;
  PageInfo: PageInfo;
  Query: Record<PropertyKey, never>;
  String: Scalars['String']['output'];
  UpdateKeyAccountInput: UpdateKeyAccountInput;
  User: UserDoc;
};

export type ApiTokenResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ApiToken'] = ResolversParentTypes['ApiToken']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  expiresAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  label?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  revokedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
};

export type AuditEntryResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['AuditEntry'] = ResolversParentTypes['AuditEntry']> = {
  action?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  actorLogin?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  changes?: Resolver<Array<ResolversTypes['FieldChange']>, ParentType, ContextType>;
  entityId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  entityType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
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
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  timeZone?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
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

export type FieldChangeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['FieldChange'] = ResolversParentTypes['FieldChange']> = {
  after?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  before?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  field?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type IssueTokenPayloadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['IssueTokenPayload'] = ResolversParentTypes['IssueTokenPayload']> = {
  apiToken?: Resolver<ResolversTypes['ApiToken'], ParentType, ContextType>;
  token?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type JourneyEventResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['JourneyEvent'] = ResolversParentTypes['JourneyEvent']> = {
  __resolveType: TypeResolveFn<'BillingInteraction' | 'BusinessHandling' | 'Consultation' | 'MaintenanceRecord', ParentType, ContextType>;
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
  branch?: Resolver<ResolversTypes['Branch'], ParentType, ContextType>;
  closedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  contacts?: Resolver<Array<ResolversTypes['Contact']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  currentStage?: Resolver<ResolversTypes['JourneyStage'], ParentType, ContextType>;
  externalId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  industry?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  sourceSystem?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['KeyAccountStatus'], ParentType, ContextType>;
  tier?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  timeline?: Resolver<ResolversTypes['JourneyEventConnection'], ParentType, ContextType, Partial<KeyAccountTimelineArgs>>;
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
  closeKeyAccount?: Resolver<ResolversTypes['KeyAccount'], ParentType, ContextType, RequireFields<MutationCloseKeyAccountArgs, 'at' | 'id'>>;
  createBillingInteraction?: Resolver<ResolversTypes['BillingInteraction'], ParentType, ContextType, RequireFields<MutationCreateBillingInteractionArgs, 'input'>>;
  createBranch?: Resolver<ResolversTypes['Branch'], ParentType, ContextType, RequireFields<MutationCreateBranchArgs, 'input'>>;
  createBusinessHandling?: Resolver<ResolversTypes['BusinessHandling'], ParentType, ContextType, RequireFields<MutationCreateBusinessHandlingArgs, 'input'>>;
  createConsultation?: Resolver<ResolversTypes['Consultation'], ParentType, ContextType, RequireFields<MutationCreateConsultationArgs, 'input'>>;
  createKeyAccount?: Resolver<ResolversTypes['KeyAccount'], ParentType, ContextType, RequireFields<MutationCreateKeyAccountArgs, 'input'>>;
  createMaintenanceRecord?: Resolver<ResolversTypes['MaintenanceRecord'], ParentType, ContextType, RequireFields<MutationCreateMaintenanceRecordArgs, 'input'>>;
  createUser?: Resolver<ResolversTypes['CreateUserPayload'], ParentType, ContextType, RequireFields<MutationCreateUserArgs, 'input'>>;
  issueToken?: Resolver<ResolversTypes['IssueTokenPayload'], ParentType, ContextType, RequireFields<MutationIssueTokenArgs, 'input'>>;
  reassignAccountManager?: Resolver<ResolversTypes['KeyAccount'], ParentType, ContextType, RequireFields<MutationReassignAccountManagerArgs, 'accountManagerLogin' | 'id'>>;
  revokeToken?: Resolver<ResolversTypes['ApiToken'], ParentType, ContextType, RequireFields<MutationRevokeTokenArgs, 'id'>>;
  updateBillingInteraction?: Resolver<ResolversTypes['BillingInteraction'], ParentType, ContextType, RequireFields<MutationUpdateBillingInteractionArgs, 'id' | 'input'>>;
  updateBusinessHandling?: Resolver<ResolversTypes['BusinessHandling'], ParentType, ContextType, RequireFields<MutationUpdateBusinessHandlingArgs, 'id' | 'input'>>;
  updateConsultation?: Resolver<ResolversTypes['Consultation'], ParentType, ContextType, RequireFields<MutationUpdateConsultationArgs, 'id' | 'input'>>;
  updateKeyAccount?: Resolver<ResolversTypes['KeyAccount'], ParentType, ContextType, RequireFields<MutationUpdateKeyAccountArgs, 'id' | 'input'>>;
  updateMaintenanceRecord?: Resolver<ResolversTypes['MaintenanceRecord'], ParentType, ContextType, RequireFields<MutationUpdateMaintenanceRecordArgs, 'id' | 'input'>>;
};

export type PageInfoResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type QueryResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  apiTokens?: Resolver<Array<ResolversTypes['ApiToken']>, ParentType, ContextType, RequireFields<QueryApiTokensArgs, 'login'>>;
  apiVersion?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  auditTrail?: Resolver<ResolversTypes['AuditEntryConnection'], ParentType, ContextType, RequireFields<QueryAuditTrailArgs, 'entityId'>>;
  branch?: Resolver<Maybe<ResolversTypes['Branch']>, ParentType, ContextType, RequireFields<QueryBranchArgs, 'code'>>;
  branches?: Resolver<Array<ResolversTypes['Branch']>, ParentType, ContextType>;
  keyAccount?: Resolver<Maybe<ResolversTypes['KeyAccount']>, ParentType, ContextType, RequireFields<QueryKeyAccountArgs, 'id'>>;
  keyAccounts?: Resolver<ResolversTypes['KeyAccountConnection'], ParentType, ContextType, Partial<QueryKeyAccountsArgs>>;
  me?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
};

export type UserResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User']> = {
  branch?: Resolver<Maybe<ResolversTypes['Branch']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  login?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['Role'], ParentType, ContextType>;
  sourceSystem?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type Resolvers<ContextType = GraphQLContext> = {
  ApiToken?: ApiTokenResolvers<ContextType>;
  AuditEntry?: AuditEntryResolvers<ContextType>;
  AuditEntryConnection?: AuditEntryConnectionResolvers<ContextType>;
  AuditEntryEdge?: AuditEntryEdgeResolvers<ContextType>;
  BillingInteraction?: BillingInteractionResolvers<ContextType>;
  Branch?: BranchResolvers<ContextType>;
  BusinessHandling?: BusinessHandlingResolvers<ContextType>;
  Consultation?: ConsultationResolvers<ContextType>;
  Contact?: ContactResolvers<ContextType>;
  CreateUserPayload?: CreateUserPayloadResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  FieldChange?: FieldChangeResolvers<ContextType>;
  IssueTokenPayload?: IssueTokenPayloadResolvers<ContextType>;
  JourneyEvent?: JourneyEventResolvers<ContextType>;
  JourneyEventConnection?: JourneyEventConnectionResolvers<ContextType>;
  JourneyEventEdge?: JourneyEventEdgeResolvers<ContextType>;
  KeyAccount?: KeyAccountResolvers<ContextType>;
  KeyAccountConnection?: KeyAccountConnectionResolvers<ContextType>;
  KeyAccountEdge?: KeyAccountEdgeResolvers<ContextType>;
  MaintenanceRecord?: MaintenanceRecordResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
};

