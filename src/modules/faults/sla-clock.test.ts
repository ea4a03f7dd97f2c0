import type { FaultStatusEvent } from './fault-lifecycle';
import { pauseIntervalsFromHistory } from './fault-lifecycle';
import {
  clockMinutes,
  mergeIntervals,
  outageIntervals,
  repairDurationMinutes,
  slaState,
  subtractIntervals,
  type BusinessHours,
  type Interval,
  type SlaClock,
} from './sla-clock';

// Local wall time in Asia/Shanghai (UTC+8 all year, no DST). 2024-06-03 is a Monday.
const cst = (local: string): Date => new Date(`${local}:00+08:00`);
const utc = (iso: string): Date => new Date(`${iso}:00Z`);
const span = (start: Date, end: Date): Interval => ({ start, end });

const ALWAYS: SlaClock = { kind: 'TWENTY_FOUR_SEVEN' };
const SHANGHAI_HOURS: BusinessHours = {
  timeZone: 'Asia/Shanghai',
  weekdays: [1, 2, 3, 4, 5],
  open: '09:00',
  close: '18:00',
  breaks: [{ start: '12:00', end: '13:00' }],
  holidays: [],
};
const SHANGHAI: SlaClock = { kind: 'BUSINESS_HOURS', hours: SHANGHAI_HOURS };
const CRITICAL_TARGET_MINUTES = 240;

const businessClock = (overrides: Partial<BusinessHours>): SlaClock => ({
  kind: 'BUSINESS_HOURS',
  hours: { ...SHANGHAI_HOURS, ...overrides },
});
const asIso = (intervals: Interval[]): [string, string][] =>
  intervals.map((i) => [i.start.toISOString(), i.end.toISOString()]);

describe('mergeIntervals', () => {
  it('sorts, merges overlapping and touching intervals, and drops empty ones', () => {
    const merged = mergeIntervals([
      span(cst('2024-06-03T14:00'), cst('2024-06-03T15:00')),
      span(cst('2024-06-03T10:00'), cst('2024-06-03T11:00')),
      span(cst('2024-06-03T10:30'), cst('2024-06-03T12:00')), // overlaps the 10:00 one
      span(cst('2024-06-03T12:00'), cst('2024-06-03T12:15')), // touches it
      span(cst('2024-06-03T16:00'), cst('2024-06-03T16:00')), // empty
      span(cst('2024-06-03T18:00'), cst('2024-06-03T17:00')), // reversed → empty
    ]);
    expect(asIso(merged)).toEqual([
      ['2024-06-03T02:00:00.000Z', '2024-06-03T04:15:00.000Z'], // 10:00–12:15 local
      ['2024-06-03T06:00:00.000Z', '2024-06-03T07:00:00.000Z'], // 14:00–15:00 local
    ]);
  });

  it('keeps an interval nested inside another as the outer one', () => {
    const outer = span(cst('2024-06-03T10:00'), cst('2024-06-03T15:00'));
    const merged = mergeIntervals([outer, span(cst('2024-06-03T11:00'), cst('2024-06-03T12:00'))]);
    expect(asIso(merged)).toEqual(asIso([outer]));
  });

  it('returns an empty list for no intervals and does not mutate its input', () => {
    expect(mergeIntervals([])).toEqual([]);
    const input = [span(cst('2024-06-03T11:00'), cst('2024-06-03T12:00'))];
    const result = mergeIntervals(input);
    result[0]!.end = cst('2024-06-03T23:00');
    expect(input[0]!.end).toEqual(cst('2024-06-03T12:00'));
  });

  it('rejects an invalid date', () => {
    expect(() => mergeIntervals([span(new Date('nope'), cst('2024-06-03T12:00'))])).toThrow(
      RangeError,
    );
  });
});

