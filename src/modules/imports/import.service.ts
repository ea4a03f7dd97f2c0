import { AppError, badInput } from '../../shared/errors';
import { codeInput } from '../../shared/inputs';
import { requireRole, type Actor } from '../auth/actor';
import { importKind, type ImportOutcome } from './import-kind';
import { step } from '../../shared/steps';

/** Most rows one `importRecords` call takes: bounds the work and memory of one request. */
export const MAX_IMPORT_BATCH = 1000;

/** Outcomes of one batch with their counts; `read` always equals the sum of the four. */
export type ImportBatchOutcome = {
  read: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  results: (ImportOutcome & { index: number })[];
};

/**
 * Validates and upserts a batch of rows of one kind by natural key. Integration tokens import only
 * for their own source system; rows outside the token's branch scope are rejected, not written.
 */
export async function importRecords(options: {
  actor: Actor | null;
  kind: string;
  sourceSystem: string;
  rows: Record<string, unknown>[];
  dryRun: boolean;
}): Promise<ImportBatchOutcome> {
  const actor = requireRole(options.actor, ['INTEGRATION', 'ADMIN']);
  if (!codeInput.safeParse(options.sourceSystem).success)
    throw badInput('sourceSystem', 'not a source system code');
  if (actor.role === 'INTEGRATION' && actor.sourceSystem !== options.sourceSystem) {
    throw new AppError(
      'FORBIDDEN',
      `This token imports for source system ${actor.sourceSystem} only`,
      'sourceSystem',
    );
  }
  const handler = importKind(options.kind);
  if (!handler) throw badInput('kind', `unknown kind ${options.kind}`);
  if (options.rows.length > MAX_IMPORT_BATCH)
    throw badInput('rows', `at most ${MAX_IMPORT_BATCH} rows per call`);
  const outcomes = await step('batch', () =>
    handler.importBatch(
      { actor, sourceSystem: options.sourceSystem, dryRun: options.dryRun },
      options.rows,
    ),
  );
  const count = (status: ImportOutcome['status']) =>
    outcomes.filter((o) => o.status === status).length;
  return {
    read: outcomes.length,
    inserted: count('INSERTED'),
    updated: count('UPDATED'),
    unchanged: count('UNCHANGED'),
    rejected: count('REJECTED'),
    results: outcomes.map((outcome, index) => ({ ...outcome, index })),
  };
}
