import fc from 'fast-check';
import {
  DEFAULT_TIME_ZONE,
  isClosedPeriod,
  parsePeriod,
  periodContaining,
  PeriodFormatError,
  previousPeriod,
  quartersOf,
} from './period';

const iso = (date: Date): string => date.toISOString();
const HOUR = 3_600_000;

describe('parsePeriod', () => {
  it('uses Asia/Shanghai (UTC+8, no DST) by default', () => {
    // 2026-01-01 00:00 +08:00 = 2025-12-31 16:00 UTC; 2026-04-01 00:00 +08:00 = 2026-03-31 16:00 UTC.
    const q1 = parsePeriod('2026-Q1');
    expect(q1).toEqual({
      label: '2026-Q1',
      kind: 'QUARTER',
      start: new Date('2025-12-31T16:00:00.000Z'),
      end: new Date('2026-03-31T16:00:00.000Z'),
      timeZone: DEFAULT_TIME_ZONE,
    });
  });

  it('parses years and months in Asia/Shanghai', () => {
    const year = parsePeriod('2026', 'Asia/Shanghai');
    expect([year.kind, iso(year.start), iso(year.end)]).toEqual([
      'YEAR',
      '2025-12-31T16:00:00.000Z',
      '2026-12-31T16:00:00.000Z',
    ]);
    // February 2026 has 28 days: 2026-02-01 00:00 +08:00 → 2026-03-01 00:00 +08:00.
    const february = parsePeriod('2026-02', 'Asia/Shanghai');
    expect([february.kind, iso(february.start), iso(february.end)]).toEqual([
      'MONTH',
      '2026-01-31T16:00:00.000Z',
      '2026-02-28T16:00:00.000Z',
    ]);
  });

  it('follows daylight saving time in Europe/Berlin', () => {
    // 2026-03-01 00:00 CET (+01:00) = 2026-02-28 23:00 UTC; clocks go forward on 29 March, so
    // 2026-04-01 00:00 CEST (+02:00) = 2026-03-31 22:00 UTC. 31 days × 24 h − 1 h = 743 h.
    const march = parsePeriod('2026-03', 'Europe/Berlin');
    expect(iso(march.start)).toBe('2026-02-28T23:00:00.000Z');
    expect(iso(march.end)).toBe('2026-03-31T22:00:00.000Z');
    expect((march.end.getTime() - march.start.getTime()) / HOUR).toBe(743);
  });

  it('follows daylight saving time in America/New_York', () => {
    // Q1: 2026-01-01 00:00 EST (−05:00) = 05:00 UTC → 2026-04-01 00:00 EDT (−04:00) = 04:00 UTC.
    const q1 = parsePeriod('2026-Q1', 'America/New_York');
    expect(iso(q1.start)).toBe('2026-01-01T05:00:00.000Z');
    expect(iso(q1.end)).toBe('2026-04-01T04:00:00.000Z');
    // November: clocks go back on 1 November, so 30 × 24 h + 1 h = 721 h.
    const november = parsePeriod('2026-11', 'America/New_York');
    expect(iso(november.start)).toBe('2026-11-01T04:00:00.000Z');
    expect(iso(november.end)).toBe('2026-12-01T05:00:00.000Z');
    expect((november.end.getTime() - november.start.getTime()) / HOUR).toBe(721);
  });

  it.each([
    ['2026-Q5', 'quarter must be 1–4'],
    ['2026-Q0', 'quarter must be 1–4'],
    ['2026-13', 'month must be 01–12'],
    ['2026-00', 'month must be 01–12'],
    ['26', 'expected YYYY'],
    ['2026-1', 'expected YYYY'],
    ['2026-q1', 'expected YYYY'],
    [' 2026', 'expected YYYY'],
    ['2026-Q1 ', 'expected YYYY'],
    ['', 'expected YYYY'],
  ])('rejects %j with a clear message', (text, reason) => {
    expect(() => parsePeriod(text)).toThrow(PeriodFormatError);
    expect(() => parsePeriod(text)).toThrow(`Invalid period "${text}": ${reason}`);
  });

  it('rejects an unknown time zone as a RangeError, not a format error', () => {
    expect(() => parsePeriod('2026', 'Mars/Olympus')).toThrow(RangeError);
    expect(() => parsePeriod('2026', 'Mars/Olympus')).not.toThrow(PeriodFormatError);
  });
});