describe('subtractIntervals', () => {
  const base = [span(cst('2024-06-03T10:00'), cst('2024-06-03T15:00'))];

  it('cuts holes and counts overlapping removals once', () => {
    const rest = subtractIntervals(base, [
      span(cst('2024-06-03T11:00'), cst('2024-06-03T12:00')),
      span(cst('2024-06-03T11:30'), cst('2024-06-03T12:30')),
    ]);
    // 10:00–15:00 minus (11:00–12:30) = 10:00–11:00 ∪ 12:30–15:00
    expect(asIso(rest)).toEqual([
      ['2024-06-03T02:00:00.000Z', '2024-06-03T03:00:00.000Z'],
      ['2024-06-03T04:30:00.000Z', '2024-06-03T07:00:00.000Z'],
    ]);
  });

  it('ignores the parts of removals outside the base', () => {
    const rest = subtractIntervals(base, [
      span(cst('2024-06-03T08:00'), cst('2024-06-03T10:30')),
      span(cst('2024-06-03T14:45'), cst('2024-06-03T20:00')),
      span(cst('2024-06-03T21:00'), cst('2024-06-03T22:00')),
    ]);
    // 10:00–15:00 minus 10:00–10:30 and 14:45–15:00 = 10:30–14:45
    expect(asIso(rest)).toEqual([['2024-06-03T02:30:00.000Z', '2024-06-03T06:45:00.000Z']]);
  });

  it('returns nothing when the removals cover the base, and the base when nothing is removed', () => {
    expect(
      subtractIntervals(base, [span(cst('2024-06-03T09:00'), cst('2024-06-03T16:00'))]),
    ).toEqual([]);
    expect(asIso(subtractIntervals(base, []))).toEqual(asIso(base));
  });

  it('treats overlapping base intervals as their union', () => {
    const rest = subtractIntervals(
      [
        span(cst('2024-06-03T10:00'), cst('2024-06-03T12:00')),
        span(cst('2024-06-03T11:00'), cst('2024-06-03T13:00')),
      ],
      [span(cst('2024-06-03T11:00'), cst('2024-06-03T11:30'))],
    );
    // (10:00–13:00) minus 11:00–11:30 = 10:00–11:00 ∪ 11:30–13:00
    expect(asIso(rest)).toEqual([
      ['2024-06-03T02:00:00.000Z', '2024-06-03T03:00:00.000Z'],
      ['2024-06-03T03:30:00.000Z', '2024-06-03T05:00:00.000Z'],
    ]);
  });
});

describe('clockMinutes on 24 × 7', () => {
  it('counts wall minutes of the union', () => {
    const minutes = clockMinutes(
      [
        span(cst('2024-06-03T10:00'), cst('2024-06-03T12:00')),
        span(cst('2024-06-03T11:00'), cst('2024-06-03T13:30')),
        span(cst('2024-06-04T10:00'), cst('2024-06-04T10:20')),
      ],
      ALWAYS,
    );
    // 10:00–13:30 = 210, plus next day 10:00–10:20 = 20 → 230
    expect(minutes).toBe(230);
  });

  it('keeps fractional minutes unrounded', () => {
    const minutes = clockMinutes(
      [span(new Date('2024-06-03T02:00:00.000Z'), new Date('2024-06-03T02:01:30.500Z'))],
      ALWAYS,
    );
    // 90.5 s = 1.508333… min
    expect(minutes).toBeCloseTo(90.5 / 60, 12);
  });
});

