import DataLoader from 'dataloader';
import type { Actor } from './actor';
import { findUsersByIds, userOfActor } from './auth.service';
import type { UserDoc } from './user.model';

/**
 * Users by id, one query per request tick; the caller's own user (as read to authenticate the
 * request) is known from the start.
 */
export function createUsersById(actor: Actor | null): DataLoader<string, UserDoc | null> {
  const loader = new DataLoader<string, UserDoc | null>(async (ids) => {
    const rows = await findUsersByIds(ids);
    const byId = new Map(rows.map((row) => [String(row._id), row]));
    return ids.map((id) => byId.get(id) ?? null);
  });
  const self = actor && userOfActor(actor);
  if (self) loader.prime(String(self._id), self);
  return loader;
}
