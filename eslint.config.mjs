import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import graphql from '@graphql-eslint/eslint-plugin';

/*
 * The schema is the API's documentation and contract: it is linted with @graphql-eslint's
 * schema-recommended and schema-relay presets (`npm run lint:schema`, run by CI) and must stay at
 * zero findings. Options and exceptions, each with its reason:
 * - require-description: also every argument, input field and enum value (the SDL is what
 *   clients read), and every field.
 * - strict-id-in-types: types without identity of their own are excepted by name: connection,
 *   edge and payload wrappers (suffixes), PageInfo, and value objects that only exist inside
 *   their parent (a figure, a status change, a contact, a computed report …). Everything a
 *   client can refer to again implements Node.
 * - naming-convention: ScorecardFigure's values are camelCase on purpose: each names the
 *   BranchScorecard field it targets; renaming them would break stored targets and clients.
 * - require-nullable-result-in-root (not in the presets, switched on): root fields that can be
 *   refused or miss must be nullable so one refusal does not empty the whole answer. `apiVersion`,
 *   which can neither be refused nor miss, carries an eslint-disable comment saying so (the public
 *   lists `branches` and `surveyAttributes` stay `[T!]!`, which the rule accepts).
 * - relay-edge-types: `shouldImplementNode: true` (every edge's node is a Node);
 *   `listTypeCanWrapOnlyEdgeType: false`: short, bounded lists of value objects (status histories,
 *   severity tiers, quadrants, a policy's versions) are plain lists on purpose, not connections.
 * - relay-arguments: followUpsDue's `before` is a due-date bound, not a cursor; the field carries
 *   an eslint-disable comment saying so (renaming the argument would break clients).
 * - relay-arguments: `includeBoth: false`: forward-only connections (timelines, drill-downs,
 *   work lists) need not offer `last`/`before`.
 */
const VALUE_TYPES = [
  'PageInfo',
  'Contact',
  'Figure',
  'TierFigures',
  'AttributeQuadrant',
  'AttributeScore',
  'CompetitorScore',
  'CompetitorLead',
  'ActivationPromise',
  'ActivationStatusChange',
  'ActivationDelay',
  'FaultStatusChange',
  'ComplaintStatusChange',
  'Compensation',
  'SeverityChange',
  'FaultPause',
  'TimeInterval',
  'LocalTimeRange',
  'SlaClockSetting',
  'ProductLeadTime',
  'SeverityTarget',
  'SlaPolicyFieldSource',
  'EffectiveSlaPolicy',
  'FieldChange',
  'ImportRowResult',
  'ImportBatchResult',
  'ImportColumn',
  'ImportKindInfo',
  'PeriodicFollowUpScheduling',
  'FollowUpCompliance',
  'SatisfactionSummary',
  'ScorecardTarget',
  // An account's service report and its sections: computed per request, nothing to refer to.
  'AccountServiceReport',
  'ServiceReportActivation',
  'ServiceReportFaults',
  'ServiceReportFollowUps',
  'ServiceReportComplaints',
  'ServiceReportSatisfaction',
  'DelayReasonCount',
];

// The preset's convention, except ScorecardFigure's values (see above).
function namingConvention() {
  const preset =
    graphql.configs['flat/schema-recommended'].rules['@graphql-eslint/naming-convention'];
  const { EnumValueDefinition, ...rest } = preset[1];
  return {
    ...rest,
    'EnumValueDefinition[parent.name.value!=ScorecardFigure]': EnumValueDefinition,
    'EnumValueDefinition[parent.name.value=ScorecardFigure]': 'camelCase',
  };
}

const schemaRules = {
  ...graphql.configs['flat/schema-recommended'].rules,
  ...graphql.configs['flat/schema-relay'].rules,
  '@graphql-eslint/require-description': [
    'error',
    {
      types: true,
      rootField: true,
      FieldDefinition: true,
      InputValueDefinition: true,
      EnumValueDefinition: true,
      DirectiveDefinition: true,
    },
  ],
  '@graphql-eslint/strict-id-in-types': [
    'error',
    {
      acceptedIdNames: ['id'],
      acceptedIdTypes: ['ID'],
      exceptions: { types: VALUE_TYPES, suffixes: ['Connection', 'Edge', 'Payload'] },
    },
  ],
  '@graphql-eslint/naming-convention': ['error', namingConvention()],
  '@graphql-eslint/require-nullable-result-in-root': 'error',
  '@graphql-eslint/relay-edge-types': [
    'error',
    { shouldImplementNode: true, listTypeCanWrapOnlyEdgeType: false },
  ],
  '@graphql-eslint/relay-arguments': ['error', { includeBoth: false }],
};

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'coverage', '.cache', '.data', 'src/graphql/generated'] },
  {
    files: ['**/*.{js,mjs,cjs,ts}'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      'no-console': 'error',
      // One rule for duplicate keys: the stand-in's H2 store reports a race of two inserts as
      // another error, which only src/db/duplicate-key.ts knows.
      'no-restricted-syntax': [
        'error',
        {
          selector: 'Literal[value=11000]',
          message: 'Use isDuplicateKey or onlyDuplicateKeys (src/db/duplicate-key.ts).',
        },
      ],
    },
  },
  { files: ['src/db/duplicate-key*.ts'], rules: { 'no-restricted-syntax': 'off' } },
  { files: ['scripts/**', 'bench/**'], rules: { 'no-console': 'off' } },
  {
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable' } },
  },
  {
    // The web app's browser modules, served as written.
    files: ['src/modules/web-app/public/**/*.js'],
    languageOptions: {
      sourceType: 'module',
      globals: Object.fromEntries(
        [
          'window',
          'document',
          'navigator',
          'location',
          'history',
          'localStorage',
          'sessionStorage',
          'fetch',
          'FormData',
          'Blob',
          'URL',
          'setTimeout',
          'Plot',
        ].map((name) => [name, 'readonly']),
      ),
    },
  },
  {
    files: ['schema/**/*.graphql'],
    languageOptions: {
      parser: graphql.parser,
      parserOptions: { graphQLConfig: { schema: 'schema/*.graphql' } },
    },
    plugins: { '@graphql-eslint': graphql },
    rules: schemaRules,
  },
  prettier,
);
