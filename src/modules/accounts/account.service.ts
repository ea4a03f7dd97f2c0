import { rollupConsequences } from '../rollups/rollup.service';
import { Types } from 'mongoose';
import { AppError, badInput, notFound } from '../../shared/errors';
import { pastInstantInput } from '../../shared/inputs';
import { validate } from '../../shared/validate';
import { findConnection, type PageArgs } from '../../db/keyset-pagination';
import { findByIdsInScope } from '../access/by-ids';
import { canReassignAccount, canWriteAccount } from '../access/permissions';
import { actorScope, canReadBranch, scopedBranch, systemScope, type Scope } from '../access/scope';
import { requireActor, type Actor } from '../auth/actor';
import { findUserByLogin } from '../auth/auth.service';
import type { UserDoc } from '../auth/user.model';
import { diffFields } from '../audit/audit-diff';
import { auditConsequence } from '../audit/audit.service';
import { findBranch } from '../branches/branch.service';
import { insertOnce, writeWithRevision } from '../journey/revisioned-write';
import { canManageAccountsOf, notAManager, sameContacts } from './account-rules';
import {
  createKeyAccountInput,
  keyAccountFilter,
  updateKeyAccountInput,
  type CreateKeyAccountInput,
} from './account.inputs';
import { KeyAccountModel, type KeyAccountDoc } from './account.model';
import { accountCreatedConsequences } from './account-created';
import { directoryConsequence } from './branch-directory';
import { filtersBeyondName, pageOfBranch, pageOfProvince, type PageAhead } from './directory-pages';

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One account within the scope, or null (unknown and out-of-scope ids look the same). */
export async function findKeyAccount(scope: Scope, id: string): Promise<KeyAccountDoc | null> {
  const [account] = await findByIdsInScope<KeyAccountDoc>(KeyAccountModel, scope, [id]);
  return account ?? null;
}

/** Accounts by id within the scope, for DataLoader batching. */
export function findKeyAccountsByIds(
  scope: Scope,
  ids: readonly string[],
): Promise<KeyAccountDoc[]> {
  return findByIdsInScope<KeyAccountDoc>(KeyAccountModel, scope, ids);
}

/**
 * The account the actor is about to change: NOT_FOUND when they cannot see it, FORBIDDEN when they
 * can see it but may not change it.
 */
export async function requireWritableAccount(
  actor: Actor | null,
  id: string,
): Promise<KeyAccountDoc> {
  const known = requireActor(actor);
  const account = await findKeyAccount(actorScope(known), id);
  if (!account) throw notFound('key account');
  if (!canWriteAccount(known, account)) {
    throw new AppError('FORBIDDEN', 'You may read this account but not change it');
  }
  return account;
}

async function requireManager(login: string, branchCode: string): Promise<UserDoc> {
  const user = await findUserByLogin(login);
  if (!user || !canManageAccountsOf(user, branchCode)) {
    throw badInput('input.accountManagerLogin', notAManager(login, branchCode));
  }
  return user;
}

// A replayed creation: the same facts as stored (fields not given are not compared).
function isSameAccount(stored: KeyAccountDoc, input: CreateKeyAccountInput, managerId: unknown) {
  const same = (a: unknown, b: unknown) => (a ?? null) === (b ?? null);
  return (
    stored.name === input.name &&
    stored.branchCode === input.branchCode &&
    String(stored.accountManagerId) === String(managerId) &&
    same(stored.industry, input.industry) &&
    same(stored.tier, input.tier) &&
    (!input.openedAt || stored.openedAt.getTime() === input.openedAt.getTime()) &&
    (!input.contacts || sameContacts(stored.contacts, input.contacts))
  );
}

/**
 * Creates a key account; the caller must be allowed to write accounts of that branch and manager.
 * A replay (same sourceSystem + externalId, same facts) returns the stored account unchanged;
 * other facts are a CONFLICT naming the stored account when the caller can see it.
 */
export async function createKeyAccount(options: { actor: Actor | null; input: unknown }) {
  const actor = requireActor(options.actor);
  const input = validate(createKeyAccountInput, options.input);
  if (
    !canReadBranch(actorScope(actor), input.branchCode) ||
    !(await findBranch(input.branchCode))
  ) {
    throw notFound('branch');
  }
  const manager = await requireManager(input.accountManagerLogin, input.branchCode);
  const ownership = { branchCode: input.branchCode, accountManagerId: manager._id };
  if (!canWriteAccount(actor, ownership)) {
    throw new AppError('FORBIDDEN', 'You may not create accounts for this manager');
  }
  const { accountManagerLogin: _login, ...fields } = input;
  const draft = new KeyAccountModel({
    ...fields,
    ...ownership,
    contacts: fields.contacts ?? [],
    openedAt: fields.openedAt ?? new Date(),
  });
  const account = draft.toObject() as KeyAccountDoc;
  // The audit entry, the account's naming in its branch's directory and its (empty, complete) list
  // of records are stored with the account (one document write) and applied after it.
  const { record } = await insertOnce<KeyAccountDoc>({
    model: KeyAccountModel,
    // The key is unique province-wide, so a replay is looked up across branches.
    scope: systemScope('account-replay'),
    what: 'key account',
    key: { sourceSystem: input.sourceSystem, externalId: input.externalId },
    isSame: (stored) => isSameAccount(stored, input, manager._id),
    visible: (stored) => canReadBranch(actorScope(actor), stored.branchCode),
    build: async () => account,
    consequences: (stored) => [
      accountAudit(actor, 'createKeyAccount', null, stored),
      ...rollupConsequences(stored.branchCode, null, stored),
      ...accountCreatedConsequences(),
    ],
  });
  return record;
}

