import { AppError } from '../../shared/errors';

/** Roles, from most to least powerful; see docs/account-managers.md. */
export const ROLES = [
  'ADMIN',
  'HQ_ANALYST',
  'BRANCH_HEAD',
  'ACCOUNT_MANAGER',
  'INTEGRATION',
] as const;

/** A caller's role. */
export type Role = (typeof ROLES)[number];

/** Roles that belong to one branch and only ever see it. */
export const BRANCH_ROLES: readonly Role[] = ['BRANCH_HEAD', 'ACCOUNT_MANAGER'];

/** The authenticated caller of a request. */
export type Actor = {
  userId: string;
  login: string;
  role: Role;
  /** The branch a branch role (or a branch-bound integration) is confined to. */
  branchCode: string | null;
  /** For INTEGRATION callers: the source system their imports come from. */
  sourceSystem: string | null;
};

/** The actor, or UNAUTHENTICATED. */
export function requireActor(actor: Actor | null): Actor {
  if (!actor)
    throw new AppError(
      'UNAUTHENTICATED',
      'Authentication required: send Authorization: Bearer <token>',
    );
  return actor;
}

/** The actor if it holds one of the roles, or FORBIDDEN. */
export function requireRole(actor: Actor | null, roles: readonly Role[]): Actor {
  const known = requireActor(actor);
  if (!roles.includes(known.role)) {
    throw new AppError('FORBIDDEN', `This operation needs one of the roles ${roles.join(', ')}`);
  }
  return known;
}
