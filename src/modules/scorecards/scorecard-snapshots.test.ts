import { periodsChangedBy } from './scorecard-snapshots';

const labels = (times: string[], zone: string, closedBy = '2100-01-01T00:00:00Z') =>
  periodsChangedBy(
    times.map((at) => new Date(at)),
    zone,
    new Date(closedBy),
  ).map((p) => p.label);

describe('periodsChangedBy (the snapshots a measured write marks stale)', () => {
  it('from the instant quarter’s first month to a year after the instant, every kind', () => {
    // 10 Feb 2026 in Shanghai: its quarter starts 1 Jan 2026; a year after it (366 days) is
    // 11 Feb 2027, so the months 2026-01 … 2027-02 (14), the quarters 2026-Q1 … 2027-Q1 (5) and
    // the years 2026, 2027 (2): 21 periods.
    const months = [
      ...Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`),
      '2027-01',
      '2027-02',
    ];
    expect(labels(['2026-02-10T10:00:00+08:00'], 'Asia/Shanghai')).toEqual([
      ...months,
      ...['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4', '2027-Q1'],
      ...['2026', '2027'],
    ]);
  });

  it('cuts periods in the branch’s time zone, from the earliest instant to the latest', () => {
    // 31 Dec 2025 20:00 UTC is 1 Jan 2026 04:00 in Shanghai (2026-Q1) but 2025-Q4 in UTC; the
    // latest instant, 1 Mar 2026, reaches 2 Mar 2027 a year later: months up to 2027-03.
    const times = ['2025-12-31T20:00:00Z', '2026-03-01T00:00:00Z'];
    const shanghai = labels(times, 'Asia/Shanghai');
    expect(shanghai.filter((l) => l.length === 7 && !l.includes('Q'))).toHaveLength(15);
    expect(shanghai.slice(0, 1)).toEqual(['2026-01']);
    expect(shanghai).toContain('2027-03');
    expect(shanghai.filter((l) => l.includes('Q'))).toEqual([
      '2026-Q1',
      '2026-Q2',
      '2026-Q3',
      '2026-Q4',
      '2027-Q1',
    ]);
    const utc = labels(times, 'UTC');
    // UTC: from 2025-10 (the quarter of 31 Dec 2025) to 2027-03: 18 months, 6 quarters, 3 years.
    expect(utc.slice(0, 1)).toEqual(['2025-10']);
    expect(utc.filter((l) => l.length === 7 && !l.includes('Q'))).toHaveLength(18);
    expect(utc.filter((l) => l.includes('Q'))).toHaveLength(6);
    expect(utc.filter((l) => l.length === 4)).toEqual(['2025', '2026', '2027']);
  });

  it('only the periods closed by the given instant (open ones have no snapshot)', () => {
    // Closed by 1 Jul 2026 00:00 in Shanghai: of the first case's 21, the months 2026-01 …
    // 2026-06, the quarters 2026-Q1 and 2026-Q2; no year (2026 ends after).
    expect(
      labels(['2026-02-10T10:00:00+08:00'], 'Asia/Shanghai', '2026-07-01T00:00:00+08:00'),
    ).toEqual([
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-Q1',
      '2026-Q2',
    ]);
  });
});
