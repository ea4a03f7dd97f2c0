import type { Types } from 'mongoose';
import {
  consequence,
  CONSEQUENCE_ORDER,
  registerConsequenceKind,
  type PendingConsequence,
} from '../consequences/consequence-kinds';
import { writeAsCurrent } from '../../db/write-as-current';
import { PENDING } from '../consequences/pending-consequences';
import { BranchModel, type BranchDoc } from '../branches/branch.model';
import { UserModel, type UserDoc } from '../auth/user.model';
import { directories } from './branch-directory.model';

/**
 * What a branch's directory keeps besides its accounts' names: the branch and its users as
 * stored, so that a page of the branch's accounts shows their branch and managers without
 * reading them (see branch-directory.model).
 */

const WITHOUT_PENDING = { projection: { [PENDING]: 0 } };

// Copies a branch as stored now into its directory; null (and nothing copied) for a code no
// branch has.
export async function copyBranch(branchCode: string): Promise<BranchDoc | null> {
  const branch = (await BranchModel.collection.findOne(
    { code: branchCode },
    WITHOUT_PENDING,
  )) as Copied | null;
  if (branch) await copyBranches([branch]);
  return branch;
}

type Copied = BranchDoc & { _id: Types.ObjectId };

const readBranches = async (ids: readonly Types.ObjectId[]) =>
  (await BranchModel.collection
    .find({ _id: { $in: [...ids] } }, WITHOUT_PENDING)
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

type CopiedUser = UserDoc & { branchCode: string | null };

// Sets users as read in their branches' directories (users without a branch have none).
async function writeUsers(users: readonly CopiedUser[]): Promise<void> {
  const inBranch = users.filter((user) => user.branchCode);
  if (inBranch.length === 0) return;
  await directories().bulkWrite(
    inBranch.map((user) => ({
      updateOne: {
        filter: { _id: user.branchCode! },
        update: { $set: { [`users.${String(user._id)}`]: user } },
        upsert: true,
      },
    })),
    { ordered: false },
  );
}

/**
 * Copies every user of a branch into its directory (a directory's rebuild, or its first read
 * since it kept users), and returns them by id. Reads the users by `branchCode`, which the
 * stand-in answers by scanning the (small) users collection; once per directory.
 */
export async function copyUsersOf(branchCode: string): Promise<Record<string, UserDoc>> {
  const users = (await UserModel.collection
    .find({ branchCode }, WITHOUT_PENDING)
    .toArray()) as unknown as CopiedUser[];
  await writeUsers(users);
  // Marks the directory as holding its users even when the branch has none.
  await directories().updateOne(
    { _id: branchCode },
    { $set: { users: Object.fromEntries(users.map((user) => [String(user._id), user])) } },
    { upsert: true },
  );
  return Object.fromEntries(users.map((user) => [String(user._id), user]));
}

registerConsequenceKind<null>('userCopy', CONSEQUENCE_ORDER.derived, async (due) => {
  const ids = due.map(({ recordId }) => recordId as Types.ObjectId);
  await writeUsers(
    (await UserModel.collection
      .find({ _id: { $in: ids } }, WITHOUT_PENDING)
      .toArray()) as unknown as CopiedUser[],
  );
});

/** The copy of a new user in its branch's directory, to store with the user's creation. */
export function userCopyConsequence(): PendingConsequence<null> {
  return consequence<null>('userCopy', null);
}
