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
          User: '../../modules/auth/user.model#UserDoc',
          ApiToken: '../../modules/auth/token.model#ApiTokenDoc',
          KeyAccount: '../../modules/accounts/account.model#KeyAccountDoc',
          KeyAccountConnection: '../record-types#KeyAccountPage',
          JourneyEvent: '../../modules/journey/timeline.service#JourneyEventRow',
          JourneyEventConnection: '../record-types#JourneyEventPage',
          AuditEntry: '../../modules/audit/audit.model#AuditEntryDoc',
          AuditEntryConnection: '../record-types#AuditEntryPage',
          Consultation: '../record-types#JourneyRecordRow',
          BusinessHandling: '../record-types#JourneyRecordRow',
          BillingInteraction: '../record-types#JourneyRecordRow',
          MaintenanceRecord: '../record-types#JourneyRecordRow',
        },
      },
    },
  },
};

export default config;
