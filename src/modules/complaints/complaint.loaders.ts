import DataLoader from 'dataloader';
import type { PageArgs } from '../../db/keyset-pagination';
import { loaderFamily } from '../../graphql/loader-family';
import type { Scope } from '../access/scope';
import { complaintsOfAccounts, repeatedComplaints } from './complaint-lists.service';
import type { ComplaintDoc } from './complaint.model';

/** Complaint pages by account id, one aggregation per distinct page arguments and tick. */
export function createComplaintsByAccount(scope: Scope) {
  const family = loaderFamily(
    async (args: Pick<PageArgs, 'first' | 'after'>, ids: readonly string[]) => {
      const pages = await complaintsOfAccounts(scope, ids, args);
      return ids.map((id) => pages.get(id)!);
    },
  );
  return (args: Pick<PageArgs, 'first' | 'after'>) =>
    family({ first: args.first ?? null, after: args.after ?? null });
}

/** The earlier complaint each complaint repeats (or null), one query per tick. */
export function createRepeatedComplaints(
  scope: Scope,
): DataLoader<ComplaintDoc, ComplaintDoc | null, string> {
  return new DataLoader(
    async (complaints) => {
      const repeated = await repeatedComplaints(scope, complaints);
      return complaints.map((complaint) => repeated.get(String(complaint._id)) ?? null);
    },
    { cacheKeyFn: (complaint) => String(complaint._id) },
  );
}
