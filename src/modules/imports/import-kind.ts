import type { Actor } from '../auth/actor';

/** The names of the importable kinds, as used by `--kind` and `importRecords(kind:)`. */
export type ImportKindName =
  | 'accounts'
  | 'activation-orders'
  | 'fault-tickets'
  | 'complaints'
  | 'follow-ups'
  | 'survey-responses';

/** Who imports, for which source system; a dry run validates and decides but writes nothing. */
export type ImportContext = { actor: Actor; sourceSystem: string; dryRun: boolean };

/** What happened to one row. */
export type ImportOutcome =
  | { status: 'INSERTED' | 'UPDATED' | 'UNCHANGED'; id: string }
  | { status: 'REJECTED'; reason: string; field: string | null };

/** One documented column of an import file. */
export type ImportColumn = { name: string; required: boolean; description: string };

/**
 * One importable kind: its documented columns and a batch upsert by natural key
 * (`sourceSystem` + `externalId`) that returns one outcome per row, in order.
 */
export type ImportKindHandler = {
  kind: ImportKindName;
  columns: readonly ImportColumn[];
  importBatch(context: ImportContext, rows: Record<string, unknown>[]): Promise<ImportOutcome[]>;
};

const handlers = new Map<ImportKindName, ImportKindHandler>();

/** Makes a kind importable; called once by the module that owns the records. */
export function registerImportKind(handler: ImportKindHandler): void {
  handlers.set(handler.kind, handler);
}

/** The handler of a kind, or undefined. */
export function importKind(kind: string): ImportKindHandler | undefined {
  return handlers.get(kind as ImportKindName);
}

/** Every registered kind, in registration order. */
export function importKinds(): ImportKindHandler[] {
  return [...handlers.values()];
}
