import DataLoader from 'dataloader';
import { loaderFamily } from '../../graphql/loader-family';
import type { PageArgs } from '../../db/keyset-pagination';
import type { Scope } from '../access/scope';
import type { AccountRecordReader } from '../journey/account-records.loaders';
import type { FaultTicketDoc } from './fault-ticket.model';
import { faultTicketsOfAccounts, findFaultTicketsByIds } from './fault-ticket.service';

/** Tickets by id within the caller's scope (null when out of scope), one query per tick. */
export function createFaultTicketsById(scope: Scope): DataLoader<string, FaultTicketDoc | null> {
  return new DataLoader(async (ids) => {
    const rows = await findFaultTicketsByIds(scope, ids);
    const byId = new Map(rows.map((row) => [String(row._id), row]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/** Ticket pages by account id, one aggregation per distinct page arguments and tick. */
export function createFaultTicketsByAccount(scope: Scope, reader: AccountRecordReader) {
  const family = loaderFamily(
    async (args: Pick<PageArgs, 'first' | 'after'>, ids: readonly string[]) => {
      const pages = await faultTicketsOfAccounts(scope, ids, args, reader);
      return ids.map((id) => pages.get(id)!);
    },
  );
  return (args: Pick<PageArgs, 'first' | 'after'>) =>
    family({ first: args.first ?? null, after: args.after ?? null });
}
