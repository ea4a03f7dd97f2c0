import { fromDuplicateKey } from '../../shared/errors';
import { validate } from '../../shared/validate';
import { requireRole, type Actor } from '../auth/actor';
import { createBranchInput } from './branch.inputs';
import { auditChange } from '../audit/audit.service';
import {
  createWithConsequences,
  upsertWithConsequences,
} from '../consequences/pending-consequences';
import { directoryOpenedConsequence, openBranchDirectory } from '../accounts/branch-directory';
import { branchCopyConsequence } from '../accounts/directory-copies';
import { BranchModel, DEFAULT_TIME_ZONE, type BranchDoc } from './branch.model';

/** All branches ordered by code. */
export async function listBranches(): Promise<BranchDoc[]> {
  return BranchModel.find().sort({ code: 1 }).lean<BranchDoc[]>();
}

/** One branch by code, or null. */
export async function findBranch(code: string): Promise<BranchDoc | null> {
  return BranchModel.findOne({ code }).lean<BranchDoc>();
}

/** Creates or updates a branch by its code (idempotent); for seeds and imports. */
export async function upsertBranch(branch: {
  code: string;
  name: string;
  timeZone?: string;
}): Promise<void> {
  // The branch's copy in its directory is refreshed as a consequence stored with the write.
  const inserted = await upsertWithConsequences(BranchModel, {
    filter: { code: branch.code },
    update: { $set: branch },
    consequences: [branchCopyConsequence()],
  });
  // A new branch's directory is complete; one cut short here is rebuilt on its first read.
  if (inserted) await openBranchDirectory(branch.code);
}

/** Creates a branch (ADMIN only); a taken code is a CONFLICT on `input.code`. */
export async function createBranch(options: {
  actor: Actor | null;
  input: unknown;
}): Promise<BranchDoc> {
  const actor = requireRole(options.actor, ['ADMIN']);
  const input = validate(createBranchInput, options.input);
  // The audit entry (named by the branch code, its id in the API) and the opening of its (empty,
  // complete) account directory are stored with the branch.
  return createWithConsequences<BranchDoc>(
    BranchModel,
    { ...input, timeZone: input.timeZone ?? DEFAULT_TIME_ZONE },
    (branch) => [
      auditChange({
        actor,
        action: 'createBranch',
        entityType: 'Branch',
        entityId: branch.code,
        branchCode: branch.code,
        before: null,
        after: { code: branch.code, name: branch.name, timeZone: branch.timeZone },
      }),
      directoryOpenedConsequence(branch.code),
    ],
  ).catch((error: unknown) => {
    throw fromDuplicateKey(error, 'input.code', 'a branch with this code exists');
  });
}
