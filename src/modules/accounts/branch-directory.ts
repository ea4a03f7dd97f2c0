import mongoose, { Schema, Types, type Model, type mongo } from 'mongoose';
import {
  consequence,
  CONSEQUENCE_ORDER,
  registerConsequenceKind,
  type PendingConsequence,
} from '../consequences/consequence-kinds';
import { writeAsCurrent } from '../../db/write-as-current';
import { PENDING } from '../consequences/pending-consequences';
import { BranchModel, type BranchDoc } from '../branches/branch.model';
import { KeyAccountModel } from './account.model';
import { addToGroup } from '../../shared/groups';

/**
 * Per branch, one document naming every account of the branch (id → name), kept by the
 * `accountDirectoryEntry` consequence of each account creation and rename, so a page of a
 * branch's accounts and its total are read by `_id` (this document, then the accounts by bare
 * `_id $in`) instead of by `branchCode`.
 *
 * Stand-in: mongo-java-server answers `branchCode` equality (and the name sort) by scanning every
 * account; on MongoDB the `{ branchCode, name, _id }` index serves the same page and count.
 */
type Directory = {
  _id: string;
  accounts: Record<string, string>;
  /** Every account of the branch is named (set when the branch is created or by a rebuild). */
  complete?: boolean;
  /**
   * The branch itself as stored (without its pending consequences), kept by the consequence of
   * every write of the branch (`branchCopyConsequence`): a page of the branch's accounts that
   * shows their branch needs no read of it. Missing in directories older than the copy.
   */
  branch?: BranchDoc;
};

const schema = new Schema<Directory>(
  {
    _id: { type: String, required: true },
    accounts: { type: Object, default: {} },
    complete: { type: Boolean, default: false },
    branch: { type: Object },
  },
  { versionKey: false, minimize: false },
);

export const BranchDirectoryModel =
  (mongoose.models.BranchDirectory as Model<Directory> | undefined) ??
  mongoose.model<Directory>('BranchDirectory', schema, 'branchdirectories');

// The driver's collection, typed by its string `_id` (mongoose types `collection` by ObjectId ids).
const directories = () => BranchDirectoryModel.collection as unknown as mongo.Collection<Directory>;

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
}

// Copies a branch as stored now into its directory; null (and nothing copied) for a code no
// branch has.
async function copyBranch(branchCode: string): Promise<BranchDoc | null> {
  const branch = (await BranchModel.collection.findOne(
    { code: branchCode },
    { projection: { [PENDING]: 0 } },
  )) as Copied | null;
  if (branch) await copyBranches([branch]);
  return branch;
}

type Copied = BranchDoc & { _id: Types.ObjectId };

const readBranches = async (ids: readonly Types.ObjectId[]) =>
  (await BranchModel.collection
    .find({ _id: { $in: [...ids] } }, { projection: { [PENDING]: 0 } })
    .toArray()) as unknown as Copied[];

/**
 * Copies branches as read into their directories, read again after writing so that a copy taken
 * before a later change of the branch does not stay (see `writeAsCurrent`).
 */
const copyBranches = (branches: readonly Copied[]) =>
  writeAsCurrent(branches, {
    read: readBranches,
    write: async (rows) => {
      await directories().bulkWrite(
        rows.map((branch) => ({
          updateOne: { filter: { _id: branch.code }, update: { $set: { branch } }, upsert: true },
        })),
        { ordered: false },
      );
    },
    stateOf: (branch) => JSON.stringify(branch),
  });

registerConsequenceKind<null>('branchCopy', CONSEQUENCE_ORDER.derived, async (due) => {
  await copyBranches(await readBranches(due.map(({ recordId }) => recordId as Types.ObjectId)));
});

/** The copy of a branch in its directory, to store with each write of the branch. */
export function branchCopyConsequence(): PendingConsequence<null> {
  return consequence<null>('branchCopy', null);
}

/**
 * A branch's directory: its accounts (id → name), complete, and its copy of the branch where it
 * has one. A directory never completed (a branch that predates it, or whose creation was cut
 * short) is rebuilt once from the accounts.
 */
export async function branchDirectory(
  branchCode: string,
): Promise<{ accounts: Record<string, string>; branch: BranchDoc | null }> {
  const stored = await directories().findOne({ _id: branchCode });
  if (stored?.complete) {
    // A directory older than the branch's copy gets it on its first read.
    const branch = stored.branch ?? (await copyBranch(branchCode));
    return { accounts: stored.accounts ?? {}, branch };
  }
  const accounts = (await KeyAccountModel.collection
    .find({ branchCode }, { projection: { branchCode: 1, name: 1 } })
    .toArray()) as Named[];
  // No directory is made up for a code no account has (a branch's creation opens its own).
  if (!stored && accounts.length === 0) return { accounts: {}, branch: null };
  await nameAccounts(accounts);
  await openBranchDirectory(branchCode);
  const rebuilt = await directories().findOne({ _id: branchCode });
  return { accounts: rebuilt?.accounts ?? {}, branch: rebuilt?.branch ?? null };
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

/**
 * A branch's accounts as its directory names them (complete; see `branchDirectory`), and the
 * directory's copy of the branch (null where it has none).
 */
export async function branchAccounts(branchCode: string): Promise<{
  accounts: { _id: Types.ObjectId; name: string; branchCode: string }[];
  branch: BranchDoc | null;
}> {
  const { accounts, branch } = await branchDirectory(branchCode);
  return {
    accounts: Object.entries(accounts).map(([id, name]) => ({
      _id: new Types.ObjectId(id),
      name,
      branchCode,
    })),
    branch,
  };
}
