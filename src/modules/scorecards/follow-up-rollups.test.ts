import { contributionsOf } from '../rollups/rollup-families';
import type { RollupDoc } from '../rollups/rollup.model';
import { activationsOf, closuresOf, followedWithin } from './follow-up-rollups';

const at = (iso: string) => new Date(iso);
const HOUR = 3_600_000;
const ACCOUNT = '65a000000000000000000001';

const order = {
  _id: 'o1',
  branchCode: 'BA',
  accountId: ACCOUNT,
  status: 'ACTIVATED',
  activatedAt: at('2026-03-03T02:00:00Z'),
  measuredAt: at('2026-03-03T02:00:00Z'),
  latenessMinutes: 30,
};
const ticket = {
  _id: 't1',
  branchCode: 'BA',
  accountId: ACCOUNT,
  status: 'CLOSED',
  closedAt: at('2026-03-10T02:00:00Z'),
};
const buckets = (source: string, record: typeof order | typeof ticket, completions?: Date[]) =>
  Object.fromEntries(contributionsOf(source, record, completions).map((c) => [c.bucket, c.value]));

describe('follow-up compliance counted on write', () => {
  it('counts an activation as followed up with a completion within 7 × 24 h, both ends included', () => {
    // Activated 3 Mar 02:00 UTC: the window ends 3 Mar + 7 × 24 h = 10 Mar 02:00 UTC.
    // 30 minutes late: 1 800 000 ms, its square's limbs as in `reads compliance back` below.
    const w = { 'q.0': 931_958_784, 'q.1': 1_648_512, 'q.2': 729, s: 1_800_000 };
    const within = buckets('ActivationOrder', order, [at('2026-03-10T02:00:00Z')]);
    expect(within['activations|BA|2026-03']).toEqual({ k: ['n', 'p'], w });
    const late = buckets('ActivationOrder', order, [at('2026-03-10T02:00:01Z')]);
    expect(late['activations|BA|2026-03']).toEqual({ k: ['n'], w });
    // Without a context (a change of the record itself is looked for): not followed up.
    expect(buckets('ActivationOrder', order)['activations|BA|2026-03']).toEqual({ k: ['n'], w });
    // On time: counted `o`, nothing summed.
    const onTime = buckets('ActivationOrder', { ...order, latenessMinutes: 0 });
    expect(onTime['activations|BA|2026-03']).toEqual({ k: ['n', 'o'] });
    // Its instant in the account's list, for the completions that may decide it.
    expect(within[`followed|BA|${ACCOUNT}`]).toEqual({ k: 'a', t: order.activatedAt });
  });

  it('counts a closure as followed up with a completion within 3 × 24 h after it', () => {
    // Closed 10 Mar 02:00 UTC: the window is 10 Mar 02:00 – 13 Mar 02:00 UTC.
    const ok = buckets('FaultTicket', ticket, [
      at('2026-03-09T00:00:00Z'),
      at('2026-03-13T02:00:00Z'),
    ]);
    expect(ok['closures|BA|2026-03']).toEqual({ k: ['c', 'n'] });
    const before = buckets('FaultTicket', ticket, [at('2026-03-10T01:59:59Z')]);
    expect(before['closures|BA|2026-03']).toEqual({ k: ['n'] });
  });

  it('files a completion under its account as an instant', () => {
    const visit = {
      _id: 'f1',
      branchCode: 'BA',
      accountId: ACCOUNT,
      status: 'COMPLETED',
      completedAt: at('2026-03-31T20:00:00Z'),
    };
    const counted = Object.fromEntries(
      contributionsOf('FollowUp', visit).map((c) => [c.bucket, c.value]),
    );
    // Coverage is the account's (see `coverage-rollups`): the follow-up keeps only its instant.
    expect(counted).toEqual({ [`visits|BA|${ACCOUNT}`]: visit.completedAt });
    expect(contributionsOf('FollowUp', { ...visit, status: 'MISSED' })).toEqual([]);
  });

  it('reads compliance back from counts', () => {
    // Lateness 0 ×3 and 30 ×1: four activations (3 on time), two of them followed up. 30 min =
    // 1 800 000 ms = 27 · 2^16 + 30 528: its square's limbs d₀² = 931 958 784, 2d₀d₁ = 1 648 512,
    // d₁² = 729, and 931 958 784 + 1 648 512 · 2^16 + 729 · 2^32 = 3.24e12 = 1 800 000².
    const counts = new Map([
      ['n', 4],
      ['o', 3],
      ['s', 1_800_000],
      ['q.0', 931_958_784],
      ['q.1', 1_648_512],
      ['q.2', 729],
      ['p', 2],
    ]);
    expect(activationsOf(counts)).toEqual({
      lateness: { n: 4, sum: 1_800_000, squares: 3_240_000_000_000n, onTime: 3 },
      postActivation: { compliant: 2, total: 3 + 1 },
    });
    expect(closuresOf(new Map([['n', 5]]))).toEqual({ compliant: 0, total: 5 });
  });

  it('finds the activations and closures whose window holds a completion instant', () => {
    const doc: RollupDoc = {
      _id: `followed|BA|${ACCOUNT}`,
      items: {
        o1: { k: 'a', t: at('2026-03-01T02:00:00Z') },
        o2: { k: 'a', t: at('2026-02-01T02:00:00Z') },
        t1: { k: 'r', t: at('2026-03-06T02:00:00Z') },
      },
    };
    // 7 Mar 02:00: 6 × 24 h after o1 (within 7 days), 24 h after t1 (within 3), 34 days after o2.
    expect(followedWithin(doc, [at('2026-03-07T02:00:00Z')])).toEqual({
      orders: ['o1'],
      tickets: ['t1'],
    });
    // 9 Mar 02:00 + 1 h: past o1's 7 days and t1's 3 days.
    expect(followedWithin(doc, [new Date(at('2026-03-09T02:00:00Z').getTime() + HOUR)])).toEqual({
      orders: [],
      tickets: [],
    });
    expect(followedWithin(undefined, [at('2026-03-07T02:00:00Z')])).toEqual({
      orders: [],
      tickets: [],
    });
  });
});
