import { isDuplicateKey } from '../../db/duplicate-key';
import type { Types } from 'mongoose';
import { AppError, badInput, notFound } from '../../shared/errors';
import { validate } from '../../shared/validate';
import { actorScope, canReadBranch, systemScope } from '../access/scope';
import { findKeyAccount } from '../accounts/account.service';
import { requireActor, requireRole, type Actor } from '../auth/actor';
import { auditChange } from '../audit/audit.service';
import type { PendingConsequence } from '../consequences/consequence-kinds';
import { createWithConsequences } from '../consequences/pending-consequences';
import { BranchModel, DEFAULT_TIME_ZONE } from '../branches/branch.model';
import { findBranch } from '../branches/branch.service';
import {
  DEFAULT_SCOPE_KEY,
  policyInForce,
  resolvePolicy,
  type EffectivePolicy,
  type PolicyScope,
  type PolicyTerms,
  type PolicyVersion,
} from './resolve-policy';
import { setSlaPolicyInput, type SetSlaPolicyInput } from './sla-policy.inputs';
import { SlaPolicyModel, type SlaPolicyDoc } from './sla-policy.model';

// Policies are reference terms read on behalf of records the caller may already see (or, for the
// default policy, by everyone); the checks that matter are made before these system reads.
const policyScope = systemScope('sla-policy');

/** A policy version as the API shows it. */
export type SlaPolicyRow = PolicyVersion & {
  branchCode: string | null;
  name: string | null;
  createdBy: string;
  createdAt: Date;
};

/** The policy in force for one account at one instant, as `slaPolicyFor` shows it. */
export type EffectiveSlaPolicyView = EffectivePolicy<SlaPolicyRow> & {
  at: Date;
  accountId: string;
  timeZone: string;
};

/** The terms of default policy v1 (DOMAIN.md commitments; broadband 72 h, dedicated line 5 days). */
export const DEFAULT_SLA_TERMS: PolicyTerms = {
  productLeadTimes: [
    { product: 'BROADBAND', minutes: 72 * 60 },
    { product: 'DEDICATED_LINE', minutes: 5 * 24 * 60 },
  ],
  otherProductsLeadMinutes: 72 * 60,
  restorationTargets: [
    { severity: 'CRITICAL', minutes: 240 },
    { severity: 'MAJOR', minutes: 480 },
    { severity: 'MINOR', minutes: 1440 },
  ],
  acknowledgementTargetMinutes: 30,
  clock: { kind: 'TWENTY_FOUR_SEVEN' },
};

function toRow(doc: SlaPolicyDoc): SlaPolicyRow {
  return {
    id: String(doc._id),
    scope: doc.scope,
    scopeKey: doc.scopeKey,
    branchCode: doc.branchCode,
    version: doc.version,
    effectiveFrom: doc.effectiveFrom,
    name: doc.name,
    productLeadTimes: doc.productLeadTimes,
    otherProductsLeadMinutes: doc.otherProductsLeadMinutes,
    restorationTargets: doc.restorationTargets,
    acknowledgementTargetMinutes: doc.acknowledgementTargetMinutes,
    complaintFirstContactMinutes: doc.complaintFirstContactMinutes ?? null,
    complaintResolutionMinutes: doc.complaintResolutionMinutes ?? null,
    clock: doc.clock,
    createdBy: doc.createdBy,
    createdAt: doc.createdAt,
  };
}

/**
 * Makes sure default policy v1 exists (idempotent; called at every start). It is effective from
 * the epoch, so records imported from any past date have a policy to be measured against.
 */
export async function ensureDefaultSlaPolicy(): Promise<void> {
  const key = { scope: 'DEFAULT', scopeKey: DEFAULT_SCOPE_KEY, version: 1 };
  await SlaPolicyModel.updateOne(
    key,
    {
      $setOnInsert: {
        ...key,
        ...DEFAULT_SLA_TERMS,
        branchCode: null,
        effectiveFrom: new Date(0),
        name: 'Standard service commitments',
        createdBy: 'system:bootstrap',
      },
    },
    { upsert: true },
  )
    .setOptions({ scope: policyScope })
    .catch((error: unknown) => {
      // Two processes starting at once: the other one inserted it.
      if (!isDuplicateKey(error)) throw error;
    });
}

async function timeZoneOf(branchCode: string): Promise<string> {
  return (await findBranch(branchCode))?.timeZone ?? DEFAULT_TIME_ZONE;
}

/**
 * The policy in force for an account at an instant (one query for the three levels' versions).
 * Services call it when an order or ticket is opened and copy what the record needs.
 */
