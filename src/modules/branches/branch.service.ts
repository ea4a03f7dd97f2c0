import { BranchModel, type BranchDoc } from './branch.model';

/** All branches ordered by code. */
export async function listBranches(): Promise<BranchDoc[]> {
  return BranchModel.find().sort({ code: 1 }).lean<BranchDoc[]>();
}

/** One branch by code, or null. */
export async function findBranch(code: string): Promise<BranchDoc | null> {
  return BranchModel.findOne({ code }).lean<BranchDoc>();
}

/** Creates or updates a branch by its code (idempotent). */
export async function upsertBranch(branch: {
  code: string;
  name: string;
  timeZone?: string;
}): Promise<void> {
  await BranchModel.updateOne({ code: branch.code }, { $set: branch }, { upsert: true });
}