describe('clockMinutes on business hours (Asia/Shanghai, Mon–Fri 09:00–18:00, break 12:00–13:00)', () => {
  it('counts a morning inside one working day', () => {
    // 09:30–11:45 = 135, no break inside
    expect(clockMinutes([span(cst('2024-06-03T09:30'), cst('2024-06-03T11:45'))], SHANGHAI)).toBe(
      135,
    );
  });

  it('removes the lunch break', () => {
    // 11:00–14:00 = 180 wall, minus break 12:00–13:00 = 60 → 120
    expect(clockMinutes([span(cst('2024-06-03T11:00'), cst('2024-06-03T14:00'))], SHANGHAI)).toBe(
      120,
    );
  });

  it('counts nothing before opening or after closing', () => {
    // 06:00–09:00 and 18:00–23:00 are outside 09:00–18:00 → 0
    const minutes = clockMinutes(
      [
        span(cst('2024-06-03T06:00'), cst('2024-06-03T09:00')),
        span(cst('2024-06-03T18:00'), cst('2024-06-03T23:00')),
      ],
      SHANGHAI,
    );
    expect(minutes).toBe(0);
  });

  it('spans a night', () => {
    // Mon 17:00 → Tue 10:00: Mon 17:00–18:00 = 60, Tue 09:00–10:00 = 60 → 120 (24×7 would be 1020)
    const outage = [span(cst('2024-06-03T17:00'), cst('2024-06-04T10:00'))];
    expect(clockMinutes(outage, SHANGHAI)).toBe(120);
    expect(clockMinutes(outage, ALWAYS)).toBe(1020);
  });

  it('spans a weekend', () => {
    // Fri 2024-06-07 16:30 → Mon 2024-06-10 09:45:
    // Fri 16:30–18:00 = 90, Sat 0, Sun 0, Mon 09:00–09:45 = 45 → 135
    const outage = [span(cst('2024-06-07T16:30'), cst('2024-06-10T09:45'))];
    expect(clockMinutes(outage, SHANGHAI)).toBe(135);
  });

  it('counts full working days across a week', () => {
    // Mon 2024-06-03 00:00 → Mon 2024-06-10 00:00: 5 working days × (540 − 60) = 5 × 480 = 2400
    const week = [span(cst('2024-06-03T00:00'), cst('2024-06-10T00:00'))];
    expect(clockMinutes(week, SHANGHAI)).toBe(2400);
  });

  it('skips a holiday', () => {
    // Dragon Boat Festival, Mon 2024-06-10, is a holiday.
    // Fri 2024-06-07 16:30 → Tue 2024-06-11 10:00:
    // Fri 16:30–18:00 = 90, Sat 0, Sun 0, Mon holiday 0, Tue 09:00–10:00 = 60 → 150
    const outage = [span(cst('2024-06-07T16:30'), cst('2024-06-11T10:00'))];
    expect(clockMinutes(outage, businessClock({ holidays: ['2024-06-10'] }))).toBe(150);
    // Without the holiday Monday adds 09:00–18:00 minus break = 480 → 630
    expect(clockMinutes(outage, SHANGHAI)).toBe(630);
  });

  it('reads weekdays and holidays on the local calendar of the policy zone', () => {
    // New York, Mon–Fri 09:00–21:00, no breaks. 2024-06-10T23:00Z–2024-06-11T01:00Z is
    // Mon 2024-06-10 19:00–21:00 EDT locally (but Tuesday in UTC).
    const evening = [span(utc('2024-06-10T23:00'), utc('2024-06-11T01:00'))];
    const newYork = (holidays: string[]): SlaClock =>
      businessClock({ timeZone: 'America/New_York', close: '21:00', breaks: [], holidays });
    // 19:00–21:00 local = 120
    expect(clockMinutes(evening, newYork([]))).toBe(120);
    // The local Monday is the holiday → 0
    expect(clockMinutes(evening, newYork(['2024-06-10']))).toBe(0);
    // A holiday on the UTC date (Tuesday) does not touch the local Monday → 120
    expect(clockMinutes(evening, newYork(['2024-06-11']))).toBe(120);
  });

  it('counts weekend days when the policy lists them', () => {
    // Sat 2024-06-08 10:00–14:00 with weekdays 1–6: 240 − break 60 = 180
    const saturday = [span(cst('2024-06-08T10:00'), cst('2024-06-08T14:00'))];
    expect(clockMinutes(saturday, businessClock({ weekdays: [1, 2, 3, 4, 5, 6] }))).toBe(180);
    expect(clockMinutes(saturday, SHANGHAI)).toBe(0);
  });

  it('supports a close of 24:00 and several breaks', () => {
    // Every day 00:00–24:00 with breaks 02:00–03:00 and 02:30–04:00 (union 02:00–04:00 = 120):
    // Mon 00:00 → Tue 00:00 = 1440 − 120 = 1320
    const clock = businessClock({
      weekdays: [1, 2, 3, 4, 5, 6, 7],
      open: '00:00',
      close: '24:00',
      breaks: [
        { start: '02:00', end: '03:00' },
        { start: '02:30', end: '04:00' },
      ],
    });
    expect(clockMinutes([span(cst('2024-06-03T00:00'), cst('2024-06-04T00:00'))], clock)).toBe(
      1320,
    );
  });
});

