import type { Resolvers } from '../../graphql/generated/resolvers-types';
import { requireRole } from '../auth/actor';
import { actorScope } from '../access/scope';
import { auditTrail } from './audit.service';

const asJson = (value: unknown) =>
  value === null || value === undefined ? null : JSON.stringify(value);

export const auditResolvers: Resolvers = {
  Query: {
    auditTrail: (_parent, { entityId, ...args }, { actor }) =>
      auditTrail(
        actorScope(requireRole(actor, ['ADMIN', 'HQ_ANALYST', 'BRANCH_HEAD', 'ACCOUNT_MANAGER'])),
        entityId,
        args,
      ),
  },
  AuditEntry: {
    id: (entry) => String(entry._id),
    actorLogin: (entry) => entry.actor?.login ?? 'unknown',
    changes: (entry) =>
      entry.changes.map((c) => ({
        field: c.field ?? '',
        before: asJson(c.before),
        after: asJson(c.after),
      })),
  },
};
