import { createWriteStream, statSync, type WriteStream } from 'node:fs';
import { ImportRefusedError, type BatchAnswer, type ImportApi } from './import-client';
import { MalformedFileError, readImportFile, type FileRecord } from './import-file';
import { estimateRows, type ImportProgress } from './import-progress';

/** The reconciled totals of a run: `read = inserted + updated + unchanged + rejected`. */
export type ImportSummary = {
  read: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  rejectsFile: string | null;
  interrupted?: boolean;
  error?: string;
};

/** Options of one run of `npm run import`. */
export type ImportRunOptions = {
  api: ImportApi;
  kind: string;
  file: string;
  format: 'csv' | 'ndjson';
  dryRun: boolean;
  sourceSystem?: string;
  rejectsFile?: string;
  batchSize?: number;
  concurrency?: number;
  /** Aborting stops reading; the batches in flight finish and are counted. */
  signal?: AbortSignal;
  progress?: ImportProgress;
  /** Told what the run is about to do (kind, source system, file). */
  notice?: (message: string) => void;
};

/** The file cannot be read at all (missing, a directory, no permission). */
export class UnreadableFileError extends Error {}

/** Checks the file before anything else, so a typo never looks like a network problem. */
function checkReadable(file: string): void {
  let stats;
  try {
    stats = statSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code;
    throw new UnreadableFileError(`cannot read ${file}: ${why}`);
  }
  if (!stats.isFile()) throw new UnreadableFileError(`cannot read ${file}: not a file`);
}

/**
 * Exit codes: 0 clean, 1 rows rejected, 2 the input is wrong (missing or malformed file, bad
 * option or URL, refused token, source system or kind), 3 the service failed (unreachable or
 * erring after retries), 130 stopped.
 */
export type ImportRun = { summary: ImportSummary; exitCode: number };

class RejectsWriter {
  private stream: WriteStream | null = null;
  constructor(readonly path: string) {}
  write(entry: {
    line: number;
    field: string | null;
    reason: string;
    row: Record<string, unknown>;
  }) {
    this.stream ??= createWriteStream(this.path, { flags: 'w' });
    this.stream.write(`${JSON.stringify(entry)}\n`);
  }
  async close(): Promise<string | null> {
    if (!this.stream) return null;
    const stream = this.stream;
    await new Promise<void>((resolve, reject) =>
      stream.end((error?: Error | null) => (error ? reject(error) : resolve())),
    );
    return this.path;
  }
}

/**
 * Streams a file into the service in batches with bounded concurrency, in constant memory, and
 * reconciles every row. Re-running a file (after a kill, or twice) converges to the same data.
 */
export async function runImport(options: ImportRunOptions): Promise<ImportRun> {
  const batchSize = options.batchSize ?? 500;
  const concurrency = options.concurrency ?? 4;
  const totals = { read: 0, inserted: 0, updated: 0, unchanged: 0, rejected: 0 };
  const rejects = new RejectsWriter(options.rejectsFile ?? `${options.file}.rejects.ndjson`);
  const inFlight = new Set<Promise<void>>();
  let failure: { error: unknown } | null = null;

  const account = (batch: FileRecord[], answer: BatchAnswer) => {
    totals.read += batch.length;
    totals.inserted += answer.inserted;
    totals.updated += answer.updated;
    totals.unchanged += answer.unchanged;
    totals.rejected += answer.rejected;
    for (const result of answer.results) {
      if (result.status !== 'REJECTED') continue;
      const record = batch[result.index]!;
      rejects.write({
        line: record.line,
        field: result.field,
        reason: result.reason ?? 'rejected',
        row: record.row,
      });
    }
    options.progress?.update(totals.read);
  };

  const send = (batch: FileRecord[], kind: string, sourceSystem: string) => {
    const work = options.api
      .importBatch({ kind, sourceSystem, rows: batch.map((r) => r.row), dryRun: options.dryRun })
      .then((answer) => account(batch, answer))
      .catch((error: unknown) => {
        failure ??= { error };
      })
      .finally(() => inFlight.delete(work));
    inFlight.add(work);
    return work;
  };

  try {
    checkReadable(options.file);
    const columns = await options.api.columnsOf(options.kind);
    const given = options.sourceSystem;
    const sourceSystem = given ?? (await options.api.defaultSourceSystem());
    if (!sourceSystem)
      throw new ImportRefusedError(
        'no source system: pass --source-system or use an INTEGRATION token',
      );
    options.notice?.(
      `importing ${options.kind} from ${options.file} as source system ${sourceSystem} (${given ? '--source-system' : "the token's"})${options.dryRun ? ', dry run' : ''}`,
    );
    const { records } = readImportFile(options.file, options.format, columns);
    options.progress?.start(await estimateRows(options.file, options.format));
    let batch: FileRecord[] = [];
    for await (const record of records) {
      batch.push(record);
      if (batch.length < batchSize) continue;
      send(batch, options.kind, sourceSystem);
      batch = [];
      while (inFlight.size >= concurrency) await Promise.race(inFlight);
      if (failure || options.signal?.aborted) break;
    }
    if (batch.length > 0 && !failure && !options.signal?.aborted)
      send(batch, options.kind, sourceSystem);
    await Promise.all(inFlight);
    if (failure) throw (failure as { error: unknown }).error;
  } catch (error) {
    await Promise.all(inFlight);
    options.progress?.stop(totals.read);
    return finish(totals, await rejects.close(), error);
  }
  options.progress?.stop(totals.read);
  const summary: ImportSummary = { ...totals, rejectsFile: await rejects.close() };
  if (options.signal?.aborted) return { summary: { ...summary, interrupted: true }, exitCode: 130 };
  return { summary, exitCode: totals.rejected > 0 ? 1 : 0 };
}

function finish(
  totals: Omit<ImportSummary, 'rejectsFile'>,
  rejectsFile: string | null,
  error: unknown,
): ImportRun {
  const message = error instanceof Error ? error.message : String(error);
  const refused =
    error instanceof MalformedFileError ||
    error instanceof ImportRefusedError ||
    error instanceof UnreadableFileError;
  // Otherwise the service failed us (ServiceUnreachableError, or an answer we cannot use).
  const exitCode = refused ? 2 : 3;
  return { summary: { ...totals, rejectsFile, error: message }, exitCode };
}
