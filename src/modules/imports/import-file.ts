import { createReadStream } from 'node:fs';
import { Transform, type TransformCallback } from 'node:stream';
import readline from 'node:readline';
import { parse } from 'csv-parse';
import type { ImportColumn } from './import-kind';

/** A file that cannot be read as a whole: bad encoding, wrong columns, broken or truncated line. */
export class MalformedFileError extends Error {
  constructor(
    readonly line: number,
    detail: string,
  ) {
    super(`line ${line}: ${detail}`);
    this.name = 'MalformedFileError';
  }
}

/** One row of the file with the line it ends on. */
export type FileRecord = { line: number; row: Record<string, unknown> };

/** Decodes UTF-8 strictly (a bad byte is an error naming its line) and counts bytes read. */
class StrictUtf8 extends Transform {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private line = 1;
  bytesRead = 0;

  constructor() {
    super({ decodeStrings: true, readableObjectMode: false, encoding: 'utf8' });
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.bytesRead += chunk.length;
    try {
      const text = this.decoder.decode(chunk, { stream: true });
      this.line += text.split('\n').length - 1;
      done(null, text);
    } catch {
      const valid = chunk.subarray(0, firstInvalidByte(chunk)).toString('utf8');
      done(new MalformedFileError(this.line + valid.split('\n').length - 1, 'not valid UTF-8'));
    }
  }

  override _flush(done: TransformCallback): void {
    try {
      done(null, this.decoder.decode());
    } catch {
      done(new MalformedFileError(this.line, 'not valid UTF-8 (the file ends inside a character)'));
    }
  }
}

function firstInvalidByte(chunk: Buffer): number {
  for (let end = chunk.length; end > 0; end -= 1) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(chunk.subarray(0, end));
      return end;
    } catch {
      // keep shrinking
    }
  }
  return 0;
}

function checkHeader(header: string[], columns: readonly ImportColumn[]): string[] {
  const known = new Set(columns.map((c) => c.name));
  const unknown = header.filter((name) => !known.has(name));
  if (unknown.length > 0)
    throw new MalformedFileError(
      1,
      `unknown column(s) ${unknown.join(', ')}; expected ${[...known].join(', ')}`,
    );
  const missing = columns.filter((c) => c.required && !header.includes(c.name)).map((c) => c.name);
  if (missing.length > 0)
    throw new MalformedFileError(1, `missing required column(s) ${missing.join(', ')}`);
  return header;
}

async function* csvRecords(
  source: StrictUtf8,
  columns: readonly ImportColumn[],
): AsyncGenerator<FileRecord> {
  const parser = source.pipe(
    parse({
      columns: (header: string[]) => checkHeader(header, columns),
      bom: true,
      info: true,
      skip_empty_lines: true,
      trim: true,
    }),
  );
  source.on('error', (error) => parser.destroy(error));
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: Record<string, unknown>;
      info: { lines: number };
    }>) {
      yield { line: info.lines, row: record };
    }
  } catch (error) {
    if (error instanceof MalformedFileError) throw error;
    const { lines, message } = error as { lines?: number; message: string };
    throw new MalformedFileError(
      lines ?? 0,
      message.replace(/^Invalid Record Length: /, 'wrong number of fields: '),
    );
  }
}

async function* ndjsonRecords(source: StrictUtf8): AsyncGenerator<FileRecord> {
  let line = 0;
  for await (const text of readline.createInterface({ input: source, crlfDelay: Infinity })) {
    line += 1;
    if (text.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw new MalformedFileError(line, 'not a JSON object (broken or truncated line)');
    }
    if (!value || typeof value !== 'object' || Array.isArray(value))
      throw new MalformedFileError(line, 'not a JSON object');
    yield { line, row: value as Record<string, unknown> };
  }
}

/** Streams the rows of a CSV (header line first) or NDJSON file in constant memory. */
export function readImportFile(
  path: string,
  format: 'csv' | 'ndjson',
  columns: readonly ImportColumn[],
) {
  const source = new StrictUtf8();
  createReadStream(path)
    .on('error', (error) => source.destroy(error))
    .pipe(source);
  return {
    records: format === 'csv' ? csvRecords(source, columns) : ndjsonRecords(source),
    bytesRead: () => source.bytesRead,
  };
}
