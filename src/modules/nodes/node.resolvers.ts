import type { Resolvers } from '../../graphql/generated/resolvers-types';
import { requireNodeIdCount } from './node.service';

export const nodeResolvers: Resolvers = {
  Query: {
    node: (_parent, { id }, { loaders }) => loaders.nodesById.load(id) as never,
    nodes: async (_parent, { ids }, { loaders }) => {
      requireNodeIdCount(ids);
      return (await loaders.nodesById.loadMany(ids)).map((row) => {
        if (row instanceof Error) throw row;
        return row;
      }) as never;
    },
  },
  Node: {
    __resolveType: (row) => (row as unknown as { __typename: string }).__typename as never,
  },
};
