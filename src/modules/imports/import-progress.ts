import { createReadStream } from 'node:fs';
import { SingleBar, Presets } from 'cli-progress';

/** Shows how far an import has come, in rows written (acknowledged by the service). */
export type ImportProgress = {
  /** `expectedRows`: an estimate from the file's line count (a quoted CSV cell may span lines). */
  start(expectedRows: number): void;
  update(rowsWritten: number): void;
  stop(rowsWritten: number): void;
};

/** About how many rows a file holds: its lines, less the CSV header (counted as a stream). */
export async function estimateRows(file: string, format: 'csv' | 'ndjson'): Promise<number> {
  let lines = 0;
  let last = 0x0a;
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    for (const byte of chunk) if (byte === 0x0a) lines += 1;
    last = chunk[chunk.length - 1] ?? last;
  }
  if (last !== 0x0a) lines += 1; // a last line without a newline
  return Math.max(0, format === 'csv' ? lines - 1 : lines);
}

/** "1 min 5 s", "12 s": time left at the rate so far; unknown until a batch has come back. */
export function timeLeft(written: number, expected: number, elapsedMs: number): string {
  if (written <= 0 || elapsedMs <= 0) return 'unknown';
  const seconds = Math.max(0, Math.round(((expected - written) * elapsedMs) / written / 1000));
  return seconds >= 60 ? `${Math.floor(seconds / 60)} min ${seconds % 60} s` : `${seconds} s`;
}

/** A progress bar on a terminal; plain progress lines (every few seconds) otherwise. */
export function createProgress(stream: NodeJS.WriteStream, intervalMs = 5000): ImportProgress {
  let expected = 0;
  let started = Date.now();
  // The estimate may fall short (multi-line cells): never show more than 100 %.
  const total = (written: number) => Math.max(expected, written, 1);
  const eta = (written: number) => timeLeft(written, total(written), Date.now() - started);
  if (stream.isTTY) {
    const bar = new SingleBar(
      {
        stream,
        format: 'importing [{bar}] {percentage}% | {value}/{total} rows written | {left} left',
        hideCursor: true,
      },
      Presets.shades_classic,
    );
    return {
      start: (rows) => {
        expected = rows;
        started = Date.now();
        bar.start(total(0), 0, { left: 'unknown' });
      },
      update: (written) => {
        bar.setTotal(total(written));
        bar.update(written, { left: eta(written) });
      },
      stop: (written) => {
        bar.setTotal(Math.max(written, 1));
        bar.update(written, { left: '0 s' });
        bar.stop();
      },
    };
  }
  let last = 0;
  return {
    start: (rows) => {
      expected = rows;
      started = Date.now();
    },
    update: (written) => {
      if (Date.now() - last < intervalMs) return;
      last = Date.now();
      const percent = Math.round((100 * written) / total(written));
      stream.write(
        `progress: ${written} of about ${total(written)} rows written (${percent} %), ${eta(written)} left\n`,
      );
    },
    stop: () => undefined,
  };
}
