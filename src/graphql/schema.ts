import path from 'node:path';
import { loadFilesSync } from '@graphql-tools/load-files';
import { mergeResolvers, mergeTypeDefs } from '@graphql-tools/merge';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import { DateTimeResolver, JSONObjectResolver } from 'graphql-scalars';
import { projectRoot } from '../shared/project-root';
import { moduleResolvers } from '../modules';
import { guardArguments } from './argument-guards';
import type { Resolvers } from './generated/resolvers-types';

const rootResolvers: Resolvers = {
  DateTime: DateTimeResolver,
  JSONObject: JSONObjectResolver,
  Query: { apiVersion: () => '1' },
};

/** Loads the SDL files of `schema/` and binds the modules' resolvers to them. */
export function buildSchema(): GraphQLSchema {
  const typeDefs = mergeTypeDefs(loadFilesSync(path.join(projectRoot(), 'schema', '*.graphql')));
  return guardArguments(
    makeExecutableSchema({
      typeDefs,
      resolvers: mergeResolvers([rootResolvers, ...moduleResolvers]),
      inheritResolversFromInterfaces: true,
    }),
  );
}
