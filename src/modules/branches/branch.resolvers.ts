import type { Resolvers } from '../../graphql/generated/resolvers-types';
import { createBranch, findBranch, listBranches } from './branch.service';

// Branch codes and names are reference data, readable without a token
// (see docs/account-managers.md).
export const branchResolvers: Resolvers = {
  Query: {
    branches: () => listBranches(),
    branch: (_parent, { code }) => findBranch(code),
  },
  Branch: {
    id: (branch) => String(branch._id),
  },
  Mutation: {
    createBranch: (_parent, { input }, { actor }) => createBranch({ actor, input }),
  },
};
