import { loaderFamily } from '../../graphql/loader-family';
import type { PageArgs } from '../../db/keyset-pagination';
import type { Scope } from '../access/scope';
import type { AccountRecordReader } from '../journey/account-records.loaders';
import { activationOrdersOfAccounts } from './activation-order.service';

/** Order pages by account id, one aggregation per distinct page arguments and tick. */
export function createActivationOrdersByAccount(scope: Scope, reader: AccountRecordReader) {
  const family = loaderFamily(
    async (args: Pick<PageArgs, 'first' | 'after'>, ids: readonly string[]) => {
      const pages = await activationOrdersOfAccounts(scope, ids, args, reader);
      return ids.map((id) => pages.get(id)!);
    },
  );
  return (args: Pick<PageArgs, 'first' | 'after'>) =>
    family({ first: args.first ?? null, after: args.after ?? null });
}