export async function effectivePolicyForAccount(
  account: { _id: Types.ObjectId; branchCode: string },
  at: Date,
): Promise<EffectivePolicy<SlaPolicyRow> & { timeZone: string }> {
  const docs = await SlaPolicyModel.find(
    {
      $or: [
        { scope: 'DEFAULT', scopeKey: DEFAULT_SCOPE_KEY },
        { scope: 'BRANCH', scopeKey: account.branchCode },
        { scope: 'ACCOUNT', scopeKey: account._id.toHexString() },
      ],
      effectiveFrom: { $lte: at },
    },
    null,
    { scope: policyScope },
  ).lean<SlaPolicyDoc[]>();
  const timeZone = await timeZoneOf(account.branchCode);
  const policy = resolvePolicy(docs.map(toRow), {
    accountId: account._id.toHexString(),
    branchCode: account.branchCode,
    timeZone,
    at,
  });
  return { ...policy, timeZone };
}

/** The policy in force for an account at an instant, from versions read beforehand. */
export type PolicyResolver = (
  account: { _id: Types.ObjectId; branchCode: string },
  at: Date,
) => EffectivePolicy<SlaPolicyRow> & { timeZone: string };

/**
 * `effectivePolicyForAccount` for a batch of accounts (imports): every version of their three
 * levels and their branches' time zones in one query each, then resolved in memory, once per
 * account and set of versions in force (instants under the same versions share the answer).
 */
export async function policyResolverFor(
  accounts: readonly { _id: Types.ObjectId; branchCode: string }[],
): Promise<PolicyResolver> {
  const branchCodes = [...new Set(accounts.map((account) => account.branchCode))];
  const accountKeys = [...new Set(accounts.map((account) => account._id.toHexString()))];
  const [docs, branches] = await Promise.all([
    SlaPolicyModel.find(
      {
        $or: [
          { scope: 'DEFAULT', scopeKey: DEFAULT_SCOPE_KEY },
          { scope: 'BRANCH', scopeKey: { $in: branchCodes } },
          { scope: 'ACCOUNT', scopeKey: { $in: accountKeys } },
        ],
      },
      null,
      { scope: policyScope },
    ).lean<SlaPolicyDoc[]>(),
    BranchModel.find({ code: { $in: branchCodes } }, { code: 1, timeZone: 1 }).lean(),
  ]);
  const versions = docs.map(toRow);
  const zones = new Map(branches.map((branch) => [branch.code, branch.timeZone]));
  const resolved = new Map<string, ReturnType<PolicyResolver>>();
  return (account, at) => {
    const accountId = account._id.toHexString();
    const inForce = [
      policyInForce(versions, 'ACCOUNT', accountId, at),
      policyInForce(versions, 'BRANCH', account.branchCode, at),
      policyInForce(versions, 'DEFAULT', DEFAULT_SCOPE_KEY, at),
    ];
    const key = [accountId, ...inForce.map((version) => version?.id ?? '-')].join('|');
    let policy = resolved.get(key);
    if (!policy) {
      const timeZone = zones.get(account.branchCode) ?? DEFAULT_TIME_ZONE;
      policy = {
        ...resolvePolicy(versions, { accountId, branchCode: account.branchCode, timeZone, at }),
        timeZone,
      };
      resolved.set(key, policy);
    }
    return policy;
  };
}

/** `Query.slaPolicyFor`: null when the account is unknown or outside the caller's scope. */
export async function slaPolicyFor(options: {
  actor: Actor | null;
  accountId: string;
  at?: Date | null;
}): Promise<EffectiveSlaPolicyView | null> {
  const actor = requireActor(options.actor);
  const account = await findKeyAccount(actorScope(actor), options.accountId);
  if (!account) return null;
  const at = options.at ?? new Date();
  const policy = await effectivePolicyForAccount(account, at);
  return { ...policy, at, accountId: String(account._id) };
}

/** Which (scope, scopeKey) a caller names, after checking they may read it. */
async function readableKey(
  actor: Actor,
  scope: PolicyScope,
  scopeKey: string | null | undefined,
  field = 'scopeKey',
): Promise<{ scopeKey: string; branchCode: string | null }> {
  if (scope === 'DEFAULT') return { scopeKey: DEFAULT_SCOPE_KEY, branchCode: null };
  if (!scopeKey) throw badInput(field, `required for ${scope}`);
  if (scope === 'BRANCH') {
    if (!canReadBranch(actorScope(actor), scopeKey) || !(await findBranch(scopeKey))) {
      throw notFound('branch');
    }
    return { scopeKey, branchCode: scopeKey };
  }
  const account = await findKeyAccount(actorScope(actor), scopeKey);
  if (!account) throw notFound('key account');
  return { scopeKey: String(account._id), branchCode: account.branchCode };
}

