import mongoose, { Schema, type Model, type mongo } from 'mongoose';
import type { BranchDoc } from '../branches/branch.model';
import type { UserDoc } from '../auth/user.model';

/**
 * Per branch, one document naming every account of the branch (id → name), kept by the
 * `accountDirectoryEntry` consequence of each account creation and rename, so a page of a
 * branch's accounts and its total are read by `_id` (this document, then the accounts by bare
 * `_id $in`) instead of by `branchCode`.
 *
 * Stand-in: mongo-java-server answers `branchCode` equality (and the name sort) by scanning every
 * account; on MongoDB the `{ branchCode, name, _id }` index serves the same page and count.
 */
export type Directory = {
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
  /**
   * The branch's users as stored (without pending consequences), by id, copied at their creation
   * (`userCopyConsequence`; users do not change): the managers a page of the branch's accounts
   * shows need no read. A user missing here (e.g. written behind the service's back) is read.
   */
  users?: Record<string, UserDoc>;
};

const schema = new Schema<Directory>(
  {
    _id: { type: String, required: true },
    accounts: { type: Object, default: {} },
    complete: { type: Boolean, default: false },
    branch: { type: Object },
    users: { type: Object },
  },
  { versionKey: false, minimize: false },
);

export const BranchDirectoryModel =
  (mongoose.models.BranchDirectory as Model<Directory> | undefined) ??
  mongoose.model<Directory>('BranchDirectory', schema, 'branchdirectories');

// The driver's collection, typed by its string `_id` (mongoose types `collection` by ObjectId ids).
export const directories = () =>
  BranchDirectoryModel.collection as unknown as mongo.Collection<Directory>;
