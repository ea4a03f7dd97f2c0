import { SingleBar, Presets } from 'cli-progress';

/** Shows how far an import has come. */
export type ImportProgress = {
  start(totalBytes: number, bytesRead: () => number): void;
  update(rows: number): void;
  stop(): void;
};

/** A progress bar on a terminal; plain progress lines (every few seconds) otherwise. */
export function createProgress(stream: NodeJS.WriteStream, intervalMs = 5000): ImportProgress {
  let total = 0;
  let read: () => number = () => 0;
  if (stream.isTTY) {
    const bar = new SingleBar(
      {
        stream,
        format: 'importing [{bar}] {percentage}% | {rows} rows | {eta_formatted} left',
        hideCursor: true,
      },
      Presets.shades_classic,
    );
    return {
      start: (totalBytes, bytesRead) => {
        total = totalBytes;
        read = bytesRead;
        bar.start(Math.max(total, 1), 0, { rows: 0 });
      },
      update: (rows) => bar.update(Math.min(read(), total), { rows }),
      stop: () => bar.stop(),
    };
  }
  let last = 0;
  return {
    start: (totalBytes, bytesRead) => {
      total = totalBytes;
      read = bytesRead;
    },
    update: (rows) => {
      if (Date.now() - last < intervalMs) return;
      last = Date.now();
      const percent = total > 0 ? Math.round((100 * read()) / total) : 100;
      stream.write(`progress: ${rows} rows, ${percent}% of the file\n`);
    },
    stop: () => undefined,
  };
}
