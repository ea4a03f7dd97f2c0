import type { Resolvers } from '../../graphql/generated/resolvers-types';
import { requireActor } from '../auth/actor';
import { actorScope } from '../access/scope';
import {
  closeKeyAccount,
  createKeyAccount,
  findKeyAccount,
  listKeyAccounts,
  reassignAccountManager,
  updateKeyAccount,
} from './account.service';

export const accountResolvers: Resolvers = {
  Query: {
    keyAccount: (_parent, { id }, { actor }) => findKeyAccount(actorScope(requireActor(actor)), id),
    keyAccounts: (_parent, { filter, ...args }, { actor }) =>
      listKeyAccounts({ actor, filter, args }),
  },
  Mutation: {
    createKeyAccount: (_parent, { input }, { actor }) => createKeyAccount({ actor, input }),
    updateKeyAccount: (_parent, { id, input }, { actor }) => updateKeyAccount({ actor, id, input }),
    reassignAccountManager: (_parent, { id, accountManagerLogin }, { actor }) =>
      reassignAccountManager({ actor, id, accountManagerLogin }),
    closeKeyAccount: (_parent, { id, at }, { actor }) => closeKeyAccount({ actor, id, at }),
  },
  KeyAccount: {
    id: (account) => String(account._id),
    createdAt: (account) => account.openedAt,
    branch: async (account, _args, { loaders }) =>
      (await loaders.branchesByCode.load(account.branchCode))!,
    accountManager: async (account, _args, { loaders }) =>
      (await loaders.usersById.load(String(account.accountManagerId)))!,
    timeline: (account, args, { loaders }) =>
      loaders.timelinesByAccount(args).load(String(account._id)),
  },
  KeyAccountConnection: {
    totalCount: (connection) => connection.totalCount?.() ?? 0,
  },
};
