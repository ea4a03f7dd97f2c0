import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Types } from 'mongoose';
import type { Logger } from '../../config/logger';
import { AppError, fromDuplicateKey, notFound } from '../../shared/errors';
import { validate } from '../../shared/validate';
import { auditChange } from '../audit/audit.service';
import type { PendingConsequence } from '../consequences/consequence-kinds';
import {
  createWithConsequences,
  updateWithConsequences,
} from '../consequences/pending-consequences';
import { findBranch } from '../branches/branch.service';
import { userCopyConsequence } from '../accounts/directory-copies';
import { requireRole, type Actor } from './actor';
import { createUserInput, issueTokenInput } from './auth.inputs';
import { ApiTokenModel, type ApiTokenDoc } from './token.model';
import { UserModel, type UserDoc } from './user.model';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** The actor a user acts as. */
export function actorOf(user: UserDoc): Actor {
  return {
    userId: String(user._id),
    login: user.login,
    role: user.role,
    branchCode: user.branchCode ?? null,
    sourceSystem: user.sourceSystem ?? null,
  };
}

// The user each authenticated actor was made from, as read for that request (see `userOfActor`).
const authenticatedUsers = new WeakMap<Actor, UserDoc>();

/**
 * The user an actor of `authenticate` was made from, as it was read to authenticate the request:
 * the request's users loader starts with it, so the caller is not read twice (e.g. as the manager
 * of the accounts on their screen).
 */
export const userOfActor = (actor: Actor): UserDoc | null => authenticatedUsers.get(actor) ?? null;

/**
 * The caller behind an `Authorization` header: null without one; UNAUTHENTICATED for a token that
 * is unknown, revoked or expired (the reason is not told apart, so tokens cannot be probed).
 */
export async function authenticate(
  header: string | undefined,
  now = new Date(),
): Promise<Actor | null> {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  // Built only when refusing: an error captures its stack trace, which most requests never need.
  const refused = () => new AppError('UNAUTHENTICATED', 'Invalid, revoked or expired token');
  if (!match?.[1]) throw refused();
  const token = await ApiTokenModel.findOne({ tokenHash: hashToken(match[1]) }).lean<ApiTokenDoc>();
  if (!token || token.revokedAt || (token.expiresAt && token.expiresAt <= now)) throw refused();
  const user = await UserModel.findById(token.userId).lean<UserDoc>();
  if (!user) throw refused();
  const actor = actorOf(user);
  authenticatedUsers.set(actor, user);
  return actor;
}

// A new token; its `consequences` (the audit entry) are stored with it.
async function mintToken(
  userId: Types.ObjectId,
  label: string | null,
  expiresAt: Date | null,
  consequences: (apiToken: ApiTokenDoc) => PendingConsequence[] = () => [],
) {
  const token = `jrn_${randomBytes(32).toString('base64url')}`;
  const apiToken = await createWithConsequences<ApiTokenDoc>(
    ApiTokenModel,
    { tokenHash: hashToken(token), userId, label, expiresAt },
    consequences,
  );
  return { token, apiToken };
}

/** Creates a user and its first token (shown once). ADMIN only. */
export async function createUser(options: { actor: Actor | null; input: unknown }) {
  const actor = requireRole(options.actor, ['ADMIN']);
  const input = validate(createUserInput, options.input);
  if (input.branchCode && !(await findBranch(input.branchCode))) throw notFound('branch');
  const doc = await createWithConsequences<UserDoc>(
    UserModel,
    { ...input, branchCode: input.branchCode ?? null, sourceSystem: input.sourceSystem ?? null },
    (user) => [
      auditChange({
        actor,
        action: 'createUser',
        entityType: 'User',
        entityId: String(user._id),
        branchCode: user.branchCode ?? null,
        before: null,
        after: { login: user.login, name: user.name, role: user.role, branchCode: user.branchCode },
      }),
      userCopyConsequence(),
    ],
  ).catch((error: unknown) => {
    throw fromDuplicateKey(error, 'input.login', 'a user with this login exists');
  });
  const { token } = await mintToken(doc._id, 'initial', null);
  return { user: doc, token };
}

