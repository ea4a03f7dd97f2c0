import DataLoader from 'dataloader';
import { findSlaPoliciesByIds, type SlaPolicyRow } from './sla-policy.service';

/** Policy versions by id, one query per tick (they are referenced by records already visible). */
export function createSlaPoliciesById(): DataLoader<string, SlaPolicyRow | null> {
  return new DataLoader(async (ids) => {
    const rows = await findSlaPoliciesByIds(ids);
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/** The policy versions a record was measured against, in the stored order (most specific first). */
export async function loadPolicyVersions(
  loader: DataLoader<string, SlaPolicyRow | null>,
  ids: readonly unknown[],
): Promise<SlaPolicyRow[]> {
  const rows = await loader.loadMany(ids.map(String));
  return rows.filter((row): row is SlaPolicyRow => row !== null && !(row instanceof Error));
}
