import type { Resolvers } from '../graphql/generated/resolvers-types';
import { accountResolvers } from './accounts/account.resolvers';
import { auditResolvers } from './audit/audit.resolvers';
import { authResolvers } from './auth/auth.resolvers';
import { branchResolvers } from './branches/branch.resolvers';
import { journeyRecordResolvers } from './journey-records/journey-records.resolvers';
import { journeyResolvers } from './journey/journey.resolvers';

/** Every domain module's resolvers; importing them also registers their mongoose models. */
export const moduleResolvers: Resolvers[] = [
  branchResolvers,
  authResolvers,
  accountResolvers,
  journeyResolvers,
  journeyRecordResolvers,
  auditResolvers,
];
