import DataLoader from 'dataloader';
import { BranchModel, type BranchDoc } from './branch.model';

/** Branches by code, one query per request tick. */
export function createBranchesByCode(): DataLoader<string, BranchDoc | null> {
  return new DataLoader(async (codes) => {
    const rows = await BranchModel.find({ code: { $in: [...codes] } }).lean<BranchDoc[]>();
    const byCode = new Map(rows.map((row) => [row.code, row]));
    return codes.map((code) => byCode.get(code) ?? null);
  });
}
