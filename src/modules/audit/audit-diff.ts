/** One changed field of an audited entity. */
export type FieldChange = { field: string; before: unknown; after: unknown };

// Bookkeeping, not content: timestamps, versions and the consequences waiting in a record.
const IGNORED = new Set([
  '_id',
  '__v',
  'createdAt',
  'updatedAt',
  'revision',
  'pendingConsequences',
]);

function comparable(value: unknown): string {
  return JSON.stringify(value ?? null);
}

/** Top-level fields whose value differs between two versions of an entity (before = {} on create). */
export function diffFields(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): FieldChange[] {
  const fields = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  return [...fields]
    .filter((field) => !IGNORED.has(field))
    .filter((field) => comparable(before?.[field]) !== comparable(after?.[field]))
    .sort()
    .map((field) => ({ field, before: before?.[field] ?? null, after: after?.[field] ?? null }));
}
