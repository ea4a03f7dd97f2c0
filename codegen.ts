// Resolver types are generated from the SDL so resolvers cannot drift from the schema
// (`npm run codegen`, run by scripts/codegen.ts; the options are those of @graphql-codegen).

/** Where each generated file goes, with its plugins and their options. */
export type CodegenConfig = {
  schema: string;
  generates: Record<string, { plugins: string[]; config?: Record<string, unknown> }>;
};

const config: CodegenConfig = {
  schema: 'schema/*.graphql',
  generates: {
    // One self-contained SDL for client tooling (relay-compiler, IDEs): the files of schema/ extend
    // Query and Mutation, which tools reading them concatenated refuse.
    'src/graphql/generated/schema.graphql': { plugins: ['schema-ast'] },
    'src/graphql/generated/resolvers-types.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        contextType: '../context#GraphQLContext',
        scalars: { DateTime: 'Date', JSONObject: 'Record<string, unknown>' },
        mappers: {
          Branch: '../../modules/branches/branch.model#BranchDoc',
          User: '../../modules/auth/user.model#UserDoc',
          ApiToken: '../../modules/auth/token.model#ApiTokenDoc',
          KeyAccount: '../../modules/accounts/account.model#KeyAccountDoc',
          KeyAccountConnection: '../record-types#KeyAccountPage',
          JourneyEvent: '../../modules/journey/timeline.service#JourneyEventRow',
          JourneyEventConnection: '../record-types#JourneyEventPage',
          AuditEntry: '../../modules/audit/audit.model#AuditEntryDoc',
          BranchScorecard: '../../modules/scorecards/scorecard-card#BranchCard',
          ImportBatchResult: '../../modules/imports/import.service#ImportBatchOutcome',
          ImportRowResult: '../record-types#ImportRowOutcome',
          AuditEntryConnection: '../record-types#AuditEntryPage',
          Consultation: '../record-types#JourneyRecordRow',
          BusinessHandling: '../record-types#JourneyRecordRow',
          BillingInteraction: '../record-types#JourneyRecordRow',
          MaintenanceRecord: '../record-types#JourneyRecordRow',
          SlaPolicy: '../record-types#SlaPolicyRow',
          EffectiveSlaPolicy: '../record-types#EffectiveSlaPolicyView',
          SlaPolicyFieldSource: '../record-types#SlaPolicySource',
          ActivationOrder: '../record-types#ActivationOrderRow',
          ActivationOrderConnection: '../record-types#ActivationOrderPage',
          FaultTicket: '../record-types#FaultTicketRow',
          FaultTicketConnection: '../record-types#FaultTicketPage',
          FaultStatusChange: '../record-types#FaultStatusEntry',
          ActivationStatusChange: '../record-types#ActivationStatusEntry',
          Complaint: '../record-types#ComplaintRow',
          ComplaintConnection: '../record-types#ComplaintPage',
          ComplaintStatusChange: '../record-types#ComplaintStatusEntry',
          FollowUp: '../record-types#FollowUpRow',
          FollowUpConnection: '../record-types#FollowUpPage',
          FollowUpCompliance: '../record-types#FollowUpComplianceReport',
          SurveyResponse: '../record-types#SurveyResponseRow',
          SurveyResponseConnection: '../record-types#SurveyResponsePage',
          SurveyAttribute: '../../modules/surveys/attribute-catalogue.model#SurveyAttributeDoc',
          SatisfactionSummary: '../record-types#SatisfactionReport',
          Competitor: '../../modules/competitors/competitor.model#CompetitorDoc',
          CompetitorLead: '../../modules/surveys/competitor-lead#CompetitorLeadFigures',
          CompetitorScore: '../../modules/surveys/survey-response.model#CompetitorScoreRow',
          AccountServiceReport:
            '../../modules/service-reports/service-report.service#ServiceReport',
          ServiceReportActivation:
            '../../modules/service-reports/service-report.service#ServiceReport',
          ServiceReportFaults: '../../modules/service-reports/service-report.service#ServiceReport',
          ServiceReportFollowUps:
            '../../modules/service-reports/service-report.service#ServiceReport',
          ServiceReportSatisfaction:
            '../../modules/service-reports/service-report.service#ServiceReport',
          ServiceReportComplaints:
            '../../modules/service-reports/service-report.service#ServiceReport',
        },
      },
    },
  },
};

export default config;
