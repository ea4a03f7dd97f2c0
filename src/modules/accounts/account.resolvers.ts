import type { Resolvers } from '../../graphql/generated/resolvers-types';
import type { Loaders } from '../../graphql/loaders';
import { requireActor } from '../auth/actor';
import { hexIdOf } from '../../db/hex-id';
import { actorScope } from '../access/scope';
import {
  closeKeyAccount,
  createKeyAccount,
  findKeyAccount,
  listKeyAccounts,
  reassignAccountManager,
  updateKeyAccount,
} from './account.service';
import type { PageAhead } from './directory-pages';

// Fields of an account read from its listed records (journey/account-records.loaders).
const LISTED = ['activationOrders', 'faultTickets', 'timeline'];

// Reads the page's next fields would start once its accounts arrive, started with the accounts'
// own read instead (their ids and branch are known from the directory): one wave less. Their
// branch and managers are the directory's copies where it has them (no read).
const readAhead =
  ({ selection, accountRecords, branchesByCode, usersById }: Loaders): PageAhead =>
  ({ branchCode, accountIds, branch, users }) => {
    if (accountIds.length === 0) return;
    for (const [id, user] of Object.entries(users)) usersById.prime(id, user);
    if (branch) branchesByCode.prime(branchCode, branch);
    else if (selection.selects('KeyAccount', 'branch')) {
      branchesByCode.load(branchCode).catch(() => undefined);
    }
    if (LISTED.some((field) => selection.selects('KeyAccount', field))) {
      accountRecords.prefetch(accountIds);
    }
  };

export const accountResolvers: Resolvers = {
  Query: {
    keyAccount: (_parent, { id }, { actor }) => findKeyAccount(actorScope(requireActor(actor)), id),
    keyAccounts: (_parent, { filter, ...args }, { actor, loaders }) =>
      listKeyAccounts({ actor, filter, args, ahead: readAhead(loaders) }),
  },
  Mutation: {
    createKeyAccount: (_parent, { input }, { actor }) => createKeyAccount({ actor, input }),
    updateKeyAccount: (_parent, { id, input }, { actor }) => updateKeyAccount({ actor, id, input }),
    reassignAccountManager: (_parent, { id, accountManagerLogin }, { actor }) =>
      reassignAccountManager({ actor, id, accountManagerLogin }),
    closeKeyAccount: (_parent, { id, at }, { actor }) => closeKeyAccount({ actor, id, at }),
  },
  KeyAccount: {
    id: (account) => hexIdOf(account),
    createdAt: (account) => account.openedAt,
    branch: async (account, _args, { loaders }) =>
      (await loaders.branchesByCode.load(account.branchCode))!,
    accountManager: async (account, _args, { loaders }) =>
      (await loaders.usersById.load(String(account.accountManagerId)))!,
    timeline: (account, args, { loaders }) => loaders.timelinesByAccount(args).load(account),
  },
  KeyAccountConnection: {
    totalCount: (connection) => connection.totalCount?.() ?? 0,
  },
};