describe('clockMinutes across DST (Europe/Berlin; CET→CEST 2025-03-30, CEST→CET 2025-10-26)', () => {
  const berlin = (overrides: Partial<BusinessHours>): SlaClock =>
    businessClock({ timeZone: 'Europe/Berlin', breaks: [], ...overrides });

  it('spans the spring-forward weekend on local working hours', () => {
    // Fri 2025-03-28 16:00 CET (15:00Z) → Mon 2025-03-31 10:00 CEST (08:00Z).
    // Business Mon–Fri 09:00–18:00: Fri 16:00–18:00 = 120, Mon 09:00–10:00 = 60 → 180.
    // (A fixed +01:00 offset would put Mon 09:00 at 10:00 CEST and count 120.)
    const outage = [span(utc('2025-03-28T15:00'), utc('2025-03-31T08:00'))];
    expect(clockMinutes(outage, berlin({}))).toBe(180);
    // 24×7: Fri 15:00Z→24:00Z = 9 h, Sat 24 h, Sun 24 h, Mon 00:00Z→08:00Z = 8 h → 65 h = 3900
    expect(clockMinutes(outage, ALWAYS)).toBe(3900);
  });

  it('counts a 01:00–04:00 window as 2 h on the spring-forward day', () => {
    const clock = berlin({ weekdays: [1, 2, 3, 4, 5, 6, 7], open: '01:00', close: '04:00' });
    // Sat 2025-03-29 00:00 CET (03-28 23:00Z) → Mon 2025-03-31 23:59 CEST (21:59Z):
    // Sat 01:00–04:00 CET = 180; Sun 01:00 CET (00:00Z) → 04:00 CEST (02:00Z) = 120;
    // Mon 01:00–04:00 CEST = 180 → 480
    const days = [span(utc('2025-03-28T23:00'), utc('2025-03-31T21:59'))];
    expect(clockMinutes(days, clock)).toBe(480);
  });

  it('counts a 01:00–04:00 window as 4 h on the fall-back day', () => {
    const clock = berlin({ weekdays: [7], open: '01:00', close: '04:00' });
    // Sun 2025-10-26 01:00 CEST (10-25 23:00Z) → 04:00 CET (03:00Z) = 240
    const sunday = [span(utc('2025-10-25T20:00'), utc('2025-10-26T12:00'))];
    expect(clockMinutes(sunday, clock)).toBe(240);
  });

  it('counts whole local days as 23 h and 25 h', () => {
    const clock = berlin({ weekdays: [1, 2, 3, 4, 5, 6, 7], open: '00:00', close: '24:00' });
    // 2025-03-30 00:00 CET (03-29 23:00Z) → 03-31 00:00 CEST (03-30 22:00Z) = 23 h = 1380
    expect(clockMinutes([span(utc('2025-03-29T23:00'), utc('2025-03-30T22:00'))], clock)).toBe(
      1380,
    );
    // 2025-10-26 00:00 CEST (10-25 22:00Z) → 10-27 00:00 CET (10-26 23:00Z) = 25 h = 1500
    expect(clockMinutes([span(utc('2025-10-25T22:00'), utc('2025-10-26T23:00'))], clock)).toBe(
      1500,
    );
  });

  it('moves a window starting inside the spring-forward gap to the end of the gap', () => {
    const clock = berlin({ weekdays: [7], open: '02:00', close: '04:00' });
    // 02:00 does not exist on 2025-03-30; it becomes 03:00 CEST (01:00Z). 03:00–04:00 CEST = 60
    const sunday = [span(utc('2025-03-29T12:00'), utc('2025-03-30T12:00'))];
    expect(clockMinutes(sunday, clock)).toBe(60);
  });
});

describe('clockMinutes validates business hours', () => {
  const oneHour = [span(cst('2024-06-03T10:00'), cst('2024-06-03T11:00'))];
  it.each<[string, Partial<BusinessHours>, RegExp]>([
    ['unknown zone', { timeZone: 'Mars/Olympus' }, /unknown time zone Mars\/Olympus/],
    ['bad open', { open: '9:00' }, /open must be HH:mm, got 9:00/],
    ['bad close', { close: '24:30' }, /close must be HH:mm/],
    ['open after close', { open: '18:00', close: '09:00' }, /open must be before close/],
    ['reversed break', { breaks: [{ start: '13:00', end: '12:00' }] }, /breaks\[0\] must start/],
    ['weekday 0', { weekdays: [0] }, /weekday must be 1 \(Mon\) to 7 \(Sun\), got 0/],
    ['bad holiday', { holidays: ['2024-02-30'] }, /holiday must be YYYY-MM-DD, got 2024-02-30/],
  ])('rejects %s', (_name, overrides, message) => {
    expect(() => clockMinutes(oneHour, businessClock(overrides))).toThrow(message);
  });
});

