import { loaderFamily } from '../../graphql/loader-family';
import { hexIdOf } from '../../db/hex-id';
import type { PageArgs } from '../../db/keyset-pagination';
import type { Scope } from '../access/scope';
import type { AccountRecordReader, ListedAccount } from '../journey/account-records.loaders';
import { activationOrdersOfAccounts } from './activation-order.service';

/** Order pages by account (as read in scope), one batch per distinct page arguments and tick. */
export function createActivationOrdersByAccount(scope: Scope, reader: AccountRecordReader) {
  const family = loaderFamily(
    async (args: Pick<PageArgs, 'first' | 'after'>, accounts: readonly ListedAccount[]) => {
      const pages = await activationOrdersOfAccounts(scope, accounts, args, reader);
      return accounts.map((account) => pages.get(hexIdOf(account))!);
    },
    { cacheKeyFn: hexIdOf },
  );
  return (args: Pick<PageArgs, 'first' | 'after'>) =>
    family({ first: args.first ?? null, after: args.after ?? null });
}
