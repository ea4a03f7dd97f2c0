import { LRUCache } from 'lru-cache';
import { Types } from 'mongoose';
import {
  consequence,
  CONSEQUENCE_ORDER,
  registerConsequenceKind,
  type PendingConsequence,
} from '../consequences/consequence-kinds';
import { writeAsCurrent } from '../../db/write-as-current';
import type { BranchDoc } from '../branches/branch.model';
import type { UserDoc } from '../auth/user.model';
import { KeyAccountModel } from './account.model';
import { directories } from './branch-directory.model';
import { copyBranch, copyUsersOf } from './directory-copies';
import { addToGroup } from '../../shared/groups';

type Named = { _id: Types.ObjectId; branchCode: string; name: string };
const readNamed = async (ids: readonly Types.ObjectId[]): Promise<Named[]> =>
  (await KeyAccountModel.collection
    .find({ _id: { $in: [...ids] } }, { projection: { branchCode: 1, name: 1 } })
    .toArray()) as Named[];

// Entries set from the accounts as read: idempotent, so replays and sweeps change nothing.
async function writeNames(accounts: readonly Named[]): Promise<void> {
  const byBranch = new Map<string, Named[]>();
  for (const account of accounts) {
    addToGroup(byBranch, account.branchCode, account);
  }
  await directories().bulkWrite(
    [...byBranch].map(([branchCode, rows]) => ({
      updateOne: {
        filter: { _id: branchCode },
        update: {
          $set: Object.fromEntries(rows.map((row) => [`accounts.${String(row._id)}`, row.name])),
        },
        upsert: true,
      },
    })),
    { ordered: false },
  );
}

/**
 * Names the accounts in their branches' directories, read again after writing so that a rename's
 * name stays when an older read's naming lands after it (see `writeAsCurrent`).
 */
export const nameAccounts = (accounts: readonly Named[]) =>
  writeAsCurrent(accounts, {
    read: readNamed,
    write: writeNames,
    stateOf: (account) => account.name,
  });

registerConsequenceKind<null>('accountDirectoryEntry', CONSEQUENCE_ORDER.derived, async (due) => {
  await nameAccounts(await readNamed(due.map(({ recordId }) => recordId as Types.ObjectId)));
});

/** The naming of an account in its branch's directory, to store with its creation or rename. */
export function directoryConsequence(): PendingConsequence<null> {
  return consequence<null>('accountDirectoryEntry', null);
}

/** A branch just created has no accounts: its (empty) directory is complete from the start. */
export function directoryOpenedConsequence(branchCode: string): PendingConsequence<string> {
  return consequence<string>('branchDirectoryOpened', branchCode);
}

registerConsequenceKind<string>('branchDirectoryOpened', CONSEQUENCE_ORDER.derived, async (due) => {
  for (const { args } of due) await openBranchDirectory(args);
});

/** Marks a branch's directory complete (idempotent), with its copy of the branch. */
export async function openBranchDirectory(branchCode: string): Promise<void> {
  await directories().updateOne(
    { _id: branchCode },
    { $set: { complete: true } },
    { upsert: true },
  );
  await copyBranch(branchCode);
  await copyUsersOf(branchCode);
}

/** What a branch's directory says: its accounts (id → name) and its copies of the branch and users. */
export type BranchListing = {
  accounts: Record<string, string>;
  /** Null where the branch has no copy (a code no branch has). */
  branch: BranchDoc | null;
  users: Record<string, UserDoc>;
};

/**
 * A branch's directory: its accounts, complete, and its copies of the branch and its users. A
 * directory never completed (a branch that predates it, or whose creation was cut short) is
 * rebuilt once from the accounts; one older than a copy gets it on its first read.
 */
export async function branchDirectory(branchCode: string): Promise<BranchListing> {
  const stored = await directories().findOne({ _id: branchCode });
  if (stored?.complete) {
    return {
      accounts: stored.accounts ?? {},
      branch: stored.branch ?? (await copyBranch(branchCode)),
      users: stored.users ?? (await copyUsersOf(branchCode)),
    };
  }
  const accounts = (await KeyAccountModel.collection
    .find({ branchCode }, { projection: { branchCode: 1, name: 1 } })
    .toArray()) as Named[];
  // No directory is made up for a code no account has (a branch's creation opens its own).
  if (!stored && accounts.length === 0) return { accounts: {}, branch: null, users: {} };
  await nameAccounts(accounts);
  await openBranchDirectory(branchCode);
  const rebuilt = await directories().findOne({ _id: branchCode });
  return {
    accounts: rebuilt?.accounts ?? {},
    branch: rebuilt?.branch ?? null,
    users: rebuilt?.users ?? {},
  };
}

/** An account's place in a branch's list: its name, then its id. */
export type Listed = { id: string; name: string };

/** The place of an account in its branch's list. */
export const listed = (account: { _id: unknown; name: string }): Listed => ({
  id: String(account._id),
  name: account.name,
});

/**
 * The accounts' order on a page: name, then id. JavaScript compares UTF-16 code units, the
 * database UTF-8 bytes: the same order except for characters outside the Basic Multilingual Plane.
 */
export const byNameThenId = (a: Listed, b: Listed) =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** Accounts in list order (name, then id). */
export function sortedByName<T extends { _id: unknown; name: string }>(
  accounts: readonly T[],
): T[] {
  return accounts
    .map((account) => ({ account, place: listed(account) }))
    .sort((a, b) => byNameThenId(a.place, b.place))
    .map(({ account }) => account);
}

/** A branch's account as its directory names it. */
export type NamedAccount = { _id: Types.ObjectId; name: string; branchCode: string };

// Per branch, its accounts in list order as last sorted in this process, with the directory's
// entries they were sorted from (ids and names in stored order). A province branch names 1 000
// accounts: sorting them took about a millisecond of every screen.
const sortedDirectories = new LRUCache<
  string,
  { ids: string[]; names: string[]; accounts: readonly NamedAccount[] }
>({ max: 1_000 });

/**
 * A directory's accounts in list order (name, then id): sorted again only when its entries differ
 * from those last sorted for `key` (compared entry by entry on every call, so any change to the
 * directory is seen at once). The accounts returned are shared: not to be changed.
 */
export function inListOrder(
  key: string,
  branchCode: string,
  accounts: Record<string, string>,
): readonly NamedAccount[] {
  const held = sortedDirectories.get(key);
  if (held && sameEntries(held, accounts)) return held.accounts;
  const ids = Object.keys(accounts);
  const names = ids.map((id) => accounts[id]!);
  const sorted = sortedByName(
    ids.map((id, i) => Object.freeze({ _id: new Types.ObjectId(id), name: names[i]!, branchCode })),
  );
  sortedDirectories.set(key, { ids, names, accounts: Object.freeze(sorted) });
  return sorted;
}

function sameEntries(held: { ids: string[]; names: string[] }, accounts: Record<string, string>) {
  let i = 0;
  for (const id in accounts) {
    if (held.ids[i] !== id || held.names[i] !== accounts[id]) return false;
    i += 1;
  }
  return i === held.ids.length;
}

/**
 * A branch's accounts as its directory names them (complete; see `branchDirectory`), in list order
 * (name, then id), with the directory's copies of the branch and its users.
 */
export async function branchAccounts(
  branchCode: string,
): Promise<Omit<BranchListing, 'accounts'> & { accounts: readonly NamedAccount[] }> {
  const { accounts, ...copies } = await branchDirectory(branchCode);
  const key = `${directories().dbName}/${branchCode}`;
  return { accounts: inListOrder(key, branchCode, accounts), ...copies };
}
