import sift from 'sift';
import {
  decodeCursor,
  pageOf,
  pageSize,
  withIdKey,
  type PageArgs,
} from '../../db/keyset-pagination';
import { findByIdsInScope, findKeptByIdsInScope } from '../access/by-ids';
import type { Scope } from '../access/scope';
import { createDecodedCache } from '../../db/decoded-cache';
import { hexIdOf, type WithHexId } from '../../db/hex-id';
import type { BranchDoc } from '../branches/branch.model';
import { listBranches } from '../branches/branch.service';
import type { UserDoc } from '../auth/user.model';
import { KeyAccountModel, type KeyAccountDoc } from './account.model';
import {
  branchAccounts,
  branchesAccounts,
  byNameThenId,
  listed,
  sortedByName,
  type BranchAccounts,
  type Listed,
  type NamedAccount,
} from './branch-directory';
import { addToGroup } from '../../shared/groups';

/**
 * The accounts a page is about to read, known before they are read (from a directory), and the
 * directory's copies of their branch (null where it has none) and of the branch's users.
 */
export type PageAhead = (page: {
  branchCode: string;
  accountIds: string[];
  branch: BranchDoc | null;
  users: Record<string, UserDoc>;
}) => void;

// What a filter needs of each account besides its name (which the directory holds).
const FILTER_FIELDS = ['currentStage', 'tier', 'industry', 'status', 'accountManagerId'];

/** Whether a query asks for more than the directories hold (the branch and the name). */
export const filtersBeyondName = (query: Record<string, unknown>) =>
  Object.keys(query).some((field) => !['branchCode', 'name'].includes(field));

// The accounts of directory pages as last decoded in this process, each under the bytes it was
// read as (access/by-ids' `findKeptByIdsInScope`): decoding an account allocated some 9 kB (a
// province screen reads 100). Bounded at 20 000 accounts (1.6 kB each with their bytes, measured:
// 32 MB).
const pagedAccounts = createDecodedCache<KeyAccountDoc>({ maxSize: 20_000, sizeOf: () => 0 });

/** Forgets the accounts kept as decoded (tests that compare a cold read with a warm one). */
export const clearPagedAccounts = () => pagedAccounts.clear();

const KEYS = withIdKey([{ field: 'name', direction: 1 }]);

// A cursor's place in the list (name, then id); none without a cursor.
function placeOf(cursor: string | null | undefined, name: 'after' | 'before'): Listed | null {
  if (!cursor) return null;
  const [at, id] = decodeCursor(cursor, KEYS.length, name);
  return { name: String(at), id: String(id) };
}

/** An account as a directory page lists it. */
type Paged = WithHexId & { name: string; branchCode: string };

// The first index of a list-ordered `accounts` whose place is after `place` (`orAt`: or at it).
function indexAfter(accounts: readonly Paged[], place: Listed, orAt: boolean): number {
  let [low, high] = [0, accounts.length];
  while (low < high) {
    const middle = (low + high) >>> 1;
    const order = byNameThenId(listed(accounts[middle]!), place);
    if (order > 0 || (orAt && order === 0)) high = middle;
    else low = middle + 1;
  }
  return low;
}

/**
 * A page of `matching` (accounts in list order, as directories name them), the accounts then read
 * by `_id` within the scope. Pages go either way, with the same cursors and page info as
 * `findConnection`; `announce` is told the page's accounts before they are read.
 */
async function pageOfListed<T extends Paged>(
  scope: Scope,
  matching: readonly T[],
  args: PageArgs,
  announce: (page: readonly T[]) => void,
) {
  const { size, backward } = pageSize(args);
  // As `findConnection`: a backward page reads before `before` only.
  const after = backward ? null : placeOf(args.after, 'after');
  const before = placeOf(args.before, 'before');
  const from = after ? indexAfter(matching, after, false) : 0;
  const to = before ? indexAfter(matching, before, true) : matching.length;
  const between = matching.slice(from, Math.max(from, to));
  const more = between.length > size;
  const page = backward
    ? between.slice(Math.max(0, between.length - size))
    : between.slice(0, size);
  announce(page);
  const ids = page.map(hexIdOf);
  const byId = new Map(
    (await findKeptByIdsInScope(KeyAccountModel, scope, ids, pagedAccounts)).map((row) => [
      hexIdOf(row),
      row,
    ]),
  );
  const rows = ids.flatMap((id) => byId.get(id) ?? []);
  return {
    ...pageOf<KeyAccountDoc>(rows, KEYS, {
      hasNextPage: backward ? Boolean(args.before) : more,
      hasPreviousPage: backward ? more : Boolean(args.after),
    }),
    totalCount: async () => matching.length,
  };
}