describe('periodContaining', () => {
  it('places instants around the Shanghai new year in the right quarter and month', () => {
    // 2025-12-31T15:59:59.999Z is 23:59:59.999 on 31 December in Shanghai; one ms later is 2026.
    const before = new Date('2025-12-31T15:59:59.999Z');
    const after = new Date('2025-12-31T16:00:00.000Z');
    expect(periodContaining(before, 'QUARTER').label).toBe('2025-Q4');
    expect(periodContaining(after, 'QUARTER').label).toBe('2026-Q1');
    expect(periodContaining(before, 'MONTH').label).toBe('2025-12');
    expect(periodContaining(after, 'YEAR').label).toBe('2026');
  });

  it('uses the given zone: the same instant is still 2025 in New York', () => {
    const instant = new Date('2026-01-01T03:00:00.000Z'); // 2025-12-31 22:00 in New York
    expect(periodContaining(instant, 'YEAR', 'America/New_York').label).toBe('2025');
    expect(periodContaining(instant, 'YEAR', 'Asia/Shanghai').label).toBe('2026');
  });

  it('returns a period that contains the instant (property)', () => {
    const zones = fc.constantFrom('Asia/Shanghai', 'Europe/Berlin', 'America/New_York');
    const kinds = fc.constantFrom('YEAR' as const, 'QUARTER' as const, 'MONTH' as const);
    const dates = fc.date({
      min: new Date('2000-01-01T00:00:00Z'),
      max: new Date('2040-01-01T00:00:00Z'),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(dates, kinds, zones, (date, kind, zone) => {
        const period = periodContaining(date, kind, zone);
        expect(period.start.getTime()).toBeLessThanOrEqual(date.getTime());
        expect(date.getTime()).toBeLessThan(period.end.getTime());
        expect(parsePeriod(period.label, zone)).toEqual(period);
      }),
    );
  });
});

describe('previousPeriod', () => {
  it.each([
    ['2026-Q1', '2025-Q4'],
    ['2026-Q3', '2026-Q2'],
    ['2026-01', '2025-12'],
    ['2026-03', '2026-02'],
    ['2026', '2025'],
  ])('%s → %s', (label, expected) => {
    expect(previousPeriod(parsePeriod(label)).label).toBe(expected);
  });

  it('keeps the kind and the zone, and ends where the period starts (property)', () => {
    const labels = fc.oneof(
      fc.integer({ min: 2001, max: 2039 }).map(String),
      fc
        .tuple(fc.integer({ min: 2001, max: 2039 }), fc.integer({ min: 1, max: 4 }))
        .map(([y, q]) => `${y}-Q${q}`),
      fc
        .tuple(fc.integer({ min: 2001, max: 2039 }), fc.integer({ min: 1, max: 12 }))
        .map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`),
    );
    fc.assert(
      fc.property(labels, (label) => {
        const period = parsePeriod(label, 'Europe/Berlin');
        const previous = previousPeriod(period);
        expect(previous.kind).toBe(period.kind);
        expect(previous.timeZone).toBe('Europe/Berlin');
        expect(previous.end).toEqual(period.start);
      }),
    );
  });
});

describe('quartersOf', () => {
  it('splits a year into its four quarters', () => {
    const quarters = quartersOf(parsePeriod('2026'));
    expect(quarters.map((q) => q.label)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    // Q2 of 2026 in Shanghai: 2026-04-01 00:00 +08:00 = 2026-03-31 16:00 UTC.
    expect(iso(quarters[1]?.start ?? new Date(0))).toBe('2026-03-31T16:00:00.000Z');
  });

  it('returns a quarter as itself and a month as its quarter', () => {
    expect(quartersOf(parsePeriod('2026-Q3'))).toEqual([parsePeriod('2026-Q3')]);
    expect(quartersOf(parsePeriod('2026-05'))).toEqual([parsePeriod('2026-Q2')]);
    expect(quartersOf(parsePeriod('2026-12', 'America/New_York'))).toEqual([
      parsePeriod('2026-Q4', 'America/New_York'),
    ]);
  });
});

describe('isClosedPeriod', () => {
  const q1 = parsePeriod('2026-Q1');

  it('is closed from its end onwards', () => {
    expect(isClosedPeriod(q1, new Date('2026-03-31T16:00:00.000Z'))).toBe(true);
    expect(isClosedPeriod(q1, new Date('2026-06-01T00:00:00.000Z'))).toBe(true);
  });

  it('is open one millisecond before its end', () => {
    expect(isClosedPeriod(q1, new Date('2026-03-31T15:59:59.999Z'))).toBe(false);
  });
});
