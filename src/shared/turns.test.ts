import { createTurns } from './turns';

describe('createTurns', () => {
  // Each work notes when it starts and ends, and ends a tick later (others may start meanwhile).
  const log: string[] = [];
  const work =
    (name: string, fail = false) =>
    async () => {
      log.push(`${name}+`);
      await new Promise((resolve) => setImmediate(resolve));
      log.push(`${name}-`);
      if (fail) throw new Error(name);
      return name;
    };
  beforeEach(() => log.splice(0));

  it('runs works that share a key one after the other, in arrival order, failed or not', async () => {
    const inTurn = createTurns();
    const results = await Promise.allSettled([
      inTurn(['a', 'b'], work('first', true)),
      inTurn(['b'], work('second')),
      inTurn(['c', 'a'], work('third')),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled', 'fulfilled']);
    expect(log).toEqual(['first+', 'first-', 'second+', 'third+', 'second-', 'third-']);
  });

  it('runs works with no key in common at once', async () => {
    const inTurn = createTurns();
    await Promise.all([inTurn(['a'], work('first')), inTurn(['b', 'b'], work('second'))]);
    expect(log).toEqual(['first+', 'second+', 'first-', 'second-']);
  });
});
