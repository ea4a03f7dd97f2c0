import mongoose, { Types } from 'mongoose';
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
import { directories, type Directory } from './branch-directory.model';
import { createDecodedCache } from '../../db/decoded-cache';
import { deepFreeze } from '../../shared/deep-freeze';
import { HEX_ID, hexIdOf, textIdInBytes, type WithHexId } from '../../db/hex-id';
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
 * A branch's directory as read (`stored`): its accounts, complete, and its copies of the branch
 * and its users. A directory never completed (a branch that predates it, or whose creation was
 * cut short) is rebuilt once from the accounts; one older than a copy gets it on its first read.
 */
async function branchDirectory(
  branchCode: string,
  stored: Directory | null,
): Promise<BranchListing> {
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
export const listed = (account: WithHexId & { name: string }): Listed => ({
  id: hexIdOf(account),
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

/** A branch's account as its directory names it (with its id's hex, as the directory keys it). */
export type NamedAccount = {
  _id: Types.ObjectId;
  name: string;
  branchCode: string;
  [HEX_ID]: string;
};

/** A directory's accounts in list order (name, then id). */
export function inListOrder(
  branchCode: string,
  accounts: Record<string, string>,
): readonly NamedAccount[] {
  return sortedByName(
    Object.keys(accounts).map((id) => ({
      _id: new Types.ObjectId(id),
      name: accounts[id]!,
      branchCode,
      [HEX_ID]: id,
    })),
  );
}

/** A branch's accounts as its directory names them, in list order, with its copies. */
export type BranchAccounts = Omit<BranchListing, 'accounts'> & {
  accounts: readonly NamedAccount[];
};

const { BSON } = mongoose.mongo;

// Per branch (and database), its directory as last read in this process, decoded and its accounts
// in list order, kept under the bytes it was read as (db/decoded-cache): served only where the
// directory read on that very request is the same to the byte. A province branch names ~1 000
// accounts: decoding and sorting them took about a millisecond of every screen. Bounded by the
// accounts named: about 180 bytes each, the bytes kept included (measured), so some 36 MB.
const listings = createDecodedCache<BranchAccounts>({
  maxSize: 200_000,
  sizeOf: (listing) => listing.accounts.length,
});

/** Forgets every directory kept as decoded (tests that compare a cold read with a warm one). */
export const clearDirectoryCache = () => listings.clear();

/**
 * A branch's accounts as its directory names them (complete; see `branchDirectory`), in list order
 * (name, then id), with the directory's copies of the branch and its users. One read of the
 * directory; what is returned may be shared with other requests (frozen): not to be changed.
 */
export async function branchAccounts(branchCode: string): Promise<BranchAccounts> {
  const bytes = (await directories().findOne(
    { _id: branchCode },
    { raw: true },
  )) as unknown as Uint8Array | null;
  return listingOf(branchCode, bytes);
}

/** Branches' accounts as `branchAccounts` gives them, by branch code: one read of the directories. */
export async function branchesAccounts(
  codes: readonly string[],
): Promise<Map<string, BranchAccounts>> {
  const read = (await directories()
    .find({ _id: { $in: [...codes] } }, { raw: true })
    .toArray()) as unknown as Uint8Array[];
  const byCode = new Map(read.map((bytes) => [textIdInBytes(bytes), bytes]));
  return new Map(
    await Promise.all(
      codes.map(async (code) => [code, await listingOf(code, byCode.get(code) ?? null)] as const),
    ),
  );
}

// A branch's listing from its directory's bytes as read (null: none), decoded unless kept.
async function listingOf(branchCode: string, bytes: Uint8Array | null): Promise<BranchAccounts> {
  const key = `${directories().dbName}/${branchCode}`;
  const held = bytes && listings.get(key, bytes);
  if (held) return held;
  const stored = bytes && (BSON.deserialize(bytes) as Directory);
  const { accounts, ...copies } = await branchDirectory(branchCode, stored);
  const listing = { accounts: inListOrder(branchCode, accounts), ...copies };
  // Kept only as read: a directory this read completed, or gave a copy, is read whole next time.
  if (bytes && stored?.complete && stored.branch && stored.users) {
    listings.set(key, bytes, deepFreeze(listing));
  }
  return listing;
}