function accountAudit(
  actor: Actor,
  action: string,
  before: KeyAccountDoc | null,
  after: KeyAccountDoc,
) {
  return auditConsequence({
    actor,
    action,
    entityType: 'KeyAccount',
    entityId: String(after._id),
    branchCode: after.branchCode,
    changes: diffFields(before as Record<string, unknown> | null, after as Record<string, unknown>),
  });
}

// A change of an account the actor may change (checked on `before`, read by the caller), decided
// again on the fresh account when a concurrent write replaced it (the revision check); `decide`
// returns null when nothing is left to change. The audit entry is stored with the write.
async function changeAccount(
  actor: Actor,
  before: KeyAccountDoc,
  action: string,
  decide: (current: KeyAccountDoc) => Record<string, unknown> | null,
) {
  let first = true;
  const { after } = await writeWithRevision<KeyAccountDoc>({
    model: KeyAccountModel,
    scope: actorScope(actor),
    what: 'key account',
    load: async () => {
      if (first) return ((first = false), before);
      const current = await findKeyAccount(actorScope(actor), String(before._id));
      if (!current) throw notFound('key account');
      return current;
    },
    authorize: async () => {},
    decide,
    consequences: (current, changed) => [
      accountAudit(actor, action, current, changed),
      ...rollupConsequences(current.branchCode, current, changed),
      // A renamed account moves in its branch's directory.
      ...(changed.name !== current.name ? [directoryConsequence()] : []),
    ],
  });
  return after;
}

/** Changes the descriptive fields of an account. */
export async function updateKeyAccount(options: {
  actor: Actor | null;
  id: string;
  input: unknown;
}) {
  const before = await requireWritableAccount(options.actor, options.id);
  const input = validate(updateKeyAccountInput, options.input);
  return changeAccount(options.actor!, before, 'updateKeyAccount', () => input);
}

/** Hands the account to another manager of its branch (branch head or admin). */
export async function reassignAccountManager(options: {
  actor: Actor | null;
  id: string;
  accountManagerLogin: string;
}) {
  const actor = requireActor(options.actor);
  const before = await findKeyAccount(actorScope(actor), options.id);
  if (!before) throw notFound('key account');
  if (!canReassignAccount(actor, before)) {
    throw new AppError('FORBIDDEN', 'Only the branch head or an admin may reassign an account');
  }
  const manager = await requireManager(options.accountManagerLogin, before.branchCode);
  return changeAccount(actor, before, 'reassignAccountManager', () => ({
    accountManagerId: manager._id,
  }));
}

/** Closes the account at the given time (idempotent for an already closed account). */
export async function closeKeyAccount(options: { actor: Actor | null; id: string; at: Date }) {
  validate(pastInstantInput, options.at, 'at');
  const before = await requireWritableAccount(options.actor, options.id);
  if (before.status === 'CLOSED') return before;
  if (options.at < before.openedAt) throw badInput('at', 'cannot be before the account was opened');
  return changeAccount(options.actor!, before, 'closeKeyAccount', (current) =>
    current.status === 'CLOSED' ? null : { status: 'CLOSED', closedAt: options.at },
  );
}

async function filterToQuery(filter: ReturnType<typeof keyAccountFilter.parse>) {
  const query: Record<string, unknown> = {};
  if (!filter) return query;
  if (filter.branchCode) query.branchCode = filter.branchCode;
  if (filter.stage) query.currentStage = filter.stage;
  if (filter.tier) query.tier = filter.tier;
  if (filter.industry) query.industry = filter.industry;
  if (filter.status) query.status = filter.status;
  if (filter.nameContains) query.name = { $regex: escapeRegex(filter.nameContains), $options: 'i' };
  if (filter.accountManagerLogin) {
    const manager = await findUserByLogin(filter.accountManagerLogin);
    query.accountManagerId = manager?._id ?? new Types.ObjectId('000000000000000000000000');
  }
  return query;
}

/**
 * Accounts within the caller's scope, filtered, sorted by name (then id) for stable paging.
 * `ahead` is told the page's accounts as soon as they are known, before they are read.
 */
export async function listKeyAccounts(options: {
  actor: Actor | null;
  filter: unknown;
  args: PageArgs;
  ahead?: PageAhead;
}) {
  const actor = requireActor(options.actor);
  const filter = validate(keyAccountFilter, options.filter, 'filter');
  const query = await filterToQuery(filter);
  const scope = actorScope(actor);
  const branch = directoryBranch(scope, filter);
  if (branch) return pageOfBranch(scope, branch, query, options.args, options.ahead);
  if (scopedBranch(scope) === null && !filtersBeyondName(query)) {
    return pageOfProvince(scope, query, options.args, options.ahead);
  }
  return findConnection<KeyAccountDoc>(KeyAccountModel, {
    scope,
    filter: query,
    sort: [{ field: 'name', direction: 1 }],
    args: options.args,
  });
}

// The branch whose directory answers the page: pages of one branch's accounts (the caller's, or
// the one asked for by a province-wide reader), whatever else the filter says. Otherwise
// (province-wide lists, and a branch's reader asking for another branch: none) null.
function directoryBranch(
  scope: Scope,
  filter: ReturnType<typeof keyAccountFilter.parse>,
): string | null {
  const own = scopedBranch(scope);
  const asked = filter?.branchCode ?? null;
  if (own !== null && asked !== null && own !== asked) return null;
  return asked ?? own;
}
