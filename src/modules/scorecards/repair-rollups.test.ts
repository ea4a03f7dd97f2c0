import { percentile } from '../../shared/statistics';
import { contributionsOf } from '../rollups/rollup-families';
import { monthNeeds } from '../rollups/rollup-tally';
import { nthValue, rangeOf, repairPlace, repairReads, ticketsOf } from './repair-rollups';

describe('repair minutes counted per range', () => {
  it('counts a ticket in its range, at its exact value, and in the exact sums', () => {
    // 90.5 minutes = 5 430 000 ms = 82·2^16 (5 373 952) + 56 048: limbs 56 048² = 3 141 378 304,
    // 2·56 048·82 = 9 191 872, 82² = 6 724; range 1 (60–119 minutes).
    const contributions = contributionsOf('FaultTicket', {
      _id: 't1',
      branchCode: 'BA',
      measuredAt: new Date('2026-02-10T04:00:00Z'),
      severity: 'MAJOR',
      repairDurationMinutes: 90.5,
      withinSla: true,
      repeatOfTicketId: null,
      acknowledgementMinutes: null,
    });
    const inBucket = (bucket: string) => contributions.find((c) => c.bucket === bucket);
    expect(inBucket('tickets|BA|2026-02')).toEqual({
      bucket: 'tickets|BA|2026-02',
      value: {
        k: ['c.MAJOR.1', 'n.MAJOR', 'w.MAJOR'],
        w: {
          'q.MAJOR.0': 3_141_378_304,
          'q.MAJOR.1': 9_191_872,
          'q.MAJOR.2': 6_724,
          's.MAJOR': 5_430_000,
        },
      },
    });
    // Its exact value apart, in range 1 (`.` written `_` in a path), in its month and quarter.
    expect(inBucket('repairMinutes|BA|2026-02')).toEqual({
      bucket: 'repairMinutes|BA|2026-02',
      value: { k: ['d.MAJOR.1.90_5'] },
    });
    expect(inBucket('repairMinutes|BA|2026-Q1')).toEqual({
      bucket: 'repairMinutes|BA|2026-Q1',
      value: { k: ['d.MAJOR.1.90_5'] },
    });
    expect([rangeOf(0), rangeOf(59.99), rangeOf(60), rangeOf(2_304)]).toEqual([0, 0, 1, 38]);
  });

  it('finds the range holding the p90 rank and the rank within it', () => {
    // 20 tickets: rank ⌈90·20/100⌉ = 18; ranges 0: 10, 1: 7 (11th–17th), 3: 3 (18th–20th)
    expect(
      repairPlace(
        new Map([
          [3, 3],
          [0, 10],
          [1, 7],
        ]),
      ),
    ).toEqual({ range: 3, rank: 1 });
    // 10 tickets: rank 9; range 0 holds 9 of them, the 9th is its last
    expect(
      repairPlace(
        new Map([
          [0, 9],
          [5, 1],
        ]),
      ),
    ).toEqual({ range: 0, rank: 9 });
    // one ticket: rank max(1, ⌈0.9⌉) = 1
    expect(repairPlace(new Map([[2, 1]]))).toEqual({ range: 2, rank: 1 });
    expect(repairPlace(new Map())).toBeNull();
  });

  it('gives the p90 of the values themselves (nearest rank)', () => {
    // Minutes 30, 45, 45, 70, 70, 70, 75.5, 130, 200, 201: n = 10, rank 9 → 200.
    const minutes = [30, 45, 45, 70, 70, 70, 75.5, 130, 200, 201];
    expect(percentile(minutes, 90)).toBe(200);
    const place = repairPlace(
      new Map([
        [0, 3],
        [1, 4],
        [2, 1],
        [3, 2],
      ]),
    );
    // ranks 1–3 in range 0, 4–7 in range 1, 8 in range 2: the 9th is the 1st of range 3
    expect(place).toEqual({ range: 3, rank: 1 });
    expect(
      nthValue(
        new Map([
          ['201', 1],
          ['200', 1],
        ]),
        place!.rank,
      ),
    ).toBe(200);
    expect(nthValue(new Map([['75_5', 1]]), 1)).toBe(75.5);
    expect(nthValue(new Map([['75_5', 1]]), 2)).toBeNull();
  });

  it("reads a p90's range where its counts are read, and the edge hours of every cut", () => {
    // Q2 in UTC+8 (31 Mar 16:00Z – 30 Jun 16:00Z): Q1's last 8 hours (slots 6–13 of its end
    // edge, from 31 Mar 10:00Z), and Q2's counts less its last 8 hours (from 30 Jun 10:00Z).
    const cuts = monthNeeds(new Date('2026-03-31T16:00Z'), new Date('2026-06-30T16:00Z'), true);
    const lastHours = ['e1.6', 'e1.7', 'e1.8', 'e1.9', 'e1.10', 'e1.11', 'e1.12', 'e1.13'];
    const wanted = { code: 'BA', severity: 'MAJOR', range: 3, months: ['2026-Q2'] };
    expect(repairReads([wanted], cuts)).toEqual(
      new Map([
        ['repairMinutes|BA|2026-Q2', new Set(['t.d.MAJOR.3', ...lastHours])],
        ['repairMinutes|BA|2026-Q1', new Set(lastHours)],
      ]),
    );
  });

  it('reads tiers from counts: tickets, ranges, exact sums from the limbs', () => {
    // Two MAJOR tickets of 120 and 180 minutes: 7 200 000 + 10 800 000 ms = 18 000 000;
    // squares 51 840 000 000 000 + 116 640 000 000 000 = 168 480 000 000 000, here as limbs of
    // 2^32, 2^16 and 1 (any limbs adding up to it give the same sum).
    const squares = 168_480_000_000_000n;
    const limb2 = Number(squares / 2n ** 32n);
    const limb1 = Number((squares % 2n ** 32n) / 2n ** 16n);
    const limb0 = Number(squares % 2n ** 16n);
    const { tallies, tiers } = ticketsOf(
      new Map([
        ['n.MAJOR', 2],
        ['w.MAJOR', 1],
        ['c.MAJOR.2', 1],
        ['c.MAJOR.3', 1],
        ['s.MAJOR', 18_000_000],
        ['q.MAJOR.0', limb0],
        ['q.MAJOR.1', limb1],
        ['q.MAJOR.2', limb2],
        // Two acknowledgements of 10 minutes: 2 · 600 000 ms; squares 2 · 3.6e11 = 7.2e11, here
        // as one limb of 2^16 and one of 1: 7.2e11 = 10 986 328 · 2^16 + 8 192.
        ['k.n', 2],
        ['k.s', 1_200_000],
        ['k.q.0', 8_192],
        ['k.q.1', 10_986_328],
      ]),
    );
    expect(tallies).toEqual({
      tiers: {
        MAJOR: {
          tickets: 2,
          withinSla: 1,
          repeats: 0,
          repair: { n: 2, sum: 18_000_000, squares, p90: null },
        },
      },
      acknowledgements: { n: 2, sum: 1_200_000, squares: 720_000_000_000n },
    });
    // rank ⌈1.8⌉ = 2: the one ticket of range 3
    expect(repairPlace(tiers.get('MAJOR')!.ranges)).toEqual({ range: 3, rank: 1 });
  });
});
