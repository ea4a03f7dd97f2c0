import DataLoader from 'dataloader';
import { BranchModel, type BranchDoc } from './branch.model';

/** Branches by code, one query per request tick. */
export function createBranchesByCode(): DataLoader<string, BranchDoc | null> {
  return new DataLoader(async (codes) => {
    // Stand-in: mongo-java-server answers unique-key equality from its index but scans for `$in`;
    // a page of one branch's accounts (the common case) asks for one code. MongoDB indexes both.
    const filter = codes.length === 1 ? { code: codes[0] } : { code: { $in: [...codes] } };
    const rows = await BranchModel.find(filter).lean<BranchDoc[]>();
    const byCode = new Map(rows.map((row) => [row.code, row]));
    return codes.map((code) => byCode.get(code) ?? null);
  });
}