/**
 * A page of a branch's accounts from its directory (names, in list order). A filter on more than
 * the name reads the branch's accounts' filtered fields by `_id` and applies the same query the
 * database would (sift, MongoDB's query language in memory).
 *
 * Stand-in: mongo-java-server scans every account for `branchCode` (and any other field), however
 * indexed; reading one branch's accounts by `_id` reads a bounded set instead. On MongoDB the
 * `{ branchCode, … }` indexes serve the query itself.
 */
export async function pageOfBranch(
  scope: Scope,
  branchCode: string,
  query: Record<string, unknown>,
  args: PageArgs,
  ahead?: PageAhead,
) {
  const { accounts: named, branch, users } = await branchAccounts(branchCode);
  // Compiled on first use: a page of the whole branch (the screen) applies no query.
  let compiled: ((account: unknown) => boolean) | undefined;
  const matches = (account: unknown) => (compiled ??= sift({ ...query, branchCode }))(account);
  // The directory's accounts come in list order; those read for a filter on more do not.
  const matching: readonly Paged[] = filtersBeyondName(query)
    ? sortedByName(
        (
          await findByIdsInScope<KeyAccountDoc>(
            KeyAccountModel,
            scope,
            named.map((account) => account._id),
            Object.fromEntries([...FILTER_FIELDS, 'name'].map((field) => [field, 1])),
          )
        ).filter(matches),
      )
    : 'name' in query
      ? named.filter(matches)
      : named;
  return pageOfListed(scope, matching, args, (page) =>
    ahead?.({ branchCode, accountIds: page.map(hexIdOf), branch, users }),
  );
}

// The province's accounts in list order, merged from its branches' listings, as last merged: kept
// while every listing is the very one `branchAccounts` keeps (so each directory unchanged to the
// byte). Merging 20 000 accounts is a sort of 20 sorted runs.
let merged: { parts: readonly BranchAccounts[]; accounts: readonly NamedAccount[] } | undefined;

function inProvinceOrder(parts: readonly BranchAccounts[]): readonly NamedAccount[] {
  const same =
    merged?.parts.length === parts.length && parts.every((p, i) => merged!.parts[i] === p);
  if (!same) merged = { parts, accounts: sortedByName(parts.flatMap((part) => part.accounts)) };
  return merged!.accounts;
}

/**
 * A page of every branch's accounts (a province-wide reader's list, filtered by name or not): the
 * branches' directories merged in list order, the page's accounts then read by `_id`.
 *
 * Stand-in: the database's own query scans every account (and sorts them) for each page; this
 * reads the branches (one document each, a scan of that small collection), their directories by
 * `_id`, and the page's accounts by `_id`. On MongoDB the `{ name, _id }` index serves the query
 * itself.
 */
export async function pageOfProvince(
  scope: Scope,
  query: Record<string, unknown>,
  args: PageArgs,
  ahead?: PageAhead,
) {
  const listings = await branchesAccounts((await listBranches()).map((branch) => branch.code));
  const named = inProvinceOrder([...listings.values()]);
  const matching = 'name' in query ? named.filter(sift(query)) : named;
  return pageOfListed(scope, matching, args, (page) => {
    const byBranch = new Map<string, NamedAccount[]>();
    for (const account of page) addToGroup(byBranch, account.branchCode, account);
    for (const [branchCode, accounts] of byBranch) {
      const { branch, users } = listings.get(branchCode)!;
      ahead?.({ branchCode, accountIds: accounts.map(hexIdOf), branch, users });
    }
  });
}