describe('outageIntervals', () => {
  const ev = (status: FaultStatusEvent['status'], local: string): FaultStatusEvent => ({
    status,
    at: cst(local),
  });

  it('runs from reported to the first restoration', () => {
    const history = [
      ev('REPORTED', '2024-06-03T10:00'),
      ev('ACKNOWLEDGED', '2024-06-03T10:05'),
      ev('IN_PROGRESS', '2024-06-03T10:30'),
      ev('RESTORED', '2024-06-03T15:00'),
      ev('CLOSED', '2024-06-03T16:00'),
    ];
    expect(asIso(outageIntervals(history))).toEqual([
      ['2024-06-03T02:00:00.000Z', '2024-06-03T07:00:00.000Z'],
    ]);
  });

  it('adds one interval per reopen and ignores the restored gap', () => {
    const history = [
      ev('REPORTED', '2024-06-03T10:00'),
      ev('ACKNOWLEDGED', '2024-06-03T10:05'),
      ev('RESTORED', '2024-06-03T11:00'),
      ev('CLOSED', '2024-06-03T11:30'),
      ev('REOPENED', '2024-06-03T14:00'),
      ev('IN_PROGRESS', '2024-06-03T14:10'),
      ev('RESTORED', '2024-06-03T15:30'),
    ];
    expect(asIso(outageIntervals(history))).toEqual([
      ['2024-06-03T02:00:00.000Z', '2024-06-03T03:00:00.000Z'], // 10:00–11:00
      ['2024-06-03T06:00:00.000Z', '2024-06-03T07:30:00.000Z'], // 14:00–15:30
    ]);
  });

  it('sorts an unsorted history by time', () => {
    const history = [
      ev('RESTORED', '2024-06-03T15:30'),
      ev('REOPENED', '2024-06-03T14:00'),
      ev('RESTORED', '2024-06-03T11:00'),
      ev('REPORTED', '2024-06-03T10:00'),
    ];
    expect(outageIntervals(history).map((i) => i.start.toISOString())).toEqual([
      '2024-06-03T02:00:00.000Z',
      '2024-06-03T06:00:00.000Z',
    ]);
  });

  it('keeps the recorded order of same-instant events (restored then reopened at once)', () => {
    const history = [
      ev('REPORTED', '2024-06-03T10:00'),
      ev('RESTORED', '2024-06-03T11:00'),
      ev('REOPENED', '2024-06-03T11:00'),
      ev('RESTORED', '2024-06-03T12:00'),
    ];
    // 10:00–11:00 and 11:00–12:00 (in the other order, the reopen would be ignored)
    expect(outageIntervals(history)).toHaveLength(2);
  });

  it('only the first REPORTED starts the outage', () => {
    const history = [
      ev('REPORTED', '2024-06-03T10:00'),
      ev('RESTORED', '2024-06-03T11:00'),
      ev('REPORTED', '2024-06-03T12:00'),
    ];
    expect(asIso(outageIntervals(history, cst('2024-06-03T13:00')))).toEqual([
      ['2024-06-03T02:00:00.000Z', '2024-06-03T03:00:00.000Z'],
    ]);
  });

  it('ends an open interval at now, or drops it without now', () => {
    const history = [
      ev('REPORTED', '2024-06-03T10:00'),
      ev('RESTORED', '2024-06-03T11:00'),
      ev('REOPENED', '2024-06-03T14:00'),
    ];
    expect(asIso(outageIntervals(history, cst('2024-06-03T16:00')))).toEqual([
      ['2024-06-03T02:00:00.000Z', '2024-06-03T03:00:00.000Z'],
      ['2024-06-03T06:00:00.000Z', '2024-06-03T08:00:00.000Z'], // 14:00–now 16:00
    ]);
    expect(outageIntervals(history)).toHaveLength(1);
    expect(outageIntervals([ev('REPORTED', '2024-06-03T10:00')])).toEqual([]);
  });
});

