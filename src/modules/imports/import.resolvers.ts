import type { Resolvers } from '../../graphql/generated/resolvers-types';
import { requireActor } from '../auth/actor';
import '../accounts/account.import';
import '../activation/activation-order.import';
import '../faults/fault-ticket.import';
import '../complaints/complaint.import';
import '../follow-ups/follow-up.import';
import '../surveys/survey-response.import';
import { importKinds } from './import-kind';
import { importRecords } from './import.service';

export const importResolvers: Resolvers = {
  Query: {
    importKinds: (_parent, _args, { actor }) => {
      requireActor(actor);
      return importKinds().map((handler) => ({
        kind: handler.kind,
        columns: [...handler.columns],
      }));
    },
  },
  Mutation: {
    importRecords: (_parent, { kind, sourceSystem, rows, dryRun }, { actor }) =>
      importRecords({ actor, kind, sourceSystem, rows, dryRun: dryRun ?? false }),
  },
  ImportRowResult: {
    id: (result) => ('id' in result && result.id ? result.id : null),
    reason: (result) => ('reason' in result ? result.reason : null),
    field: (result) => ('field' in result ? result.field : null),
  },
};
