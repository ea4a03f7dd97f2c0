import DataLoader from 'dataloader';
import { Types } from 'mongoose';
import { loaderFamily } from '../../graphql/loader-family';
import type { Scope } from '../access/scope';
import type { FollowUpRow } from './follow-up.model';
import {
  findFollowUpsByIds,
  loadAccountFollowUps,
  type AccountFollowUpArgs,
} from './follow-up.service';

/** Follow-ups by id within the caller's scope (null when out of scope), one query per tick. */
export function createFollowUpsById(scope: Scope): DataLoader<string, FollowUpRow | null> {
  return new DataLoader(async (ids) => {
    const rows = await findFollowUpsByIds(scope, ids);
    const byId = new Map(rows.map((row) => [String(row._id), row]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/** Follow-up pages by account id, one aggregation per distinct set of arguments and tick. */
export function createFollowUpsByAccount(scope: Scope) {
  const family = loaderFamily(async (args: AccountFollowUpArgs, ids: readonly string[]) => {
    const pages = await loadAccountFollowUps(
      scope,
      ids.map((id) => new Types.ObjectId(id)),
      args,
    );
    return ids.map((id) => pages.get(id)!);
  });
  return (args: AccountFollowUpArgs) =>
    family({ first: args.first ?? null, after: args.after ?? null, status: args.status ?? null });
}
