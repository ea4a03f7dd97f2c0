import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { estimateRows, timeLeft } from './import-progress';

describe('import progress', () => {
  it('estimates the rows of a file from its lines, without the CSV header', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'journey-progress-'));
    const file = (name: string, text: string) => {
      writeFileSync(path.join(dir, name), text);
      return path.join(dir, name);
    };
    expect(await estimateRows(file('a.csv', 'h\n1\n2\n3\n'), 'csv')).toBe(3);
    expect(await estimateRows(file('b.csv', 'h\n1\n2'), 'csv')).toBe(2); // no final newline
    expect(await estimateRows(file('c.ndjson', '{}\n{}\n'), 'ndjson')).toBe(2);
    expect(await estimateRows(file('d.csv', ''), 'csv')).toBe(0);
  });

  it('gives the time left at the rate so far', () => {
    // 400 of 1 500 rows in 8 s: 50 rows/s, 1 100 rows left → 22 s.
    expect(timeLeft(400, 1500, 8000)).toBe('22 s');
    // 100 of 10 000 in 10 s: 10 rows/s, 9 900 left → 990 s = 16 min 30 s.
    expect(timeLeft(100, 10_000, 10_000)).toBe('16 min 30 s');
    expect(timeLeft(0, 1500, 8000)).toBe('unknown');
  });
});
