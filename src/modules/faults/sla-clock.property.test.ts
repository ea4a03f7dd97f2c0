import fc from 'fast-check';
import {
  clockMinutes,
  mergeIntervals,
  repairDurationMinutes,
  subtractIntervals,
  type BusinessHours,
  type Interval,
  type SlaClock,
} from './sla-clock';

// A ten-week window holding DST changes in Berlin (03-30), New York (03-09), Lord Howe (04-06,
// a 30-minute shift) and a Chinese public holiday (04-04).
const FROM = Date.parse('2025-02-20T00:00:00Z');
const TO = Date.parse('2025-04-30T00:00:00Z');
const ALWAYS: SlaClock = { kind: 'TWENTY_FOUR_SEVEN' };
const EPSILON = 1e-6; // minutes; sums of fractional minutes may differ in the last bits

const instantArb = fc.integer({ min: FROM, max: TO });
const intervalArb: fc.Arbitrary<Interval> = fc
  .tuple(instantArb, fc.integer({ min: 0, max: 5 * 24 * 60 * 60_000 }))
  .map(([start, length]) => ({
    start: new Date(start),
    end: new Date(Math.min(TO, start + length)),
  }));
const intervalsArb = fc.array(intervalArb, { maxLength: 6 });

const hhmm = (minute: number): string =>
  minute === 1440
    ? '24:00'
    : `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
const dayArb = fc
  .integer({ min: 0, max: 69 })
  .map((d) => new Date(FROM + d * 86_400_000).toISOString().slice(0, 10));
const businessHoursArb: fc.Arbitrary<BusinessHours> = fc
  .record({
    timeZone: fc.constantFrom(
      'Asia/Shanghai',
      'Europe/Berlin',
      'America/New_York',
      'Australia/Lord_Howe',
      'UTC',
    ),
    weekdays: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { maxLength: 7 }),
    bounds: fc.uniqueArray(fc.integer({ min: 0, max: 96 }), { minLength: 2, maxLength: 2 }),
    breakAt: fc.option(
      fc.tuple(fc.integer({ min: 0, max: 1439 }), fc.integer({ min: 1, max: 180 })),
    ),
    holidays: fc.array(dayArb, { maxLength: 5 }),
  })
  .map(({ timeZone, weekdays, bounds, breakAt, holidays }) => {
    const [open, close] = [...bounds].sort((a, b) => a - b).map((q) => q * 15);
    const breaks =
      breakAt === null
        ? []
        : [{ start: hhmm(breakAt[0]), end: hhmm(Math.min(1440, breakAt[0] + breakAt[1])) }];
    return { timeZone, weekdays, open: hhmm(open!), close: hhmm(close!), breaks, holidays };
  });
const clockArb: fc.Arbitrary<SlaClock> = fc.oneof(
  fc.constant(ALWAYS),
  businessHoursArb.map((hours): SlaClock => ({ kind: 'BUSINESS_HOURS', hours })),
);

const wallMinutes = (intervals: Interval[]): number =>
  intervals.reduce((sum, i) => sum + Math.max(0, i.end.getTime() - i.start.getTime()), 0) / 60_000;

describe('SLA clock properties', () => {
  it('mergeIntervals is idempotent and yields sorted, disjoint, non-touching intervals', () => {
    fc.assert(
      fc.property(intervalsArb, (intervals) => {
        const once = mergeIntervals(intervals);
        expect(mergeIntervals(once)).toEqual(once);
        once.forEach((interval, i) => {
          expect(interval.end.getTime()).toBeGreaterThan(interval.start.getTime());
          const next = once[i + 1];
          if (next) expect(next.start.getTime()).toBeGreaterThan(interval.end.getTime());
        });
      }),
    );
  });

  it('merging keeps the covered time: union ≤ sum of parts, ≥ the longest part', () => {
    fc.assert(
      fc.property(intervalsArb, (intervals) => {
        const union = wallMinutes(mergeIntervals(intervals));
        expect(union).toBeLessThanOrEqual(wallMinutes(intervals) + EPSILON);
        const longest = Math.max(0, ...intervals.map((i) => wallMinutes([i])));
        expect(union).toBeGreaterThanOrEqual(longest - EPSILON);
      }),
    );
  });

  it('|A \\ B| = |A ∪ B| − |B| on the wall clock', () => {
    fc.assert(
      fc.property(intervalsArb, intervalsArb, (a, b) => {
        const rest = subtractIntervals(a, b);
        expect(mergeIntervals(rest)).toEqual(rest); // already sorted and disjoint
        const difference = clockMinutes(rest, ALWAYS);
        const expected = clockMinutes([...a, ...b], ALWAYS) - clockMinutes(b, ALWAYS);
        expect(difference).toBeCloseTo(expected, 6);
      }),
    );
  });

  it('repair duration never exceeds the wall time of the outages', () => {
    fc.assert(
      fc.property(intervalsArb, intervalsArb, clockArb, (outages, pauses, clock) => {
        const duration = repairDurationMinutes({ outages, pauses, clock });
        expect(duration).toBeGreaterThanOrEqual(0);
        expect(duration).toBeLessThanOrEqual(clockMinutes(outages, ALWAYS) + EPSILON);
      }),
    );
  });

  it('adding a pause never increases the repair duration', () => {
    fc.assert(
      fc.property(
        intervalsArb,
        intervalsArb,
        intervalArb,
        clockArb,
        (outages, pauses, extra, clock) => {
          const before = repairDurationMinutes({ outages, pauses, clock });
          const after = repairDurationMinutes({ outages, pauses: [...pauses, extra], clock });
          expect(after).toBeLessThanOrEqual(before + EPSILON);
        },
      ),
    );
  });

  it('business-hours minutes never exceed 24×7 minutes', () => {
    fc.assert(
      fc.property(intervalsArb, businessHoursArb, (intervals, hours) => {
        const business = clockMinutes(intervals, { kind: 'BUSINESS_HOURS', hours });
        expect(business).toBeLessThanOrEqual(clockMinutes(intervals, ALWAYS) + EPSILON);
      }),
    );
  });

  it('business-hours minutes are additive when an interval is split at any instant', () => {
    fc.assert(
      fc.property(instantArb, instantArb, instantArb, businessHoursArb, (x, y, z, hours) => {
        const [a, b, c] = [x, y, z].sort((p, q) => p - q).map((ms) => new Date(ms));
        const clock: SlaClock = { kind: 'BUSINESS_HOURS', hours };
        const whole = clockMinutes([{ start: a!, end: c! }], clock);
        const parts =
          clockMinutes([{ start: a!, end: b! }], clock) +
          clockMinutes([{ start: b!, end: c! }], clock);
        expect(whole).toBeCloseTo(parts, 6);
      }),
    );
  });

  it('an all-day, every-day business clock without holidays equals 24×7', () => {
    const allDay: BusinessHours = {
      timeZone: 'Europe/Berlin',
      weekdays: [1, 2, 3, 4, 5, 6, 7],
      open: '00:00',
      close: '24:00',
      breaks: [],
      holidays: [],
    };
    fc.assert(
      fc.property(intervalsArb, (intervals) => {
        const business = clockMinutes(intervals, { kind: 'BUSINESS_HOURS', hours: allDay });
        expect(business).toBeCloseTo(clockMinutes(intervals, ALWAYS), 6);
      }),
    );
  });
});
