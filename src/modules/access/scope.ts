import type { Actor } from '../auth/actor';

/**
 * On whose behalf a query runs. Every query on account-linked data must carry one (see
 * `accessPlugin`); `system` is for the service's own jobs (demo data, snapshots, bootstrap).
 */
export type Scope =
  { kind: 'actor'; actor: Actor } | { kind: 'system'; job: string } | { kind: 'anonymous' };

/** The scope of a request's caller. */
export const actorScope = (actor: Actor): Scope => ({ kind: 'actor', actor });

/** The scope of one of the service's own jobs. */
export const systemScope = (job: string): Scope => ({ kind: 'system', job });

/** The scope of an unauthenticated request: it reads nothing. */
export const anonymousScope: Scope = { kind: 'anonymous' };

// A branch code no branch can have: confines a scope to nothing.
const NO_BRANCH = '\u0000none';

/** Branch the scope is confined to, or null when it reads every branch. */
export function scopedBranch(scope: Scope): string | null {
  if (scope.kind === 'system') return null;
  if (scope.kind === 'anonymous') return NO_BRANCH;
  const { role, branchCode } = scope.actor;
  if (role === 'ADMIN' || role === 'HQ_ANALYST') return null;
  // A province-wide integration (no branch) loads every branch's files.
  if (role === 'INTEGRATION' && branchCode === null) return null;
  // Branch roles without a branch must see nothing rather than everything.
  return branchCode ?? NO_BRANCH;
}

/** The filter every read of account-linked data is narrowed by. */
export function readFilter(scope: Scope): Record<string, unknown> {
  const branch = scopedBranch(scope);
  return branch === null ? {} : { branchCode: branch };
}

/** Whether the scope may read records of the branch. */
export function canReadBranch(scope: Scope, branchCode: string): boolean {
  const branch = scopedBranch(scope);
  return branch === null || branch === branchCode;
}
