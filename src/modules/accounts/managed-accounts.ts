import type { Types } from 'mongoose';
import type { Scope } from '../access/scope';
import { findUserByLogin } from '../auth/auth.service';
import { KeyAccountModel } from './account.model';

/** Ids of the accounts a manager looks after, within the scope (empty for an unknown login). */
export async function accountIdsManagedBy(scope: Scope, login: string): Promise<Types.ObjectId[]> {
  const manager = await findUserByLogin(login);
  if (!manager) return [];
  const rows = await KeyAccountModel.find(
    { accountManagerId: manager._id },
    { _id: 1 },
    { scope },
  ).lean<{ _id: Types.ObjectId }[]>();
  return rows.map((row) => row._id);
}
