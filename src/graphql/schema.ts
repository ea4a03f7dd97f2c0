import path from 'node:path';
import { loadFilesSync } from '@graphql-tools/load-files';
import { mergeResolvers, mergeTypeDefs } from '@graphql-tools/merge';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLScalarType, GraphQLSchema } from 'graphql';
import { DateTimeResolver, JSONObjectResolver } from 'graphql-scalars';
import { projectRoot } from '../shared/project-root';
import { moduleResolvers } from '../modules';
import { guardArguments } from './argument-guards';
import { rememberResolvedFields } from './field-reads';

/**
 * A library scalar's behaviour without its name and description: handed over whole, graphql-tools
 * would replace the SDL's description (the one written for this API) with the library's.
 */
function behaviourOf(scalar: GraphQLScalarType) {
  const { serialize, parseValue, parseLiteral, extensions } = scalar.toConfig();
  return { serialize, parseValue, parseLiteral, extensions };
}

const rootResolvers = {
  DateTime: behaviourOf(DateTimeResolver),
  JSONObject: behaviourOf(JSONObjectResolver),
  Query: { apiVersion: () => '1' },
};

/** Loads the SDL files of `schema/` and binds the modules' resolvers to them. */
export function buildSchema(): GraphQLSchema {
  const typeDefs = mergeTypeDefs(loadFilesSync(path.join(projectRoot(), 'schema', '*.graphql')));
  const resolvers = mergeResolvers([rootResolvers, ...moduleResolvers]);
  const schema = guardArguments(
    makeExecutableSchema({ typeDefs, resolvers, inheritResolversFromInterfaces: true }),
  );
  // List reads project the records to what an operation selects (field-reads.ts).
  rememberResolvedFields(schema, resolvers as Record<string, unknown>);
  return schema;
}
