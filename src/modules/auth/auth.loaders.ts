import DataLoader from 'dataloader';
import { findUsersByIds } from './auth.service';
import type { UserDoc } from './user.model';

/** Users by id, one query per request tick. */
export function createUsersById(): DataLoader<string, UserDoc | null> {
  return new DataLoader(async (ids) => {
    const rows = await findUsersByIds(ids);
    const byId = new Map(rows.map((row) => [String(row._id), row]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}
