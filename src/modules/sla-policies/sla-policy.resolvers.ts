import type { Resolvers } from '../../graphql/generated/resolvers-types';
import { notFound } from '../../shared/errors';
import { policyLabel, SEVERITIES } from './resolve-policy';
import { clockView } from './sla-clock-view';
import { setSlaPolicy, slaPolicyFor, slaPolicyVersions } from './sla-policy.service';

const bySeverity = (targets: { severity: (typeof SEVERITIES)[number]; minutes: number }[]) =>
  [...targets].sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity));

export const slaPolicyResolvers: Resolvers = {
  Query: {
    slaPolicyFor: (_p, { accountId, at }, { actor }) => slaPolicyFor({ actor, accountId, at }),
    slaPolicyVersions: (_p, { scope, scopeKey }, { actor }) =>
      slaPolicyVersions({ actor, scope, scopeKey }),
  },
  Mutation: {
    setSlaPolicy: (_p, { input }, { actor }) => setSlaPolicy({ actor, input }),
  },
  SlaPolicy: {
    label: (policy) => policyLabel(policy),
    restorationTargets: (policy) => bySeverity(policy.restorationTargets),
    clock: (policy) => (policy.clock ? clockView(policy.clock) : null),
  },
  EffectiveSlaPolicy: {
    account: async (policy, _args, { loaders }) => {
      const account = await loaders.accountsById.load(policy.accountId);
      if (!account) throw notFound('key account');
      return account;
    },
    restorationTargets: (policy) =>
      SEVERITIES.map((severity) => ({ severity, minutes: policy.restorationTargets[severity] })),
    clock: (policy) => clockView(policy.clock, policy.timeZone),
  },
  SlaPolicyFieldSource: {
    policy: (source) => source.version,
  },
};