/** `Query.slaPolicyVersions`: every version at one level, newest first. */
export async function slaPolicyVersions(options: {
  actor: Actor | null;
  scope: PolicyScope;
  scopeKey?: string | null;
}): Promise<SlaPolicyRow[]> {
  const actor = requireActor(options.actor);
  const { scopeKey } = await readableKey(actor, options.scope, options.scopeKey);
  const docs = await SlaPolicyModel.find({ scope: options.scope, scopeKey }, null, {
    scope: policyScope,
  })
    .sort({ version: -1 })
    .lean<SlaPolicyDoc[]>();
  return docs.map(toRow);
}

/** Policy versions by id, for the loader behind `policyVersions` of orders and tickets. */
export async function findSlaPoliciesByIds(ids: readonly string[]): Promise<SlaPolicyRow[]> {
  const docs = await SlaPolicyModel.find({ _id: { $in: ids } }, null, {
    scope: policyScope,
  }).lean<SlaPolicyDoc[]>();
  return docs.map(toRow);
}

/** ADMIN sets DEFAULT and BRANCH policies; ADMIN or the branch head sets an account agreement. */
async function requirePolicyWriter(actor: Actor | null, input: SetSlaPolicyInput) {
  if (input.scope !== 'ACCOUNT') return requireRole(actor, ['ADMIN']);
  return requireRole(actor, ['ADMIN', 'BRANCH_HEAD']);
}

// Complaint targets are not required: without them the rules' defaults apply (stored default
// policies predate complaints, and existing clients send none).
function requireComplete(input: SetSlaPolicyInput): void {
  const missing = (
    [
      'otherProductsLeadMinutes',
      'restorationTargets',
      'acknowledgementTargetMinutes',
      'clock',
    ] as const
  ).find((field) => input[field] == null);
  if (missing) throw badInput(`input.${missing}`, 'the default policy must set every value');
  if (input.restorationTargets!.length < 3) {
    throw badInput('input.restorationTargets', 'the default policy must set every severity');
  }
}

function termsOf(input: SetSlaPolicyInput): PolicyTerms {
  return {
    productLeadTimes: input.productLeadTimes ?? [],
    otherProductsLeadMinutes: input.otherProductsLeadMinutes ?? null,
    restorationTargets: input.restorationTargets ?? [],
    acknowledgementTargetMinutes: input.acknowledgementTargetMinutes ?? null,
    complaintFirstContactMinutes: input.complaintFirstContactMinutes ?? null,
    complaintResolutionMinutes: input.complaintResolutionMinutes ?? null,
    clock: input.clock ?? null,
  };
}

async function insertNextVersion(
  fields: Record<string, unknown> & { scope: string },
  consequences: (doc: SlaPolicyDoc) => PendingConsequence[],
) {
  // Numbering without transactions: read the last version, insert the next; a concurrent writer
  // that took the number makes the unique index refuse, and we read again.
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const last = await SlaPolicyModel.findOne(
      { scope: fields.scope, scopeKey: fields.scopeKey },
      { version: 1 },
      { scope: policyScope },
    )
      .sort({ version: -1 })
      .lean<{ version: number }>();
    try {
      return await createWithConsequences<SlaPolicyDoc>(
        SlaPolicyModel,
        { ...fields, version: (last?.version ?? 0) + 1 },
        consequences,
      );
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
  }
  throw new AppError('CONFLICT', 'the policy is being changed concurrently; try again');
}

/**
 * `Mutation.setSlaPolicy`: adds the next version at one level. Older versions never change, and
 * orders and tickets keep the values copied when they were opened.
 */
export async function setSlaPolicy(options: {
  actor: Actor | null;
  input: unknown;
}): Promise<SlaPolicyRow> {
  const input = validate(setSlaPolicyInput, options.input);
  const actor = await requirePolicyWriter(options.actor, input);
  if (input.scope === 'DEFAULT') requireComplete(input);
  const key = await readableKey(actor, input.scope, input.scopeKey, 'input.scopeKey');
  const terms = termsOf(input);
  const fields = {
    scope: input.scope,
    ...key,
    effectiveFrom: input.effectiveFrom,
    name: input.name ?? null,
    ...terms,
    createdBy: actor.login,
  };
  // The audit entry is stored with the new version and applied after it.
  const doc = await insertNextVersion(fields, (policy) => [
    auditChange({
      actor,
      action: 'setSlaPolicy',
      entityType: 'SlaPolicy',
      entityId: String(policy._id),
      branchCode: policy.branchCode,
      before: null,
      after: policy as unknown as Record<string, unknown>,
    }),
  ]);
  return toRow(doc);
}
