import type { Model, Types } from 'mongoose';
import { notFound } from '../../shared/errors';
import { actorScope, type Scope } from '../access/scope';
import { requireWritableAccount } from '../accounts/account.service';
import type { Actor } from '../auth/actor';
import type { PendingConsequence } from '../consequences/consequence-kinds';
import { writeWithRevision } from './revisioned-write';

type EventRecord = { _id: Types.ObjectId; accountId: Types.ObjectId; revision: number };

/**
 * One event of a journey record's life (an order's, a ticket's, a complaint's), the steps every
 * such mutation takes: the record looked up in the caller's scope (NOT_FOUND when they cannot see
 * it), the account checked writable (FORBIDDEN), then the rules' decision written with its
 * consequences under the record's revision. `decide` returns the fields to set, or null for a
 * replay (the record is returned unchanged, without side effects).
 */
export function applyRecordEvent<D extends EventRecord>(options: {
  actor: Actor;
  id: string;
  model: Model<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  what: string;
  find: (scope: Scope, id: string) => Promise<D | null>;
  decide: (record: D) => Record<string, unknown> | null;
  consequences: (before: D, after: D) => PendingConsequence[];
}): Promise<{ before: D; after: D; changed: boolean }> {
  const { actor, what } = options;
  const scope = actorScope(actor);
  return writeWithRevision<D>({
    model: options.model,
    scope,
    what,
    load: async () => {
      const record = await options.find(scope, options.id);
      if (!record) throw notFound(what);
      return record;
    },
    authorize: async (record) => {
      await requireWritableAccount(actor, String(record.accountId));
    },
    decide: options.decide,
    consequences: options.consequences,
  });
}
