import type { Types } from 'mongoose';
import { findByIdsInScope } from '../access/by-ids';
import type { Scope } from '../access/scope';
import { findUserByLogin } from '../auth/auth.service';
import { KeyAccountModel } from './account.model';

type OfAccount = { accountId: Types.ObjectId };

/**
 * The records (of accounts in the scope) whose account a manager looks after; none for an unknown
 * login. The accounts are read by `_id` (the records name them), not by manager: the stand-in
 * scans for `accountManagerId`, MongoDB would use its index.
 */
export async function recordsManagedBy<T extends OfAccount>(
  scope: Scope,
  login: string,
  records: readonly T[],
): Promise<T[]> {
  const manager = await findUserByLogin(login);
  if (!manager || records.length === 0) return [];
  const accounts = await findByIdsInScope<{
    _id: Types.ObjectId;
    branchCode: string;
    accountManagerId: unknown;
  }>(
    KeyAccountModel,
    scope,
    records.map((record) => record.accountId),
  );
  const managed = new Set(
    accounts
      .filter((account) => String(account.accountManagerId) === String(manager._id))
      .map((account) => String(account._id)),
  );
  return records.filter((record) => managed.has(String(record.accountId)));
}