describe('repairDurationMinutes', () => {
  const outage = [span(cst('2024-06-03T10:00'), cst('2024-06-03T15:00'))];
  const overlappingPauses = [
    span(cst('2024-06-03T11:00'), cst('2024-06-03T12:00')),
    span(cst('2024-06-03T11:30'), cst('2024-06-03T12:30')),
  ];

  it('reported 10:00, paused 11:00–12:00 and 11:30–12:30, restored 15:00, 24×7 → 210, within CRITICAL 240', () => {
    // 10:00→15:00 = 300 min; pauses 11:00–12:00 ∪ 11:30–12:30 = 11:00–12:30 = 90 min; 300 − 90 = 210
    const minutes = repairDurationMinutes({
      outages: outage,
      pauses: overlappingPauses,
      clock: ALWAYS,
    });
    expect(minutes).toBe(210);
    expect(
      slaState({ open: false, elapsedMinutes: minutes, targetMinutes: CRITICAL_TARGET_MINUTES }),
    ).toBe('MET');
  });

  it('same ticket on business hours 09:00–18:00, break 12:00–13:00, Asia/Shanghai → 180', () => {
    // Mon 2024-06-03. Outage minus pauses = 10:00–11:00 ∪ 12:30–15:00.
    // 10:00–11:00 = 60 (all inside working time)
    // 12:30–15:00 = 150 wall, minus 12:30–13:00 in the break (30) = 120
    // 60 + 120 = 180
    // (Cross-check: outage 300 − break 60 = 240 working minutes; pauses in working time:
    //  11:00–12:00 = 60, 12:00–12:30 is break; 240 − 60 = 180.)
    const minutes = repairDurationMinutes({
      outages: outage,
      pauses: overlappingPauses,
      clock: SHANGHAI,
    });
    expect(minutes).toBe(180);
    expect(
      slaState({ open: false, elapsedMinutes: minutes, targetMinutes: CRITICAL_TARGET_MINUTES }),
    ).toBe('MET');
  });

  it('counts a pause partly outside the outage only where it overlaps', () => {
    // Outage 10:00–15:00 = 300. Pauses 09:00–10:30 (overlap 10:00–10:30 = 30) and
    // 14:30–16:00 (overlap 14:30–15:00 = 30). 300 − 30 − 30 = 240
    const pauses = [
      span(cst('2024-06-03T09:00'), cst('2024-06-03T10:30')),
      span(cst('2024-06-03T14:30'), cst('2024-06-03T16:00')),
    ];
    expect(repairDurationMinutes({ outages: outage, pauses, clock: ALWAYS })).toBe(240);
  });

  it('ignores a pause wholly outside the outage', () => {
    // Pause 16:00–17:00 is after restoration at 15:00 → 300 − 0 = 300
    const pauses = [span(cst('2024-06-03T16:00'), cst('2024-06-03T17:00'))];
    expect(repairDurationMinutes({ outages: outage, pauses, clock: ALWAYS })).toBe(300);
  });

  it('sums two outage intervals after a reopen, excluding the restored gap', () => {
    // Outages 10:00–11:00 (60) and 12:30–14:00 (90); the gap 11:00–12:30 is not counted.
    // 24×7: 60 + 90 = 150
    // Business: 10:00–11:00 = 60; 12:30–14:00 minus break 12:30–13:00 = 60 → 120
    const outages = [
      span(cst('2024-06-03T10:00'), cst('2024-06-03T11:00')),
      span(cst('2024-06-03T12:30'), cst('2024-06-03T14:00')),
    ];
    expect(repairDurationMinutes({ outages, pauses: [], clock: ALWAYS })).toBe(150);
    expect(repairDurationMinutes({ outages, pauses: [], clock: SHANGHAI })).toBe(120);
    // A pause 10:30–13:30 spanning the gap removes 10:30–11:00 (30) and 12:30–13:30 (60):
    // 24×7: 150 − 90 = 60
    const pauses = [span(cst('2024-06-03T10:30'), cst('2024-06-03T13:30'))];
    expect(repairDurationMinutes({ outages, pauses, clock: ALWAYS })).toBe(60);
  });

  it('measures a reopened ticket from its status history', () => {
    const history: FaultStatusEvent[] = [
      { status: 'REPORTED', at: cst('2024-06-03T10:00') },
      { status: 'ACKNOWLEDGED', at: cst('2024-06-03T10:10') },
      { status: 'IN_PROGRESS', at: cst('2024-06-03T10:20') },
      { status: 'RESTORED', at: cst('2024-06-03T11:00') },
      { status: 'REOPENED', at: cst('2024-06-03T14:00') },
      { status: 'IN_PROGRESS', at: cst('2024-06-03T14:05') },
      { status: 'PENDING_CUSTOMER', at: cst('2024-06-03T14:30') },
      { status: 'IN_PROGRESS', at: cst('2024-06-03T15:00') },
      { status: 'RESTORED', at: cst('2024-06-03T16:00') },
    ];
    // Outages 10:00–11:00 (60) + 14:00–16:00 (120) = 180; pause 14:30–15:00 = 30 → 150
    const minutes = repairDurationMinutes({
      outages: outageIntervals(history),
      pauses: pauseIntervalsFromHistory(history),
      clock: ALWAYS,
    });
    expect(minutes).toBe(150);
  });

  it('measures an open ticket at now', () => {
    const history: FaultStatusEvent[] = [
      { status: 'REPORTED', at: cst('2024-06-03T10:00') },
      { status: 'ACKNOWLEDGED', at: cst('2024-06-03T10:05') },
      { status: 'IN_PROGRESS', at: cst('2024-06-03T10:20') },
      { status: 'PENDING_CUSTOMER', at: cst('2024-06-03T11:00') },
      { status: 'IN_PROGRESS', at: cst('2024-06-03T11:45') },
      { status: 'PENDING_CUSTOMER', at: cst('2024-06-03T13:40') },
    ];
    const now = cst('2024-06-03T14:00');
    // Outage 10:00–now 14:00 = 240; pauses 11:00–11:45 (45) and 13:40–now (20) = 65 → 175
    // CRITICAL 240: 75 % = 180; 175 < 180 → ON_TRACK
    const elapsed = repairDurationMinutes({
      outages: outageIntervals(history, now),
      pauses: pauseIntervalsFromHistory(history, now),
      clock: ALWAYS,
    });
    expect(elapsed).toBe(175);
    expect(
      slaState({ open: true, elapsedMinutes: elapsed, targetMinutes: CRITICAL_TARGET_MINUTES }),
    ).toBe('ON_TRACK');
    // At 14:05 the running pause has grown with the outage: outage 245 − pauses (45 + 25) = 175
    const stillPaused = cst('2024-06-03T14:05');
    expect(
      repairDurationMinutes({
        outages: outageIntervals(history, stillPaused),
        pauses: pauseIntervalsFromHistory(history, stillPaused),
        clock: ALWAYS,
      }),
    ).toBe(175);
    // Resumed at 14:05; by 14:10: outage 250 − pauses (45 + 25) = 180 = 75 % of 240 → AT_RISK
    const resumed = [...history, { status: 'IN_PROGRESS' as const, at: cst('2024-06-03T14:05') }];
    const later = cst('2024-06-03T14:10');
    const laterElapsed = repairDurationMinutes({
      outages: outageIntervals(resumed, later),
      pauses: pauseIntervalsFromHistory(resumed, later),
      clock: ALWAYS,
    });
    expect(laterElapsed).toBe(180);
    expect(
      slaState({
        open: true,
        elapsedMinutes: laterElapsed,
        targetMinutes: CRITICAL_TARGET_MINUTES,
      }),
    ).toBe('AT_RISK');
  });

  it('measures an open ticket at now on business hours', () => {
    // Reported Fri 2024-06-07 17:00, still open Mon 2024-06-10 10:30, no pauses:
    // Fri 17:00–18:00 = 60, Mon 09:00–10:30 = 90 → 150
    const history: FaultStatusEvent[] = [{ status: 'REPORTED', at: cst('2024-06-07T17:00') }];
    const now = cst('2024-06-10T10:30');
    const elapsed = repairDurationMinutes({
      outages: outageIntervals(history, now),
      pauses: [],
      clock: SHANGHAI,
    });
    expect(elapsed).toBe(150);
  });
});

describe('slaState', () => {
  it.each<[boolean, number, string]>([
    // target 240: 75 % = 180
    [true, 0, 'ON_TRACK'],
    [true, 179.99, 'ON_TRACK'],
    [true, 180, 'AT_RISK'],
    [true, 240, 'AT_RISK'],
    [true, 240.01, 'BREACHED'],
    [false, 0, 'MET'],
    [false, 240, 'MET'],
    [false, 240.01, 'MISSED'],
  ])('open=%s, elapsed %s of 240 → %s', (open, elapsedMinutes, expected) => {
    expect(slaState({ open, elapsedMinutes, targetMinutes: 240 })).toBe(expected);
  });

  it('rejects a non-positive target and a negative elapsed time', () => {
    expect(() => slaState({ open: true, elapsedMinutes: 0, targetMinutes: 0 })).toThrow(RangeError);
    expect(() => slaState({ open: true, elapsedMinutes: -1, targetMinutes: 60 })).toThrow(
      RangeError,
    );
    expect(() => slaState({ open: true, elapsedMinutes: NaN, targetMinutes: 60 })).toThrow(
      RangeError,
    );
  });
});
