import type { CodegenConfig } from '@graphql-codegen/cli';

// Resolver types are generated from the SDL so resolvers cannot drift from the schema.
const config: CodegenConfig = {
  schema: 'schema/*.graphql',
  generates: {
    'src/graphql/generated/resolvers-types.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        contextType: '../context#GraphQLContext',
        scalars: { DateTime: 'Date' },
        mappers: {
          Branch: '../../modules/branches/branch.model#BranchDoc',
        },
      },
    },
  },
};

export default config;
