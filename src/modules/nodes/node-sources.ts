import type { Types } from 'mongoose';
import { AppError } from '../../shared/errors';
import { findByIdsInScope } from '../access/by-ids';
import {
  actorScope,
  anonymousScope,
  canReadBranch,
  scopedBranch,
  type Scope,
} from '../access/scope';
import { KeyAccountModel } from '../accounts/account.model';
import { AuditEntryModel } from '../audit/audit.model';
import type { Actor } from '../auth/actor';
import { ApiTokenModel } from '../auth/token.model';
import { UserModel } from '../auth/user.model';
import { BranchModel } from '../branches/branch.model';
import { CompetitorModel } from '../competitors/competitor.model';
import { journeySources, type JourneySource } from '../journey/journey-registry';
import { branchScorecard } from '../scorecards/scorecard.service';
import { findSlaPoliciesByIds } from '../sla-policies/sla-policy.service';
import { SurveyAttributeModel } from '../surveys/attribute-catalogue.model';

/** A stored object tagged with the GraphQL type it is shown as. */
export type NodeRow = Record<string, unknown> & { __typename: string };

/**
 * A collection whose documents are Nodes: `find` returns those of the ids the caller may see, by
 * the same rule as the type's own queries (out of scope looks like missing).
 */
export type StoredNodeSource = {
  typename: string;
  find: (actor: Actor | null, ids: Types.ObjectId[]) => Promise<Record<string, unknown>[]>;
};

/** A type whose objects are identified by a natural key instead of an ObjectId. */
export type CompositeNodeSource = {
  typename: string;
  resolve: (actor: Actor | null, key: string[]) => Promise<Record<string, unknown> | null>;
};

const scopeOf = (actor: Actor | null): Scope => (actor ? actorScope(actor) : anonymousScope);

// An `_id $in` read of one collection: the one lookup every backend serves from an index.
const byIds = (model: JourneySource['model'], ids: Types.ObjectId[]) =>
  model.find({ _id: { $in: ids } }).lean<Record<string, unknown>[]>();

// The same read of an account-linked collection, the caller's scope applied to the rows.
const byIdsInScope = (model: JourneySource['model'], ids: Types.ObjectId[], actor: Actor | null) =>
  findByIdsInScope<Record<string, unknown>>(model, scopeOf(actor), ids);

/** Users are visible to those who may read their branch (the province-wide roles: all). */
function visibleUser(actor: Actor, user: Record<string, unknown>): boolean {
  if (String(user._id) === actor.userId) return true;
  const branch = scopedBranch(actorScope(actor));
  return branch === null || branch === user.branchCode;
}

const STORED: StoredNodeSource[] = [
  // Branches are public reference data (see `branches`).
  { typename: 'Branch', find: (_actor, ids) => byIds(BranchModel, ids) },
  // The attribute catalogue is public configuration (see `surveyAttributes`).
  { typename: 'SurveyAttribute', find: (_actor, ids) => byIds(SurveyAttributeModel, ids) },
  // The competitor list is public configuration (see `competitors`).
  { typename: 'Competitor', find: (_actor, ids) => byIds(CompetitorModel, ids) },
  { typename: 'KeyAccount', find: (actor, ids) => byIdsInScope(KeyAccountModel, ids, actor) },
  { typename: 'AuditEntry', find: (actor, ids) => byIdsInScope(AuditEntryModel, ids, actor) },
  {
    typename: 'User',
    find: async (actor, ids) => {
      if (!actor) return [];
      const users = await byIds(UserModel, ids);
      return users.filter((user) => visibleUser(actor, user));
    },
  },
  {
    // Token metadata is for ADMIN only (see `apiTokens`).
    typename: 'ApiToken',
    find: async (actor, ids) => (actor?.role === 'ADMIN' ? byIds(ApiTokenModel, ids) : []),
  },
  {
    // The default policy is read by everyone signed in, overrides within the caller's branches.
    typename: 'SlaPolicy',
    find: async (actor, ids) => {
      if (!actor) return [];
      const rows = await findSlaPoliciesByIds(ids.map(String));
      return rows.filter(
        (row) => row.branchCode === null || canReadBranch(actorScope(actor), row.branchCode),
      );
    },
  },
];

/** Every collection whose documents are Nodes: the journey records' and the others above. */
export function storedNodeSources(): StoredNodeSource[] {
  const records = journeySources().map((source) => ({
    typename: source.typename,
    find: (actor: Actor | null, ids: Types.ObjectId[]) => byIdsInScope(source.model, ids, actor),
  }));
  return [...STORED, ...records];
}

// Refusals and unknown keys of a natural-key lookup mean "no such object" here.
const HIDDEN = new Set(['NOT_FOUND', 'FORBIDDEN', 'UNAUTHENTICATED', 'BAD_USER_INPUT']);

/** Types identified by a natural key, by GraphQL type name. */
export const COMPOSITE_SOURCES: Record<string, CompositeNodeSource> = {
  BranchScorecard: {
    typename: 'BranchScorecard',
    resolve: async (actor, [branchCode, period]) => {
      if (!branchCode || !period) return null;
      try {
        return await branchScorecard({ actor, branchCode, period });
      } catch (error) {
        if (error instanceof AppError && HIDDEN.has(error.code)) return null;
        throw error;
      }
    },
  },
};
