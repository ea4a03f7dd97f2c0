import type { Resolvers } from '../../graphql/generated/resolvers-types';
import { findBranch, listBranches } from './branch.service';

export const branchResolvers: Resolvers = {
  Query: {
    branches: () => listBranches(),
    branch: (_parent, { code }) => findBranch(code),
  },
};
