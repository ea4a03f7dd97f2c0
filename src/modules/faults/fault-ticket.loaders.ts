import DataLoader from 'dataloader';
import { loaderFamily } from '../../graphql/loader-family';
import { hexIdOf } from '../../db/hex-id';
import type { PageArgs } from '../../db/keyset-pagination';
import type { Scope } from '../access/scope';
import type { AccountRecordReader, ListedAccount } from '../journey/account-records.loaders';
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

/** Ticket pages by account (as read in scope), one batch per distinct page arguments and tick. */
export function createFaultTicketsByAccount(scope: Scope, reader: AccountRecordReader) {
  const family = loaderFamily(
    async (args: Pick<PageArgs, 'first' | 'after'>, accounts: readonly ListedAccount[]) => {
      const pages = await faultTicketsOfAccounts(scope, accounts, args, reader);
      return accounts.map((account) => pages.get(hexIdOf(account))!);
    },
    { cacheKeyFn: hexIdOf },
  );
  return (args: Pick<PageArgs, 'first' | 'after'>) =>
    family({ first: args.first ?? null, after: args.after ?? null });
}
