/**
 * Turns by key within this process: `work` runs once every earlier holder of any of its keys has
 * finished (whatever its outcome), so writers in one process that would race each other on a
 * document take turns instead (each waits only for those it shares a key with). Holders are
 * ordered by arrival, so none waits for a later one: no cycle. Only the keys in use are held.
 */
export function createTurns() {
  const tails = new Map<string, Promise<void>>();
  return async function inTurn<T>(keys: readonly string[], work: () => Promise<T>): Promise<T> {
    const unique = [...new Set(keys)];
    const earlier = unique.flatMap((key) => tails.get(key) ?? []);
    let release!: () => void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    for (const key of unique) tails.set(key, mine);
    try {
      await Promise.all(earlier);
      return await work();
    } finally {
      release();
      for (const key of unique) if (tails.get(key) === mine) tails.delete(key);
    }
  };
}
