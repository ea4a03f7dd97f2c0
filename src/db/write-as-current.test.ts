import { writeAsCurrent } from './write-as-current';

type Row = { _id: string; name: string };

// A store of records and a directory of entries written from reads of them.
function world(names: Record<string, string>) {
  const directory = new Map<string, string>();
  const writes: string[][] = [];
  let reads = 0;
  const steps = {
    read: async (ids: string[]) => {
      reads += 1;
      return ids.map((id) => ({ _id: id, name: names[id]! }));
    },
    write: async (rows: Row[]) => {
      writes.push(rows.map((row) => row._id));
      for (const row of rows) directory.set(row._id, row.name);
    },
    stateOf: (row: Row) => row.name,
  };
  return { directory, writes, steps, reads: () => reads };
}

describe('writeAsCurrent', () => {
  it('writes once and reads once more when the read was current', async () => {
    const { directory, writes, steps, reads } = world({ a: 'A', b: 'B' });
    await writeAsCurrent(
      [
        { _id: 'a', name: 'A' },
        { _id: 'b', name: 'B' },
      ],
      steps,
    );
    expect(Object.fromEntries(directory)).toEqual({ a: 'A', b: 'B' });
    expect(writes).toEqual([['a', 'b']]);
    expect(reads()).toBe(1);
  });

  it('writes again, only the records whose read was older, as they are now', async () => {
    // `a` was renamed A -> A2 after the caller read it; `b` was not.
    const { directory, writes, steps, reads } = world({ a: 'A2', b: 'B' });
    await writeAsCurrent(
      [
        { _id: 'a', name: 'A' },
        { _id: 'b', name: 'B' },
      ],
      steps,
    );
    expect(Object.fromEntries(directory)).toEqual({ a: 'A2', b: 'B' });
    expect(writes).toEqual([['a', 'b'], ['a']]);
    expect(reads()).toBe(2);
  });

  it('gives up after its rounds when a record changes on every read', async () => {
    const names: Record<string, string> = { a: 'A0' };
    const { steps } = world(names);
    let renames = 0;
    const read = async (ids: string[]) => {
      renames += 1;
      names.a = `A${renames}`;
      return steps.read(ids);
    };
    await expect(writeAsCurrent([{ _id: 'a', name: 'A0' }], { ...steps, read }, 3)).rejects.toThrow(
      'records kept changing',
    );
    expect(renames).toBe(3);
  });
});
