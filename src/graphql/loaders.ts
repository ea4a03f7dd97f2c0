import { actorScope, anonymousScope } from '../modules/access/scope';
import { createAccountsById } from '../modules/accounts/account.loaders';
import { createUsersById } from '../modules/auth/auth.loaders';
import type { Actor } from '../modules/auth/actor';
import { createBranchesByCode } from '../modules/branches/branch.loaders';
import { createTimelinesByAccount } from '../modules/journey/timeline.loaders';

/** Per-request DataLoaders: one batched query per relation and tick, cached for the request. */
export function createLoaders(actor: Actor | null) {
  const scope = actor ? actorScope(actor) : anonymousScope;
  return {
    branchesByCode: createBranchesByCode(),
    usersById: createUsersById(),
    accountsById: createAccountsById(scope),
    timelinesByAccount: createTimelinesByAccount(scope),
  };
}

/** The loaders of one request. */
export type Loaders = ReturnType<typeof createLoaders>;
