import DataLoader from 'dataloader';
import type { Scope } from '../access/scope';
import { findKeyAccountsByIds } from './account.service';
import type { KeyAccountDoc } from './account.model';

/** Accounts by id within the caller's scope (null when out of scope), one query per tick. */
export function createAccountsById(scope: Scope): DataLoader<string, KeyAccountDoc | null> {
  return new DataLoader(async (ids) => {
    const rows = await findKeyAccountsByIds(scope, ids);
    const byId = new Map(rows.map((row) => [String(row._id), row]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}
