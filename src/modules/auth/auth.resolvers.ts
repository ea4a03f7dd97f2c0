import type { Resolvers } from '../../graphql/generated/resolvers-types';
import { requireActor, requireRole } from './actor';
import { createUser, findUserByLogin, issueToken, listTokens, revokeToken } from './auth.service';
import { notFound } from '../../shared/errors';

export const authResolvers: Resolvers = {
  Query: {
    me: async (_parent, _args, { actor, loaders }) => {
      const user = await loaders.usersById.load(requireActor(actor).userId);
      if (!user) throw notFound('user');
      return user;
    },
    apiTokens: async (_parent, { login }, { actor }) => {
      requireRole(actor, ['ADMIN']);
      const user = await findUserByLogin(login);
      if (!user) throw notFound('user');
      return listTokens({ actor, userId: String(user._id) });
    },
  },
  Mutation: {
    createUser: (_parent, { input }, { actor }) => createUser({ actor, input }),
    issueToken: (_parent, { input }, { actor }) => issueToken({ actor, input }),
    revokeToken: (_parent, { id }, { actor }) => revokeToken({ actor, tokenId: id }),
  },
  User: {
    id: (user) => String(user._id),
    branch: (user, _args, { loaders }) =>
      user.branchCode ? loaders.branchesByCode.load(user.branchCode) : null,
  },
  ApiToken: {
    id: (token) => String(token._id),
  },
};
