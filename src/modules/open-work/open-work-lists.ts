import type { Types } from 'mongoose';
import type { Scope } from '../access/scope';
import { recordsManagedBy } from '../accounts/managed-accounts';
import { openRecordsInScope } from './open-work';

// Apart from open-work.ts: the manager filter needs the accounts and users, which the record
// models (through their consequences) must not import.

/**
 * A work list: the open records of a kind in the scope, of one branch and of one manager's
 * accounts when asked; of a kind split in parts (visits), at least those before `end` when given.
 */
export async function openWorkList<
  T extends { _id: Types.ObjectId; branchCode: string; accountId: Types.ObjectId },
>(
  typename: string,
  scope: Scope,
  filter: { branchCode?: string | null; accountManagerLogin?: string | null; end?: Date } = {},
): Promise<T[]> {
  const open = await openRecordsInScope<T>(typename, scope, filter.branchCode, filter.end);
  return filter.accountManagerLogin
    ? recordsManagedBy(scope, filter.accountManagerLogin, open)
    : open;
}