/** Issues a further token for a user. ADMIN only. */
export async function issueToken(options: { actor: Actor | null; input: unknown }) {
  const actor = requireRole(options.actor, ['ADMIN']);
  const input = validate(issueTokenInput, options.input);
  const user = await UserModel.findOne({ login: input.login }).lean<UserDoc>();
  if (!user) throw notFound('user');
  return mintToken(user._id, input.label ?? null, input.expiresAt ?? null, (apiToken) => [
    auditChange({
      actor,
      action: 'issueToken',
      entityType: 'ApiToken',
      entityId: String(apiToken._id),
      branchCode: user.branchCode ?? null,
      before: null,
      after: { login: user.login, label: apiToken.label, expiresAt: apiToken.expiresAt },
    }),
  ]);
}

/** Revokes a token; idempotent. ADMIN only. */
export async function revokeToken(options: { actor: Actor | null; tokenId: string; now?: Date }) {
  const actor = requireRole(options.actor, ['ADMIN']);
  if (!Types.ObjectId.isValid(options.tokenId)) throw notFound('token');
  const before = await ApiTokenModel.findById(options.tokenId).lean<ApiTokenDoc>();
  if (!before) throw notFound('token');
  if (before.revokedAt) return before;
  const revokedAt = options.now ?? new Date();
  // Only a token still valid is revoked, so a concurrent revocation is audited once.
  const after = await updateWithConsequences<ApiTokenDoc>(ApiTokenModel, {
    filter: { _id: before._id, revokedAt: null },
    update: { $set: { revokedAt } },
    consequences: [
      auditChange({
        actor,
        action: 'revokeToken',
        entityType: 'ApiToken',
        entityId: String(before._id),
        branchCode: null,
        before: { revokedAt: null },
        after: { revokedAt },
      }),
    ],
  });
  return after ?? (await ApiTokenModel.findById(before._id).lean<ApiTokenDoc>())!;
}

/** Users by id, for DataLoader batching. */
export function findUsersByIds(ids: readonly string[]): Promise<UserDoc[]> {
  return UserModel.find({ _id: { $in: ids.filter((id) => Types.ObjectId.isValid(id)) } }).lean<
    UserDoc[]
  >();
}

/** A user by login, or null. */
export function findUserByLogin(login: string): Promise<UserDoc | null> {
  return UserModel.findOne({ login }).lean<UserDoc>();
}

/** Tokens of a user (hashes never leave the service). ADMIN only. */
export async function listTokens(options: { actor: Actor | null; userId: string }) {
  requireRole(options.actor, ['ADMIN']);
  return ApiTokenModel.find({ userId: options.userId })
    .sort({ createdAt: -1 })
    .lean<ApiTokenDoc[]>();
}

/**
 * When no user exists, creates the first ADMIN and writes its token to
 * `<DATA_DIR>/initial-admin-token` (owner-only); the path is logged, never the token.
 */
export async function bootstrapAdmin(dataDir: string, logger: Logger): Promise<void> {
  if ((await UserModel.estimatedDocumentCount()) > 0) return;
  const user = await UserModel.findOneAndUpdate(
    { login: 'admin' },
    { $setOnInsert: { login: 'admin', name: 'Administrator', role: 'ADMIN' } },
    { upsert: true, returnDocument: 'after' },
  ).lean<UserDoc>();
  const { token } = await mintToken(user!._id, 'initial-admin', null);
  mkdirSync(dataDir, { recursive: true });
  const file = path.resolve(dataDir, 'initial-admin-token');
  writeFileSync(file, `${token}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  logger.info({ file }, 'first ADMIN created; its token is in this file');
}
