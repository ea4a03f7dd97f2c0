import type { Resolvers } from '../graphql/generated/resolvers-types';
import { branchResolvers } from './branches/branch.resolvers';

/** Every domain module's resolvers; importing them also registers their mongoose models. */
export const moduleResolvers: Resolvers[] = [branchResolvers];
